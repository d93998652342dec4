"""A plan resolved into the document it prints as.

resolve() merges a plan with its plan type (default wording, fill-in values),
numbers every part and item, and returns plain immutable objects. Templates,
and later the Word and text exports, only lay these out: no numbering or
defaulting logic lives in a template.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Mapping, Union

from . import legal, schema, text

# {year}, {issuer}, {exemplary-units}… Doubled braces ({{ x }}) are not placeholders:
# they stay literal text, like every other character of a data value.
PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z][a-z0-9_-]*)\}(?!\})")

# Built-in placeholders and the label shown on guidance pages where no value exists.
BUILTIN_FIELDS = {
    "year": "năm",
    "issuer": "tên cơ quan ban hành",
    "place": "địa danh",
    "contact": "đầu mối liên hệ",
}


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


@dataclasses.dataclass(frozen=True)
class NumberedItem:
    number: str                 # "1.", "2.1.", "a)"
    depth: int                  # 1 for items directly under a Roman part
    title: str | None
    text: str | None
    blocks: tuple["Block", ...]
    executor: str | None


Block = Union[Paragraph, BulletList, NumberedItem]


@dataclasses.dataclass(frozen=True)
class Part:
    id: str
    number: str                 # Roman numeral
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
class Document:
    plan_id: str
    plan_type: str
    year: int
    superior: str | None
    issuer: str
    number_line: str            # "Số: 29/KH-SXD" or "Số: …/KH-UBND"
    place_date: str             # "Lạng Sơn, ngày 03 tháng 4 năm 2019"
    title: str
    preamble: str | None
    parts: tuple[Part, ...]
    closing: str | None
    recipients: tuple[Union[RecipientLine, RecipientGroup], ...]
    signature: schema.Signature
    is_draft: bool              # no number yet
    cited: tuple[str, ...] = () # ids of the legal documents cited, in order of first citation


class ResolveError(Exception):
    """A problem with a plan; loc is the path of the offending key in the plan file."""

    def __init__(self, loc: tuple, message: str, in_type: bool = False):
        super().__init__(message)
        self.loc = loc
        self.message = message
        self.in_type = in_type   # the offending value is in the plan-type file


def field_labels(plan_type: schema.PlanType) -> dict[str, str]:
    return {**BUILTIN_FIELDS, **{f.id: f.label for f in plan_type.fields}}


def placeholders_in(value: str) -> list[str]:
    return PLACEHOLDER.findall(value)


# A fill-in or a citation, in one pass so that the text of one is never read as the other.
_TOKEN = re.compile(f"{PLACEHOLDER.pattern}|{legal.CITE.pattern}")


class Filler:
    """Turns a data value into resolved text: fill-ins replaced, citations worded.

    Records every document cited through it, so a resolved plan knows its legal bases.
    """

    def __init__(self, values: Mapping[str, str], registry: Mapping[str, schema.LegalDocument]):
        self.values = values
        self.registry = registry
        self.cited: dict[str, None] = {}

    def __call__(self, value: str) -> legal.Cited:
        pieces: list[tuple[str, str | None]] = []
        pos = 0
        for m in _TOKEN.finditer(value):
            pieces.append((value[pos:m.start()], None))
            pos = m.end()
            if m.group(1) is not None:                      # {name}
                found = self.values.get(m.group(1))
                pieces.extend(legal.pieces_of(found) if found is not None else [(m.group(0), None)])
                if isinstance(found, legal.Cited):
                    self.cited.update(dict.fromkeys(found.cited))
            else:                                           # {cite:id:parts}
                doc = self.registry.get(m.group(2))
                if doc is None:
                    raise legal.CiteError(f"văn bản '{m.group(2)}' không có trong danh mục căn cứ pháp lý")
                pieces.append((legal.wording(doc, legal.parse_parts(m.group(3))), doc.id))
                self.cited[doc.id] = None
        pieces.append((value[pos:], None))
        return legal.Cited(pieces)


def contact_text(contact: schema.Contact | None) -> str:
    if contact is None:
        return text.LONG_BLANK
    out = f"qua {contact.via}, " if contact.via else ""
    out += f"đầu mối {contact.person}"
    if contact.position:
        out += f" - {contact.position}"
    return out + f", số điện thoại {contact.phone}"


def plan_values(plan: schema.Plan, plan_type: schema.PlanType,
                registry: Mapping[str, schema.LegalDocument]) -> dict[str, str]:
    """What each placeholder becomes in this plan; an unfilled field prints as a blank.

    A fill-in value may itself cite a legal document ({cite:…}); it is worded here.
    """
    cite_only = Filler({}, registry)
    values = {f.id: cite_only(plan.fill[f.id]) if f.id in plan.fill else text.LONG_BLANK
              for f in plan_type.fields}
    values.update(year=str(plan.year), issuer=plan.issuer.short,
                  place=plan.place or text.LONG_BLANK, contact=contact_text(plan.contact))
    return values


def label_values(plan_type: schema.PlanType) -> dict[str, str]:
    """Placeholders shown as '[label]' on guidance pages."""
    return {k: f"[{v}]" for k, v in field_labels(plan_type).items()}


# ---------------------------------------------------------------- blocks

def _merge_items(blocks: list) -> list:
    """Consecutive item lists form one numbered sequence (so 'add' continues the numbering)."""
    out: list = []
    for b in blocks:
        if isinstance(b, schema.Items) and out and isinstance(out[-1], schema.Items) \
                and out[-1].numbering == b.numbering:
            out[-1] = schema.Items(items=[*out[-1].items, *b.items], numbering=b.numbering)
        else:
            out.append(b)
    return out


def resolve_blocks(blocks, fill: Filler, depth: int = 1, parent: str = "") -> tuple[Block, ...]:
    out: list[Block] = []
    for b in _merge_items(list(blocks)):
        if isinstance(b, str):
            out.append(Paragraph(fill(b)))
        elif isinstance(b, schema.Bullets):
            out.append(BulletList(tuple(
                BulletLine(fill(x)) if isinstance(x, str)
                else BulletLine(fill(x.text), tuple(fill(s) for s in x.bullets))
                for x in b.bullets), b.marker))
        else:
            for n, item in enumerate(b.items, start=1):
                if b.numbering == "letter":
                    number = f"{text.letter(n)})"
                else:
                    number = f"{parent}{n}."
                out.append(NumberedItem(
                    number=number, depth=depth,
                    title=item.title and fill(item.title),
                    text=item.text and fill(item.text),
                    blocks=resolve_blocks(item.content, fill, depth + 1,
                                          number if b.numbering == "decimal" else parent),
                    executor=item.executor and fill(item.executor)))
    return tuple(out)


def resolve(plan: schema.Plan, plan_type: schema.PlanType,
            registry: Mapping[str, schema.LegalDocument]) -> Document:
    fill = Filler(plan_values(plan, plan_type, registry), registry)
    defaults = plan_type.defaults

    def pick(name: str, required: bool = True):
        # A key written with no value ('closing:') means "none", not "use the default".
        if name in plan.model_fields_set:
            value = getattr(plan, name)
        else:
            value = getattr(defaults, name)
        if value is None and required:
            raise ResolveError((name,), f"thiếu '{name}': kế hoạch không ghi và loại kế hoạch "
                                        f"'{plan_type.id}' không có giá trị mặc định")
        return value

    parts = []
    for n, section in enumerate(plan_type.sections, start=1):
        own = plan.sections.get(section.id, schema.SectionContent())
        content = own.content if own.content is not None else section.sample
        blocks = [*content, *own.add]
        if not blocks:
            raise ResolveError(("sections",), f"phần '{section.id}' ({section.heading}) chưa có nội dung: "
                                              f"loại kế hoạch không có mẫu, hãy ghi sections.{section.id}.content")
        parts.append(Part(section.id, text.roman(n), fill(own.heading or section.heading),
                          resolve_blocks(blocks, fill)))

    symbol = pick("symbol")
    date = plan.date
    recipients = []
    for r in pick("recipients"):
        if isinstance(r, str):
            recipients.append(RecipientLine(fill(r)))
        else:
            recipients.append(RecipientGroup(tuple(fill(x) for x in r.group), fill(r.note)))
    preamble, closing = pick("preamble", False), pick("closing", False)
    return Document(
        plan_id=plan.id, plan_type=plan_type.id, year=plan.year,
        superior=plan.issuer.superior, issuer=plan.issuer.name,
        number_line=f"Số: {plan.number or text.BLANK}/{symbol}",
        place_date=text.official_date(plan.place, plan.year, date and date.month, date and date.day),
        title=fill(pick("title")),
        preamble=preamble and fill(preamble),
        parts=tuple(parts),
        closing=closing and fill(closing),
        recipients=tuple(recipients),
        signature=plan.signature,
        is_draft=not plan.number,
        cited=tuple(fill.cited),
    )
