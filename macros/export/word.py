"""A resolved plan as a Word document in the form of Nghị định 30/2020/NĐ-CP.

The layout follows Phụ lục I of the decree (thể thức và kỹ thuật trình bày văn bản
hành chính): A4 portrait, Times New Roman, body 14 pt, margins top and bottom 20 mm,
left 30 mm, right 15 mm; the header as a borderless table of two columns (issuing
body and number left; national name, motto, place and date right, with their short
rules); KẾ HOẠCH and the title centred and bold; the body from outline.body(), the
same lines the page shows; recipients and the signature block side by side; page
numbers from page 2, centred in the top margin.

python-docx covers nearly all of it. A few lines of OOXML add what it lacks:
paragraph borders (the short rules), "no borders" on tables, the PAGE field, the
document's default fonts and proofing language, and the width of the brace that
groups recipients. Everything printed is already resolved text of the Document.

Every text goes through one function (`t`, word_slots.clean unless word_cache.py asks
for marks), so word_cache.py can turn one file into a template for every document of
its shape; write() is the reference its files equal. Files carry a given date, never
"now", and are zipped by zip_writer.py: the same data makes the same bytes.
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from collections.abc import Callable, Iterable, Sequence

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from ..model import document, outline
from . import ooxml, zip_writer
from .word_slots import Notes, Properties, clean

Text = Callable[[str], str]  # how a value is written into the file (clean, or a mark to fill in)
# The dates of a file made without a build's date (tests): fixed, never "now".
EPOCH = _dt.datetime(2020, 1, 1, tzinfo=_dt.UTC)

FONT, LANGUAGE = ooxml.FONT, ooxml.LANGUAGE

# Page and margins (Phụ lục I, mục I: lề trên, dưới 20–25 mm; trái 30–35 mm; phải 15–20 mm).
PAGE_W_MM, PAGE_H_MM = 210, 297
MARGIN_TOP_MM, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 20, 20, 30, 15
HEADER_DISTANCE_MM = 10  # the page number sits in the top margin
TEXT_W_MM = PAGE_W_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM

# Sizes in points, each within the range Phụ lục I gives for that element.
SIZE_BODY = 14  # nội dung 13–14
SIZE_ISSUER = 13  # tên cơ quan ban hành, cơ quan chủ quản 12–13; số, ký hiệu 13
SIZE_NATION = 12  # quốc hiệu 12–13
SIZE_MOTTO = 13  # tiêu ngữ 13–14
SIZE_DATE = 14  # địa danh, ngày tháng 13–14, nghiêng
SIZE_TITLE = 14  # tên loại, trích yếu 13–14, đậm
SIZE_RECIPIENTS_LABEL = 12  # "Nơi nhận:" 12, nghiêng, đậm
SIZE_RECIPIENTS = 11  # các dòng nơi nhận 11
SIZE_SIGNATURE = 14  # quyền hạn, chức vụ, họ tên người ký 13–14, đậm
SIZE_PAGE_NUMBER = 13  # số trang 13–14

FIRST_LINE_INDENT_MM = 10  # lùi đầu dòng 1–1,27 cm
PARAGRAPH_SPACE_PT = 6  # cách đoạn tối thiểu 6 pt
LINE_SPACING = 1.15  # từ dòng đơn đến 1,5 dòng

# Header columns (issuing body | national name), footer columns (recipients | signature).
HEADER_COLS_MM = (62, TEXT_W_MM - 62)
FOOTER_COLS_MM = (82, TEXT_W_MM - 82)
GROUP_COLS_MM = (56, 22)  # recipients sharing one note: lines | brace and note
CELL_PADDING_MM = 1.9  # Word's default left and right cell margin (0.08 in)
RECIPIENT_HANG_MM = 2.5  # wrapped recipient lines start under the text after '- '
RULE_GAP_PT = 3  # from the bottom of a line of text to the short rule under it

# Width of "Độc lập - Tự do - Hạnh phúc" in Times New Roman Bold 13 pt, measured from the
# advance widths of Liberation Serif Bold (metric-compatible): the rule under it is as long.
MOTTO_WIDTH_MM = 56.1
# Average advance of Times New Roman Bold on Vietnamese sentence-case text, per point of size.
AVG_BOLD_ADVANCE_MM_PER_PT = 0.162


# ---------------------------------------------------------------- building blocks


def _style(doc) -> None:
    ooxml.defaults(doc)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE_BODY)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Mm(FIRST_LINE_INDENT_MM)
    fmt.space_before = Pt(PARAGRAPH_SPACE_PT)
    fmt.space_after = Pt(0)
    fmt.line_spacing = LINE_SPACING
    fmt.widow_control = True


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_W_MM), Mm(PAGE_H_MM)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT_MM), Mm(MARGIN_RIGHT_MM)
    section.header_distance = Mm(HEADER_DISTANCE_MM)
    section.footer_distance = Mm(HEADER_DISTANCE_MM)
    # No number on the first page; from page 2, centred at the top.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    number = section.header.paragraphs[0]
    _centred(number)
    number.paragraph_format.space_before = Pt(0)
    ooxml.page_field(number)
    for run in number.runs:
        run.font.size = Pt(SIZE_PAGE_NUMBER)


def _centred(p: Paragraph, space_before: float = 0) -> Paragraph:
    fmt = p.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.first_line_indent = Mm(0)
    fmt.space_before = Pt(space_before)
    fmt.line_spacing = 1.0
    return p


def _left(p: Paragraph) -> Paragraph:
    fmt = p.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
    fmt.first_line_indent = Mm(0)
    fmt.space_before = Pt(0)
    fmt.line_spacing = 1.0
    return p


def _hanging(p: Paragraph) -> Paragraph:
    """A recipient line that wraps under its text, not under its '- '."""
    p.paragraph_format.left_indent = Mm(RECIPIENT_HANG_MM)
    p.paragraph_format.first_line_indent = Mm(-RECIPIENT_HANG_MM)
    return p


def _run(
    p: Paragraph, value: str, size: float | None = None, bold: bool = False, italic: bool = False, caps: bool = False
):
    run = p.add_run(value)  # already written out by the caller's text function (word_slots.clean)
    if size:
        run.font.size = Pt(size)
    run.font.bold = bold or None
    run.font.italic = italic or None
    if caps:
        run.font.all_caps = True
    return run


def _new(container) -> Paragraph:
    """The next paragraph of the document or of a table cell.

    A cell is never empty: a new cell, and a cell after a nested table, end with a
    bare paragraph; that one is used first.
    """
    if isinstance(container, _Cell):
        last = container._tc[-1]
        if last.tag == qn("w:p") and len(last) == 0:
            return Paragraph(last, container)
    return container.add_paragraph()


def _rule(container, width_mm: float, box_mm: float, gap_pt: float = RULE_GAP_PT) -> Paragraph:
    """A short centred rule: an empty paragraph a few points high, indented to width_mm, with a bottom border."""
    p = _new(container)
    fmt = p.paragraph_format
    side = _rule_side_mm(width_mm, box_mm)
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.left_indent = fmt.right_indent = Mm(side)
    fmt.first_line_indent = Mm(0)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(gap_pt)
    ooxml.bottom_border(p)
    return p


def _table(container, widths_mm: Sequence[float]):
    table = container.add_table(rows=1, cols=len(widths_mm))
    table.autofit = False
    ooxml.no_borders(table)
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    return table


def _estimated_width_mm(value: str, size: float) -> float:
    return min(len(value) * size * AVG_BOLD_ADVANCE_MM_PER_PT, TEXT_W_MM)


def _rule_side_mm(width_mm: float, box_mm: float) -> float:
    return max(0.0, (box_mm - width_mm) / 2)


def _title_rule_mm(title: str) -> float:
    # about 2/5 of the title's line (1/3–1/2)
    return 0.4 * _estimated_width_mm(title, SIZE_TITLE)


def title_rule_indent(title: str) -> int:
    """The left and right indent (twips) of the rule under the title: the one number of a
    file that depends on the length of a text (word_cache.py fills it in per file)."""
    return Mm(_rule_side_mm(_title_rule_mm(title), TEXT_W_MM)).twips


# ---------------------------------------------------------------- the document


def _header(doc, d: document.Document, t: Text) -> None:
    table = _table(doc, HEADER_COLS_MM)
    row = table.add_row()  # row 1: issuing body | national name; row 2: number | place and date
    issuer, nation = table.rows[0].cells
    number, date = row.cells
    for cell, width in zip(row.cells, HEADER_COLS_MM):
        cell.width = Mm(width)
    box = [w - 2 * CELL_PADDING_MM for w in HEADER_COLS_MM]

    if d.superior:
        _run(_centred(_new(issuer)), t(d.superior), SIZE_ISSUER, caps=True)
    _run(_centred(_new(issuer)), t(d.issuer), SIZE_ISSUER, bold=True, caps=True)
    # the rule under the issuing body: a third of the column (1/3–1/2 of the name's line)
    _rule(issuer, box[0] / 3, box[0])
    if d.number_line:  # none for a plan issued with a decision
        _run(_centred(_new(number), 6), t(d.number_line), SIZE_ISSUER)

    _run(_centred(_new(nation)), t(outline.NATION), SIZE_NATION, bold=True)
    _run(_centred(_new(nation)), t(outline.MOTTO), SIZE_MOTTO, bold=True)
    _rule(nation, MOTTO_WIDTH_MM, box[1])
    if d.place_date:
        _run(_centred(_new(date), 6), t(d.place_date), SIZE_DATE, italic=True)


def _title(doc, d: document.Document, notes: Notes | None, t: Text, when: _dt.datetime):
    kind = _run(_centred(_new(doc), 18), t(outline.KIND), SIZE_TITLE, bold=True)
    _run(_centred(_new(doc)), t(d.title), SIZE_TITLE, bold=True)
    _annex(doc, d, t)
    _rule(doc, _title_rule_mm(d.title), TEXT_W_MM, gap_pt=RULE_GAP_PT + 2)
    if notes and notes.title:
        _comment(doc, kind, notes.title, notes.author, t, when)


def _annex(doc, d: document.Document, t: Text) -> None:
    """'(Ban hành kèm theo Quyết định số …)' under the title of a plan issued with a decision: italic."""
    if d.annex_line:
        _run(_centred(_new(doc)), t(d.annex_line), SIZE_DATE, italic=True)


def _comment(doc, run, paragraphs: Sequence[str], author: str, t: Text, when: _dt.datetime) -> None:
    comment = doc.add_comment(run, text=t(paragraphs[0]), author=author, initials="HD")
    comment._comment_elm.date = when  # python-docx stamps "now": same file every build
    for more in paragraphs[1:]:
        comment.add_paragraph(t(more))


def _body(doc, lines: Iterable[outline.Line], notes: Notes | None, t: Text, when: _dt.datetime) -> None:
    first = True
    for line in lines:
        if isinstance(line, outline.Heading):
            p = _new(doc)
            run = _run(p, t(f"{line.number} {line.text}"), bold=True, italic=line.depth >= 2)
            p.paragraph_format.keep_with_next = True
            if line.depth == 0 and not first:
                p.paragraph_format.space_before = Pt(2 * PARAGRAPH_SPACE_PT)
            if notes and line.part_id in notes.parts:
                _comment(doc, run, notes.parts[line.part_id], notes.author, t, when)
        elif isinstance(line, outline.Para):
            p = _new(doc)
            _run(p, t(f"{line.number} {line.text}" if line.number else line.text))
        elif isinstance(line, outline.Executor):
            p = _new(doc)
            _run(p, t(f"{line.label} "))
            _run(p, t(line.text), italic=True)
        else:  # a bullet list: '- ' lines, their '+ ' sub-lines
            for bullet in line.lines:
                _run(_new(doc), t(f"{line.marker} {bullet.text}"))
                for sub in bullet.sub:
                    _run(_new(doc), t(f"+ {sub}"))
        first = False


def _recipients(cell, d: document.Document, t: Text) -> None:
    if not d.recipients:  # the original has no 'Nơi nhận': the cell stays empty
        return
    _run(_left(_new(cell)), t(outline.RECIPIENTS_LABEL), SIZE_RECIPIENTS_LABEL, bold=True, italic=True)
    for r in d.recipients:
        if isinstance(r, document.RecipientGroup):
            group = _table(cell, GROUP_COLS_MM)
            ooxml.no_side_padding(group)
            lines, note = group.rows[0].cells
            for line in r.lines:
                _run(_hanging(_left(_new(lines))), t(f"- {line}"), SIZE_RECIPIENTS)
            note.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            p = _left(_new(note))
            # a brace as tall as the lines it groups, kept thin, the note level with its middle
            height = SIZE_RECIPIENTS * 1.15 * len(r.lines)
            brace = _run(p, t("}"), height)
            ooxml.narrow(brace, 40)
            ooxml.lift(_run(p, t(f" {r.note}"), SIZE_RECIPIENTS), 0.25 * height - 0.3 * SIZE_RECIPIENTS)
        else:
            _run(_hanging(_left(_new(cell))), t(f"- {r.text}"), SIZE_RECIPIENTS)


def _signature(cell, d: document.Document, t: Text) -> None:
    s = d.signature
    lines = [x for x in (s.authority, s.title, s.subtitle) if x]
    for value in lines:
        _run(_centred(_new(cell)), t(value), SIZE_SIGNATURE, bold=True)
    if s.name:
        # room for the signature and the seal
        _run(_centred(_new(cell), 64), t(s.name), SIZE_SIGNATURE, bold=True)


def _footer(doc, d: document.Document, t: Text) -> None:
    spacer = _new(doc)
    spacer.paragraph_format.space_before = Pt(0)
    spacer.paragraph_format.keep_with_next = True
    table = _table(doc, FOOTER_COLS_MM)
    ooxml.keep_row_on_one_page(table.rows[0])
    recipients, signature = table.rows[0].cells
    _recipients(recipients, d, t)
    _signature(signature, d, t)


def _properties(doc, props: Properties, now: _dt.datetime, t: Text) -> None:
    core = doc.core_properties
    core.title = t(props.title)
    core.subject = t(props.subject)
    core.keywords = t(props.keywords)
    core.author = ""
    core.comments = ""
    core.last_modified_by = ""
    core.language = LANGUAGE
    core.created = core.modified = now
    core.revision = 1


def parts(
    d: document.Document, props: Properties, notes: Notes | None, when: _dt.datetime, t: Text = clean
) -> list[tuple[str, bytes]]:
    """The package of a resolved plan (or of a plan type's blank form): (name, bytes) of each
    part, in python-docx's order. `when` stamps the file's dates; `t` writes every text
    (word_cache.py passes one that leaves a mark to fill in later)."""
    doc = docx.Document()
    _style(doc)
    _page(doc)
    # the template's body starts with one empty paragraph: drop it, the header table comes first
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    _header(doc, d, t)
    _title(doc, d, notes, t, when)
    _body(doc, outline.body(d), notes, t, when)
    _footer(doc, d, t)
    _properties(doc, props, when, t)
    out = io.BytesIO()
    doc.save(out)
    with zipfile.ZipFile(out) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def write(d: document.Document, props: Properties, notes: Notes | None = None, when: _dt.datetime = EPOCH) -> bytes:
    """The .docx file of a resolved plan (or of a plan type's blank form), made by python-docx
    alone: the reference word_cache.py's files are equal to, byte for byte."""
    return zip_writer.pack([(name, zip_writer.deflate(data)) for name, data in parts(d, props, notes, when)], when)
