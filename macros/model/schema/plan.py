"""A filled plan (data/plans/<year>/*.yml)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import Field, WithJsonSchema, field_validator

from .base import Model, PlanId, Slug, Text
from .form import Contact, Deadline, IssueDate, Issuer, Recipient, SectionContent, Signature, Source


class Plan(Model):
    id: PlanId = Field(description="Mã kế hoạch, duy nhất trong toàn bộ dữ liệu; thành địa chỉ trang.")
    plan_type: Slug = Field(description="Mã loại kế hoạch trong data/plan-types/.")
    year: int = Field(ge=2000, le=2100, description="Năm của kế hoạch.")
    level: Slug = Field(description="Mã cấp ban hành trong data/levels.yml.")
    issuer: Issuer
    place: Text | None = Field(None, description="Địa danh ghi trước ngày tháng; để trống nếu chưa rõ.")
    number: str | None = Field(None, description="Số văn bản; để trống khi là dự thảo (in thành '…').")
    symbol: str | None = Field(
        None, pattern=r"^KH-[A-ZĐ0-9-]+$", description="Ký hiệu, bắt đầu bằng 'KH-', ví dụ 'KH-UBND'."
    )
    # Read from YAML as a date or 'YYYY-MM'; editors see it as that string.
    date: Annotated[
        IssueDate | None, WithJsonSchema({"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}(-\d{2})?$"})
    ] = Field(None, description="Ngày ban hành: YYYY-MM-DD; YYYY-MM khi mới có tháng; bỏ trống khi chưa có.")
    title: Text | None = Field(None, description="Trích yếu nội dung (dòng dưới chữ KẾ HOẠCH).")
    preamble: Text | None = Field(
        None,
        description="Đoạn mở đầu: thực hiện văn bản nào, ai ban hành kế hoạch. Bỏ trống giá trị để không có đoạn mở đầu.",
    )
    fill: dict[Slug, Text] = Field(default_factory=dict, description="Giá trị cho các chỗ điền của loại kế hoạch.")
    sections: dict[Slug, SectionContent] = Field(
        default_factory=dict, description="Nội dung từng phần, theo mã phần của loại kế hoạch."
    )
    closing: Text | None = Field(
        None,
        description="Đoạn kết. Ghi `closing:` không có giá trị khi kế hoạch không có đoạn kết (không dùng đoạn kết mặc định).",
    )
    contact: Contact | None = Field(None, description="Đầu mối liên hệ; in vào chỗ {contact} của đoạn kết.")
    recipients: list[Recipient] | None = Field(
        None, description="Nơi nhận, mỗi dòng một nơi; dòng cuối thường là 'Lưu: VT, …'."
    )
    deadlines: list[Deadline] | None = Field(
        None, description="Thời hạn báo cáo, đăng ký của kế hoạch (thay thời hạn mặc định của loại kế hoạch)."
    )
    signature: Signature
    source: Source | None = Field(None, description="Nguồn của kế hoạch mẫu.")

    @field_validator("number", mode="before")
    @classmethod
    def _number_as_text(cls, v):
        return str(v) if isinstance(v, int) and not isinstance(v, bool) else v

    @field_validator("date", mode="before")
    @classmethod
    def _parse_date(cls, v):
        if v is None or isinstance(v, IssueDate):
            return v
        if isinstance(v, dt.datetime):
            raise ValueError("cần ngày dạng YYYY-MM-DD, không kèm giờ")
        if isinstance(v, dt.date):
            return {"year": v.year, "month": v.month, "day": v.day}
        if isinstance(v, str):
            m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", v.strip())
            if m:
                y, mo, d = int(m[1]), int(m[2]), m[3] and int(m[3])
                try:
                    dt.date(y, mo, d or 1)
                except ValueError:
                    raise ValueError(f"ngày '{v}' không tồn tại") from None
                return {"year": y, "month": mo, "day": d or None}
        raise ValueError(
            "cần ngày dạng YYYY-MM-DD (ví dụ 2019-04-03), hoặc YYYY-MM khi mới có tháng; bỏ trống khi chưa có ngày"
        )
