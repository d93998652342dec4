"""The blank form of a plan type, as a Document a drafter fills in.

Where a filled plan prints its unit's data (issuing body, number, place, signer),
the blank form prints a bracketed mark such as [Tên cơ quan ban hành]; the body is
the plan type's sample wording with its fill-ins ({year}, {issuer}, the type's own
fields) shown as [labels], the wording the plan-type page shows as "Nội dung mẫu".
"""
from __future__ import annotations

from . import document, schema, text

# Marks for the unit's data in the header and the signature block.
SUPERIOR = "[Tên cơ quan cấp trên]"
ISSUER = "[Tên cơ quan ban hành]"
NUMBER = "[số]"
PLACE = "[Địa danh]"
TITLE = "[Trích yếu nội dung kế hoạch]"
SIGNER_TITLE = "[Chức vụ người ký]"
SIGNER_NAME = "[Họ và tên]"

def document_of(plan_type: schema.PlanType) -> document.Document:
    """The plan type's blank form; the same for every level (levels differ in guidance only)."""
    values = document.label_values(plan_type)
    defaults = plan_type.defaults
    parts = tuple(
        document.Part(s.id, text.roman(n), document.fill(s.heading, values),
                      document.resolve_blocks(s.sample, values))
        for n, s in enumerate(plan_type.sections, start=1))
    recipients = tuple(
        document.RecipientLine(document.fill(r, values)) if isinstance(r, str)
        else document.RecipientGroup(tuple(document.fill(x, values) for x in r.group), document.fill(r.note, values))
        for r in defaults.recipients or ())
    return document.Document(
        plan_id=f"mau-trong-{plan_type.id}",
        plan_type=plan_type.id,
        year=0,                      # no year: it is a fill-in of the form
        superior=SUPERIOR,
        issuer=ISSUER,
        number_line=f"Số: {NUMBER}/{defaults.symbol or 'KH-' + text.BLANK}",
        # the year is a fill-in like the others: '[Địa danh], ngày … tháng … năm [năm]'
        place_date=text.official_date(PLACE, values["year"]),
        title=document.fill(defaults.title, values) if defaults.title else TITLE,
        preamble=defaults.preamble and document.fill(defaults.preamble, values),
        parts=parts,
        closing=defaults.closing and document.fill(defaults.closing, values),
        recipients=recipients,
        signature=schema.Signature(title=SIGNER_TITLE, name=SIGNER_NAME),
        is_draft=True,
    )
