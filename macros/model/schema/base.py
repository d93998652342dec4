"""Building blocks of every data model: the base model, ids, text, addresses, sources."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        description="Mã định danh: chữ thường không dấu, số và dấu gạch nối, ví dụ `phong-chong-khung-bo`.",
    ),
]


def reserved_id_problem(value: str, plan: bool = False) -> str | None:
    """Why an id may not name a page: it would take the address of one of the site's own pages
    or files (site/urls.py). 'index' is every folder's own page; a plan's files sit beside the
    blank forms (mau-trong-<type>-<level>.docx) and its calendar beside a year's (lich/nam-<year>.ics)."""
    if value == "index":
        return "mã 'index' dành cho trang mục lục của thư mục; chọn mã khác"
    if plan and value.startswith("mau-trong-"):
        return f"mã '{value}' bắt đầu bằng 'mau-trong-', dành cho mẫu trống của loại kế hoạch; chọn mã khác"
    if plan and re.fullmatch(r"nam-\d+", value):
        return f"mã '{value}' dành cho lịch của cả năm (lich/{value}.ics); chọn mã khác"
    return None


def _page_id(value: str) -> str:
    problem = reserved_id_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _plan_id(value: str) -> str:
    problem = reserved_id_problem(value, plan=True)
    if problem:
        raise ValueError(problem)
    return value


# An id that names a generated page (a role, a legal document, a unit list), and a plan's id.
PageId = Annotated[Slug, AfterValidator(_page_id)]
PlanId = Annotated[Slug, AfterValidator(_plan_id)]
Text = Annotated[str, Field(min_length=1)]

# A public page's address, as a browser's address bar copies it. The rule (and why):
# - http:// or https://: no javascript:, data:, file: or relative links;
# - a host name (letters, digits, '-', at least one dot) with an optional port, and no
#   'user@' before it: 'https://vbpl.vn@example.com' would open example.com;
# - after the host only RFC 3986 characters a legal site's address uses: letters, digits
#   and - . _ ~ : / ? # @ ! $ & * + , ; = and %XX escapes. Spaces, quotes, backticks,
#   < > ( ) [ ] { } | \ ^ and any other character must be %-escaped (a browser copies
#   them so): none of them can then end a Markdown link, an HTML attribute or a
#   CSS url() wherever an address is printed. Pages print it as an escaped href.
_URL_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]+)(?::[0-9]{1,5})?", re.I)
_URL_REST = re.compile(r"(?:[A-Za-z0-9\-._~:/?#@!$&*+,;=]|%[0-9A-Fa-f]{2})*")
URL_PATTERN = r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#]([A-Za-z0-9\-._~:/?#@!$&*+,;=]|%[0-9A-Fa-f]{2})*)?$"


def _url(value: str) -> str:
    scheme, sep, rest = value.partition("://")
    host, path = re.match(r"([^/?#]*)(.*)", rest, re.S).groups()  # path: '', or from the first / ? #
    if not (sep and scheme in ("http", "https")):
        raise ValueError(f"địa chỉ {value!r} không hợp lệ: cần bắt đầu bằng http:// hoặc https://")
    if not _URL_HOST.fullmatch(host):
        raise ValueError(
            f"địa chỉ {value!r} không hợp lệ: sau http:// hoặc https:// cần tên máy chủ (ví dụ 'vbpl.vn'),"
            " chỉ gồm chữ không dấu, số, '-' và '.'"
        )
    if not _URL_REST.fullmatch(path):
        bad = next((c for c in path if c != "%" and not _URL_REST.fullmatch(c)), None)
        what = f"ký tự {bad!r} phải viết dạng %XX" if bad else "sau dấu '%' cần hai chữ số hệ 16 (%XX)"
        raise ValueError(
            f"địa chỉ {value!r} không hợp lệ: {what}; dấu cách, dấu nháy, chữ có dấu và < > ( ) [ ] {{ }} | \\ ^ `"
            " không được viết trực tiếp (chép địa chỉ từ thanh địa chỉ của trình duyệt)"
        )
    return value


Url = Annotated[
    str,
    AfterValidator(_url),
    Field(
        description="Địa chỉ trang công khai: http:// hoặc https://, tên máy chủ, rồi đường dẫn;"
        " dấu cách, dấu nháy, dấu ngoặc và ký tự có dấu viết dạng %XX.",
        json_schema_extra={"format": "uri", "pattern": URL_PATTERN},
    ),
]


class Model(BaseModel):
    # extra='forbid': an unknown key is almost always a typo of a known one.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Sourced(Model):
    """Something that must say where it comes from: a sample plan, or a public page."""

    plan: Slug | None = Field(
        None, description="Mã kế hoạch mẫu (trong data/plans/) là nguồn: kế hoạch dẫn hoặc nêu thông tin này."
    )
    url: Url | None = Field(None, description="Trang công khai là nguồn của thông tin này.")

    @model_validator(mode="after")
    def _points_somewhere(self):
        if not (self.plan or self.url):
            raise ValueError("nguồn cần 'plan' (kế hoạch mẫu nêu thông tin này) hoặc 'url' (trang công khai)")
        return self


def _iso_date(v: object) -> object:
    """A day written as YYYY-MM-DD (YAML reads an unquoted one as a date): nothing else, so a
    mapping such as {year: 2026, month: 13, day: 45} or a number is refused, not guessed."""
    if isinstance(v, dt.datetime):
        raise ValueError("cần ngày dạng YYYY-MM-DD, không kèm giờ")
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v.strip()):
        try:
            return dt.date.fromisoformat(v.strip())
        except ValueError:
            raise ValueError(f"ngày '{v.strip()}' không tồn tại") from None
    raise ValueError("cần ngày dạng YYYY-MM-DD (ví dụ 2026-05-30)")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
