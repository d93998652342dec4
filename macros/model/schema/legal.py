"""The registry of legal documents plans cite (data/legal/*.yml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import IsoDate, Model, PageId, Slug, Sourced, Text, Url

LEGAL_KINDS = (
    "Luật",
    "Pháp lệnh",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Thông tư",
    "Thông báo",
    "Kế hoạch",
    "Công văn",
    "Văn bản",
    "Hướng dẫn",
)
# The validity vocabulary of the national legal database (vbpl.vn).
LEGAL_STATUSES = ("Còn hiệu lực", "Hết hiệu lực một phần", "Hết hiệu lực toàn bộ", "Chưa có hiệu lực")


class LegalStatus(Model):
    """A validity status as a public page states it, or, when no page was found, what was tried.

    `value` and `source` go together; without them `tried` says which searches and pages were
    looked at, so the site can show "chưa xác minh" and the next maintainer does not start over.
    """

    value: Literal[LEGAL_STATUSES] | None = Field(
        None,
        description="Tình trạng hiệu lực, theo cách ghi của Cơ sở dữ liệu quốc gia về văn bản pháp luật. "
        "Bỏ trống khi chưa tìm được trang nào ghi tình trạng (khi đó ghi 'tried').",
    )
    as_of: IsoDate = Field(description="Ngày tra cứu (YYYY-MM-DD): ngày xem trang nguồn, hoặc ngày tìm mà không thấy.")
    source: Url | None = Field(None, description="Trang công khai ghi tình trạng này (bắt buộc khi có 'value').")
    note: Text | None = Field(None, description="Ghi chú về nguồn: trang của ai, trang có ghi ngày cập nhật không.")
    tried: list[Text] = Field(
        default_factory=list,
        description="Đã tìm gì, ở đâu mà chưa thấy tình trạng (từ khóa, trang đã xem); bắt buộc khi chưa có 'value'.",
    )

    @model_validator(mode="after")
    def _sourced_or_tried(self):
        if self.value is not None and self.source is None:
            raise ValueError("tình trạng có 'value' cần 'source': trang công khai ghi tình trạng đó")
        if self.value is None and not self.tried:
            raise ValueError("chưa có 'value' thì ghi 'tried': đã tìm gì, ở đâu mà chưa thấy")
        return self


class LegalRelation(Model):
    type: Literal["amends", "replaces", "implements", "based_on"] = Field(
        description="`amends`: sửa đổi, bổ sung; `replaces`: thay thế; `implements`: triển khai thực hiện; "
        "`based_on`: căn cứ vào. Chiều ngược lại (được sửa đổi bởi, được thay thế bởi…) tự suy ra."
    )
    target: Slug = Field(description="Mã văn bản kia trong danh mục căn cứ pháp lý.")


class LegalSource(Sourced):
    note: Text | None = Field(None, description="Thông tin nào lấy từ nguồn này.")


class NumberVariant(Sourced):
    """The document's number as some plan or page writes it ('612/KH-BCA-V05' for '612/KH-BCA')."""

    number: Text = Field(description="Số, ký hiệu đúng như nguồn ghi, ví dụ '612/KH-BCA-V05'.")
    note: Text | None = Field(None, description="Ghi chú: ai ghi như vậy, vì sao khác số trong danh mục.")


class LegalDocument(Model):
    """One legal document a plan may cite. A fact with no source stays empty: the site shows 'chưa xác minh'."""

    id: PageId = Field(description="Mã văn bản, dùng khi trích dẫn: `{cite:<mã>}` (xem trang Căn cứ pháp lý).")
    kind: Literal[LEGAL_KINDS] = Field(description="Loại văn bản.")
    number: Text | None = Field(None, description="Số, ký hiệu, ví dụ '62/2023/NĐ-CP'. Bỏ trống khi chưa xác minh.")
    number_variants: list[NumberVariant] = Field(
        default_factory=list,
        description="Các cách ghi khác của cùng số, ký hiệu mà kế hoạch hay trang công khai đã dùng, mỗi cách kèm "
        "nguồn ('plan' hoặc 'url'). Trích dẫn in một cách ghi bằng `so=`: `{cite:<mã>:loai,so=612/KH-BCA-V05,ngay}`.",
    )
    date: IsoDate | None = Field(
        None, description="Ngày ban hành (YYYY-MM-DD). Bỏ trống khi chưa xác minh: không đoán ngày."
    )
    issuer: Text | None = Field(None, description="Cơ quan, người ban hành như viết sau chữ 'của', ví dụ 'Chính phủ'.")
    subject: Text | None = Field(
        None,
        description="Trích yếu như viết sau tên cơ quan ban hành khi trích dẫn, ví dụ 'về phòng, chống phổ biến vũ khí hủy diệt hàng loạt'.",
    )
    scope: Literal["toan-quoc", "dia-phuong"] = Field(
        description="`toan-quoc`: văn bản trung ương; `dia-phuong`: văn bản của tỉnh, sở, xã."
    )
    province: Text | None = Field(None, description="Tỉnh của văn bản địa phương; bỏ trống khi văn bản gốc không nêu.")
    effective: IsoDate | None = Field(None, description="Ngày có hiệu lực, nếu có nguồn.")
    status: LegalStatus | None = Field(
        None,
        description="Tình trạng hiệu lực có nguồn, hoặc những gì đã tìm mà chưa thấy ('tried'); bắt buộc với "
        "văn bản trung ương. Chưa có 'value' thì trang ghi 'chưa xác minh'.",
    )
    relations: list[LegalRelation] = Field(default_factory=list, description="Quan hệ với văn bản khác trong danh mục.")
    plan_types: list[Slug] = Field(
        default_factory=list, description="Loại kế hoạch nên dẫn văn bản này (văn bản trung ương)."
    )
    governs: list[Text] = Field(
        default_factory=list,
        description="Văn bản này quy định gì trong công tác này (các đoạn văn), cho trang riêng của văn bản.",
    )
    sources: list[LegalSource] = Field(default_factory=list, description="Nguồn của các thông tin trên.")
    unverified: bool = Field(False, description="`true` khi chưa có nguồn nào: mọi thông tin hiện là 'chưa xác minh'.")

    @model_validator(mode="after")
    def _sourced(self):
        if not self.sources and not self.unverified:
            raise ValueError("văn bản cần ít nhất một nguồn ('sources'), hoặc ghi 'unverified: true'")
        if self.number_variants and not self.number:
            raise ValueError("'number_variants' cần 'number': số, ký hiệu đã xác minh của văn bản")
        seen = {self.number}
        for variant in self.number_variants:
            if variant.number in seen:
                raise ValueError(f"cách ghi số '{variant.number}' bị ghi hai lần (hoặc trùng 'number')")
            seen.add(variant.number)
        if self.scope == "toan-quoc" and self.status is None:
            raise ValueError(
                "văn bản trung ương cần 'status': tình trạng hiệu lực có nguồn, hoặc 'tried' (đã tìm gì mà chưa thấy)"
            )
        return self


class LegalFile(Model):
    documents: list[LegalDocument] = Field(min_length=1, description="Các văn bản trong tệp.")
