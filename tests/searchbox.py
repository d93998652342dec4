"""Driving the site's one search box (Material's) as a person would: the "/"
shortcut, then typing, then reading the result list."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlparse

BOX = "input[data-md-component='search-query']"
# Shown until Material's search worker has built its index (Material's text, and
# the Vietnamese that overrides/partials/language.html puts in its place).
INITIALIZING = ["Initializing search", "Đang chuẩn bị tìm kiếm…"]
# Put in the result count line while a query is on its way (see search(ime=True)).
STALE = "(stale)"


@dataclasses.dataclass
class Result:
    path: str  # page address relative to the site root, without ?h= and #anchor
    href: str  # the link as the page has it
    title: str  # text of the result's title
    title_html: str  # with <mark> around the matched words
    html: str  # the whole result item (title, snippets, sections)


def wait_until_quiet(page, selector: str, quiet_ms: int = 500, timeout_ms: int = 15000) -> None:
    """Wait until nothing under selector has changed for quiet_ms (results arrive
    once per key typed; the last answer is the one for the whole query)."""
    page.evaluate(
        """([selector, quiet, timeout]) => new Promise((resolve, reject) => {
        const el = document.querySelector(selector);
        let timer = setTimeout(done, quiet);
        const give_up = setTimeout(() => { observer.disconnect(); reject(new Error("still changing: " + selector)); }, timeout);
        const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, quiet); });
        observer.observe(el, {childList: true, subtree: true, characterData: true, attributes: true});
        function done() { observer.disconnect(); clearTimeout(give_up); resolve(); }
    })""",
        [selector, quiet_ms, timeout_ms],
    )


def open_search(page) -> None:
    """Press "/" (Material's shortcut) and wait until search is ready."""
    page.keyboard.press("/")
    page.wait_for_function(f'document.activeElement && document.activeElement.matches("{BOX}")')
    page.wait_for_function(
        "(init) => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent.trim() && !init.includes(m.textContent.trim()); }",
        arg=INITIALIZING,
        timeout=20000,
    )


def search(page, query: str, base: str, quiet_ms: int = 500, ime: bool = False, reopen: bool = True) -> list[Result]:
    """Type query into the search box (opened with "/") and return the results, best first.
    ime=True enters the query the way a Vietnamese input method (Telex, VNI) commits
    text: one input event, no key per letter, so one search instead of one per letter.
    reopen=False types into the box left open by the previous search."""
    if reopen:
        open_search(page)
    page.keyboard.press("Control+A")
    if ime and page.locator(BOX).input_value() != query:
        # the query replaces the selection; the results shown until then are stale:
        # wait for Material to write its count line again before waiting for quiet
        page.evaluate("(stale) => { document.querySelector('.md-search-result__meta').textContent = stale; }", STALE)
        page.keyboard.insert_text(query)
        page.wait_for_function(
            "(stale) => document.querySelector('.md-search-result__meta').textContent !== stale", arg=STALE
        )
    else:
        page.keyboard.press("Backspace")
        page.keyboard.type(query, delay=15)
    assert page.locator(BOX).input_value() == query
    wait_until_quiet(page, ".md-search-result", quiet_ms=quiet_ms)
    return results(page, base)


def results(page, base: str) -> list[Result]:
    raw = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')].map(li => {
        const a = li.querySelector('a.md-search-result__link');
        const h = li.querySelector('h1') || li.querySelector('h2');
        return {href: a.href, title: h.textContent, title_html: h.innerHTML, html: li.innerHTML};
    })""")
    out = []
    root = urlparse(base if base.endswith("/") else base + "/").path
    for r in raw:
        path = urlparse(r["href"]).path
        out.append(Result(path=path[len(root) :] if path.startswith(root) else path, **r))
    return out


def close_search(page) -> None:
    page.keyboard.press("Escape")
