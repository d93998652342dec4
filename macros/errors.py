"""Problems found in data/, reported as 'file:line: field: what was expected'."""
from __future__ import annotations

import dataclasses
import difflib

from mkdocs.exceptions import PluginError


@dataclasses.dataclass(frozen=True, order=True)
class DataProblem:
    file: str          # path relative to the project, e.g. data/plans/2026/x.yml
    line: int          # 1-based; 0 when the whole file is concerned
    field: str         # e.g. sections.nhiem-vu.content[2]; '' for the file itself
    message: str       # Vietnamese, says what was expected

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataErrors(PluginError):
    """Raised from a build hook: MkDocs logs the text and exits non-zero, no traceback."""

    def __init__(self, problems: list[DataProblem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        header = f"Dữ liệu có {count} lỗi, chưa dựng trang (thư mục site/ giữ nguyên):"
        super().__init__("\n".join([header, *(f"  {p}" for p in self.problems)]))


def field_path(loc: tuple) -> str:
    """('sections', 'nhiem-vu', 'content', 2) -> 'sections.nhiem-vu.content[2]'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" — có phải ý là '{close[0]}'?" if close else ""
