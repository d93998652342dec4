"""The official list of provinces and commune-level units (xã, phường, đặc khu) since 1 July 2025.

Plain immutable records; load/official_units.py fills them from the `vietnam-provinces`
package (names are never typed by hand). The drafting form and unit lists that name
units by official code read them.
"""

from __future__ import annotations

import dataclasses

# The kinds of commune-level unit, in the order the compact list numbers them.
KINDS = ("xã", "phường", "đặc khu")


@dataclasses.dataclass(frozen=True)
class Province:
    code: int
    name: str  # "Thanh Hóa", "Thành phố Hà Nội"


@dataclasses.dataclass(frozen=True)
class Commune:
    """A commune-level unit: code, its own name without its kind ("Hạc Thành"), kind, province code."""

    code: int
    name: str
    kind: str  # one of KINDS
    province: int

    @property
    def full_name(self) -> str:
        """'Phường Hạc Thành'."""
        return f"{self.kind[:1].upper()}{self.kind[1:]} {self.name}"


@dataclasses.dataclass(frozen=True)
class OfficialUnits:
    package: str  # "vietnam-provinces 2025.10.1"
    data_version: str  # the date the package's data was retrieved, "2025-10-18"
    source: str  # the package's home page
    provinces: tuple[Province, ...]
    communes: tuple[Commune, ...]

    def province(self, code: int) -> Province | None:
        return next((p for p in self.provinces if p.code == code), None)

    def commune(self, code: int) -> Commune | None:
        return next((c for c in self.communes if c.code == code), None)

    def of_province(self, code: int) -> tuple[Commune, ...]:
        return tuple(c for c in self.communes if c.province == code)
