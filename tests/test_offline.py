"""The built site works without a server and without internet: unzipped into a
folder and opened from the file system (file://), pages link to files, search
answers, copy works, and nothing is requested from anywhere else."""

from __future__ import annotations

import html.parser
import pathlib
import posixpath
import shutil
from urllib.parse import unquote, urlparse

import pytest
from conftest import page_url
from searchbox import search

from macros.load import load
from macros.site import urls

CAT = load()
# The reference samples (data/plans/) by id.
PLANS = {e.id: e.plan for e in CAT.samples.values()}
PCKB_TYPE = page_url(urls.plan_type_path("phong-chong-khung-bo"))


@pytest.fixture(scope="module")
def unzipped(site, tmp_path_factory) -> pathlib.Path:
    """The built site as a reader gets it: zipped, then unzipped somewhere else."""
    work = tmp_path_factory.mktemp("zip")
    archive = shutil.make_archive(str(work / "mau-ke-hoach"), "zip", root_dir=site.parent, base_dir=site.name)
    shutil.unpack_archive(archive, work / "unzipped")
    return work / "unzipped" / site.name


def not_local(urls: list[str]) -> list[str]:
    return [u for u in urls if urlparse(u).scheme not in ("file", "data", "blob", "about")]


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key in ("href", "src") and value:
                self.urls.append(value)


def test_every_link_between_pages_is_a_relative_link_to_a_file(site):
    """Opened from a folder, a link to "ke-hoach/" would show a directory, and
    "/ke-hoach/…" would leave the site: every link is relative and names a file."""
    for path in site.rglob("*.html"):
        if path.name == "404.html" and path.parent == site:
            continue  # a server shows it at any address, so it links from the site root
        parser = Links()
        parser.feed(path.read_text(encoding="utf-8"))
        for url in parser.urls:
            parts = urlparse(url)
            if parts.scheme or url.startswith(("#", "//")):
                continue
            assert not url.startswith("/"), f"{path.relative_to(site)}: {url}"
            target = posixpath.normpath(posixpath.join(path.relative_to(site).parent.as_posix(), unquote(parts.path)))
            assert (site / target).is_file(), f"{path.relative_to(site)}: {url} -> {target}"


def test_the_site_unzipped_into_a_folder_works_with_search(browser, unzipped):
    root = unzipped.as_uri()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        requests = []
        context.on("request", lambda r: requests.append(r.url))
        page.goto(root + "/index.html")
        # navigation leads from page to page
        page.locator(f".md-sidebar--primary a[href='{page_url('ke-hoach/index.md')}']").click()
        page.wait_for_load_state()
        assert page.url == root + "/" + page_url("ke-hoach/index.md")
        assert page.locator("article h1").inner_text().startswith("Các loại kế hoạch")
        # search runs (its worker in an iframe, its index from a script file)
        found = search(page, "phong chong khung bo", root)
        assert PCKB_TYPE in [r.path for r in found[:3]], [r.path for r in found]
        assert "<mark>khủng</mark>" in found[0].html
        page.locator(".md-search-result__link").first.click()
        page.wait_for_load_state()
        assert urlparse(page.url).path == urlparse(root + "/" + found[0].path).path
        assert page.locator("article h1").is_visible()
        assert not_local(requests) == [], not_local(requests)
        assert any(u.endswith("search/search_index.js") for u in requests)
    finally:
        context.close()


def test_a_plan_opened_from_the_folder_is_styled_and_copies(browser, unzipped):
    plan = PLANS["so-xay-dung-lang-son-pckb-2019"]
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        requests = []
        context.on("request", lambda r: requests.append(r.url))
        page.goto((unzipped / page_url(urls.plan_path(plan))).as_uri())
        family = page.locator(".plan-doc").evaluate("e => getComputedStyle(e).fontFamily")
        assert family.startswith('"Times New Roman"')
        page.locator("button.plan-copy--all").click()
        page.wait_for_function("navigator.clipboard.readText().then(t => t.includes('KẾ HOẠCH'))")
        assert "Số: 29/KH-SXD" in page.evaluate("navigator.clipboard.readText()")
        assert not_local(requests) == []
    finally:
        context.close()
