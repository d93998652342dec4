"""The texts of a Word file, in the order word.py writes them, each with the layout that
decides how it is written: what word_cache.py keys its templates on.

word.py lays a document out with python-docx and passes every text through one
function (clean, here). Which paragraphs and runs it makes, and how they are
formatted, depends only on the document's structure (which lines, their kinds and
depths, bullet and recipient counts, which signature lines, which guidance notes)
and on whether each text is empty or starts or ends with a space; never on the
words themselves. texts() walks a document the same way, without python-docx: each
text comes with a tag naming its place. The tags and the texts' edges make the key
of a template; word_cache.py checks on every template it makes that word.py asked
for the same texts in the same order.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

from ..model import document, outline

# Characters XML 1.0 cannot hold (a YAML escape such as "\x07" can put one in a value).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclasses.dataclass(frozen=True)
class Notes:
    """Guidance attached as Word comments (blank forms): on the title, and on part headings by part id."""

    author: str
    title: Sequence[str] = ()
    parts: Mapping[str, Sequence[str]] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class Properties:
    """File properties shown by Word (File > Info)."""

    title: str
    subject: str = ""
    keywords: str = ""


def clean(value: str) -> str:
    """A value as the page prints it: one line, spaces folded (one kept at either end,
    where runs join); nothing XML cannot hold."""
    value = _NOT_XML.sub("", value)
    core = " ".join(value.split())
    lead = " " if core and value[:1].isspace() else ""
    trail = " " if core and value[-1:].isspace() else ""
    return lead + core + trail


Tagged = tuple[object, str]  # (where the text goes, the text as written: clean(value))


def _notes(out: list[Tagged], paragraphs: Sequence[str]) -> None:
    out.extend((("note", i > 0), clean(p)) for i, p in enumerate(paragraphs))


def _body(out: list[Tagged], notes: Notes | None, d: document.Document) -> None:
    first = True
    for line in outline.body(d):
        if isinstance(line, outline.Heading):
            noted = bool(notes and line.part_id in notes.parts)
            out.append((("heading", line.depth, first, noted), clean(f"{line.number} {line.text}")))
            if noted:
                _notes(out, notes.parts[line.part_id])
        elif isinstance(line, outline.Para):
            out.append(("para", clean(f"{line.number} {line.text}" if line.number else line.text)))
        elif isinstance(line, outline.Executor):
            out += [("executor-label", clean(f"{line.label} ")), ("executor", clean(line.text))]
        else:
            for bullet in line.lines:
                out.append(("bullet", clean(f"{line.marker} {bullet.text}")))
                out += [("sub-bullet", clean(f"+ {sub}")) for sub in bullet.sub]
        first = False


def _footer(out: list[Tagged], d: document.Document) -> None:
    if d.recipients:  # a plan whose original has no 'Nơi nhận' prints none
        out.append(("recipients-label", clean(outline.RECIPIENTS_LABEL)))
    for r in d.recipients:
        if isinstance(r, document.RecipientGroup):
            size = len(r.lines)  # the brace's height and the note's lift
            out += [(("group-line", size), clean(f"- {line}")) for line in r.lines]
            out += [(("brace", size), clean("}")), (("group-note", size), clean(f" {r.note}"))]
        else:
            out.append(("recipient", clean(f"- {r.text}")))
    s = d.signature
    out += [("signature", clean(x)) for x in (s.authority, s.title, s.subtitle) if x]
    if s.name:
        out.append(("signer", clean(s.name)))


def texts(d: document.Document, props: Properties, notes: Notes | None = None) -> list[Tagged]:
    """Every text word.write prints, in the order it prints them (word.py's functions in brackets)."""
    out: list[Tagged] = []
    # [_header]
    if d.superior:
        out.append(("superior", clean(d.superior)))
    out.append(("issuer", clean(d.issuer)))
    if d.number_line:  # none for a plan issued with a decision
        out.append(("number", clean(d.number_line)))
    out += [("nation", clean(outline.NATION)), ("motto", clean(outline.MOTTO))]
    if d.place_date:
        out.append(("place-date", clean(d.place_date)))
    # [_title]: the rule under the title is as wide as the title: word_cache.py fills its width in
    out += [("kind", clean(outline.KIND)), ("title", clean(d.title))]
    if d.annex_line:  # [_annex]
        out.append(("annex", clean(d.annex_line)))
    if notes and notes.title:
        _notes(out, notes.title)
    _body(out, notes, d)  # [_body]
    _footer(out, d)  # [_footer: _recipients, _signature]
    # [_properties]
    out += [("core-title", clean(props.title)), ("core-subject", clean(props.subject))]
    out.append(("core-keywords", clean(props.keywords)))
    return out
