"""The official list of provinces and commune-level units (xã, phường, đặc khu) since 1 July 2025.

Plain immutable records; load/official_units.py fills them from the `vietnam-provinces`
package (names are never typed by hand). The drafting form and unit lists that name
units by official code read them.
"""

from __future__ import annotations

import collections
import dataclasses
import functools

from . import text

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
        return self._by_code.get(code)

    def of_province(self, code: int) -> tuple[Commune, ...]:
        return tuple(c for c in self.communes if c.province == code)

    def unit_id(self, c: Commune) -> str:
        """'ubnd-phuong-hac-thanh': the page id of a unit named by code, from its official name.

        Names without diacritics repeat (293 across the country, and within one province: Xã Văn
        Lang and Xã Văn Lăng), so a name shared by another unit anywhere in the list takes the
        official code too ('ubnd-xa-van-lang-2143'): ids stay unique when lists of several
        provinces are built together, and do not change with which lists are present."""
        base = _base_id(c)
        return f"{base}-{c.code}" if base in self._shared_ids else base

    @functools.cached_property
    def _shared_ids(self) -> frozenset[str]:
        counts = collections.Counter(_base_id(c) for c in self.communes)
        return frozenset(base for base, n in counts.items() if n > 1)

    @functools.cached_property
    def _by_code(self) -> dict[int, Commune]:
        return {c.code: c for c in self.communes}


def _base_id(c: Commune) -> str:
    return "ubnd-" + text.slugify(c.full_name)
