"""The state of one load of data/: what each step has read so far, and what it found wrong.

load() (catalogue.py) runs a short sequence of named steps over one LoadContext;
each step reads what earlier steps left here and adds its own results. Nothing
outlives the load: the result is the immutable model.catalogue.Catalogue.
"""

from __future__ import annotations

import dataclasses
import pathlib
from collections.abc import Mapping

from ..model import schema
from ..model.catalogue import PlanEntry, UnitList
from .problems import Problems
from .yaml_source import Source


@dataclasses.dataclass
class LoadContext:
    data_dir: pathlib.Path
    problems: Problems = dataclasses.field(default_factory=Problems)
    warnings: Problems = dataclasses.field(default_factory=Problems)
    # Sources by kind of file (see registries.LAYOUT), NFC text, in path order.
    sources: dict[str, list[Source]] = dataclasses.field(default_factory=dict)

    levels: dict[str, schema.Level] = dataclasses.field(default_factory=dict)
    roles: dict[str, schema.Role] = dataclasses.field(default_factory=dict)
    roles_src: Source | None = None
    ended_levels: list[schema.EndedLevel] = dataclasses.field(default_factory=list)
    # The draft checker's rules (data/kiem-tra-ban-thao.yml), None until read or when broken.
    draft_rules: schema.DraftRules | None = None
    # The legal registry and where each document is written: (source, index in 'documents').
    registry: dict[str, schema.LegalDocument] = dataclasses.field(default_factory=dict)
    legal_src: dict[str, tuple[Source, int]] = dataclasses.field(default_factory=dict)
    # Set by their steps: roles.yml has errors (role ids are not checked against a partial
    # registry); a registry file has errors (citations of ids it may hold are not blamed for it).
    roles_broken: bool = False
    legal_broken: bool = False
    # levels.yml has errors: level ids are not checked against a partial list.
    levels_broken: bool = False
    # An edition record or a plan-type file has errors: plan types are not looked up in a
    # partial list (a plan is not blamed for a type its broken edition would have held).
    editions_broken: bool = False

    # Editions: their records, and the plan types of each (with the file of each type).
    editions: dict[int, tuple[schema.Edition, Source]] = dataclasses.field(default_factory=dict)
    edition_types: dict[int, dict[str, schema.PlanType]] = dataclasses.field(default_factory=dict)
    type_src: dict[tuple[int, str], Source] = dataclasses.field(default_factory=dict)
    # Plan types whose file has errors: plans of these types are not blamed for them.
    broken_types: set[str] = dataclasses.field(default_factory=set)

    # Samples (data/plans/) and drafts of unit lists, with the source each was written in.
    samples: dict[str, PlanEntry] = dataclasses.field(default_factory=dict)
    plan_src: dict[str, Source] = dataclasses.field(default_factory=dict)
    drafts: dict[str, PlanEntry] = dataclasses.field(default_factory=dict)
    # Where each draft's unit is written: its list's file and key (an error about the draft points there).
    draft_at: dict[str, tuple[Source, tuple]] = dataclasses.field(default_factory=dict)
    unit_lists: dict[str, UnitList] = dataclasses.field(default_factory=dict)

    @property
    def root(self) -> pathlib.Path:
        return self.data_dir.parent

    @property
    def foundations_broken(self) -> bool:
        """A registry every plan is resolved against has errors: plans are checked on their own,
        but not resolved against partial registries (report the root cause once)."""
        return self.levels_broken or self.roles_broken or self.legal_broken or self.editions_broken

    def registry_if_clean(self) -> Mapping[str, schema.LegalDocument] | None:
        return None if self.legal_broken else self.registry

    def all_type_ids(self) -> set[str]:
        return {t for types in self.edition_types.values() for t in types}

    def edition_for(self, year: int | None, plan_type_id: object) -> int | None:
        """The edition a plan of that year and type is drafted from: the newest edition of its
        year or before that has the type; a plan older than every edition takes the oldest one
        that has it. The newest edition when none has the type."""
        having = sorted(y for y, types in self.edition_types.items() if plan_type_id in types)
        if not having:
            return max(self.edition_types, default=None)
        if year is None:
            return having[-1]
        earlier = [y for y in having if y <= year]
        return earlier[-1] if earlier else having[0]

    def edition_of_year(self, year: int) -> int | None:
        """The edition a unit list of that year is drafted from: the newest of its year or before."""
        years = sorted(self.edition_types)
        return max((e for e in years if e <= year), default=years[0] if years else None)
