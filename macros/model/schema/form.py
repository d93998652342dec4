"""Parts of the official form (Nghị định 30/2020/NĐ-CP) shared by plans, plan types and unit lists:
issuing body, recipients, deadlines, signature, contact, source, the content of a part, the date."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag, field_validator

from .base import IsoDate, Model, Slug, Text, Url
from .blocks import Block


class Issuer(Model):
    name: Text = Field(
        description="Tên cơ quan ban hành in ở đầu văn bản, chữ in hoa, ví dụ 'ỦY BAN NHÂN DÂN XÃ VĨNH THỦY'."
    )
    superior: Text | None = Field(
        None, description="Tên cơ quan chủ quản trực tiếp in phía trên (nếu có), ví dụ 'UBND TỈNH LẠNG SƠN'."
    )
    short: Text = Field(description="Tên viết trong câu văn, ví dụ 'UBND xã Vĩnh Thủy'.")
    label: Text | None = Field(
        None,
        description="Tên hiển thị ở mục lục và tiêu đề trang khi `short` chưa đủ rõ, ví dụ 'Văn phòng UBND tỉnh Lai Châu'.",
    )


class RecipientGroup(Model):
    group: list[Text] = Field(min_length=2, description="Các nơi nhận chung một ghi chú, in kèm dấu ngoặc '}'.")
    note: Text = Field(description="Ghi chú chung, ví dụ '(để b/c);'.")


def _recipient_kind(v):
    if isinstance(v, str):
        return "line"
    if isinstance(v, (dict, RecipientGroup)):
        return "group"
    return None


Recipient = Annotated[
    Annotated[Text, Tag("line")] | Annotated[RecipientGroup, Tag("group")],
    Discriminator(
        _recipient_kind,
        custom_error_type="recipient_kind",
        custom_error_message="cần một dòng nơi nhận, hoặc một bảng có 'group' và 'note'",
    ),
]
DEADLINE_KINDS = {
    "sau-thang": "Báo cáo 6 tháng",
    "hang-nam": "Báo cáo năm",
    "dot-xuat": "Báo cáo đột xuất",
    "dinh-ky": "Báo cáo định kỳ",
    "dang-ky": "Đăng ký",
    "khac": "Thời hạn khác",
}


class Deadline(Model):
    """A reporting or registration deadline, as the plan's text states it."""

    kind: Literal[tuple(DEADLINE_KINDS)] = Field(
        description="`sau-thang` (6 tháng), `hang-nam` (năm), `dot-xuat`, `dinh-ky` (định kỳ không ghi ngày), `dang-ky`, `khac`."
    )
    title: Text = Field(description="Việc phải làm, ví dụ 'Báo cáo kết quả công tác PCKB 6 tháng'.")
    date: str | None = Field(
        None,
        pattern=r"^(\d{4}-)?\d{2}-\d{2}$",
        description="Hạn: `MM-DD` (trong năm của kế hoạch) hoặc `YYYY-MM-DD`; bỏ trống khi không có ngày cố định (đột xuất). Ngày phải có trong văn bản kế hoạch (dạng 30/5).",
    )
    every_year: bool = Field(False, description="`true` khi văn bản ghi 'hằng năm': lịch lặp lại mỗi năm.")
    to: Text | None = Field(
        None, description="Gửi về đâu, như văn bản ghi, ví dụ 'Ban Chỉ đạo PCKB tỉnh (qua Công an tỉnh)'."
    )
    by: list[Slug] = Field(default_factory=list, description="Mã vai trò phải báo cáo, đăng ký.")

    @field_validator("date", mode="before")
    @classmethod
    def _date_as_text(cls, v):
        # YAML reads an unquoted 2026-05-30 as a date; it is the same deadline as "2026-05-30".
        return v.isoformat() if isinstance(v, dt.date) and not isinstance(v, dt.datetime) else v

    @field_validator("date")
    @classmethod
    def _real_day(cls, v):
        if v is not None:
            parts = [int(x) for x in v.split("-")]
            try:
                dt.date(parts[0] if len(parts) == 3 else 2000, parts[-2], parts[-1])  # 2000: 29/02 is a day
            except ValueError:
                raise ValueError(f"ngày '{v}' không tồn tại") from None
        return v


AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ)\. ")


class Signature(Model):
    authority: Text | None = Field(
        None, description="Dòng thẩm quyền ký: 'TM. ỦY BAN NHÂN DÂN', 'KT. CHÁNH VĂN PHÒNG', 'Q. …', 'TL. …', 'TUQ. …'."
    )
    title: Text | None = Field(
        None, description="Chức vụ người ký, ví dụ 'CHỦ TỊCH'; bỏ trống chỉ khi bản gốc không ghi (có cảnh báo)."
    )
    subtitle: Text | None = Field(
        None, description="Dòng chức vụ thứ hai, ví dụ 'CHỦ TỊCH UBND TỈNH' dưới 'TRƯỞNG BAN'."
    )
    name: Text | None = Field(None, description="Họ tên người ký; để trống ở bản dự thảo.")

    @field_validator("authority")
    @classmethod
    def _authority_form(cls, v):
        return authority_form(v)


def authority_form(v: str | None) -> str | None:
    """A signing authority line opens with its form (TM., KT., Q., TL., TUQ.)."""
    if v is not None and not AUTHORITY.match(v):
        raise ValueError("cần bắt đầu bằng 'TM. ', 'KT. ', 'Q. ', 'TL. ' hoặc 'TUQ. ' (Nghị định 30/2020/NĐ-CP)")
    return v


class Contact(Model):
    via: Text | None = Field(None, description="Đầu mối qua cơ quan nào, ví dụ 'Công an xã'.")
    person: Text = Field(description="Người đầu mối (cấp bậc, họ tên) như văn bản ghi.")
    position: Text | None = Field(None, description="Chức vụ của người đầu mối.")
    phone: Text = Field(
        description="Luôn là chỗ trống như '[số điện thoại]': không ghi số điện thoại cá nhân vào dữ liệu."
    )


class Source(Model):
    seed: str | None = Field(None, description="Tệp văn bản gốc trong shared/seeds.")
    url: Url | None = Field(None, description="Địa chỉ công khai của văn bản gốc.")
    note: Text | None = Field(None, description="Ghi chú về việc chép lại (sửa lỗi chính tả, dòng bị cắt…).")


class SectionContent(Model):
    heading: Text | None = Field(
        None, description="Đổi tên phần so với loại kế hoạch; bắt buộc với phần riêng của kế hoạch (trong `parts`)."
    )
    content: list[Block] | None = Field(
        None,
        description="Thay toàn bộ nội dung mẫu của phần; `content: []` bỏ nội dung mẫu, chỉ giữ `add`. "
        "Bắt buộc với phần riêng của kế hoạch.",
    )
    add: list[Block] = Field(default_factory=list, description="Thêm vào sau nội dung (mục đánh số nối tiếp).")
    executor_lines: bool | None = Field(None, description="Đổi cách in dòng 'Đơn vị thực hiện:' so với loại kế hoạch.")


class AnnexTo(Model):
    """The decision a plan is issued with: the plan has no number of its own."""

    kind: Text = Field("Quyết định", description="Loại văn bản mà kế hoạch ban hành kèm theo, thường là 'Quyết định'.")
    number: Text | None = Field(
        None,
        description="Số và ký hiệu của văn bản đó như bản gốc ghi, ví dụ '1234/QĐ-BCA'; để trống khi chưa có (in '…').",
    )
    date: IsoDate | None = Field(None, description="Ngày ký văn bản đó (YYYY-MM-DD); để trống khi chưa có.")
    issuer: Text = Field(description="Cơ quan, người ký văn bản đó như bản gốc ghi, ví dụ 'Bộ trưởng Bộ Công an'.")


class IssueDate(Model):
    """The date line: a full date, only the month (draft), or nothing yet."""

    year: int
    month: int | None = None
    day: int | None = None
