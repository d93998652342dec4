"""Accessibility: axe-core (through axe-playwright-python, run inside Chromium)
finds no serious or critical violation on the home page, the list of plan types,
every plan-type page, every filled plan, every guidance page, the pages of legal
bases, roles, deadlines and editions, and the pages of unit lists and their plans; also with the
search results open and in the dark palette. Each page's full report (every
impact) is kept in tests/artifacts/axe/."""

from __future__ import annotations

import json

import pytest
from conftest import ARTIFACTS, page_url
from searchbox import search

from macros.load import load
from macros.site import urls

CAT = load()
# The reference samples (data/plans/) by id.
PLANS = {e.id: e.plan for e in CAT.samples.values()}
GUIDANCE = [
    "huong-dan/index.md",
    "huong-dan/them-ke-hoach.md",
    "huong-dan/them-danh-sach-don-vi.md",
    "huong-dan/an-ban-moi.md",
    "huong-dan/doc-loi.md",
    "huong-dan/tham-chieu-du-lieu.md",
]
PAGES = (
    ["index.md", "ke-hoach/index.md"]
    + [urls.plan_type_path(pt) for pt in CAT.plan_types]
    + [urls.plan_path(p) for p in PLANS.values()]
    + GUIDANCE
    # legal bases, roles and deadlines (one page of each kind)
    + [urls.LEGAL_INDEX, "phap-ly/nd-07-2014.md", urls.ROLES_INDEX, urls.role_path("cong-an-xa"), urls.DEADLINES_INDEX]
    # editions
    + [urls.EDITIONS_INDEX, urls.edition_path(CAT.current.year)]
    # unit lists: the list of lists, each list's page (unit picker), the plans made from them
    + [urls.UNITS_INDEX]
    + [urls.unit_list_path(u) for u in CAT.unit_lists]
    + [urls.plan_path(e.plan) for e in CAT.drafts.values()]
)
BLOCKING = ("serious", "critical")


def audit(page, name: str) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    violations = result.response["violations"]
    out = ARTIFACTS / "axe"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name.replace('/', '_')}.json").write_text(
        json.dumps(
            [
                {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
                for v in violations
            ],
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    return [v for v in violations if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in violations
    )


@pytest.mark.parametrize("src_path", PAGES)
def test_no_serious_or_critical_violation(served_site, new_page, src_path):
    page = new_page()
    page.goto(served_site + "/" + page_url(src_path))
    page.wait_for_load_state("networkidle")
    blocking = audit(page, src_path)
    assert not blocking, describe(blocking)


def test_no_serious_or_critical_violation_with_search_results_open(served_site, new_page):
    page = new_page()
    page.goto(served_site + "/" + page_url("index.md"))
    assert search(page, "khung bo", served_site)
    blocking = audit(page, "search-results")
    assert not blocking, describe(blocking)


def test_no_serious_or_critical_violation_in_the_dark_palette(served_site, new_page):
    page = new_page(color_scheme="dark")
    page.goto(served_site + "/" + page_url(urls.plan_path(PLANS["ubnd-xa-vinh-thuy-pckb-2026"])))
    page.wait_for_load_state("networkidle")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    blocking = audit(page, "plan-dark")
    assert not blocking, describe(blocking)
