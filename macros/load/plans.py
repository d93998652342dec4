"""Step of a load: the samples under data/plans/, each checked and resolved against its type.

Both kinds of plan, a sample here and a draft of a unit list (units.py), end the
same way: resolve_checked() resolves it, checks its citations and deadlines, and
gives the PlanEntry the catalogue holds.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

from ..model import legal, resolve, schema
from ..model.catalogue import PlanEntry
from . import checks
from .context import LoadContext
from .problems import DataProblem, did_you_mean, field_path
from .validate import validate
from .yaml_source import Source


def read_plans(ctx: LoadContext) -> None:
    for src in ctx.sources["plan"]:
        _read_plan(ctx, src)


def _read_plan(ctx: LoadContext, src: Source) -> None:
    problems = ctx.problems
    before = len(problems)
    model = validate(schema.Plan, src, problems)
    raw = src.data if isinstance(src.data, dict) else {}
    raw_type, raw_year = raw.get("plan_type"), raw.get("year")
    raw_type = raw_type if isinstance(raw_type, str) else None  # raw data: any type; the schema reports it
    edition = ctx.edition_for(raw_year if isinstance(raw_year, int) else None, raw_type)
    plan_type = ctx.edition_types.get(edition, {}).get(raw_type) if isinstance(raw_type, str) else None
    allowed = set(resolve.field_labels(plan_type)) if plan_type else None
    checks.check_text(src, problems, allowed, ctx.registry_if_clean())
    if not ctx.roles_broken:
        checks.check_roles(src, problems, ctx.warnings, ctx.roles)
    if model is None:
        return
    if not ctx.roles_broken:
        checks.check_ended(src, problems, model.year, model.date, ctx.roles, ctx.ended_levels)
    if model.id in ctx.plan_src:
        other = ctx.plan_src[model.id]
        problems.add(src, ("id",), f"mã kế hoạch '{model.id}' bị trùng với {other.file}:{other.line_of(('id',))}")
    _check_plan(ctx, src, model, plan_type, edition)
    ctx.plan_src.setdefault(model.id, src)
    # A plan is resolved only when it and its plan type are clean (no error reported twice).
    if len(problems) == before and plan_type and not ctx.foundations_broken:
        type_src = ctx.type_src[edition, plan_type.id]
        entry = resolve_checked(
            ctx,
            model,
            plan_type,
            lambda loc: (src, loc),
            type_src,
            f"kế hoạch {model.id}",
            f"kế hoạch '{model.id}'",
            places=[(src, ())],
            deadlines_at=(src, ("deadlines",))
            if "deadlines" in model.model_fields_set
            else (type_src, ("defaults", "deadlines")),
        )
        if entry is not None:
            ctx.samples[model.id] = entry


def _check_plan(
    ctx: LoadContext, src: Source, model: schema.Plan, plan_type: schema.PlanType | None, edition: int | None
) -> None:
    problems, levels, all_types = ctx.problems, ctx.levels, ctx.all_type_ids()
    if plan_type is None and not ctx.editions_broken and ctx.edition_types:
        problems.add(
            src,
            ("plan_type",),
            f"loại kế hoạch '{model.plan_type}' không có trong data/editions/{edition}/plan-types/"
            f"{did_you_mean(model.plan_type, all_types)}; có: {', '.join(sorted(all_types))}",
        )
    if model.level not in levels and not ctx.levels_broken:
        problems.add(
            src,
            ("level",),
            f"cấp '{model.level}' không có trong data/levels.yml"
            f"{did_you_mean(model.level, levels)}; có: {', '.join(sorted(levels))}",
        )
    elif model.level in levels and plan_type and model.level not in {v.level for v in plan_type.levels}:
        problems.add(
            src,
            ("level",),
            f"loại kế hoạch '{plan_type.id}' không dùng cho cấp '{model.level}'; "
            f"các cấp: {', '.join(v.level for v in plan_type.levels)}",
        )
    if model.date and model.date.year != model.year:
        problems.add(
            src,
            ("date",),
            f"ngày ban hành thuộc năm {model.date.year}, khác năm của kế hoạch "
            f"(year: {model.year}); cần một ngày trong năm {model.year}",
        )
    if plan_type:
        checks.check_against_type(problems, src, (), model, plan_type)


def resolve_checked(
    ctx: LoadContext,
    plan: schema.Plan,
    plan_type: schema.PlanType,
    at: Callable[[tuple], tuple[Source, tuple]],
    type_src: Source,
    label: str,
    named: str,
    deadlines_at: tuple[Source, tuple],
    places: list[tuple[Source, tuple]],
    **origin: object,
) -> PlanEntry | None:
    """Resolve a plan, check its citations against its year and its deadlines against its text.

    at(loc): (file, path) where the plan key loc was written, where a problem of resolution is
    reported. places: (file, path) where its citations may be written; the plan type's file
    otherwise, its field followed by label.
    named: the plan as deadline messages name it (checks.deadline_problems).
    deadlines_at: (file, path of the deadlines list) the resolved deadlines come from.
    origin: unit_list, unit, downloads of a unit list's draft. None when a problem was found.
    """
    problems = ctx.problems
    try:
        doc = resolve.resolve(plan, plan_type, ctx.registry, ctx.roles)
    except resolve.ResolveError as exc:
        problems.add(*at(exc.loc), exc.message)
        return None
    except legal.CiteError as exc:  # not expected: check_text reports citations first
        problems.add(*at(()), str(exc))
        return None
    before = len(problems)
    errors, notes = legal.check_plan(plan.year, doc.cited, ctx.registry)
    for doc_id, message in errors.items():
        problems.append(checks.citation_problem(doc_id, message, places, type_src, label))
    for doc_id, message in notes.items():
        ctx.warnings.append(checks.citation_problem(doc_id, message, places, type_src, label))
    where, at = deadlines_at
    for i, d in enumerate(doc.deadlines):
        for message in checks.deadline_problems(d, doc, plan, named):
            loc = at + (i, "date")
            problems.append(DataProblem(where.file, where.line_of(loc), field_path(loc), message))
    if len(problems) != before:
        return None
    return PlanEntry(plan, doc, MappingProxyType(notes), **origin)
