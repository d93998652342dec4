"""The blank form of a plan type, as a Document a drafter fills in.

Where a filled plan prints its unit's data (issuing body, number, place, signer),
the blank form prints a bracketed mark such as [Tên cơ quan ban hành]; the body is
the plan type's sample wording with its fill-ins ({year}, {issuer}, the type's own
fields) shown as [labels], the wording the plan-type page shows as "Nội dung mẫu".
"""

from __future__ import annotations

from collections.abc import Mapping

from . import document, resolve, schema, text
from .wording import level_wording

# Marks for the unit's data in the header and the signature block.
SUPERIOR = "[Tên cơ quan cấp trên]"
ISSUER = "[Tên cơ quan ban hành]"
NUMBER = "[số]"
PLACE = "[Địa danh]"
TITLE = "[Trích yếu nội dung kế hoạch]"
SIGNER_TITLE = "[Chức vụ người ký]"
SIGNER_NAME = "[Họ và tên]"


def document_of(
    plan_type: schema.PlanType,
    registry: Mapping[str, schema.LegalDocument],
    roles: Mapping[str, schema.Role],
    level: str | None = None,
) -> document.Document:
    """The plan type's blank form at a level (None: its sample level).

    Built once per build by the catalogue (Catalogue.type_samples) for the sample level: its
    parts are also the sample wording of the plan-type page, and its citations its 'cited by'
    entries. At a level the type has no wording for (wording.py), a part is its heading
    alone: the form's guidance (Word comments) says what to write, never another level's words.
    """
    fill = resolve.Filler(resolve.label_values(plan_type), registry, roles)
    wording = level_wording(plan_type, level)
    defaults = wording.defaults
    parts = tuple(
        document.Part(
            s.id,
            text.roman(n),
            fill(s.heading),
            resolve.resolve_blocks(wording.samples.get(s.id, []), fill, executor_lines=s.executor_lines),
        )
        for n, s in enumerate(plan_type.sections, start=1)
    )
    recipients = tuple(
        document.RecipientLine(fill(r))
        if isinstance(r, str)
        else document.RecipientGroup(tuple(fill(x) for x in r.group), fill(r.note))
        for r in defaults.recipients or ()
    )
    return document.Document(
        plan_id=f"mau-trong-{plan_type.id}",
        plan_type=plan_type.id,
        year=0,  # no year: it is a fill-in of the form
        superior=SUPERIOR,
        issuer=ISSUER,
        number_line=f"Số: {NUMBER}/{defaults.symbol or 'KH-' + text.BLANK}",
        # the year is a fill-in like the others: '[Địa danh], ngày … tháng … năm [năm]'
        place_date=text.official_date(PLACE, fill.values["year"]),
        title=fill(defaults.title) if defaults.title else TITLE,
        preamble=defaults.preamble and fill(defaults.preamble),
        parts=parts,
        closing=defaults.closing and fill(defaults.closing),
        recipients=recipients,
        signature=schema.Signature(authority=defaults.authority, title=SIGNER_TITLE, name=SIGNER_NAME),
        is_draft=True,
        cited=tuple(fill.cited),
    )
