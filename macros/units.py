"""Unit lists (data/units/*.yml): a filled draft plan for every unit and plan type.

A provincial office lists the units it guides once (name, kind, level, place,
signature…); each unit gets one plan of every type the list names, made from
the plan type's sample wording and the unit's facts. Every such plan is a real
schema.Plan resolved by document.resolve, like a hand-written plan under
data/plans/: one mechanism, one output (page, Word, text).

Bulk plans are kept apart from the catalogue's `plans`: those are the reference
samples that plan-type, role, deadline and legal pages describe, and listing
thousands of drafts there would bury them. Bulk plans have their pages (out of
the navigation, reached from one page per unit list), downloads and calendars.

Problems point into the unit file: 'data/units/x.yml:12: units[3].level: …'.
A problem that comes from the list's shared settings is reported once, at the
shared key, not once per unit.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from types import MappingProxyType
from typing import Mapping

import pydantic

from . import document, legal, schema, yaml_source
from .errors import DataProblem, did_you_mean, field_path

_cat = None   # macros.catalogue, set by load() (it imports this module)

PATTERN = re.compile(r"\{([A-Za-z][A-Za-z0-9_-]*)\}")
# Keys of a plan a list (or a unit) may set for one plan type; absent ones fall back to the type's defaults.
PLAN_KEYS = ("symbol", "title", "preamble", "closing", "contact", "recipients", "deadlines")


@dataclasses.dataclass(frozen=True)
class Entry:
    """One unit as its list's page shows it."""
    id: str
    label: str                      # 'UBND xã Vĩnh Thủy'
    level: str
    group: str | None
    plans: tuple[tuple[str, str], ...]   # (plan type id, plan id), in the list's order of plan types


@dataclasses.dataclass(frozen=True)
class UnitList:
    id: str
    title: str
    province: str | None
    year: int
    file: str
    downloads: bool
    plan_types: tuple[str, ...]
    entries: tuple[Entry, ...]
    note: str | None


@dataclasses.dataclass(frozen=True)
class Bulk:
    lists: Mapping[str, UnitList]
    plans: Mapping[str, schema.Plan]
    documents: Mapping[str, document.Document]
    citation_notes: Mapping[str, Mapping[str, str]]
    list_of: Mapping[str, str]      # plan id -> unit list id
    unit_of: Mapping[str, str]      # plan id -> unit id

    def __len__(self) -> int:
        return len(self.plans)




def _fmt(pattern: str, values: Mapping[str, str]) -> str:
    return unicodedata.normalize("NFC", PATTERN.sub(lambda m: values.get(m.group(1), m.group(0)), pattern))


def _subtree(data, loc: tuple):
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _loc_of(data, needle: str, base: tuple) -> tuple | None:
    """Path under base of the first string that contains needle."""
    for loc, value in _cat._strings(_subtree(data, base)):
        if needle in value:
            return base + loc
    return None


class _Collector:
    """Problems of one unit file, each reported once (shared settings repeat for every unit)."""

    def __init__(self, src: yaml_source.Source):
        self.src = src
        self.found: dict[DataProblem, None] = {}

    def add(self, src: yaml_source.Source, loc: tuple, message: str) -> None:
        """As catalogue._Problems.add: the catalogue's checks report through it."""
        self.found[DataProblem(src.file, src.line_of(loc), field_path(loc), message)] = None

    def at(self, loc: tuple, message: str, src: yaml_source.Source | None = None) -> None:
        self.add(src or self.src, loc, message)

    def __len__(self) -> int:
        return len(self.found)


def _check_settings(out: _Collector, settings: schema.UnitPlanSettings, pt: schema.PlanType, loc: tuple) -> None:
    """Sections, fill-ins and placeholders of one plan type's settings, at loc in the unit file."""
    known = {s.id for s in pt.sections}
    for key in settings.sections:
        if key not in known:
            out.at(loc + ("sections", key), f"phần '{key}' không có trong loại kế hoạch '{pt.id}'"
                                              f"{did_you_mean(key, known)}; các phần: {', '.join(s.id for s in pt.sections)}")
    fields = {f.id for f in pt.fields}
    for key in settings.fill:
        if key not in fields:
            out.at(loc + ("fill", key), f"chỗ điền '{key}' không có trong loại kế hoạch '{pt.id}'"
                                         f"{did_you_mean(key, fields)}; có: {', '.join(sorted(fields)) or '(không có)'}")
    allowed = set(document.field_labels(pt))
    for sub, value in _cat._strings(_subtree(out.src.data, loc)):
        for name in document.placeholders_in(value):
            if name not in allowed:
                out.at(loc + sub, f"chỗ điền '{{{name}}}' không tồn tại trong loại kế hoạch '{pt.id}'"
                                   f"{did_you_mean(name, allowed)}; các chỗ điền: "
                                   f"{', '.join('{' + a + '}' for a in sorted(allowed))}")


def _check_patterns(out: _Collector, data) -> None:
    """Only {name}, {NAME}, {kind}, {KIND} fill the list's issuer and place patterns."""
    for base in (("issuer",), ("place",)):
        for sub, value in _cat._strings(_subtree(data, base)):
            for m in PATTERN.finditer(value):
                if m.group(1) not in schema.UNIT_PATTERN_FIELDS:
                    out.at(base + sub, f"chỗ điền '{m.group(0)}' không dùng được ở đây{did_you_mean(m.group(1), schema.UNIT_PATTERN_FIELDS)}; "
                                        f"các chỗ điền: " + ", ".join(f"{{{k}}} ({v})" for k, v in schema.UNIT_PATTERN_FIELDS.items()))


def _plan(model: schema.UnitListFile, unit: schema.Unit, plan_type: str, level: str, plan_id: str,
          values: Mapping[str, str]) -> schema.Plan:
    shared = model.plan_types[plan_type]
    own = unit.plans.get(plan_type) or schema.UnitPlanSettings()
    issuer = unit.issuer or schema.Issuer(
        name=_fmt(model.issuer.name, values), short=_fmt(model.issuer.short, values),
        superior=model.issuer.superior and _fmt(model.issuer.superior, values),
        label=model.issuer.label and _fmt(model.issuer.label, values))
    raw = dict(id=plan_id, plan_type=plan_type, year=model.year, level=level, issuer=issuer,
               place=unit.place or (model.place and _fmt(model.place, values)),
               signature=unit.signature or model.signature, source=unit.source or model.source)
    for key in PLAN_KEYS:
        # A key written with no value ('closing:') means "none", as in a plan file.
        if key in own.model_fields_set:
            raw[key] = getattr(own, key)
        elif key in shared.model_fields_set:
            raw[key] = getattr(shared, key)
    fill = {**shared.fill, **own.fill}
    sections = {**shared.sections, **own.sections}
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


def load(sources: list[yaml_source.Source], problems: list, warnings: list, *,
         levels: Mapping[str, schema.Level], types_for, broken_types: set[str],
         registry: Mapping[str, schema.LegalDocument], legal_broken: bool,
         roles: Mapping[str, schema.Role], roles_broken: bool,
         plan_src: Mapping[str, yaml_source.Source]) -> Bulk:
    """Read every unit list; append problems and warnings (each once) to the catalogue's lists.

    types_for(year) -> (edition year, plan types, their sources): the edition a list of that year uses.
    """
    global _cat
    from . import catalogue as _cat     # here, not at the top: catalogue imports this module
    lists: dict[str, UnitList] = {}
    list_src: dict[str, yaml_source.Source] = {}
    plans: dict[str, schema.Plan] = {}
    documents: dict[str, document.Document] = {}
    notes_of: dict[str, Mapping[str, str]] = {}
    list_of: dict[str, str] = {}
    made_at: dict[str, tuple[yaml_source.Source, tuple]] = {}     # plan id -> (unit file, unit id loc)
    seen_warnings: set = set(warnings)
    for src in sources:
        out = _Collector(src)
        model = _cat._validate(schema.UnitListFile, src, out)
        _cat._check_text(src, out, None, None if legal_broken else registry)   # phone numbers, citations
        if not roles_broken:
            _cat._check_roles(src, out, warnings, roles)
        if model is not None:
            _check_patterns(out, src.data)
            edition, plan_types, type_src = types_for(model.year)
            made = _load_list(model, src, out, problems, levels=levels, plan_types=plan_types, type_src=type_src,
                              edition=edition,
                              broken_types=broken_types, registry=registry, roles=roles, plan_src=plan_src,
                              made_at=made_at, other_lists=list_src)
            if made is not None:
                unit_list, new_plans, new_docs, new_notes, new_warnings = made
                for w in new_warnings:
                    if w not in seen_warnings:
                        seen_warnings.add(w)
                        warnings.append(w)
                lists[unit_list.id] = unit_list
                list_src[unit_list.id] = src
                plans.update(new_plans)
                documents.update(new_docs)
                notes_of.update(new_notes)
                list_of.update(dict.fromkeys(new_plans, unit_list.id))
        problems.extend(out.found)
    unit_of = {pid: e.id for u in lists.values() for e in u.entries for _, pid in e.plans}
    return Bulk(MappingProxyType(lists), MappingProxyType(plans), MappingProxyType(documents),
                MappingProxyType(notes_of), MappingProxyType(list_of), MappingProxyType(unit_of))


def _load_list(model: schema.UnitListFile, src: yaml_source.Source, out: _Collector, type_problems: list, *,
               levels, plan_types,
               type_src, broken_types, registry, roles, plan_src, made_at, other_lists, edition=None):
    if model.id in other_lists:
        other = other_lists[model.id]
        out.at(("id",), f"mã danh sách '{model.id}' bị trùng với {other.file}:{other.line_of(('id',))}")
        return None
    # -- the list's plan types and shared settings
    usable: dict[str, schema.PlanType] = {}
    for t, settings in model.plan_types.items():
        pt = plan_types.get(t)
        if pt is None:
            if t not in broken_types:
                out.at(("plan_types", t), f"loại kế hoạch '{t}' không có trong data/editions/{edition}/plan-types/"
                                           f"{did_you_mean(t, plan_types)}; có: {', '.join(sorted(plan_types))}")
            continue
        _check_settings(out, settings, pt, ("plan_types", t))
        if settings.contact and "{contact}" not in ((settings.closing if "closing" in settings.model_fields_set
                                                      else pt.defaults.closing) or ""):
            out.at(("plan_types", t, "contact"), "có 'contact' nhưng đoạn kết không có chỗ điền {contact} để in")
        # A plan type with problems of its own: its plans are not blamed for them (as in catalogue.load).
        if not any(p.file == type_src[t].file for p in type_problems):
            usable[t] = pt
    if model.level not in levels:
        out.at(("level",), f"cấp '{model.level}' không có trong data/levels.yml"
                            f"{did_you_mean(model.level, levels)}; có: {', '.join(sorted(levels))}")
    def uses_kind(*patterns) -> bool:
        return any(k in (p or "") for p in patterns for k in ("{kind}", "{KIND}"))
    issuer_kind = uses_kind(model.issuer.name, model.issuer.short, model.issuer.superior, model.issuer.label)
    place_kind = uses_kind(model.place)

    entries: list[Entry] = []
    plans: dict[str, schema.Plan] = {}
    documents: dict[str, document.Document] = {}
    notes_of: dict[str, Mapping[str, str]] = {}
    new_warnings: list[DataProblem] = []
    unit_ids: dict[str, int] = {}
    for i, unit in enumerate(model.units):
        loc = ("units", i)
        if unit.id in unit_ids:
            out.at(loc + ("id",), f"mã đơn vị '{unit.id}' bị trùng với units[{unit_ids[unit.id]}] "
                                   f"(dòng {src.line_of(('units', unit_ids[unit.id], 'id'))})")
            continue
        unit_ids[unit.id] = i
        level = unit.level or model.level
        if level not in levels:
            if unit.level:
                out.at(loc + ("level",), f"cấp '{level}' không có trong data/levels.yml"
                                          f"{did_you_mean(level, levels)}; có: {', '.join(sorted(levels))}")
            continue
        kind = unit.kind or model.kind
        if not kind and ((issuer_kind and not unit.issuer) or (place_kind and not unit.place)):
            out.at(loc, "mẫu 'issuer' hoặc 'place' của danh sách dùng {kind} nhưng đơn vị không có 'kind' "
                         "(và danh sách không có 'kind' mặc định); ghi ví dụ kind: xã")
            continue
        types = list(model.plan_types) if unit.plan_types is None else unit.plan_types
        for j, t in enumerate(unit.plan_types or ()):
            if t not in model.plan_types:
                out.at(loc + ("plan_types", j), f"loại kế hoạch '{t}' không có trong 'plan_types' của danh sách"
                                                 f"{did_you_mean(t, model.plan_types)}; có: {', '.join(model.plan_types)}")
        for t, settings in unit.plans.items():
            if t not in types:
                out.at(loc + ("plans", t), f"đơn vị không tạo kế hoạch loại '{t}'"
                                            f"{did_you_mean(t, types)}; các loại của đơn vị: {', '.join(types)}")
            elif t in usable:
                _check_settings(out, settings, usable[t], loc + ("plans", t))
        values = {"name": unit.name, "NAME": unit.name.upper(), "kind": kind or "", "KIND": (kind or "").upper()}
        made: list[tuple[str, str]] = []
        for t in types:
            pt = usable.get(t)
            if pt is None or t not in model.plan_types:
                continue
            if level not in {v.level for v in pt.levels}:
                where = loc + ("level",) if unit.level else ("plan_types", t)
                what = "cấp của đơn vị" if unit.level else "cấp của danh sách"
                out.at(where, f"loại kế hoạch '{t}' không dùng cho cấp '{level}' ({what}); "
                               f"các cấp: {', '.join(v.level for v in pt.levels)}")
                continue
            plan_id = f"{unit.id}-{model.plan_types[t].code or t}-{model.year}"
            if plan_id in plan_src or plan_id in made_at:
                other_src, other_loc = (plan_src[plan_id], ("id",)) if plan_id in plan_src else made_at[plan_id]
                out.at(loc + ("id",), f"kế hoạch '{plan_id}' (loại '{t}') trùng mã với "
                                       f"{other_src.file}:{other_src.line_of(other_loc)}; bỏ loại này khỏi "
                                       f"'plan_types' của đơn vị, hoặc đổi mã đơn vị hay 'code' của loại")
                continue
            before = len(out)
            try:
                plan = _plan(model, unit, t, level, plan_id, values)
            except pydantic.ValidationError as exc:
                for err in exc.errors(include_url=False):
                    out.at(loc, f"{field_path(tuple(err['loc']))}: {_cat._say(err, schema.Plan)}")
                continue
            try:
                doc = document.resolve(plan, pt, registry, roles)
            except document.ResolveError as exc:
                out.at(_origin(model, loc, unit, t, exc.loc[0] if exc.loc else "sections"), exc.message)
                continue
            except legal.CiteError as exc:    # not expected: _check_text reports citations first
                out.at(loc, str(exc))
                continue
            errors, notes = legal.check_plan(plan.year, doc.cited, registry)
            for doc_id, message in {**errors, **notes}.items():
                problem = _citation_problem(src, model, loc, unit, t, type_src[t], doc_id, message)
                if doc_id in errors:
                    out.found[problem] = None
                else:
                    new_warnings.append(problem)
            if notes:
                notes_of[plan_id] = MappingProxyType(notes)
            for k, d in enumerate(doc.deadlines):
                if d.date and not _cat._deadline_written(d, doc):
                    origin = _origin(model, loc, unit, t, "deadlines")
                    where, at = (src, origin + (k, "date")) if origin[-1] == "deadlines" else \
                        (type_src[t], ("defaults", "deadlines", k, "date"))
                    out.at(at, f"hạn {d.date.day}/{d.date.month} không có trong văn bản kế hoạch loại '{t}' của "
                                f"danh sách '{model.id}'; ghi hạn trong câu văn (ví dụ 'trước ngày {d.date.day}/{d.date.month}')",
                            src=where)
            if len(out) == before:
                plans[plan_id] = plan
                documents[plan_id] = doc
                made_at[plan_id] = (src, loc + ("id",))
                made.append((t, plan_id))
        if made:
            first = plans[made[0][1]]
            entries.append(Entry(unit.id, first.issuer.label or first.issuer.short, level, unit.group, tuple(made)))
    unit_list = UnitList(model.id, model.title, model.province, model.year, src.file, model.downloads,
                         tuple(t for t in model.plan_types if t in usable), tuple(entries),
                         model.source.note if model.source else None)
    return unit_list, plans, documents, notes_of, new_warnings


def _citation_problem(src, model, unit_loc, unit, plan_type, type_file, doc_id, message) -> DataProblem:
    """A citation problem, where the citation is written: the unit's settings, the list's, else the plan type."""
    needle = f"{{cite:{doc_id}"
    for base in (unit_loc + ("plans", plan_type), ("plan_types", plan_type)):
        found = _loc_of(src.data, needle, base)
        if found is not None:
            return DataProblem(src.file, src.line_of(found), field_path(found), message)
    found = _loc_of(type_file.data, needle, ()) or ()
    return DataProblem(type_file.file, type_file.line_of(found),
                       f"{field_path(found)} (danh sách {model.id})", message)
