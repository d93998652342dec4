"""Navigation entries generated from data: plan types with their samples, national legal
documents, and 'Có gì mới' for each edition, each under its anchor page in mkdocs.yml."""
from __future__ import annotations

from ..model import legal, text
from ..model.catalogue import Catalogue, plan_label
from . import urls
from .pages.legal import doc_order


def _plans(cat: Catalogue) -> list:
    out = []
    for pt in cat.plan_types.values():
        children = [urls.plan_type_path(pt.id)]
        children += [{text.html_text(plan_label(e.plan)): urls.plan_path(e.plan)} for e in cat.plans_of(pt.id)]
        out.append({text.html_text(pt.short_name): children})
    return out


def _legal(cat: Catalogue) -> list:
    """National documents, the ones with a page of their own."""
    docs = sorted((d for d in cat.legal.values() if d.scope == "toan-quoc"), key=doc_order)
    return [{text.html_text(legal.designation(d)): urls.legal_path(d)} for d in docs]


def _editions(cat: Catalogue) -> list:
    """'Có gì mới năm N' for every edition, newest first; older wording stays out of the menu."""
    return [{f"Có gì mới năm {year}": urls.edition_path(year)} for year in reversed(cat.editions)]


def sections(cat: Catalogue) -> list[tuple[str, list, str]]:
    """(anchor page, generated entries, what they are) for each section filled from data."""
    return [(urls.PLANS_INDEX, _plans(cat), "các loại kế hoạch"),
            (urls.LEGAL_INDEX, _legal(cat), "các văn bản căn cứ pháp lý"),
            (urls.EDITIONS_INDEX, _editions(cat), "các ấn bản theo năm")]


def insert(nav: list | None, anchor: str, generated: list) -> bool:
    """Append the generated entries to the section whose first page is anchor."""
    for entry in nav or []:
        if isinstance(entry, dict):
            for children in entry.values():
                if isinstance(children, list):
                    if children and children[0] == anchor:
                        children[1:] = generated
                        return True
                    if insert(children, anchor, generated):
                        return True
    return False
