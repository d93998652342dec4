"""Start next year's edition from the current one: python -m macros new-edition <year> [--force].

What rolls over: the plan types' wording, copied file by file (comments and layout
kept), with the old year moved to the new one in titles and deadline dates; the
notes for drafters. What does not: priorities (each year has its own, with a
source), the publication date (set when the edition is published), the sample
plans (published documents of their year; they stay as they are).

Nothing is written unless the whole new edition passes every check of a build,
and an existing edition is never overwritten without --force. The current
edition is only read. Then a review list names everything a maintainer must
check by hand, each with file:line where there is one.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import pathlib
import re
import shutil
import tempfile

from . import catalogue, legal, schema, yaml_source
from .errors import DataErrors, field_path

YEAR = re.compile(r"(?<![\d/])(?:19|20)\d\d(?![\d/])")
# 30/5, 01/5/2026, 19/8/2005: a day written in a plan.
DAY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")
LONG_DAY = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
# (19/8/2005 - 19/8/{year}) or (19/8/2005 - 19/8/2026): an anniversary counted to this year.
ANNIVERSARY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\s*[-–]\s*\d{1,2}/\d{1,2}/(\{year\}|\d{4})")
YEARS_COUNT = re.compile(r"(?<!\d)(\d{1,3}) năm\b")


class RolloverError(Exception):
    """The new edition cannot be started; the message says why and what to do."""


@dataclasses.dataclass
class Review:
    """The review list: (heading, [lines]) in the order a maintainer works through them."""
    moved: list[str] = dataclasses.field(default_factory=list)
    groups: dict[str, list[str]] = dataclasses.field(default_factory=dict)

    def add(self, heading: str, line: str) -> None:
        self.groups.setdefault(heading, []).append(line)

    def count(self) -> int:
        return sum(len(v) for v in self.groups.values())

    def __str__(self) -> str:
        out = []
        if self.moved:
            out += ["Đã chuyển năm:", *(f"  {m}" for m in self.moved), ""]
        else:
            out += ["Đã chuyển năm: không có năm nào viết sẵn trong trích yếu và thời hạn "
                    "(chỗ điền {year} tự thành năm mới).", ""]
        out.append(f"Cần kiểm tra bằng tay ({self.count()} mục):")
        for n, (heading, lines) in enumerate(self.groups.items(), start=1):
            out += ["", f"{n}. {heading}", *(f"  - {line}" for line in lines)]
        return "\n".join(out) + "\n"


OLD_DATES = "Ngày, năm còn ở năm cũ trong câu chữ của ấn bản mới"
SAMPLE_PLANS = "Kế hoạch mẫu: các mốc ngày (kế hoạch giữ nguyên như đã ban hành, không chuyển năm)"
LEGAL = "Văn bản căn cứ: sửa đổi, thay thế, trạng thái hiệu lực, văn bản ban hành hằng năm"
ENDED = "Cơ quan không còn (cấp đã kết thúc hoạt động)"
ANNIVERSARIES = "Ngày kỷ niệm cần tính lại"
EDITION = "Việc còn lại của ấn bản mới"


def new_edition(data_dir: pathlib.Path, year: int, force: bool = False, today: dt.date | None = None) -> Review:
    """Write data/editions/<year>/ from the current edition and return the review list."""
    target = data_dir / "editions" / str(year)
    if target.exists() and not force:
        raise RolloverError(f"đã có {target.relative_to(data_dir.parent)}; không ghi đè. "
                            "Xóa thư mục đó, hoặc chạy lại với --force (make edition YEAR=… FORCE=1) để ghi đè")
    review = Review()
    with tempfile.TemporaryDirectory() as tmp:
        # Work in a copy of data/ (without the edition being redone, under --force) and check it
        # there: data/ is touched only when the whole new edition loads cleanly.
        trial = pathlib.Path(tmp) / data_dir.name
        shutil.copytree(data_dir, trial, ignore=shutil.ignore_patterns(".*"))
        staged = trial / "editions" / str(year)
        if staged.exists():
            shutil.rmtree(staged)
        cat = catalogue.load(trial)     # DataErrors: the data must be clean first
        if year <= cat.current.year:
            raise RolloverError(f"năm {year} không sau ấn bản hiện hành (năm {cat.current.year}); "
                                f"ấn bản mới phải là năm {cat.current.year + 1} hoặc sau")
        current = cat.current
        source_dir = trial / "editions" / str(current.year)
        (staged / "plan-types").mkdir(parents=True)
        for path in sorted((source_dir / "plan-types").glob("*.yml")):
            out = staged / "plan-types" / path.name
            out.write_text(_moved(path, trial.parent, current.year, year, review,
                                  f"{data_dir.name}/editions/{year}/plan-types/{path.name}"), encoding="utf-8")
        (staged / "edition.yml").write_text(_edition_yaml(current, year, today or dt.date.today()), encoding="utf-8")
        try:
            new_cat = catalogue.load(trial)
        except DataErrors as exc:
            raise RolloverError("ấn bản mới chưa qua được kiểm tra dữ liệu, chưa ghi gì vào data/:\n"
                                + str(exc).replace(str(trial.parent) + "/", "")) from None
        _review(cat, current, new_cat, year, trial, data_dir.name, review)
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(staged, target)
    return review


# ---------------------------------------------------------------- what rolls over

def _moved(path: pathlib.Path, root: pathlib.Path, old: int, new: int, review: Review, shown: str) -> str:
    """The file's text with the old year moved to the new one in titles and deadline dates,
    changed line by line so comments and layout stay as the maintainer wrote them."""
    src, _ = yaml_source.read(path, root)
    lines = path.read_text(encoding="utf-8").split("\n")
    starts = sorted(set(src.lines.values()) | set(src.key_lines.values()))
    for loc, value in catalogue._strings(src.data, dates=True):
        key = loc[-1] if loc else None
        is_title = key == "title" and "deadlines" not in loc
        is_deadline = key == "date" and "deadlines" in loc
        if not (is_title or is_deadline) or str(old) not in value:
            continue
        year = re.compile(rf"(?<!\d){old}(?!\d)")
        first = src.lines[loc]
        last = next((n for n in starts if n > first), len(lines) + 1)
        for n in range(first, last):
            lines[n - 1] = year.sub(str(new), lines[n - 1])
        review.moved.append(f"{shown}:{first}: {field_path(loc)}: {value} → {year.sub(str(new), value)}")
    return "\n".join(lines)


def _edition_yaml(current: catalogue.Edition, year: int, today: dt.date) -> str:
    def q(value: str) -> str:      # a YAML double-quoted scalar
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    notes = "".join(f"  - {q(n)}\n" for n in current.meta.notes)
    return (
        f"# yaml-language-server: $schema=../../../docs/schema/edition.schema.json\n"
        f"# Ấn bản năm {year}, lập ngày {today:%d/%m/%Y} từ ấn bản năm {current.year} bằng lệnh tạo ấn bản mới.\n"
        f"# Trước khi công bố: ghi trọng tâm của năm (có nguồn), xem lại lưu ý, ghi các thay đổi, điền ngày công bố.\n"
        f"year: {year}\n"
        f"# Để trống cho tới khi công bố (trang ghi 'Dự thảo, chưa công bố').\n"
        f"published:\n"
        f"# Trọng tâm năm {year}: mỗi mục có text và nguồn (plan: mã kế hoạch, hoặc url: trang công khai).\n"
        f"priorities: []\n"
        f"# Chép từ ấn bản năm {current.year}: xem lại từng dòng.\n"
        f"notes:{'' if notes else ' []'}\n{notes}"
        f"changes:\n"
        f"  - date: {today.isoformat()}\n"
        f"    kind: lon\n"
        f"    text: {q(f'Bắt đầu ấn bản năm {year} từ ấn bản năm {current.year}: chuyển năm trong trích yếu và thời hạn sang năm {year}.')}\n"
    )


# ---------------------------------------------------------------- the review list

def _review(cat: catalogue.Catalogue, old: catalogue.Edition, new_cat: catalogue.Catalogue, year: int,
            trial: pathlib.Path, data_name: str, review: Review) -> None:
    old_year = old.year
    edition = new_cat.editions[year]
    type_srcs = {}
    for pt_id in edition.plan_types:
        path = trial / "editions" / str(year) / "plan-types" / f"{pt_id}.yml"
        type_srcs[pt_id], _ = yaml_source.read(path, trial.parent)

    # 1. Dates and years that stayed in the old wording.
    for pt_id, src in type_srcs.items():
        for loc, value in catalogue._strings(src.data, dates=True):
            where = f"{src.file}:{src.line_of(loc)}: {field_path(loc)}"
            # A citation's id ({cite:tt-124-2021-bca}) is not a date in the wording.
            years = sorted(set(YEAR.findall(re.sub(r"\{cite:[^}]*\}", "", value))))
            if years:
                review.add(OLD_DATES, f"{where}: năm {', '.join(years)} trong \"{_excerpt(value, years[0])}\"")
            for m in DAY.finditer(value):
                if m[3] is None:
                    review.add(OLD_DATES, f"{where}: ngày {m[0]} (không ghi năm) trong \"{_excerpt(value, m[0])}\": "
                                          f"còn đúng cho năm {year}?")
            if loc[-1:] == ("date",) and "deadlines" in loc and re.fullmatch(r"\d\d-\d\d", value):
                review.add(OLD_DATES, f"{where}: hạn {value[3:]}/{value[:2]} hằng năm: còn đúng cho năm {year}?")

    # 2. Every dated item of the sample plans: they keep their year.
    for plan in cat.plans.values():
        file = cat.files[f"plan:{plan.id}"]
        src, _ = yaml_source.read(cat.root / file, cat.root)
        doc = cat.documents[plan.id]
        label = f"{file}: kế hoạch '{plan.id}' ({plan.year})"
        if plan.date:
            d = plan.date
            shown = f"{d.day:02d}/{d.month:02d}/{d.year}" if d.day else f"tháng {d.month:02d}/{d.year}"
            review.add(SAMPLE_PLANS, f"{file}:{src.line_of(('date',))}: kế hoạch '{plan.id}': ngày ban hành {shown}")
        for i, d in enumerate(doc.deadlines):
            if d.date:
                line = src.line_of(("deadlines", i, "date")) if "deadlines" in src.data else None
                review.add(SAMPLE_PLANS, f"{file}{':' + str(line) if line else ''}: kế hoạch '{plan.id}': "
                                         f"hạn {d.date:%d/%m/%Y} — {d.title}"
                                         f"{' (hằng năm)' if d.every_year else ''}")
        seen = set()
        for t in doc.texts():
            for m in [*DAY.finditer(t), *LONG_DAY.finditer(t)]:
                if m[0] not in seen:
                    seen.add(m[0])
                    day = m[0] if m[0].startswith("ngày") else f"ngày {m[0]}"
                    review.add(SAMPLE_PLANS, f"{label}: {day} trong \"{_excerpt(t, m[0])}\"")
        if not plan.date and not seen and not any(d.date for d in doc.deadlines):
            review.add(SAMPLE_PLANS, f"{label}: không có mốc ngày nào (ngày ban hành để trống)")

    # 3. Legal bases: amended or replaced since, statuses to look at again, documents issued every year.
    cited = {d for s in edition.type_samples.values() for d in s.cited}
    cited |= {d.id for d in new_cat.legal.values() if set(d.plan_types) & set(edition.plan_types)}
    since = dt.date(old_year, 1, 1)
    for doc_id in sorted(cited):
        doc = new_cat.legal[doc_id]
        where = f"{new_cat.files['legal:' + doc_id]}: {legal.designation(doc)}"
        for r in legal.relations_of(doc, new_cat.legal):
            if r.incoming and r.type in ("amends", "replaces"):
                when = r.other.date
                if when is None or when >= since:
                    review.add(LEGAL, f"{where}: {r.words.lower()} {legal.designation(r.other)}"
                                      f" ({'ngày ' + legal.short_date(when) if when else 'chưa rõ ngày'}): "
                                      f"kiểm tra câu chữ dẫn văn bản này")
        if doc.status:
            review.add(LEGAL, f"{where}: trạng thái '{doc.status.value}' xem ngày {legal.short_date(doc.status.as_of)} "
                              f"({doc.status.source}): xem lại")
        else:
            review.add(LEGAL, f"{where}: trạng thái hiệu lực chưa xác minh")
    for pt_id, pt in edition.plan_types.items():
        src = type_srcs[pt_id]
        for i, item in enumerate(pt.legal_bases_to_fill):
            review.add(LEGAL, f"{src.file}:{src.line_of(('legal_bases_to_fill', i))}: căn cứ đơn vị tự điền, "
                              f"có thể ban hành lại năm {year}: \"{item}\"")

    # 4. Bodies of a level that has ended.
    for level in new_cat.ended_levels:
        gone = [r for r in new_cat.roles.values() if r.level == level.level]
        label = schema.ROLE_LEVELS[level.level].split(" (")[0].lower()
        for r in gone:
            review.add(ENDED, f"data/roles.yml: vai trò '{r.id}' ({r.name}) là cơ quan {label}, không còn từ "
                              f"{legal.short_date(level.ended)}: không giao việc trong kế hoạch năm {year}")
        for pt_id, src in type_srcs.items():
            for loc, value in catalogue._strings(src.data, dates=True):
                for name in [n for r in gone for n in (r.name, *r.names)] + [label.removeprefix("cấp ")]:
                    if name.casefold() in value.casefold():
                        review.add(ENDED, f"{src.file}:{src.line_of(loc)}: {field_path(loc)}: nhắc \"{name}\" "
                                          f"trong \"{_excerpt(value, name)}\"")
                        break

    # 5. Anniversaries: count again for the new year.
    texts = [(f"{src.file}:{src.line_of(loc)}", v) for src in type_srcs.values() for loc, v in catalogue._strings(src.data, dates=True)]
    texts += [(f"{old.file}: priorities", p.text) for p in old.meta.priorities]
    texts += [(f"{edition.file}: notes", n) for n in edition.meta.notes]
    for plan in cat.plans.values():
        if plan.year == old_year:
            texts += [(f"{cat.files['plan:' + plan.id]}: fill.{k}", v) for k, v in plan.fill.items()]
    starts = {}
    for where, value in texts:
        for m in ANNIVERSARY.finditer(value):
            starts[m[0]] = int(m[3])
            review.add(ANNIVERSARIES, f"{where}: \"{m[0]}\" — năm {year} là {year - int(m[3])} năm "
                                      f"(năm {old_year} là {old_year - int(m[3])} năm)")
    counts = {old_year - s for s in starts.values()}
    for where, value in texts:
        for m in YEARS_COUNT.finditer(value):
            if int(m[1]) in counts:
                review.add(ANNIVERSARIES, f"{where}: \"{_excerpt(value, m[0])}\" — {m[0]} là số năm của {old_year}; "
                                          f"năm {year} là {int(m[1]) + year - old_year} năm")
    for pt_id, pt in edition.plan_types.items():
        for f in pt.fields:
            if "năm" in f.label and "kỷ niệm" in f.label:
                src = type_srcs[pt_id]
                i = [x.id for x in pt.fields].index(f.id)
                review.add(ANNIVERSARIES, f"{src.file}:{src.line_of(('fields', i))}: chỗ điền {{{f.id}}} ({f.label}): "
                                          f"kế hoạch năm {year} ghi số năm mới")

    # Unit lists make drafts for one year: they are not copied, the maintainer decides.
    for list_id, unit_list in cat.bulk.lists.items():
        if unit_list.year == old_year:
            review.add(EDITION, f"{unit_list.file}: danh sách đơn vị "
                                f"'{list_id}' năm {old_year}: chép thành danh sách năm {year} (đổi id, year) nếu cần "
                                f"bản dự thảo năm {year} cho các đơn vị")

    # 6. What the new edition still needs before it is published.
    file = f"{data_name}/editions/{year}/edition.yml"
    review.add(EDITION, f"{file}: published: điền ngày công bố khi công bố (đang để trống: trang ghi 'Dự thảo')")
    review.add(EDITION, f"{file}: priorities: ghi trọng tâm năm {year}, mỗi mục có nguồn "
                        f"(trọng tâm năm {old_year}: {len(old.meta.priorities)} mục, không chép sang)")
    if edition.meta.notes:
        review.add(EDITION, f"{file}: notes: {len(edition.meta.notes)} lưu ý chép từ năm {old_year}, xem lại từng dòng")
    review.add(EDITION, f"{file}: changes: ghi mỗi thay đổi câu chữ (ngày, lon/nho, loại kế hoạch); "
                        f"trang so sánh năm {old_year} và năm {year} cho thấy những gì đã sửa")


def _excerpt(value: str, needle: str, width: int = 50) -> str:
    value = " ".join(value.split())
    i = value.casefold().find(needle.casefold())
    if i < 0:
        return value[:2 * width] + ("…" if len(value) > 2 * width else "")
    start, end = max(0, i - width), min(len(value), i + len(needle) + width)
    return ("…" if start else "") + value[start:end] + ("…" if end < len(value) else "")
