"""A unit list (data/units/*.yml): one draft plan per unit and plan type."""

from __future__ import annotations

from pydantic import Field, model_validator

from .base import Model, PageId, Slug, Text
from .form import AnnexTo, Contact, Deadline, Issuer, Recipient, SectionContent, Signature, Source

UNIT_PATTERN_FIELDS = {
    "name": "tên riêng của đơn vị",
    "NAME": "tên riêng, chữ in hoa",
    "kind": "loại đơn vị (xã, phường…)",
    "KIND": "loại đơn vị, chữ in hoa",
}


class UnitIssuer(Model):
    """How the issuing body of each unit is written, from the unit's name and kind."""

    name: Text = Field(
        description="Tên cơ quan ban hành in ở đầu văn bản, ví dụ 'ỦY BAN NHÂN DÂN {KIND} {NAME}'. Chỗ điền: {name}, {NAME} (in hoa), {kind}, {KIND}."
    )
    short: Text = Field(description="Tên viết trong câu văn, ví dụ 'UBND {kind} {name}'.")
    superior: Text | None = Field(None, description="Cơ quan chủ quản in phía trên (nếu có), ví dụ 'UBND TỈNH …'.")
    label: Text | None = Field(None, description="Tên hiển thị ở danh sách và tiêu đề trang khi `short` chưa đủ rõ.")


class UnitPlanSettings(Model):
    """What a plan of one type says for the units of a list (or for one unit): only what differs from the plan type."""

    symbol: Text | None = Field(
        None,
        description="Ký hiệu như văn bản ghi, ví dụ 'KH-UBND' (khác quy ước của Nghị định 30/2020/NĐ-CP thì có cảnh báo); "
        "bỏ trống thì dùng ký hiệu mặc định của loại kế hoạch.",
    )
    title: Text | None = Field(None, description="Trích yếu, thay trích yếu mặc định.")
    annex_to: AnnexTo | None = Field(
        None,
        description="Kế hoạch ban hành kèm theo một quyết định: không có số, ký hiệu riêng (không ghi `symbol`); "
        "dưới trích yếu in '(Ban hành kèm theo Quyết định số … ngày … của …)'.",
    )
    preamble: Text | None = Field(
        None, description="Đoạn mở đầu, thay đoạn mặc định. Bỏ trống giá trị để không có đoạn mở đầu."
    )
    fill: dict[Slug, Text] = Field(
        default_factory=dict, description="Giá trị cho các chỗ điền của loại kế hoạch (mã chỗ điền → giá trị)."
    )
    sections: dict[Slug, SectionContent] = Field(
        default_factory=dict, description="Nội dung riêng của từng phần, như `sections` của một kế hoạch."
    )
    parts: list[Slug] | None = Field(
        None,
        min_length=1,
        description="Các phần La Mã in, theo thứ tự, như `parts` của một kế hoạch (phần riêng ghi trong `sections`); "
        "ghi ở đơn vị thì thay `parts` của danh sách.",
    )
    closing: Text | None = Field(
        None, description="Đoạn kết, thay đoạn mặc định. Ghi `closing:` không có giá trị khi không có đoạn kết."
    )
    contact: Contact | None = Field(None, description="Đầu mối liên hệ, in vào chỗ {contact} của đoạn kết.")
    recipients: list[Recipient] | None = Field(None, description="Nơi nhận, thay nơi nhận mặc định.")
    deadlines: list[Deadline] | None = Field(None, description="Thời hạn báo cáo, đăng ký, thay thời hạn mặc định.")

    @model_validator(mode="after")
    def _annex_has_no_symbol(self):
        if self.annex_to is not None and self.symbol is not None:
            raise ValueError(
                f"kế hoạch ban hành kèm theo {self.annex_to.kind.lower()} không có ký hiệu riêng; bỏ 'symbol'"
            )
        return self


class UnitListPlanType(UnitPlanSettings):
    code: Slug | None = Field(
        None,
        description="Phần mã trong địa chỉ kế hoạch: `<mã đơn vị>-<code>-<năm>`, ví dụ `pckb` cho `ubnd-xa-an-phu-pckb-2026`. Bỏ trống thì dùng mã loại kế hoạch.",
    )


class Unit(Model):
    id: Slug | None = Field(
        None,
        description="Mã đơn vị, duy nhất trong danh sách, ví dụ 'ubnd-xa-vinh-thuy'; thành một phần địa chỉ trang. "
        "Đơn vị ghi `code` có thể bỏ trống: mã là 'ubnd-' và tên chính thức không dấu (ubnd-phuong-hac-thanh).",
    )
    code: int | None = Field(
        None,
        ge=1,
        description="Mã chính thức của xã, phường, đặc khu (gói vietnam-provinces, từ 01/7/2025), ví dụ 14797 "
        "(phường Hạc Thành): tên và loại đơn vị lấy theo danh sách chính thức, không gõ tay.",
    )
    name: Text | None = Field(
        None,
        description="Tên riêng của đơn vị, ví dụ 'Vĩnh Thủy' (không ghi 'xã'); bỏ trống khi ghi `code`.",
    )
    kind: Text | None = Field(
        None, description="Loại đơn vị, ví dụ 'xã', 'phường', 'đặc khu'; bỏ trống thì theo `kind` của danh sách."
    )
    level: Slug | None = Field(
        None, description="Mã cấp trong data/levels.yml; bỏ trống thì theo `level` của danh sách."
    )
    group: Text | None = Field(
        None, description="Nhóm trong trang chọn đơn vị (ví dụ một cụm, một khu vực); bỏ trống thì theo cấp."
    )
    place: Text | None = Field(None, description="Địa danh ghi trước ngày tháng, thay mẫu `place` của danh sách.")
    issuer: Issuer | None = Field(
        None, description="Ghi đầy đủ tên cơ quan ban hành khi không theo mẫu `issuer` của danh sách."
    )
    signature: Signature | None = Field(
        None,
        description="Chữ ký riêng của đơn vị, thay `signature` của danh sách. Không ghi tên người thật khi chưa có nguồn: dùng '[Họ và tên]'.",
    )
    plan_types: list[Slug] | None = Field(
        None,
        description="Chỉ tạo kế hoạch của các loại này (trong `plan_types` của danh sách); bỏ trống thì tạo mọi loại.",
    )
    plans: dict[Slug, UnitPlanSettings] = Field(
        default_factory=dict,
        description="Nội dung riêng của đơn vị cho từng loại kế hoạch (mã loại → các khóa như `fill`, `sections`).",
    )
    source: Source | None = Field(None, description="Nguồn của tên đơn vị và các thông tin riêng.")

    @model_validator(mode="after")
    def _named(self):
        if self.code is None and (self.id is None or self.name is None):
            raise ValueError("đơn vị cần `id` và `name`, hoặc `code` (mã chính thức của xã, phường, đặc khu)")
        return self


class OfficialSelection(Model):
    """Units taken whole from the official list."""

    province: int = Field(
        ge=1,
        description="Mã chính thức của tỉnh, thành phố (ví dụ 38: Thanh Hóa): mọi xã, phường, đặc khu của tỉnh "
        "thành đơn vị của danh sách, tên và loại theo danh sách chính thức.",
    )


class UnitListFile(Model):
    """A list of units: one filled draft plan per unit and plan type, from the plan type's sample wording."""

    id: PageId = Field(description="Mã danh sách, duy nhất; thành địa chỉ trang chọn đơn vị (don-vi/<mã>.html).")
    title: Text = Field(description="Tên danh sách, ví dụ 'Các xã, phường tỉnh …'.")
    province: Text | None = Field(None, description="Tỉnh, thành phố của danh sách; các danh sách được nhóm theo tỉnh.")
    year: int = Field(ge=2000, le=2100, description="Năm của các kế hoạch.")
    level: Slug = Field(
        description="Cấp ban hành của các đơn vị (mã trong data/levels.yml); đơn vị có thể ghi `level` riêng."
    )
    kind: Text | None = Field(
        None, description="Loại đơn vị mặc định, ví dụ 'xã'; in vào chỗ {kind} của `issuer` và `place`."
    )
    issuer: UnitIssuer = Field(description="Mẫu tên cơ quan ban hành của mỗi đơn vị.")
    place: Text | None = Field(None, description="Mẫu địa danh, ví dụ '{name}'; bỏ trống thì để chỗ trống.")
    signature: Signature = Field(
        description="Chữ ký của các kế hoạch; không ghi tên người thật: dùng '[Họ và tên]' hoặc bỏ trống `name`."
    )
    plan_types: dict[Slug, UnitListPlanType] = Field(
        min_length=1,
        description="Các loại kế hoạch tạo cho mỗi đơn vị (mã loại → nội dung chung của danh sách; `{}` khi dùng toàn bộ nội dung mẫu).",
    )
    downloads: bool = Field(
        True,
        description="`false`: không tạo bản Word và văn bản (.txt) cho từng kế hoạch của danh sách (dựng trang nhanh hơn).",
    )
    source: Source | None = Field(None, description="Nguồn của danh sách.")
    official: OfficialSelection | None = Field(
        None,
        description="Lấy mọi đơn vị của một tỉnh từ danh sách chính thức: `official: {province: 38}`. "
        "Đơn vị ghi trong `units` cùng mã thì theo cách ghi ở `units`.",
    )
    units: list[Unit] = Field(
        default_factory=list,
        description="Các đơn vị (ghi `id` và `name`, hoặc `code` chính thức); có thể bỏ trống khi có `official`.",
    )

    @model_validator(mode="after")
    def _has_units(self):
        if not self.units and self.official is None:
            raise ValueError("danh sách cần `units` (ít nhất một đơn vị) hoặc `official: {province: <mã tỉnh>}`")
        return self
