"""The review list of a new edition: everything a maintainer must check by hand after
`make edition`, each with file:line where there is one (tools/rollover.py makes the edition)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pathlib
import re

from ..load import yaml_source
from ..load.checks import level_label
from ..load.problems import field_path
from ..load.raw import strings
from ..model import legal
from ..model.catalogue import Catalogue, Edition

YEAR = re.compile(r"(?<![\d/])(?:19|20)\d\d(?![\d/])")
# 30/5, 01/5/2026, 19/8/2005: a day written in a plan.
DAY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")
LONG_DAY = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
# (19/8/2005 - 19/8/{year}) or (19/8/2005 - 19/8/2026): an anniversary counted to this year.
ANNIVERSARY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\s*[-–]\s*\d{1,2}/\d{1,2}/(\{year\}|\d{4})")
YEARS_COUNT = re.compile(r"(?<!\d)(\d{1,3}) năm\b")


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
            out += [
                "Đã chuyển năm: không có năm nào viết sẵn trong trích yếu và thời hạn "
                "(chỗ điền {year} tự thành năm mới).",
                "",
            ]
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


@dataclasses.dataclass
class _Round:
    """What the review of one new edition looks at."""

    cat: Catalogue  # the data before the new edition
    old: Edition  # the edition rolled over
    new_cat: Catalogue  # the data with the new edition
    year: int
    type_srcs: dict  # plan type id -> its new file (yaml_source.Source)
    data_name: str
    review: Review


def review_edition(
    cat: Catalogue, old: Edition, new_cat: Catalogue, year: int, trial: pathlib.Path, data_name: str, review: Review
) -> None:
    type_srcs = {}
    for pt_id in new_cat.editions[year].plan_types:
        path = trial / "editions" / str(year) / "plan-types" / f"{pt_id}.yml"
        type_srcs[pt_id], _ = yaml_source.read(path, trial.parent)
    r = _Round(cat, old, new_cat, year, type_srcs, data_name, review)
    for step in (_old_dates, _sample_plans, _legal_bases, _ended_levels, _anniversaries, _unit_lists, _still_to_do):
        step(r)


def _old_dates(r: _Round) -> None:
    """Dates and years that stayed in the old wording."""
    year, type_srcs, review = r.year, r.type_srcs, r.review
    for _pt_id, src in type_srcs.items():
        for loc, value in strings(src.data, dates=True):
            where = f"{src.file}:{src.line_of(loc)}: {field_path(loc)}"
            # A citation's id ({cite:tt-124-2021-bca}) is not a date in the wording.
            years = sorted(set(YEAR.findall(re.sub(r"\{cite:[^}]*\}", "", value))))
            if years:
                review.add(OLD_DATES, f'{where}: năm {", ".join(years)} trong "{_excerpt(value, years[0])}"')
            for m in DAY.finditer(value):
                if m[3] is None:
                    review.add(
                        OLD_DATES,
                        f'{where}: ngày {m[0]} (không ghi năm) trong "{_excerpt(value, m[0])}": '
                        f"còn đúng cho năm {year}?",
                    )
            if loc[-1:] == ("date",) and "deadlines" in loc and re.fullmatch(r"\d\d-\d\d", value):
                review.add(OLD_DATES, f"{where}: hạn {value[3:]}/{value[:2]} hằng năm: còn đúng cho năm {year}?")


def _sample_plans(r: _Round) -> None:
    """Every dated item of the sample plans: they keep their year."""
    cat, review = r.cat, r.review
    for entry in cat.samples.values():
        plan = entry.plan
        file = cat.files[f"plan:{plan.id}"]
        src, _ = yaml_source.read(cat.root / file, cat.root)
        doc = entry.doc
        label = f"{file}: kế hoạch '{plan.id}' ({plan.year})"
        if plan.date:
            d = plan.date
            shown = f"{d.day:02d}/{d.month:02d}/{d.year}" if d.day else f"tháng {d.month:02d}/{d.year}"
            review.add(SAMPLE_PLANS, f"{file}:{src.line_of(('date',))}: kế hoạch '{plan.id}': ngày ban hành {shown}")
        for i, d in enumerate(doc.deadlines):
            if d.date:
                line = src.line_of(("deadlines", i, "date")) if "deadlines" in src.data else None
                review.add(
                    SAMPLE_PLANS,
                    f"{file}{':' + str(line) if line else ''}: kế hoạch '{plan.id}': "
                    f"hạn {d.date:%d/%m/%Y} — {d.title}"
                    f"{' (hằng năm)' if d.every_year else ''}",
                )
        seen = set()
        for t in doc.texts():
            for m in [*DAY.finditer(t), *LONG_DAY.finditer(t)]:
                if m[0] not in seen:
                    seen.add(m[0])
                    day = m[0] if m[0].startswith("ngày") else f"ngày {m[0]}"
                    review.add(SAMPLE_PLANS, f'{label}: {day} trong "{_excerpt(t, m[0])}"')
        if not plan.date and not seen and not any(d.date for d in doc.deadlines):
            review.add(SAMPLE_PLANS, f"{label}: không có mốc ngày nào (ngày ban hành để trống)")


def _legal_bases(r: _Round) -> None:
    """Legal bases: amended or replaced since, statuses to look at again, documents issued every year."""
    old, new_cat, year, type_srcs, review = r.old, r.new_cat, r.year, r.type_srcs, r.review
    old_year = old.year
    edition = new_cat.editions[year]
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
                    review.add(
                        LEGAL,
                        f"{where}: {r.words.lower()} {legal.designation(r.other)}"
                        f" ({'ngày ' + legal.short_date(when) if when else 'chưa rõ ngày'}): "
                        f"kiểm tra câu chữ dẫn văn bản này",
                    )
        if doc.status and doc.status.value:
            review.add(
                LEGAL,
                f"{where}: trạng thái '{doc.status.value}' xem ngày {legal.short_date(doc.status.as_of)} "
                f"({doc.status.source}): xem lại",
            )
        else:
            review.add(LEGAL, f"{where}: trạng thái hiệu lực chưa xác minh")
    for pt_id, pt in edition.plan_types.items():
        src = type_srcs[pt_id]
        for i, item in enumerate(pt.legal_bases_to_fill):
            review.add(
                LEGAL,
                f"{src.file}:{src.line_of(('legal_bases_to_fill', i))}: căn cứ đơn vị tự điền, "
                f'có thể ban hành lại năm {year}: "{item}"',
            )


def _ended_levels(r: _Round) -> None:
    """Bodies of a level that has ended."""
    new_cat, year, type_srcs, review = r.new_cat, r.year, r.type_srcs, r.review
    for level in new_cat.ended_levels:
        gone = [r for r in new_cat.roles.values() if r.level == level.level]
        label = level_label(new_cat.levels, level.level)
        for r in gone:
            review.add(
                ENDED,
                f"data/roles.yml: vai trò '{r.id}' ({r.name}) là cơ quan {label}, không còn từ "
                f"{legal.short_date(level.ended)}: không giao việc trong kế hoạch năm {year}",
            )
        for _pt_id, src in type_srcs.items():
            for loc, value in strings(src.data, dates=True):
                for name in [n for r in gone for n in (r.name, *r.names)] + [label.removeprefix("cấp ")]:
                    if name.casefold() in value.casefold():
                        review.add(
                            ENDED,
                            f'{src.file}:{src.line_of(loc)}: {field_path(loc)}: nhắc "{name}" '
                            f'trong "{_excerpt(value, name)}"',
                        )
                        break


def _anniversaries(r: _Round) -> None:
    """Anniversaries: count again for the new year."""
    cat, old, new_cat, year, type_srcs, review = r.cat, r.old, r.new_cat, r.year, r.type_srcs, r.review
    old_year = old.year
    edition = new_cat.editions[year]
    texts = [
        (f"{src.file}:{src.line_of(loc)}", v) for src in type_srcs.values() for loc, v in strings(src.data, dates=True)
    ]
    texts += [(f"{old.file}: priorities", p.text) for p in old.meta.priorities]
    texts += [(f"{edition.file}: notes", n) for n in edition.meta.notes]
    for plan in (e.plan for e in cat.samples.values()):
        if plan.year == old_year:
            texts += [(f"{cat.files['plan:' + plan.id]}: fill.{k}", v) for k, v in plan.fill.items()]
    starts = {}
    for where, value in texts:
        for m in ANNIVERSARY.finditer(value):
            starts[m[0]] = int(m[3])
            review.add(
                ANNIVERSARIES,
                f'{where}: "{m[0]}" — năm {year} là {year - int(m[3])} năm '
                f"(năm {old_year} là {old_year - int(m[3])} năm)",
            )
    counts = {old_year - s for s in starts.values()}
    for where, value in texts:
        for m in YEARS_COUNT.finditer(value):
            if int(m[1]) in counts:
                review.add(
                    ANNIVERSARIES,
                    f'{where}: "{_excerpt(value, m[0])}" — {m[0]} là số năm của {old_year}; '
                    f"năm {year} là {int(m[1]) + year - old_year} năm",
                )
    for pt_id, pt in edition.plan_types.items():
        for f in pt.fields:
            if "năm" in f.label and "kỷ niệm" in f.label:
                src = type_srcs[pt_id]
                i = [x.id for x in pt.fields].index(f.id)
                review.add(
                    ANNIVERSARIES,
                    f"{src.file}:{src.line_of(('fields', i))}: chỗ điền {{{f.id}}} ({f.label}): "
                    f"kế hoạch năm {year} ghi số năm mới",
                )


def _unit_lists(r: _Round) -> None:
    """Unit lists make drafts for one year: they are not copied, the maintainer decides."""
    cat, old, year, review = r.cat, r.old, r.year, r.review
    old_year = old.year
    for list_id, unit_list in cat.unit_lists.items():
        if unit_list.year == old_year:
            review.add(
                EDITION,
                f"{unit_list.file}: danh sách đơn vị "
                f"'{list_id}' năm {old_year}: chép thành danh sách năm {year} (đổi id, year) nếu cần "
                f"bản dự thảo năm {year} cho các đơn vị",
            )


def _still_to_do(r: _Round) -> None:
    """What the new edition still needs before it is published."""
    old, new_cat, year, review = r.old, r.new_cat, r.year, r.review
    old_year = old.year
    edition = new_cat.editions[year]
    file = f"{r.data_name}/editions/{year}/edition.yml"
    review.add(EDITION, f"{file}: published: điền ngày công bố khi công bố (đang để trống: trang ghi 'Dự thảo')")
    review.add(
        EDITION,
        f"{file}: priorities: ghi trọng tâm năm {year}, mỗi mục có nguồn "
        f"(trọng tâm năm {old_year}: {len(old.meta.priorities)} mục, không chép sang)",
    )
    if edition.meta.notes:
        review.add(EDITION, f"{file}: notes: {len(edition.meta.notes)} lưu ý chép từ năm {old_year}, xem lại từng dòng")
    review.add(
        EDITION,
        f"{file}: changes: ghi mỗi thay đổi câu chữ (ngày, lon/nho, loại kế hoạch); "
        f"trang so sánh năm {old_year} và năm {year} cho thấy những gì đã sửa",
    )


def _excerpt(value: str, needle: str, width: int = 50) -> str:
    value = " ".join(value.split())
    i = value.casefold().find(needle.casefold())
    if i < 0:
        return value[: 2 * width] + ("…" if len(value) > 2 * width else "")
    start, end = max(0, i - width), min(len(value), i + len(needle) + width)
    return ("…" if start else "") + value[start:end] + ("…" if end < len(value) else "")
