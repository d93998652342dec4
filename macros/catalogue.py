"""Read every file under data/ once, validate it, and hand out immutable objects.

load() is the only place that opens data files. A build calls it once (see
for_build); every problem found in any file is collected, so a maintainer sees
all of them in one run, each as 'file:line: field: what was expected'.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import pathlib
import re
import unicodedata
from types import MappingProxyType
from typing import Mapping

import pydantic

from . import blank, document, legal, schema, units, yaml_source
from .errors import DataErrors, DataProblem, did_you_mean, field_path

PROJECT_DIR = pathlib.Path(__file__).resolve().parent.parent
TEMPLATES_DIR = pathlib.Path(__file__).resolve().parent / "templates"

# Number of times data/ was read in this process: a build test checks it grows by one.
LOAD_COUNT = 0

# What lives where under data/: (glob, schema model name).
LAYOUT = (
    ("levels.yml", "levels"),
    ("roles.yml", "roles"),
    ("legal/*.yml", "legal"),
    # One folder per yearly edition: its record (edition.yml) and its plan types' wording.
    ("editions/*/edition.yml", "edition"),
    ("editions/*/plan-types/*.yml", "plan-type"),
    ("units/*.yml", "units"),          # unit lists: a draft plan per unit and plan type (units.py)
    ("plans/**/*.yml", "plan"),
)

# 0xxxxxxxxx or +84xxxxxxxxx: a personal phone number must never enter data/.
PHONE = re.compile(r"(?<![\d/.-])(?:\+84|0)(?:[\s.]?\d){8,10}(?![\d/])")


@dataclasses.dataclass(frozen=True)
class Edition:
    """One year's guidance: its record (schema.Edition) and the wording of its plan types."""
    year: int
    meta: schema.Edition
    plan_types: Mapping[str, schema.PlanType]
    # Each plan type's blank form (blank.py): its sample wording with fill-ins as [labels].
    type_samples: Mapping[str, document.Document]
    file: str                      # data/editions/<year>/edition.yml

    def changes_for(self, plan_type_id: str | None = None) -> list[schema.Change]:
        """Change entries about one plan type (and those about the whole site), newest first."""
        return sorted((c for c in self.meta.changes if not c.plan_types or plan_type_id in c.plan_types),
                      key=lambda c: c.date, reverse=True)

    def last_updated(self, plan_type_id: str | None = None):
        """'Cập nhật lần cuối': the latest major change that concerns the page, else the publication date."""
        dates = [c.date for c in self.changes_for(plan_type_id) if c.kind == "lon"]
        if self.meta.published:
            dates.append(self.meta.published)
        return max(dates, default=None)


@dataclasses.dataclass(frozen=True)
class Catalogue:
    root: pathlib.Path
    levels: Mapping[str, schema.Level]
    # Editions by year, oldest first; the newest is the current one and drives the site.
    editions: Mapping[int, Edition]
    # The current edition's plan types (what the site is about this year).
    plan_types: Mapping[str, schema.PlanType]
    plans: Mapping[str, schema.Plan]
    documents: Mapping[str, document.Document]
    # Plans made from unit lists (data/units/), kept apart from the reference plans above.
    bulk: units.Bulk
    files: Mapping[str, str]          # 'plan:<id>' / 'plan-type:<id>' / 'legal:<id>' -> data file
    legal: Mapping[str, schema.LegalDocument]
    roles: Mapping[str, schema.Role]
    ended_levels: tuple[schema.EndedLevel, ...]
    # The current edition's blank forms (Edition.type_samples).
    type_samples: Mapping[str, document.Document]
    # Citation warnings per plan: {plan id: {document id: message}}; shown beside the citation.
    citation_notes: Mapping[str, Mapping[str, str]]
    warnings: tuple[DataProblem, ...]

    @property
    def current(self) -> Edition:
        return self.editions[max(self.editions)]

    def cited_by(self, doc_id: str) -> tuple[list[schema.PlanType], list[schema.Plan]]:
        """Plan types whose wording cites a legal document, and plans that cite it."""
        return ([pt for pt in self.plan_types.values() if doc_id in self.type_samples[pt.id].cited],
                [p for p in self.plans.values() if doc_id in self.documents[p.id].cited])

    def tasks_of(self, role_id: str):
        """Everything a role is given, in plans and in plan types' sample wording:
        [(plan or plan type, part, item, relation)]."""
        out = []
        for plan in self.plans.values():
            for part, item in self.documents[plan.id].items():
                out += [(plan, part, item, rel) for rel, r in item.assign if r == role_id]
        for pt in self.plan_types.values():
            for part, item in self.type_samples[pt.id].items():
                out += [(pt, part, item, rel) for rel, r in item.assign if r == role_id]
        return out

    def plans_of(self, plan_type_id: str) -> list[schema.Plan]:
        """Plans of a type, newest year first, then by id."""
        return sorted((p for p in self.plans.values() if p.plan_type == plan_type_id),
                      key=lambda p: (-p.year, p.id))


class _Problems(list):
    def add(self, src: yaml_source.Source, loc: tuple, message: str) -> None:
        self.append(DataProblem(src.file, src.line_of(loc), field_path(loc), message))


# ---------------------------------------------------------------- pydantic errors, in words

_TYPE_NAMES = {str: "chuỗi", int: "số nguyên", float: "số", bool: "đúng/sai", list: "danh sách",
               dict: "bảng khóa–giá trị", type(None): "giá trị rỗng"}


def _got(value) -> str:
    for t, name in _TYPE_NAMES.items():
        if type(value) is t:
            return name
    return type(value).__name__


def _say(err: dict, model) -> str:
    kind, ctx, got = err["type"], err.get("ctx", {}), err.get("input")
    if kind == "missing":
        return "thiếu khóa bắt buộc"
    if kind == "extra_forbidden":
        return "khóa không có trong mẫu dữ liệu" + (err.get("_hint") or "")
    if kind in ("string_type", "str_type"):
        return f"cần một chuỗi văn bản, nhận được {_got(got)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"cần một số nguyên, nhận được {got!r}"
    if kind == "list_type":
        return f"cần một danh sách (các dòng bắt đầu bằng '- '), nhận được {_got(got)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"cần một bảng khóa–giá trị, nhận được {_got(got)}"
    if kind == "literal_error":
        return f"giá trị {got!r} không hợp lệ; cần một trong: {ctx.get('expected')}"
    if kind == "string_pattern_mismatch":
        if "KH-" in ctx.get("pattern", ""):
            return f"ký hiệu {got!r} không đúng dạng; cần bắt đầu bằng 'KH-' rồi chữ in hoa, ví dụ 'KH-UBND'"
        return f"{got!r} không đúng dạng mã: chỉ chữ thường không dấu, số và dấu '-', ví dụ 'phong-chong-khung-bo'"
    if kind in ("string_too_short", "too_short"):
        return "không được để trống"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"giá trị {got!r} nằm ngoài khoảng cho phép"
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", err["msg"]))
    if kind in ("block_kind", "bullet_kind", "recipient_kind"):
        return err["msg"]
    return err["msg"]


def _validate(model, src: yaml_source.Source, problems: _Problems):
    try:
        return model.model_validate(src.data)
    except pydantic.ValidationError as exc:
        errors = [(e, _strip_tags(src.data, tuple(e["loc"]))) for e in exc.errors(include_url=False)]
        # A misspelt key ('signatur') also leaves the real one missing: report it once, as the typo.
        misspelt = set()
        for err, loc in errors:
            if err["type"] == "extra_forbidden":
                close = difflib.get_close_matches(str(loc[-1]), _known_keys(model, src.data, loc[:-1]), n=1, cutoff=0.6)
                err["_hint"] = f" — có phải ý là '{close[0]}'?" if close else ""
                misspelt.update(loc[:-1] + (c,) for c in close)
        for err, loc in errors:
            if not (err["type"] == "missing" and loc in misspelt):
                problems.add(src, loc, _say(err, model))
        return None


_UNION_TAGS = {"paragraph", "bullets", "items", "line", "nested", "group"}


def _strip_tags(data, loc: tuple) -> tuple:
    """pydantic puts union tags ('bullets', 'nested'…) into error locations; keep only real keys."""
    out, node = [], data
    for part in loc:
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            out.append(part)
        elif isinstance(node, dict) and part in node:
            node = node[part]
            out.append(part)
        elif part in _UNION_TAGS and not (isinstance(node, dict) and part in node):
            continue            # a tag, not a key
        else:
            out.append(part)    # a missing key: name it in the message
            node = None
    return tuple(out)


def _known_keys(model, data, loc: tuple) -> list[str]:
    """Keys accepted at loc, for 'did you mean' hints: walk the model along the path."""
    import typing
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return []
        current = _inner_model(fields[part].annotation, typing)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation, typing):
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg, typing)
        if found is not None:
            return found
    return None


# ---------------------------------------------------------------- helpers over raw data

def _nfc(value):
    """Vietnamese text is compared and printed in NFC, whatever the editor saved."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    return value


def _strings(value, loc=(), dates: bool = False):
    """Every string in raw data with its path; with dates, also each date YAML read as one
    (an unquoted 2026-05-30), as its text."""
    if isinstance(value, str):
        yield loc, value
    elif dates and isinstance(value, dt.date):
        yield loc, value.isoformat()
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, loc + (i,), dates)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, loc + (k,), dates)


def _check_text(src: yaml_source.Source, problems: _Problems, allowed: set[str] | None,
                registry: Mapping[str, schema.LegalDocument] | None):
    """Phone numbers, unknown fill-ins, and citations (registry None: it has errors of its own)."""
    for loc, value in _strings(src.data):
        for message in legal.check_citations(value, registry) if registry is not None else ():
            problems.add(src, loc, message)
        if PHONE.search(value):
            problems.add(src, loc, f"có vẻ là số điện thoại cá nhân ({PHONE.search(value).group(0)}); "
                                   "thay bằng chỗ trống, ví dụ '[số điện thoại]'")
        if allowed is not None:
            for name in document.placeholders_in(value):
                if name not in allowed:
                    problems.add(src, loc, f"chỗ điền '{{{name}}}' không tồn tại{did_you_mean(name, allowed)}; "
                                           f"các chỗ điền: {', '.join('{' + a + '}' for a in sorted(allowed))}")


def _walk_dicts(value, loc=()):
    """Every mapping in raw data with its path."""
    if isinstance(value, dict):
        yield loc, value
        for k, v in value.items():
            yield from _walk_dicts(v, loc + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk_dicts(v, loc + (i,))


RELATION_KEYS = ("lead", "support", "carry_out", "request")


def _check_roles(src: yaml_source.Source, problems: _Problems, warnings: list, roles: Mapping[str, schema.Role]):
    """Role ids in 'assign' and deadlines' 'by'; 'Đơn vị thực hiện' wording against 'assign'; tasks with no lead."""
    def known(loc, role_id):
        if isinstance(role_id, str) and role_id not in roles:
            problems.add(src, loc, f"vai trò '{role_id}' không có trong data/roles.yml{did_you_mean(role_id, roles)}")
            return False
        return True

    for loc, node in _walk_dicts(src.data):
        assign = node.get("assign")
        if isinstance(assign, dict):
            ok = True
            for rel in RELATION_KEYS:
                for i, role_id in enumerate(assign.get(rel) or []):
                    ok &= known(loc + ("assign", rel, i), role_id)
            executor = node.get("executor")
            if ok and isinstance(executor, str):
                for rel in RELATION_KEYS:
                    for role_id in assign.get(rel) or []:
                        role = roles[role_id]
                        if not any(n.casefold() in executor.casefold() for n in (role.name, *role.names)):
                            problems.add(src, loc + ("executor",),
                                         f"dòng 'Đơn vị thực hiện' không nhắc tới '{role.name}' ({rel} trong assign); "
                                         f"sửa câu, hoặc thêm cách gọi vào 'names' của vai trò '{role_id}' trong data/roles.yml")
            if ok and assign.get("support") and not any(assign.get(r) for r in ("lead", "carry_out", "request")):
                warnings.append(DataProblem(src.file, src.line_of(loc + ("assign",)), field_path(loc + ("assign",)),
                                            "nhiệm vụ có đơn vị phối hợp nhưng chưa có đơn vị chủ trì"))
        if isinstance(node.get("by"), list) and "kind" in node:
            for i, role_id in enumerate(node["by"]):
                known(loc + ("by", i), role_id)


def _deadline_written(deadline: document.Deadline, doc: document.Document) -> bool:
    """The day of a deadline appears in the plan's text ('30/5', '01/5', '18/01', '30/5/2026')."""
    d = deadline.date
    pattern = re.compile(rf"(?<!\d)0?{d.day}/0?{d.month}(?!\d)")
    return any(pattern.search(t) for t in doc.texts())


def _citation_site(doc_id: str, plan_src: yaml_source.Source, type_src: yaml_source.Source, plan_id: str):
    """(source, loc) of the value that cites doc_id: in the plan file, else in its plan type's wording."""
    needle = f"{{cite:{doc_id}"
    for src in (plan_src, type_src):
        for loc, value in _strings(src.data):
            if needle in value:
                return src, loc
    return plan_src, ()


def _citation_where(doc_id, plan_src, type_src, plan_id) -> tuple[str, int, str]:
    src, loc = _citation_site(doc_id, plan_src, type_src, plan_id)
    field = field_path(loc)
    if src is type_src:
        field = f"{field} (kế hoạch {plan_id})"
    return src.file, src.line_of(loc), field


# ---------------------------------------------------------------- editions and dates

def _edition_for(editions: Mapping[int, Mapping[str, schema.PlanType]], year: int | None, plan_type_id) -> int | None:
    """The edition (year -> its plan types) a plan of that year and type is drafted from: the
    newest edition of its year or before that has the type; a plan older than every edition
    takes the oldest one that has it. The newest edition when none has the type."""
    having = sorted(y for y, types in editions.items() if plan_type_id in types)
    if not having:
        return max(editions, default=None)
    if year is None:
        return having[-1]
    earlier = [y for y in having if y <= year]
    return earlier[-1] if earlier else having[0]


def _check_edition(meta: schema.Edition, src: yaml_source.Source, problems: _Problems,
                   plan_types: Mapping[str, schema.PlanType], broken_types: set[str]) -> None:
    if not meta.changes:
        problems.add(src, ("changes",), f"ấn bản năm {meta.year} chưa có mục thay đổi nào; ghi ít nhất một mục "
                                        "có date (YYYY-MM-DD), kind (lon hoặc nho) và text (thay đổi gì)")
    if meta.published and meta.published.year not in (meta.year - 1, meta.year):
        problems.add(src, ("published",), f"ngày công bố {meta.published:%d/%m/%Y} không thuộc năm {meta.year - 1} "
                                          f"hoặc {meta.year}; ấn bản năm {meta.year} công bố cuối năm trước hoặc trong năm")
    for i, change in enumerate(meta.changes):
        if change.date.year < meta.year - 1:
            problems.add(src, ("changes", i, "date"), f"ngày {change.date:%d/%m/%Y} trước năm {meta.year - 1}: "
                                                      f"thay đổi của ấn bản năm {meta.year} ghi từ năm {meta.year - 1}")
        for j, pt_id in enumerate(change.plan_types):
            if pt_id not in plan_types and pt_id not in broken_types:
                problems.add(src, ("changes", i, "plan_types", j),
                             f"loại kế hoạch '{pt_id}' không có trong ấn bản năm {meta.year}{did_you_mean(pt_id, plan_types)}")


def _check_ended(src: yaml_source.Source, problems: _Problems, year: int, date: schema.IssueDate | None,
                 roles: Mapping[str, schema.Role], ended: list[schema.EndedLevel]) -> None:
    """Tasks given to a body of a level that had ended (district level, from 2026 on)."""
    for level in ended:
        after = year > level.ended.year or (
            date is not None and date.day and dt.date(date.year, date.month, date.day) >= level.ended)
        if not after:
            continue
        gone = {r.id: r for r in roles.values() if r.level == level.level}
        label = schema.ROLE_LEVELS[level.level].split(" (")[0].lower()
        for loc, node in _walk_dicts(src.data):
            found = [(loc + ("assign", rel, i), r) for rel in RELATION_KEYS if isinstance(node.get("assign"), dict)
                     for i, r in enumerate(node["assign"].get(rel) or []) if r in gone]
            if isinstance(node.get("by"), list) and "kind" in node:
                found += [(loc + ("by", i), r) for i, r in enumerate(node["by"]) if r in gone]
            for where, role_id in found:
                problems.add(src, where, f"'{gone[role_id].name}' là cơ quan {label}, không còn từ ngày "
                                         f"{level.ended:%d/%m/%Y}; năm {year} không giao việc cho cơ quan {label} "
                                         f"(giao cho cơ quan cấp xã hoặc cấp tỉnh)")


def _deadline_problems(d: document.Deadline, doc: document.Document, plan: schema.Plan) -> list[str]:
    """A deadline must be written in the plan, fall in the plan's year and not before its date."""
    if d.date is None:
        return []
    out = []
    if not _deadline_written(d, doc):
        out.append(f"hạn {d.date.day}/{d.date.month} không có trong văn bản kế hoạch "
                   f"'{plan.id}'; ghi hạn trong câu văn (ví dụ 'trước ngày {d.date.day}/{d.date.month}')")
    if d.date.year != plan.year:
        out.append(f"hạn {d.date:%d/%m/%Y} ngoài năm của kế hoạch ({plan.year}); cần một ngày trong năm {plan.year}")
    elif plan.date and plan.date.month and not d.every_year:
        issued = dt.date(plan.date.year, plan.date.month, plan.date.day or 1)
        if d.date < issued:
            out.append(f"hạn {d.date:%d/%m/%Y} trước ngày ban hành kế hoạch ({issued:%d/%m/%Y}"
                       f"{'' if plan.date.day else ', đầu tháng ban hành'}); kiểm tra lại ngày hoặc năm")
    return out


# ---------------------------------------------------------------- load

def load(data_dir: pathlib.Path | str | None = None) -> Catalogue:
    """Read and check all of data/. Raises DataErrors listing every problem found."""
    global LOAD_COUNT
    LOAD_COUNT += 1
    data_dir = pathlib.Path(data_dir) if data_dir else PROJECT_DIR / "data"
    root = data_dir.parent
    problems = _Problems()
    sources: dict[str, list[yaml_source.Source]] = {kind: [] for _, kind in LAYOUT}
    for pattern, kind in LAYOUT:
        for path in sorted(data_dir.glob(pattern)):
            src, found = yaml_source.read(path, root)
            problems.extend(found)
            if src is not None:
                src.data = _nfc(src.data)
                sources[kind].append(src)
    for name, what in (("levels", "danh mục cấp ban hành"), ("roles", "danh mục vai trò (cơ quan, lực lượng được giao việc)")):
        if not sources[name] and not any(p.file.endswith(f"{name}.yml") for p in problems):
            problems.append(DataProblem(f"{data_dir.name}/{name}.yml", 0, "", f"thiếu tệp {what}"))

    # -- levels
    levels: dict[str, schema.Level] = {}
    for src in sources["levels"]:
        model = _validate(schema.LevelsFile, src, problems)
        for i, level in enumerate(model.levels if model else []):
            if level.id in levels:
                problems.add(src, ("levels", i, "id"), f"mã cấp '{level.id}' bị trùng")
            levels[level.id] = level

    # -- roles
    roles: dict[str, schema.Role] = {}
    roles_src: tuple[yaml_source.Source, int] | None = None
    ended_levels: list[schema.EndedLevel] = []
    for src in sources["roles"]:
        model = _validate(schema.RolesFile, src, problems)
        for i, role in enumerate(model.roles if model else []):
            if role.id in roles:
                problems.add(src, ("roles", i, "id"), f"mã vai trò '{role.id}' bị trùng")
            roles[role.id] = role
        ended_levels += model.ended_levels if model else []
        roles_src = src
    roles_broken = any(p.file.endswith("roles.yml") for p in problems)
    warnings: list[DataProblem] = []

    # -- legal registry (before plans and plan types, which cite it)
    registry: dict[str, schema.LegalDocument] = {}
    legal_src: dict[str, tuple[yaml_source.Source, int]] = {}
    # A registry file with errors: citations of ids it may hold are not blamed for it.
    legal_broken = any("/legal/" in f"/{p.file}" for p in problems)
    for src in sources["legal"]:
        model = _validate(schema.LegalFile, src, problems)
        legal_broken |= model is None
        _check_text(src, problems, None, {})
        for i, doc in enumerate(model.documents if model else []):
            if doc.id in registry:
                other, j = legal_src[doc.id]
                problems.add(src, ("documents", i, "id"), f"mã văn bản '{doc.id}' bị trùng với "
                                                          f"{other.file}:{other.line_of(('documents', j, 'id'))}")
                continue
            registry[doc.id] = doc
            legal_src[doc.id] = (src, i)
    for doc_id, (src, i) in legal_src.items():
        for j, rel in enumerate(registry[doc_id].relations):
            if rel.target not in registry and not legal_broken:
                problems.add(src, ("documents", i, "relations", j, "target"),
                             f"văn bản '{rel.target}' không có trong danh mục{did_you_mean(rel.target, registry)}")
            elif rel.target == doc_id:
                problems.add(src, ("documents", i, "relations", j, "target"), "văn bản không thể quan hệ với chính nó")

    # -- editions: each folder's record and plan types (types are checked once per edition)
    editions_meta: dict[int, tuple[schema.Edition, yaml_source.Source]] = {}
    for src in sources["edition"]:
        model = _validate(schema.Edition, src, problems)
        if model is None:
            continue
        folder = pathlib.Path(src.file).parent.name
        if folder != str(model.year):
            problems.add(src, ("year",), f"năm {model.year} khác tên thư mục '{folder}'; "
                                         f"ấn bản năm {model.year} nằm ở data/editions/{model.year}/")
            continue
        editions_meta[model.year] = (model, src)
    type_sources: dict[str, list[yaml_source.Source]] = {}
    for src in sources["plan-type"]:
        type_sources.setdefault(pathlib.Path(src.file).parent.parent.name, []).append(src)
    for folder in sorted(type_sources):
        if not any(p.file == f"{data_dir.name}/editions/{folder}/edition.yml" for p in problems) \
                and not any(str(y) == folder for y in editions_meta):
            problems.append(DataProblem(f"{data_dir.name}/editions/{folder}/edition.yml", 0, "",
                                        f"thiếu tệp ghi ấn bản năm {folder} (year, published, priorities, notes, changes)"))
    if not sources["edition"] and not problems:
        problems.append(DataProblem(f"{data_dir.name}/editions/", 0, "", "chưa có ấn bản nào: cần data/editions/<năm>/edition.yml"))

    edition_types: dict[int, dict[str, schema.PlanType]] = {}
    type_src: dict[tuple[int, str], yaml_source.Source] = {}
    # Plan types whose file has errors: plans of these types are not blamed for them.
    broken_types = set()
    for year in sorted(editions_meta):
        plan_types = edition_types[year] = {}
        for src in type_sources.get(str(year), []):
            model = _validate(schema.PlanType, src, problems)
            if model is None:
                _check_text(src, problems, None, None if legal_broken else registry)
                broken_types.add(pathlib.Path(src.file).stem)
                if isinstance(src.data, dict) and isinstance(src.data.get("id"), str):
                    broken_types.add(src.data["id"])
                continue
            labels = document.field_labels(model)
            _check_text(src, problems, set(labels), None if legal_broken else registry)
            if not roles_broken:
                _check_roles(src, problems, warnings, roles)
                _check_ended(src, problems, year, None, roles, ended_levels)
            if model.id in plan_types:
                problems.add(src, ("id",), f"mã loại kế hoạch '{model.id}' đã dùng ở {type_src[year, model.id].file}")
                continue
            for i, variant in enumerate(model.levels):
                if variant.level not in levels:
                    problems.add(src, ("levels", i, "level"),
                                 f"cấp '{variant.level}' không có trong data/levels.yml{did_you_mean(variant.level, levels)}")
            seen_sections: set[str] = set()
            for i, section in enumerate(model.sections):
                if section.id in seen_sections:
                    problems.add(src, ("sections", i, "id"), f"mã phần '{section.id}' bị trùng")
                seen_sections.add(section.id)
            if not (TEMPLATES_DIR / "plans" / f"{model.id}.md").is_file():
                problems.add(src, ("id",), f"thiếu khuôn trình bày macros/templates/plans/{model.id}.md cho loại kế hoạch này")
            plan_types[model.id] = model
            type_src[year, model.id] = src
        meta, src = editions_meta[year]
        _check_edition(meta, src, problems, plan_types, broken_types)
    all_type_ids = {t for types in edition_types.values() for t in types}

    # -- plans
    citation_notes: dict[str, Mapping[str, str]] = {}
    plans: dict[str, schema.Plan] = {}
    documents: dict[str, document.Document] = {}
    plan_src: dict[str, yaml_source.Source] = {}
    for src in sources["plan"]:
        before = len(problems)
        model = _validate(schema.Plan, src, problems)
        raw_type = src.data.get("plan_type") if isinstance(src.data, dict) else None
        raw_year = src.data.get("year") if isinstance(src.data, dict) else None
        edition = _edition_for(edition_types, raw_year if isinstance(raw_year, int) else None, raw_type)
        plan_types = edition_types.get(edition, {})
        plan_type = plan_types.get(raw_type) if isinstance(raw_type, str) else None
        _check_text(src, problems, set(document.field_labels(plan_type)) if plan_type else None,
                    None if legal_broken else registry)
        if not roles_broken:
            _check_roles(src, problems, warnings, roles)
        if model is None:
            continue
        if not roles_broken:
            _check_ended(src, problems, model.year, model.date, roles, ended_levels)
        if model.id in plans:
            other = plan_src[model.id]
            problems.add(src, ("id",), f"mã kế hoạch '{model.id}' bị trùng với {other.file}:{other.line_of(('id',))}")
        if plan_type is None and model.plan_type not in broken_types and edition_types:
            problems.add(src, ("plan_type",), f"loại kế hoạch '{model.plan_type}' không có trong data/editions/{edition}/plan-types/"
                                              f"{did_you_mean(model.plan_type, all_type_ids)}; có: {', '.join(sorted(all_type_ids))}")
        if model.level not in levels:
            problems.add(src, ("level",), f"cấp '{model.level}' không có trong data/levels.yml"
                                          f"{did_you_mean(model.level, levels)}; có: {', '.join(sorted(levels))}")
        elif plan_type and model.level not in {v.level for v in plan_type.levels}:
            problems.add(src, ("level",), f"loại kế hoạch '{plan_type.id}' không dùng cho cấp '{model.level}'; "
                                          f"các cấp: {', '.join(v.level for v in plan_type.levels)}")
        if model.date and model.date.year != model.year:
            problems.add(src, ("date",), f"ngày ban hành thuộc năm {model.date.year}, khác năm của kế hoạch "
                                         f"(year: {model.year}); cần một ngày trong năm {model.year}")
        if plan_type:
            known = {s.id for s in plan_type.sections}
            for key in model.sections:
                if key not in known:
                    problems.add(src, ("sections", key), f"phần '{key}' không có trong loại kế hoạch '{plan_type.id}'"
                                                         f"{did_you_mean(key, known)}; các phần: {', '.join(s.id for s in plan_type.sections)}")
            fields = {f.id for f in plan_type.fields}
            for key in model.fill:
                if key not in fields:
                    problems.add(src, ("fill", key), f"chỗ điền '{key}' không có trong loại kế hoạch '{plan_type.id}'"
                                                     f"{did_you_mean(key, fields)}; có: {', '.join(sorted(fields)) or '(không có)'}")
            if model.contact and "{contact}" not in (model.closing or plan_type.defaults.closing or ""):
                problems.add(src, ("contact",), "có 'contact' nhưng đoạn kết không có chỗ điền {contact} để in")
        # A plan is resolved only when it and its plan type are clean (no error reported twice).
        type_clean = plan_type and not any(p.file == type_src[edition, plan_type.id].file for p in problems)
        if len(problems) == before and type_clean:
            try:
                documents[model.id] = document.resolve(model, plan_type, registry, roles)
            except document.ResolveError as exc:
                problems.add(src, exc.loc, exc.message)
            except legal.CiteError as exc:    # not expected: _check_text reports citations first
                problems.add(src, (), str(exc))
            else:
                errors, notes = legal.check_plan(model.year, documents[model.id].cited, registry)
                for doc_id, message in errors.items():
                    problems.append(DataProblem(*_citation_where(doc_id, src, type_src[edition, plan_type.id], model.id), message))
                for doc_id, message in notes.items():
                    warnings.append(DataProblem(*_citation_where(doc_id, src, type_src[edition, plan_type.id], model.id), message))
                if notes:
                    citation_notes[model.id] = MappingProxyType(notes)
                doc = documents[model.id]
                own = "deadlines" in model.model_fields_set
                for i, d in enumerate(doc.deadlines):
                    where = (src, ("deadlines", i, "date")) if own else (type_src[edition, plan_type.id], ("defaults", "deadlines", i, "date"))
                    for message in _deadline_problems(d, doc, model):
                        problems.append(DataProblem(where[0].file, where[0].line_of(where[1]), field_path(where[1]), message))
        plans.setdefault(model.id, model)
        plan_src.setdefault(model.id, src)

    # -- unit lists: one draft per unit and plan type, through document.resolve like the plans above
    def types_for(year: int):
        """Plan types a unit list of that year is drafted from: the newest edition of its year or before."""
        years = sorted(edition_types)
        y = max((e for e in years if e <= year), default=years[0] if years else None)
        return y, edition_types.get(y, {}), {k: v for (e, k), v in type_src.items() if e == y}

    if not roles_broken:
        for src in sources["units"]:
            year = src.data.get("year") if isinstance(src.data, dict) else None
            if isinstance(year, int):
                _check_ended(src, problems, year, None, roles, ended_levels)
    bulk = units.load(sources["units"], problems, warnings, levels=levels, types_for=types_for,
                      broken_types=broken_types, registry=registry, legal_broken=legal_broken, roles=roles,
                      roles_broken=roles_broken, plan_src=plan_src)

    # -- what the registry says about plans and plan types (not re-blamed when those files have errors)
    plans_broken = any("/plans/" in f"/{p.file}" for p in problems)
    for doc_id, (src, i) in legal_src.items():
        doc = registry[doc_id]
        for j, pt_id in enumerate(doc.plan_types):
            if pt_id not in all_type_ids and pt_id not in broken_types:
                problems.add(src, ("documents", i, "plan_types", j),
                             f"loại kế hoạch '{pt_id}' không có trong data/editions/*/plan-types/{did_you_mean(pt_id, all_type_ids)}")
        for j, source in enumerate(doc.sources):
            if source.plan and source.plan not in plan_src and not plans_broken:
                problems.add(src, ("documents", i, "sources", j, "plan"),
                             f"kế hoạch '{source.plan}' không có trong data/plans/{did_you_mean(source.plan, plan_src)}")

    if roles_src is not None and not plans_broken:
        for i, role in enumerate(roles.values()):
            for j, duty in enumerate(role.duties):
                if duty.plan not in plan_src:
                    problems.add(roles_src, ("roles", i, "duties", j, "plan"),
                                 f"kế hoạch '{duty.plan}' không có trong data/plans/{did_you_mean(duty.plan, plan_src)}")

    for year, (meta, src) in editions_meta.items():
        for i, priority in enumerate(meta.priorities):
            if priority.plan and priority.plan not in plan_src and not plans_broken:
                problems.add(src, ("priorities", i, "plan"),
                             f"kế hoạch '{priority.plan}' không có trong data/plans/{did_you_mean(priority.plan, plan_src)}")

    if problems:
        raise DataErrors(list(problems))
    current_year = max(editions_meta)
    meta, src = editions_meta[current_year]
    if meta.published is None:
        warnings.append(DataProblem(src.file, src.line_of(("published",)), "published",
                                    f"ấn bản hiện hành năm {current_year} chưa có ngày công bố: trang ghi là dự thảo"))
    files = {**{f"plan-type:{k}": v.file for (y, k), v in type_src.items() if y == current_year},
             **{f"plan:{k}": v.file for k, v in plan_src.items()},
             **{f"legal:{k}": v[0].file for k, v in legal_src.items()}}
    editions = {}
    for year in sorted(editions_meta):
        types = dict(sorted(edition_types[year].items(), key=lambda kv: (kv[1].order, kv[0])))
        editions[year] = Edition(year=year, meta=editions_meta[year][0], plan_types=MappingProxyType(types),
                                 type_samples=MappingProxyType({t: blank.document_of(pt, registry, roles)
                                                                for t, pt in types.items()}),
                                 file=editions_meta[year][1].file)
    current = editions[current_year]
    # Plans grouped by type: the current edition's types in their order, then types only older editions have.
    type_order = list(current.plan_types) + sorted(all_type_ids - set(current.plan_types))
    ordered_plans = {p.id: p for t in type_order for p in sorted(
        (p for p in plans.values() if p.plan_type == t), key=lambda p: (-p.year, p.id))}
    return Catalogue(root=root, levels=MappingProxyType(levels), editions=MappingProxyType(editions),
                     plan_types=current.plan_types,
                     plans=MappingProxyType(ordered_plans), documents=MappingProxyType(documents),
                     files=MappingProxyType(files), legal=MappingProxyType(registry), bulk=bulk,
                     roles=MappingProxyType(roles), ended_levels=tuple(ended_levels),
                     type_samples=current.type_samples,
                     citation_notes=MappingProxyType(citation_notes), warnings=tuple(sorted(warnings)))


# ---------------------------------------------------------------- once per build

_current: tuple[object, Catalogue] | None = None


def for_build(config) -> Catalogue:
    """The catalogue of this build: loaded by whichever hook asks first, then shared.

    MkDocs creates a new config object for every build (and every rebuild under
    `mkdocs serve`), so keying on it gives exactly one load per build. The
    object itself is kept (not its id) so a new config can never pass for the old.
    """
    global _current
    if _current is None or _current[0] is not config:
        _current = (config, load(pathlib.Path(config["config_file_path"]).parent / "data"))
    return _current[1]
