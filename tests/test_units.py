"""Unit lists (data/units/): a filled draft per unit and plan type, its page, files,
navigation and search; validation of a unit list with file:line errors; data read
once per build with many units; a smoke run of the scale benchmark."""

from __future__ import annotations

import json
import pathlib
import re
import subprocess
import sys

import pytest
from conftest import ROOT, build, edit, page_url, site_page

from macros.load import DataErrors, load
from macros.model import resolve
from macros.site import urls

UNITS = "data/units/xa-co-ke-hoach-mau-2026.yml"
PHONG = "ubnd-xa-vinh-phong-pckb-2026"  # from the unit list: xã Vĩnh Phong, anti-terrorism plan
THUY = "ubnd-xa-vinh-thuy-dien-hinh-2026"  # from the unit list: xã Vĩnh Thủy, exemplary-units plan


def read(site: pathlib.Path, src_path: str) -> str:
    return site_page(site, src_path).read_text(encoding="utf-8")


# ---------------------------------------------------------------- the real unit list


def test_unit_list_makes_one_draft_per_unit_and_plan_type_it_names():
    cat = load()
    assert set(cat.drafts) == {PHONG, THUY}
    # kept apart from the reference plans that plan-type, role and deadline pages describe
    assert not set(cat.drafts) & set(cat.samples)
    plan = cat.drafts[PHONG].plan
    assert plan.plan_type == "phong-chong-khung-bo" and plan.year == 2026 and plan.level == "xa"
    doc = cat.plan(PHONG).doc
    assert doc.issuer == "ỦY BAN NHÂN DÂN XÃ VĨNH PHONG"
    assert doc.place_date == "Vĩnh Phong, ngày … tháng … năm 2026"
    assert doc.is_draft and doc.number_line == "Số: …/KH-UBND"
    assert doc.signature.name == "[Họ và tên]"
    # the same resolution as a hand-written plan of the same type with the same facts
    same = cat.samples["ubnd-xa-vinh-thuy-pckb-2026"].plan.model_copy(
        update={
            "id": PHONG,
            "issuer": plan.issuer,
            "place": plan.place,
            "signature": plan.signature,
            "source": plan.source,
        }
    )
    expected = resolve.resolve(same, cat.plan_types["phong-chong-khung-bo"], cat.legal, cat.roles)
    assert doc == expected


def test_bulk_plan_page_has_the_unit_the_placeholder_signer_and_the_way_back(site):
    text = read(site, f"ke-hoach/phong-chong-khung-bo/{PHONG}.md")
    assert f'data-plan="{PHONG}"' in text
    assert "ỦY BAN NHÂN DÂN XÃ VĨNH PHONG" in text
    assert "UBND xã Vĩnh Phong ban hành Kế hoạch triển khai công tác phòng, chống khủng bố năm 2026" in text
    assert "[Họ và tên]" in text and "TM. ỦY BAN NHÂN DÂN" in text
    assert "Bản dự thảo điền sẵn cho đơn vị" in text
    assert 'href="../../don-vi/xa-co-ke-hoach-mau-2026.html#ubnd-xa-vinh-phong"' in text
    # the unit's source note, as for a hand-written plan
    assert "Tên xã như kế hoạch xây dựng điển hình năm 2026" in text
    for ext in ("docx", "txt"):
        assert f'href="{PHONG}.{ext}"' in text
        assert (site / "ke-hoach" / "phong-chong-khung-bo" / f"{PHONG}.{ext}").stat().st_size > 1000


def test_bulk_plan_with_dated_deadlines_has_its_calendar(site):
    text = read(site, f"ke-hoach/dien-hinh-phong-trao-bvantq/{THUY}.md")
    assert "ỦY BAN NHÂN DÂN XÃ VĨNH THỦY" in text
    assert f'href="../../lich/{THUY}.ics"' in text
    ics = (site / "lich" / f"{THUY}.ics").read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:20260118" in ics


def test_unit_list_page_picks_units_and_is_the_one_searched(site):
    text = read(site, urls.unit_list_path("xa-co-ke-hoach-mau-2026"))
    assert '<form class="unit-filter" hidden' in text
    assert '<tr id="ubnd-xa-vinh-phong">' in text
    assert f'href="../ke-hoach/phong-chong-khung-bo/{PHONG}.html"' in text
    assert f'href="../ke-hoach/dien-hinh-phong-trao-bvantq/{THUY}.html"' in text
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = [d["location"] for d in index]
    # plan pages of unit lists: out of the index; their list's page: in it, with the unit names
    assert not any(PHONG in loc or THUY in loc for loc in locations)
    picker = [d for d in index if d["location"].startswith("don-vi/xa-co-ke-hoach-mau-2026.html")]
    assert any("UBND xã Vĩnh Phong" in d["text"] for d in picker)


def test_navigation_lists_the_unit_lists_page_not_each_plan(site):
    home = read(site, "index.md")
    assert 'href="don-vi/index.html"' in home
    assert PHONG not in home and "xa-co-ke-hoach-mau-2026" not in home
    lists = read(site, urls.UNITS_INDEX)
    assert 'href="xa-co-ke-hoach-mau-2026.html"' in lists
    assert "Phòng, chống khủng bố; Điển hình phong trào" in lists


def test_reference_pages_do_not_list_bulk_drafts(site):
    for src in ("vai-tro/cong-an-xa.md", "thoi-han/index.md", "ke-hoach/phong-chong-khung-bo/index.md"):
        text = read(site, src)
        assert PHONG not in text and THUY not in text, src


# ---------------------------------------------------------------- a list with every setting, built

LIST = """\
id: thu-tinh-vi-du
title: Danh sách thử (tệp kiểm thử)
province: Tỉnh Thử
year: 2026
level: xa
kind: xã
issuer:
  superior: ỦY BAN NHÂN DÂN TỈNH THỬ
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
    recipients:
      - Công an tỉnh (để b/c);
      - "Lưu: VT."
  dien-hinh-phong-trao-bvantq:
    code: dien-hinh
    fill:
      exemplary-units: "[tên cơ quan, đơn vị được chọn]"
units:
  - id: ubnd-xa-thu-mot
    name: Thử Một
  - id: ubnd-phuong-thu-hai
    name: Thử Hai
    kind: phường
    group: Cụm thử
    plan_types: [phong-chong-khung-bo]
    plans:
      phong-chong-khung-bo:
        sections:
          nhiem-vu:
            add:
              - items:
                  - text: Nhiệm vụ riêng của phường thử (tệp kiểm thử).
"""


def test_a_list_with_superior_kinds_groups_and_overrides_builds(project):
    (project / "data/units/thu-tinh-vi-du.yml").write_text(LIST, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    hai = read(site, "ke-hoach/phong-chong-khung-bo/ubnd-phuong-thu-hai-pckb-2026.md")
    assert "ỦY BAN NHÂN DÂN TỈNH THỬ" in hai and "ỦY BAN NHÂN DÂN PHƯỜNG THỬ HAI" in hai
    assert "Thử Hai, ngày … tháng … năm 2026" in hai
    assert "Nhiệm vụ riêng của phường thử (tệp kiểm thử)." in hai
    assert "Công an tỉnh (để b/c);" in hai
    mot = read(site, "ke-hoach/dien-hinh-phong-trao-bvantq/ubnd-xa-thu-mot-dien-hinh-2026.md")
    assert "ỦY BAN NHÂN DÂN XÃ THỬ MỘT" in mot and "[tên cơ quan, đơn vị được chọn]" in mot
    assert not (site / "ke-hoach/dien-hinh-phong-trao-bvantq/ubnd-phuong-thu-hai-dien-hinh-2026.html").exists()
    picker = read(site, "don-vi/thu-tinh-vi-du.md")
    assert re.search(r'<h2 id="cum-thu">Cụm thử', picker) and re.search(r'<h2 id="cap-xa">Cấp xã', picker)
    assert "Tỉnh Thử" in read(site, urls.UNITS_INDEX)


def test_downloads_false_in_a_list_skips_its_word_and_text_files(project):
    (project / "data/units/thu-tinh-vi-du.yml").write_text(
        LIST.replace("year: 2026\n", "year: 2026\ndownloads: false\n"), encoding="utf-8"
    )
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    folder = project / "site/ke-hoach/phong-chong-khung-bo"
    assert (folder / "ubnd-xa-thu-mot-pckb-2026.html").exists()
    assert not (folder / "ubnd-xa-thu-mot-pckb-2026.docx").exists()
    assert "Tải bản Word" not in (folder / "ubnd-xa-thu-mot-pckb-2026.html").read_text(encoding="utf-8")
    assert (project / "site/ke-hoach/phong-chong-khung-bo" / f"{PHONG}.docx").exists()


# ---------------------------------------------------------------- validation: file:line: field: message


def line_of(project, rel, needle, nth=1) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    hits = [i for i, ln in enumerate(lines, 1) if needle in ln]
    return hits[nth - 1]


def case_unknown_key(p):
    line = edit(p, UNITS, "    name: Vĩnh Phong", "    nmae: Vĩnh Phong")
    return [f"{UNITS}:{line}: units[1].nmae: khóa không có trong mẫu dữ liệu — có phải ý là 'name'?"]


def case_unknown_level(p):
    line = edit(p, UNITS, "    name: Vĩnh Phong\n", "    name: Vĩnh Phong\n    level: thon\n") + 1
    return [f"{UNITS}:{line}: units[1].level: cấp 'thon' không có trong data/levels.yml"]


def case_level_not_used_by_the_plan_type(p):
    line = edit(p, UNITS, "    name: Vĩnh Thủy\n", "    name: Vĩnh Thủy\n    level: so\n") + 1
    return [
        f"{UNITS}:{line}: units[0].level: loại kế hoạch 'dien-hinh-phong-trao-bvantq' không dùng cho cấp 'so' "
        "(cấp của đơn vị); các cấp: xa"
    ]


def case_unknown_plan_type(p):
    line = edit(p, UNITS, "  phong-chong-khung-bo:\n    code: pckb", "  phong-chong-khung-boo:\n    code: pckb")
    return [
        f"{UNITS}:{line}: plan_types.phong-chong-khung-boo: loại kế hoạch 'phong-chong-khung-boo' không có "
        "trong data/editions/2026/plan-types/ — có phải ý là 'phong-chong-khung-bo'?",
        f"{UNITS}:{line_of(p, UNITS, 'plan_types: [phong-chong-khung-bo]')}: units[1].plan_types[0]: "
        "loại kế hoạch 'phong-chong-khung-bo' không có trong 'plan_types' của danh sách",
    ]


def case_unknown_section_in_shared_settings_reported_once(p):
    line = (
        edit(
            p, UNITS, "    code: pckb\n", "    code: pckb\n    sections:\n      nhiem-vuu:\n        heading: NHIỆM VỤ\n"
        )
        + 2
    )
    return [
        f"{UNITS}:{line}: plan_types.phong-chong-khung-bo.sections.nhiem-vuu: phần 'nhiem-vuu' không có trong "
        "loại kế hoạch 'phong-chong-khung-bo' — có phải ý là 'nhiem-vu'?"
    ]


def case_duplicate_unit_id(p):
    line = edit(p, UNITS, "  - id: ubnd-xa-vinh-phong", "  - id: ubnd-xa-vinh-thuy")
    return [
        f"{UNITS}:{line}: units[1].id: mã đơn vị 'ubnd-xa-vinh-thuy' bị trùng với units[0] "
        f"(dòng {line_of(p, UNITS, '- id: ubnd-xa-vinh-thuy')})"
    ]


def case_plan_already_written_by_hand(p):
    edit(p, UNITS, "    plan_types: [dien-hinh-phong-trao-bvantq]\n", "")
    seed = "data/plans/2026/ubnd-xa-vinh-thuy-pckb-2026.yml"
    return [
        f"{UNITS}:{line_of(p, UNITS, '- id: ubnd-xa-vinh-thuy')}: units[0].id: kế hoạch "
        f"'ubnd-xa-vinh-thuy-pckb-2026' (loại 'phong-chong-khung-bo') trùng mã với {seed}:"
        f"{line_of(p, seed, 'id: ubnd-xa-vinh-thuy-pckb-2026')}"
    ]


def case_phone_number(p):
    line = edit(p, UNITS, '  name: "[Họ và tên]"', '  name: "[Họ và tên] 0912345678"')
    return [f"{UNITS}:{line}: signature.name: có vẻ là số điện thoại cá nhân (0912345678)"]


def case_unknown_pattern_field(p):
    line = edit(p, UNITS, "  short: UBND {kind} {name}", "  short: UBND {kind} {ten}")
    return [f"{UNITS}:{line}: issuer.short: chỗ điền '{{ten}}' không dùng được ở đây"]


def case_unknown_placeholder_in_a_unit(p):
    line = (
        edit(
            p,
            UNITS,
            "    plan_types: [phong-chong-khung-bo]\n",
            "    plan_types: [phong-chong-khung-bo]\n    plans:\n      phong-chong-khung-bo:\n"
            "        closing: Kế hoạch năm {yaer}./.\n",
        )
        + 3
    )
    return [
        f"{UNITS}:{line}: units[1].plans.phong-chong-khung-bo.closing: chỗ điền '{{yaer}}' không tồn tại "
        "trong loại kế hoạch 'phong-chong-khung-bo' — có phải ý là 'year'?"
    ]


def case_kind_needed_by_the_patterns(p):
    edit(p, UNITS, "kind: xã\n", "")
    return [
        f"{UNITS}:{line_of(p, UNITS, '- id: ' + unit)}: units[{i}]: mẫu 'issuer' hoặc 'place' của danh sách dùng "
        "{kind} nhưng đơn vị không có 'kind'"
        for i, unit in enumerate(("ubnd-xa-vinh-thuy", "ubnd-xa-vinh-phong"))
    ]


def case_yaml_syntax(p):
    line = edit(p, UNITS, "    name: Vĩnh Phong", "    name: Vĩnh Phong: xã")
    return [f"{UNITS}:{line}: lỗi cú pháp YAML: mapping values are not allowed here"]


CASES = [
    case_unknown_key,
    case_unknown_level,
    case_level_not_used_by_the_plan_type,
    case_unknown_plan_type,
    case_unknown_section_in_shared_settings_reported_once,
    case_duplicate_unit_id,
    case_plan_already_written_by_hand,
    case_phone_number,
    case_unknown_pattern_field,
    case_unknown_placeholder_in_a_unit,
    case_kind_needed_by_the_patterns,
    case_yaml_syntax,
]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__[5:] for c in CASES])
def test_bad_unit_list_is_reported_with_file_line_and_field(data_project, case):
    expected = case(data_project)
    with pytest.raises(DataErrors) as exc:
        load(data_project / "data")
    reported = [str(p) for p in exc.value.problems]
    for line in expected:
        assert any(r.startswith(line) for r in reported), "\n".join(reported)
    assert len(reported) == len(expected), "\n".join(reported)


def test_a_bad_unit_list_stops_the_build_and_leaves_no_site(project):
    expected = case_unknown_level(project)[0]
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in output, output
    assert "Traceback" not in output
    assert not (project / "site").exists()


def test_a_problem_of_the_shared_settings_is_reported_once_for_many_units(data_project):
    units = "".join(f"  - id: ubnd-xa-thu-{i}\n    name: Thử {i}\n" for i in range(40))
    text = LIST.split("units:\n")[0].replace("    code: pckb\n", "    code: pckb\n    fill:\n      khong-co: x\n")
    (data_project / "data/units/thu.yml").write_text(text + "units:\n" + units, encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load(data_project / "data")
    line = line_of(data_project, "data/units/thu.yml", "khong-co: x")
    assert [str(p) for p in exc.value.problems] == [
        f"data/units/thu.yml:{line}: plan_types.phong-chong-khung-bo.fill.khong-co: chỗ điền 'khong-co' không có "
        "trong loại kế hoạch 'phong-chong-khung-bo'; có: (không có)"
    ]


# ---------------------------------------------------------------- once per build, with many units


def test_many_units_are_read_and_resolved_once_per_build(project, tmp_path, monkeypatch):
    """A real build in this process: data/ is read once and each plan resolved once,
    however many pages, downloads and calendars use them."""
    import scale_data

    for name, body in scale_data.unit_lists(60, 30):
        (project / "data/units" / name).write_text(body, encoding="utf-8")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("PLAN_DOWNLOADS", "false")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from macros.load import catalogue
    from macros.site.build import Build

    calls = {"load": 0, "units": 0, "resolve": 0}
    real_load, real_units, real_resolve = catalogue.load, catalogue.read_unit_lists, resolve.resolve

    def count(name, real):
        return lambda *a, **k: calls.__setitem__(name, calls[name] + 1) or real(*a, **k)

    monkeypatch.setattr(catalogue, "load", count("load", real_load))
    monkeypatch.setattr(catalogue, "STEPS", tuple(count("units", s) if s is real_units else s for s in catalogue.STEPS))
    monkeypatch.setattr(resolve, "resolve", count("resolve", real_resolve))
    from macros.site import build as site_build

    monkeypatch.setattr(site_build, "load", catalogue.load)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    mkdocs_build(config)
    cat = Build.of(config).cat
    assert calls["load"] == 1
    assert calls["units"] == 1
    assert len(cat.drafts) == 62
    # every plan once, and each plan type's fillable form at each level (its drafting page and Word form) once
    assert calls["resolve"] == len(cat.samples) + len(cat.drafts) + sum(
        len(pt.levels) for pt in cat.plan_types.values()
    )
    assert (tmp_path / "site" / "ke-hoach/phong-chong-khung-bo/thu-tai-00001-pckb-2026.html").exists()


def test_the_national_benchmark_lists_load_every_unit_of_their_provinces(data_project):
    """bench/scale_data.official_lists, as `make bench-national` writes them (two provinces here)."""
    import scale_data

    from macros.load import official_units

    provinces = [19, 38]  # Lạng Sơn has two units one name apart (Văn Lang, Văn Lăng)
    for name, body in scale_data.official_lists("phong-chong-khung-bo", scale_data.CODES, provinces):
        (data_project / "data/units" / name).write_text(body, encoding="utf-8")
    cat = load(data_project / "data")
    official = official_units.read()
    made = [pid for code in provinces for e in cat.unit_lists[f"toan-quoc-{code:02d}"].entries for _, pid in e.plans]
    assert len(made) == len(set(made)) == sum(len(official.of_province(code)) for code in provinces)
    assert all(pid.endswith("-pckb-toan-quoc-2026") for pid in made)


# ---------------------------------------------------------------- the benchmark, small


@pytest.mark.build
@pytest.mark.slow
def test_scale_benchmark_smoke_run_prints_every_figure():
    """`python bench/bench_scale.py --units 20`: every figure is printed and parsable (never timed here)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_scale.py"), "--units", "20"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    for words in (
        "build, ours, with Word/text downloads",
        "build, plain Material, same Markdown and files",
        "of which making Word files",
        "build, ours, pages only",
        "cost of our layer",
        "plan page HTML: median",
        "search: a first query downloads search/search_index.json",
        "peak memory of the build",
    ):
        assert words in out, out
    figures = json.loads(next(ln for ln in out.splitlines() if ln.startswith("JSON "))[5:])
    assert figures["units"] == 20 and figures["bulk_plans"] == 20 and figures["lists"] == 2
    for label in ("with_downloads", "pages_only"):
        run = figures[label]
        assert run["seconds"] > 0 and run["plain_seconds"] > 0 and run["ratio"] > 0 and run["peak_rss_mb"] > 0
    assert figures["with_downloads"]["word_files"] > figures["pages_only"]["word_files"] == 0
    assert figures["with_downloads"]["word_seconds"] > 0 == figures["pages_only"]["word_seconds"]
    assert 0 < figures["plan_page_bytes"]["median"] <= figures["plan_page_bytes"]["max"]
    assert figures["search_index_bytes"]["json"] > figures["search_index_bytes"]["gzip"] > 0


# ---------------------------------------------------------------- in the browser


def test_unit_filter_finds_a_unit_typed_without_diacritics(served_site, new_page):
    page = new_page()
    page.goto(served_site + "/" + page_url(urls.unit_list_path("xa-co-ke-hoach-mau-2026")))
    box = page.get_by_label("Tìm đơn vị")
    assert box.is_visible()
    count = page.locator(".unit-filter__count")
    assert count.text_content() == "Đang hiện 2 trên 2 đơn vị"
    box.fill("vinh phong")
    assert count.text_content() == "Đang hiện 1 trên 2 đơn vị"
    assert page.locator("#ubnd-xa-vinh-phong").is_visible()
    assert page.locator("#ubnd-xa-vinh-thuy").is_hidden()
    box.fill("khong co don vi nay")
    assert count.text_content() == "Đang hiện 0 trên 2 đơn vị"
    assert page.locator("table.unit-list").is_hidden() and page.locator("h2#cap-xa").is_hidden()
    box.fill("")
    page.locator("#ubnd-xa-vinh-phong a").click()
    assert page.url.endswith(f"/ke-hoach/phong-chong-khung-bo/{PHONG}.html")
