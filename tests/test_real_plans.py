"""Real plans as they were written (issue 15): parts that differ from the type, optional
recipients and signer title, number symbols as officials write them, messages that point at
the fix, levels and plan types from data alone, a plan issued as an annex to a decision.

Each test writes a plan for the case into a private copy of data/ (no build) and reads what a
maintainer sees: the resolved document, or the `file:line: key: message` lines.
"""

from __future__ import annotations

import textwrap

import pytest

from macros.load import load
from macros.load.problems import DataErrors
from macros.model import outline

PLAN_DIR = "data/plans/2026"
# The unit's own facts of a commune plan; the body comes from the test.
HEAD = """\
id: {id}
plan_type: {plan_type}
year: 2026
level: {level}
issuer:
  name: ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM
  short: UBND xã Thử Nghiệm
place: Thử Nghiệm
"""
SIGNATURE = """\
signature:
  authority: TM. ỦY BAN NHÂN DÂN
  title: CHỦ TỊCH
"""


def add_plan(
    project,
    body: str,
    plan_id: str = "thu-nghiem",
    plan_type: str = "phong-chong-khung-bo",
    level: str = "xa",
    signature: str = SIGNATURE,
):
    text = HEAD.format(id=plan_id, plan_type=plan_type, level=level) + textwrap.dedent(body) + signature
    path = project / PLAN_DIR / f"{plan_id}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def errors(project) -> list[str]:
    with pytest.raises(DataErrors) as exc:
        load(project / "data")
    return [str(p) for p in exc.value.problems]


def warnings_of(cat, plan_id: str = "thu-nghiem") -> list[str]:
    return [str(w) for w in cat.warnings if f"{plan_id}.yml" in w.file]


# ---------------------------------------------------------------- 1. parts that differ from the type


def test_a_plan_adds_a_part_first_leaves_one_out_and_reorders(data_project):
    add_plan(
        data_project,
        """\
        parts: [can-cu, to-chuc-thuc-hien, muc-dich-yeu-cau, kinh-phi]
        sections:
          can-cu:
            heading: CĂN CỨ XÂY DỰNG KẾ HOẠCH
            content:
              - Căn cứ tình hình thực tế của địa phương.
          kinh-phi:
            heading: KINH PHÍ THỰC HIỆN
            content:
              - Kinh phí thực hiện từ nguồn ngân sách xã.
          to-chuc-thuc-hien:
            content:
              - Công an xã theo dõi, đôn đốc thực hiện kế hoạch.
        recipients:
          - "Lưu: VT."
        deadlines: []
        """,
    )
    doc = load(data_project / "data").plan("thu-nghiem").doc
    assert [(p.number, p.id, p.heading) for p in doc.parts] == [
        ("I", "can-cu", "CĂN CỨ XÂY DỰNG KẾ HOẠCH"),
        ("II", "to-chuc-thuc-hien", "TỔ CHỨC THỰC HIỆN"),
        ("III", "muc-dich-yeu-cau", "MỤC ĐÍCH, YÊU CẦU"),
        ("IV", "kinh-phi", "KINH PHÍ THỰC HIỆN"),
    ]
    lines = outline.as_text(outline.body(doc))
    assert "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH" in lines and "Căn cứ tình hình thực tế của địa phương." in lines
    assert not any(line.startswith("II. NHIỆM VỤ") for line in lines), "the type's part left out"
    # the type's part keeps its sample where the plan does not replace it
    assert doc.parts[2].blocks, "MỤC ĐÍCH, YÊU CẦU keeps the type's sample wording"


def test_parts_with_unknown_or_repeated_ids_and_a_new_part_without_content(data_project):
    add_plan(
        data_project,
        """\
        parts: [muc-dich-yeu-cau, muc-dich-yeu-cau, nhiem-vuu, kinh-phi]
        sections:
          kinh-phi:
            heading: KINH PHÍ THỰC HIỆN
        """,
    )
    found = errors(data_project)
    assert any("thu-nghiem.yml:9: parts[1]: phần 'muc-dich-yeu-cau' ghi hai lần" in e for e in found), found
    assert any("parts[2]: phần 'nhiem-vuu' không có trong loại kế hoạch" in e and "nhiem-vu" in e for e in found)


def test_a_new_part_without_content_is_named_with_its_key(data_project):
    add_plan(
        data_project,
        """\
        parts: [muc-dich-yeu-cau, kinh-phi]
        sections:
          kinh-phi:
            heading: KINH PHÍ THỰC HIỆN
        """,
    )
    found = errors(data_project)
    assert any("sections.kinh-phi: phần 'kinh-phi' là phần riêng" in e and "'content'" in e for e in found), found


def test_empty_content_says_what_it_does_not_that_the_type_has_no_sample(data_project):
    add_plan(
        data_project,
        """\
        sections:
          nhiem-vu:
            content: []
        """,
    )
    (found,) = [e for e in errors(data_project) if "nhiem-vu" in e]
    assert "sections.nhiem-vu: phần 'nhiem-vu' không còn nội dung: 'content: []' bỏ nội dung mẫu" in found
    assert "không có nội dung mẫu" not in found


def test_a_section_outside_the_type_and_outside_parts_is_an_error(data_project):
    add_plan(
        data_project,
        """\
        sections:
          kinh-phi:
            heading: KINH PHÍ THỰC HIỆN
            content: [Ngân sách xã.]
        """,
    )
    found = errors(data_project)
    assert any("sections.kinh-phi: phần 'kinh-phi' không có trong loại kế hoạch" in e and "'parts'" in e for e in found)


# ---------------------------------------------------------------- 7. no 'Nơi nhận', no signer title


def test_no_recipients_and_no_signer_title_print_as_written_with_a_warning(data_project):
    from macros.export import plain_text

    add_plan(
        data_project,
        """\
        recipients: []
        """,
        signature="signature:\n  name: Nguyễn Văn Thử\n",
    )
    cat = load(data_project / "data")
    doc = cat.plan("thu-nghiem").doc
    assert doc.recipients == () and doc.signature.title is None
    found = warnings_of(cat)
    assert any("thu-nghiem.yml:9: recipients: kế hoạch không có 'Nơi nhận'" in w for w in found), found
    assert any("signature: chữ ký không có chức vụ người ký" in w for w in found), found
    txt = plain_text.write(doc)
    assert outline.RECIPIENTS_LABEL not in txt
    assert txt.rstrip().endswith("Nguyễn Văn Thử")


def test_recipients_key_with_no_value_means_none_too(data_project):
    add_plan(data_project, "recipients:\n")
    cat = load(data_project / "data")
    assert cat.plan("thu-nghiem").doc.recipients == ()
    assert any("recipients: kế hoạch không có 'Nơi nhận'" in w for w in warnings_of(cat))


# ---------------------------------------------------------------- 4. number symbols as officials write them


@pytest.mark.parametrize(
    ("symbol", "warned"),
    [("KH-THCS PP", "có khoảng trắng"), ("KH-BCA-V05", None), ("KH-BCĐ", None), ("KH-Ubnd", "có chữ thường")],
)
def test_symbols_as_written_are_accepted_and_departures_warned_with_the_decree(data_project, symbol, warned):
    add_plan(data_project, f"number: 12\nsymbol: {symbol}\n")
    cat = load(data_project / "data")
    assert cat.plan("thu-nghiem").doc.number_line == f"Số: 12/{symbol}"
    found = [w for w in warnings_of(cat) if "symbol:" in w]
    if warned is None:
        assert found == []
    else:
        (message,) = found
        assert f"thu-nghiem.yml:10: symbol: ký hiệu '{symbol}' {warned}" in message
        assert "không cách chữ" in message and "Nghị định 30/2020/NĐ-CP" in message and "https://" in message


# ---------------------------------------------------------------- 9. messages that point at the fix


def test_a_default_deadline_missing_from_the_text_points_at_the_plan_and_deadlines_empty(data_project):
    # The type's sample states "18/01" and "12/12" in its last part; this plan words that part itself.
    add_plan(
        data_project,
        """\
        sections:
          to-chuc-thuc-hien:
            content:
              - Công an xã theo dõi, đôn đốc thực hiện kế hoạch.
        """,
        plan_type="dien-hinh-phong-trao-bvantq",
    )
    found = [e for e in errors(data_project) if "thời hạn mặc định" in e]
    assert found, errors(data_project)
    for e in found:
        assert e.startswith(f"{PLAN_DIR}/thu-nghiem.yml:"), e
        assert "deadlines: thời hạn mặc định của loại kế hoạch (data/editions/2026/plan-types/dien-hinh" in e
        assert "ghi 'deadlines: []'" in e


def test_a_schema_error_does_not_hide_the_files_other_errors(data_project):
    add_plan(data_project, "numbr: 12\n", level="thon")
    found = errors(data_project)
    assert any("numbr" in e for e in found), found
    assert any("level: cấp 'thon' không có trong data/levels.yml" in e for e in found), found


def test_a_level_the_type_does_not_use_names_the_plan_type_file_to_edit(data_project):
    add_plan(data_project, "", plan_type="phong-trao-toan-dan-bvantq")
    (found,) = [e for e in errors(data_project) if "level:" in e]
    assert "không dùng cho cấp 'xa'" in found
    assert "thêm cấp 'xa' vào 'levels' của data/editions/2026/plan-types/phong-trao-toan-dan-bvantq.yml" in found


# ---------------------------------------------------------------- 8. levels from data everywhere


def test_a_school_level_added_in_data_holds_roles_and_an_unknown_level_is_named(data_project):
    roles = data_project / "data" / "roles.yml"
    text = roles.read_text(encoding="utf-8")
    school_roles = """\
roles:
  - id: ban-giam-hieu
    name: Ban Giám hiệu nhà trường
    level: co-so-giao-duc
  - id: doan-truong
    name: Đoàn trường
    level: truong-hoc
"""
    roles.write_text(text.replace("roles:\n", school_roles, 1), encoding="utf-8")
    found = errors(data_project)
    (message,) = found
    assert message.startswith("data/roles.yml:13: roles[1].level: cấp 'truong-hoc' không có trong data/levels.yml")
    assert "có: xa, so, bcd-tinh, van-phong-tinh, tinh, huyen, trung-uong, co-so-giao-duc" in message
    roles.write_text(text.replace("roles:\n", school_roles.replace("truong-hoc", "co-so-giao-duc"), 1), "utf-8")
    cat = load(data_project / "data")
    assert cat.roles["ban-giam-hieu"].level == "co-so-giao-duc"
    assert cat.levels["co-so-giao-duc"].name == "Cơ sở giáo dục"


# ---------------------------------------------------------------- 2. defaults per level

DIEN_HINH = "data/editions/2026/plan-types/dien-hinh-phong-trao-bvantq.yml"
PROVINCE_LEVEL = """\
levels:
  - level: tinh
    guidance: Kế hoạch của Ủy ban nhân dân tỉnh cho toàn tỉnh.
"""


def add_province_level(project, extra: str = "") -> None:
    path = project / DIEN_HINH
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("levels:\n", PROVINCE_LEVEL + extra, 1), encoding="utf-8")


def test_a_province_plan_never_takes_the_commune_samples_wording(data_project):
    add_province_level(data_project)
    add_plan(data_project, "", plan_type="dien-hinh-phong-trao-bvantq", level="tinh")
    found = errors(data_project)
    # the first missing value stops the resolution; it names the plan-type file and the key to add
    (message,) = [e for e in found if "thu-nghiem.yml" in e]
    assert "viết cho cấp 'xa', không dùng cho cấp 'tinh'" in message, message
    assert f"({DIEN_HINH}: levels[0]." in message


def test_a_province_plan_with_its_own_wording_has_nothing_of_the_commune(data_project):
    add_province_level(data_project)
    add_plan(
        data_project,
        """\
        symbol: KH-UBND
        title: Xây dựng điển hình về phong trào toàn dân bảo vệ an ninh Tổ quốc
        preamble:
        closing:
        recipients: ["Lưu: VT."]
        sections:
          muc-dich-yeu-cau: {content: [Nâng cao hiệu quả phong trào trên địa bàn tỉnh.]}
          noi-dung-thuc-hien: {content: [Mỗi huyện chọn một đơn vị.]}
          phan-cong-nhiem-vu: {content: [Công an tỉnh tham mưu.]}
          to-chuc-thuc-hien: {content: [Các sở, ngành triển khai.]}
        """,
        plan_type="dien-hinh-phong-trao-bvantq",
        level="tinh",
    )
    doc = load(data_project / "data").plan("thu-nghiem").doc
    assert doc.deadlines == (), "the commune's deadlines are not the province's"
    printed = " ".join(doc.texts()) + " ".join(r.text for r in doc.recipients)
    assert "xã" not in printed.replace("Xây dựng", ""), printed


def test_a_level_with_its_own_defaults_and_samples_in_the_type(data_project):
    add_province_level(
        data_project,
        """\
    defaults:
      symbol: KH-UBND
      title: Xây dựng điển hình năm {year}
      preamble:
      closing:
      recipients: ["Lưu: VT, CAT."]
      authority: TM. ỦY BAN NHÂN DÂN
    samples:
      muc-dich-yeu-cau: [Mục đích của kế hoạch cấp tỉnh.]
      noi-dung-thuc-hien: [Nội dung cấp tỉnh.]
      phan-cong-nhiem-vu: [Phân công cấp tỉnh.]
      to-chuc-thuc-hien: [Tổ chức cấp tỉnh.]
""",
    )
    add_plan(
        data_project,
        "",
        plan_type="dien-hinh-phong-trao-bvantq",
        level="tinh",
        signature="signature:\n  title: CHỦ TỊCH\n",
    )
    cat = load(data_project / "data")
    doc = cat.plan("thu-nghiem").doc
    assert doc.signature.authority == "TM. ỦY BAN NHÂN DÂN", "the level's signing authority"
    assert doc.title == "Xây dựng điển hình năm 2026" and doc.number_line == "Số: …/KH-UBND"
    assert [r.text for r in doc.recipients] == ["Lưu: VT, CAT."]
    assert outline.as_text(outline.part(doc.parts[0]))[1] == "Mục đích của kế hoạch cấp tỉnh."
    # the blank form of the level carries the level's wording; the commune's form keeps its own
    from macros.model import blank

    pt = cat.plan_types["dien-hinh-phong-trao-bvantq"]
    province = blank.document_of(pt, cat.legal, cat.roles, "tinh")
    assert outline.as_text(outline.part(province.parts[3]))[1:] == ["Tổ chức cấp tỉnh."]
    assert province.signature.authority == "TM. ỦY BAN NHÂN DÂN"
    assert cat.type_samples[pt.id].parts[3].blocks != province.parts[3].blocks


def test_a_blank_form_at_a_level_without_samples_has_headings_and_guidance_only(data_project):
    from macros.model import blank

    cat = load(data_project / "data")
    pt = cat.plan_types["phong-chong-khung-bo"]
    form = blank.document_of(pt, cat.legal, cat.roles, "bcd-tinh")
    assert [p.heading for p in form.parts] == [s.heading for s in pt.sections]
    assert all(p.blocks == () for p in form.parts) and form.recipients == ()
    assert form.title == blank.TITLE


# ---------------------------------------------------------------- 5. a plan issued as an annex to a decision

ANNEX = """\
title: Huấn luyện nghiệp vụ phòng, chống khủng bố năm {year}
annex_to:
  kind: Quyết định
  number: 27/QĐ-BCĐ
  date: 2026-03-05
  issuer: Trưởng Ban Chỉ đạo phòng, chống khủng bố tỉnh
"""


def test_a_plan_issued_with_a_decision_has_no_number_and_names_the_decision_in_all_outputs(data_project):
    from macros.export import plain_text

    add_plan(data_project, ANNEX)
    doc = load(data_project / "data").plan("thu-nghiem").doc
    line = (
        "(Ban hành kèm theo Quyết định số 27/QĐ-BCĐ ngày 05 tháng 3 năm 2026 "
        "của Trưởng Ban Chỉ đạo phòng, chống khủng bố tỉnh)"
    )
    assert doc.annex_line == line and doc.number_line is None and doc.place_date == "" and not doc.is_draft
    txt = plain_text.write(doc).splitlines()
    assert "Số:" not in "\n".join(txt) and "ngày … tháng" not in "\n".join(txt)
    assert txt[txt.index(outline.KIND) + 1 : txt.index(outline.KIND) + 3] == [doc.title, line]


def test_an_annex_without_the_decisions_number_yet_prints_blanks(data_project):
    add_plan(data_project, "annex_to:\n  issuer: Bộ trưởng Bộ Công an\n")
    doc = load(data_project / "data").plan("thu-nghiem").doc
    assert doc.annex_line == "(Ban hành kèm theo Quyết định số …/QĐ-… ngày … của Bộ trưởng Bộ Công an)"
    assert doc.is_draft


def test_an_annex_with_a_number_of_its_own_is_an_error(data_project):
    add_plan(data_project, ANNEX + "number: 12\n")
    found = errors(data_project)
    assert any("thu-nghiem.yml:" in e and "number: kế hoạch ban hành kèm theo" in e for e in found), found


def test_a_plan_of_the_ended_district_level_after_it_ended_is_an_error(data_project):
    path = data_project / DIEN_HINH
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("levels:\n", "levels:\n  - level: huyen\n    guidance: Cấp huyện.\n", 1), "utf-8")
    add_plan(data_project, "", plan_type="dien-hinh-phong-trao-bvantq", level="huyen")
    found = errors(data_project)
    assert any("level: cấp 'huyen' không còn từ ngày 01/07/2025" in e for e in found), found


# ---------------------------------------------------------------- 3. a new plan type and a new level, from data alone

TRAINING_TYPE = """\
id: huan-luyen-pckb
name: Kế hoạch huấn luyện phòng, chống khủng bố
short_name: Huấn luyện phòng, chống khủng bố
order: 90
summary: Kế hoạch của Ban Chỉ đạo cấp tỉnh tổ chức huấn luyện lực lượng phòng, chống khủng bố.
purpose: [Tổ chức huấn luyện cho lực lượng tham gia phòng, chống khủng bố.]
issued_by: [Ban Chỉ đạo cấp tỉnh hoặc Ủy ban nhân dân tỉnh ban hành.]
levels:
  - level: tinh
    guidance: Kế hoạch của Ủy ban nhân dân tỉnh, ban hành kèm theo quyết định.
defaults:
  title: Huấn luyện phòng, chống khủng bố năm {year}
sections:
  - id: muc-dich
    heading: MỤC ĐÍCH, YÊU CẦU
    guidance: [Vì sao huấn luyện, yêu cầu đạt được.]
  - id: noi-dung
    heading: NỘI DUNG HUẤN LUYỆN
    guidance: [Các nội dung, thời gian, địa điểm.]
"""
TRAINING_PLAN = """\
id: ubnd-tinh-thu-nghiem-huan-luyen-2026
plan_type: huan-luyen-pckb
year: 2026
level: tinh
issuer:
  name: ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM
  short: UBND tỉnh Thử Nghiệm
annex_to:
  number: 27/QĐ-UBND
  date: 2026-03-05
  issuer: Chủ tịch Ủy ban nhân dân tỉnh Thử Nghiệm
parts: [can-cu, muc-dich, noi-dung]
sections:
  can-cu:
    heading: CĂN CỨ XÂY DỰNG KẾ HOẠCH
    content: [Căn cứ tình hình thực tế của tỉnh.]
  muc-dich:
    content: [Nâng cao kỹ năng xử lý tình huống của lực lượng tham gia.]
  noi-dung:
    content: [Huấn luyện xử lý tình huống bắt giữ con tin.]
recipients: []
signature:
  authority: TM. ỦY BAN NHÂN DÂN
  title: CHỦ TỊCH
"""


def test_a_new_plan_type_and_level_from_data_alone_build_page_word_and_text(project):
    import docx
    from conftest import build, site_page

    (project / "data/editions/2026/plan-types/huan-luyen-pckb.yml").write_text(TRAINING_TYPE, encoding="utf-8")
    (project / PLAN_DIR / "ubnd-tinh-thu-nghiem-huan-luyen-2026.yml").write_text(TRAINING_PLAN, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "recipients: kế hoạch không có 'Nơi nhận'" in result.stderr, "a warning, not an error"
    site = project / "site"
    annex = "(Ban hành kèm theo Quyết định số 27/QĐ-UBND ngày 05 tháng 3 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Thử Nghiệm)"
    page = site_page(site, "ke-hoach/huan-luyen-pckb/ubnd-tinh-thu-nghiem-huan-luyen-2026.md").read_text("utf-8")
    plan = page[page.index("data-plan=") :]
    assert f'<p class="plan-annex">{annex}</p>' in plan
    assert "Số:" not in plan and outline.RECIPIENTS_LABEL not in plan
    assert plan.index("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH") < plan.index("II. MỤC ĐÍCH, YÊU CẦU")
    assert site_page(site, "ke-hoach/huan-luyen-pckb/index.md").is_file(), "the type's guidance page"
    word = docx.Document(site / "ke-hoach/huan-luyen-pckb/ubnd-tinh-thu-nghiem-huan-luyen-2026.docx")
    paragraphs = [p.text for p in word.paragraphs]
    assert paragraphs[paragraphs.index(outline.KIND) + 2] == annex
    header = "".join(c.text for c in word.tables[0]._cells)
    assert "Số:" not in header and "ngày" not in header
    txt = (site / "ke-hoach/huan-luyen-pckb/ubnd-tinh-thu-nghiem-huan-luyen-2026.txt").read_text("utf-8")
    assert annex in txt and "Số:" not in txt and "III. NỘI DUNG HUẤN LUYỆN" in txt


def test_a_unit_lists_symbol_as_written_is_warned_once_at_the_shared_key(data_project):
    units = data_project / "data/units/xa-co-ke-hoach-mau-2026.yml"
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("    code: pckb\n", "    code: pckb\n    symbol: KH-UBND XA\n", 1), "utf-8")
    cat = load(data_project / "data")
    found = [str(w) for w in cat.warnings if "xa-co-ke-hoach-mau-2026.yml" in w.file]
    assert (
        len(found) == 1 and "plan_types.phong-chong-khung-bo.symbol: ký hiệu 'KH-UBND XA' có khoảng trắng" in found[0]
    )
    drafts = [e for e in cat.drafts.values() if e.plan.plan_type == "phong-chong-khung-bo"]
    assert drafts and all(e.doc.number_line == "Số: …/KH-UBND XA" for e in drafts)


# ---------------------------------------------------------------- unit lists: parts and annexes too

UNIT_LIST = """\
id: thu-nghiem-2026
title: Danh sách thử nghiệm
year: 2026
level: xa
kind: xã
issuer:
  name: ỦY BAN NHÂN DÂN {KIND} {NAME}
  short: UBND {kind} {name}
place: "{name}"
signature:
  authority: TM. ỦY BAN NHÂN DÂN
  title: CHỦ TỊCH
  name: "[Họ và tên]"
plan_types:
  phong-chong-khung-bo:
    code: pckb
{shared}
units:
  - id: ubnd-xa-thu-mot
    name: Thử Một
  - id: ubnd-xa-thu-hai
    name: Thử Hai
    plans:
      phong-chong-khung-bo:
{own}
"""
LIST_PARTS = """\
    parts: [can-cu, muc-dich-yeu-cau, to-chuc-thuc-hien]
    deadlines: []
    sections:
      can-cu:
        heading: CĂN CỨ XÂY DỰNG KẾ HOẠCH
        content:
          - Căn cứ tình hình thực tế của địa phương."""
UNIT_FILLS_THE_LISTS_PART = """\
        sections:
          can-cu:
            content:
              - Căn cứ tình hình riêng của xã Thử Hai."""


def add_unit_list(project, shared: str, own: str) -> None:
    body = UNIT_LIST.replace("{shared}", shared).replace("{own}", own)
    (project / "data/units/thu-nghiem-2026.yml").write_text(body, encoding="utf-8")


def test_a_unit_list_sets_parts_and_a_unit_fills_the_lists_own_part(data_project):
    add_unit_list(data_project, LIST_PARTS, UNIT_FILLS_THE_LISTS_PART)
    cat = load(data_project / "data")
    one = cat.plan("ubnd-xa-thu-mot-pckb-2026").doc
    two = cat.plan("ubnd-xa-thu-hai-pckb-2026").doc
    for doc in (one, two):
        assert [(p.number, p.id) for p in doc.parts] == [
            ("I", "can-cu"),
            ("II", "muc-dich-yeu-cau"),
            ("III", "to-chuc-thuc-hien"),
        ]
    assert "Căn cứ tình hình thực tế của địa phương." in outline.as_text(outline.body(one))
    two_text = outline.as_text(outline.body(two))
    assert "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH" in two_text and "Căn cứ tình hình riêng của xã Thử Hai." in two_text


def test_a_unit_list_part_nobody_wrote_is_named_at_the_lists_parts(data_project):
    add_unit_list(data_project, LIST_PARTS.replace("parts: [can-cu,", "parts: [can-cu, kinh-phi,"), "        {}")
    found = errors(data_project)
    assert any(
        "thu-nghiem-2026.yml:17: plan_types.phong-chong-khung-bo.parts[1]: phần 'kinh-phi' không có" in e for e in found
    ), found


def test_a_unit_list_issues_its_plans_with_a_decision(data_project):
    annex = ANNEX.replace("title: Huấn luyện nghiệp vụ phòng, chống khủng bố năm {year}\n", "")
    add_unit_list(data_project, textwrap.indent(annex, "    ").rstrip(), "        {}")
    doc = load(data_project / "data").plan("ubnd-xa-thu-mot-pckb-2026").doc
    assert doc.number_line is None
    assert doc.annex_line.startswith("(Ban hành kèm theo Quyết định số 27/QĐ-BCĐ ngày 05 tháng 3 năm 2026")


def test_a_unit_list_annex_with_a_symbol_is_an_error(data_project):
    annex = ANNEX.replace("title: Huấn luyện nghiệp vụ phòng, chống khủng bố năm {year}\n", "symbol: KH-UBND\n")
    add_unit_list(data_project, textwrap.indent(annex, "    ").rstrip(), "        {}")
    found = errors(data_project)
    assert any(
        "plan_types.phong-chong-khung-bo: kế hoạch ban hành kèm theo quyết định không có ký hiệu riêng" in e
        for e in found
    ), found
