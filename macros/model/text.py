"""Text helpers shared by the loader and the renderers.

Everything that turns a data value into output text goes through here, so the
rules (NFC, ASCII slugs, escaping, official date format) live in one place.
"""

from __future__ import annotations

import difflib
import functools
import html
import re
import unicodedata
from collections.abc import Iterable

from markupsafe import Markup

# Characters a data value may not hold: control characters (a vertical tab pasted from Word,
# NUL, BEL, ESC), noncharacters, bidirectional overrides that make text read differently from
# how it is stored, and invisible characters (zero-width spaces, soft hyphens) that break search
# and copying. Tab, line feed and carriage return are white space and stay allowed.
FORBIDDEN_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufdd0-\ufdef\ufffe\uffff]"
)


def character_name(c: str) -> str:
    """'U+000B (LINE TABULATION)': how a message names a character no one can see."""
    name = unicodedata.name(c, "")
    if not name and ord(c) < 0x20:
        name = (
            "NULL",
            "START OF HEADING",
            "START OF TEXT",
            "END OF TEXT",
            "END OF TRANSMISSION",
            "ENQUIRY",
            "ACKNOWLEDGE",
            "BELL",
            "BACKSPACE",
            "CHARACTER TABULATION",
            "LINE FEED",
            "LINE TABULATION",
            "FORM FEED",
            "CARRIAGE RETURN",
            "SHIFT OUT",
            "SHIFT IN",
            "DATA LINK ESCAPE",
            "DEVICE CONTROL ONE",
            "DEVICE CONTROL TWO",
            "DEVICE CONTROL THREE",
            "DEVICE CONTROL FOUR",
            "NEGATIVE ACKNOWLEDGE",
            "SYNCHRONOUS IDLE",
            "END OF TRANSMISSION BLOCK",
            "CANCEL",
            "END OF MEDIUM",
            "SUBSTITUTE",
            "ESCAPE",
            "FILE SEPARATOR",
            "GROUP SEPARATOR",
            "RECORD SEPARATOR",
            "UNIT SEPARATOR",
        )[ord(c)]
    return f"U+{ord(c):04X}" + (f" ({name})" if name else "")


def forbidden_character_message(c: str) -> str:
    kind = "ký tự điều khiển" if unicodedata.category(c) == "Cc" else "ký tự ẩn hoặc đổi chiều chữ"
    return (
        f"có {kind} {character_name(c)}, không hiện ra khi đọc nhưng làm hỏng trang, bản Word và tìm kiếm "
        "(thường do chép từ Word hay trang web); xóa ký tự này"
    )


# A personal phone number: 0 or 84 (+84, (+84)) and 8 to 10 more digits, however they are
# grouped (spaces, dots, dashes, brackets), in text NFKC has normalised (fullwidth digits
# become ASCII). Not a number glued to a digit, '/', '.' or ',' before it ('894/CQTT',
# '62/2023'), nor followed by a digit or '/' (dates, year ranges, document numbers).
# One pattern for the data checks (load/checks.py) and the draft checker, Python and browser.
_PHONE_SEPARATORS = r"[\s.\-\u2010-\u2015()]*"
PHONE_PATTERN = rf"(?<![\d/.,])(?:\(?\+?\s*84\)?|0){_PHONE_SEPARATORS}(?:\d{_PHONE_SEPARATORS}){{8,10}}(?<=\d)(?![\d/])"
PHONE = re.compile(PHONE_PATTERN)


def phone_in(value: str) -> str | None:
    """The phone number written in a text, if any (after NFKC)."""
    m = PHONE.search(unicodedata.normalize("NFKC", value))
    return m.group(0).strip() if m else None


# The blank a drafter fills in by hand on paper ("Số: …/KH-UBND").
BLANK = "…"
# A longer blank for a place name or a value left to fill.
LONG_BLANK = "……"


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def slugify(value: str, separator: str = "-") -> str:
    """ASCII slug for URLs and heading anchors: 'Phòng, chống khủng bố' -> 'phong-chong-khung-bo'.

    NFD splits a letter from its diacritics, which are then dropped; 'đ' has no
    decomposition and is mapped by hand.
    """
    value = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    value = "".join(c for c in value if unicodedata.category(c) != "Mn")
    value = value.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", separator, value).strip(separator)


def toc_slugify(value: str, separator: str) -> str:
    """Signature expected by Python-Markdown's toc extension."""
    return slugify(value, separator)


class Md(Markup):
    """Markdown that is safe to insert as is (already escaped, or written by us).

    A Markup subclass, so Jinja's autoescape and macro results treat it as done:
    nothing is escaped twice, and a macro's Markdown output is never escaped.
    """


# Every ASCII punctuation character that Markdown, attr_list, md_in_html or
# Jinja could read as syntax. pymdownx.escapeall makes a backslash escape valid
# before any of them.
_MD_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^=:$@])")


def md_escape(value: object) -> Md:
    """Data is text, never code: a value prints exactly as written.

    HTML special characters become entities and Markdown/Jinja syntax is
    backslash-escaped, so '<script>', '**x**' or '{{ config }}' in a YAML value
    shows up as those characters on the page. Line breaks inside a value are
    folded into spaces: a value is one paragraph or one line.
    """
    if isinstance(value, Markup):
        return value if isinstance(value, Md) else Md(value)
    return _escaped(str(value))


@functools.lru_cache(maxsize=1 << 16)
def _escaped(text: str) -> Md:
    # Cached: pages of plans made from one unit list repeat the same sample wording.
    text = nfc(text)
    text = re.sub(r"\s+", " ", text).strip()
    text = html.escape(text, quote=False)
    return Md(_MD_SYNTAX.sub(r"\\\1", text))


# A title is printed by the theme in ways we do not control: raw in the menu, the header
# and the footer, through Jinja's `striptags` in <title> (which turns entities such as
# &lt; back into '<'), escaped in aria-label, and rendered as Jinja by mkdocs-macros when it
# holds '{{'. No escaping survives all of these, so a title holds no character that any of
# them reads as syntax: each is replaced by the look-alike a reader sees as the same sign.
# The page body keeps the exact characters (md_escape); only titles get look-alikes.
_TITLE_LOOKALIKES = str.maketrans({"<": "＜", ">": "＞", "&": "＆", "{": "｛", "}": "｝", "'": "’", "`": "‘"})


def title_text(value: str) -> str:
    """A page or menu title that stays text however often it is unescaped or stripped of tags.

    The value is plain text (not HTML); straight double quotes become “ and ” in turn.
    """
    value = re.sub(r"\s+", " ", nfc(value)).strip().translate(_TITLE_LOOKALIKES)
    quotes = iter(("“", "”") * value.count('"'))
    return re.sub('"', lambda _: next(quotes), value)


def html_title(value: str) -> str:
    """title_text of a title MkDocs took from a page's rendered H1 (HTML: entities, no tags)."""
    return title_text(html.unescape(value))


def official_date(place: str | None, year: int, month: int | None = None, day: int | None = None) -> str:
    """'Lạng Sơn, ngày 03 tháng 4 năm 2019' in the form of Nghị định 30/2020/NĐ-CP, Phụ lục I.

    Days below 10 and the months 1 and 2 take a leading zero (source:
    https://ttpc.ktxhcm.edu.vn/tin-tuc/huong-dan-viet-ngay-thang-nam-trong-van-ban-dung-chuan-nghi-dinh-30).
    A part not yet known is left as a blank for the drafter.
    """
    return f"{place or LONG_BLANK}, {official_day(year, month, day)}"


def official_day(year: int | str, month: int | None = None, day: int | None = None) -> str:
    """'ngày 03 tháng 4 năm 2019' (see official_date); a part not yet known is a blank."""
    day_s = f"{day:02d}" if day else BLANK
    month_s = (f"{month:02d}" if month < 3 else str(month)) if month else BLANK
    return f"ngày {day_s} tháng {month_s} năm {year}"


# The convention of Nghị định 30/2020/NĐ-CP, Phụ lục I (mục II, phần I, khoản 3) for a document's
# symbol, quoted in the warning a departing symbol gets; the text as published at SYMBOL_SOURCE.
SYMBOL_RULE = (
    'Nghị định 30/2020/NĐ-CP, Phụ lục I: "Ký hiệu của văn bản bao gồm chữ viết tắt tên loại văn bản và '
    'chữ viết tắt tên cơ quan, tổ chức hoặc chức danh nhà nước có thẩm quyền ban hành văn bản", '
    '"được trình bày bằng chữ in hoa", "giữa các nhóm chữ viết tắt trong ký hiệu văn bản có dấu gạch nối (-), '
    'không cách chữ"'
)
SYMBOL_SOURCE = (
    "https://luatvietnam.vn/hanh-chinh/cach-ghi-so-va-ky-hieu-van-ban-dung-chuan-nghi-dinh-30-570-25261-article.html"
)


def symbol_departures(symbol: str) -> list[str]:
    """How a plan's symbol ('KH-UBND', 'KH-BCA-V05', 'KH-BCĐ') departs from the decree's convention."""
    out = []
    if not symbol.startswith("KH-"):
        out.append("không bắt đầu bằng 'KH-' (chữ viết tắt của Kế hoạch)")
    if any(c.isspace() for c in symbol):
        out.append("có khoảng trắng")
    if any(c.isalpha() and c != c.upper() for c in symbol):
        out.append("có chữ thường")
    if any(not (c.isalnum() or c == "-" or c.isspace()) for c in symbol) or re.search(r"--|-$|^-", symbol):
        out.append("có ký tự khác chữ, số và một dấu gạch nối giữa hai nhóm chữ")
    return out


_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def letter(n: int) -> str:
    """Sub-item letters in Vietnamese alphabet order: a, b, c, d, đ, e, g, h, …

    Legal drafting cites "điểm đ", so đ is a letter of the sequence and f, j, w, z are not.
    """
    letters = "abcdđeghiklmnopqrstuvxy"
    return letters[n - 1] if n <= len(letters) else str(n)


def did_you_mean(word: object, choices: Iterable[object]) -> str:
    """' — có phải ý là 'x'?' when a close choice exists: the hint after an unknown name."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" — có phải ý là '{close[0]}'?" if close else ""
