"""`python -m macros lint FILE…`: an official's own draft (.txt or .docx) against the catalogue.

Prints one line per finding, `FILE:LINE: level: message` (level: lỗi, cảnh báo, ghi chú), and
returns 1 when any finding is a lỗi, else 0. The rules are those of the site's page *Kiểm tra
bản thảo* (model/draft_check.py); a .docx is read as the page reads it: the text of each
paragraph, table cells included, in document order, a line break inside a paragraph starting a
new line, so the line numbers of both agree.
"""

from __future__ import annotations

import pathlib
import sys

from ..load import DataErrors, load
from ..model import draft_check

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_lines(p) -> list[str]:
    lines = [""]
    for el in p.iter():
        if el.tag == W + "t":
            lines[-1] += el.text or ""
        elif el.tag == W + "tab":
            lines[-1] += "\t"
        elif el.tag in (W + "br", W + "cr"):
            lines.append("")
    return lines


def _block_lines(parent) -> list[str]:
    out = []
    for child in parent:
        if child.tag == W + "p":
            out += _paragraph_lines(child)
        elif child.tag == W + "tbl":
            for row in child.findall(W + "tr"):
                for cell in row.findall(W + "tc"):
                    out += _block_lines(cell)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                out += _block_lines(content)
    return out


def docx_lines(path: pathlib.Path) -> list[str]:
    import docx  # python-docx: only this command needs it

    return _block_lines(docx.Document(str(path)).element.body)


def read_lines(path: pathlib.Path) -> list[str]:
    if path.suffix.lower() == ".docx":
        return docx_lines(path)
    return path.read_text(encoding="utf-8-sig").splitlines()


def lint(paths: list[str]) -> int:
    if not paths:
        print("cần tệp bản thảo (.txt hoặc .docx), ví dụ: python -m macros lint ke-hoach.docx", file=sys.stderr)
        return 2
    try:
        rules = draft_check.compile_rules(load())
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        return 2
    failed = False
    for name in paths:
        path = pathlib.Path(name)
        if path.suffix.lower() not in (".txt", ".docx"):
            print(f"{name}: chỉ đọc được tệp .txt hoặc .docx", file=sys.stderr)
            return 2
        try:
            lines = read_lines(path)
        except (OSError, UnicodeDecodeError, ValueError, KeyError) as exc:
            print(f"{name}: không đọc được tệp ({exc})", file=sys.stderr)
            return 2
        for finding in draft_check.check(lines, rules):
            print(finding.format(name))
            failed |= finding.level == draft_check.ERROR
    return 1 if failed else 0
