"""Word files at the cost of filling in a template: python-docx lays out one file per
shape of document, every other file of that shape is the same XML with other words.

python-docx takes 40–50 ms a file (build the XML, serialise it, compress 800 kB of
styles). The layout (word.py) depends only on a document's shape (word_slots.py: which
lines, of which kinds, and whether each text is empty or has a space at either end),
never on its words, and the only number that depends on a text's length is the indent
of the rule under the title. So, for each shape, word.py runs once with every text
written as a mark (private-use characters, which neither XML nor clean() changes); each
part holding a mark is split on the marks into a template, the title rule's indent
becomes one more slot, and every other part is kept compressed as it is. A file of that
shape is the template joined with its own texts, escaped as lxml escapes text, and the
package zipped with the kept parts. tests/test_word_cache.py checks the result is
byte for byte what word.write (python-docx alone) makes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
from collections.abc import Sequence

from ..model import document
from . import word_slots, zip_writer
from .word_slots import Notes, Properties

_MARK = "\ue000{}\ue001"
_MARKS = re.compile("\ue000([0-9]+)\ue001")
_MARKED = "\ue000".encode()
# The indent of the rule under the title: the first paragraph indent after KẾ HOẠCH's mark
# (the title's own can be empty: no run, no mark).
_RULE_INDENT = re.compile('w:left="([0-9]+)" w:right="\\1"')
# Core properties longer than this make python-docx raise: such a file goes to word.write.
_CORE_MAX = 255
_CORE_TAGS = ("core-title", "core-subject", "core-keywords")


def _escape(value: str) -> str:
    # What lxml writes for a text node: clean() has left no \r, tab or newline to encode.
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _edges(value: str) -> tuple[bool, bool, bool]:
    # empty: python-docx makes no w:t; a space at an end: w:t gets xml:space="preserve"
    return (not value, value[:1] == " ", value[-1:] == " ")


@dataclasses.dataclass(frozen=True)
class _Filled:
    """A part with slots: its text between them, and which value goes in each slot."""

    pieces: tuple[str, ...]
    slots: tuple[int, ...]

    def fill(self, values: Sequence[str]) -> zip_writer.Entry:
        out = [self.pieces[0]]
        for slot, piece in zip(self.slots, self.pieces[1:]):
            out += (values[slot], piece)
        return zip_writer.deflate("".join(out).encode("utf-8"))


@dataclasses.dataclass(frozen=True)
class _Template:
    parts: tuple[tuple[str, zip_writer.Entry | _Filled], ...]


class Maker:
    """Makes the Word files of one build: templates by shape, every file dated `when`."""

    def __init__(self, when: dt.datetime):
        self.when = when
        self._templates: dict[tuple, _Template] = {}
        self._word = None  # word.py (and python-docx), imported with the first template
        self.files = 0
        self.seconds = 0.0  # CPU time spent making files, for the benchmark (wall time depends on the machine's load)

    @property
    def templates(self) -> int:
        return len(self._templates)

    def write(self, d: document.Document, props: Properties, notes: Notes | None = None) -> bytes:
        """The .docx file of a plan (or of a plan type's blank form): the bytes word.write makes."""
        start = time.process_time()
        try:
            return self._write(d, props, notes)
        finally:
            self.files += 1
            self.seconds += time.process_time() - start

    def _write(self, d: document.Document, props: Properties, notes: Notes | None) -> bytes:
        tagged = word_slots.texts(d, props, notes)
        if any(tag in _CORE_TAGS and len(value) > _CORE_MAX for tag, value in tagged):
            return self._module().write(d, props, notes, self.when)  # python-docx says what is wrong
        key = (tuple((tag, _edges(value)) for tag, value in tagged), notes.author if notes else None)
        template = self._templates.get(key)
        if template is None:
            template = self._templates[key] = self._make(d, props, notes, tagged)
        values = [_escape(value.strip(" ")) for _, value in tagged]
        values.append(str(self._module().title_rule_indent(d.title)))
        parts = [(name, p.fill(values) if isinstance(p, _Filled) else p) for name, p in template.parts]
        return zip_writer.pack(parts, self.when)

    def _module(self):
        if self._word is None:
            from . import word  # python-docx: about 0.15 s to import, only when a file is made

            self._word = word
        return self._word

    def _make(self, d: document.Document, props: Properties, notes: Notes | None, tagged) -> _Template:
        """The template of d's shape: word.py with every text written as a mark."""
        written: list[str] = []

        def mark(value: str) -> str:
            value = word_slots.clean(value)
            written.append(value)
            if not value:
                return ""
            # clean() leaves at most one space at either end: keep it, python-docx marks such text
            lead, trail = " " * value.startswith(" "), " " * value.endswith(" ")
            return lead + _MARK.format(len(written) - 1) + trail

        package = self._module().parts(d, props, notes, self.when, mark)
        if written != [value for _, value in tagged]:
            raise AssertionError("word_slots.texts() and word.py disagree on the texts of a file (order or value)")
        kind = _MARK.format([tag for tag, _ in tagged].index("kind"))
        parts = []
        for name, data in package:
            if _MARKED not in data:
                parts.append((name, zip_writer.deflate(data)))
                continue
            text = data.decode("utf-8")
            if name == "word/document.xml":
                at = text.index(kind)
                rule = _RULE_INDENT.search(text, at)
                slot = _MARK.format(len(tagged))
                text = text[: rule.start()] + f'w:left="{slot}" w:right="{slot}"' + text[rule.end() :]
            pieces = _MARKS.split(text)
            parts.append((name, _Filled(tuple(pieces[0::2]), tuple(int(i) for i in pieces[1::2]))))
        return _Template(tuple(parts))
