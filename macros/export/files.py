"""The files a reader downloads with each plan, and the blank forms of each plan type.

Every plan gets its calendar (.ics, when it has dated deadlines) and, unless
downloads are off, its Word (.docx) and text (.txt) file; every plan type gets
a blank Word form for each level that uses it. Each Output makes its bytes when
asked (Output.make), from the catalogue of the build; the site layer
(site/outputs.py) decides where each file lives.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ..model import blank, schema
from ..model.catalogue import Catalogue, PlanEntry, issuer_label
from . import ical, plain_text, word

# The author of the guidance comments in a blank form.
GUIDANCE_AUTHOR = "Hướng dẫn soạn thảo"

DOCX_LABEL = "Tải bản Word (.docx)"
TEXT_LABEL = "Tải bản văn bản (.txt)"
BLANK_LABEL = "Tải mẫu trống (.docx)"


@dataclasses.dataclass(frozen=True)
class Output:
    kind: str  # the file's extension: docx, txt, ics
    label: str | None  # link text of a download; None for a calendar (linked by its page)
    make: Callable[[], bytes]


def downloads_of(cat: Catalogue, entry: PlanEntry) -> tuple[Output, Output]:
    """The plan's Word and text files."""
    return (
        Output("docx", DOCX_LABEL, lambda: word.write(entry.doc, _properties(cat, entry))),
        Output("txt", TEXT_LABEL, lambda: plain_text.write(entry.doc).encode("utf-8")),
    )


def plan_outputs(cat: Catalogue, entry: PlanEntry, downloads: bool) -> list[Output]:
    """Every file of one plan: Word and text (when downloads are on for the build and the
    plan's unit list), the calendar of its dated deadlines."""
    out = list(downloads_of(cat, entry)) if downloads and entry.downloads else []
    if ical.has_dates(entry):
        out.append(Output("ics", None, lambda: ical.plan_calendar(entry, cat.roles)))
    return out


def blank_outputs(cat: Catalogue, pt: schema.PlanType) -> list[tuple[str, Output]]:
    """(level id, blank Word form) for each level that uses the plan type."""
    out = []
    for variant in pt.levels:
        level = cat.levels[variant.level]
        # the sample level's form is the catalogue's; another level gets its own wording or none
        same = pt.sample_level in (None, variant.level) and not variant.samples and variant.defaults is None
        form = cat.type_samples[pt.id] if same else blank.document_of(pt, cat.legal, cat.roles, variant.level)
        notes = word.Notes(
            author=GUIDANCE_AUTHOR,
            title=(f"{level.name}: {variant.guidance}",),
            parts={s.id: tuple(s.guidance) for s in pt.sections},
        )
        props = word.Properties(
            title=f"Mẫu {pt.name} ({level.name})", subject=pt.name, keywords=f"mẫu trống, {level.name}"
        )
        out.append(
            (
                variant.level,
                Output("docx", BLANK_LABEL, lambda form=form, props=props, notes=notes: word.write(form, props, notes)),
            )
        )
    return out


def _properties(cat: Catalogue, entry: PlanEntry) -> word.Properties:
    plan = entry.plan
    return word.Properties(
        title=entry.doc.title,
        subject=cat.plan_types[plan.plan_type].name,
        keywords=f"{issuer_label(plan)}, {plan.year}",
    )
