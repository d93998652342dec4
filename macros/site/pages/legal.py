"""The registry of legal documents, and the page of each national document."""

from __future__ import annotations

import datetime as dt

from ...model import legal, schema, text
from ...model.catalogue import Catalogue
from .. import urls
from ..jinja import render
from .plans import page_title


def doc_order(doc: schema.LegalDocument) -> tuple:
    """Statute before decree before decision…, then oldest first."""
    return (schema.LEGAL_KINDS.index(doc.kind), doc.date or dt.date.max, doc.id)


def full_wording(doc: schema.LegalDocument) -> str:
    """As many parts of the official wording as the registry can source."""
    parts = tuple(p for p in legal.DEFAULT_PARTS if p == "loai" or getattr(doc, legal.PART_FACT[p][0]) is not None)
    return legal.wording(doc, parts)


def legal_registry_page(cat: Catalogue) -> text.Md:
    here = urls.LEGAL_INDEX
    docs = sorted(cat.legal.values(), key=lambda d: (d.scope != "toan-quoc", d.province or "", *doc_order(d)))
    rows = []
    for d in docs:
        types, plans = cat.cited_by(d.id)
        used_by = [
            pt
            for pt in cat.plan_types.values()
            if pt.id in d.plan_types or pt in types or any(e.plan.plan_type == pt.id for e in plans)
        ]
        rows.append(
            dict(
                doc=d,
                page=urls.relative(here, urls.legal_path(d)) if d.scope == "toan-quoc" else None,
                types=[(pt, urls.relative(here, urls.plan_type_path(pt.id))) for pt in used_by],
                type_ids=" ".join(pt.id for pt in used_by),
            )
        )
    kinds = [k for k in schema.LEGAL_KINDS if any(d.kind == k for d in docs)]
    return render(
        "pages/legal-registry.md",
        rows=rows,
        kinds=kinds,
        plan_types=cat.plan_types,
        provinces=sorted({d.province for d in docs if d.province}),
        unverified=legal.UNVERIFIED,
        statuses=schema.LEGAL_STATUSES,
    )


def legal_document_page(cat: Catalogue, doc_id: str) -> text.Md:
    doc = cat.legal[doc_id]
    here = urls.legal_path(doc)
    types, plans = cat.cited_by(doc_id)
    relations = [
        (r.words, r.other, urls.relative(here, urls.legal_path(r.other))) for r in legal.relations_of(doc, cat.legal)
    ]
    source_plans = {
        s.plan: (page_title(cat.samples[s.plan]), urls.relative(here, urls.plan_path(cat.samples[s.plan].plan)))
        for s in (*doc.sources, *doc.number_variants)
        if s.plan
    }
    return render(
        "pages/legal-document.md",
        doc=doc,
        title=legal.designation(doc),
        wording=full_wording(doc),
        relations=relations,
        unverified=legal.UNVERIFIED,
        types=[(pt, urls.relative(here, urls.plan_type_path(pt.id))) for pt in types],
        should_cite=[
            (pt, urls.relative(here, urls.plan_type_path(pt.id)))
            for pt in cat.plan_types.values()
            if pt.id in doc.plan_types
        ],
        plans=[(page_title(e), urls.relative(here, urls.plan_path(e.plan))) for e in plans],
        registry_link=urls.relative(here, f"{urls.LEGAL_INDEX}#{doc.id}"),
        source_plans=source_plans,
    )
