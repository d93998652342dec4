"""The shape of every file under data/.

Descriptions are in Vietnamese: they are shown to maintainers in the key
reference page (huong-dan/tham-chieu-du-lieu) and in editors, through the
JSON Schema files generated from these models (python -m macros schema).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, WithJsonSchema, field_validator, model_validator

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
                            description="Mã định danh: chữ thường không dấu, số và dấu gạch nối, ví dụ `phong-chong-khung-bo`.")]
Text = Annotated[str, Field(min_length=1)]
Url = Annotated[str, Field(pattern=r"^https?://\S+$", description="Địa chỉ trang công khai (http:// hoặc https://).")]


class Model(BaseModel):
    # extra='forbid': an unknown key is almost always a typo of a known one.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# ---------------------------------------------------------------- content blocks

class SubBullet(Model):
    """A '-' line with '+' lines under it."""
    text: Text = Field(description="Nội dung dòng gạch đầu dòng.")
    bullets: list[Text] = Field(description="Các dòng con, in với dấu '+'.")


def _bullet_kind(v):
    if isinstance(v, str):
        return "line"
    if isinstance(v, (dict, SubBullet)):
        return "nested"
    return None


Bullet = Annotated[
    Union[Annotated[Text, Tag("line")], Annotated[SubBullet, Tag("nested")]],
    Discriminator(_bullet_kind, custom_error_type="bullet_kind",
                  custom_error_message="cần một dòng văn bản, hoặc một bảng có 'text' và 'bullets'"),
]


class Bullets(Model):
    bullets: list[Bullet] = Field(min_length=1, description="Danh sách gạch đầu dòng, mỗi phần tử một dòng '-'.")
    marker: Literal["-", "+"] = Field("-", description="Dấu đầu dòng: `-` (mặc định) hoặc `+` khi văn bản gốc dùng dấu '+' ngay dưới một mục.")


class Assignment(Model):
    """Who does a task, by role id (data/roles.yml)."""
    lead: list[Slug] = Field(default_factory=list, description="Chủ trì.")
    support: list[Slug] = Field(default_factory=list, description="Phối hợp.")
    carry_out: list[Slug] = Field(default_factory=list, description="Thực hiện (cơ quan được giao trực tiếp, ví dụ mục '1. Công an xã').")
    request: list[Slug] = Field(default_factory=list, description="Đề nghị: cơ quan ngoài quyền quản lý của cơ quan ban hành (Ủy ban MTTQ Việt Nam, các tổ chức chính trị - xã hội).")

    @model_validator(mode="after")
    def _someone(self):
        if not (self.lead or self.support or self.carry_out or self.request):
            raise ValueError("cần ít nhất một trong 'lead', 'support', 'carry_out', 'request'")
        return self


class Item(Model):
    """A numbered item ('1.', '2.1.', 'a)'): a heading with content under it, or a numbered paragraph."""
    title: Text | None = Field(None, description="Tiêu đề của mục, in đậm sau số thứ tự (ví dụ 'Công tác tuyên truyền').")
    text: Text | None = Field(None, description="Đoạn văn đứng ngay sau số thứ tự, khi mục không có tiêu đề riêng.")
    content: list["Block"] = Field(default_factory=list, description="Các khối nội dung dưới mục: đoạn văn, gạch đầu dòng, mục con.")
    executor: Text | None = Field(None, description="Câu của dòng 'Đơn vị thực hiện:' khi muốn giữ cách viết riêng; phải nhắc tới mọi đơn vị trong `assign`. Bỏ trống thì câu được viết từ `assign` (ở phần có `executor_lines`).")
    assign: Assignment | None = Field(None, description="Phân công: mã vai trò (data/roles.yml) chủ trì, phối hợp, thực hiện, được đề nghị. Mục không có tiêu đề và đoạn văn thì tiêu đề là tên đơn vị ('Công an xã', 'Đề nghị Ủy ban MTTQ Việt Nam xã…').")

    @model_validator(mode="after")
    def _has_words(self):
        if not (self.title or self.text or self.content or self.assign):
            raise ValueError("mục cần ít nhất 'title', 'text', 'content' hoặc 'assign'")
        return self


class Items(Model):
    items: list[Item] = Field(min_length=1, description="Các mục đánh số theo thứ tự.")
    numbering: Literal["decimal", "letter"] = Field(
        "decimal", description="Cách đánh số: `decimal` (1., 2. — mục con thành 2.1., 2.2.) hoặc `letter` (a), b), c), d), đ)…).")


def _block_kind(v):
    if isinstance(v, str):
        return "paragraph"
    if isinstance(v, dict):
        for key in ("bullets", "items"):
            if key in v:
                return key
        return None
    return {Bullets: "bullets", Items: "items"}.get(type(v))


Block = Annotated[
    Union[Annotated[Text, Tag("paragraph")], Annotated[Bullets, Tag("bullets")], Annotated[Items, Tag("items")]],
    Discriminator(_block_kind, custom_error_type="block_kind",
                  custom_error_message="cần một đoạn văn (chuỗi), hoặc một bảng có khóa 'bullets' hay 'items'"),
]
Item.model_rebuild()

# ---------------------------------------------------------------- shared registries

class Level(Model):
    id: Slug
    name: Text = Field(description="Tên cấp, ví dụ 'Cấp xã'.")
    description: Text = Field(description="Những cơ quan, đơn vị thuộc cấp này.")


class LevelsFile(Model):
    levels: list[Level] = Field(min_length=1, description="Các cấp ban hành kế hoạch.")


# ---------------------------------------------------------------- plan types

class SectionType(Model):
    id: Slug = Field(description="Mã của phần, dùng trong `sections` của kế hoạch.")
    heading: Text = Field(description="Tên phần, in hoa sau số La Mã, ví dụ 'MỤC ĐÍCH, YÊU CẦU'.")
    guidance: list[Text] = Field(min_length=1, description="Hướng dẫn người soạn: phần này cần nói gì.")
    sample: list[Block] = Field(default_factory=list, description="Nội dung mẫu mặc định; có thể chứa chỗ điền như {year}.")
    executor_lines: bool = Field(False, description="`true`: mỗi mục có phân công kết thúc bằng dòng 'Đơn vị thực hiện:' (như kế hoạch cấp tỉnh).")


class LevelVariant(Model):
    level: Slug = Field(description="Mã cấp trong data/levels.yml.")
    guidance: Text = Field(description="Điểm khác của kế hoạch ở cấp này.")


class FieldDef(Model):
    id: Slug = Field(description="Tên chỗ điền, viết trong nội dung mẫu dạng {id}.")
    label: Text = Field(description="Nhãn hiển thị khi chưa điền, ví dụ 'tên đơn vị được chọn'.")


class Defaults(Model):
    title: Text | None = Field(None, description="Trích yếu mặc định, ví dụ 'Triển khai công tác phòng, chống khủng bố năm {year}'.")
    preamble: Text | None = Field(None, description="Đoạn mở đầu mặc định (văn bản thực hiện, lý do ban hành).")
    closing: Text | None = Field(None, description="Đoạn kết mặc định ('Trên đây là Kế hoạch…').")
    symbol: str | None = Field(None, description="Ký hiệu mặc định, ví dụ 'KH-UBND'.")
    recipients: list["Recipient"] | None = Field(None, description="Nơi nhận mặc định.")
    deadlines: list["Deadline"] | None = Field(None, description="Thời hạn báo cáo, đăng ký mặc định.")


class PlanType(Model):
    id: Slug
    name: Text = Field(description="Tên loại kế hoạch, ví dụ 'Kế hoạch công tác phòng, chống khủng bố hằng năm'.")
    short_name: Text = Field(description="Tên ngắn dùng trong mục lục.")
    order: int = Field(100, description="Thứ tự trong mục lục và trang chủ (số nhỏ đứng trước).")
    summary: Text = Field(description="Một câu: kế hoạch này để làm gì.")
    purpose: list[Text] = Field(min_length=1, description="Mục đích của loại kế hoạch (các đoạn văn).")
    issued_by: list[Text] = Field(min_length=1, description="Ai ban hành, khi nào (các đoạn văn).")
    levels: list[LevelVariant] = Field(min_length=1, description="Các cấp dùng loại kế hoạch này và điểm khác ở từng cấp.")
    fields: list[FieldDef] = Field(default_factory=list, description="Chỗ điền riêng của loại kế hoạch, ngoài {year}, {issuer}, {place}.")
    defaults: Defaults = Field(default_factory=Defaults, description="Giá trị mặc định cho kế hoạch không tự ghi.")
    sections: list[SectionType] = Field(min_length=1, description="Các phần La Mã theo thứ tự.")
    legal_bases_to_fill: list[Text] = Field(default_factory=list, description="Căn cứ người soạn phải tự điền: văn bản của địa phương, của cấp trên trực tiếp, hoặc văn bản ban hành hằng năm. Hiện trong danh sách kiểm tra căn cứ pháp lý của loại kế hoạch; văn bản trung ương thì ghi `plan_types` trong data/legal/.")


# ---------------------------------------------------------------- plans

class Issuer(Model):
    name: Text = Field(description="Tên cơ quan ban hành in ở đầu văn bản, chữ in hoa, ví dụ 'ỦY BAN NHÂN DÂN XÃ VĨNH THỦY'.")
    superior: Text | None = Field(None, description="Tên cơ quan chủ quản trực tiếp in phía trên (nếu có), ví dụ 'UBND TỈNH LẠNG SƠN'.")
    short: Text = Field(description="Tên viết trong câu văn, ví dụ 'UBND xã Vĩnh Thủy'.")
    label: Text | None = Field(None, description="Tên hiển thị ở mục lục và tiêu đề trang khi `short` chưa đủ rõ, ví dụ 'Văn phòng UBND tỉnh Lai Châu'.")


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
    Union[Annotated[Text, Tag("line")], Annotated[RecipientGroup, Tag("group")]],
    Discriminator(_recipient_kind, custom_error_type="recipient_kind",
                  custom_error_message="cần một dòng nơi nhận, hoặc một bảng có 'group' và 'note'"),
]
DEADLINE_KINDS = {"sau-thang": "Báo cáo 6 tháng", "hang-nam": "Báo cáo năm", "dot-xuat": "Báo cáo đột xuất",
                  "dinh-ky": "Báo cáo định kỳ", "dang-ky": "Đăng ký", "khac": "Thời hạn khác"}


class Deadline(Model):
    """A reporting or registration deadline, as the plan's text states it."""
    kind: Literal[tuple(DEADLINE_KINDS)] = Field(description="`sau-thang` (6 tháng), `hang-nam` (năm), `dot-xuat`, `dinh-ky` (định kỳ không ghi ngày), `dang-ky`, `khac`.")
    title: Text = Field(description="Việc phải làm, ví dụ 'Báo cáo kết quả công tác PCKB 6 tháng'.")
    date: str | None = Field(None, pattern=r"^(\d{4}-)?\d{2}-\d{2}$", description="Hạn: `MM-DD` (trong năm của kế hoạch) hoặc `YYYY-MM-DD`; bỏ trống khi không có ngày cố định (đột xuất). Ngày phải có trong văn bản kế hoạch (dạng 30/5).")
    every_year: bool = Field(False, description="`true` khi văn bản ghi 'hằng năm': lịch lặp lại mỗi năm.")
    to: Text | None = Field(None, description="Gửi về đâu, như văn bản ghi, ví dụ 'Ban Chỉ đạo PCKB tỉnh (qua Công an tỉnh)'.")
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
                dt.date(parts[0] if len(parts) == 3 else 2000, parts[-2], parts[-1])   # 2000: 29/02 is a day
            except ValueError:
                raise ValueError(f"ngày '{v}' không tồn tại")
        return v


Defaults.model_rebuild()

AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ)\. ")


class Signature(Model):
    authority: Text | None = Field(None, description="Dòng thẩm quyền ký: 'TM. ỦY BAN NHÂN DÂN', 'KT. CHÁNH VĂN PHÒNG', 'Q. …', 'TL. …', 'TUQ. …'.")
    title: Text = Field(description="Chức vụ người ký, ví dụ 'CHỦ TỊCH'.")
    subtitle: Text | None = Field(None, description="Dòng chức vụ thứ hai, ví dụ 'CHỦ TỊCH UBND TỈNH' dưới 'TRƯỞNG BAN'.")
    name: Text | None = Field(None, description="Họ tên người ký; để trống ở bản dự thảo.")

    @field_validator("authority")
    @classmethod
    def _authority_form(cls, v):
        if v is not None and not AUTHORITY.match(v):
            raise ValueError("cần bắt đầu bằng 'TM. ', 'KT. ', 'Q. ', 'TL. ' hoặc 'TUQ. ' (Nghị định 30/2020/NĐ-CP)")
        return v


class Contact(Model):
    via: Text | None = Field(None, description="Đầu mối qua cơ quan nào, ví dụ 'Công an xã'.")
    person: Text = Field(description="Người đầu mối (cấp bậc, họ tên) như văn bản ghi.")
    position: Text | None = Field(None, description="Chức vụ của người đầu mối.")
    phone: Text = Field(description="Luôn là chỗ trống như '[số điện thoại]': không ghi số điện thoại cá nhân vào dữ liệu.")


class Source(Model):
    seed: str | None = Field(None, description="Tệp văn bản gốc trong shared/seeds.")
    url: str | None = Field(None, description="Địa chỉ công khai của văn bản gốc.")
    note: Text | None = Field(None, description="Ghi chú về việc chép lại (sửa lỗi chính tả, dòng bị cắt…).")


class SectionContent(Model):
    heading: Text | None = Field(None, description="Đổi tên phần so với loại kế hoạch.")
    content: list[Block] | None = Field(None, description="Thay toàn bộ nội dung mẫu của phần.")
    add: list[Block] = Field(default_factory=list, description="Thêm vào sau nội dung (mục đánh số nối tiếp).")
    executor_lines: bool | None = Field(None, description="Đổi cách in dòng 'Đơn vị thực hiện:' so với loại kế hoạch.")


class IssueDate(Model):
    """The date line: a full date, only the month (draft), or nothing yet."""
    year: int
    month: int | None = None
    day: int | None = None


class Plan(Model):
    id: Slug = Field(description="Mã kế hoạch, duy nhất trong toàn bộ dữ liệu; thành địa chỉ trang.")
    plan_type: Slug = Field(description="Mã loại kế hoạch trong data/plan-types/.")
    year: int = Field(ge=2000, le=2100, description="Năm của kế hoạch.")
    level: Slug = Field(description="Mã cấp ban hành trong data/levels.yml.")
    issuer: Issuer
    place: Text | None = Field(None, description="Địa danh ghi trước ngày tháng; để trống nếu chưa rõ.")
    number: str | None = Field(None, description="Số văn bản; để trống khi là dự thảo (in thành '…').")
    symbol: str | None = Field(None, pattern=r"^KH-[A-ZĐ0-9-]+$", description="Ký hiệu, bắt đầu bằng 'KH-', ví dụ 'KH-UBND'.")
    # Read from YAML as a date or 'YYYY-MM'; editors see it as that string.
    date: Annotated[IssueDate | None, WithJsonSchema(
        {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}(-\d{2})?$"})] = Field(
        None, description="Ngày ban hành: YYYY-MM-DD; YYYY-MM khi mới có tháng; bỏ trống khi chưa có.")
    title: Text | None = Field(None, description="Trích yếu nội dung (dòng dưới chữ KẾ HOẠCH).")
    preamble: Text | None = Field(None, description="Đoạn mở đầu: thực hiện văn bản nào, ai ban hành kế hoạch. Bỏ trống giá trị để không có đoạn mở đầu.")
    fill: dict[Slug, Text] = Field(default_factory=dict, description="Giá trị cho các chỗ điền của loại kế hoạch.")
    sections: dict[Slug, SectionContent] = Field(default_factory=dict, description="Nội dung từng phần, theo mã phần của loại kế hoạch.")
    closing: Text | None = Field(None, description="Đoạn kết. Ghi `closing:` không có giá trị khi kế hoạch không có đoạn kết (không dùng đoạn kết mặc định).")
    contact: Contact | None = Field(None, description="Đầu mối liên hệ; in vào chỗ {contact} của đoạn kết.")
    recipients: list[Recipient] | None = Field(None, description="Nơi nhận, mỗi dòng một nơi; dòng cuối thường là 'Lưu: VT, …'.")
    deadlines: list[Deadline] | None = Field(None, description="Thời hạn báo cáo, đăng ký của kế hoạch (thay thời hạn mặc định của loại kế hoạch).")
    signature: Signature
    source: Source | None = Field(None, description="Nguồn của kế hoạch mẫu.")

    @field_validator("number", mode="before")
    @classmethod
    def _number_as_text(cls, v):
        return str(v) if isinstance(v, int) and not isinstance(v, bool) else v

    @field_validator("date", mode="before")
    @classmethod
    def _parse_date(cls, v):
        if v is None or isinstance(v, (dict, IssueDate)):
            return v
        if isinstance(v, dt.datetime):
            v = v.date()
        if isinstance(v, dt.date):
            return {"year": v.year, "month": v.month, "day": v.day}
        if isinstance(v, str):
            m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", v.strip())
            if m:
                y, mo, d = int(m[1]), int(m[2]), m[3] and int(m[3])
                try:
                    dt.date(y, mo, d or 1)
                except ValueError:
                    raise ValueError(f"ngày '{v}' không tồn tại")
                return {"year": y, "month": mo, "day": d or None}
        raise ValueError("cần ngày dạng YYYY-MM-DD (ví dụ 2019-04-03), hoặc YYYY-MM khi mới có tháng; bỏ trống khi chưa có ngày")


# ---------------------------------------------------------------- unit lists (danh sách đơn vị: kế hoạch hàng loạt)

UNIT_PATTERN_FIELDS = {"name": "tên riêng của đơn vị", "NAME": "tên riêng, chữ in hoa",
                       "kind": "loại đơn vị (xã, phường…)", "KIND": "loại đơn vị, chữ in hoa"}


class UnitIssuer(Model):
    """How the issuing body of each unit is written, from the unit's name and kind."""
    name: Text = Field(description="Tên cơ quan ban hành in ở đầu văn bản, ví dụ 'ỦY BAN NHÂN DÂN {KIND} {NAME}'. Chỗ điền: {name}, {NAME} (in hoa), {kind}, {KIND}.")
    short: Text = Field(description="Tên viết trong câu văn, ví dụ 'UBND {kind} {name}'.")
    superior: Text | None = Field(None, description="Cơ quan chủ quản in phía trên (nếu có), ví dụ 'UBND TỈNH …'.")
    label: Text | None = Field(None, description="Tên hiển thị ở danh sách và tiêu đề trang khi `short` chưa đủ rõ.")


class UnitPlanSettings(Model):
    """What a plan of one type says for the units of a list (or for one unit): only what differs from the plan type."""
    symbol: str | None = Field(None, pattern=r"^KH-[A-ZĐ0-9-]+$", description="Ký hiệu, bắt đầu bằng 'KH-'; bỏ trống thì dùng ký hiệu mặc định của loại kế hoạch.")
    title: Text | None = Field(None, description="Trích yếu, thay trích yếu mặc định.")
    preamble: Text | None = Field(None, description="Đoạn mở đầu, thay đoạn mặc định. Bỏ trống giá trị để không có đoạn mở đầu.")
    fill: dict[Slug, Text] = Field(default_factory=dict, description="Giá trị cho các chỗ điền của loại kế hoạch (mã chỗ điền → giá trị).")
    sections: dict[Slug, SectionContent] = Field(default_factory=dict, description="Nội dung riêng của từng phần, như `sections` của một kế hoạch.")
    closing: Text | None = Field(None, description="Đoạn kết, thay đoạn mặc định. Ghi `closing:` không có giá trị khi không có đoạn kết.")
    contact: Contact | None = Field(None, description="Đầu mối liên hệ, in vào chỗ {contact} của đoạn kết.")
    recipients: list[Recipient] | None = Field(None, description="Nơi nhận, thay nơi nhận mặc định.")
    deadlines: list[Deadline] | None = Field(None, description="Thời hạn báo cáo, đăng ký, thay thời hạn mặc định.")


class UnitListPlanType(UnitPlanSettings):
    code: Slug | None = Field(None, description="Phần mã trong địa chỉ kế hoạch: `<mã đơn vị>-<code>-<năm>`, ví dụ `pckb` cho `ubnd-xa-an-phu-pckb-2026`. Bỏ trống thì dùng mã loại kế hoạch.")


class Unit(Model):
    id: Slug = Field(description="Mã đơn vị, duy nhất trong danh sách, ví dụ 'ubnd-xa-vinh-thuy'; thành một phần địa chỉ trang.")
    name: Text = Field(description="Tên riêng của đơn vị, ví dụ 'Vĩnh Thủy' (không ghi 'xã').")
    kind: Text | None = Field(None, description="Loại đơn vị, ví dụ 'xã', 'phường', 'đặc khu'; bỏ trống thì theo `kind` của danh sách.")
    level: Slug | None = Field(None, description="Mã cấp trong data/levels.yml; bỏ trống thì theo `level` của danh sách.")
    group: Text | None = Field(None, description="Nhóm trong trang chọn đơn vị (ví dụ một cụm, một khu vực); bỏ trống thì theo cấp.")
    place: Text | None = Field(None, description="Địa danh ghi trước ngày tháng, thay mẫu `place` của danh sách.")
    issuer: Issuer | None = Field(None, description="Ghi đầy đủ tên cơ quan ban hành khi không theo mẫu `issuer` của danh sách.")
    signature: Signature | None = Field(None, description="Chữ ký riêng của đơn vị, thay `signature` của danh sách. Không ghi tên người thật khi chưa có nguồn: dùng '[Họ và tên]'.")
    plan_types: list[Slug] | None = Field(None, description="Chỉ tạo kế hoạch của các loại này (trong `plan_types` của danh sách); bỏ trống thì tạo mọi loại.")
    plans: dict[Slug, UnitPlanSettings] = Field(default_factory=dict, description="Nội dung riêng của đơn vị cho từng loại kế hoạch (mã loại → các khóa như `fill`, `sections`).")
    source: Source | None = Field(None, description="Nguồn của tên đơn vị và các thông tin riêng.")


class UnitListFile(Model):
    """A list of units: one filled draft plan per unit and plan type, from the plan type's sample wording."""
    id: Slug = Field(description="Mã danh sách, duy nhất; thành địa chỉ trang chọn đơn vị (don-vi/<mã>.html).")
    title: Text = Field(description="Tên danh sách, ví dụ 'Các xã, phường tỉnh …'.")
    province: Text | None = Field(None, description="Tỉnh, thành phố của danh sách; các danh sách được nhóm theo tỉnh.")
    year: int = Field(ge=2000, le=2100, description="Năm của các kế hoạch.")
    level: Slug = Field(description="Cấp ban hành của các đơn vị (mã trong data/levels.yml); đơn vị có thể ghi `level` riêng.")
    kind: Text | None = Field(None, description="Loại đơn vị mặc định, ví dụ 'xã'; in vào chỗ {kind} của `issuer` và `place`.")
    issuer: UnitIssuer = Field(description="Mẫu tên cơ quan ban hành của mỗi đơn vị.")
    place: Text | None = Field(None, description="Mẫu địa danh, ví dụ '{name}'; bỏ trống thì để chỗ trống.")
    signature: Signature = Field(description="Chữ ký của các kế hoạch; không ghi tên người thật: dùng '[Họ và tên]' hoặc bỏ trống `name`.")
    plan_types: dict[Slug, UnitListPlanType] = Field(min_length=1, description="Các loại kế hoạch tạo cho mỗi đơn vị (mã loại → nội dung chung của danh sách; `{}` khi dùng toàn bộ nội dung mẫu).")
    downloads: bool = Field(True, description="`false`: không tạo bản Word và văn bản (.txt) cho từng kế hoạch của danh sách (dựng trang nhanh hơn).")
    source: Source | None = Field(None, description="Nguồn của danh sách.")
    units: list[Unit] = Field(min_length=1, description="Các đơn vị.")


# ---------------------------------------------------------------- roles (vai trò: cơ quan, lực lượng được giao việc)

ROLE_LEVELS = {"xa": "Cấp xã", "huyen": "Cấp huyện (không còn từ 01/7/2025)", "so": "Trong một sở, ngành",
               "tinh": "Cấp tỉnh", "trung-uong": "Trung ương"}


class Duty(Model):
    text: Text = Field(description="Nhiệm vụ thường xuyên, như kế hoạch mẫu ghi.")
    plan: Slug = Field(description="Mã kế hoạch mẫu ghi nhiệm vụ này (nguồn).")


class Role(Model):
    id: Slug = Field(description="Mã vai trò, dùng trong `assign` của kế hoạch.")
    name: Text = Field(description="Tên in trong kế hoạch, ví dụ 'Công an xã'.")
    level: Literal[tuple(ROLE_LEVELS)] = Field(description="Cấp của cơ quan: `xa`, `huyen`, `tinh`, `so` (đơn vị trong sở), `trung-uong`.")
    names: list[Text] = Field(default_factory=list, description="Các cách gọi khác mà kế hoạch dùng, ví dụ 'Công an tỉnh - Cơ quan thường trực Ban chỉ đạo'.")
    duties: list[Duty] = Field(default_factory=list, description="Nhiệm vụ thường xuyên theo các kế hoạch mẫu.")


class EndedLevel(Model):
    """A level of government that no longer exists: plans after it ended must not give it tasks."""
    level: Literal[tuple(ROLE_LEVELS)] = Field(description="Cấp không còn, ví dụ `huyen`.")
    ended: dt.date = Field(description="Ngày cấp này kết thúc hoạt động (YYYY-MM-DD).")
    source: Url = Field(description="Trang công khai ghi việc này.")


class RolesFile(Model):
    roles: list[Role] = Field(min_length=1, description="Các cơ quan, lực lượng được giao việc trong kế hoạch.")
    ended_levels: list[EndedLevel] = Field(default_factory=list, description="Các cấp không còn: kế hoạch và ấn bản của năm sau ngày kết thúc không được giao việc cho cơ quan cấp đó.")


# ---------------------------------------------------------------- legal documents (căn cứ pháp lý)

LEGAL_KINDS = ("Luật", "Pháp lệnh", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Thông tư",
               "Thông báo", "Kế hoạch", "Công văn", "Văn bản", "Hướng dẫn")
# The validity vocabulary of the national legal database (vbpl.vn).
LEGAL_STATUSES = ("Còn hiệu lực", "Hết hiệu lực một phần", "Hết hiệu lực toàn bộ", "Chưa có hiệu lực")



class LegalStatus(Model):
    value: Literal[LEGAL_STATUSES] = Field(description="Tình trạng hiệu lực, theo cách ghi của Cơ sở dữ liệu quốc gia về văn bản pháp luật.")
    as_of: dt.date = Field(description="Ngày xem tình trạng (YYYY-MM-DD).")
    source: Url = Field(description="Trang công khai ghi tình trạng này.")


class LegalRelation(Model):
    type: Literal["amends", "replaces", "implements", "based_on"] = Field(
        description="`amends`: sửa đổi, bổ sung; `replaces`: thay thế; `implements`: triển khai thực hiện; "
                    "`based_on`: căn cứ vào. Chiều ngược lại (được sửa đổi bởi, được thay thế bởi…) tự suy ra.")
    target: Slug = Field(description="Mã văn bản kia trong danh mục căn cứ pháp lý.")


class Sourced(Model):
    """Something that must say where it comes from: a sample plan, or a public page."""
    plan: Slug | None = Field(None, description="Mã kế hoạch mẫu (trong data/plans/) là nguồn: kế hoạch dẫn hoặc nêu thông tin này.")
    url: Url | None = Field(None, description="Trang công khai là nguồn của thông tin này.")

    @model_validator(mode="after")
    def _points_somewhere(self):
        if not (self.plan or self.url):
            raise ValueError("nguồn cần 'plan' (kế hoạch mẫu nêu thông tin này) hoặc 'url' (trang công khai)")
        return self


class LegalSource(Sourced):
    note: Text | None = Field(None, description="Thông tin nào lấy từ nguồn này.")


class LegalDocument(Model):
    """One legal document a plan may cite. A fact with no source stays empty: the site shows 'chưa xác minh'."""
    id: Slug = Field(description="Mã văn bản, dùng khi trích dẫn: `{cite:<mã>}` (xem trang Căn cứ pháp lý).")
    kind: Literal[LEGAL_KINDS] = Field(description="Loại văn bản.")
    number: Text | None = Field(None, description="Số, ký hiệu, ví dụ '62/2023/NĐ-CP'. Bỏ trống khi chưa xác minh.")
    date: dt.date | None = Field(None, description="Ngày ban hành (YYYY-MM-DD). Bỏ trống khi chưa xác minh: không đoán ngày.")
    issuer: Text | None = Field(None, description="Cơ quan, người ban hành như viết sau chữ 'của', ví dụ 'Chính phủ'.")
    subject: Text | None = Field(None, description="Trích yếu như viết sau tên cơ quan ban hành khi trích dẫn, ví dụ 'về phòng, chống phổ biến vũ khí hủy diệt hàng loạt'.")
    scope: Literal["toan-quoc", "dia-phuong"] = Field(description="`toan-quoc`: văn bản trung ương; `dia-phuong`: văn bản của tỉnh, sở, xã.")
    province: Text | None = Field(None, description="Tỉnh của văn bản địa phương; bỏ trống khi văn bản gốc không nêu.")
    effective: dt.date | None = Field(None, description="Ngày có hiệu lực, nếu có nguồn.")
    status: LegalStatus | None = Field(None, description="Tình trạng hiệu lực có nguồn; bỏ trống thì trang ghi 'chưa xác minh'.")
    relations: list[LegalRelation] = Field(default_factory=list, description="Quan hệ với văn bản khác trong danh mục.")
    plan_types: list[Slug] = Field(default_factory=list, description="Loại kế hoạch nên dẫn văn bản này (văn bản trung ương).")
    governs: list[Text] = Field(default_factory=list, description="Văn bản này quy định gì trong công tác này (các đoạn văn), cho trang riêng của văn bản.")
    sources: list[LegalSource] = Field(default_factory=list, description="Nguồn của các thông tin trên.")
    unverified: bool = Field(False, description="`true` khi chưa có nguồn nào: mọi thông tin hiện là 'chưa xác minh'.")

    @model_validator(mode="after")
    def _sourced(self):
        if not self.sources and not self.unverified:
            raise ValueError("văn bản cần ít nhất một nguồn ('sources'), hoặc ghi 'unverified: true'")
        return self


class LegalFile(Model):
    documents: list[LegalDocument] = Field(min_length=1, description="Các văn bản trong tệp.")


# ---------------------------------------------------------------- editions (ấn bản hằng năm)

CHANGE_KINDS = {"lon": "Thay đổi lớn", "nho": "Thay đổi nhỏ"}


class Change(Model):
    """One dated entry of an edition's record of changes."""
    date: dt.date = Field(description="Ngày thay đổi (YYYY-MM-DD).")
    kind: Literal[tuple(CHANGE_KINDS)] = Field(description="`lon`: thay đổi nội dung người soạn cần biết (đổi ngày 'Cập nhật lần cuối'); `nho`: sửa chữ, trình bày.")
    text: Text = Field(description="Thay đổi gì, viết cho người soạn kế hoạch.")
    plan_types: list[Slug] = Field(default_factory=list, description="Loại kế hoạch bị thay đổi; bỏ trống khi thay đổi chung cho cả trang.")


class SourcedText(Sourced):
    text: Text = Field(description="Nội dung.")


class Edition(Model):
    """One year's edition of the guidance: data/editions/<năm>/edition.yml, beside its plan types."""
    year: int = Field(ge=2000, le=2100, description="Năm của ấn bản; trùng tên thư mục.")
    published: dt.date | None = Field(description="Ngày công bố (YYYY-MM-DD); để trống (`published:`) khi ấn bản còn là dự thảo.")
    priorities: list[SourcedText] = Field(default_factory=list, description="Trọng tâm của năm người soạn cần đưa vào kế hoạch, mỗi mục có nguồn.")
    notes: list[Text] = Field(default_factory=list, description="Lưu ý cho người soạn kế hoạch năm này.")
    changes: list[Change] = Field(default_factory=list, description="Nhật ký thay đổi có ngày, mới nhất ở cuối; ấn bản phải có ít nhất một mục.")


# Files under data/ and the model each one holds (also the JSON Schema files written).
FILE_MODELS = {"plan-type": PlanType, "plan": Plan, "levels": LevelsFile, "legal": LegalFile, "roles": RolesFile,
               "edition": Edition, "units": UnitListFile}
