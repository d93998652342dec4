"""Yearly editions: what is new each year, older editions' wording, comparisons, and the
'Cập nhật lần cuối' date of every page."""
from __future__ import annotations

import datetime as dt

from ...model import compare, legal, schema, text
from ...model.catalogue import Catalogue
from .. import urls
from ..jinja import link, render
from .plans import page_title


def comparisons(cat: Catalogue) -> list[tuple[str, int, int]]:
    """(plan type, older year, newer year) for each two consecutive editions that have the type."""
    out = []
    for pt_id in {t for e in cat.editions.values() for t in e.plan_types}:
        years = [y for y, e in cat.editions.items() if pt_id in e.plan_types]
        out += [(pt_id, a, b) for a, b in zip(years, years[1:])]
    return sorted(out)


def archived_pages(cat: Catalogue) -> list[tuple[int, str]]:
    """(year, plan type) of every older edition's wording page."""
    return [(y, t) for y, e in cat.editions.items() if y != cat.current.year for t in e.plan_types]


def type_path(cat: Catalogue, year: int, plan_type_id: str) -> str:
    return urls.edition_type_path(cat.current.year, year, plan_type_id)


def vn_date(value: dt.date | None) -> str:
    return legal.short_date(value) if value else "chưa công bố"


def edition_status(cat: Catalogue, year: int) -> str:
    e = cat.editions[year]
    if e.meta.published is None:
        return "Dự thảo, chưa công bố"
    return "Ấn bản hiện hành" if year == cat.current.year else f"Ấn bản cũ (hiện hành: năm {cat.current.year})"


def last_updated(cat: Catalogue, src_uri: str) -> str:
    """The 'Cập nhật lần cuối' line of a page: from the change record of the edition it belongs to."""
    year, plan_type = urls.edition_of_path(src_uri)
    edition = cat.editions.get(year, cat.current) if year is not None else cat.current
    if year is not None and year not in cat.editions:
        plan_type = None
    date = edition.last_updated(plan_type)
    return f"Cập nhật lần cuối: {vn_date(date)}" if date else "Dự thảo, chưa công bố"


def type_history(cat: Catalogue, plan_type_id: str, here: str) -> list[dict]:
    """A plan type's changelog, newest edition first: each edition's dated changes that concern
    it, a link to its wording in that edition, and a comparison with the edition before."""
    years = [y for y, e in cat.editions.items() if plan_type_id in e.plan_types]
    out = []
    for i, year in reversed(list(enumerate(years))):
        e = cat.editions[year]
        page = type_path(cat, year, plan_type_id)
        out.append(dict(
            year=year, published=vn_date(e.meta.published), status=edition_status(cat, year),
            changes=e.changes_for(plan_type_id), kinds=schema.CHANGE_KINDS,
            page=None if page == here else urls.relative(here, page),
            whats_new=urls.relative(here, urls.edition_path(year)),
            compare=(years[i - 1], urls.relative(here, urls.compare_path(plan_type_id, years[i - 1], year))) if i else None))
    return out


def _type_links(cat: Catalogue, year: int, ids, here: str) -> list:
    e = cat.editions[year]
    return [(e.plan_types[t].short_name, urls.relative(here, type_path(cat, year, t))) for t in ids if t in e.plan_types]


def editions_index_page(cat: Catalogue) -> text.Md:
    here = urls.EDITIONS_INDEX
    rows = [dict(year=y, status=edition_status(cat, y), published=vn_date(e.meta.published),
                 updated=vn_date(e.last_updated()), link=urls.relative(here, urls.edition_path(y)))
            for y, e in reversed(list(cat.editions.items()))]
    return render("pages/editions.md", rows=rows, current=cat.current.year)


def edition_page(cat: Catalogue, year: int) -> text.Md:
    here = urls.edition_path(year)
    e = cat.editions[year]
    years = list(cat.editions)
    previous = years[years.index(year) - 1] if years.index(year) else None
    priorities = []
    for p in e.meta.priorities:
        if p.plan:
            entry = cat.samples[p.plan]
            priorities.append((p.text, page_title(entry), urls.relative(here, urls.plan_path(entry.plan))))
        else:
            priorities.append((p.text, p.url, p.url))
    changes = [(c, schema.CHANGE_KINDS[c.kind], _type_links(cat, year, c.plan_types, here))
               for c in sorted(e.meta.changes, key=lambda c: c.date, reverse=True)]
    compared = [(e.plan_types[t].short_name, urls.relative(here, urls.compare_path(t, old, new)))
                for t, old, new in comparisons(cat) if new == year]
    return render("pages/edition.md", e=e, year=year, status=edition_status(cat, year),
                  published=vn_date(e.meta.published), updated=vn_date(e.last_updated()),
                  priorities=priorities, changes=changes, previous=previous, compared=compared,
                  wording=_type_links(cat, year, e.plan_types, here),
                  index=urls.relative(here, urls.EDITIONS_INDEX))


def compare_page(cat: Catalogue, plan_type_id: str, old: int, new: int) -> text.Md:
    here = urls.compare_path(plan_type_id, old, new)
    a, b = cat.editions[old], cat.editions[new]
    changes = compare.compare(compare.paragraphs(a.plan_types[plan_type_id], a.type_samples[plan_type_id]),
                              compare.paragraphs(b.plan_types[plan_type_id], b.type_samples[plan_type_id]))
    counts = {k: sum(1 for c in changes if c.kind == k) for k in compare.KIND_LABELS}
    return render("pages/compare.md", pt=b.plan_types[plan_type_id], old=old, new=new, changes=changes,
                  counts=counts, labels=compare.KIND_LABELS, marked=lambda c: text.Md(c.marked()),
                  old_link=urls.relative(here, type_path(cat, old, plan_type_id)),
                  new_link=urls.relative(here, type_path(cat, new, plan_type_id)),
                  notes=[(c, schema.CHANGE_KINDS[c.kind]) for c in b.changes_for(plan_type_id)],
                  whats_new=urls.relative(here, urls.edition_path(new)))


def current_edition_line(cat: Catalogue, from_path: str) -> text.Md:
    e = cat.current
    return text.Md(f"Ấn bản năm {e.year}, {text.md_escape(last_updated(cat, from_path).lower())}: "
                   f"{link(f'Có gì mới năm {e.year}', urls.relative(from_path, urls.edition_path(e.year)))}.")
