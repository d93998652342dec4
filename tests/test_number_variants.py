"""One legal document, its number as each citing plan writes it (issue 15, point 6).

The registry keeps one id for "612/KH-BCA" and the variants seen ("612/KH-BCA-V05"), each with
its source; `{cite:<id>:loai,so=<variant>}` prints the variant its plan used; the draft checker
knows the document by any of its numbers. Each test writes its registry entry and plan into a
private copy of data/ (no build); the documents here are written for the test, not real ones.
"""

from __future__ import annotations

import re

import pytest
from test_real_plans import add_plan, errors

from macros.load import load
from macros.model import draft_check, legal
from macros.site.pages.legal import legal_document_page, legal_registry_page

LEGAL = """\
documents:
  - id: kh-612-bca
    kind: Kế hoạch
    number: 612/KH-BCA
    date: 2026-03-02
    issuer: Bộ Công an
    subject: về một việc thử nghiệm
    scope: toan-quoc
    status:
      as_of: 2026-11-30
      tried: [văn bản viết cho phép thử]
    number_variants:
{variants}
    sources:
      - url: https://example.org/kh-612
  - id: kh-700-bca
    kind: Kế hoạch
    number: 700/KH-BCA
    date: 2026-06-01
    issuer: Bộ Công an
    scope: toan-quoc
    status:
      as_of: 2026-11-30
      tried: [văn bản viết cho phép thử]
    relations:
      - type: amends
        target: kh-612-bca
    number_variants:
      - number: 700/KH-BCA-V05
        url: https://example.org/kh-700
    sources:
      - url: https://example.org/kh-700
"""
SEEN_IN_PLAN = """\
      - number: 612/KH-BCA-V05
        plan: thu-nghiem
        note: Kế hoạch thử nghiệm ghi số kèm ký hiệu đơn vị soạn thảo.
"""
CITING = "preamble: Thực hiện {cite:kh-612-bca:loai,so=612/KH-BCA-V05,ngay} và {cite:kh-700-bca:loai,so,ngay}.\n"


def write(project, variants: str = SEEN_IN_PLAN, body: str = CITING) -> None:
    (project / "data/legal/thu-nghiem.yml").write_text(LEGAL.format(variants=variants.rstrip("\n")), encoding="utf-8")
    add_plan(project, body)


def test_a_citation_prints_the_number_as_its_plan_wrote_it(data_project):
    write(data_project)
    cat = load(data_project / "data")
    doc = cat.plan("thu-nghiem").doc
    assert doc.preamble == (
        "Thực hiện Kế hoạch số 612/KH-BCA-V05 ngày 02/3/2026 và Kế hoạch số 700/KH-BCA ngày 01/6/2026."
    )
    # one document, whichever number the plan printed
    assert set(doc.cited) == {"kh-612-bca", "kh-700-bca"}
    assert legal.cite(cat.legal["kh-612-bca"], "loai,so") == "Kế hoạch số 612/KH-BCA"
    assert legal.numbers(cat.legal["kh-612-bca"]) == ("612/KH-BCA", "612/KH-BCA-V05")


def test_a_number_the_registry_has_not_seen_is_refused_with_the_numbers_it_has(data_project):
    write(data_project, body=CITING.replace("so=612/KH-BCA-V05", "so=612/KH-BCA-V06"))
    found = errors(data_project)
    assert len(found) == 1, found
    assert found[0].startswith("data/plans/2026/thu-nghiem.yml:9: preamble: trích dẫn '{cite:kh-612-bca:loai,so=")
    assert (
        "số '612/KH-BCA-V06' không phải cách ghi số của văn bản 'kh-612-bca' trong danh mục; "
        "có: 612/KH-BCA, 612/KH-BCA-V05. Ghi cách ghi này vào 'number_variants' của văn bản, kèm nguồn"
    ) in found[0]


@pytest.mark.parametrize(
    ("variants", "expected"),
    [
        (  # the plan named as source does not write that number
            SEEN_IN_PLAN.replace("612/KH-BCA-V05", "612/KH-BCA-V07"),
            "data/legal/thu-nghiem.yml:14: documents[0].number_variants[0].plan: kế hoạch 'thu-nghiem' "
            "(data/plans/2026/thu-nghiem.yml) không ghi số '612/KH-BCA-V07'",
        ),
        (
            SEEN_IN_PLAN.replace("plan: thu-nghiem", "plan: thu-nghiem-khac"),
            "data/legal/thu-nghiem.yml:14: documents[0].number_variants[0].plan: kế hoạch 'thu-nghiem-khac' "
            "không có trong data/plans/",
        ),
        (  # no source at all
            "      - number: 612/KH-BCA-V05\n",
            "data/legal/thu-nghiem.yml:13: documents[0].number_variants[0]: nguồn cần 'plan'",
        ),
        (  # the registry's own number again
            "      - number: 612/KH-BCA\n        url: https://example.org/kh-612\n",
            "data/legal/thu-nghiem.yml:2: documents[0]: cách ghi số '612/KH-BCA' bị ghi hai lần (hoặc trùng 'number')",
        ),
    ],
    ids=["not-written-by-its-plan", "unknown-plan", "no-source", "same-as-number"],
)
def test_each_variant_has_a_source_that_writes_it(data_project, variants, expected):
    write(data_project, variants, body=CITING.replace(",so=612/KH-BCA-V05", ",so"))
    found = errors(data_project)
    assert any(f.startswith(expected) for f in found), found


def test_variants_need_the_verified_number(data_project):
    write(data_project, body=CITING.replace(",so=612/KH-BCA-V05", ""))
    path = data_project / "data/legal/thu-nghiem.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    number: 612/KH-BCA\n", ""), encoding="utf-8")
    found = errors(data_project)
    assert any("documents[0]: 'number_variants' cần 'number'" in f for f in found), found


def test_an_empty_so_is_a_malformed_citation(data_project):
    write(data_project, body=CITING.replace("so=612/KH-BCA-V05", "so="))
    found = errors(data_project)
    assert any("cách trích 'loai,so=,ngay' không hợp lệ" in f and "so=<số>" in f for f in found), found


def unescape(markdown: str) -> str:
    """The page's Markdown without the escapes data values get (612/KH\\-BCA)."""
    return re.sub(r"\\(.)", r"\1", str(markdown))


def test_the_registry_pages_show_each_variant_with_its_source(data_project):
    write(data_project)
    cat = load(data_project / "data")
    page = unescape(legal_document_page(cat, "kh-612-bca"))
    assert "Cách ghi số khác" in page
    line = next(ln for ln in page.splitlines() if "612/KH-BCA-V05" in ln)
    assert "ke-hoach/phong-chong-khung-bo/thu-nghiem" in line and "ký hiệu đơn vị soạn thảo" in line
    other = unescape(legal_document_page(cat, "kh-700-bca"))
    assert 'href="https://example.org/kh-700"' in next(ln for ln in other.splitlines() if "700/KH-BCA-V05" in ln)
    registry = unescape(legal_registry_page(cat))
    assert "còn ghi: 612/KH-BCA-V05" in registry and "còn ghi: 700/KH-BCA-V05" in registry


DRAFT = [
    "Số: …/KH-UBND",
    "An Hòa, ngày … tháng … năm 2026",
    "KẾ HOẠCH",
    "Triển khai công tác phòng, chống khủng bố năm 2026",
    "Căn cứ Kế hoạch số 612/KH-BCA-V05 ngày 02/3/2026 của Bộ Công an;",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "II. NHIỆM VỤ TRỌNG TÂM",
    "III. TỔ CHỨC THỰC HIỆN",
    "Nơi nhận:",
    "CHỦ TỊCH",
]
AMENDED = (
    "5: cảnh báo: Kế hoạch số 612/KH-BCA đã được sửa đổi, bổ sung bởi Kế hoạch số 700/KH-BCA; dẫn cả văn bản sửa đổi"
)


def variant_rules(data_project) -> dict:
    write(data_project)
    return draft_check.compile_rules(load(data_project / "data"))


def test_the_draft_checker_knows_a_document_by_any_of_its_numbers(data_project):
    rules = variant_rules(data_project)
    found = [f"{f.line}: {f.level}: {f.message}" for f in draft_check.check(DRAFT, rules)]
    # known (no "not in the registry" note), and its amender is asked for
    assert found == [AMENDED]
    # the amender cited by its own variant counts as cited
    cited = DRAFT[:5] + ["Căn cứ Kế hoạch số 700/KH-BCA-V05 của Bộ Công an;"] + DRAFT[5:]
    assert draft_check.check(cited, rules) == []


def test_the_page_agrees_on_variants(data_project, served_site, new_page):
    rules = variant_rules(data_project)
    page = new_page()
    page.goto(f"{served_site}/kiem-tra-ban-thao.html")
    cited = DRAFT[:5] + ["Căn cứ Kế hoạch số 700/KH-BCA-V05 của Bộ Công an;"] + DRAFT[5:]
    found = page.evaluate(
        "([drafts, rules]) => drafts.map(lines => window.draftCheck.check(lines, rules)"
        ".map(f => f.line + ': ' + f.level + ': ' + f.message))",
        [[DRAFT, cited], rules],
    )
    assert found == [[AMENDED], []]
