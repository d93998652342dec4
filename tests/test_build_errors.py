"""Bad data stops `mkdocs build`: one clear line per problem (file:line: field: what was
expected), exit status non-zero, no traceback, and the previous site left as it was."""

from __future__ import annotations

import pathlib

import pytest
from conftest import build, edit

from macros.load import DataErrors, load

PLAN = "data/plans/2026/ubnd-xa-vinh-thuy-pckb-2026.yml"
PLAN_TYPE = "data/editions/2026/plan-types/phong-chong-khung-bo.yml"


def first_key_line(project: pathlib.Path, rel: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, ln in enumerate(lines, 1) if ln and not ln.startswith("#"))


def case_yaml_syntax(p):
    line = edit(p, PLAN, "place: Vĩnh Thủy", "place: Vĩnh Thủy: xã")
    return f"{PLAN}:{line}: lỗi cú pháp YAML: mapping values are not allowed here"


def case_missing_key(p):
    edit(p, PLAN, "plan_type: phong-chong-khung-bo\n", "")
    return f"{PLAN}:{first_key_line(p, PLAN)}: plan_type: thiếu khóa bắt buộc"


def case_wrong_type(p):
    line = edit(p, PLAN, "year: 2026", "year: hai nghìn không trăm hai mươi sáu")
    return f"{PLAN}:{line}: year: cần một số nguyên, nhận được 'hai nghìn không trăm hai mươi sáu'"


def case_wrong_type_list(p):
    line = edit(p, PLAN, "  name: Thái Nam Sơn", "  name: [Thái, Nam, Sơn]")
    return f"{PLAN}:{line}: signature.name: cần một chuỗi văn bản, nhận được danh sách"


def case_unknown_plan_type(p):
    line = edit(p, PLAN, "plan_type: phong-chong-khung-bo", "plan_type: phong-chong-khung-boo")
    return (
        f"{PLAN}:{line}: plan_type: loại kế hoạch 'phong-chong-khung-boo' không có trong data/editions/2026/plan-types/"
        " — có phải ý là 'phong-chong-khung-bo'?"
    )


def case_duplicate_id(p):
    src = p / PLAN
    (p / "data/plans/2026/ban-sao.yml").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    line = next(i for i, ln in enumerate(src.read_text(encoding="utf-8").splitlines(), 1) if ln.startswith("id:"))
    return (
        f"{PLAN}:{line}: id: mã kế hoạch 'ubnd-xa-vinh-thuy-pckb-2026' bị trùng với data/plans/2026/ban-sao.yml:{line}"
    )


def case_date_outside_year(p):
    line = edit(p, PLAN, "place: Vĩnh Thủy\n", "place: Vĩnh Thủy\ndate: 2025-12-30\n") + 1
    return f"{PLAN}:{line}: date: ngày ban hành thuộc năm 2025, khác năm của kế hoạch (year: 2026); cần một ngày trong năm 2026"


def case_impossible_date(p):
    line = edit(p, PLAN, "place: Vĩnh Thủy\n", "place: Vĩnh Thủy\ndate: 2026-02-30\n") + 1
    return f"{PLAN}:{line}: date: ngày '2026-02-30' không tồn tại"


def case_unknown_key(p):
    line = edit(p, PLAN, "signature:", "signatur:")
    return f"{PLAN}:{line}: signatur: khóa không có trong mẫu dữ liệu — có phải ý là 'signature'?"


def case_unknown_nested_key(p):
    line = edit(p, PLAN, "  title: CHỦ TỊCH", "  titel: CHỦ TỊCH")
    return f"{PLAN}:{line}: signature.titel: khóa không có trong mẫu dữ liệu — có phải ý là 'title'?"


def case_duplicate_yaml_key(p):
    line = edit(p, PLAN, "place: Vĩnh Thủy\n", "place: Vĩnh Thủy\nplace: Vĩnh Linh\n") + 1
    return f"{PLAN}:{line}: place: khóa 'place' bị lặp (đã có ở dòng {line - 1})"


def case_phone_number(p):
    line = edit(p, PLAN, "  name: Thái Nam Sơn", "  name: Thái Nam Sơn 0912345678")
    return f"{PLAN}:{line}: signature.name: có vẻ là số điện thoại cá nhân (0912345678)"


def case_unknown_placeholder(p):
    line = edit(
        p,
        PLAN_TYPE,
        "Trên đây là Kế hoạch triển khai công tác phòng, chống khủng bố năm {year}",
        "Trên đây là Kế hoạch triển khai công tác phòng, chống khủng bố năm {yaer}",
    )
    return f"{PLAN_TYPE}:{line}: defaults.closing: chỗ điền '{{yaer}}' không tồn tại — có phải ý là 'year'?"


def case_unknown_section(p):
    line = edit(p, PLAN, "signature:", "sections:\n  nhiem-vuu:\n    heading: NỘI DUNG\nsignature:") + 1
    return f"{PLAN}:{line}: sections.nhiem-vuu: phần 'nhiem-vuu' không có trong loại kế hoạch 'phong-chong-khung-bo' — có phải ý là 'nhiem-vu'?"


def case_bad_block(p):
    line = (
        edit(p, PLAN, "signature:", "sections:\n  nhiem-vu:\n    content:\n      - bulets: [Một dòng]\nsignature:") + 3
    )
    return (
        f"{PLAN}:{line}: sections.nhiem-vu.content[0]: cần một đoạn văn (chuỗi), "
        "hoặc một bảng có khóa 'bullets' hay 'items'"
    )


def case_bad_level(p):
    line = edit(p, PLAN, "level: xa", "level: thon")
    return f"{PLAN}:{line}: level: cấp 'thon' không có trong data/levels.yml"


CASES = [
    case_yaml_syntax,
    case_missing_key,
    case_wrong_type,
    case_wrong_type_list,
    case_unknown_plan_type,
    case_duplicate_id,
    case_date_outside_year,
    case_impossible_date,
    case_unknown_key,
    case_unknown_nested_key,
    case_duplicate_yaml_key,
    case_phone_number,
    case_unknown_placeholder,
    case_unknown_section,
    case_bad_block,
    case_bad_level,
]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__[5:] for c in CASES])
def test_bad_data_is_reported_with_file_line_and_field(data_project, case):
    expected = case(data_project)
    with pytest.raises(DataErrors) as exc:
        load(data_project / "data")
    assert expected in str(exc.value), str(exc.value)


def test_bad_data_stops_the_build_with_a_clear_message(project):
    expected = case_unknown_section(project)
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in output, output
    assert "Traceback" not in output
    assert "Aborted with a BuildError!" in output
    assert not (project / "site").exists(), "nothing may be written when data is wrong"


def test_every_problem_is_reported_in_one_run(project):
    first = case_unknown_key(project)
    second = case_unknown_placeholder(project)
    output = "".join(build(project).stderr)
    assert first in output and second in output
    assert "Dữ liệu có 2 lỗi" in output


def test_a_failed_build_leaves_the_previous_site_untouched(project):
    assert build(project).returncode == 0
    index = project / "site" / "index.html"
    before = index.read_bytes()
    case_yaml_syntax(project)
    assert build(project).returncode != 0
    assert index.read_bytes() == before
    assert (project / "site" / "ke-hoach" / "phong-chong-khung-bo" / "index.html").exists()
