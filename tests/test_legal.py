"""Legal bases: the registry covers every document the seed plans cite, citations
resolve and link to it, and the build checks amended and replaced documents."""

from __future__ import annotations

import html
import re

import pytest
from conftest import ROOT, build, page_url, site_page
from conftest import edit as edit_data

from macros.load import DataErrors, load
from macros.model import legal
from macros.site import urls

CAT = load()
# The reference samples (data/plans/) by id.
PLANS = {e.id: e.plan for e in CAT.samples.values()}
THANH_HOA = "data/plans/2024/bcd-pckb-tinh-thanh-hoa-2024.yml"
NATIONAL = "data/legal/toan-quoc.yml"

# "Nghị định số 62/2023/NĐ-CP", "Quyết định 510/QĐ-BCA-V05", "Văn bản số 894/CQTT", "số 987/KH-UBND";
# not the plan's own "Số: 29/KH-SXD" in its header.
SEED_CITATION = re.compile(
    r"(?:(?:Luật|Nghị định|Quyết định|Thông tư|Chỉ thị|Thông báo|Kế hoạch|Công văn|Văn bản)\s+(?:số\s+)?|số\s+)"
    r"(\d+/(?:\d{4}/)?[A-ZĐ][A-Za-zĐ0-9]*(?:-[A-ZĐ][A-Za-zĐ0-9]*)*)"
)


def test_every_document_the_seeds_cite_is_in_the_registry(shared_dir):
    numbers = {d.number for d in CAT.legal.values() if d.number}
    found = set()
    for seed in sorted((shared_dir / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        found.update(m.group(1) for m in SEED_CITATION.finditer(text))
    assert found, "the pattern must find the citations"
    assert found - numbers == set(), "seed citations missing from data/legal/"
    # Party resolutions are cited by name, without a number.
    subjects = {d.subject for d in CAT.legal.values()}
    assert "Đại hội Đảng toàn quốc lần thứ XIV" in subjects


def test_every_registry_entry_has_a_source_or_is_marked_unverified():
    for doc in CAT.legal.values():
        assert doc.sources or doc.unverified, doc.id
        for source in doc.sources:
            assert source.plan in PLANS or (source.url or "").startswith("http"), (doc.id, source)


def _plan_html(site, plan_id):
    return site_page(site, urls.plan_path(PLANS[plan_id])).read_text(encoding="utf-8")


def _cited_parts(plan_id: str, doc_id: str) -> set[str | None]:
    """The parts each citation of doc_id names, in the plan's file and its type's (None: all of them)."""
    plan = PLANS[plan_id]
    files = [*ROOT.glob(f"data/plans/*/{plan_id}.yml"), *ROOT.glob(f"data/editions/*/plan-types/{plan.plan_type}.yml")]
    found = set()
    for f in files:
        found |= {m.group(2) for m in legal.CITE.finditer(f.read_text(encoding="utf-8")) if m.group(1) == doc_id}
    return found


@pytest.mark.parametrize("plan_id", [p.id for p in PLANS.values() if CAT.plan(p.id).doc.cited])
def test_every_citation_in_a_plan_links_to_its_registry_entry(site, plan_id):
    page = _plan_html(site, plan_id)
    plan_part = page[page.index("data-plan=") :]
    for doc_id in CAT.plan(plan_id).doc.cited:
        doc = CAT.legal[doc_id]
        target = (
            page_url(f"phap-ly/{doc.id}.md") if doc.scope == "toan-quoc" else f"{page_url('phap-ly/index.md')}#{doc.id}"
        )
        links = re.findall(rf'<a href="[./]*{re.escape(target)}">([^<]+)</a>', plan_part)
        assert links, f"{doc_id} is not linked from {plan_id}"
        # each link reads as the plan cites it: the parts it names ({cite:id:loai} shows no number)
        wordings = {legal.cite(doc, p) for p in _cited_parts(plan_id, doc_id)}
        assert {" ".join(html.unescape(ln).split()) for ln in links} <= wordings, (doc_id, links, wordings)


def test_seed_wording_is_kept_around_citations(site):
    text = html.unescape(re.sub(r"<[^>]+>", "", _plan_html(site, "bcd-pckb-tinh-thanh-hoa-2024")))
    assert (
        "theo Nghị định số 62/2023/NĐ-CP ngày 18/8/2023 của Chính phủ về sửa đổi, bổ sung một số điều của "
        "Nghị định số 07/2014/NĐ-CP ngày 27/01/2014 của Chính phủ quy định tổ chức"
    ) in text
    assert (
        "Thực hiện Thông báo số 02/TB-BCA ngày 31/01/2024 của Bộ Công an - Cơ quan thường trực Ban Chỉ đạo "
        "phòng, chống khủng bố (PCKB) quốc gia về tình hình"
    ) in text
    lai_chau = html.unescape(re.sub(r"<[^>]+>", "", _plan_html(site, "van-phong-ubnd-tinh-lai-chau-bvantq-2026")))
    assert "Thực hiện Kế hoạch số 987/KH-UBND ngày 09/02/2026 của UBND tỉnh về công tác" in lai_chau


def test_official_wording_of_a_citation():
    assert legal.wording(CAT.legal["nd-81-2019"]) == (
        "Nghị định số 81/2019/NĐ-CP ngày 11/11/2019 của Chính phủ về phòng, chống phổ biến vũ khí hủy diệt hàng loạt"
    )
    assert legal.wording(CAT.legal["luat-28-2013-qh13"], ("loai", "ve", "so", "ngay")) == (
        "Luật Phòng, chống khủng bố số 28/2013/QH13 ngày 12/6/2013"
    )
    assert (
        legal.wording(CAT.legal["kh-26-2026-cat-pv01"], ("so", "ngay-dai"))
        == "số 26/KH-CAT-PV01 ngày 14 tháng 01 năm 2026"
    )
    with pytest.raises(legal.CiteError, match="chưa có ngày ban hành"):
        legal.wording(CAT.legal["qd-3554-bca-v05"], ("loai", "so", "ngay"))


def test_registry_page_has_one_anchor_per_document_with_status(site):
    page = site_page(site, "phap-ly/index.md").read_text(encoding="utf-8")
    for doc in CAT.legal.values():
        row = re.search(rf'<tr [^>]*id="{doc.id}"[^>]*>(.*?)</tr>', page, re.S)
        assert row, doc.id
        assert legal.status_label(doc) in row.group(1)
    assert page.count('class="legal-status legal-status--con-hieu-luc"') >= 2


def test_national_document_page_lists_relations_and_who_cites_it(site):
    page = html.unescape(site_page(site, "phap-ly/nd-07-2014.md").read_text(encoding="utf-8"))
    assert "Được sửa đổi, bổ sung bởi" in page and "Nghị định số 62/2023/NĐ-CP" in page
    assert "Ban Chỉ đạo PCKB tỉnh Thanh Hóa" in page  # cited by the 2024 plan
    assert "Kế hoạch công tác phòng, chống khủng bố hằng năm" in page
    unverified = html.unescape(site_page(site, "phap-ly/qd-3554-bca-v05.md").read_text(encoding="utf-8"))
    assert "chưa xác minh" in unverified


def test_plan_type_page_has_a_checklist_of_legal_bases_with_status(site):
    page = html.unescape(site_page(site, "ke-hoach/phong-chong-khung-bo/index.md").read_text(encoding="utf-8"))
    section = page[page.index('id="can-cu-phap-ly-can-dan"') : page.index('id="cau-truc-tung-phan"')]
    assert section.count('type="checkbox"') >= 5
    assert "Nghị định số 07/2014/NĐ-CP" in section and "Còn hiệu lực" in section
    assert "Được sửa đổi, bổ sung bởi Nghị định số 62/2023/NĐ-CP" in section
    assert "đơn vị tự điền" in section


# ---------------------------------------------------------------- checks at build time


def edit(project, rel, old, new) -> str:
    """Change a data file; return a pattern for the line reported: that of the value,
    or of its key when the value is a folded block ('text: >-' on the line above)."""
    line = edit_data(project, rel, old, new)
    return f"(?:{line}|{line - 1})"


def test_citing_an_unknown_document_stops_the_build(project):
    line = edit(project, THANH_HOA, "{cite:tb-02-2024-bca}", "{cite:tb-02-2024-bcaa}")
    out = build(project)
    assert out.returncode != 0
    assert re.search(
        rf"{THANH_HOA}:{line}: preamble: trích dẫn '\{{cite:tb-02-2024-bcaa\}}': văn bản 'tb-02-2024-bcaa' "
        r"không có trong danh mục căn cứ pháp lý \(data/legal/\) — có phải ý là 'tb-02-2024-bca'\?",
        out.stderr,
    )
    assert "Dữ liệu có 1 lỗi" in out.stderr
    assert "Traceback" not in out.stderr and not (project / "site").exists()


def test_citing_a_fact_the_registry_cannot_source_stops_the_build(project):
    line = edit(project, THANH_HOA, "{cite:qd-16-2017-ttg:loai,so}", "{cite:qd-16-2017-ttg}")
    out = build(project)
    assert out.returncode != 0
    assert re.search(
        rf"{THANH_HOA}:{line}: sections\.nhiem-vu\S*: trích dẫn '\{{cite:qd-16-2017-ttg\}}': "
        r"văn bản 'qd-16-2017-ttg' chưa có ngày ban hành, cơ quan ban hành đã xác minh",
        out.stderr,
    ), out.stderr


def test_citing_an_amended_document_alone_warns_and_marks_the_citation(project):
    line = edit(
        project,
        THANH_HOA,
        "theo {cite:nd-62-2023:loai,so,ngay,cua} về sửa đổi, bổ sung một số điều của "
        "{cite:nd-07-2014:loai,so,ngay,cua} quy định",
        "theo {cite:nd-07-2014:loai,so,ngay,cua} quy định",
    )
    out = build(project)
    assert out.returncode == 0, out.stderr  # a warning, not an error, even with --strict
    warning = re.search(
        rf"WARNING -  Dữ liệu: {THANH_HOA}:(\d+): sections\.nhiem-vu\S*: Nghị định số 07/2014/NĐ-CP "
        r"đã được sửa đổi, bổ sung bởi Nghị định số 62/2023/NĐ-CP; nên dẫn cả văn bản sửa đổi",
        out.stderr,
    )
    assert warning, out.stderr
    assert re.fullmatch(line, warning.group(1))
    body = site_page(project / "site", urls.plan_path(PLANS["bcd-pckb-tinh-thanh-hoa-2024"])).read_text(
        encoding="utf-8"
    )
    note = re.search(
        r'phap-ly/nd-07-2014\.html">[^<]+</a> <span class="plan-cite-note" role="note">Lưu ý: ([^<]+)</span>', body
    )
    assert note and "Nghị định số 62/2023/NĐ-CP" in html.unescape(note.group(1))


def test_citing_a_replaced_document_stops_the_build(project):
    edit(
        project,
        NATIONAL,
        "documents:\n",
        """documents:
  - id: nd-99-2020
    kind: Nghị định
    number: 99/2020/NĐ-CP
    date: 2020-05-01
    issuer: Chính phủ
    scope: toan-quoc
    relations:
      - type: replaces
        target: kh-93-2017-bcd-pckb-thanh-hoa
    status:
      as_of: 2026-11-30
      tried: [a test document]
    unverified: true
""",
    )
    out = build(project)
    assert out.returncode != 0
    assert re.search(
        rf"{THANH_HOA}:\d+: sections\.\S+: Kế hoạch số 93/KH-BCĐ đã được thay thế bởi "
        r"Nghị định số 99/2020/NĐ-CP trước năm 2024; dẫn văn bản thay thế",
        out.stderr,
    ), out.stderr


def test_a_registry_entry_without_source_or_unverified_mark_stops_the_build(project):
    edit(
        project,
        NATIONAL,
        "    sources:\n      - plan: van-phong-ubnd-tinh-lai-chau-bvantq-2026\n"
        "        note: Tên văn bản, như kế hoạch dẫn; kế hoạch không ghi số, ngày.\n",
        "",
    )
    out = build(project)
    assert out.returncode != 0
    assert re.search(
        rf"{NATIONAL}:\d+: documents\[\d+\]: văn bản cần ít nhất một nguồn \('sources'\), "
        r"hoặc ghi 'unverified: true'",
        out.stderr,
    ), out.stderr


def test_registry_filters_in_the_browser(served_site, new_page):
    page = new_page()
    page.goto(served_site + "/" + page_url("phap-ly/index.md"))
    rows = page.locator(".legal-registry tbody tr")
    total = rows.count()
    assert total == len(CAT.legal)
    page.select_option('[data-filter="kind"]', "Nghị định")
    visible = page.locator(".legal-registry tbody tr:not([hidden])")
    assert visible.count() == sum(d.kind == "Nghị định" for d in CAT.legal.values())
    assert page.locator(".legal-filter__count").inner_text() == f"Đang hiện {visible.count()} trên {total} văn bản"
    page.select_option('[data-filter="kind"]', "")
    page.select_option('[data-filter="scope"]', "Thanh Hóa")
    assert visible.count() == sum(d.province == "Thanh Hóa" for d in CAT.legal.values())
    page.select_option('[data-filter="scope"]', "")
    page.select_option('[data-filter="plan-type"]', "dien-hinh-phong-trao-bvantq")
    ids = set(visible.evaluate_all("rows => rows.map(r => r.id)"))
    assert {"qd-3554-bca-v05", "qd-510-bca-v05", "tt-124-2021-bca", "kh-26-2026-cat-pv01"} <= ids
    assert "nd-07-2014" not in ids


# ---------------------------------------------------------------- statuses (issue 19)

NATIONAL_DOCS = [d for d in CAT.legal.values() if d.scope == "toan-quoc"]


def test_every_national_document_has_a_sourced_status_or_what_was_tried():
    for doc in NATIONAL_DOCS:
        assert doc.status, doc.id
        if doc.status.value:
            assert doc.status.value in legal.schema.LEGAL_STATUSES
            assert doc.status.source.startswith("http"), doc.id
        else:
            assert doc.status.tried, doc.id
            assert legal.status_label(doc) == legal.UNVERIFIED
    sourced = {d.id for d in NATIONAL_DOCS if d.status.value}
    assert {"luat-28-2013-qh13", "nd-07-2014", "luat-37-2018-qh14", "luat-32-2004-qh11", "nd-06-2014"} <= sourced


def test_relations_among_registry_documents():
    def pairs(doc_id):
        return {(r.words, r.other.id) for r in legal.relations_of(CAT.legal[doc_id], CAT.legal)}

    assert ("Được sửa đổi, bổ sung bởi", "nd-93-2024") in pairs("nd-122-2013")
    assert ("Căn cứ vào", "luat-28-2013-qh13") in pairs("nd-07-2014")
    assert {("Căn cứ vào", "luat-32-2004-qh11"), ("Căn cứ vào", "luat-37-2018-qh14"), ("Căn cứ vào", "nd-06-2014")} <= (
        pairs("qd-510-bca-v05")
    )
    assert ("Là căn cứ của", "tt-124-2021-bca") in pairs("luat-37-2018-qh14")


def test_a_national_document_without_status_or_tried_is_refused(data_project):
    rel = NATIONAL
    text = (data_project / rel).read_text(encoding="utf-8")
    block = text[text.index("  - id: qd-3554-bca-v05") :]
    status = block[block.index("    status:\n") : block.index("    plan_types:")]
    (data_project / rel).write_text(text.replace(status, "", 1), encoding="utf-8")
    with pytest.raises(
        DataErrors, match=r"data/legal/toan-quoc\.yml:\d+: documents\[\d+\]: văn bản trung ương cần 'status'"
    ):
        load(data_project / "data")
    tried = status[status.index("      tried:") :]
    (data_project / rel).write_text(text.replace(tried, "", 1), encoding="utf-8")
    with pytest.raises(DataErrors, match=r"chưa có 'value' thì ghi 'tried'"):
        load(data_project / "data")


def test_document_page_shows_what_was_tried(site):
    page = html.unescape(re.sub(r"<[^>]+>", "", site_page(site, "phap-ly/nd-62-2023.md").read_text(encoding="utf-8")))
    assert "chưa xác minh (tra cứu ngày 30/11/2026)" in page
    assert "Đã tìm tình trạng hiệu lực" in page and "Nghị định 62/2023/NĐ-CP Tình trạng Còn hiệu lực" in page
    sourced = html.unescape(site_page(site, "phap-ly/luat-37-2018-qh14.md").read_text(encoding="utf-8"))
    assert "Còn hiệu lực (xem ngày 30/11/2026" in re.sub(r"<[^>]+>", "", sourced)
