"""The draft checker: an official's own plan, as text lines, against the catalogue.

One rule set in two places. `compile_rules` turns the catalogue (legal registry, ended levels
and their bodies, the current edition's plan types, data/kiem-tra-ban-thao.yml) into one
JSON-able dict; the site writes it as `kiem-tra/quy-tac.json` for the page's script
(docs/assets/javascripts/draft-check.js), and `python -m macros lint` runs `check` on the same
dict. Both engines implement the same few kinds of rule over it, with the same messages:

- citations: document numbers found by pattern, looked up in the registry (unknown: ghi chú;
  amended without its amender cited: cảnh báo; replaced or no longer in force: lỗi);
- ended levels: names of bodies of a level that ended, in a plan dated after the end (lỗi);
- dated years: a year after a deadline word that is not the plan's year, a title whose year
  is not the place-date line's (cảnh báo);
- required elements: the form under Nghị định 30/2020/NĐ-CP (lỗi when missing), and the parts
  of the plan type the title names (cảnh báo when missing);
- a pattern reported wherever it occurs: personal phone numbers (cảnh báo).

The plan's year is that of the place-and-date line ("Vĩnh Thủy, ngày … tháng … năm 2026"),
else the first "năm NNNN" in the title (the line "KẾ HOẠCH" and the two after it); with day and
month filled the line also gives the date. Without a year the date rules are skipped and a
ghi chú says so. Every pattern is a regular expression Python and JavaScript read alike: no
\\w, \\b or named groups (schema/draft_check.py refuses them); text is NFC.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from . import legal, schema, text

ERROR, WARNING, NOTE = "lỗi", "cảnh báo", "ghi chú"
# A Vietnamese letter, for the edges of a body's name (JavaScript's \w is ASCII only).
LETTER = "A-Za-zÀ-ỹ"
GONE = "Hết hiệu lực toàn bộ"
PARTLY = ("Hết hiệu lực một phần", "Chưa có hiệu lực")

# Messages, with {fields} both engines fill in the same way.
MESSAGES = {
    "unknown": "văn bản số {number} không có trong danh mục căn cứ pháp lý của trang; "
    "kiểm tra số, ngày và tình trạng hiệu lực trên văn bản gốc",
    "replaced": "{designation} đã được thay thế bởi {others}; dẫn văn bản thay thế",
    "gone": "{designation}: tình trạng '{status}' (danh mục căn cứ pháp lý); không dẫn văn bản đã hết hiệu lực",
    "partly": "{designation}: tình trạng '{status}' (danh mục căn cứ pháp lý); kiểm tra phần được dẫn",
    "amended": "{designation} đã được sửa đổi, bổ sung bởi {others}; dẫn cả văn bản sửa đổi",
    "ended": "'{name}': cơ quan {label} đã kết thúc hoạt động từ ngày {ended}; kế hoạch năm {year} "
    "không giao việc cho cơ quan {label}",
    "deadline": "thời hạn '{text}' ghi năm {found}, khác năm của kế hoạch ({year}); kiểm tra năm của thời hạn",
    "title_year": "tên kế hoạch ghi năm {found}, khác năm ở dòng địa danh, ngày tháng ({year}); kiểm tra năm",
    "form": "thiếu {label} (thể thức văn bản theo Nghị định số 30/2020/NĐ-CP)",
    "part": "thiếu phần '{heading}' mà loại '{type}' cần",
    "no_type": "không nhận ra loại kế hoạch từ tên kế hoạch; chưa kiểm tra các phần bắt buộc",
    "no_year": "không xác định được năm của kế hoạch (dòng địa danh, ngày tháng hoặc tên kế hoạch); "
    "chưa kiểm tra năm của thời hạn và cơ quan cấp đã kết thúc",
    "phone": "có vẻ là số điện thoại cá nhân ({masked}); trước khi công bố, thay bằng số điện thoại cơ quan hoặc bỏ đi",
}


@dataclasses.dataclass(frozen=True)
class Finding:
    line: int  # from 1
    level: str  # lỗi, cảnh báo, ghi chú
    message: str

    def format(self, name: str) -> str:
        return f"{name}:{self.line}: {self.level}: {self.message}"


def number_key(number: str) -> str:
    """The registry key of a document number: no spaces, upper case, Đ as D ('nd-cp' = 'NĐ-CP')."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", number)).upper().replace("Đ", "D")


def _escape(phrase: str) -> str:
    # re.escape also escapes spaces, which JavaScript's 'u' mode refuses.
    return re.sub(r"([.*+?^${}()|\[\]\\/])", r"\\\1", phrase)


def _year(doc: schema.LegalDocument) -> int | None:
    return legal.year_of(doc)


def _documents(registry) -> dict:
    out = {}
    for doc in registry.values():
        if not doc.number:
            continue
        out[number_key(doc.number)] = info = {
            "designation": legal.designation(doc),
            "status": doc.status.value if doc.status and doc.status.value else None,
            "amended_by": [
                {
                    # the amender's number and its variants: a draft may cite it either way
                    "keys": [number_key(n) for n in legal.numbers(a)],
                    "designation": legal.designation(a),
                    "year": _year(a),
                }
                for a in legal.acting_on(doc.id, "amends", registry)
            ],
            "replaced_by": [
                {"designation": legal.designation(r), "year": _year(r)}
                for r in legal.acting_on(doc.id, "replaces", registry)
            ],
        }
        for variant in doc.number_variants:  # the same document, as some plan writes its number
            out.setdefault(number_key(variant.number), info)
    return out


def _ended(cat, rules: schema.DraftRules) -> list[dict]:
    out = []
    for level in cat.ended_levels:
        extra = [e for e in rules.ended_level_names if e.level == level.level]
        names = {n for e in extra for n in e.names}
        for role in cat.roles.values():
            if role.level == level.level:
                names.update([role.name, *role.names])
        if not names:
            continue
        label = extra[0].label if extra else f"cấp {level.level}"
        alternatives = "|".join(_escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
        out.append(
            {
                "label": label,
                "ended": level.ended.isoformat(),
                "ended_text": legal.short_date(level.ended),
                "pattern": f"(?<![{LETTER}])(?:{alternatives})(?![{LETTER}])",
            }
        )
    return out


def _plan_types(cat, rules: schema.DraftRules) -> list[dict]:
    out = []
    for match in rules.plan_types:
        pt = cat.current.plan_types.get(match.id)
        if pt is None:
            continue
        parts = [{"heading": s.heading, "names": [s.heading, *match.parts.get(s.id, [])]} for s in pt.sections]
        out.append({"id": pt.id, "name": pt.name, "match": match.match, "parts": parts})
    return out


def compile_rules(cat) -> dict:
    """The one rule set both engines read (kiem-tra/quy-tac.json on the site)."""
    rules: schema.DraftRules = cat.draft_rules
    return {
        "version": 1,
        "strip": rules.strip,
        "place_date": rules.place_date,
        "title_year": rules.title_year.model_dump(),
        "citations": rules.citations,
        "documents": _documents(cat.legal),
        "ended": _ended(cat, rules),
        "deadline": rules.deadline,
        "phone": text.PHONE_PATTERN,
        "form": [f.model_dump() for f in rules.form],
        "heading": rules.heading,
        "plan_types": _plan_types(cat, rules),
        "messages": MESSAGES,
    }


# ---------------------------------------------------------------- the engine


def _rx(pattern: str, case_sensitive: bool = False) -> re.Pattern:
    return re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)


def _say(rules: dict, key: str, **fields) -> str:
    return rules["messages"][key].format(**fields)


def clean_lines(raw: list[str], rules: dict) -> list[str]:
    """NFC, without the Markdown of drafts pasted from elsewhere; one entry per input line."""
    out = []
    for line in raw:
        line = unicodedata.normalize("NFC", line)
        for pattern in rules["strip"]:
            line = re.sub(pattern, "", line)
        out.append(line.strip())
    return out


def _window(lines: list[str], after: str | None, within: int | None) -> list[int]:
    """Indexes of the lines to search: all; or those after the first line matching `after`; or that
    line and the `within` non-empty lines after it (a title may be on the line of KẾ HOẠCH or below)."""
    if not after:
        return list(range(len(lines)))
    rx = _rx(after, case_sensitive=True)
    start = next((i for i, line in enumerate(lines) if rx.search(line)), None)
    if start is None:
        return []
    if within is None:
        return list(range(start + 1, len(lines)))
    return [start, *[i for i in range(start + 1, len(lines)) if lines[i]][:within]]


def _is_upper(line: str) -> bool:
    return line == line.upper() and line != line.lower()


def _title_range(lines: list[str], rules: dict) -> list[int]:
    ty = rules["title_year"]
    return _window(lines, ty["after"], ty["within"])


def plan_when(lines: list[str], rules: dict) -> tuple[int | None, tuple[int, int, int] | None, int | None]:
    """(year, (year, month, day) when the place-date line has them, index of the place-date line)."""
    rx = _rx(rules["place_date"])
    for i, line in enumerate(lines):
        m = rx.search(line)
        if m:
            year = int(m.group(3))
            day, month = m.group(1), m.group(2)
            return year, ((year, int(month), int(day)) if day and month else None), i
    rx = _rx(rules["title_year"]["pattern"])
    for i in _title_range(lines, rules):
        m = rx.search(lines[i])
        if m:
            return int(m.group(1)), None, None
    return None, None, None


def _title_year(lines: list[str], rules: dict, year: int, place_line: int | None) -> list[Finding]:
    """The title's year against the place-date line's: a title copied from last year's plan."""
    if place_line is None:
        return []
    rx = _rx(rules["title_year"]["pattern"])
    for i in _title_range(lines, rules):
        m = rx.search(lines[i])
        if m:
            found = int(m.group(1))
            return [] if found == year else [Finding(i + 1, WARNING, _say(rules, "title_year", found=found, year=year))]
    return []


def _citations(lines: list[str], rules: dict, year: int | None) -> list[Finding]:
    found: dict[str, tuple[int, str]] = {}
    for i, line in enumerate(lines):
        seen = set()
        for pattern in rules["citations"]:
            for m in _rx(pattern).finditer(line):
                if m.start(1) in seen:
                    continue
                seen.add(m.start(1))
                found.setdefault(number_key(m.group(1)), (i, m.group(1)))
    out = []
    for key, (i, number) in sorted(found.items(), key=lambda kv: kv[1][0]):
        doc = rules["documents"].get(key)
        if doc is None:
            out.append(Finding(i + 1, NOTE, _say(rules, "unknown", number=number)))
            continue
        name = doc["designation"]
        replaced = [r for r in doc["replaced_by"] if year is None or (r["year"] is not None and r["year"] < year)]
        if replaced:
            others = "; ".join(r["designation"] for r in replaced)
            out.append(Finding(i + 1, ERROR, _say(rules, "replaced", designation=name, others=others)))
        elif doc["status"] == GONE:
            out.append(Finding(i + 1, ERROR, _say(rules, "gone", designation=name, status=doc["status"])))
        else:
            if doc["status"] in PARTLY:
                out.append(Finding(i + 1, WARNING, _say(rules, "partly", designation=name, status=doc["status"])))
            amenders = [
                a
                for a in doc["amended_by"]
                if (year is None or a["year"] is None or a["year"] <= year) and not any(k in found for k in a["keys"])
            ]
            if amenders:
                others = "; ".join(a["designation"] for a in amenders)
                out.append(Finding(i + 1, WARNING, _say(rules, "amended", designation=name, others=others)))
    return out


def _after_end(ended: str, year: int, date: tuple[int, int, int] | None) -> bool:
    end = tuple(int(p) for p in ended.split("-"))
    return year > end[0] or (date is not None and date >= end)


def _dated(lines: list[str], rules: dict, year: int, date, place_line: int | None) -> list[Finding]:
    out = []
    for level in rules["ended"]:
        if not _after_end(level["ended"], year, date):
            continue
        rx = _rx(level["pattern"])
        for i, line in enumerate(lines):
            for m in rx.finditer(line):
                fields = dict(name=m.group(0), label=level["label"], ended=level["ended_text"], year=year)
                out.append(Finding(i + 1, ERROR, _say(rules, "ended", **fields)))
    rx = _rx(rules["deadline"])
    for i, line in enumerate(lines):
        if i == place_line:
            continue
        for m in rx.finditer(line):
            if int(m.group(1)) != year:
                text = m.group(0)
                out.append(Finding(i + 1, WARNING, _say(rules, "deadline", text=text, found=m.group(1), year=year)))
    return out


def _form(lines: list[str], rules: dict) -> list[Finding]:
    out = []
    last = max((i for i, line in enumerate(lines) if line), default=0)
    for element in rules["form"]:
        rx = _rx(element["pattern"], element["case_sensitive"])
        window = _window(lines, element["after"], element["within"])
        if not any(rx.search(lines[i]) and (_is_upper(lines[i]) or not element["uppercase"]) for i in window):
            line = 1 if element["where"] == "start" else last + 1
            out.append(Finding(line, ERROR, _say(rules, "form", label=element["label"])))
    return out


def _parts(lines: list[str], rules: dict) -> list[Finding]:
    titles = _title_range(lines, rules)
    if not titles:
        return []  # the missing title is a form finding already
    title = " ".join(lines[i] for i in titles).lower()
    plan_type = next((t for t in rules["plan_types"] if any(m.lower() in title for m in t["match"])), None)
    if plan_type is None:
        return [Finding(titles[0] + 1, NOTE, _say(rules, "no_type"))]
    rx = _rx(rules["heading"])
    headings = [m.group(1).lower() for m in (rx.search(line) for line in lines) if m]
    return [
        Finding(titles[0] + 1, WARNING, _say(rules, "part", heading=part["heading"], type=plan_type["name"]))
        for part in plan_type["parts"]
        if not any(name.lower() in h for h in headings for name in part["names"])
    ]


def _phones(lines: list[str], rules: dict) -> list[Finding]:
    rx = _rx(rules["phone"])
    return [
        Finding(i + 1, WARNING, _say(rules, "phone", masked=m.group(0).strip()[:4] + "…"))
        for i, line in enumerate(lines)
        for m in rx.finditer(unicodedata.normalize("NFKC", line))  # the pattern is for NFKC text (text.PHONE)
    ]


def check(raw_lines: list[str], rules: dict) -> list[Finding]:
    """Every finding of one draft, by line (a finding about the whole draft is on its first or last line)."""
    lines = clean_lines(raw_lines, rules)
    year, date, place_line = plan_when(lines, rules)
    found = _form(lines, rules) + _parts(lines, rules) + _citations(lines, rules, year)
    if year is None:
        found.append(Finding(1, NOTE, _say(rules, "no_year")))
    else:
        found += _title_year(lines, rules, year, place_line) + _dated(lines, rules, year, date, place_line)
    found += _phones(lines, rules)
    return sorted(found, key=lambda f: f.line)
