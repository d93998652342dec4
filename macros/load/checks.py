"""Checks shared by every kind of data file: text (phone numbers, fill-ins, citations),
role ids and ended levels, deadlines, a plan's own settings against its type.

Each check reports through a Problems collector at the line the value was written on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from ..model import document, legal, resolve, schema, text
from .context import LoadContext
from .problems import DataProblem, Problems, did_you_mean, field_path
from .raw import loc_of, scalars, strings, subtree, walk_dicts
from .yaml_source import Source

# Anything that looks like an attempt at a citation: '{cite', '{ cite', '{CITE'.
CITE_ATTEMPT = re.compile(r"\{\s*cite\b", re.IGNORECASE)
RELATION_KEYS = ("lead", "support", "carry_out", "request")


def phone_in(value: object) -> str | None:
    """The phone number written in a value (a string, or a number YAML read as one), if any:
    a personal phone number must never enter data/ (text.PHONE)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return text.phone_in(str(value))


def check_every_file(ctx: LoadContext) -> None:
    """What no value of any file may hold, whatever its kind: characters that cannot be seen
    (written as YAML escapes such as "\\x07"), personal phone numbers, malformed citations."""
    for sources in ctx.sources.values():
        for src in sources:
            for loc, value in scalars(src.data):
                _check_value(ctx.problems, src, loc, value)


def _check_value(problems: Problems, src: Source, loc: tuple, value: object) -> None:
    if isinstance(value, str):
        bad = text.FORBIDDEN_CHARACTERS.search(value)
        if bad:
            problems.add(src, loc, text.forbidden_character_message(bad.group()))
        attempts = len(CITE_ATTEMPT.findall(value))
        if attempts > len(legal.CITE.findall(value)):
            problems.add(
                src,
                loc,
                "trích dẫn viết sai dạng: cần {cite:<mã văn bản>} hoặc "
                "{cite:<mã văn bản>:<các phần>}, liền nhau, có dấu } đóng (ví dụ {cite:nd-62-2023})",
            )
    phone = phone_in(value)
    if phone:
        problems.add(
            src, loc, f"có vẻ là số điện thoại cá nhân ({phone}); thay bằng chỗ trống, ví dụ '[số điện thoại]'"
        )


def check_text(
    src: Source, problems: Problems, allowed: set[str] | None, registry: Mapping[str, schema.LegalDocument] | None
) -> None:
    """Unknown fill-ins, and citations (registry None: it has errors of its own)."""
    for loc, value in strings(src.data):
        for message in legal.check_citations(value, registry) if registry is not None else ():
            problems.add(src, loc, message)
        if allowed is not None:
            for name in resolve.placeholders_in(value):
                if name not in allowed:
                    problems.add(
                        src,
                        loc,
                        f"chỗ điền '{{{name}}}' không tồn tại{did_you_mean(name, allowed)}; "
                        f"các chỗ điền: {', '.join('{' + a + '}' for a in sorted(allowed))}",
                    )


def _ids(value: object) -> list[tuple[int, str]]:
    """(index, id) of the strings of a list in raw data; anything else is the schema's to report."""
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)] if isinstance(value, list) else []


def _well_formed(assign: dict) -> bool:
    return all(
        isinstance(v, list) and all(isinstance(r, str) for r in v) for v in (assign.get(k) or [] for k in RELATION_KEYS)
    )


def check_roles(src: Source, problems: Problems, warnings: Problems, roles: Mapping[str, schema.Role]) -> None:
    """Role ids in 'assign' and deadlines' 'by'; 'Đơn vị thực hiện' wording against 'assign'; tasks with no lead.
    Walks raw data (its paths give lines), so only well-formed lists of ids are looked at."""

    def known(loc, role_id):
        if role_id not in roles:
            problems.add(src, loc, f"vai trò '{role_id}' không có trong data/roles.yml{did_you_mean(role_id, roles)}")
            return False
        return True

    for loc, node in walk_dicts(src.data):
        assign = node.get("assign")
        if isinstance(assign, dict):
            ok = _well_formed(assign)
            for rel in RELATION_KEYS:
                for i, role_id in _ids(assign.get(rel)):
                    ok &= known(loc + ("assign", rel, i), role_id)
            executor = node.get("executor")
            if ok and isinstance(executor, str):
                for rel in RELATION_KEYS:
                    for role_id in assign.get(rel) or []:
                        role = roles[role_id]
                        if not any(n.casefold() in executor.casefold() for n in (role.name, *role.names)):
                            problems.add(
                                src,
                                loc + ("executor",),
                                f"dòng 'Đơn vị thực hiện' không nhắc tới '{role.name}' ({rel} trong assign); "
                                f"sửa câu, hoặc thêm cách gọi vào 'names' của vai trò '{role_id}' trong data/roles.yml",
                            )
            if ok and assign.get("support") and not any(assign.get(r) for r in ("lead", "carry_out", "request")):
                warnings.append(
                    DataProblem(
                        src.file,
                        src.line_of(loc + ("assign",)),
                        field_path(loc + ("assign",)),
                        "nhiệm vụ có đơn vị phối hợp nhưng chưa có đơn vị chủ trì",
                    )
                )
        if "kind" in node:
            for i, role_id in _ids(node.get("by")):
                known(loc + ("by", i), role_id)


def deadline_written(deadline: document.Deadline, doc: document.Document) -> bool:
    """The day of a deadline appears in the plan's text ('30/5', '01/5', '18/01', '30/5/2026')."""
    d = deadline.date
    pattern = re.compile(rf"(?<!\d)0?{d.day}/0?{d.month}(?!\d)")
    return any(pattern.search(t) for t in doc.texts())


def level_label(levels: Mapping[str, schema.Level], level_id: str) -> str:
    """'cấp huyện': a level's name as a sentence names it (without its note in brackets)."""
    level = levels.get(level_id)
    return level.name.split(" (")[0].lower() if level else f"cấp '{level_id}'"


def check_ended(
    src: Source,
    problems: Problems,
    year: int,
    date: schema.IssueDate | None,
    roles: Mapping[str, schema.Role],
    ended: list[schema.EndedLevel],
    levels: Mapping[str, schema.Level],
) -> None:
    """Tasks given to a body of a level that had ended (district level, from 2026 on)."""
    for level in ended:
        after = year > level.ended.year or (
            date is not None and date.day and dt.date(date.year, date.month, date.day) >= level.ended
        )
        if not after:
            continue
        gone = {r.id: r for r in roles.values() if r.level == level.level}
        label = level_label(levels, level.level)
        for loc, node in walk_dicts(src.data):
            assign = node.get("assign") if isinstance(node.get("assign"), dict) else {}
            found = [
                (loc + ("assign", rel, i), r) for rel in RELATION_KEYS for i, r in _ids(assign.get(rel)) if r in gone
            ]
            if "kind" in node:
                found += [(loc + ("by", i), r) for i, r in _ids(node.get("by")) if r in gone]
            for where, role_id in found:
                problems.add(
                    src,
                    where,
                    f"'{gone[role_id].name}' là cơ quan {label}, không còn từ ngày "
                    f"{level.ended:%d/%m/%Y}; năm {year} không giao việc cho cơ quan {label} "
                    f"(giao cho cơ quan cấp xã hoặc cấp tỉnh)",
                )


def deadline_problems(d: document.Deadline, doc: document.Document, plan: schema.Plan, named: str) -> list[str]:
    """A deadline must be written in the plan, fall in the plan's year and not before its date.
    named: the plan as messages name it ("kế hoạch 'x'"; a unit list's drafts by their list, so
    that a problem of the list's shared settings reads the same for every unit, and shows once)."""
    if d.date is None:
        return []
    out = []
    if not deadline_written(d, doc):
        out.append(
            f"hạn {d.date.day}/{d.date.month} không có trong văn bản {named}; ghi hạn trong câu văn (ví dụ 'trước ngày {d.date.day}/{d.date.month}')"
        )
    if d.date.year != plan.year:
        out.append(f"hạn {d.date:%d/%m/%Y} ngoài năm của kế hoạch ({plan.year}); cần một ngày trong năm {plan.year}")
    elif plan.date and plan.date.month and not d.every_year:
        issued = dt.date(plan.date.year, plan.date.month, plan.date.day or 1)
        if d.date < issued:
            out.append(
                f"hạn {d.date:%d/%m/%Y} trước ngày ban hành kế hoạch ({issued:%d/%m/%Y}"
                f"{'' if plan.date.day else ', đầu tháng ban hành'}); kiểm tra lại ngày hoặc năm"
            )
    return out


def check_against_type(
    problems: Problems,
    src: Source,
    loc: tuple,
    settings: schema.Plan | schema.UnitPlanSettings,
    pt: schema.PlanType,
    placeholders: bool = False,
    more_parts: Sequence[str] = (),
) -> None:
    """A plan's own sections, fill-ins and contact (or a unit list's settings for one type) against
    its plan type, at loc in the file. placeholders: also check the fill-ins written under loc
    (a plan file has them checked with its whole text, see check_text). more_parts: parts of
    the plan's own that settings may fill without listing them (a unit's, from its list's `parts`)."""
    known = {s.id for s in pt.sections}
    parts = getattr(settings, "parts", None)
    for key in settings.sections:
        if key not in known and key not in (parts or ()) and key not in more_parts:
            problems.add(
                src,
                loc + ("sections", key),
                f"phần '{key}' không có trong loại kế hoạch '{pt.id}'"
                f"{did_you_mean(key, known)}; các phần: {', '.join(s.id for s in pt.sections)}"
                f"; một phần riêng của kế hoạch cần có mã trong danh sách 'parts'",
            )
    _check_parts(problems, src, loc, parts, settings.sections, pt)
    fields = {f.id for f in pt.fields}
    for key in settings.fill:
        if key not in fields:
            problems.add(
                src,
                loc + ("fill", key),
                f"chỗ điền '{key}' không có trong loại kế hoạch '{pt.id}'"
                f"{did_you_mean(key, fields)}; có: {', '.join(sorted(fields)) or '(không có)'}",
            )
    closing = settings.closing if "closing" in settings.model_fields_set else pt.defaults.closing
    if settings.contact and "{contact}" not in (closing or ""):
        problems.add(src, loc + ("contact",), "có 'contact' nhưng đoạn kết không có chỗ điền {contact} để in")
    if placeholders:
        allowed = set(resolve.field_labels(pt))
        for sub, value in strings(subtree(src.data, loc)):
            for name in resolve.placeholders_in(value):
                if name not in allowed:
                    problems.add(
                        src,
                        loc + sub,
                        f"chỗ điền '{{{name}}}' không tồn tại trong loại kế hoạch '{pt.id}'"
                        f"{did_you_mean(name, allowed)}; các chỗ điền: "
                        f"{', '.join('{' + a + '}' for a in sorted(allowed))}",
                    )


def symbol_warning(warnings: Problems, src: Source, loc: tuple, symbol: str | None) -> None:
    """A symbol is printed as written; one that departs from the decree's convention is warned, quoting it."""
    departs = text.symbol_departures(symbol) if symbol else []
    if departs:
        warnings.add(
            src,
            loc + ("symbol",),
            f"ký hiệu '{symbol}' {', '.join(departs)}: khác quy ước của {text.SYMBOL_RULE} "
            f"({text.SYMBOL_SOURCE}); vẫn in như bản gốc ghi, hãy kiểm tra lại với bản gốc",
        )


def form_warnings(warnings: Problems, src: Source, loc: tuple, plan: schema.Plan) -> None:
    """Parts of the form a plan may leave out where its original has none (printed as written)."""

    def warn(at: tuple, message: str) -> None:
        warnings.append(DataProblem(src.file, src.line_of(loc + at), field_path(loc + at), message))

    if "recipients" in plan.model_fields_set and not plan.recipients:
        warn(
            ("recipients",),
            "kế hoạch không có 'Nơi nhận' (in không có phần này); đúng khi bản gốc không ghi, "
            "nếu không hãy chép các dòng nơi nhận của bản gốc",
        )
    symbol_warning(warnings, src, loc, plan.symbol)
    if plan.signature.title is None:
        warn(
            ("signature",),
            "chữ ký không có chức vụ người ký (signature.title); đúng khi bản gốc không ghi, "
            "nếu không hãy chép chức vụ, ví dụ 'CHỦ TỊCH'",
        )


def _check_parts(
    problems: Problems, src: Source, loc: tuple, parts: list[str] | None, sections: Mapping, pt: schema.PlanType
) -> None:
    """'parts': each id once, each a part of the type or one the plan defines in 'sections'."""
    known = [s.id for s in pt.sections]
    seen: set[str] = set()
    for i, pid in enumerate(parts or ()):
        if pid in seen:
            problems.add(src, loc + ("parts", i), f"phần '{pid}' ghi hai lần trong 'parts'")
        seen.add(pid)
        if pid not in known and pid not in sections:
            problems.add(
                src,
                loc + ("parts", i),
                f"phần '{pid}' không có trong loại kế hoạch '{pt.id}'{did_you_mean(pid, known)} "
                f"và kế hoạch không ghi sections.{pid} (cần 'heading' và 'content'); "
                f"các phần của loại kế hoạch: {', '.join(known)}",
            )


def citation_problem(
    doc_id: str, message: str, places: list[tuple[Source, tuple]], fallback: Source, label: str
) -> DataProblem:
    """A citation problem where the citation is written: the first of places (source, base path)
    whose text cites doc_id, else in the plan type (fallback), its field followed by label."""
    needle = f"{{cite:{doc_id}"
    for src, base in places:
        found = loc_of(src.data, needle, base)
        if found is not None:
            return DataProblem(src.file, src.line_of(found), field_path(found), message)
    found = loc_of(fallback.data, needle) or ()
    return DataProblem(fallback.file, fallback.line_of(found), f"{field_path(found)} ({label})", message)
