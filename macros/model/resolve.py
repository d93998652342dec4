"""Resolution: a plan merged with its plan type into a document.Document.

resolve() merges a plan with its plan type (default wording, fill-in values),
numbers every part and item, and returns plain immutable objects. No numbering
or defaulting logic lives in a template or an export.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from . import legal, schema, text
from .document import (
    RELATIONS,
    Block,
    BulletLine,
    BulletList,
    Deadline,
    Document,
    NumberedItem,
    Paragraph,
    Part,
    RecipientGroup,
    RecipientLine,
)
from .wording import LevelWording, elsewhere, level_wording

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


class ResolveError(Exception):
    """A problem with a plan; loc is the path of the offending key in the plan file."""

    def __init__(self, loc: tuple, message: str, in_type: bool = False, type_key: tuple | None = None):
        super().__init__(message)
        self.loc = loc
        self.message = message
        self.in_type = in_type  # the offending value is in the plan-type file
        self.type_key = type_key  # where the plan-type file could hold what is missing


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

    def __init__(
        self,
        values: Mapping[str, str],
        registry: Mapping[str, schema.LegalDocument],
        roles: Mapping[str, schema.Role] | None = None,
    ):
        self.values = values
        self.registry = registry
        self.roles = roles or {}
        self.cited: dict[str, None] = {}

    def names(self, role_ids) -> str:
        """'Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội'."""
        names = [self.roles[r].name for r in role_ids]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]

    def __call__(self, value: str) -> legal.Cited:
        pieces: list[tuple[str, str | None]] = []
        pos = 0
        for m in _TOKEN.finditer(value):
            pieces.append((value[pos : m.start()], None))
            pos = m.end()
            if m.group(1) is not None:  # {name}
                found = self.values.get(m.group(1))
                pieces.extend(legal.pieces_of(found) if found is not None else [(m.group(0), None)])
                if isinstance(found, legal.Cited):
                    self.cited.update(dict.fromkeys(found.cited))
            else:  # {cite:id:parts}
                doc = self.registry.get(m.group(2))
                if doc is None:
                    raise legal.CiteError(f"văn bản '{m.group(2)}' không có trong danh mục căn cứ pháp lý")
                pieces.append((legal.cite(doc, m.group(3)), doc.id))
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


def plan_values(
    plan: schema.Plan, plan_type: schema.PlanType, registry: Mapping[str, schema.LegalDocument]
) -> dict[str, str]:
    """What each placeholder becomes in this plan; an unfilled field prints as a blank.

    A fill-in value may itself cite a legal document ({cite:…}); it is worded here.
    """
    cite_only = Filler({}, registry)
    values = {f.id: cite_only(plan.fill[f.id]) if f.id in plan.fill else text.LONG_BLANK for f in plan_type.fields}
    values.update(
        year=str(plan.year),
        issuer=plan.issuer.short,
        place=plan.place or text.LONG_BLANK,
        contact=contact_text(plan.contact),
    )
    return values


def label_values(plan_type: schema.PlanType) -> dict[str, str]:
    """Placeholders shown as '[label]' on guidance pages."""
    return {k: f"[{v}]" for k, v in field_labels(plan_type).items()}


# ---------------------------------------------------------------- blocks


def _merge_items(blocks: list) -> list:
    """Consecutive item lists form one numbered sequence (so 'add' continues the numbering)."""
    out: list = []
    for b in blocks:
        if (
            isinstance(b, schema.Items)
            and out
            and isinstance(out[-1], schema.Items)
            and out[-1].numbering == b.numbering
        ):
            out[-1] = schema.Items(items=[*out[-1].items, *b.items], numbering=b.numbering)
        else:
            out.append(b)
    return out


def _pairs(assign: schema.Assignment | None) -> tuple[tuple[str, str], ...]:
    if assign is None:
        return ()
    return tuple((rel, role) for rel in RELATIONS for role in getattr(assign, rel))


def _capital(value: str) -> str:
    return value[:1].upper() + value[1:]


def assigned_title(assign: schema.Assignment, fill: Filler) -> str:
    """Heading of an item given to roles: 'Công an xã', 'Đề nghị Ủy ban MTTQ Việt Nam xã và …'."""
    if assign.request and not (assign.lead or assign.carry_out):
        return "Đề nghị " + fill.names(assign.request)
    return _capital(fill.names(assign.lead + assign.carry_out))


def executor_line(assign: schema.Assignment, fill: Filler) -> str:
    """'Công an tỉnh chủ trì; Bộ Chỉ huy Quân sự tỉnh phối hợp thực hiện.'"""
    parts = []
    if assign.lead:
        parts.append(f"{fill.names(assign.lead)} chủ trì")
    if assign.carry_out:
        parts.append(f"{fill.names(assign.carry_out)} thực hiện")
    if assign.support:
        parts.append(f"{fill.names(assign.support)} phối hợp thực hiện")
    if assign.request:
        parts.append(f"đề nghị {fill.names(assign.request)} phối hợp")
    return _capital("; ".join(parts)) + "."


def resolve_blocks(
    blocks, fill: Filler, depth: int = 1, parent: str = "", executor_lines: bool = False
) -> tuple[Block, ...]:
    out: list[Block] = []
    for b in _merge_items(list(blocks)):
        if isinstance(b, str):
            out.append(Paragraph(fill(b)))
        elif isinstance(b, schema.Bullets):
            out.append(
                BulletList(
                    tuple(
                        BulletLine(fill(x))
                        if isinstance(x, str)
                        else BulletLine(fill(x.text), tuple(fill(s) for s in x.bullets))
                        for x in b.bullets
                    ),
                    b.marker,
                )
            )
        else:
            for n, item in enumerate(b.items, start=1):
                if b.numbering == "letter":
                    number = f"{text.letter(n)})"
                else:
                    number = f"{parent}{n}."
                title = item.title and fill(item.title)
                if title is None and item.text is None and item.assign is not None:
                    title = assigned_title(item.assign, fill)  # a part given to one body
                executor = item.executor and fill(item.executor)
                if executor is None and executor_lines and item.assign and (item.title or item.text):
                    executor = executor_line(item.assign, fill)
                out.append(
                    NumberedItem(
                        number=number,
                        depth=depth,
                        title=title,
                        text=item.text and fill(item.text),
                        blocks=resolve_blocks(
                            item.content,
                            fill,
                            depth + 1,
                            number if b.numbering == "decimal" else parent,
                            executor_lines,
                        ),
                        executor=executor,
                        assign=_pairs(item.assign),
                    )
                )
    return tuple(out)


def resolve_deadlines(deadlines, year: int, fill: Filler) -> tuple[Deadline, ...]:
    out = []
    for d in deadlines or ():
        day = None
        if d.date:
            parts = [int(x) for x in d.date.split("-")]
            day = dt.date(parts[0] if len(parts) == 3 else year, parts[-2], parts[-1])
        out.append(Deadline(d.kind, fill(d.title), day, d.every_year, d.to and fill(d.to), tuple(d.by)))
    return tuple(out)


def annex_line(annex: schema.AnnexTo) -> str:
    """'(Ban hành kèm theo Quyết định số 1234/QĐ-BCA ngày 05 tháng 3 năm 2024 của Bộ trưởng Bộ Công an)'."""
    number = annex.number or f"{text.BLANK}/QĐ-{text.BLANK}"
    d = annex.date
    day = text.official_day(d.year, d.month, d.day) if d else f"ngày {text.BLANK}"
    return f"(Ban hành kèm theo {annex.kind} số {number} {day} của {annex.issuer})"


def _signature(signature: schema.Signature, defaults: schema.Defaults) -> schema.Signature:
    """The plan's signature; its authority line from the level's default where it writes none."""
    if "authority" in signature.model_fields_set or defaults.authority is None:
        return signature
    return signature.model_copy(update={"authority": defaults.authority})


def part_ids(plan: schema.Plan, plan_type: schema.PlanType) -> list[str]:
    """The ids of the parts a plan prints, in order: its own 'parts', else its type's."""
    return list(plan.parts) if plan.parts is not None else [s.id for s in plan_type.sections]


def _parts(plan: schema.Plan, plan_type: schema.PlanType, fill: Filler, wording: LevelWording):
    """(id, heading, blocks) of each part the plan prints. A part of the type keeps its id (its
    guidance is looked up by it) and its sample unless the plan replaces it; a part of the plan's
    own comes from its 'sections' entry (heading and content)."""
    of_type = {s.id: s for s in plan_type.sections}
    for pid in part_ids(plan, plan_type):
        section = of_type.get(pid)
        own = plan.sections.get(pid, schema.SectionContent())
        if section is None and (own.heading is None or own.content is None):
            raise ResolveError(
                ("sections", pid),
                f"phần '{pid}' là phần riêng của kế hoạch (không có trong loại kế hoạch '{plan_type.id}'): "
                f"cần 'heading' và 'content' trong sections.{pid}",
            )
        sample = wording.samples.get(pid, []) if section else []
        content = own.content if own.content is not None else sample
        blocks = [*content, *own.add]
        if not blocks:
            if own.content is None and section.sample and wording.borrowed:
                raise ResolveError(
                    ("sections", pid) if pid in plan.sections else ("sections",),
                    f"phần '{pid}' ({section.heading}) chưa có nội dung: {elsewhere(plan_type, wording)}; "
                    f"ghi sections.{pid}.content trong kế hoạch (như bản gốc), hoặc thêm nội dung mẫu của cấp này",
                    type_key=("levels", wording.index, "samples", pid),
                )
            if own.content is not None:
                message = (
                    f"phần '{pid}' không còn nội dung: 'content: []' bỏ nội dung mẫu nhưng không có 'add'; "
                    f"ghi nội dung vào sections.{pid}.content, hoặc bỏ phần này bằng danh sách 'parts' không có '{pid}'"
                )
            else:
                message = (
                    f"phần '{pid}' ({section.heading}) chưa có nội dung: loại kế hoạch '{plan_type.id}' "
                    f"không có nội dung mẫu cho phần này, hãy ghi sections.{pid}.content"
                )
            raise ResolveError(("sections", pid) if pid in plan.sections else ("sections",), message)
        lines = own.executor_lines if own.executor_lines is not None else bool(section and section.executor_lines)
        yield pid, fill(own.heading or section.heading), resolve_blocks(blocks, fill, executor_lines=lines)


def resolve(
    plan: schema.Plan,
    plan_type: schema.PlanType,
    registry: Mapping[str, schema.LegalDocument],
    roles: Mapping[str, schema.Role] | None = None,
    values: Mapping[str, str] | None = None,
) -> Document:
    """values: fill-in values that replace the plan's own (model/draft.py: a token for the contact)."""
    fill = Filler({**plan_values(plan, plan_type, registry), **(values or {})}, registry, roles)
    wording = level_wording(plan_type, plan.level)
    defaults = wording.defaults

    def pick(name: str, required: bool = True):
        # A key written with no value ('closing:') means "none", not "use the default".
        if name in plan.model_fields_set:
            return getattr(plan, name)
        value = getattr(defaults, name)
        # Another level's opening or closing paragraph is not silently dropped either: the plan says.
        borrowed = (
            wording.borrowed
            and getattr(plan_type.defaults, name) is not None
            and name not in wording.own_keys
            and name != "deadlines"
        )
        if value is None and borrowed:
            raise ResolveError(
                (name,),
                f"thiếu '{name}': kế hoạch không ghi, và {elsewhere(plan_type, wording)}; ghi '{name}' trong kế hoạch "
                f"như bản gốc{'' if required else ' (khóa không có giá trị khi bản gốc không có)'}, "
                "hoặc thêm giá trị mặc định của cấp này",
                type_key=("levels", wording.index, "defaults", name),
            )
        if value is None and required:
            raise ResolveError(
                (name,),
                f"thiếu '{name}': kế hoạch không ghi và loại kế hoạch '{plan_type.id}' không có giá trị mặc định",
            )
        return value

    parts = tuple(
        Part(pid, text.roman(n), heading, blocks)
        for n, (pid, heading, blocks) in enumerate(_parts(plan, plan_type, fill, wording), start=1)
    )

    symbol = None if plan.annex_to else pick("symbol")
    date = plan.date
    recipients = []
    # 'recipients: []' (or the key with no value): the original has no 'Nơi nhận' (load/ warns).
    for r in (plan.recipients or ()) if "recipients" in plan.model_fields_set else pick("recipients"):
        if isinstance(r, str):
            recipients.append(RecipientLine(fill(r)))
        else:
            recipients.append(RecipientGroup(tuple(fill(x) for x in r.group), fill(r.note)))
    preamble, closing = pick("preamble", False), pick("closing", False)
    return Document(
        plan_id=plan.id,
        plan_type=plan_type.id,
        year=plan.year,
        superior=plan.issuer.superior,
        issuer=plan.issuer.name,
        number_line=None if plan.annex_to else f"Số: {plan.number or text.BLANK}/{symbol}",
        place_date=""
        if plan.annex_to
        else text.official_date(plan.place, plan.year, date and date.month, date and date.day),
        annex_line=plan.annex_to and annex_line(plan.annex_to),
        title=fill(pick("title")),
        preamble=preamble and fill(preamble),
        parts=parts,
        closing=closing and fill(closing),
        recipients=tuple(recipients),
        signature=_signature(plan.signature, defaults),
        is_draft=not (plan.annex_to.number if plan.annex_to else plan.number),
        cited=tuple(fill.cited),
        deadlines=resolve_deadlines(pick("deadlines", False), plan.year, fill),
    )
