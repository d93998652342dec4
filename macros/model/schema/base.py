"""Building blocks of every data model: the base model, ids, text, addresses, sources."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

Slug = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        description="Mã định danh: chữ thường không dấu, số và dấu gạch nối, ví dụ `phong-chong-khung-bo`.",
    ),
]
Text = Annotated[str, Field(min_length=1)]
Url = Annotated[str, Field(pattern=r"^https?://\S+$", description="Địa chỉ trang công khai (http:// hoặc https://).")]


class Model(BaseModel):
    # extra='forbid': an unknown key is almost always a typo of a known one.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Sourced(Model):
    """Something that must say where it comes from: a sample plan, or a public page."""

    plan: Slug | None = Field(
        None, description="Mã kế hoạch mẫu (trong data/plans/) là nguồn: kế hoạch dẫn hoặc nêu thông tin này."
    )
    url: Url | None = Field(None, description="Trang công khai là nguồn của thông tin này.")

    @model_validator(mode="after")
    def _points_somewhere(self):
        if not (self.plan or self.url):
            raise ValueError("nguồn cần 'plan' (kế hoạch mẫu nêu thông tin này) hoặc 'url' (trang công khai)")
        return self
