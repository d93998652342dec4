"""Pages and files of the plans made from unit lists (units.py).

With thousands of units the navigation must not list every plan: Material
prints the whole navigation on every page, so each entry would weigh on every
page, and the search index would carry every plan's text. Instead:

- one page in the navigation, `don-vi/index.md`, lists the unit lists by province;
- one page per unit list, `don-vi/<list id>.md` (out of the navigation), is the
  unit picker: its units grouped, with a filter box and a link to each plan;
  search indexes these pages, so a unit's name finds its list;
- one page per plan, `ke-hoach/<type>/<plan id>.md` as for every plan, out of
  the navigation and out of the search index (`search: exclude`), rendered by
  render.plan_page itself (from the on_page_markdown hook, not through
  mkdocs-macros: see plan_front_matter), with a line that leads back to its list.

Downloads (Word, text) and calendars of bulk plans are made like those of the
reference plans (downloads.py, ical.py), from the same resolved document.
"""
from __future__ import annotations

import collections
import dataclasses

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from . import downloads, export_docx, export_text, ical, render, text
from .catalogue import Catalogue

UNITS_URL = "don-vi"
UNITS_INDEX = f"{UNITS_URL}/index.md"


def plan_front_matter(plan_id: str) -> str:
    """The whole source of a bulk plan's page. `search: exclude`: found from its list's page,
    not from search (its text is the plan type's sample wording). `render_macros: false`:
    mkdocs-macros would compile each page as a Jinja template (a few ms a page, thousands
    of pages); page_markdown() puts the plan in instead, rendered by render.plan_page."""
    return f"---\nsearch:\n  exclude: true\nrender_macros: false\n{META_KEY}: {plan_id}\n---\n"


META_KEY = "bulk_plan"


def list_path(list_id: str) -> str:
    return f"{UNITS_URL}/{list_id}.md"


def _stub(call: str) -> str:
    return f"{{{{ {call} }}}}\n"


# ---------------------------------------------------------------- a catalogue in which bulk plans are plans

_view: tuple[Catalogue, Catalogue] | None = None


def view(cat: Catalogue) -> Catalogue:
    """The catalogue with the bulk plans added to plans and documents, for the code that
    renders or exports one plan (render.plan_page, downloads, ical). Built once per catalogue;
    ChainMap, so nothing is copied."""
    global _view
    if _view is None or _view[0] is not cat:
        b = cat.bulk
        _view = (cat, dataclasses.replace(
            cat, plans=collections.ChainMap(b.plans, cat.plans), documents=collections.ChainMap(b.documents, cat.documents),
            citation_notes=collections.ChainMap(b.citation_notes, cat.citation_notes)))
    return _view[1]


# ---------------------------------------------------------------- files of the build

def wants_downloads(cat: Catalogue, plan_id: str, enabled: bool) -> bool:
    return enabled and cat.bulk.lists[cat.bulk.list_of[plan_id]].downloads


def generated_files(config, cat: Catalogue, with_downloads: bool) -> list[File]:
    """Pages of the unit lists and of their plans, calendars, and (when on) downloads."""
    bulk, v = cat.bulk, view(cat)
    out = [File.generated(config, UNITS_INDEX, content=_stub("unit_lists_page()"))]
    for unit_list in bulk.lists.values():
        out.append(File.generated(config, list_path(unit_list.id), content=_stub(f'unit_list_page("{unit_list.id}")'),
                                  inclusion=InclusionLevel.NOT_IN_NAV))
    for plan_id, plan in bulk.plans.items():
        out.append(File.generated(config, render.plan_path(plan), inclusion=InclusionLevel.NOT_IN_NAV,
                                  content=plan_front_matter(plan_id)))
        doc = bulk.documents[plan_id]
        if any(d.date for d in doc.deadlines):
            out.append(File.generated(config, render.calendar_path(plan_id),
                                      content=ical.plan_calendar(v, plan_id, render.plan_nav_title(v, plan))))
        if wants_downloads(cat, plan_id, with_downloads):
            word, plain = downloads.plan_files(plan)
            out.append(File.generated(config, word.path, content=export_docx.write(doc, downloads._plan_properties(v, plan))))
            out.append(File.generated(config, plain.path, content=export_text.write(doc).encode("utf-8")))
    return out


# ---------------------------------------------------------------- pages

def page_markdown(markdown: str, page, cat: Catalogue, with_downloads: bool) -> str:
    """on_page_markdown: the Markdown of a bulk plan's page; any other page as it is."""
    plan_id = page.meta.get(META_KEY)
    if plan_id is None:
        return markdown
    if plan_id not in cat.bulk.plans or markdown.strip():
        raise PluginError(f"{page.file.src_uri}: '{META_KEY}: {plan_id}' không phải trang do danh sách đơn vị tạo")
    return bulk_plan_page(cat, plan_id, with_downloads)


def bulk_plan_page(cat: Catalogue, plan_id: str, with_downloads: bool) -> text.Md:
    """The page of a bulk plan: render.plan_page, with a line back to its unit list under the title."""
    plan = cat.bulk.plans[plan_id]
    unit_list = cat.bulk.lists[cat.bulk.list_of[plan_id]]
    files = downloads.plan_files(plan) if wants_downloads(cat, plan_id, with_downloads) else ()
    page = render.plan_page(view(cat), plan_id, files)
    here = render.plan_path(plan)
    list_link = render._relative(here, list_path(unit_list.id)) + "#" + cat.bulk.unit_of[plan_id]
    back = render._render("pages/unit-plan-note.md", unit_list=unit_list, list_link=list_link)
    title, _, rest = page.partition("\n")
    return text.Md(f"{title}\n\n{back}\n{rest}")


def _groups(cat: Catalogue, unit_list) -> list[tuple[str, list]]:
    """Units by group (as the list names them), else by level; in the list's order."""
    groups: dict[str, list] = {}
    for entry in unit_list.entries:
        name = entry.group or cat.levels[entry.level].name
        groups.setdefault(name, []).append(entry)
    return list(groups.items())


def unit_list_page(cat: Catalogue, list_id: str) -> text.Md:
    unit_list = cat.bulk.lists[list_id]
    here = list_path(list_id)
    v = view(cat)
    plan_types = [cat.plan_types[t] for t in unit_list.plan_types]
    titles = {}
    for entry in unit_list.entries:
        for t, pid in entry.plans:
            titles.setdefault(t, v.documents[pid].title)
    groups = [(name, [(e, {t: render._relative(here, render.plan_path(cat.bulk.plans[pid])) for t, pid in e.plans})
                      for e in entries])
              for name, entries in _groups(cat, unit_list)]
    return render._render("pages/unit-list.md", unit_list=unit_list, plan_types=plan_types, titles=titles,
                          groups=groups, count=len(unit_list.entries), plans=sum(len(e.plans) for e in unit_list.entries),
                          index=render._relative(here, UNITS_INDEX),
                          type_links={pt.id: render._relative(here, render.plan_type_path(pt.id)) for pt in plan_types})


def unit_lists_page(cat: Catalogue) -> text.Md:
    by_province: dict[str, list] = {}
    for unit_list in sorted(cat.bulk.lists.values(), key=lambda u: (-u.year, u.title)):
        by_province.setdefault(unit_list.province or "", []).append(
            (unit_list, render._relative(UNITS_INDEX, list_path(unit_list.id)),
             [cat.plan_types[t].short_name for t in unit_list.plan_types],
             sum(len(e.plans) for e in unit_list.entries)))
    provinces = sorted(by_province.items(), key=lambda kv: (kv[0] == "", kv[0]))
    return render._render("pages/unit-lists.md", provinces=provinces,
                          total_units=sum(len(u.entries) for u in cat.bulk.lists.values()),
                          total_plans=len(cat.bulk.plans))


def register(env, cat: Catalogue) -> None:
    """The macros the pages of unit lists call (see generated_files)."""
    env.macro(lambda: unit_lists_page(cat), "unit_lists_page")
    env.macro(lambda list_id: unit_list_page(cat, list_id), "unit_list_page")
