"""Lighter pages: drop the indentation and blank lines Material's templates leave in every page.

About a fifth of a built page is white space from template indentation (Material
prints its whole navigation on every page, each entry indented). In HTML a run of
white space renders as one space, so a run that holds a line break can become that
line break alone: the page looks and reads the same (text, copy buttons, search
index, which Material builds before this step). Inside <pre> and <textarea> white
space is content: those are left as they are. Inline scripts are trimmed too: a line
break stays a line break, and Material's inline scripts have no multi-line template
strings (the browser tests, which run search, copy, print and offline use, would fail).
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)
# A line break and the white space after it (indentation, blank lines): one line break.
_RUN = re.compile(r"\n\s+")


def trim(html: str) -> str:
    if "<pre" not in html and "<textarea" not in html and "<PRE" not in html and "<TEXTAREA" not in html:
        return _RUN.sub("\n", html)
    parts = _KEEP.split(html)
    # split() with two groups yields: text, whole kept block, tag name, text, …
    out = []
    for i in range(0, len(parts), 3):
        out.append(_RUN.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
