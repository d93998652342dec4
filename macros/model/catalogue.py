"""The catalogue: everything read from data/, checked and resolved, as immutable objects.

load/ builds it once per build; pages, exports and tools only read it. A plan is
reached one way whatever its origin (a sample under data/plans/ or a draft made
from a unit list under data/units/): Catalogue.plan(id) gives its PlanEntry.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import pathlib
from collections.abc import Iterator, Mapping

from . import document, schema


@dataclasses.dataclass(frozen=True)
class Edition:
    """One year's guidance: its record (schema.Edition) and the wording of its plan types."""

    year: int
    meta: schema.Edition
    plan_types: Mapping[str, schema.PlanType]
    # Each plan type's blank form (blank.py): its sample wording with fill-ins as [labels].
    type_samples: Mapping[str, document.Document]
    file: str  # data/editions/<year>/edition.yml

    def changes_for(self, plan_type_id: str | None = None) -> list[schema.Change]:
        """Change entries about one plan type (and those about the whole site), newest first."""
        return sorted(
            (c for c in self.meta.changes if not c.plan_types or plan_type_id in c.plan_types),
            key=lambda c: c.date,
            reverse=True,
        )

    def last_updated(self, plan_type_id: str | None = None) -> dt.date | None:
        """'Cập nhật lần cuối': the latest major change that concerns the page, else the publication date."""
        dates = [c.date for c in self.changes_for(plan_type_id) if c.kind == "lon"]
        if self.meta.published:
            dates.append(self.meta.published)
        return max(dates, default=None)


@dataclasses.dataclass(frozen=True)
class PlanEntry:
    """A plan and the document it resolved to, whatever its origin."""

    plan: schema.Plan
    doc: document.Document
    # Citation warnings shown beside the citation: {legal document id: message}.
    notes: Mapping[str, str] = dataclasses.field(default_factory=dict)
    # The unit list and unit that made it; None for a sample under data/plans/.
    unit_list: str | None = None
    unit: str | None = None
    # A unit list may build its plans without Word and text files.
    downloads: bool = True

    @property
    def id(self) -> str:
        return self.plan.id


@dataclasses.dataclass(frozen=True)
class UnitEntry:
    """One unit as its list's page shows it."""

    id: str
    label: str  # 'UBND xã Vĩnh Thủy'
    level: str
    group: str | None
    plans: tuple[tuple[str, str], ...]  # (plan type id, plan id), in the list's order of plan types


@dataclasses.dataclass(frozen=True)
class UnitList:
    id: str
    title: str
    province: str | None
    year: int
    file: str
    downloads: bool
    plan_types: tuple[str, ...]
    entries: tuple[UnitEntry, ...]
    note: str | None


@dataclasses.dataclass(frozen=True)
class Catalogue:
    root: pathlib.Path
    levels: Mapping[str, schema.Level]
    # Editions by year, oldest first; the newest is the current one and drives the site.
    editions: Mapping[int, Edition]
    # The reference samples (data/plans/), grouped by type in the current edition's order, newest first:
    # the plans that plan-type, role, deadline and legal pages describe.
    samples: Mapping[str, PlanEntry]
    # Drafts made from unit lists (data/units/): pages, downloads and calendars, but kept out of
    # the reference pages, which thousands of drafts would bury.
    drafts: Mapping[str, PlanEntry]
    unit_lists: Mapping[str, UnitList]
    files: Mapping[str, str]  # 'plan:<id>' / 'plan-type:<id>' / 'legal:<id>' -> data file
    legal: Mapping[str, schema.LegalDocument]
    roles: Mapping[str, schema.Role]
    ended_levels: tuple[schema.EndedLevel, ...]
    warnings: tuple  # load.problems.DataProblem, sorted
    # The draft checker's patterns (data/kiem-tra-ban-thao.yml); model/draft_check.py joins them to the rest.
    draft_rules: schema.DraftRules | None = None

    @property
    def current(self) -> Edition:
        return self.editions[max(self.editions)]

    @property
    def plan_types(self) -> Mapping[str, schema.PlanType]:
        """The current edition's plan types (what the site is about this year)."""
        return self.current.plan_types

    @property
    def type_samples(self) -> Mapping[str, document.Document]:
        """The current edition's blank forms."""
        return self.current.type_samples

    def plan(self, plan_id: str) -> PlanEntry:
        """Any plan, a sample or a draft of a unit list."""
        entry = self.samples.get(plan_id)
        return entry if entry is not None else self.drafts[plan_id]

    def all_plans(self) -> Iterator[PlanEntry]:
        yield from self.samples.values()
        yield from self.drafts.values()

    def plans_of(self, plan_type_id: str) -> list[PlanEntry]:
        """Samples of a type, newest year first, then by id."""
        return sorted(
            (e for e in self.samples.values() if e.plan.plan_type == plan_type_id),
            key=lambda e: (-e.plan.year, e.id),
        )

    def cited_by(self, doc_id: str) -> tuple[list[schema.PlanType], list[PlanEntry]]:
        """Plan types whose wording cites a legal document, and samples that cite it."""
        return (
            [pt for pt in self.plan_types.values() if doc_id in self.type_samples[pt.id].cited],
            [e for e in self.samples.values() if doc_id in e.doc.cited],
        )

    def tasks_of(self, role_id: str) -> list[tuple]:
        """Everything a role is given, in samples and in plan types' sample wording:
        [(plan entry or plan type, part, item, relation)]."""
        out: list[tuple] = []
        for entry in self.samples.values():
            for part, item in entry.doc.items():
                out += [(entry, part, item, rel) for rel, r in item.assign if r == role_id]
        for pt in self.plan_types.values():
            for part, item in self.type_samples[pt.id].items():
                out += [(pt, part, item, rel) for rel, r in item.assign if r == role_id]
        return out


def issuer_label(plan: schema.Plan) -> str:
    """The issuing body as menus and titles name it: its label, else its short name."""
    return plan.issuer.label or plan.issuer.short


def plan_label(plan: schema.Plan) -> str:
    """'UBND xã Vĩnh Thủy (2026)': a plan in menus, lists and calendars."""
    return f"{issuer_label(plan)} ({plan.year})"
