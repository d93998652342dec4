"""Step of a load: unit lists (data/units/*.yml), a filled draft for every unit and plan type.

A provincial office lists the units it guides once (name, kind, level, place,
signature…); each unit gets one plan of every type the list names, made from
the plan type's sample wording and the unit's facts. Every such plan is a real
schema.Plan resolved and checked like a sample under data/plans/
(plans.resolve_checked): one mechanism, one output (page, Word, text).

Problems point into the unit file: 'data/units/x.yml:12: units[3].level: …'.
A problem that comes from the list's shared settings is reported once, at the
shared key, not once per unit (Problems keeps each problem once).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping

import pydantic

from ..model import schema
from ..model.catalogue import UnitEntry, UnitList
from . import checks, official_lists, official_units
from .context import LoadContext
from .plans import resolve_checked
from .problems import did_you_mean, field_path
from .raw import strings, subtree
from .validate import say, validate
from .yaml_source import Source

PATTERN = re.compile(r"\{([A-Za-z][A-Za-z0-9_-]*)\}")
# Keys of a plan a list (or a unit) may set for one plan type; absent ones fall back to the type's defaults.
PLAN_KEYS = ("symbol", "title", "annex_to", "preamble", "parts", "closing", "contact", "recipients", "deadlines")


OFFICIAL_KEY = ("official", "province")


@dataclasses.dataclass
class _List:
    """One unit list being read: its model, file, edition and the plan types it can use."""

    model: schema.UnitListFile
    src: Source
    edition: int | None
    usable: dict[str, schema.PlanType]
    written: int  # units written in the file; those after them come from `official`


def read_unit_lists(ctx: LoadContext) -> None:
    list_src: dict[str, Source] = {}
    official = None  # read from its package once, when a list names units by official code
    for src in ctx.sources["units"]:
        model = validate(schema.UnitListFile, src, ctx.problems)
        checks.check_text(src, ctx.problems, None, ctx.registry_if_clean())  # phone numbers, citations
        if not ctx.roles_broken:
            checks.check_roles(src, ctx.problems, ctx.warnings, ctx.roles)
            year = src.data.get("year") if isinstance(src.data, dict) else None
            if isinstance(year, int):
                checks.check_ended(src, ctx.problems, year, None, ctx.roles, ctx.ended_levels, ctx.levels)
        if model is None:
            continue
        if official_lists.uses_codes(model):
            official = official or official_units.read()
            model = official_lists.expand(ctx, src, model, official)
        _check_patterns(ctx, src)
        if model.id in list_src:
            other = list_src[model.id]
            ctx.problems.add(
                src, ("id",), f"mã danh sách '{model.id}' bị trùng với {other.file}:{other.line_of(('id',))}"
            )
            continue
        raw_units = src.data.get("units") if isinstance(src.data, dict) else None
        run = _List(
            model, src, ctx.edition_of_year(model.year), {}, len(raw_units) if isinstance(raw_units, list) else 0
        )
        _check_list(ctx, run)
        first: dict[str, int] = {}
        for i, unit in enumerate(model.units):
            first.setdefault(unit.id, i)
        entries = [e for i, unit in enumerate(model.units) if (e := _read_unit(ctx, run, i, unit, first[unit.id]))]
        list_src[model.id] = src
        ctx.unit_lists[model.id] = UnitList(
            model.id,
            model.title,
            model.province,
            model.year,
            src.file,
            model.downloads,
            tuple(t for t in model.plan_types if t in run.usable),
            tuple(entries),
            model.source.note if model.source else None,
        )


def _check_patterns(ctx: LoadContext, src: Source) -> None:
    """Only {name}, {NAME}, {kind}, {KIND} fill the list's issuer and place patterns."""
    for base in (("issuer",), ("place",)):
        for sub, value in strings(subtree(src.data, base)):
            for m in PATTERN.finditer(value):
                if m.group(1) not in schema.UNIT_PATTERN_FIELDS:
                    ctx.problems.add(
                        src,
                        base + sub,
                        f"chỗ điền '{m.group(0)}' không dùng được ở đây"
                        f"{did_you_mean(m.group(1), schema.UNIT_PATTERN_FIELDS)}; các chỗ điền: "
                        + ", ".join(f"{{{k}}} ({v})" for k, v in schema.UNIT_PATTERN_FIELDS.items()),
                    )


def _check_list(ctx: LoadContext, run: _List) -> None:
    """The list's plan types and shared settings, and its level."""
    model, src = run.model, run.src
    plan_types = ctx.edition_types.get(run.edition, {})
    for t, settings in model.plan_types.items():
        pt = plan_types.get(t)
        if pt is None:
            if not ctx.editions_broken:
                ctx.problems.add(
                    src,
                    ("plan_types", t),
                    f"loại kế hoạch '{t}' không có trong data/editions/{run.edition}/plan-types/"
                    f"{did_you_mean(t, plan_types)}; có: {', '.join(sorted(plan_types))}",
                )
            continue
        checks.check_against_type(ctx.problems, src, ("plan_types", t), settings, pt, placeholders=True)
        checks.symbol_warning(ctx.warnings, src, ("plan_types", t), settings.symbol)
        # A plan type with problems of its own: its plans are not blamed for them.
        if not ctx.foundations_broken:
            run.usable[t] = pt
    if model.level not in ctx.levels and not ctx.levels_broken:
        ctx.problems.add(
            src,
            ("level",),
            f"cấp '{model.level}' không có trong data/levels.yml"
            f"{did_you_mean(model.level, ctx.levels)}; có: {', '.join(sorted(ctx.levels))}",
        )


def _uses_kind(*patterns: str | None) -> bool:
    return any(k in (p or "") for p in patterns for k in ("{kind}", "{KIND}"))


def _read_unit(ctx: LoadContext, run: _List, i: int, unit: schema.Unit, first: int) -> UnitEntry | None:
    """A unit's checks, then its plans; its entry on the list's page (None: no plan made).
    first: the index of the first unit with this id. A unit taken from `official` is not
    written in the file: its problems are reported at `official.province`, naming it."""
    model, src, problems, loc = run.model, run.src, ctx.problems, ("units", i)
    if i >= run.written:
        loc = OFFICIAL_KEY
    if first != i:
        problems.add(
            src,
            _key(loc, "id"),
            f"{_who(loc, unit)}mã đơn vị '{unit.id}' bị trùng với units[{first}] (dòng {src.line_of(('units', first, 'id'))})",
        )
        return None
    level = unit.level or model.level
    if level not in ctx.levels:
        if unit.level and not ctx.levels_broken:
            problems.add(
                src,
                loc + ("level",),
                f"cấp '{level}' không có trong data/levels.yml"
                f"{did_you_mean(level, ctx.levels)}; có: {', '.join(sorted(ctx.levels))}",
            )
        return None
    kind = unit.kind or model.kind
    issuer = model.issuer
    if not kind and (
        (_uses_kind(issuer.name, issuer.short, issuer.superior, issuer.label) and not unit.issuer)
        or (_uses_kind(model.place) and not unit.place)
    ):
        problems.add(
            src,
            loc,
            "mẫu 'issuer' hoặc 'place' của danh sách dùng {kind} nhưng đơn vị không có 'kind' "
            "(và danh sách không có 'kind' mặc định); ghi ví dụ kind: xã",
        )
        return None
    types = list(model.plan_types) if unit.plan_types is None else unit.plan_types
    for j, t in enumerate(unit.plan_types or ()):
        if t not in model.plan_types:
            problems.add(
                src,
                loc + ("plan_types", j),
                f"loại kế hoạch '{t}' không có trong 'plan_types' của danh sách"
                f"{did_you_mean(t, model.plan_types)}; có: {', '.join(model.plan_types)}",
            )
    for t, settings in unit.plans.items():
        if t not in types:
            problems.add(
                src,
                loc + ("plans", t),
                f"đơn vị không tạo kế hoạch loại '{t}'"
                f"{did_you_mean(t, types)}; các loại của đơn vị: {', '.join(types)}",
            )
        elif t in run.usable:
            # without parts of its own, the unit's sections may fill a part the list adds
            listed = model.plan_types[t].parts if settings.parts is None else None
            checks.check_against_type(
                problems, src, loc + ("plans", t), settings, run.usable[t], placeholders=True, more_parts=listed or ()
            )
            checks.symbol_warning(ctx.warnings, src, loc + ("plans", t), settings.symbol)
    values = {"name": unit.name, "NAME": unit.name.upper(), "kind": kind or "", "KIND": (kind or "").upper()}
    made = [(t, pid) for t in types if (pid := _make_plan(ctx, run, loc, unit, t, level, values))]
    if not made:
        return None
    first_plan = ctx.drafts[made[0][1]].plan
    return UnitEntry(unit.id, first_plan.issuer.label or first_plan.issuer.short, level, unit.group, tuple(made))


def _make_plan(
    ctx: LoadContext, run: _List, loc: tuple, unit: schema.Unit, t: str, level: str, values: Mapping[str, str]
) -> str | None:
    """One unit's plan of type t, resolved and checked; its id, or None when it was not made."""
    model, src, problems = run.model, run.src, ctx.problems
    pt = run.usable.get(t)
    if pt is None or t not in model.plan_types:
        return None
    if level not in {v.level for v in pt.levels}:
        where = loc + ("level",) if unit.level else ("plan_types", t)
        what = "cấp của đơn vị" if unit.level else "cấp của danh sách"
        problems.add(
            src,
            where,
            f"loại kế hoạch '{t}' không dùng cho cấp '{level}' ({what}); "
            f"các cấp: {', '.join(v.level for v in pt.levels)}",
        )
        return None
    plan_id = f"{unit.id}-{model.plan_types[t].code or t}-{model.year}"
    here = _key(loc, "id")
    reserved = schema.reserved_id_problem(plan_id, plan=True)
    if reserved:
        problems.add(
            src, here, f"{_who(loc, unit)}kế hoạch của đơn vị (loại '{t}') sẽ có {reserved[0].lower()}{reserved[1:]}"
        )
        return None
    if plan_id in ctx.plan_src or plan_id in ctx.drafts:
        other = ctx.plan_src.get(plan_id)
        other_src, other_loc = (other, ("id",)) if other else ctx.draft_at[plan_id]
        fix = (
            "bỏ loại này khỏi 'plan_types' của đơn vị, hoặc đổi mã đơn vị hay 'code' của loại"
            if loc != OFFICIAL_KEY
            else f"ghi đơn vị trong 'units' bằng mã (- code: {unit.code}) với 'plan_types' không có loại này "
            "hoặc 'id' khác, hoặc đổi 'code' của loại"
        )
        problems.add(
            src,
            here,
            f"{_who(loc, unit)}kế hoạch '{plan_id}' (loại '{t}') trùng mã với "
            f"{other_src.file}:{other_src.line_of(other_loc)}; {fix}",
        )
        return None
    try:
        plan = _plan(model, unit, t, level, plan_id, values)
    except pydantic.ValidationError as exc:
        for err in exc.errors(include_url=False):
            problems.add(src, loc, f"{field_path(tuple(err['loc']))}: {say(err, schema.Plan)}")
        return None
    type_src = ctx.type_src[run.edition, t]
    deadlines = _origin(model, loc, unit, t, "deadlines")
    entry = resolve_checked(
        ctx,
        plan,
        pt,
        lambda key: (src, _origin(model, loc, unit, t, key[0] if key else "sections")),
        type_src,
        f"danh sách {model.id}",
        f"kế hoạch loại '{t}' của danh sách '{model.id}'",
        deadlines_at=(src, deadlines) if deadlines[-1] == "deadlines" else (type_src, ("defaults", "deadlines")),
        places=[(src, loc + ("plans", t)), (src, ("plan_types", t))],
        unit_list=model.id,
        unit=unit.id,
        downloads=model.downloads,
    )
    if entry is None:
        return None
    ctx.drafts[plan_id] = entry
    ctx.draft_at[plan_id] = (src, here)
    return plan_id


def _key(loc: tuple, key: str) -> tuple:
    """A unit's key; a unit taken from `official` has none of its own, so its list's `official.province`."""
    return loc if loc == OFFICIAL_KEY else loc + (key,)


def _who(loc: tuple, unit: schema.Unit) -> str:
    """Names a unit taken from `official`, which the file does not write."""
    return f"đơn vị mã {unit.code} ({unit.kind} {unit.name}), lấy từ 'official': " if loc == OFFICIAL_KEY else ""


def _fmt(pattern: str, values: Mapping[str, str]) -> str:
    return unicodedata.normalize("NFC", PATTERN.sub(lambda m: values.get(m.group(1), m.group(0)), pattern))


def _plan(
    model: schema.UnitListFile, unit: schema.Unit, plan_type: str, level: str, plan_id: str, values: Mapping[str, str]
) -> schema.Plan:
    shared = model.plan_types[plan_type]
    own = unit.plans.get(plan_type) or schema.UnitPlanSettings()
    issuer = unit.issuer or schema.Issuer(
        name=_fmt(model.issuer.name, values),
        short=_fmt(model.issuer.short, values),
        superior=model.issuer.superior and _fmt(model.issuer.superior, values),
        label=model.issuer.label and _fmt(model.issuer.label, values),
    )
    raw = dict(
        id=plan_id,
        plan_type=plan_type,
        year=model.year,
        level=level,
        issuer=issuer,
        place=unit.place or (model.place and _fmt(model.place, values)),
        signature=unit.signature or model.signature,
        source=unit.source or model.source,
    )
    for key in PLAN_KEYS:
        # A key written with no value ('closing:') means "none", as in a plan file.
        if key in own.model_fields_set:
            raw[key] = getattr(own, key)
        elif key in shared.model_fields_set:
            raw[key] = getattr(shared, key)
    fill = {**shared.fill, **own.fill}
    sections = dict(shared.sections)
    for key, mine in own.sections.items():  # within one part, the keys the unit writes replace the list's
        base = sections.get(key)
        sections[key] = base.model_copy(update={f: getattr(mine, f) for f in mine.model_fields_set}) if base else mine
    if fill:
        raw["fill"] = fill
    if sections:
        raw["sections"] = sections
    return schema.Plan.model_validate(raw)


def _origin(model: schema.UnitListFile, unit_loc: tuple, unit: schema.Unit, plan_type: str, key: str) -> tuple:
    """Where a plan's key was written: in the unit's own settings, else the list's, else (list) the plan type entry."""
    own = unit.plans.get(plan_type)
    if own is not None and key in own.model_fields_set:
        return unit_loc + ("plans", plan_type, key)
    if key in model.plan_types[plan_type].model_fields_set:
        return ("plan_types", plan_type, key)
    return ("plan_types", plan_type)
