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

import datetime as dt
import pathlib
import re
import shutil
import tempfile

from ..load import DataErrors, load, yaml_source
from ..load.problems import field_path
from ..load.raw import strings
from ..model.catalogue import Edition
from .review import Review, review_edition


class RolloverError(Exception):
    """The new edition cannot be started; the message says why and what to do."""


def new_edition(data_dir: pathlib.Path, year: int, force: bool = False, today: dt.date | None = None) -> Review:
    """Write data/editions/<year>/ from the current edition and return the review list."""
    target = data_dir / "editions" / str(year)
    if target.exists() and not force:
        raise RolloverError(
            f"đã có {target.relative_to(data_dir.parent)}; không ghi đè. "
            "Xóa thư mục đó, hoặc chạy lại với --force (make edition YEAR=… FORCE=1) để ghi đè"
        )
    review = Review()
    with tempfile.TemporaryDirectory() as tmp:
        # Work in a copy of data/ (without the edition being redone, under --force) and check it
        # there: data/ is touched only when the whole new edition loads cleanly.
        trial = pathlib.Path(tmp) / data_dir.name
        shutil.copytree(data_dir, trial, ignore=shutil.ignore_patterns(".*"))
        staged = trial / "editions" / str(year)
        if staged.exists():
            shutil.rmtree(staged)
        cat = load(trial)  # DataErrors: the data must be clean first
        if year <= cat.current.year:
            raise RolloverError(
                f"năm {year} không sau ấn bản hiện hành (năm {cat.current.year}); "
                f"ấn bản mới phải là năm {cat.current.year + 1} hoặc sau"
            )
        current = cat.current
        source_dir = trial / "editions" / str(current.year)
        (staged / "plan-types").mkdir(parents=True)
        for path in sorted((source_dir / "plan-types").glob("*.yml")):
            out = staged / "plan-types" / path.name
            out.write_text(
                _moved(
                    path,
                    trial.parent,
                    current.year,
                    year,
                    review,
                    f"{data_dir.name}/editions/{year}/plan-types/{path.name}",
                ),
                encoding="utf-8",
            )
        (staged / "edition.yml").write_text(_edition_yaml(current, year, today or dt.date.today()), encoding="utf-8")
        try:
            new_cat = load(trial)
        except DataErrors as exc:
            raise RolloverError(
                "ấn bản mới chưa qua được kiểm tra dữ liệu, chưa ghi gì vào data/:\n"
                + str(exc).replace(str(trial.parent) + "/", "")
            ) from None
        review_edition(cat, current, new_cat, year, trial, data_dir.name, review)
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
    for loc, value in strings(src.data, dates=True):
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


def _edition_yaml(current: Edition, year: int, today: dt.date) -> str:
    def q(value: str) -> str:  # a YAML double-quoted scalar
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
