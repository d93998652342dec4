"""Reading the official list of provinces and commune-level units from `vietnam-provinces`.

The package (pinned in requirements.txt) carries the 34 provinces and 3,321 units in
force since 1 July 2025 with their official codes; reading a package's data is
loading, so it happens here, once per build (site/build.py keeps the result, unit
lists read it when they name units by code). Every name is checked to begin with its
kind ("Phường Hạc Thành"), which is how the kind is split from the unit's own name.
"""

from __future__ import annotations

import unicodedata
from importlib import metadata

import vietnam_provinces as vp

from ..model.official import KINDS, Commune, OfficialUnits, Province

PACKAGE = "vietnam-provinces"
SOURCE = "https://github.com/sunshine-tech/VietnamProvinces"


class OfficialDataError(Exception):
    """The package's data is not what this module expects (a new release changed its form)."""


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def _split(full: str, kind: str) -> str:
    prefix = kind[:1].upper() + kind[1:] + " "
    if not full.startswith(prefix):
        raise OfficialDataError(f"{PACKAGE}: tên '{full}' không bắt đầu bằng loại đơn vị '{kind}'")
    return full[len(prefix) :]


def read() -> OfficialUnits:
    """Every province and commune-level unit, provinces and units in the package's order."""
    provinces = tuple(Province(int(p.code), _nfc(p.name)) for p in vp.Province.iter_all())
    communes = []
    for w in vp.Ward.iter_all():
        kind = _nfc(w.division_type.value)
        if kind not in KINDS:
            raise OfficialDataError(f"{PACKAGE}: loại đơn vị '{kind}' của mã {int(w.code)} chưa được hỗ trợ")
        communes.append(Commune(int(w.code), _split(_nfc(w.name), kind), kind, int(w.province_code)))
    return OfficialUnits(
        package=f"{PACKAGE} {metadata.version(PACKAGE)}",
        data_version=vp.__data_version__,
        source=SOURCE,
        provinces=provinces,
        communes=tuple(communes),
    )
