"""OOXML that python-docx lacks, for the Word layout of word.py: paragraph borders (the
short rules), "no borders" on tables, cell margins, the PAGE field, character width and
position, rows kept on one page, the document's default fonts and proofing language.

Each element is inserted where the OOXML schema orders it among its siblings.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
LANGUAGE = "vi-VN"

# Children of w:pPr that come after w:pBdr, and of w:tblPr after w:tblBorders (schema order).
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_AFTER_TBLBORDERS = (
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)
_AFTER_W = (
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def element(tag: str, **attrs: str) -> BaseOxmlElement:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def bottom_border(paragraph: Paragraph) -> None:
    """A thin solid line under the paragraph, as long as the paragraph is wide."""
    border = element("w:pBdr")
    border.append(element("w:bottom", val="single", sz="6", space="1", color="auto"))
    paragraph._p.get_or_add_pPr().insert_element_before(border, *_AFTER_PBDR)


def no_borders(table) -> None:
    borders = element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(element(f"w:{edge}", val="nil"))
    table._tbl.tblPr.insert_element_before(borders, *_AFTER_TBLBORDERS)


def no_side_padding(table) -> None:
    """Cells without left and right margins: a nested table's text lines up with the text around it."""
    margins = element("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(element(f"w:{side}", w="0", type="dxa"))
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def page_field(paragraph: Paragraph) -> None:
    """The PAGE field: Word and LibreOffice print the current page number there."""
    for kind, instruction in (("begin", None), (None, " PAGE "), ("separate", None), (None, None), ("end", None)):
        run = paragraph.add_run()
        if kind:
            run._r.append(element("w:fldChar", fldCharType=kind))
        elif instruction:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = instruction
            run._r.append(code)
        else:
            run.text = "2"  # shown until the field is updated


def narrow(run, percent: int) -> None:
    """Character width (w:w), for a tall brace that stays thin."""
    run._r.get_or_add_rPr().insert_element_before(element("w:w", val=str(percent)), *_AFTER_W)


def lift(run, points: float) -> None:
    """Lift a run above the baseline (w:position, in half-points): a note level with its brace's middle."""
    run._r.get_or_add_rPr().insert_element_before(element("w:position", val=str(round(points * 2))), *_AFTER_W[2:])


def keep_row_on_one_page(row) -> None:
    """w:cantSplit: recipients and signature never break across two pages."""
    row._tr.get_or_add_trPr().append(element("w:cantSplit"))


def defaults(doc) -> None:
    """Times New Roman for every script, Vietnamese proofing, the document's base size."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = element("w:lang")
        rpr.insert_element_before(lang, *_AFTER_LANG)
    lang.set(qn("w:val"), LANGUAGE)
