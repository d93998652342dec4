"""A yearly edition of the guidance (data/editions/<year>/edition.yml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import IsoDate, Model, Slug, Sourced, Text

CHANGE_KINDS = {"lon": "Thay đổi lớn", "nho": "Thay đổi nhỏ"}


class Change(Model):
    """One dated entry of an edition's record of changes."""

    date: IsoDate = Field(description="Ngày thay đổi (YYYY-MM-DD).")
    kind: Literal[tuple(CHANGE_KINDS)] = Field(
        description="`lon`: thay đổi nội dung người soạn cần biết (đổi ngày 'Cập nhật lần cuối'); `nho`: sửa chữ, trình bày."
    )
    text: Text = Field(description="Thay đổi gì, viết cho người soạn kế hoạch.")
    plan_types: list[Slug] = Field(
        default_factory=list, description="Loại kế hoạch bị thay đổi; bỏ trống khi thay đổi chung cho cả trang."
    )


class SourcedText(Sourced):
    text: Text = Field(description="Nội dung.")


class Edition(Model):
    """One year's edition of the guidance: data/editions/<năm>/edition.yml, beside its plan types."""

    year: int = Field(ge=2000, le=2100, description="Năm của ấn bản; trùng tên thư mục.")
    published: IsoDate | None = Field(
        description="Ngày công bố (YYYY-MM-DD); để trống (`published:`) khi ấn bản còn là dự thảo."
    )
    priorities: list[SourcedText] = Field(
        default_factory=list, description="Trọng tâm của năm người soạn cần đưa vào kế hoạch, mỗi mục có nguồn."
    )
    notes: list[Text] = Field(default_factory=list, description="Lưu ý cho người soạn kế hoạch năm này.")
    changes: list[Change] = Field(
        default_factory=list, description="Nhật ký thay đổi có ngày, mới nhất ở cuối; ấn bản phải có ít nhất một mục."
    )
