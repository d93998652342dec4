"""Shared fixtures: the real site built once per test session, and throwaway
copies of the project for tests that must change data or configuration."""

from __future__ import annotations

import os
import pathlib
import shutil

import pytest
from project_copy import ROOT, build, copy_project

# The seed plans and the fidelity tool live outside the repository (they hold
# personal phone numbers that must not enter it); SHARED_DIR may point elsewhere.
SHARED = pathlib.Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared"))
ARTIFACTS = ROOT / "tests" / "artifacts"


def page_url(src_path: str) -> str:
    """Address, relative to the site root, of the page built from a docs/ source
    path. Pages are files (ke-hoach/<type>/<plan>.html, ke-hoach/<type>/index.html),
    not folders: the offline plugin turns use_directory_urls off so that the site
    opens from a folder or a zip."""
    return src_path.removesuffix(".md") + ".html"


def site_page(site: pathlib.Path, src_path: str) -> pathlib.Path:
    return site / page_url(src_path)


def edit(project: pathlib.Path, rel: str, old: str, new: str) -> int:
    """Replace the one occurrence of old by new in a data file; return the 1-based line of the change."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.fixture
def project(tmp_path) -> pathlib.Path:
    """A private copy of the project (config, docs, code, data) to modify freely."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def data_project(tmp_path) -> pathlib.Path:
    """A private copy of data/ alone (tmp/project/data), for tests that load data without building."""
    dest = tmp_path / "project"
    shutil.copytree(ROOT / "data", dest / "data")
    return dest


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> pathlib.Path:
    """The real project built once with --strict; tests only read it."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def shared_dir() -> pathlib.Path:
    if not (SHARED / "tools" / "seed_fidelity.py").is_file():
        pytest.skip(
            f"{SHARED} has no tools/seed_fidelity.py: the seed plans are not on this machine "
            "(set SHARED_DIR to the folder holding seeds/ and tools/)"
        )
    return SHARED


# ---------------------------------------------------------------- browser

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # without these, Chromium calls Google's hosts at start-up, which tests would count
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and pathlib.Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def served_site(site):
    """The built site over HTTP on 127.0.0.1 (a free port), for the browser."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = "no Chromium found (install Debian's package: apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message + " — CI must run the browser tests")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def new_page(browser):
    pages = []

    def make(width=1280, height=900, **kwargs):
        context = browser.new_context(viewport={"width": width, "height": height}, **kwargs)
        pg = context.new_page()
        pages.append(context)
        return pg

    yield make
    for context in pages:
        context.close()


# ---------------------------------------------------------------- markers from fixtures

# A test that uses one of these fixtures (directly or through another fixture) builds the
# site or drives the browser: it is marked so, and `make test-fast` leaves it out.
BUILD_FIXTURES = {"site", "project", "served_site", "rolled_site"}
BROWSER_FIXTURES = {"browser", "new_page"}
SLOW_FIXTURES = {"rolled"}


def pytest_collection_modifyitems(items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & SLOW_FIXTURES:
            item.add_marker(pytest.mark.slow)
