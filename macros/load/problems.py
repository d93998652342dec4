"""Problems found in data/, reported as 'file:line: field: what was expected'.

The data layer raises DataErrors, its own exception; the site layer turns it
into MkDocs' error (site/build.py), the command line prints it (tools/cli.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from ..model.text import did_you_mean as did_you_mean  # re-exported: every check words hints with it


@dataclasses.dataclass(frozen=True, order=True)
class DataProblem:
    file: str  # path relative to the project, e.g. data/plans/2026/x.yml
    line: int  # 1-based; 0 when the whole file is concerned
    field: str  # e.g. sections.nhiem-vu.content[2]; '' for the file itself
    message: str  # Vietnamese, says what was expected

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataErrors(Exception):
    """Every problem found in one run; the text lists them all, one per line."""

    def __init__(self, problems: Iterable[DataProblem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        header = f"Dữ liệu có {count} lỗi, chưa dựng trang (thư mục site/ giữ nguyên):"
        super().__init__("\n".join([header, *(f"  {p}" for p in self.problems)]))


class Problems:
    """An ordered set of problems: one reported several times (a unit list's shared
    settings, checked for every unit) is kept once."""

    def __init__(self) -> None:
        self._found: dict[DataProblem, None] = {}

    def add(self, src, loc: tuple, message: str) -> None:
        """A problem at a path of a YAML source (yaml_source.Source)."""
        self.append(DataProblem(src.file, src.line_of(loc), field_path(loc), message))

    def append(self, problem: DataProblem) -> None:
        self._found[problem] = None

    def extend(self, problems: Iterable[DataProblem]) -> None:
        for p in problems:
            self.append(p)

    def in_file(self, file: str) -> bool:
        return any(p.file == file for p in self._found)

    def under(self, folder: str) -> bool:
        """Any problem in a file under data/<folder>/."""
        return any(f"/{folder}/" in f"/{p.file}" for p in self._found)

    def __iter__(self) -> Iterator[DataProblem]:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)

    def __bool__(self) -> bool:
        return bool(self._found)


def field_path(loc: tuple) -> str:
    """('sections', 'nhiem-vu', 'content', 2) -> 'sections.nhiem-vu.content[2]'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
