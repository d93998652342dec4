"""The files a reader downloads with each plan, and the blank forms of each plan type.

Every plan gets its calendar (.ics, when it has dated deadlines) and, unless
downloads are off, its Word (.docx) and text (.txt) file; every plan type gets
a blank Word form for each level that uses it. Each Output makes its bytes when
asked (Output.make), from the catalogue of the build and the build's Word maker
(word_cache.Maker: one template per shape of document, shared by every file of the
build); the site layer (site/files.py) decides where each file lives and when it is made.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable

from ..model import blank, schema
from ..model.catalogue import Catalogue, PlanEntry, issuer_label
from . import ical, plain_text, word_cache, word_slots

# The author of the guidance comments in a blank form.
GUIDANCE_AUTHOR = "Hướng dẫn soạn thảo"

DOCX_LABEL = "Tải bản Word (.docx)"
TEXT_LABEL = "Tải bản văn bản (.txt)"
BLANK_LABEL = "Tải mẫu trống (.docx)"


# Makes a file's bytes, given the build's Word maker (the text and calendar files ignore it).
Make = Callable[[word_cache.Maker], bytes]


@dataclasses.dataclass(frozen=True)
class Output:
    kind: str  # the file's extension: docx, txt, ics
    label: str | None  # link text of a download; None for a calendar (linked by its page)
    make: Make


def file_date(cat: Catalogue, environ=os.environ) -> dt.datetime:
    """The date every Word file of the build carries (created, modified, comments, ZIP entries):
    SOURCE_DATE_EPOCH when set (reproducible builds), else the current edition's publication
    date (1 January of its year while it is a draft); never the time of the build, so two
    builds of the same data make the same bytes."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    day = cat.current.meta.published or dt.date(cat.current.year, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def word_maker(cat: Catalogue) -> word_cache.Maker:
    """The Word maker of one build."""
    return word_cache.Maker(file_date(cat))


def downloads_of(cat: Catalogue, entry: PlanEntry) -> tuple[Output, Output]:
    """The plan's Word and text files."""
    return (
        Output("docx", DOCX_LABEL, lambda maker: maker.write(entry.doc, _properties(cat, entry))),
        Output("txt", TEXT_LABEL, lambda _: plain_text.write(entry.doc).encode("utf-8")),
    )


def plan_outputs(cat: Catalogue, entry: PlanEntry, downloads: bool) -> list[Output]:
    """Every file of one plan: Word and text (when downloads are on for the build and the
    plan's unit list), the calendar of its dated deadlines."""
    out = list(downloads_of(cat, entry)) if downloads and entry.downloads else []
    if ical.has_dates(entry):
        out.append(Output("ics", None, lambda _: ical.plan_calendar(entry, cat.roles)))
    return out


def blank_outputs(cat: Catalogue, pt: schema.PlanType) -> list[tuple[str, Output]]:
    """(level id, blank Word form) for each level that uses the plan type."""
    out = []
    for variant in pt.levels:
        level = cat.levels[variant.level]
        # the sample level's form is the catalogue's; another level gets its own wording or none
        same = pt.sample_level in (None, variant.level) and not variant.samples and variant.defaults is None
        form = cat.type_samples[pt.id] if same else blank.document_of(pt, cat.legal, cat.roles, variant.level)
        notes = word_slots.Notes(
            author=GUIDANCE_AUTHOR,
            title=(f"{level.name}: {variant.guidance}",),
            parts={s.id: tuple(s.guidance) for s in pt.sections},
        )
        props = word_slots.Properties(
            title=f"Mẫu {pt.name} ({level.name})", subject=pt.name, keywords=f"mẫu trống, {level.name}"
        )
        out.append(
            (
                variant.level,
                Output(
                    "docx",
                    BLANK_LABEL,
                    lambda maker, form=form, props=props, notes=notes: maker.write(form, props, notes),
                ),
            )
        )
    return out


def _properties(cat: Catalogue, entry: PlanEntry) -> word_slots.Properties:
    plan = entry.plan
    return word_slots.Properties(
        title=entry.doc.title,
        subject=cat.plan_types[plan.plan_type].name,
        keywords=f"{issuer_label(plan)}, {plan.year}",
    )
