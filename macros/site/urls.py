"""Every address of the site, in one place: source paths of generated pages and files,
relative to docs/ (MkDocs turns ke-hoach/x/index.md into ke-hoach/x/index.html), and
links between them.

Ids are slugs (checked by the schema), so every address is ASCII and safe as it is.
"""
from __future__ import annotations

import posixpath

from ..model import schema

PLANS_URL = "ke-hoach"
PLANS_INDEX = f"{PLANS_URL}/index.md"
LEGAL_URL = "phap-ly"
LEGAL_INDEX = f"{LEGAL_URL}/index.md"
ROLES_URL = "vai-tro"
ROLES_INDEX = f"{ROLES_URL}/index.md"
DEADLINES_INDEX = "thoi-han/index.md"
CALENDAR_URL = "lich"
EDITIONS_URL = "an-ban"
EDITIONS_INDEX = f"{EDITIONS_URL}/index.md"
UNITS_URL = "don-vi"
UNITS_INDEX = f"{UNITS_URL}/index.md"


def relative(from_path: str, to_path: str) -> str:
    """Link from one docs/ source path to another, as MkDocs expects (relative .md paths)."""
    path, _, anchor = to_path.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(from_path) or ".")
    return f"{rel}#{anchor}" if anchor else rel


# ---------------------------------------------------------------- plans and plan types

def plan_type_path(plan_type_id: str) -> str:
    """A plan type's page (the current edition's wording)."""
    return f"{PLANS_URL}/{plan_type_id}/index.md"


def plan_path(plan: schema.Plan) -> str:
    return f"{PLANS_URL}/{plan.plan_type}/{plan.id}.md"


def plan_file_path(plan: schema.Plan, kind: str) -> str:
    """A plan's file beside its page (ke-hoach/<type>/<id>.docx, .txt); its calendar under lich/."""
    if kind == "ics":
        return calendar_path(plan.id)
    return f"{PLANS_URL}/{plan.plan_type}/{plan.id}.{kind}"


def blank_path(plan_type_id: str, level_id: str) -> str:
    return f"{PLANS_URL}/{plan_type_id}/mau-trong-{plan_type_id}-{level_id}.docx"


def calendar_path(plan_id: str | None = None, year: int | None = None) -> str:
    """lich/<plan id>.ics for one plan, lich/nam-<year>.ics for a whole edition."""
    return f"{CALENDAR_URL}/{plan_id}.ics" if plan_id else f"{CALENDAR_URL}/nam-{year}.ics"


# ---------------------------------------------------------------- legal bases, roles

def legal_path(doc: schema.LegalDocument) -> str:
    """National documents have a page of their own; local ones an entry on the registry page."""
    return f"{LEGAL_URL}/{doc.id}.md" if doc.scope == "toan-quoc" else f"{LEGAL_INDEX}#{doc.id}"


def role_path(role_id: str) -> str:
    return f"{ROLES_URL}/{role_id}.md"


# ---------------------------------------------------------------- editions

def edition_path(year: int) -> str:
    """'Có gì mới năm N': an edition's priorities, notes and record of changes."""
    return f"{EDITIONS_URL}/nam-{year}.md"


def edition_type_path(current_year: int, year: int, plan_type_id: str) -> str:
    """Where an edition's wording of a plan type is read: the plan-type page for the current
    edition, an archived page (an-ban/nam-<year>/<type>) for older ones."""
    if year == current_year:
        return plan_type_path(plan_type_id)
    return f"{EDITIONS_URL}/nam-{year}/{plan_type_id}.md"


def compare_path(plan_type_id: str, old: int, new: int) -> str:
    return f"{EDITIONS_URL}/so-sanh/{plan_type_id}-{old}-{new}.md"


def edition_of_path(src_uri: str) -> tuple[int | None, str | None]:
    """(edition year or None for the current one, plan type or None) a page belongs to."""
    parts = src_uri.split("/")
    if parts[0] == PLANS_URL and len(parts) == 3:
        return None, parts[1]
    if parts[0] == EDITIONS_URL and len(parts) >= 2:
        name = parts[1].removesuffix(".md")
        if name.startswith("nam-") and name[4:].isdigit():
            return int(name[4:]), parts[2].removesuffix(".md") if len(parts) == 3 else None
    return None, None


# ---------------------------------------------------------------- unit lists

def unit_list_path(list_id: str) -> str:
    return f"{UNITS_URL}/{list_id}.md"
