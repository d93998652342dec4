"""Markup in data never runs in a reader's browser (issue 14): titles and addresses.

Two classes of injection, each tried in every kind of data file that carries it:

- **Titles** (issuer name, short name, label; plan type name and short name; role name;
  legal subject and number; unit list title) are free text: a build with a payload in all
  of them succeeds and every payload is inert text, in every built HTML file (its
  <title>, <meta>, menu, body) and in the search index, which Material inserts as HTML.
  Chromium then opens the pages with a dialog listener and a request counter.
- **Addresses** (legal sources[].url and status.source, edition priorities[].url, roles
  ended_levels[].source, a plan's source.url) must be refused: file:line: key: message,
  non-zero exit, no traceback, site/ unchanged. A valid but unusual address is a link
  with exactly that href.

A payload is live when it makes an element, an attribute, a comment or a request of its
own: every payload below calls alert(), loads 'x' or names evil.example, so the scan
(`live_payloads`) looks for those in what the browser would parse.
"""

from __future__ import annotations

import functools
import hashlib
import html
import http.server
import json
import pathlib
import re
import threading
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
from conftest import build, edit
from project_copy import copy_project
from searchbox import search

from macros.load import DataErrors, load
from macros.model import text
from macros.site import jinja

# ---------------------------------------------------------------- payloads

TITLE_PAYLOADS = {
    "close-title": "</title><img src=x onerror=alert(1)>",
    "script": "<script>alert(2)</script>",
    "entities": "&lt;img src=x onerror=alert(3)&gt;",
    "double-entities": "&amp;lt;svg onload=alert(4)&amp;gt;",
    "attribute-double": '"><svg onload=alert(5)>',
    "attribute-single": "' onmouseover='alert(6)' x='",
    "jinja": "{{ config.site_name }}{% if true %}alert(7){% endif %}",
    "markdown": "[x](javascript:alert(8)) ![i](https://evil.example/i.png)",
    "comment": "<!-- alert(9)",
}

# Every data value that reaches a page title or a menu entry: (file, text to replace, with).
# A payload is written as a JSON string, which YAML reads as a double-quoted scalar.
PLAN = "data/plans/2026/ubnd-xa-vinh-thuy-pckb-2026.yml"
PLAN_LABELLED = "data/plans/2026/ubnd-xa-vinh-phong-dien-hinh-2026.yml"
PLAN_TYPE = "data/editions/2026/plan-types/phong-chong-khung-bo.yml"
LEGAL = "data/legal/toan-quoc.yml"
TITLE_FIELDS = {
    "plan issuer.name": (PLAN, "  name: ỦY BAN NHÂN DÂN XÃ VĨNH THỦY\n", "  name: {}\n"),
    "plan issuer.short": (PLAN, "  short: UBND xã Vĩnh Thủy\n", "  short: {}\n"),
    "plan issuer.label": (PLAN_LABELLED, "  label: UBND xã Vĩnh Phong\n", "  label: {}\n"),
    "plan type name": (PLAN_TYPE, "\nname: Kế hoạch công tác phòng, chống khủng bố hằng năm\n", "\nname: {}\n"),
    "plan type short_name": (PLAN_TYPE, "\nshort_name: Phòng, chống khủng bố\n", "\nshort_name: {}\n"),
    "role name": ("data/roles.yml", "    name: Công an xã\n", "    name: {}\n"),
    "legal subject": (LEGAL, "    subject: Phòng, chống khủng bố\n", "    subject: {}\n"),
    "legal number": (LEGAL, "    number: 14/2022/QH15\n", "    number: {}\n"),
    "unit list title": ("data/units/xa-co-ke-hoach-mau-2026.yml", "\ntitle: Các xã có kế hoạch mẫu\n", "\ntitle: {}\n"),
}
# The page whose <title> (and H1) each field reaches; the others reach the menu or the body.
TITLE_PAGES = {
    "plan issuer.short": "ke-hoach/phong-chong-khung-bo/ubnd-xa-vinh-thuy-pckb-2026.html",
    "plan issuer.label": "ke-hoach/dien-hinh-phong-trao-bvantq/ubnd-xa-vinh-phong-dien-hinh-2026.html",
    "plan type name": "ke-hoach/phong-chong-khung-bo/index.html",
    "role name": "vai-tro/cong-an-xa.html",
    "legal subject": "phap-ly/luat-28-2013-qh13.html",
    "legal number": "phap-ly/luat-14-2022-qh15.html",
    "unit list title": "don-vi/xa-co-ke-hoach-mau-2026.html",
}

URL_PAYLOADS = {
    "paren-svg": "https://vbpl.vn/a)<svg/onload=alert(1)>",
    "paren-javascript-link": "https://vbpl.vn/a)[b](javascript:alert(2))",
    "paren-image": "https://vbpl.vn/a)![i](https://evil.example/i.png)",
    "paren-missing-page": "https://vbpl.vn/a)[b](khong-co-trang.md)",
    "javascript": "javascript:alert(5)",
    "data": "data:text/html,<script>alert(6)</script>",
    "quote-double": 'https://vbpl.vn/a"onmouseover="alert(7)',
    "quote-single": "https://vbpl.vn/a'onmouseover='alert(8)",
    "angle": "https://vbpl.vn/<script>alert(9)</script>",
    "user-at-host": "https://vbpl.vn@evil.example/",
    "no-host": "https:///vbpl.vn",
    "relative": "//evil.example/a",
    "space": "https://vbpl.vn/a b",
    "backtick": "https://vbpl.vn/`alert(14)`",
}
# Every key that holds an address, in each kind of file: (file, text to replace, with, key in messages).
URL_FIELDS = {
    "legal sources[].url": (
        LEGAL,
        "      - url: https://thuvienphapluat.vn/van-ban/Linh-vuc-khac/Luat-phong-chong-khung-bo-nam-2013-197298.aspx?anchor=Dieu_2\n",
        "      - url: {}\n",
        "documents[0].sources[0].url",
    ),
    "legal status.source": (
        LEGAL,
        "      source: https://vietjack.me/phap-luat/luat-phong-chong-khung-bo-nam-2013/chuong-iii-3520.html\n",
        "      source: {}\n",
        "documents[0].status.source",
    ),
    "edition priorities[].url": (
        "data/editions/2026/edition.yml",
        "\npriorities:\n",
        "\npriorities:\n  - text: Thử địa chỉ\n    url: {}\n",
        "priorities[0].url",
    ),
    "roles ended_levels[].source": (
        "data/roles.yml",
        "    source: https://nhansu.vn/tim-kiem-bai-viet?",
        "    source: {}\n    # https://nhansu.vn/tim-kiem-bai-viet?",
        "ended_levels[0].source",
    ),
    "plan source.url": (PLAN, "\nsource:\n", "\nsource:\n  url: {}\n", "source.url"),
}
# Legal enough for the schema, awkward for anything that would splice it into Markdown or HTML.
ODD_VALID_URL = "https://vbpl.vn:8443/a_b-c.d~e/f;g=h,i*j!k$l+m@n:o?p=1&q=%28r%29#s"


def yaml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def inject(project: pathlib.Path, field: tuple, value: str) -> int:
    """Write value into one data field of a project; return the line it is on."""
    rel, old, new = field[:3]
    line = edit(project, rel, old, new.format(yaml_string(value)))  # the line old starts on
    return line + new.split("{}")[0].count("\n")


# ---------------------------------------------------------------- the scan for live payloads


# Attributes a browser follows or loads (text attributes such as aria-label may hold any text).
_URL_ATTRS = {"href", "src", "srcset", "action", "formaction", "data", "poster", "background", "xlink:href", "style"}


class _Scan(HTMLParser):
    """What a browser would make of a page that a payload could have added."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._in.append(tag)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.live.append(f"<{tag} {name}={value!r}>")
            elif name in _URL_ATTRS and ("javascript:" in value.lower().replace(" ", "") or "evil.example" in value):
                self.live.append(f"<{tag} {name}={value!r}>")
            elif tag in ("img", "script", "iframe", "embed", "object") and name in ("src", "data") and value == "x":
                self.live.append(f"<{tag} {name}=x>")

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if self._in and self._in[-1] == "script" and "alert(" in data:
            self.live.append(f"<script>{data[:60]}")


def live_payloads(markup: str) -> list[str]:
    scan = _Scan()
    scan.feed(markup)
    scan.close()
    # Comments from the markup itself: one left open runs to the end of the page, where
    # the parser does not report it.
    comments = re.findall(r"<!--((?:(?!-->).)*)", markup, re.S)
    return scan.live + [f"<!--{c[:60]}" for c in comments if "alert(" in c]


def live_in_site(site: pathlib.Path) -> dict[str, list[str]]:
    """Every live payload of every built HTML file and of the search index."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        live = live_payloads(page.read_text(encoding="utf-8"))
        if live:
            found[str(page.relative_to(site))] = live
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:  # Material puts titles and text into the results list as HTML
        live = live_payloads(doc["title"]) + live_payloads(doc["text"])
        if live:
            found[f"search_index.json: {doc['location']}"] = live
    return found


LIVE = [
    "<title></title><img src=x onerror=alert(1)> - Mẫu</title>",
    "<script>alert(2)</script>",
    "<svg onload=alert(5)>",
    "<p title='' onmouseover='alert(6)' x=''>",
    '<a href="javascript:alert(8)">x</a>',
    '<img src="https://evil.example/i.png">',
    "<p><!-- alert(9)</p>",
    '<a href="https://vbpl.vn/a"onmouseover="alert(7)">',
    '<meta name="description" content="" onload="alert(1)">',
]
INERT = [
    "<title>＜/title＞＜img src=x onerror=alert(1)＞ - Mẫu</title>",
    "<p>&lt;script&gt;alert(2)&lt;/script&gt; &lt;!-- alert(9)</p>",
    "<p>[x](javascript:alert(8)) ![i](https://evil.example/i.png)</p>",
    '<a href="https://vbpl.vn/a&quot;onmouseover=&quot;alert(7)">https://vbpl.vn/a"onmouseover="alert(7)</a>',
]


@pytest.mark.parametrize("markup", LIVE)
def test_the_scan_sees_a_live_payload(markup):
    assert live_payloads(markup), markup


@pytest.mark.parametrize("markup", INERT)
def test_the_scan_leaves_inert_text_alone(markup):
    assert live_payloads(markup) == [], markup


# ---------------------------------------------------------------- titles: model


@pytest.mark.parametrize("payload", list(TITLE_PAYLOADS.values()), ids=list(TITLE_PAYLOADS))
def test_a_title_stays_text_after_any_number_of_unescapes(payload):
    title = text.title_text(payload)
    for _ in range(3):  # Material's striptags unescapes once; nothing may come back
        assert not set(title) & set("<>&{}\"'`"), title
        assert html.unescape(title) == title
    assert text.title_text(title) == title
    assert text.html_title(html.escape(payload)) == title


def test_a_title_keeps_its_words_and_pairs_its_quotes():
    assert text.title_text('Kế hoạch  "Ngày hội" & <b>') == "Kế hoạch “Ngày hội” ＆ ＜b＞"


# ---------------------------------------------------------------- titles: built site


def _serve(site: pathlib.Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module", params=list(TITLE_PAYLOADS), ids=list(TITLE_PAYLOADS))
def hostile(request, tmp_path_factory):
    """The project with one payload in every title field (each after a marker naming the
    field, Mk0x…), and an odd but valid address; built with --strict."""
    payload = TITLE_PAYLOADS[request.param]
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    values = {}
    for i, (name, field) in enumerate(TITLE_FIELDS.items()):
        values[name] = f"Mk{i}x {payload}"
        inject(project, field, values[name])
    inject(project, URL_FIELDS["legal sources[].url"], ODD_VALID_URL)
    inject(project, URL_FIELDS["edition priorities[].url"], ODD_VALID_URL)
    result = build(project)
    return request.param, values, project, result


@pytest.mark.build
def test_titles_from_data_build_and_are_inert_everywhere(hostile):
    name, values, project, result = hostile
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert result.returncode == 0, output[-3000:]
    site = project / "site"
    assert live_in_site(site) == {}
    for field, page in TITLE_PAGES.items():
        doc = (site / page).read_text(encoding="utf-8")
        title = html.unescape(re.search(r"<title>(.*?)</title>", doc, re.S).group(1))
        assert text.title_text(values[field]) in title, (field, title)
        heading = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", doc, re.S).group(1)
        assert values[field] in html.unescape(re.sub(r"<[^>]+>", "", heading)), (field, heading)
    menu = (site / "index.html").read_text(encoding="utf-8")
    for field in ("plan type short_name", "plan issuer.short", "legal number"):
        assert html.escape(text.title_text(values[field]), quote=False) in menu, field


@pytest.mark.build
def test_odd_but_valid_addresses_are_links_to_exactly_that_address(hostile):
    _, _, project, result = hostile
    assert result.returncode == 0
    site = project / "site"
    for page in ("phap-ly/luat-28-2013-qh13.html", "an-ban/nam-2026.html"):
        doc = (site / page).read_text(encoding="utf-8")
        hrefs = [html.unescape(h) for h in re.findall(r'<a href="([^"]*)"', doc)]
        assert ODD_VALID_URL in hrefs, page


@pytest.mark.build
@pytest.mark.browser
def test_titles_from_data_run_nothing_in_the_browser(hostile, new_page):
    """The pages that show the payloads, opened in Chromium, then the search results: no
    dialog, no request for anything the site does not hold, the payload visible as text
    in the tab title and H1."""
    name, values, project, result = hostile
    assert result.returncode == 0
    site = project / "site"
    # The pages whose title holds a payload, and one whose body holds the others (every
    # page's menu holds some: the static scan above covers every file).
    pages = [*TITLE_PAGES.values(), "phap-ly/index.html", "vai-tro/index.html", "don-vi/index.html", "index.html"]
    server = _serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    dialogs, strays = [], []
    try:
        page = new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

        def count(request):
            url = urlparse(request.url)
            if request.url.startswith("data:"):
                return
            if url.hostname != "127.0.0.1" or not (site / url.path.lstrip("/")).is_file():
                strays.append(request.url)

        page.on("request", count)
        for rel in pages:
            page.goto(base + rel, wait_until="load")
            page.mouse.move(300, 300)  # hover handlers
            for field, title_page in TITLE_PAGES.items():
                if rel == title_page:
                    assert text.title_text(values[field]) in page.title()
                    assert values[field] in page.locator("article h1").first.inner_text()
        # Material builds the results list as HTML from the search index.
        page.goto(base + "index.html", wait_until="networkidle")
        assert search(page, "Mk5x", base), "the role's page is found by its marker"
    finally:
        server.shutdown()
    assert dialogs == [], dialogs
    assert strays == [], strays


# ---------------------------------------------------------------- addresses


def _clean_error(problems: list[str], rel: str, line: int, key: str) -> str:
    here = [p for p in problems if p.startswith(f"{rel}:{line}: {key}: ")]
    assert here, "\n".join(problems)
    return here[0]


@pytest.mark.parametrize(
    ("field", "payload"),
    [(f, p) for f in URL_FIELDS for p in URL_PAYLOADS],
    ids=[f"{f}-{p}" for f in URL_FIELDS for p in URL_PAYLOADS],
)
def test_a_bad_address_is_refused_at_its_key(data_project, field, payload):
    rel, _, _, key = URL_FIELDS[field]
    line = inject(data_project, URL_FIELDS[field], URL_PAYLOADS[payload])
    with pytest.raises(DataErrors) as exc:
        load(data_project / "data")
    problems = [str(p) for p in exc.value.problems]
    message = _clean_error(problems, rel, line, key)
    assert len(problems) == 1, problems  # the address, not what its file's other readers make of it
    assert "địa chỉ" in message and "không hợp lệ" in message, message


@pytest.mark.build
@pytest.mark.parametrize("payload", ["paren-svg", "paren-missing-page", "javascript", "quote-double"])
def test_bad_addresses_stop_the_build_and_leave_site_alone(project, payload):
    """All address fields at once: one message per field,
    no traceback, and the site/ of the last good build byte for byte as it was."""
    site = project / "site"
    (site / "phap-ly").mkdir(parents=True)
    (site / "index.html").write_text("<p>bản dựng trước</p>", encoding="utf-8")
    (site / "phap-ly" / "luat-28-2013-qh13.html").write_text("<p>trước</p>", encoding="utf-8")
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*") if p.is_file()}
    where = {}
    for name, field in URL_FIELDS.items():
        where[name] = (field[0], inject(project, field, URL_PAYLOADS[payload]), field[3])
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output[-3000:]
    for rel, line, key in where.values():
        assert f"{rel}:{line}: {key}: địa chỉ" in output, output[-3000:]
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*") if p.is_file()} == before


def test_links_to_pages_refuse_addresses():
    """link() writes Markdown, which an address from data could break out of."""
    assert jinja.link("a", "../phap-ly/index.md#muc") == "[a](../phap-ly/index.md#muc)"
    for target in ["https://vbpl.vn/a", "javascript:alert(1)", "a)b", "a b"]:
        with pytest.raises(ValueError):
            jinja.link("a", target)
    assert jinja.external_link("a)b", 'https://x.vn/"') == '<a href="https://x.vn/&quot;">a\\)b</a>'
