"""The built site: pages generated from data, official form, Vietnamese UI, ASCII
addresses, nothing loaded from another host, data printed as inert text."""

from __future__ import annotations

import html.parser
import json
import pathlib
import re
import subprocess
import sys

import pytest
from conftest import ROOT, page_url, site_page

from macros.load import load
from macros.model.text import roman
from macros.site import urls

CAT = load()
# The reference samples (data/plans/) by id.
PLANS = {e.id: e.plan for e in CAT.samples.values()}


def page(site: pathlib.Path, src_path: str) -> str:
    """HTML of the page built from a docs/ source path."""
    return site_page(site, src_path).read_text(encoding="utf-8")


VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col"}


class Tags(html.parser.HTMLParser):
    """Start tags of a page, each with whether it sits inside a data-plan element."""

    def __init__(self):
        super().__init__()
        self.tags = []
        self.inside = []
        self._depth = None
        self._level = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if self._depth is not None:
            self.inside.append((tag, attrs))
        if tag in VOID:
            return
        self._level += 1
        if self._depth is None and "data-plan" in attrs:
            self._depth = self._level

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self._depth == self._level:
            self._depth = None
        self._level -= 1


def tags(text: str):
    parser = Tags()
    parser.feed(text)
    return parser.tags


def tags_inside_plan(text: str):
    parser = Tags()
    parser.feed(text)
    return parser.inside


@pytest.mark.parametrize("plan_id", list(PLANS))
def test_every_plan_has_a_page_with_its_document(site, plan_id):
    text = page(site, urls.plan_path(PLANS[plan_id]))
    assert text.count(f'data-plan="{plan_id}"') == 1
    doc = text[text.index('data-plan="') :]
    resolved = CAT.plan(plan_id).doc
    for marker in (
        "plan-header__name",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "KẾ HOẠCH",
        *(["Nơi nhận:"] if resolved.recipients else []),  # a plan may have none, as its original
        "plan-signature",
    ):
        assert marker in doc
    # Roman-numbered parts, in order: as many as the plan prints (its own 'parts' or its type's)
    parts = re.findall(r"<h2[^>]*>\s*([IVX]+)\. ", doc)
    assert parts == [roman(n) for n in range(1, len(resolved.parts) + 1)]


def test_buttons_and_guidance_stay_outside_the_plan_element(site):
    for plan in PLANS.values():
        inside = tags_inside_plan(page(site, urls.plan_path(plan)))
        assert inside, "the plan element has content"
        assert any("plan-signature" in a.get("class", "") for _, a in inside)
        for tag, attrs in inside:
            assert tag != "button"
            assert not re.search(r"plan-(guidance|meta|sample)", attrs.get("class", ""))


@pytest.mark.parametrize("plan_type_id", list(CAT.plan_types))
def test_plan_type_page_is_guidance_first_then_samples(site, plan_type_id):
    text = page(site, urls.plan_type_path(plan_type_id))
    text = text[text.index("<article") :]  # the page body, after navigation and table of contents
    order = [
        "Kế hoạch này dùng để làm gì",
        "Ai ban hành, khi nào",
        "Các cấp và điểm khác nhau",
        "Cấu trúc từng phần",
        "Hướng dẫn",
        "Nội dung mẫu",
        "Kế hoạch mẫu đã điền",
    ]
    at = 0
    for label in order:  # each comes after the one before
        at = text.index(label, at)
    for plan in (e.plan for e in CAT.plans_of(plan_type_id)):
        assert f'href="{plan.id}.html"' in text


def test_navigation_lists_every_plan_type_and_plan(site):
    text = (site / "index.html").read_text(encoding="utf-8")
    for pt in CAT.plan_types.values():
        assert f'href="{page_url(urls.plan_type_path(pt.id))}"' in text
        for plan in (e.plan for e in CAT.plans_of(pt.id)):
            assert f'href="{page_url(urls.plan_path(plan))}"' in text


def test_addresses_and_heading_anchors_are_ascii(site):
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        assert re.fullmatch(r"[a-z0-9/._-]+", rel), rel
        for tag, attrs in tags(path.read_text(encoding="utf-8")):
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and "id" in attrs:
                assert re.fullmatch(r"[a-z0-9_-]+", attrs["id"]), (rel, attrs["id"])
    plan_type = page(site, urls.plan_type_path("phong-chong-khung-bo"))
    assert 'id="ke-hoach-nay-dung-de-lam-gi"' in plan_type


def test_vietnamese_interface_and_two_palettes(site):
    text = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in text
    assert 'data-md-color-scheme="default"' in text and "slate" in text
    assert "Tìm kiếm" in text


def test_no_page_loads_anything_from_another_host(site):
    for path in site.rglob("*.html"):
        for tag, attrs in tags(path.read_text(encoding="utf-8")):
            for key in ("src", "href"):
                url = attrs.get(key) or ""
                loads = tag in ("script", "img", "iframe") or (
                    tag == "link" and attrs.get("rel") in ("stylesheet", "preconnect", "preload", "icon")
                )
                if loads and re.match(r"^(https?:)?//", url):
                    pytest.fail(f"{path.relative_to(site)} loads {url}")
    css = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_blank_number_renders_as_dots_and_known_date_in_official_form(site):
    vinh_thuy = page(site, urls.plan_path(PLANS["ubnd-xa-vinh-thuy-pckb-2026"]))
    assert "Số: …/KH-UBND" in vinh_thuy
    assert "Vĩnh Thủy, ngày … tháng … năm 2026" in vinh_thuy
    lang_son = page(site, urls.plan_path(PLANS["so-xay-dung-lang-son-pckb-2019"]))
    assert "Số: 29/KH-SXD" in lang_son
    assert "Lạng Sơn, ngày 03 tháng 4 năm 2019" in lang_son


def test_key_reference_lists_every_key_of_the_schema(site):
    text = page(site, "huong-dan/tham-chieu-du-lieu.md")
    from macros.tools import reference

    for _, _, top in reference.FILES:
        for model in reference._models_under(top, []):
            if model is reference.schema.IssueDate:
                continue
            for key in model.model_fields:
                assert f"<code>{key}</code>" in text, (model.__name__, key)


def test_json_schemas_are_published_and_up_to_date(site):
    from macros.tools import reference

    for name, body in reference.json_schemas().items():
        committed = (ROOT / "docs" / "schema" / name).read_text(encoding="utf-8")
        assert committed == body, f"docs/schema/{name} is stale: run `make schema`"
        published = json.loads((site / "schema" / name).read_text(encoding="utf-8"))
        assert published["properties"]


def test_seed_fidelity(site, shared_dir):
    tool = shared_dir / "tools" / "seed_fidelity.py"
    result = subprocess.run([sys.executable, str(tool), str(site)], capture_output=True, text=True)
    assert "seed fidelity: 5/5 seeds at >= 0.95" in result.stdout, result.stdout
    assert result.returncode == 0


def test_lists_keep_the_space_after_their_separator(site):
    """The join filter escapes its separator for Markdown without losing its spaces."""
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Cấp dùng: Cấp xã, Sở, ngành cấp tỉnh" in home
