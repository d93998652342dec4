"""A plan resolved into the document it prints as: plain immutable objects.

model/resolve.py makes them from a plan and its type (default wording, fill-in
values, numbering); templates and the Word and text exports only lay them out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

from . import schema


@dataclasses.dataclass(frozen=True)
class Paragraph:
    text: str


@dataclasses.dataclass(frozen=True)
class BulletLine:
    text: str
    sub: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class BulletList:
    lines: tuple[BulletLine, ...]
    marker: str = "-"


# How each relation of an assignment reads, in the order a matrix shows them.
RELATIONS = {"lead": "Chủ trì", "carry_out": "Thực hiện", "support": "Phối hợp", "request": "Đề nghị"}


@dataclasses.dataclass(frozen=True)
class NumberedItem:
    number: str  # "1.", "2.1.", "a)"
    depth: int  # 1 for items directly under a Roman part
    title: str | None
    text: str | None
    blocks: tuple[Block, ...]
    executor: str | None
    assign: tuple[tuple[str, str], ...] = ()  # (relation, role id), relations as in RELATIONS

    @property
    def missing_lead(self) -> bool:
        """Roles support the task but nobody leads, carries it out or is asked to."""
        return bool(self.assign) and all(rel == "support" for rel, _ in self.assign)


Block = Paragraph | BulletList | NumberedItem


@dataclasses.dataclass(frozen=True)
class Part:
    id: str
    number: str  # Roman numeral
    heading: str
    blocks: tuple[Block, ...]


@dataclasses.dataclass(frozen=True)
class RecipientLine:
    text: str


@dataclasses.dataclass(frozen=True)
class RecipientGroup:
    lines: tuple[str, ...]
    note: str


@dataclasses.dataclass(frozen=True)
class Deadline:
    kind: str  # schema.DEADLINE_KINDS
    title: str
    date: dt.date | None  # None: no fixed day (ad hoc, "định kỳ")
    every_year: bool
    to: str | None
    by: tuple[str, ...]  # role ids


@dataclasses.dataclass(frozen=True)
class Document:
    plan_id: str
    plan_type: str
    year: int
    superior: str | None
    issuer: str
    number_line: str | None  # "Số: 29/KH-SXD" or "Số: …/KH-UBND"; None: issued with a decision
    place_date: str  # "Lạng Sơn, ngày 03 tháng 4 năm 2019"; "" when issued with a decision
    title: str
    preamble: str | None
    parts: tuple[Part, ...]
    closing: str | None
    recipients: tuple[RecipientLine | RecipientGroup, ...]
    signature: schema.Signature
    is_draft: bool  # no number yet
    cited: tuple[str, ...] = ()  # ids of the legal documents cited, in order of first citation
    deadlines: tuple[Deadline, ...] = ()
    # "(Ban hành kèm theo Quyết định số …)" under the title of a plan issued with a decision
    annex_line: str | None = None

    def items(self) -> Iterator[tuple[Part, NumberedItem]]:
        """Every numbered item, depth first, with the part it is in."""

        def walk(blocks, part):
            for b in blocks:
                if isinstance(b, NumberedItem):
                    yield part, b
                    yield from walk(b.blocks, part)

        for part in self.parts:
            yield from walk(part.blocks, part)

    def texts(self) -> Iterator[str]:
        """Every text the document prints, in order (for checks that a fact is written in it)."""

        def walk(blocks):
            for b in blocks:
                if isinstance(b, Paragraph):
                    yield b.text
                elif isinstance(b, BulletList):
                    for line in b.lines:
                        yield line.text
                        yield from line.sub
                else:
                    yield from (t for t in (b.title, b.text) if t)
                    yield from walk(b.blocks)
                    if b.executor:
                        yield b.executor

        yield self.title
        if self.preamble:
            yield self.preamble
        for part in self.parts:
            yield part.heading
            yield from walk(part.blocks)
        if self.closing:
            yield self.closing
