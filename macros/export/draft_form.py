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
from ..model.wording import level_wording
from . import plain_text, word

# Fixed file dates: the same data gives the same bytes (deterministic builds).
EPOCH = _dt.datetime(2025, 7, 1, tzinfo=_dt.UTC)


# A plan type's distinct fillable documents: (key, the levels that use it, the document);
# levels whose wording is the same share one (site/pages/draft.py: forms()).
Forms = list[tuple[str, tuple[str, ...], document.Document]]


def fillable_docx(pt: schema.PlanType, doc: document.Document) -> bytes:
    """The Word form of a fillable document (model/draft.fillable): a token where each fact goes."""
    props = word.Properties(title=doc.title, subject=pt.name, keywords="bản soạn")
    return word.write(doc, props, when=EPOCH)


def _js(name: str, value) -> str:
    """A script that sets window[name][key]: JSON is valid JavaScript; '</' and line separators escaped."""
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    body = body.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{name}={body};\n"


def form_script(cat: Catalogue, pt: schema.PlanType, forms: Forms) -> str:
    """window.draftForm for draft.js: per level, which document it uses and its default symbol and
    authority; per document, its .docx (base64) and its .txt text, tokens in place (export/plain_text.py
    walks the same outline)."""
    value = {
        "type": pt.id,
        "year": cat.current.year,
        "levels": {
            level: {
                "doc": key,
                "symbol": level_wording(pt, level).defaults.symbol or "KH-",
                "authority": draft.default_authority(pt, level) or "",
            }
            for key, levels, _ in forms
            for level in levels
        },
        "docs": {
            key: {"docx": base64.b64encode(fillable_docx(pt, doc)).decode("ascii"), "text": plain_text.write(doc)}
            for key, _, doc in forms
        },
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
