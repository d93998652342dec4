"""The rules of the draft checker (data/kiem-tra-ban-thao.yml): what the catalogue cannot say.

Document numbers, statuses and relations come from data/legal/, the bodies of an ended level
from data/roles.yml, the parts of each plan type from the current edition; this file holds the
patterns that find them in a draft, and the elements of the official form. Every pattern is a
regular expression that Python and JavaScript read alike (see model/draft_check.py).
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from .base import Model, Slug, Text


def _compiles(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"biểu thức chính quy không hợp lệ: {exc}") from None
    for bad in (r"\w", r"\b", "(?P<"):
        if bad in value:
            raise ValueError(f"không dùng '{bad}': JavaScript hiểu khác Python")
    return value


Pattern = Annotated[str, AfterValidator(_compiles), Field(min_length=1, description="Biểu thức chính quy.")]


class TitleYear(Model):
    after: Pattern = Field(description="Dòng bắt đầu tên kế hoạch (dòng 'KẾ HOẠCH').")
    within: int = Field(2, ge=0, description="Số dòng sau dòng đó còn thuộc tên kế hoạch.")
    pattern: Pattern = Field(description="Năm trong tên kế hoạch (nhóm 1).")


class EndedNames(Model):
    level: Slug = Field(description="Mã cấp trong ended_levels của data/roles.yml.")
    label: Text = Field(description="Tên cấp trong thông báo, ví dụ 'cấp huyện'.")
    names: list[Text] = Field(min_length=1, description="Cách gọi cơ quan cấp đó trong kế hoạch.")


class FormElement(Model):
    id: Slug
    label: Text = Field(description="Tên thành phần trong thông báo.")
    pattern: Pattern = Field(description="Dòng có thành phần này.")
    after: Pattern | None = Field(None, description="Chỉ tìm ở các dòng sau dòng đầu tiên khớp mẫu này.")
    within: int | None = Field(None, ge=0, description="Chỉ tìm trong số dòng này sau dòng 'after'.")
    case_sensitive: bool = Field(False, description="`true`: phân biệt chữ hoa, chữ thường (tên loại in hoa).")
    uppercase: bool = Field(False, description="`true`: dòng phải viết toàn chữ in hoa (chức vụ người ký).")
    where: Literal["start", "end"] = Field(description="Báo ở dòng đầu (start) hay dòng cuối (end) khi thiếu.")


class PlanTypeMatch(Model):
    id: Slug = Field(description="Mã loại kế hoạch trong ấn bản hiện hành.")
    match: list[Text] = Field(min_length=1, description="Cụm từ trong tên kế hoạch cho biết loại này.")
    parts: dict[Slug, list[Text]] = Field(
        default_factory=dict, description="Theo mã phần: các cách viết khác của tên phần được chấp nhận."
    )


class DraftRules(Model):
    strip: list[Pattern] = Field(default_factory=list, description="Định dạng bỏ đi trước khi kiểm tra.")
    place_date: Pattern = Field(description="Dòng địa danh, ngày tháng: nhóm 1 ngày, 2 tháng, 3 năm.")
    title_year: TitleYear
    citations: list[Pattern] = Field(min_length=1, description="Số văn bản được dẫn (nhóm 1).")
    ended_level_names: list[EndedNames] = Field(default_factory=list)
    deadline: Pattern = Field(description="Năm của một thời hạn (nhóm 1).")
    form: list[FormElement] = Field(min_length=1, description="Thành phần thể thức bắt buộc.")
    heading: Pattern = Field(description="Dòng tên phần La Mã (nhóm 1: tên phần).")
    plan_types: list[PlanTypeMatch] = Field(default_factory=list)
