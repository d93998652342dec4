"""load(): read every file under data/ once, check it, and build the immutable catalogue.

A load is a short sequence of named steps over one LoadContext (context.py).
Every problem found in any file is collected, so a maintainer sees all of them
in one run, each as 'file:line: field: what was expected'; then DataErrors is
raised and nothing is built.
"""

from __future__ import annotations

import pathlib
from types import MappingProxyType

from ..model import blank
from ..model.catalogue import Catalogue, Edition
from .checks import check_every_file
from .context import LoadContext
from .draft_rules import read_draft_rules
from .editions import read_editions
from .plans import read_plans
from .problems import DataErrors, DataProblem
from .registries import check_references, read_files, read_legal, read_levels, read_roles
from .units import read_unit_lists

PROJECT_DIR = pathlib.Path(__file__).resolve().parents[2]

# In this order: each step reads what the steps before it left in the context.
STEPS = (
    read_files,
    check_every_file,
    read_levels,
    read_roles,
    read_legal,
    read_editions,
    read_draft_rules,
    read_plans,
    read_unit_lists,
    check_references,
)


def load(data_dir: pathlib.Path | str | None = None) -> Catalogue:
    """Read and check all of data/. Raises DataErrors listing every problem found."""
    ctx = LoadContext(pathlib.Path(data_dir) if data_dir else PROJECT_DIR / "data")
    for step in STEPS:
        step(ctx)
    if ctx.problems:
        raise DataErrors(ctx.problems)
    return assemble(ctx)


def assemble(ctx: LoadContext) -> Catalogue:
    """The catalogue of a clean load: editions with their blank forms, samples grouped by type."""
    current_year = max(ctx.editions)
    meta, src = ctx.editions[current_year]
    if meta.published is None:
        ctx.warnings.append(
            DataProblem(
                src.file,
                src.line_of(("published",)),
                "published",
                f"ấn bản hiện hành năm {current_year} chưa có ngày công bố: trang ghi là dự thảo",
            )
        )
    files = {
        **{f"plan-type:{k}": v.file for (y, k), v in ctx.type_src.items() if y == current_year},
        **{f"plan:{k}": v.file for k, v in ctx.plan_src.items()},
        **{f"legal:{k}": v[0].file for k, v in ctx.legal_src.items()},
    }
    editions = {}
    for year in sorted(ctx.editions):
        types = dict(sorted(ctx.edition_types[year].items(), key=lambda kv: (kv[1].order, kv[0])))
        forms = {t: blank.document_of(pt, ctx.registry, ctx.roles) for t, pt in types.items()}
        editions[year] = Edition(
            year=year,
            meta=ctx.editions[year][0],
            plan_types=MappingProxyType(types),
            type_samples=MappingProxyType(forms),
            file=ctx.editions[year][1].file,
        )
    current = editions[current_year]
    # Samples grouped by type: the current edition's types in their order, then types only older editions have.
    type_order = list(current.plan_types) + sorted(ctx.all_type_ids() - set(current.plan_types))
    samples = {
        e.id: e
        for t in type_order
        for e in sorted((e for e in ctx.samples.values() if e.plan.plan_type == t), key=lambda e: (-e.plan.year, e.id))
    }
    return Catalogue(
        root=ctx.root,
        levels=MappingProxyType(ctx.levels),
        editions=MappingProxyType(editions),
        samples=MappingProxyType(samples),
        drafts=MappingProxyType(ctx.drafts),
        unit_lists=MappingProxyType(ctx.unit_lists),
        files=MappingProxyType(files),
        legal=MappingProxyType(ctx.registry),
        roles=MappingProxyType(ctx.roles),
        ended_levels=tuple(ctx.ended_levels),
        warnings=tuple(sorted(ctx.warnings)),
        draft_rules=ctx.draft_rules,
    )
