"""Legal bases (căn cứ pháp lý): the registry and citations of it.

A plan or plan type cites a registry entry inside any text value with
`{cite:<id>}`, or `{cite:<id>:<parts>}` to choose which parts of the official
wording to print, in this order:

    loai      kind             Nghị định
    so        number           số 62/2023/NĐ-CP
    ngay      short date       ngày 18/8/2023
    ngay-dai  long date        ngày 18 tháng 8 năm 2023
    cua       issuer           của Chính phủ
    ve        subject          về sửa đổi, bổ sung …

The default is `loai,so,ngay,cua,ve`. A part whose fact the registry does not
hold (not sourced) is an error at build time: a citation never prints a guessed
number or date. `so=<number>` prints the number as the citing plan writes it
(`{cite:kh-612-bca:loai,so=612/KH-BCA-V05}`): one of the document's
`number_variants`, each recorded with its source.

Resolved text carries the citations it contains (Cited), so the page can link
each one to its registry entry while the Word and text exports see plain text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from . import schema
from .text import did_you_mean

# {cite:nd-62-2023} or {cite:nd-62-2023:loai,so,ngay}
CITE = re.compile(r"\{cite:([^}:]*)(?::([^}]*))?\}")
PARTS = ("loai", "so", "ngay", "ngay-dai", "cua", "ve")
DEFAULT_PARTS = ("loai", "so", "ngay", "cua", "ve")
# The fact each part prints, and its name in messages.
PART_FACT = {
    "so": ("number", "số, ký hiệu"),
    "ngay": ("date", "ngày ban hành"),
    "ngay-dai": ("date", "ngày ban hành"),
    "cua": ("issuer", "cơ quan ban hành"),
    "ve": ("subject", "trích yếu"),
}

UNVERIFIED = "chưa xác minh"
# Kinds cited by name: "Luật Phòng, chống khủng bố số 28/2013/QH13", the name right after the kind.
NAMED_KINDS = ("Luật", "Pháp lệnh")

# Each relation as read from the document that holds it, and from its target.
RELATION_WORDS = {
    "amends": ("Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi"),
    "replaces": ("Thay thế", "Được thay thế bởi"),
    "implements": ("Triển khai thực hiện", "Được triển khai thực hiện bởi"),
    "based_on": ("Căn cứ vào", "Là căn cứ của"),
}


class CiteError(ValueError):
    """A citation that cannot be printed; the message says what to fix."""


class Cited(str):
    """Resolved text that remembers which stretches are citations.

    pieces: ((text, document id or None), …) whose texts join to the string.
    """

    pieces: tuple[tuple[str, str | None], ...] = ()

    def __new__(cls, pieces: Iterable[tuple[str, str | None]]):
        merged: list[tuple[str, str | None]] = []
        for piece, doc_id in pieces:
            if not piece:
                continue
            if merged and doc_id is None and merged[-1][1] is None:
                merged[-1] = (merged[-1][0] + piece, None)
            else:
                merged.append((piece, doc_id))
        obj = super().__new__(cls, "".join(p for p, _ in merged))
        obj.pieces = tuple(merged)
        return obj

    @property
    def cited(self) -> tuple[str, ...]:
        return tuple(doc_id for _, doc_id in self.pieces if doc_id)


def pieces_of(value: str) -> tuple[tuple[str, str | None], ...]:
    return value.pieces if isinstance(value, Cited) else ((value, None),)


def short_date(value: dt.date) -> str:
    """18/8/2023, 05/9/2019, 27/01/2014: the Nghị định 30/2020/NĐ-CP rule (see text.official_date)."""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"{value.day:02d}/{month}/{value.year}"


def long_date(value: dt.date) -> str:
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"{value.day:02d} tháng {month} năm {value.year}"


class Parts(NamedTuple):
    """What a citation prints: its parts in order, and the number variant `so=` asked for."""

    parts: tuple[str, ...]
    number: str | None = None


def parse_parts(raw: str | None) -> Parts:
    if raw is None:
        return Parts(DEFAULT_PARTS)
    parts, number = [], None
    for part in (p.strip() for p in raw.split(",")):
        if part.startswith("so="):
            part, number = "so", part[3:].strip()
        parts.append(part)
    unknown = [p for p in parts if p not in PARTS]
    if unknown or not parts or number == "":
        raise CiteError(
            f"cách trích '{raw}' không hợp lệ; dùng các phần {', '.join(PARTS)} "
            f"cách nhau bằng dấu phẩy, ví dụ {{cite:nd-62-2023:loai,so,ngay}}; "
            f"số như văn bản dẫn ghi: so=<số>, ví dụ {{cite:kh-612-bca:loai,so=612/KH-BCA-V05}}"
        )
    return Parts(tuple(parts), number)


def cite(doc: schema.LegalDocument, raw: str | None) -> str:
    """The wording of `{cite:<id>:<raw>}`; raises CiteError as wording() does."""
    parts, number = parse_parts(raw)
    return wording(doc, parts, number)


def numbers(doc: schema.LegalDocument) -> tuple[str, ...]:
    """The registry's number, then each variant seen, as written."""
    return ((doc.number,) if doc.number else ()) + tuple(v.number for v in doc.number_variants)


def designation(doc: schema.LegalDocument) -> str:
    """'Nghị định số 62/2023/NĐ-CP', or the kind and subject when the document has no number."""
    name = f"{doc.kind} {doc.subject}" if doc.kind in NAMED_KINDS and doc.subject else doc.kind
    if doc.number:
        return f"{name} số {doc.number}"
    return f"{doc.kind} {doc.subject}" if doc.subject else f"{doc.kind} ({UNVERIFIED})"


def wording(doc: schema.LegalDocument, parts: tuple[str, ...] = DEFAULT_PARTS, number: str | None = None) -> str:
    """The official wording of a citation, with the number variant `number` if given; raises
    CiteError when a part's fact is not in the registry, or the variant is not one of its numbers."""
    if number is not None and doc.number and number not in numbers(doc):
        raise CiteError(
            f"số '{number}' không phải cách ghi số của văn bản '{doc.id}' trong danh mục; có: "
            f"{', '.join(numbers(doc))}. Ghi cách ghi này vào 'number_variants' của văn bản, kèm nguồn"
        )
    missing = [label for part, (fact, label) in PART_FACT.items() if part in parts and getattr(doc, fact) is None]
    if missing:
        usable = ",".join(p for p in parts if p not in PART_FACT or getattr(doc, PART_FACT[p][0]) is not None)
        raise CiteError(
            f"văn bản '{doc.id}' chưa có {', '.join(dict.fromkeys(missing))} đã xác minh trong danh mục; "
            f"bỏ phần đó khỏi cách trích (ví dụ {{cite:{doc.id}:{usable}}}) hoặc bổ sung thông tin có nguồn"
        )
    words = []
    order = PARTS
    if doc.kind in NAMED_KINDS:
        order = ("loai", "ve", *(p for p in PARTS if p not in ("loai", "ve")))
    for part in order:
        if part not in parts:
            continue
        if part == "loai":
            words.append(doc.kind)
        elif part == "so":
            words.append(f"số {number or doc.number}")
        elif part == "ngay":
            words.append(f"ngày {short_date(doc.date)}")
        elif part == "ngay-dai":
            words.append(f"ngày {long_date(doc.date)}")
        elif part == "cua":
            words.append(f"của {doc.issuer}")
        elif part == "ve":
            words.append(doc.subject)
    return " ".join(words)


def check_citations(value: str, registry: Mapping[str, schema.LegalDocument]) -> list[str]:
    """Problems with the citations in one text value (unknown id, bad parts, unsourced facts)."""
    problems = []
    for m in CITE.finditer(value):
        doc_id, raw = m.group(1), m.group(2)
        doc = registry.get(doc_id)
        if doc is None:
            problems.append(
                f"trích dẫn '{m.group(0)}': văn bản '{doc_id}' không có trong danh mục căn cứ pháp lý "
                f"(data/legal/){did_you_mean(doc_id, registry)}"
            )
            continue
        try:
            cite(doc, raw)
        except CiteError as exc:
            problems.append(f"trích dẫn '{m.group(0)}': {exc}")
    return problems


# ---------------------------------------------------------------- relations


@dataclasses.dataclass(frozen=True)
class Relation:
    type: str  # amends, replaces, implements, based_on
    words: str  # "Được sửa đổi, bổ sung bởi"
    other: schema.LegalDocument
    incoming: bool  # the other document acts on this one


def relations_of(doc: schema.LegalDocument, registry: Mapping[str, schema.LegalDocument]) -> list[Relation]:
    """Both directions: what this document does to others, and what others do to it."""
    out = [
        Relation(r.type, RELATION_WORDS[r.type][0], registry[r.target], False)
        for r in doc.relations
        if r.target in registry
    ]
    for other in registry.values():
        for r in other.relations:
            if r.target == doc.id:
                out.append(Relation(r.type, RELATION_WORDS[r.type][1], other, True))
    return out


def acting_on(doc_id: str, kind: str, registry: Mapping[str, schema.LegalDocument]) -> list[schema.LegalDocument]:
    """Documents that amend / replace (kind) the given one."""
    return [d for d in registry.values() if any(r.type == kind and r.target == doc_id for r in d.relations)]


def year_of(doc: schema.LegalDocument) -> int | None:
    when = doc.effective or doc.date
    return when.year if when else None


def check_plan(
    year: int, cited: Iterable[str], registry: Mapping[str, schema.LegalDocument]
) -> tuple[dict[str, str], dict[str, str]]:
    """Citations of one plan against its year: (errors, warnings), each {document id: message}.

    - citing a document replaced before the plan's year is an error;
    - citing a document amended (by the plan's year) without citing the amending one is a warning.
    """
    cited = set(cited)
    errors, warnings = {}, {}
    for doc_id in sorted(cited):
        doc = registry[doc_id]
        replaced = [r for r in acting_on(doc_id, "replaces", registry) if year_of(r) and year_of(r) < year]
        if replaced:
            errors[doc_id] = (
                f"{designation(doc)} đã được thay thế bởi "
                f"{'; '.join(designation(r) for r in replaced)} trước năm {year}; "
                f"dẫn văn bản thay thế"
            )
            continue
        amenders = [a for a in acting_on(doc_id, "amends", registry) if year_of(a) is None or year_of(a) <= year]
        if amenders and not any(a.id in cited for a in amenders):
            warnings[doc_id] = (
                f"{designation(doc)} đã được sửa đổi, bổ sung bởi "
                f"{'; '.join(designation(a) for a in amenders)}; nên dẫn cả văn bản sửa đổi"
            )
    return errors, warnings


def status_label(doc: schema.LegalDocument) -> str:
    """The status a page prints: the sourced value, else 'chưa xác minh' (what was tried is on the document's page)."""
    return doc.status.value if doc.status and doc.status.value else UNVERIFIED
