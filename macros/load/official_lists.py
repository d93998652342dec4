"""Unit lists that name units by official code (data/units/*.yml: `code:`, `official: {province: N}`).

A province's maintainers publish drafts for all its communes without typing a name: the
names and kinds come from the official list (official_units.py, the `vietnam-provinces`
package). This step turns such a list into the list of named units the rest of
load/units.py reads, and reports, at the key written, a code the official list does not
have and a name that differs from the official one.
"""

from __future__ import annotations

from ..model import schema
from ..model.official import Commune, OfficialUnits
from .context import LoadContext
from .yaml_source import Source


def uses_codes(model: schema.UnitListFile) -> bool:
    return model.official is not None or any(u.code is not None for u in model.units)


def expand(ctx: LoadContext, src: Source, model: schema.UnitListFile, official: OfficialUnits) -> schema.UnitListFile:
    """The list with every unit named: units written by code take their name and kind from the
    official list; `official: {province: N}` adds every unit of the province not written in `units`."""
    units: list[schema.Unit] = []
    for i, unit in enumerate(model.units):
        if unit.code is None:
            units.append(unit)
            continue
        found = official.commune(unit.code)
        if found is None:
            ctx.problems.add(
                src, ("units", i, "code"), f"mã {unit.code} không có trong danh sách chính thức ({official.package})"
            )
            # kept in place (later units keep their index, so their messages their key), with a kind so
            # that the root cause is reported once; the load fails on the problem above anyway
            placeholder = {"id": unit.id or f"ma-{unit.code}", "name": unit.name or str(unit.code), "kind": "xã"}
            units.append(unit.model_copy(update=placeholder))
            continue
        if unit.name is not None and unit.name != found.name:
            ctx.problems.add(
                src,
                ("units", i, "name"),
                f"tên '{unit.name}' khác tên chính thức '{found.name}' của mã {unit.code} "
                f"({found.full_name}); bỏ `name` để lấy tên chính thức",
            )
        units.append(_named(unit, found, official))
    selection = model.official
    province = model.province
    if selection is not None:
        found_province = official.province(selection.province)
        if found_province is None:
            codes = ", ".join(f"{p.code} ({p.name})" for p in official.provinces)
            ctx.problems.add(
                src,
                ("official", "province"),
                f"mã tỉnh {selection.province} không có trong danh sách chính thức ({official.package}); có: {codes}",
            )
        else:
            province = province or found_province.name
            written = {u.code for u in units if u.code is not None}
            units += [
                _named(schema.Unit(code=c.code), c, official)
                for c in official.of_province(found_province.code)
                if c.code not in written
            ]
    return model.model_copy(update={"units": units, "province": province})


def _named(unit: schema.Unit, c: Commune, official: OfficialUnits) -> schema.Unit:
    return unit.model_copy(update={"id": unit.id or official.unit_id(c), "name": c.name, "kind": c.kind})
