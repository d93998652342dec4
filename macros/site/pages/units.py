"""Pages of the unit lists (data/units/): one page listing the lists, one page per list.

With thousands of units the navigation must not list every plan: Material
prints the whole navigation on every page, so each entry would weigh on every
page, and the search index would carry every plan's text. Instead:

- one page in the navigation, `don-vi/index.md`, lists the unit lists by province;
- one page per unit list, `don-vi/<list id>.md` (out of the navigation), is the
  unit picker: its units grouped, with a filter box and a link to each plan;
  search indexes these pages, so a unit's name finds its list;
- each draft has its plan page like every plan (pages/plans.py), out of the
  navigation and out of the search index (see site/files.py).
"""

from __future__ import annotations

from ...model import text
from ...model.catalogue import Catalogue, UnitList
from .. import urls
from ..jinja import render


def _groups(cat: Catalogue, unit_list: UnitList) -> list[tuple[str, list]]:
    """Units by group (as the list names them), else by level; in the list's order."""
    groups: dict[str, list] = {}
    for entry in unit_list.entries:
        name = entry.group or cat.levels[entry.level].name
        groups.setdefault(name, []).append(entry)
    return list(groups.items())


def unit_list_page(cat: Catalogue, list_id: str) -> text.Md:
    unit_list = cat.unit_lists[list_id]
    here = urls.unit_list_path(list_id)
    plan_types = [cat.plan_types[t] for t in unit_list.plan_types]
    titles: dict[str, str] = {}
    for entry in unit_list.entries:
        for t, pid in entry.plans:
            titles.setdefault(t, cat.drafts[pid].doc.title)
    groups = [
        (
            name,
            [
                (e, {t: urls.relative(here, urls.plan_path(cat.drafts[pid].plan)) for t, pid in e.plans})
                for e in entries
            ],
        )
        for name, entries in _groups(cat, unit_list)
    ]
    return render(
        "pages/unit-list.md",
        unit_list=unit_list,
        plan_types=plan_types,
        titles=titles,
        groups=groups,
        count=len(unit_list.entries),
        plans=sum(len(e.plans) for e in unit_list.entries),
        index=urls.relative(here, urls.UNITS_INDEX),
        type_links={pt.id: urls.relative(here, urls.plan_type_path(pt.id)) for pt in plan_types},
    )


def unit_lists_page(cat: Catalogue) -> text.Md:
    by_province: dict[str, list] = {}
    for unit_list in sorted(cat.unit_lists.values(), key=lambda u: (-u.year, u.title)):
        by_province.setdefault(unit_list.province or "", []).append(
            (
                unit_list,
                urls.relative(urls.UNITS_INDEX, urls.unit_list_path(unit_list.id)),
                [cat.plan_types[t].short_name for t in unit_list.plan_types],
                sum(len(e.plans) for e in unit_list.entries),
            )
        )
    provinces = sorted(by_province.items(), key=lambda kv: (kv[0] == "", kv[0]))
    return render(
        "pages/unit-lists.md",
        provinces=provinces,
        total_units=sum(len(u.entries) for u in cat.unit_lists.values()),
        total_plans=len(cat.drafts),
    )
