"""A plan type (data/editions/<year>/plan-types/*.yml): structure, guidance, sample wording."""

from __future__ import annotations

from pydantic import Field, field_validator

from .base import Model, Slug, Text
from .blocks import Block
from .form import Deadline, Recipient, authority_form


class SectionType(Model):
    id: Slug = Field(description="Mã của phần, dùng trong `sections` của kế hoạch.")
    heading: Text = Field(description="Tên phần, in hoa sau số La Mã, ví dụ 'MỤC ĐÍCH, YÊU CẦU'.")
    guidance: list[Text] = Field(min_length=1, description="Hướng dẫn người soạn: phần này cần nói gì.")
    sample: list[Block] = Field(
        default_factory=list, description="Nội dung mẫu mặc định; có thể chứa chỗ điền như {year}."
    )
    executor_lines: bool = Field(
        False,
        description="`true`: mỗi mục có phân công kết thúc bằng dòng 'Đơn vị thực hiện:' (như kế hoạch cấp tỉnh).",
    )


class Defaults(Model):
    title: Text | None = Field(
        None, description="Trích yếu mặc định, ví dụ 'Triển khai công tác phòng, chống khủng bố năm {year}'."
    )
    preamble: Text | None = Field(None, description="Đoạn mở đầu mặc định (văn bản thực hiện, lý do ban hành).")
    closing: Text | None = Field(None, description="Đoạn kết mặc định ('Trên đây là Kế hoạch…').")
    symbol: str | None = Field(None, description="Ký hiệu mặc định, ví dụ 'KH-UBND'.")
    recipients: list[Recipient] | None = Field(None, description="Nơi nhận mặc định.")
    deadlines: list[Deadline] | None = Field(None, description="Thời hạn báo cáo, đăng ký mặc định.")
    authority: Text | None = Field(
        None,
        description="Dòng thẩm quyền ký mặc định, ví dụ 'TM. ỦY BAN NHÂN DÂN'; kế hoạch không ghi `signature.authority` thì "
        "in dòng này (ghi `authority:` không có giá trị khi bản gốc không có).",
    )

    @field_validator("authority")
    @classmethod
    def _authority_form(cls, v):
        return authority_form(v)


class LevelVariant(Model):
    level: Slug = Field(description="Mã cấp trong data/levels.yml.")
    guidance: Text = Field(description="Điểm khác của kế hoạch ở cấp này.")
    defaults: Defaults | None = Field(
        None,
        description="Giá trị mặc định của kế hoạch ở cấp này (nơi nhận, ký hiệu, thời hạn…), thay `defaults` của loại kế hoạch "
        "ở cấp này; chép từ một kế hoạch thật của cấp này (ghi địa chỉ trong chú thích).",
    )
    samples: dict[Slug, list[Block]] = Field(
        default_factory=dict,
        description="Nội dung mẫu của cấp này, theo mã phần (thay `sample` của phần ở cấp này); chép từ một kế hoạch thật "
        "của cấp này (ghi địa chỉ trong chú thích).",
    )


class FieldDef(Model):
    id: Slug = Field(description="Tên chỗ điền, viết trong nội dung mẫu dạng {id}.")
    label: Text = Field(description="Nhãn hiển thị khi chưa điền, ví dụ 'tên đơn vị được chọn'.")


class PlanType(Model):
    id: Slug
    name: Text = Field(description="Tên loại kế hoạch, ví dụ 'Kế hoạch công tác phòng, chống khủng bố hằng năm'.")
    short_name: Text = Field(description="Tên ngắn dùng trong mục lục.")
    order: int = Field(100, description="Thứ tự trong mục lục và trang chủ (số nhỏ đứng trước).")
    summary: Text = Field(description="Một câu: kế hoạch này để làm gì.")
    purpose: list[Text] = Field(min_length=1, description="Mục đích của loại kế hoạch (các đoạn văn).")
    issued_by: list[Text] = Field(min_length=1, description="Ai ban hành, khi nào (các đoạn văn).")
    levels: list[LevelVariant] = Field(
        min_length=1, description="Các cấp dùng loại kế hoạch này và điểm khác ở từng cấp."
    )
    sample_level: Slug | None = Field(
        None,
        description="Cấp mà nội dung mẫu (`sections[].sample`) và `defaults` được viết cho, ví dụ `xa`. Kế hoạch ở cấp khác "
        "không nhận câu chữ của cấp này: dùng `defaults`, `samples` của cấp đó trong `levels`, hoặc tự ghi. "
        "Không ghi: mẫu dùng cho mọi cấp.",
    )
    fields: list[FieldDef] = Field(
        default_factory=list, description="Chỗ điền riêng của loại kế hoạch, ngoài {year}, {issuer}, {place}."
    )
    defaults: Defaults = Field(default_factory=Defaults, description="Giá trị mặc định cho kế hoạch không tự ghi.")
    sections: list[SectionType] = Field(min_length=1, description="Các phần La Mã theo thứ tự.")
    legal_bases_to_fill: list[Text] = Field(
        default_factory=list,
        description="Căn cứ người soạn phải tự điền: văn bản của địa phương, của cấp trên trực tiếp, hoặc văn bản ban hành hằng năm. Hiện trong danh sách kiểm tra căn cứ pháp lý của loại kế hoạch; văn bản trung ương thì ghi `plan_types` trong data/legal/.",
    )
