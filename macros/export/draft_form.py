"""What the drafting page loads, made at build time: each plan type's fillable Word form and
the compact list of official units, both as scripts (a page opened from file:// may load a
script but not fetch a file).

The fillable form is export/word.py's own document (model/draft.fillable: every unit fact a
token such as ⟦issuer⟧, each written inside one text run), so the browser only replaces
tokens in word/document.xml: one Word layout, written in one place.
"""

from __future__ import annotations

import base64
import datetime as _dt
import json

from ..model import document, draft, schema
from ..model.catalogue import Catalogue
from ..model.official import KINDS, OfficialUnits
from . import plain_text, word

# Fixed file dates: the same data gives the same bytes (deterministic builds).
EPOCH = _dt.datetime(2025, 7, 1, tzinfo=_dt.UTC)


def fillable_docx(cat: Catalogue, pt: schema.PlanType, doc: document.Document | None = None) -> bytes:
    """The plan type's Word form with a token where each fact of the unit goes.
    doc: the type's fillable document (model/draft.fillable), when the caller has it already."""
    doc = doc or draft.fillable(pt, cat.current.year, cat.legal, cat.roles)
    props = word.Properties(title=doc.title, subject=pt.name, keywords="bản soạn")
    return word.write(doc, props, now=EPOCH)


def _js(name: str, value) -> str:
    """A script that sets window[name][key]: JSON is valid JavaScript; '</' and line separators escaped."""
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    body = body.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{name}={body};\n"


def form_script(cat: Catalogue, pt: schema.PlanType, doc: document.Document | None = None) -> str:
    """window.draftForm: the type's fillable .docx (base64), its year and symbol, and its text file, for draft.js."""
    doc = doc or draft.fillable(pt, cat.current.year, cat.legal, cat.roles)
    value = {
        "type": pt.id,
        "year": cat.current.year,
        "symbol": pt.defaults.symbol or "KH-",
        "docx": base64.b64encode(fillable_docx(cat, pt, doc)).decode("ascii"),
        # the .txt file, tokens in place (export/plain_text.py walks the same outline)
        "text": plain_text.write(doc),
    }
    return _js("draftForm", value)


def units_script(official: OfficialUnits) -> str:
    """window.draftUnits: provinces, each [code, name, [[unit code, own name, kind index], …]]."""
    provinces = [
        [p.code, p.name, [[c.code, c.name, KINDS.index(c.kind)] for c in official.of_province(p.code)]]
        for p in official.provinces
    ]
    value = {"package": official.package, "data": official.data_version, "kinds": list(KINDS), "provinces": provinces}
    return _js("draftUnits", value)
