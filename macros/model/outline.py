"""The body of a resolved plan as the flat sequence of lines it prints as, and the
fixed wording of the form around it.

A Document (document.py) is a tree: parts hold blocks, numbered items hold
blocks of their own. Every output walks it the same way: the page template
(templates/plans/_blocks.md), the Word export (export_docx.py) and the text
export (export_text.py) all lay out what lines() returns, so an item's number,
its title line, its "Đơn vị thực hiện" line and the order of all of them are
decided once, here. Text comes from the Document as resolved; nothing here
fills placeholders or reads data.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from . import document

# The fixed wording of the form (Nghị định 30/2020/NĐ-CP, Phụ lục I), printed by the
# page (templates/plans/_document.md), the Word file and the text file alike.
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
KIND = "KẾ HOẠCH"
RECIPIENTS_LABEL = "Nơi nhận:"
# Printed before a task's executor (the plan's own wording follows it).
EXECUTOR_LABEL = "Đơn vị thực hiện:"


@dataclasses.dataclass(frozen=True)
class Heading:
    """A part ('I.', depth 0) or the title line of a numbered item ('1.', '2.1.', 'a)')."""

    number: str
    text: str
    depth: int
    part_id: str | None = None  # the part's id in its plan type (parts only)


@dataclasses.dataclass(frozen=True)
class Para:
    """A paragraph; a numbered item without a title prints as one, its number first."""

    text: str
    number: str | None = None


@dataclasses.dataclass(frozen=True)
class Executor:
    """'Đơn vị thực hiện: …' after a task."""

    text: str
    label: str = EXECUTOR_LABEL


# Bullet lists stay whole ('-' lines, each with its '+' sub-lines): layouts group them.
Line = Heading | Para | document.BulletList | Executor


def _blocks(blocks: Iterable[document.Block]) -> Iterator[Line]:
    for b in blocks:
        if isinstance(b, document.Paragraph):
            yield Para(b.text)
        elif isinstance(b, document.BulletList):
            yield b
        elif b.title:
            yield Heading(b.number, b.title, b.depth)
            if b.text:
                yield Para(b.text)
            yield from _blocks(b.blocks)
            if b.executor:
                yield Executor(b.executor)
        else:
            yield Para(b.text or "", b.number)
            yield from _blocks(b.blocks)
            if b.executor:
                yield Executor(b.executor)


def blocks(items: Iterable[document.Block]) -> tuple[Line, ...]:
    """Lines of some blocks (a part's content, or a plan type's sample wording)."""
    return tuple(_blocks(items))


def part(p: document.Part) -> tuple[Line, ...]:
    """A Roman-numbered part: its heading, then its content."""
    return (Heading(f"{p.number}.", p.heading, 0, p.id), *_blocks(p.blocks))


def body(doc: document.Document) -> tuple[Line, ...]:
    """Everything between the title and the recipients: opening paragraph, parts, closing."""
    out: list[Line] = []
    if doc.preamble:
        out.append(Para(doc.preamble))
    for p in doc.parts:
        out.extend(part(p))
    if doc.closing:
        out.append(Para(doc.closing))
    return tuple(out)


# ---------------------------------------------------------------- the same lines as plain text


def as_text(lines: Iterable[Line]) -> list[str]:
    """Each line as the text file prints it: numbers as text, '- ' and '+ ' marks kept."""
    out: list[str] = []
    for line in lines:
        if isinstance(line, Heading):
            out.append(f"{line.number} {line.text}")
        elif isinstance(line, Para):
            out.append(f"{line.number} {line.text}" if line.number else line.text)
        elif isinstance(line, Executor):
            out.append(f"{line.label} {line.text}")
        else:
            for bullet in line.lines:
                out.append(f"{line.marker} {bullet.text}")
                out.extend(f"+ {sub}" for sub in bullet.sub)
    return out


def recipients_as_text(d: document.Document) -> list[str]:
    """'Nơi nhận:' and one '- ' line per recipient; a group ends with '} ' and its note."""
    out = [RECIPIENTS_LABEL]
    for r in d.recipients:
        if isinstance(r, document.RecipientGroup):
            out.extend(f"- {line}" for line in r.lines)
            out.append(f"}} {r.note}")  # the brace that groups them, then their note
        else:
            out.append(f"- {r.text}")
    return out
