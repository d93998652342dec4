"""Drafting a unit's plan in the browser (soan-thao/<type>.html): the official list of units,
the fillable Word form made at build time, the form filled from file:// in Chromium for units
the site was never given, the Word file read back with python-docx and printed by LibreOffice,
no request to any host; unit lists that name units by official code."""

from __future__ import annotations

import gzip
import io
import json
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from conftest import ARTIFACTS, page_url
from docx.oxml.ns import qn
from test_accessibility import audit, describe
from test_offline import not_local

from macros.export import draft_form, word
from macros.load import DataErrors, load, official_units
from macros.model import draft
from macros.site import urls

CAT = load()
OFFICIAL = official_units.read()
PCKB = "phong-chong-khung-bo"
DRAFT_PAGE = page_url(urls.draft_path(PCKB))
VINH_THUY = 19405  # Xã Vĩnh Thủy, the commune of a sample plan
HAC_THANH = 14797  # Phường Hạc Thành, Thanh Hóa (38): in no file of data/
# The preview of the chosen level (a type whose levels differ in wording has one preview per wording).
PREVIEW = "[data-draft-preview]:not([hidden]) [data-plan]"


def lines_of(data: bytes) -> list[str]:
    """Every paragraph of a .docx in document order, table cells included: the text lines."""
    body = docx.Document(io.BytesIO(data)).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


# ---------------------------------------------------------------- the official list (no build)


def test_the_official_list_has_34_provinces_and_3321_units_with_their_kinds():
    assert len(OFFICIAL.provinces) == 34
    kinds = [c.kind for c in OFFICIAL.communes]
    assert (len(kinds), kinds.count("xã"), kinds.count("phường"), kinds.count("đặc khu")) == (3321, 2621, 687, 13)
    unit = OFFICIAL.commune(HAC_THANH)
    assert (unit.full_name, unit.name, unit.kind, OFFICIAL.province(unit.province).name) == (
        "Phường Hạc Thành",
        "Hạc Thành",
        "phường",
        "Thanh Hóa",
    )
    assert OFFICIAL.package == "vietnam-provinces 2025.10.1" and OFFICIAL.data_version == "2025-10-18"


def test_the_compact_list_is_under_100_kb_gzipped():
    script = draft_form.units_script(OFFICIAL).encode("utf-8")
    assert len(gzip.compress(script, 9)) <= 100_000
    value = json.loads(script.decode().removeprefix("window.draftUnits=").rstrip(";\n"))
    assert sum(len(p[2]) for p in value["provinces"]) == 3321


@pytest.mark.parametrize("plan_type_id,level", [(pt.id, v.level) for pt in CAT.plan_types.values() for v in pt.levels])
def test_the_fillable_word_form_holds_each_token_whole_in_one_run(plan_type_id, level):
    """The browser replaces text in word/document.xml: a token split over runs would stay."""
    pt = CAT.plan_types[plan_type_id]
    doc = draft.fillable(pt, level, CAT.current.year, CAT.legal, CAT.roles)
    xml = zipfile.ZipFile(io.BytesIO(draft_form.fillable_docx(pt, doc))).read("word/document.xml").decode()
    runs = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
    tokens = [t for r in runs for t in re.findall(r"⟦[^⟧]*⟧", r)]
    assert xml.count(draft.OPEN) == len(tokens) == xml.count(draft.CLOSE)
    names = {t[1:-1] for t in tokens}
    fixed = {draft.ISSUER, draft.SUPERIOR, draft.NUMBER_LINE, draft.PLACE_DATE, draft.TITLE, draft.SIGNER}
    assert fixed | {draft.AUTHORITY} <= names
    # every other token is a field of the type, which the form asks for
    assert names - fixed - {draft.AUTHORITY, draft.ISSUER_SHORT, draft.PLACE, draft.CONTACT} <= {
        draft.FIELD_PREFIX + f.id for f in pt.fields
    }


# ---------------------------------------------------------------- unit lists by official code (no build)

OFFICIAL_LIST = """\
id: thanh-hoa-2026
title: Các xã, phường, đặc khu tỉnh Thanh Hóa
year: 2026
level: xa
issuer:
  name: ỦY BAN NHÂN DÂN {KIND} {NAME}
  short: UBND {kind} {name}
place: "{name}"
signature:
  authority: TM. ỦY BAN NHÂN DÂN
  title: CHỦ TỊCH
  name: "[Họ và tên]"
downloads: false
plan_types:
  phong-chong-khung-bo:
    code: pckb
official:
  province: 38
units:
  - code: 14797
    signature:
      authority: TM. ỦY BAN NHÂN DÂN
      title: CHỦ TỊCH
      name: Lê Văn Bình
"""


def test_a_unit_list_takes_every_unit_of_a_province_from_the_official_list(data_project):
    (data_project / "data/units/thanh-hoa-2026.yml").write_text(OFFICIAL_LIST, encoding="utf-8")
    cat = load(data_project / "data")
    unit_list = cat.unit_lists["thanh-hoa-2026"]
    assert unit_list.province == "Thanh Hóa"
    assert len(unit_list.entries) == len(OFFICIAL.of_province(38)) == 166
    doc = cat.plan("ubnd-phuong-hac-thanh-pckb-2026").doc
    assert (doc.issuer, doc.place_date, doc.signature.name) == (
        "ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH",
        "Hạc Thành, ngày … tháng … năm 2026",
        "Lê Văn Bình",
    )


def test_official_ids_are_unique_across_the_country_and_readable_where_the_name_is():
    ids = [OFFICIAL.unit_id(c) for c in OFFICIAL.communes]
    assert len(set(ids)) == len(ids) == 3321
    assert OFFICIAL.unit_id(OFFICIAL.commune(HAC_THANH)) == "ubnd-phuong-hac-thanh"
    # Xã Văn Lang and Xã Văn Lăng (Lạng Sơn) are one name without diacritics: both take their code
    assert {OFFICIAL.unit_id(OFFICIAL.commune(c)) for c in (2143, 5665)} == {
        "ubnd-xa-van-lang-2143",
        "ubnd-xa-van-lang-5665",
    }


@pytest.mark.parametrize("provinces", [(19,), (38, 80)])
def test_lists_of_provinces_whose_names_repeat_load_together(data_project, provinces):
    for code in provinces:
        body = OFFICIAL_LIST.replace("thanh-hoa-2026", f"tinh-{code}-2026").replace("province: 38", f"province: {code}")
        body = body.split("units:\n")[0]
        (data_project / f"data/units/tinh-{code}-2026.yml").write_text(body, encoding="utf-8")
    cat = load(data_project / "data")
    made = [e for code in provinces for e in cat.unit_lists[f"tinh-{code}-2026"].entries]
    assert len(made) == sum(len(OFFICIAL.of_province(code)) for code in provinces)


def test_a_unit_taken_from_official_that_has_a_sample_plan_is_named_at_official_province(data_project):
    """Xã Vĩnh Thủy (code 19405) has a sample plan of this type: its draft would take the same address."""
    province = OFFICIAL.commune(VINH_THUY).province
    body = OFFICIAL_LIST.replace("province: 38", f"province: {province}").split("units:\n")[0]
    (data_project / "data/units/thanh-hoa-2026.yml").write_text(body, encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load(data_project / "data")
    assert [str(p) for p in exc.value.problems] == [
        f"data/units/thanh-hoa-2026.yml:18: official.province: đơn vị mã {VINH_THUY} (xã Vĩnh Thủy), lấy từ "
        "'official': kế hoạch 'ubnd-xa-vinh-thuy-pckb-2026' (loại 'phong-chong-khung-bo') trùng mã với "
        f"data/plans/2026/ubnd-xa-vinh-thuy-pckb-2026.yml:4; ghi đơn vị trong 'units' bằng mã (- code: {VINH_THUY}) "
        "với 'plan_types' không có loại này hoặc 'id' khác, hoặc đổi 'code' của loại"
    ]
    # the fix the message gives: the unit written by code, without this plan type
    (data_project / "data/units/thanh-hoa-2026.yml").write_text(
        body + f"units:\n  - code: {VINH_THUY}\n    plan_types: []\n", encoding="utf-8"
    )
    cat = load(data_project / "data")
    assert len(cat.unit_lists["thanh-hoa-2026"].entries) == len(OFFICIAL.of_province(province)) - 1


def test_unknown_codes_and_names_other_than_the_official_one_are_reported_at_their_key(data_project):
    bad = OFFICIAL_LIST.replace("province: 38", "province: 39").replace(
        "  - code: 14797\n", "  - code: 99999\n  - code: 14797\n    name: Hac Thanh\n"
    )
    (data_project / "data/units/thanh-hoa-2026.yml").write_text(bad, encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load(data_project / "data")
    lines = str(exc.value).splitlines()[1:]
    assert len(lines) == 3, lines
    assert "data/units/thanh-hoa-2026.yml:18: official.province: mã tỉnh 39 không có" in lines[0]
    assert lines[1].strip() == (
        "data/units/thanh-hoa-2026.yml:20: units[0].code: mã 99999 không có trong danh sách chính thức "
        "(vietnam-provinces 2025.10.1)"
    )
    assert "thanh-hoa-2026.yml:22: units[1].name: tên 'Hac Thanh' khác tên chính thức 'Hạc Thành'" in lines[2]


# ---------------------------------------------------------------- the page


def test_the_drafting_page_is_light_linked_and_names_its_source(site):
    page = site / DRAFT_PAGE
    html = page.read_text(encoding="utf-8")
    assert len(html.encode("utf-8")) <= 60_000
    assert 'form class="draft-form" data-draft="phong-chong-khung-bo"' in html
    assert "vietnam-provinces 2025.10.1" in html and "18/10/2025" in html
    # the list of units is loaded by this page only
    assert "don-vi-hanh-chinh.js" not in (site / page_url(urls.plan_type_path(PCKB))).read_text(encoding="utf-8")
    assert "soan-thao/phong-chong-khung-bo.html" in (site / page_url(urls.plan_type_path(PCKB))).read_text("utf-8")
    assert len(gzip.compress((site / urls.DRAFT_UNITS_SCRIPT).read_bytes(), 9)) <= 100_000


# ---------------------------------------------------------------- in Chromium, from file://


def open_form(new_page, site, width=1280, plan_type_id=PCKB):
    page = new_page(width=width, accept_downloads=True)
    requests: list[str] = []
    page.context.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / page_url(urls.draft_path(plan_type_id))).as_uri())
    page.wait_for_selector("form[data-ready]")
    return page, page.locator(f"form[data-draft='{plan_type_id}']"), requests, errors


def download(page, form, kind: str) -> bytes:
    with page.expect_download() as info:
        form.locator(f"[data-download={kind}]").click()
    path = info.value.path()
    return open(path, "rb").read()


@pytest.fixture(scope="module")
def from_zip(site, tmp_path_factory):
    """The built site as a reader gets it: zipped, then unzipped somewhere else."""
    work = tmp_path_factory.mktemp("zip")
    archive = shutil.make_archive(str(work / "mau-ke-hoach"), "zip", root_dir=site.parent, base_dir=site.name)
    shutil.unpack_archive(archive, work / "unzipped")
    return work / "unzipped" / site.name


def test_a_ward_the_site_was_never_given_gets_its_word_file_from_the_unzipped_site(new_page, from_zip, tmp_path):
    page, form, requests, errors = open_form(new_page, from_zip)
    form.locator("[name=province]").select_option("38")
    form.locator("[name=unit]").fill("phuong hac thanh")
    form.locator("[name=number]").fill("12")
    form.locator("[name=date]").fill("2026-03-05")
    form.locator("[name=signer_name]").fill("Lê Văn Bình")
    # issuer and place derived from the unit, editable
    assert form.locator("[name=issuer]").input_value() == "ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH"
    assert form.locator("[name=place]").input_value() == "Hạc Thành"
    # the preview: the official form, the same classes as a plan page
    header = page.locator(f"{PREVIEW} .plan-header")
    assert "Hạc Thành, ngày 05 tháng 3 năm 2026" in header.inner_text()
    assert "⟦" not in page.locator(PREVIEW).inner_text()
    data = download(page, form, "docx")
    (tmp_path / "ke-hoach.docx").write_bytes(data)
    d = docx.Document(io.BytesIO(data))
    head = [p.text for row in d.tables[0].rows for c in row.cells for p in c.paragraphs if p.text]
    assert head == [
        "ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/KH-UBND",
        "Hạc Thành, ngày 05 tháng 3 năm 2026",
    ]
    sign = [p.text for c in d.tables[-1].rows[0].cells[1:] for p in c.paragraphs if p.text]
    assert sign == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Bình"]
    assert "UBND phường Hạc Thành" in "\n".join(lines_of(data))
    text = download(page, form, "txt").decode("utf-8")
    assert text.startswith("ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH\nSố: 12/KH-UBND\n\n")
    assert "Hạc Thành, ngày 05 tháng 3 năm 2026" in text and "⟦" not in text
    assert not_local(requests) == [] and errors == []
    _prints_to_pdf(tmp_path / "ke-hoach.docx")


def _prints_to_pdf(path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("no soffice (apt-get install libreoffice-writer-nogui)")
    profile = path.parent / "lo-profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf"]
        + ["--outdir", str(path.parent), str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    pdf = path.with_suffix(".pdf")
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), result.stdout + result.stderr
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        printed = " ".join(subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True).stdout.split())
        assert "PHƯỜNG HẠC THÀNH" in printed and "Hạc Thành, ngày 05 tháng 3 năm 2026" in printed, printed[:400]
        assert "Số: 12/KH-UBND" in printed and "Lê Văn Bình" in printed
    out = ARTIFACTS / "draft"
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(pdf, out / pdf.name)


def test_a_special_zone_by_its_code_and_a_date_in_february(new_page, site):
    zone = next(c for c in OFFICIAL.communes if c.kind == "đặc khu")
    page, form, requests, errors = open_form(new_page, site)
    form.locator("[name=unit]").fill(str(zone.code))  # no province chosen: the code names it
    form.locator("[name=date]").fill("2026-02-09")
    assert form.locator("[name=province]").input_value() == str(zone.province)
    assert form.locator("[name=issuer]").input_value() == f"ỦY BAN NHÂN DÂN ĐẶC KHU {zone.name.upper()}"
    lines = lines_of(download(page, form, "docx"))
    assert f"{zone.name}, ngày 09 tháng 02 năm 2026" in lines
    assert "Số: …/KH-UBND" in lines and "[Họ và tên]" in lines
    assert not_local(requests) == [] and errors == []


def test_a_name_matching_no_single_unit_of_the_province_is_not_taken(new_page, site):
    page, form, _, _ = open_form(new_page, site)
    form.locator("[name=province]").select_option("38")
    form.locator("[name=unit]").fill("Hạc Thành Xyz")
    assert form.locator("[name=issuer]").input_value() == ""
    assert "Chưa khớp" in page.locator("#draft-unit-status").inner_text()
    form.locator("[name=unit]").fill("Hạc Thành")
    assert form.locator("[name=issuer]").input_value() == "ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH"
    form.locator("[name=unit]").fill("")
    assert form.locator("[name=issuer]").input_value() == ""
    form.locator("[name=unit]").fill("Phường Hạc Thành")
    assert form.locator("[name=issuer]").input_value() == "ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH"


def test_the_fill_ins_and_the_contact_of_a_type_are_asked_for_and_printed(new_page, site):
    page, form, requests, _ = open_form(new_page, site, plan_type_id="dien-hinh-phong-trao-bvantq")
    form.locator("[name=province]").select_option("38")
    form.locator("[name=unit]").fill("hac thanh")
    form.locator("[name=fill-exemplary-units]").fill("Trường Tiểu học Hạc Thành")
    form.locator("[name=contact]").fill("Công an phường")
    text = "\n".join(lines_of(download(page, form, "docx")))
    assert "Trường Tiểu học Hạc Thành" in text and "(Công an phường)" in text
    assert "⟦" not in text and "UBND phường Hạc Thành" in text
    assert not_local(requests) == []


def test_what_is_typed_stays_text_in_the_preview_and_the_word_file(new_page, site):
    page, form, _, errors = open_form(new_page, site)
    form.locator("[name=level]").select_option("so")
    typed = '<b>Sở</b> & "</w:t></w:r>"\x07 <script>x</script>'
    shown = typed.replace("\x07", "")  # a character XML cannot hold is dropped, as export/word.py does
    form.locator("[name=issuer]").fill(typed)
    assert page.locator(f"{PREVIEW} .plan-header__name").inner_text() == shown
    assert page.locator(f"{PREVIEW} b").count() == 0
    assert lines_of(download(page, form, "docx"))[0] == shown
    assert errors == []


def test_the_browser_word_file_has_the_lines_of_a_unit_list_plan_with_the_same_facts(new_page, site, data_project):
    (data_project / "data/units/thanh-hoa-2026.yml").write_text(OFFICIAL_LIST, encoding="utf-8")
    cat = load(data_project / "data")
    entry = cat.plan("ubnd-phuong-hac-thanh-pckb-2026")
    expected = lines_of(word.write(entry.doc, word.Properties(title=entry.doc.title)))
    page, form, requests, _ = open_form(new_page, site)
    form.locator("[name=province]").select_option("38")
    form.locator("[name=unit]").fill("hac thanh")
    form.locator("[name=signer_name]").fill("Lê Văn Bình")
    got = lines_of(download(page, form, "docx"))
    assert got == expected
    assert not_local(requests) == []


def test_other_levels_take_the_issuing_bodys_lines_and_an_empty_one_is_left_out(new_page, site):
    page, form, _, _ = open_form(new_page, site)
    form.locator("[name=level]").select_option("so")
    assert page.locator("[data-draft-commune]").is_hidden()
    form.locator("[name=issuer]").fill("SỞ XÂY DỰNG")
    form.locator("[name=issuer_short]").fill("Sở Xây dựng")
    form.locator("[name=place]").fill("Lạng Sơn")
    form.locator("[name=signer_title]").fill("GIÁM ĐỐC")
    assert page.locator(f"{PREVIEW} .plan-header__superior").is_hidden()
    lines = lines_of(download(page, form, "docx"))
    assert lines[0] == "SỞ XÂY DỰNG"  # no superior line: its paragraph went
    assert "Lạng Sơn, ngày … tháng … năm 2026" in lines and "GIÁM ĐỐC" in lines
    assert "TM. ỦY BAN NHÂN DÂN" not in lines
    # the type's sample wording is the commune's: this level's form has the part headings, not its words
    assert page.locator("[data-draft-preview='xa']").is_hidden()
    assert "chưa có nội dung mẫu ở cấp này" in page.locator("[data-draft-preview='so bcd-tinh']").inner_text()
    assert "Công an xã" not in "\n".join(lines) and "I. MỤC ĐÍCH, YÊU CẦU" in lines
    form.locator("[name=superior]").fill("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN")
    assert lines_of(download(page, form, "docx"))[:2] == ["ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "SỞ XÂY DỰNG"]
    assert page.locator(f"{PREVIEW} .plan-header__superior").inner_text() == "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"


def test_the_form_by_keyboard_alone_at_360_px_with_no_serious_axe_finding(new_page, site):
    page, form, requests, _ = open_form(new_page, site, width=360)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    found = audit(page, "soan-thao")
    assert found == [], describe(found)
    form.locator("[name=level]").focus()
    page.keyboard.press("Tab")  # province
    assert page.evaluate("document.activeElement.name") == "province"
    form.locator("[name=province]").select_option("38")
    page.keyboard.press("Tab")  # unit
    page.keyboard.type("hac thanh")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert form.locator("[name=unit]").input_value() == "Phường Hạc Thành"
    assert form.locator("[name=issuer]").input_value() == "ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH"
    form.locator("[data-download=docx]").focus()
    with page.expect_download():
        page.keyboard.press("Enter")
    for name in ("level", "province", "unit", "number", "date", "signer_name"):
        field = form.locator(f"[name={name}]")
        label = page.locator(f"label[for='{field.get_attribute('id')}']")
        assert label.inner_text().strip(), name
    assert form.locator("[name=date]").get_attribute("type") == "date"
    assert not_local(requests) == []


def test_values_are_kept_only_when_asked_and_cleared_by_the_button(new_page, site):
    page, form, _, _ = open_form(new_page, site)
    form.locator("[name=signer_name]").fill("Lê Văn Bình")
    kept = "() => Object.keys(localStorage).filter(k => k.startsWith('draft:'))"  # Material keeps its own keys
    assert page.evaluate(kept) == []
    form.locator("[name=remember]").check()
    form.locator("[name=number]").fill("7")
    page.reload()
    page.wait_for_selector("form[data-ready]")
    assert form.locator("[name=signer_name]").input_value() == "Lê Văn Bình"
    assert form.locator("[name=remember]").is_checked()
    assert page.evaluate(kept) == ["draft:phong-chong-khung-bo"]
    form.locator("[data-clear]").click()
    assert page.evaluate(kept) == []
    assert "Đã xóa" in page.locator("[data-draft-status]").inner_text()


@pytest.mark.parametrize("plan_type_id", sorted(CAT.plan_types))
def test_every_drafting_page_at_360_px_has_no_serious_axe_finding(new_page, site, plan_type_id):
    page, form, requests, errors = open_form(new_page, site, width=360, plan_type_id=plan_type_id)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    found = audit(page, f"soan-thao-{plan_type_id}")
    assert found == [], describe(found)
    levels = [o.get_attribute("value") for o in form.locator("[name=level] option").all()]
    assert levels == [v.level for v in CAT.plan_types[plan_type_id].levels]
    assert not_local(requests) == [] and errors == []


def test_the_copy_button_copies_the_filled_plan(browser, site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto((site / DRAFT_PAGE).as_uri())
        page.wait_for_selector("form[data-ready]")
        page.locator("[name=province]").select_option("38")
        page.locator("[name=unit]").fill("phuong hac thanh")
        page.locator("[name=signer_name]").fill("Lê Văn Bình")
        page.locator("button.plan-copy--all:visible").click()
        page.wait_for_function("navigator.clipboard.readText().then(t => t.includes('Lê Văn Bình'))")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith("ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH\nSố: …/KH-UBND")
        assert "Hạc Thành, ngày … tháng … năm 2026" in copied and "⟦" not in copied
    finally:
        context.close()
