"""What changed in a plan type's wording between two editions.

The unit compared is a paragraph of the plan type's blank form (the text lines
of blank.py: the same lines the page, the Word and the text file print), and
each part's guidance. Fill-ins print as [labels] in the blank form, so a new
year alone is not a change; a new sentence, a dropped duty or a reworded
citation is.
"""

from __future__ import annotations

import dataclasses
import difflib
import html
import re

from . import document, outline, schema

# '1. ', '2.1. ', 'a) ' at the start of a paragraph.
NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*\.|[a-zđ]\))\s+")
ADDED, REMOVED, CHANGED = "them", "bo", "sua"
KIND_LABELS = {ADDED: "Thêm", REMOVED: "Bỏ", CHANGED: "Sửa"}


@dataclasses.dataclass(frozen=True)
class Change:
    kind: str  # ADDED, REMOVED, CHANGED
    where: str  # which part of the wording: 'Câu chữ mẫu' or 'Hướng dẫn phần II'
    old: str | None
    new: str | None

    def marked(self) -> str:
        """HTML of the paragraph with removed words in <del> and added words in <ins>."""
        if self.kind == ADDED:
            return f"<ins>{html.escape(self.new)}</ins>"
        if self.kind == REMOVED:
            return f"<del>{html.escape(self.old)}</del>"
        return _word_diff(self.old, self.new)


def paragraphs(pt: schema.PlanType, sample: document.Document) -> list[tuple[str, str]]:
    """(where, paragraph) in reading order: the blank form's title, opening, each part, closing
    and recipients as the text file prints them; then each part's guidance."""
    out = [("Trích yếu", sample.title)]
    if sample.preamble:
        out.append(("Đoạn mở đầu", sample.preamble))
    for part in sample.parts:
        where = f"Phần {part.number}. {part.heading}"
        out += [(where, line) for line in outline.as_text(outline.part(part))]
    if sample.closing:
        out.append(("Đoạn kết", sample.closing))
    out += [("Nơi nhận", line) for line in outline.recipients_as_text(sample)[1:]]
    for part, section in zip(sample.parts, pt.sections):
        out += [(f"Hướng dẫn phần {part.number}", g) for g in section.guidance]
    # Numbers are given by position: an item added above renumbers the rest, which is not a change.
    return [(where, NUMBER.sub("", " ".join(p.split()))) for where, p in out]


def compare(old: list[tuple[str, str]], new: list[tuple[str, str]]) -> list[Change]:
    """Paragraph-level changes from old to new; a replaced run pairs paragraphs in order."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    out: list[Change] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        a, b = old[i1:i2], new[j1:j2]
        paired = min(len(a), len(b)) if op == "replace" else 0
        for (wa, pa), (wb, pb) in zip(a[:paired], b[:paired]):
            if _similar(pa, pb):
                out.append(Change(CHANGED, wb, pa, pb))
            else:
                out += [Change(REMOVED, wa, pa, None), Change(ADDED, wb, None, pb)]
        out += [Change(REMOVED, w, p, None) for w, p in a[paired:]]
        out += [Change(ADDED, w, None, p) for w, p in b[paired:]]
    return out


def _similar(a: str, b: str) -> bool:
    """Worth showing as one paragraph changed (rather than one removed, one added)."""
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio() >= 0.5


def _word_diff(old: str, new: str) -> str:
    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{html.escape(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{html.escape(' '.join(b[j1:j2]))}</ins>")
    return " ".join(out)
