"""Reporting deadlines as iCalendar files (RFC 5545), one per plan and one per edition.

Built with the icalendar library. Every value is derived from data, including
DTSTAMP (1 January of the plan's year), so a rebuild writes the same bytes.
"""
from __future__ import annotations

import datetime as dt

import icalendar

from . import document
from .catalogue import Catalogue

PRODID = "-//Mau ke hoach an ninh trat tu//Thoi han bao cao//VI"
UID_DOMAIN = "mau-ke-hoach-an-ninh"


def _calendar(name: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    return cal


def _events(cat: Catalogue, plan_id: str, label: str):
    doc = cat.documents[plan_id]
    for i, d in enumerate(doc.deadlines):
        if d.date is None:
            continue        # ad hoc or "định kỳ" with no day: nothing to put in a calendar
        event = icalendar.Event()
        event.add("uid", f"{plan_id}-{i + 1}@{UID_DOMAIN}")
        event.add("dtstamp", dt.datetime(doc.year, 1, 1, tzinfo=dt.timezone.utc))
        event.add("dtstart", d.date)
        event.add("dtend", d.date + dt.timedelta(days=1))
        event.add("summary", f"Hạn: {d.title} — {label}")
        event.add("description", describe(cat, plan_id, d, label))
        if d.every_year:
            event.add("rrule", {"freq": "yearly"})
        yield event


def describe(cat: Catalogue, plan_id: str, d: document.Deadline, label: str) -> str:
    lines = [f"Kế hoạch: {cat.documents[plan_id].title} — {label}"]
    if d.to:
        lines.append(f"Gửi về: {d.to}")
    if d.by:
        lines.append("Đơn vị thực hiện: " + ", ".join(cat.roles[r].name for r in d.by))
    return "\n".join(lines)


def plan_calendar(cat: Catalogue, plan_id: str, label: str) -> bytes:
    cal = _calendar(f"Thời hạn báo cáo — {label}")
    for event in _events(cat, plan_id, label):
        cal.add_component(event)
    return cal.to_ical()


def edition_calendar(cat: Catalogue, year: int, labels: dict[str, str]) -> bytes:
    """All dated deadlines of the plans of one year (the current edition)."""
    cal = _calendar(f"Thời hạn báo cáo năm {year}")
    for plan in cat.plans.values():
        if plan.year == year:
            for event in _events(cat, plan.id, labels[plan.id]):
                cal.add_component(event)
    return cal.to_ical()
