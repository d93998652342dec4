"""Printing a plan page: the plan alone, on A4, in the official layout, with the
paper margins of Nghị định 30/2020/NĐ-CP (top and bottom 20–25 mm, left 30–35 mm,
right 15–20 mm) and Times New Roman 13–14 pt. Checked on the page under print
media, and on a PDF printed by Chromium, read back with poppler (pdftotext,
pdffonts, pdftoppm)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from conftest import ARTIFACTS, page_url

from macros.load import load
from macros.site import urls

CAT = load()
# The reference samples (data/plans/) by id.
PLANS = {e.id: e.plan for e in CAT.samples.values()}
PLAN = PLANS["bcd-pckb-tinh-thanh-hoa-2024"]
URL = "/" + page_url(urls.plan_path(PLAN))
MM_PER_PT = 25.4 / 72
HIDDEN_IN_PRINT = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
    ".plan-meta",
    "article > h1",
    "button.plan-copy",
    ".plan-tools",
]


def print_page(served_site, new_page):
    page = new_page(1280, 900)
    page.goto(served_site + URL)
    page.wait_for_selector("button.plan-copy")  # the page as a reader has it, buttons included
    page.emulate_media(media="print")
    return page


def test_print_shows_the_plan_alone_in_the_official_layout(served_site, new_page):
    page = print_page(served_site, new_page)
    for selector in HIDDEN_IN_PRINT:
        items = page.locator(selector)
        assert items.count(), f"{selector} is on the page"
        for i in range(items.count()):
            assert not items.nth(i).is_visible(), f"{selector} is printed"
    assert page.locator(".plan-doc").is_visible()
    style = page.locator(".plan-doc").evaluate(
        "e => { const s = getComputedStyle(e); return [s.fontFamily, s.fontSize, s.color, s.borderTopStyle]; }"
    )
    family, size, color, border = style
    assert family.startswith('"Times New Roman"'), family
    assert 13 <= round(float(size.removesuffix("px")) * 72 / 96, 2) <= 14, size
    assert color == "rgb(0, 0, 0)" and border == "none"
    # two-column header, recipients and signature side by side
    issuer, nation = (
        page.locator(".plan-header__issuer").bounding_box(),
        page.locator(".plan-header__nation").bounding_box(),
    )
    assert abs(issuer["y"] - nation["y"]) < 2 and issuer["x"] + issuer["width"] <= nation["x"] + 1
    recipients, signature = (
        page.locator(".plan-recipients").bounding_box(),
        page.locator(".plan-signature").bounding_box(),
    )
    assert abs(recipients["y"] - signature["y"]) < 2 and recipients["x"] + recipients["width"] <= signature["x"] + 1


def test_the_page_rule_asks_for_a4_and_the_official_margins(served_site, new_page):
    page = print_page(served_site, new_page)
    rules = page.evaluate("""() => [...document.styleSheets].flatMap(s => {
        try { return [...s.cssRules]; } catch (e) { return []; } })
        .filter(r => r instanceof CSSPageRule)
        .map(r => ({size: r.style.size, top: r.style.marginTop, right: r.style.marginRight,
                    bottom: r.style.marginBottom, left: r.style.marginLeft}))""")
    # Material's own rule (25 mm all round) comes first; the last rule wins.
    assert rules, "no @page rule"
    last = {**rules[-1], "size": rules[-1]["size"].lower()}
    assert last == {"size": "a4", "top": "20mm", "right": "15mm", "bottom": "20mm", "left": "30mm"}, rules


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} not found (install Debian's poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(message + " — CI must check the printed PDF")
        pytest.skip(message)
    return path


def read_pgm(path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    fields, pos = [], 0
    while len(fields) < 4:  # P5 width height maxval, whitespace separated
        while data[pos : pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    assert fields[0] == b"P5" and fields[3] == b"255"
    return int(fields[1]), int(fields[2]), data[pos + 1 :]


def ink_box(width: int, height: int, pixels: bytes) -> tuple[int, int, int, int]:
    rows = [y for y in range(height) if min(pixels[y * width : (y + 1) * width]) < 128]
    cols = [x for x in range(width) if min(pixels[x::width]) < 128]
    return cols[0], rows[0], cols[-1], rows[-1]


@pytest.fixture
def printed(served_site, new_page):
    page = print_page(served_site, new_page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / "plan-print.pdf"
    pdf.write_bytes(page.pdf(format="A4", prefer_css_page_size=True))
    return pdf


def test_the_printed_pdf_holds_the_plan_alone(printed):
    text = subprocess.run(
        [poppler("pdftotext"), "-layout", str(printed), "-"], capture_output=True, text=True, check=True
    ).stdout
    for wording in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "KẾ HOẠCH",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nơi nhận:",
        "Đỗ Minh Tuấn",
    ):
        assert wording in text, wording
    for chrome in ("Sao chép", "Tìm kiếm", "Loại kế hoạch", "Tình trạng", "Hướng dẫn cho người duy trì", "Mục lục"):
        assert chrome not in text, chrome
    # header columns side by side: the issuing body and the national name share a line
    assert any("BAN CHỈ ĐẠO" in line and "CỘNG HÒA" in line for line in text.splitlines())
    fonts = subprocess.run([poppler("pdffonts"), str(printed)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]]
    assert names and all(n.startswith(("TimesNewRoman", "Times", "LiberationSerif")) for n in names), names


def test_the_printed_pdf_is_a4_with_the_official_margins(printed):
    out = ARTIFACTS / "plan-print"
    subprocess.run([poppler("pdftoppm"), "-r", "72", "-gray", "-f", "1", "-l", "2", str(printed), str(out)], check=True)
    subprocess.run([poppler("pdftoppm"), "-r", "60", "-png", "-f", "1", "-l", "1", str(printed), str(out)], check=True)
    for pgm in sorted(ARTIFACTS.glob("plan-print-*.pgm")):
        width, height, pixels = read_pgm(pgm)
        assert (width, height) == (595, 842), "A4 at 72 dpi"
        left, top, right, bottom = ink_box(width, height, pixels)
        left_mm, top_mm = left * MM_PER_PT, top * MM_PER_PT
        right_mm, bottom_mm = (width - 1 - right) * MM_PER_PT, (height - 1 - bottom) * MM_PER_PT
        margins = dict(
            left=round(left_mm, 1), top=round(top_mm, 1), right=round(right_mm, 1), bottom=round(bottom_mm, 1)
        )
        # justified body text reaches both side margins; the first line sits at the top one
        assert 29.5 <= left_mm <= 31.5, margins
        assert 14 <= right_mm <= 16.5, margins  # glyphs may overhang the margin a little
        assert 19.5 <= top_mm <= 25, margins
        assert bottom_mm >= 19.5, margins
        pgm.unlink()
