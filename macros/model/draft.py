"""The fillable form of a plan type: its document with a unique token where each fact of a unit goes.

The drafting page (site/pages/draft.py) shows this document in the official form and the
browser replaces each token with what the reader typed; the Word file the browser makes
is this document written once at build time by export/word.py (export/draft_form.py),
each token one text run, so the layout rules stay in one place and the browser only
replaces text. Every fact is a token, never a guess: the year alone is fixed, the year
of the edition whose wording the form carries.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from . import blank, document, resolve, schema
from .wording import level_wording

OPEN, CLOSE = "⟦", "⟧"

# Facts of the header and signature block (name → what the reader is asked for).
ISSUER = "issuer"  # the issuing body in capitals: ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH
SUPERIOR = "superior"  # the body above it, when there is one
ISSUER_SHORT = "issuer_short"  # how the body is named in sentences: UBND phường Hạc Thành ({issuer})
PLACE = "place"  # Hạc Thành ({place})
NUMBER_LINE = "number_line"  # Số: 12/KH-UBND
PLACE_DATE = "place_date"  # Hạc Thành, ngày 05 tháng 3 năm 2026
AUTHORITY = "sig_authority"  # TM. ỦY BAN NHÂN DÂN
TITLE = "sig_title"  # CHỦ TỊCH
SIGNER = "signer_name"
CONTACT = "contact"  # the contact person ({contact}), as one line the reader writes
# A field of the plan type ({provincial-plan}) is the token 'f-<field id>'.
FIELD_PREFIX = "f-"
# Lines left out of the page and the Word file when their fact is empty.
OPTIONAL_LINES = (SUPERIOR, AUTHORITY)


def token(name: str) -> str:
    return f"{OPEN}{name}{CLOSE}"


def field_token(field_id: str) -> str:
    return token(FIELD_PREFIX + field_id)


def _signature(**values: str) -> schema.Signature:
    # model_construct: a token is not an authority line ('TM. …'); the reader's value is checked in the browser.
    return schema.Signature.model_construct(subtitle=None, **values)


def _tokens(doc: document.Document) -> document.Document:
    return dataclasses.replace(
        doc,
        superior=token(SUPERIOR),
        issuer=token(ISSUER),
        number_line=token(NUMBER_LINE),
        place_date=token(PLACE_DATE),
        signature=_signature(authority=token(AUTHORITY), title=token(TITLE), name=token(SIGNER)),
    )


def fillable(
    plan_type: schema.PlanType,
    level: str,
    year: int,
    registry: Mapping[str, schema.LegalDocument],
    roles: Mapping[str, schema.Role],
) -> document.Document:
    """The plan type's wording at a level resolved like any plan of that level, every unit fact a
    token. A level the type has no wording for (model/wording.py) gets the type's blank form at
    that level: part headings, [marks] where the drafter writes, never another level's words."""
    plan = schema.Plan(
        id=f"soan-{plan_type.id}",
        plan_type=plan_type.id,
        year=year,
        level=level,
        issuer=schema.Issuer(name=token(ISSUER), short=token(ISSUER_SHORT), superior=token(SUPERIOR)),
        place=token(PLACE),
        fill={f.id: field_token(f.id) for f in plan_type.fields},
        signature=_signature(authority=token(AUTHORITY), title=token(TITLE), name=token(SIGNER)),
    )
    try:
        doc = resolve.resolve(plan, plan_type, registry, roles, values={CONTACT: token(CONTACT)})
    except resolve.ResolveError:
        doc = blank.document_of(plan_type, registry, roles, level)
    return _tokens(doc)


def has_wording(plan_type: schema.PlanType, level: str) -> bool:
    """Whether the type has sample wording at the level (else its drafting form is the blank form)."""
    wording = level_wording(plan_type, level)
    return not wording.borrowed or bool(wording.samples)


def default_authority(plan_type: schema.PlanType, level: str) -> str | None:
    """The signing authority a plan at the level prints when it writes none ('TM. ỦY BAN NHÂN DÂN')."""
    return level_wording(plan_type, level).defaults.authority
