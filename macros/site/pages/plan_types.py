"""Plan-type pages (guidance first, like a GOV.UK Design System pattern page) and the list of types."""
from __future__ import annotations

from ...export import files
from ...model import legal, resolve, schema, text
from ...model.catalogue import Catalogue, plan_label
from .. import urls
from ..jinja import download_link, render
from . import editions
from .legal import doc_order, full_wording
from .plans import page_title


def plan_type_page(cat: Catalogue, plan_type_id: str, downloads: bool, year: int | None = None) -> text.Md:
    """A plan type's page; downloads: link the blank forms and the samples' files.

    year: an older edition's wording, shown at its archived address (current edition when None),
    without downloads.
    """
    edition = cat.editions[year] if year else cat.current
    downloads = downloads and year is None
    pt = edition.plan_types[plan_type_id]
    here = urls.edition_type_path(cat.current.year, edition.year, pt.id)
    sample = edition.type_samples[pt.id]
    fill = resolve.Filler(resolve.label_values(pt), cat.legal, cat.roles)  # for legal_bases_to_fill
    samples = [(e.plan, cat.levels[e.plan.level], urls.relative(here, urls.plan_path(e.plan)), e.doc, page_title(e))
               for e in cat.plans_of(pt.id)]
    by_level: dict[str, list] = {}
    for p, _, link, _, _ in samples:
        by_level.setdefault(p.level, []).append((plan_label(p), link))
    blanks = [(cat.levels[level], download_link(here, out.label, urls.blank_path(pt.id, level)))
              for level, out in files.blank_outputs(cat, pt)] if downloads else []
    # after a sample's description: ": [Word], [text]"
    sample_files = {e.id: text.Md(": " + ", ".join(download_link(here, out.label, urls.plan_file_path(e.plan, out.kind))
                                                   for out in files.downloads_of(cat, e)))
                    for e in cat.plans_of(pt.id)} if downloads else {}
    return render(
        "pages/plan-type.md", pt=pt, levels=cat.levels, samples=samples, by_level=by_level,
        blanks=blanks, sample_files=sample_files, parts=sample.parts, labels=resolve.field_labels(pt),
        # the blank form already holds the type's wording, filled once per build
        default_title=pt.defaults.title and sample.title,
        default_preamble=sample.preamble, default_closing=sample.closing,
        here=here, registry=cat.legal, checklist=legal_checklist(cat, pt, here),
        to_fill=[fill(x) for x in pt.legal_bases_to_fill], legal_index=urls.relative(here, urls.LEGAL_INDEX),
        edition=edition, current=cat.current,
        current_link=urls.relative(here, urls.plan_type_path(pt.id)) if pt.id in cat.plan_types else None,
        history=editions.type_history(cat, pt.id, here),
    )


def plan_type_list(cat: Catalogue, from_path: str) -> text.Md:
    rows = [(pt, urls.relative(from_path, urls.plan_type_path(pt.id)), len(cat.plans_of(pt.id)),
             [cat.levels[v.level].name for v in pt.levels])
            for pt in cat.plan_types.values()]
    return render("pages/plan-type-list.md", rows=rows)


def legal_checklist(cat: Catalogue, pt: schema.PlanType, here: str) -> list[tuple]:
    """National documents a plan of this type should cite: (document, wording to use, link, hints).

    hint: what other documents do to it ("Được sửa đổi, bổ sung bởi Nghị định số 62/2023/NĐ-CP."), or "".
    """
    docs = sorted((d for d in cat.legal.values() if pt.id in d.plan_types), key=doc_order)
    return [(d, full_wording(d), urls.relative(here, urls.legal_path(d)),
             " ".join(f"{r.words} {legal.designation(r.other)}." for r in legal.relations_of(d, cat.legal)
                      if r.incoming and r.type in ("amends", "replaces")))
            for d in docs]

