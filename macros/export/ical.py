"""Reporting deadlines as iCalendar files (RFC 5545), one per plan and one per edition.

Built with the icalendar library. Every value is derived from data, including
DTSTAMP (1 January of the plan's year), so a rebuild writes the same bytes.
icalendar is imported when a calendar is made (by the downloads writer, export/writer.py),
not when the build starts: it takes a tenth of a second to import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from ..model import document, schema
from ..model.catalogue import PlanEntry, plan_label

if TYPE_CHECKING:
    import icalendar

PRODID = "-//Mau ke hoach an ninh trat tu//Thoi han bao cao//VI"
UID_DOMAIN = "mau-ke-hoach-an-ninh"


def _calendar(name: str) -> icalendar.Calendar:
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    return cal


def _events(entry: PlanEntry, roles: Mapping[str, schema.Role]) -> Iterator[icalendar.Event]:
    import icalendar

    doc, label = entry.doc, plan_label(entry.plan)
    for i, d in enumerate(doc.deadlines):
        if d.date is None:
            continue  # ad hoc or "định kỳ" with no day: nothing to put in a calendar
        event = icalendar.Event()
        event.add("uid", f"{entry.id}-{i + 1}@{UID_DOMAIN}")
        event.add("dtstamp", dt.datetime(doc.year, 1, 1, tzinfo=dt.UTC))
        event.add("dtstart", d.date)
        event.add("dtend", d.date + dt.timedelta(days=1))
        event.add("summary", f"Hạn: {d.title} — {label}")
        event.add("description", describe(entry, d, roles))
        if d.every_year:
            event.add("rrule", {"freq": "yearly"})
        yield event


def describe(entry: PlanEntry, d: document.Deadline, roles: Mapping[str, schema.Role]) -> str:
    lines = [f"Kế hoạch: {entry.doc.title} — {plan_label(entry.plan)}"]
    if d.to:
        lines.append(f"Gửi về: {d.to}")
    if d.by:
        lines.append("Đơn vị thực hiện: " + ", ".join(roles[r].name for r in d.by))
    return "\n".join(lines)


def has_dates(entry: PlanEntry) -> bool:
    return any(d.date for d in entry.doc.deadlines)


def plan_calendar(entry: PlanEntry, roles: Mapping[str, schema.Role]) -> bytes:
    cal = _calendar(f"Thời hạn báo cáo — {plan_label(entry.plan)}")
    for event in _events(entry, roles):
        cal.add_component(event)
    return cal.to_ical()


def edition_calendar(year: int, entries: Iterable[PlanEntry], roles: Mapping[str, schema.Role]) -> bytes:
    """All dated deadlines of the plans of one year (the current edition)."""
    cal = _calendar(f"Thời hạn báo cáo năm {year}")
    for entry in entries:
        if entry.plan.year == year:
            for event in _events(entry, roles):
                cal.add_component(event)
    return cal.to_ical()
