"""The built site in a real browser (Debian's Chromium through Playwright)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from conftest import ARTIFACTS, page_url

from macros.load import load
from macros.site import urls

CAT = load()
# The reference samples (data/plans/) by id.
PLANS = {e.id: e.plan for e in CAT.samples.values()}
PLAN = PLANS["ubnd-xa-vinh-thuy-pckb-2026"]
PAGES = {
    "home": "/" + page_url("index.md"),
    "plan types": "/" + page_url("ke-hoach/index.md"),
    "plan type": "/" + page_url(urls.plan_type_path(PLAN.plan_type)),
    "plan": "/" + page_url(urls.plan_path(PLAN)),
    "key reference": "/" + page_url("huong-dan/tham-chieu-du-lieu.md"),
}


def url_of(plan) -> str:
    return "/" + page_url(urls.plan_path(plan))


@pytest.mark.parametrize("name", list(PAGES))
def test_loading_a_page_requests_nothing_from_another_host(served_site, new_page, name):
    page = new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served_site + PAGES[name], wait_until="networkidle")
    assert requests, "the page made requests"
    others = [u for u in requests if urlparse(u).hostname not in ("127.0.0.1",) and not u.startswith("data:")]
    assert others == []


def box(page, selector):
    b = page.locator(selector).first.bounding_box()
    assert b, selector
    return b


def test_plan_in_official_form_on_a_desktop(served_site, new_page):
    page = new_page(1280, 900)
    page.goto(served_site + PAGES["plan"])
    issuer, nation = box(page, ".plan-header__issuer"), box(page, ".plan-header__nation")
    assert abs(issuer["y"] - nation["y"]) < 2 and issuer["x"] + issuer["width"] <= nation["x"] + 1
    recipients, signature = box(page, ".plan-recipients"), box(page, ".plan-signature")
    assert abs(recipients["y"] - signature["y"]) < 2 and recipients["x"] < signature["x"]
    body = box(page, ".plan-doc > p:not(.plan-kind):not(.plan-title)")  # a body paragraph: the writing area
    for selector in (".plan-kind", ".plan-title"):
        # centred in the writing area (between the paper margins, which are not symmetric)
        assert page.locator(selector).evaluate("e => getComputedStyle(e).textAlign") == "center"
        b = box(page, selector)
        assert abs(b["x"] - body["x"]) < 1 and abs(b["width"] - body["width"]) < 1
    assert page.locator(".plan-doc h2").first.inner_text().startswith("I. ")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # the page from its top, cut to the plan (an element screenshot would scroll under the sticky header)
    page.screenshot(path=str(ARTIFACTS / "plan-desktop.png"), full_page=True, clip=box(page, ".plan-doc"))


@pytest.mark.parametrize("plan_id", list(PLANS))
def test_plan_fits_a_phone_screen(served_site, new_page, plan_id):
    page = new_page(390, 844, is_mobile=True, has_touch=True, device_scale_factor=2)
    page.goto(served_site + url_of(PLANS[plan_id]))
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    issuer, nation = box(page, ".plan-header__issuer"), box(page, ".plan-header__nation")
    assert nation["y"] >= issuer["y"] + issuer["height"] - 1  # stacked, not squeezed side by side
    if plan_id == PLAN.id:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "plan-phone.png"))


def test_dark_palette_can_be_chosen(served_site, new_page):
    page = new_page(color_scheme="light")
    page.goto(served_site + "/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("label[for='__palette_1']").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
