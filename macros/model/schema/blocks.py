"""Content blocks: paragraphs, bullet lists and numbered items, with who does each task."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from .base import Model, Slug, Text


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
    Annotated[Text, Tag("line")] | Annotated[SubBullet, Tag("nested")],
    Discriminator(
        _bullet_kind,
        custom_error_type="bullet_kind",
        custom_error_message="cần một dòng văn bản, hoặc một bảng có 'text' và 'bullets'",
    ),
]


class Bullets(Model):
    bullets: list[Bullet] = Field(min_length=1, description="Danh sách gạch đầu dòng, mỗi phần tử một dòng '-'.")
    marker: Literal["-", "+"] = Field(
        "-", description="Dấu đầu dòng: `-` (mặc định) hoặc `+` khi văn bản gốc dùng dấu '+' ngay dưới một mục."
    )


class Assignment(Model):
    """Who does a task, by role id (data/roles.yml)."""

    lead: list[Slug] = Field(default_factory=list, description="Chủ trì.")
    support: list[Slug] = Field(default_factory=list, description="Phối hợp.")
    carry_out: list[Slug] = Field(
        default_factory=list, description="Thực hiện (cơ quan được giao trực tiếp, ví dụ mục '1. Công an xã')."
    )
    request: list[Slug] = Field(
        default_factory=list,
        description="Đề nghị: cơ quan ngoài quyền quản lý của cơ quan ban hành (Ủy ban MTTQ Việt Nam, các tổ chức chính trị - xã hội).",
    )

    @model_validator(mode="after")
    def _someone(self):
        if not (self.lead or self.support or self.carry_out or self.request):
            raise ValueError("cần ít nhất một trong 'lead', 'support', 'carry_out', 'request'")
        return self


class Item(Model):
    """A numbered item ('1.', '2.1.', 'a)'): a heading with content under it, or a numbered paragraph."""

    title: Text | None = Field(
        None, description="Tiêu đề của mục, in đậm sau số thứ tự (ví dụ 'Công tác tuyên truyền')."
    )
    text: Text | None = Field(None, description="Đoạn văn đứng ngay sau số thứ tự, khi mục không có tiêu đề riêng.")
    content: list[Block] = Field(
        default_factory=list, description="Các khối nội dung dưới mục: đoạn văn, gạch đầu dòng, mục con."
    )
    executor: Text | None = Field(
        None,
        description="Câu của dòng 'Đơn vị thực hiện:' khi muốn giữ cách viết riêng; phải nhắc tới mọi đơn vị trong `assign`. Bỏ trống thì câu được viết từ `assign` (ở phần có `executor_lines`).",
    )
    assign: Assignment | None = Field(
        None,
        description="Phân công: mã vai trò (data/roles.yml) chủ trì, phối hợp, thực hiện, được đề nghị. Mục không có tiêu đề và đoạn văn thì tiêu đề là tên đơn vị ('Công an xã', 'Đề nghị Ủy ban MTTQ Việt Nam xã…').",
    )

    @model_validator(mode="after")
    def _has_words(self):
        if not (self.title or self.text or self.content or self.assign):
            raise ValueError("mục cần ít nhất 'title', 'text', 'content' hoặc 'assign'")
        return self


class Items(Model):
    items: list[Item] = Field(min_length=1, description="Các mục đánh số theo thứ tự.")
    numbering: Literal["decimal", "letter"] = Field(
        "decimal",
        description="Cách đánh số: `decimal` (1., 2. — mục con thành 2.1., 2.2.) hoặc `letter` (a), b), c), d), đ)…).",
    )


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
    Annotated[Text, Tag("paragraph")] | Annotated[Bullets, Tag("bullets")] | Annotated[Items, Tag("items")],
    Discriminator(
        _block_kind,
        custom_error_type="block_kind",
        custom_error_message="cần một đoạn văn (chuỗi), hoặc một bảng có khóa 'bullets' hay 'items'",
    ),
]
Item.model_rebuild()
