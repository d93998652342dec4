"""A resolved plan as plain text, for pasting into other systems.

The lines the page and the Word file print, in reading order: the issuing body
and number, the national name, motto, place and date, KẾ HOẠCH and the title,
the body (outline.body), the recipients, the signature block. A blank line
between paragraphs; bullets keep their '- ' and '+ ' marks and numbers are text,
so the result pastes as it reads. UTF-8, NFC, '\\n' line ends.
"""

from __future__ import annotations

from ..model import document, outline, text


def write(d: document.Document) -> str:
    """The text of a plan: paragraphs separated by one blank line."""
    s = d.signature
    blocks = [
        [x for x in (d.superior, d.issuer, d.number_line) if x],
        [x for x in (outline.NATION, outline.MOTTO, d.place_date) if x],
        [x for x in (outline.KIND, d.title, d.annex_line) if x],
        *([p] for p in outline.as_text(outline.body(d))),
        outline.recipients_as_text(d) if d.recipients else [],
        [x for x in (s.authority, s.title, s.subtitle) if x],
    ]
    if s.name:
        blocks.append([s.name])
    # a value is one paragraph: line breaks inside it are folded, as on the page
    paragraphs = ["\n".join(" ".join(line.split()) for line in block) for block in blocks if block]
    return text.nfc("\n\n".join(paragraphs) + "\n")
