"""Shared registries: issuing levels (data/levels.yml) and roles (data/roles.yml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import IsoDate, Model, PageId, Slug, Text, Url


class Level(Model):
    id: Slug
    name: Text = Field(description="Tên cấp, ví dụ 'Cấp xã'.")
    description: Text = Field(description="Những cơ quan, đơn vị thuộc cấp này.")


class LevelsFile(Model):
    levels: list[Level] = Field(min_length=1, description="Các cấp ban hành kế hoạch.")


ROLE_LEVELS = {
    "xa": "Cấp xã",
    "huyen": "Cấp huyện (không còn từ 01/7/2025)",
    "so": "Trong một sở, ngành",
    "tinh": "Cấp tỉnh",
    "trung-uong": "Trung ương",
}


class Duty(Model):
    text: Text = Field(description="Nhiệm vụ thường xuyên, như kế hoạch mẫu ghi.")
    plan: Slug = Field(description="Mã kế hoạch mẫu ghi nhiệm vụ này (nguồn).")


class Role(Model):
    id: PageId = Field(description="Mã vai trò, dùng trong `assign` của kế hoạch.")
    name: Text = Field(description="Tên in trong kế hoạch, ví dụ 'Công an xã'.")
    level: Literal[tuple(ROLE_LEVELS)] = Field(
        description="Cấp của cơ quan: `xa`, `huyen`, `tinh`, `so` (đơn vị trong sở), `trung-uong`."
    )
    names: list[Text] = Field(
        default_factory=list,
        description="Các cách gọi khác mà kế hoạch dùng, ví dụ 'Công an tỉnh - Cơ quan thường trực Ban chỉ đạo'.",
    )
    duties: list[Duty] = Field(default_factory=list, description="Nhiệm vụ thường xuyên theo các kế hoạch mẫu.")


class EndedLevel(Model):
    """A level of government that no longer exists: plans after it ended must not give it tasks."""

    level: Literal[tuple(ROLE_LEVELS)] = Field(description="Cấp không còn, ví dụ `huyen`.")
    ended: IsoDate = Field(description="Ngày cấp này kết thúc hoạt động (YYYY-MM-DD).")
    source: Url = Field(description="Trang công khai ghi việc này.")


class RolesFile(Model):
    roles: list[Role] = Field(min_length=1, description="Các cơ quan, lực lượng được giao việc trong kế hoạch.")
    ended_levels: list[EndedLevel] = Field(
        default_factory=list,
        description="Các cấp không còn: kế hoạch và ấn bản của năm sau ngày kết thúc không được giao việc cho cơ quan cấp đó.",
    )
