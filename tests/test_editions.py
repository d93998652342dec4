"""Yearly editions: the record in data/editions/, the command that starts next year's
edition, the checks on dates and ended bodies, and the pages (what is new, history,
last updated, comparison, archived wording kept out of search)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys

import pytest
from conftest import build, edit, page_url, site_page

from macros.load import DataErrors, load
from macros.model import compare, schema
from macros.model.catalogue import Edition
from macros.site import urls

CAT = load()
# The reference samples (data/plans/) by id.
PLANS = {e.id: e.plan for e in CAT.samples.values()}
PLAN = "data/plans/2026/ubnd-xa-vinh-thuy-pckb-2026.yml"
LAI_CHAU = "data/plans/2026/van-phong-ubnd-tinh-lai-chau-bvantq-2026.yml"
EDITION = "data/editions/2026/edition.yml"
PCKB_2027 = "data/editions/2027/plan-types/phong-chong-khung-bo.yml"


def new_edition(project: pathlib.Path, *args: str) -> subprocess.CompletedProcess:
    """The maintainer's command, run on a copy of the project (its own macros and data)."""
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run(
        [sys.executable, "-m", "macros", "new-edition", *args, "--data", str(project / "data")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def tree_digest(folder: pathlib.Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return h.hexdigest()


def problems_of(project: pathlib.Path) -> str:
    with pytest.raises(DataErrors) as exc:
        load(project / "data")
    return str(exc.value)


# ---------------------------------------------------------------- the data


def test_the_current_edition_drives_the_site():
    assert CAT.current.year == 2026 == CAT.current.year
    assert CAT.plan_types is CAT.current.plan_types
    assert CAT.current.meta.changes, "an edition records what changed"
    # every priority names its source, and plan sources exist
    for p in CAT.current.meta.priorities:
        assert p.plan in PLANS or p.url


def test_only_major_changes_move_last_updated():
    meta = schema.Edition(
        year=2027,
        published=dt.date(2026, 12, 20),
        changes=[
            schema.Change(
                date=dt.date(2027, 3, 1), kind="lon", text="Sửa nhiệm vụ.", plan_types=["phong-chong-khung-bo"]
            ),
            schema.Change(date=dt.date(2027, 5, 1), kind="nho", text="Sửa lỗi chính tả."),
        ],
    )
    e = Edition(year=2027, meta=meta, plan_types={}, type_samples={}, file="x")
    assert e.last_updated("phong-chong-khung-bo") == dt.date(2027, 3, 1)
    assert e.last_updated("phong-trao-toan-dan-bvantq") == dt.date(2026, 12, 20)  # the minor one does not count
    assert e.last_updated() == dt.date(2026, 12, 20)


# ---------------------------------------------------------------- checks


def test_edition_without_changes_is_an_error(data_project):
    text = (data_project / EDITION).read_text(encoding="utf-8")
    start = text.index("changes:")
    (data_project / EDITION).write_text(text[:start] + "changes: []\n", encoding="utf-8")
    line = text[:start].count("\n") + 1
    assert f"{EDITION}:{line}: changes: ấn bản năm 2026 chưa có mục thay đổi nào" in problems_of(data_project)


def test_edition_year_must_match_its_folder(data_project):
    line = edit(data_project, EDITION, "year: 2026", "year: 2025")
    assert f"{EDITION}:{line}: year: năm 2025 khác tên thư mục '2026'" in problems_of(data_project)


def own_deadline(project, date: str, by: str = "phong-hanh-chinh-quan-tri") -> int:
    """Give the Lai Châu plan a deadline of its own (its text says 'trước ngày 30/5/2026');
    return the line of its date."""
    line = edit(
        project,
        LAI_CHAU,
        "signature:\n",
        f"deadlines:\n  - kind: sau-thang\n    title: Báo cáo 06 tháng\n    date: {date}\n    by: [{by}]\nsignature:\n",
    )
    return line + 3


def test_deadline_outside_the_plan_year_is_an_error(data_project):
    line = own_deadline(data_project, "2025-05-30")
    out = problems_of(data_project)
    assert f"{LAI_CHAU}:{line}: deadlines[0].date: hạn 30/05/2025 ngoài năm của kế hoạch (2026)" in out


def test_deadline_before_the_plan_date_is_an_error(data_project):
    edit(data_project, LAI_CHAU, "date: 2026-02\n", "date: 2026-06-15\n")
    line = own_deadline(data_project, "05-30")
    out = problems_of(data_project)
    assert f"{LAI_CHAU}:{line}: deadlines[0].date: hạn 30/05/2026 trước ngày ban hành kế hoạch (15/06/2026)" in out


def test_district_body_in_a_2026_plan_is_an_error(data_project):
    line = own_deadline(data_project, "05-30", by="ubnd-huyen") + 1
    out = problems_of(data_project)
    assert (
        f"{LAI_CHAU}:{line}: deadlines[0].by[0]: 'UBND huyện, thị xã, thành phố' là cơ quan cấp huyện, "
        "không còn từ ngày 01/07/2025; năm 2026 không giao việc cho cơ quan cấp huyện"
    ) in out


def test_district_body_in_a_2026_edition_is_an_error(data_project):
    pt = "data/editions/2026/plan-types/phong-chong-khung-bo.yml"
    line = edit(data_project, pt, "- assign: {carry_out: [bchqs-xa]}", "- assign: {carry_out: [ubnd-huyen]}")
    out = problems_of(data_project)
    assert (
        f"{pt}:{line}: sections[2].sample[0].items[1].assign.carry_out[0]: 'UBND huyện, thị xã, thành phố' "
        "là cơ quan cấp huyện"
    ) in out


def test_district_body_stays_allowed_in_a_2024_plan():
    doc = CAT.plan("bcd-pckb-tinh-thanh-hoa-2024").doc
    assert any(r == "ubnd-huyen" for _, item in doc.items() for _, r in item.assign)


# ---------------------------------------------------------------- the command


def dated_items(plan_id: str) -> list[str]:
    """Every dated item of a sample plan, found here without the command's code: its issue
    date, its deadlines, and every day written in its text (30/5, 30/5/2026, ngày 14 tháng 01 năm 2026)."""
    plan, doc = PLANS[plan_id], CAT.plan(plan_id).doc
    out = []
    if plan.date and plan.date.day:
        out.append(f"{plan.date.day:02d}/{plan.date.month:02d}/{plan.date.year}")
    elif plan.date:
        out.append(f"{plan.date.month:02d}/{plan.date.year}")
    out += [f"{d.date:%d/%m/%Y}" for d in doc.deadlines if d.date]
    for t in doc.texts():
        out += re.findall(r"\b\d{1,2}/\d{1,2}(?:/\d{4})?\b", t)
        out += re.findall(r"ngày \d{1,2} tháng \d{1,2} năm \d{4}", t)
    return out


@pytest.fixture(scope="module")
def rolled(tmp_path_factory):
    """The real project, rolled to 2027 by the command, then given real wording changes and built."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("rolled") / "project")
    before = tree_digest(project / "data/editions/2026")
    result = new_edition(project, "2027")
    assert result.returncode == 0, result.stdout + result.stderr
    assert tree_digest(project / "data/editions/2026") == before, "the current edition is only read"
    return project, result.stdout


def test_new_edition_review_names_every_dated_item_of_the_seed_plans(rolled):
    _, out = rolled
    lines = out.splitlines()
    for plan_id in PLANS:
        mine = [ln for ln in lines if plan_id in ln]
        assert mine, f"the review list names sample plan {plan_id}"
        for item in dated_items(plan_id):
            assert any(item in ln for ln in mine), f"{plan_id}: dated item {item} missing from the review list"


def test_new_edition_review_names_what_a_maintainer_must_check(rolled):
    project, out = rolled
    assert "Cần kiểm tra bằng tay" in out
    # a year that stayed in the wording, with file:line
    assert re.search(r"data/editions/2027/plan-types/phong-trao-toan-dan-bvantq\.yml:\d+: .*năm 2025, 2030", out)
    # a district-level body
    assert "'ubnd-huyen' (UBND huyện, thị xã, thành phố) là cơ quan cấp huyện" in out
    # the anniversary of the all-people festival, counted again
    assert '19/8/2005 - 19/8/{year}" — năm 2027 là 22 năm (năm 2026 là 21 năm)' in out
    assert 'fill.festival-years: "21 năm" — 21 năm là số năm của 2026; năm 2027 là 22 năm' in out
    # legal bases: statuses to look at again
    assert "Luật Phòng, chống khủng bố số 28/2013/QH13: trạng thái 'Còn hiệu lực'" in out
    # what the new edition lacks
    assert "data/editions/2027/edition.yml: published: điền ngày công bố" in out
    meta = load(project / "data").editions[2027].meta
    assert meta.published is None and meta.priorities == [] and len(meta.changes) == 1


@pytest.mark.slow
def test_new_edition_moves_years_in_titles_and_deadlines(tmp_path):
    from conftest import copy_project

    project = copy_project(tmp_path / "project")
    pt = "data/editions/2026/plan-types/phong-trao-toan-dan-bvantq.yml"
    edit(
        project,
        pt,
        "  title: Công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc năm {year}",
        "  title: Công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2026",
    )
    edit(project, pt, "      date: 05-30", "      date: 2026-05-30")
    result = new_edition(project, "2027")
    assert result.returncode == 0, result.stderr
    new = load(project / "data").editions[2027].plan_types["phong-trao-toan-dan-bvantq"]
    assert new.defaults.title.endswith("năm 2027")
    assert new.defaults.deadlines[0].date == "2027-05-30"
    assert "defaults.title: Công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2026 → " in result.stdout
    text = (project / pt.replace("2026/", "2027/")).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server:"), "comments are kept"


def test_new_edition_never_overwrites_without_force(rolled):
    project, _ = rolled
    target = project / "data/editions/2027"
    marker = target / "edition.yml"
    before = tree_digest(target)
    result = new_edition(project, "2027")
    assert result.returncode == 1
    assert "đã có data/editions/2027; không ghi đè" in result.stderr and "--force" in result.stderr
    assert tree_digest(target) == before
    assert marker.exists()


@pytest.mark.slow
def test_new_edition_with_force_redoes_it_from_the_edition_before(tmp_path):
    from conftest import copy_project

    project = copy_project(tmp_path / "project")
    assert new_edition(project, "2027").returncode == 0
    (project / PCKB_2027).write_text("hỏng: [\n", encoding="utf-8")  # a broken draft, to redo
    result = new_edition(project, "2027", "--force")
    assert result.returncode == 0, result.stderr
    assert load(project / "data").editions[2027].plan_types["phong-chong-khung-bo"]


def test_new_edition_writes_nothing_when_the_data_has_errors(project):
    edit(project, PLAN, "signature:", "signatur:")
    result = new_edition(project, "2027")
    assert result.returncode == 1
    assert "Dữ liệu hiện có còn lỗi" in result.stderr and f"{PLAN}:" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "data/editions/2027").exists()


def test_new_edition_refuses_a_year_not_after_the_current(project):
    result = new_edition(project, "2025")
    assert result.returncode == 1 and "ấn bản mới phải là năm 2027 hoặc sau" in result.stderr
    assert not (project / "data/editions/2025").exists()
    result = new_edition(project, "2026")
    assert result.returncode == 1 and "đã có data/editions/2026; không ghi đè" in result.stderr


# ---------------------------------------------------------------- the rolled site


@pytest.fixture(scope="module")
def rolled_site(rolled):
    """The rolled project with three real wording changes in 2027, built with --strict."""
    project, _ = rolled
    text = (project / PCKB_2027).read_text(encoding="utf-8")
    m = re.search(r"\n( +)- text: (Tăng cường sự phối hợp[^\n]*)", text)
    assert m
    text = text.replace(m[0], "", 1)  # removed
    text = text.replace(
        "sinh hoạt đoàn thể, các hoạt động văn hóa", "sinh hoạt đoàn thể, trên mạng xã hội, các hoạt động văn hóa", 1
    )  # changed
    (project / PCKB_2027).write_text(text, encoding="utf-8")
    edit(
        project,
        "data/editions/2027/edition.yml",
        "changes:\n",
        "changes:\n  - date: 2026-12-01\n    kind: lon\n    text: Bỏ mục phối hợp bảo vệ mục tiêu; tuyên truyền trên mạng xã hội.\n"
        "    plan_types: [phong-chong-khung-bo]\n",
    )
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site", m[2]


def body(path: pathlib.Path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def test_comparison_page_shows_what_was_removed_and_changed(rolled_site):
    site, removed = rolled_site
    page = body(site / page_url(urls.compare_path("phong-chong-khung-bo", 2026, 2027)))
    assert "Thêm 0 đoạn, bỏ 1 đoạn, sửa 1 đoạn." in page
    assert f"<del>{removed}</del>" in page
    assert "sinh hoạt đoàn thể, <ins>trên mạng xã hội,</ins> các hoạt động văn hóa" in page
    assert "Bỏ mục phối hợp bảo vệ mục tiêu" in page  # the change record beside the comparison
    # a plan type whose wording did not change says so
    other = body(site / page_url(urls.compare_path("phong-trao-toan-dan-bvantq", 2026, 2027)))
    assert "Câu chữ mẫu và hướng dẫn không thay đổi." in other


def test_older_edition_stays_readable_and_out_of_search(rolled_site):
    site, removed = rolled_site
    archived = site / "an-ban/nam-2026/phong-chong-khung-bo.html"
    page = body(archived)
    assert "Ấn bản năm 2026, không còn hiện hành" in page and removed in page
    assert removed not in body(site / "ke-hoach/phong-chong-khung-bo/index.html")
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert "ke-hoach/phong-chong-khung-bo/index.html" in locations
    assert not any(ln.startswith(("an-ban/nam-2026/", "an-ban/so-sanh/")) for ln in locations)


def test_whats_new_and_history_pages(rolled_site):
    site, _ = rolled_site
    new = body(site / "an-ban/nam-2027.html")
    assert "Dự thảo, chưa công bố" in new and "Chưa ghi trọng tâm của năm 2027." in new
    assert "phong-chong-khung-bo-2026-2027.html" in new
    history = body(site / "ke-hoach/phong-chong-khung-bo/index.html")
    h = history[history.index('id="lich-su-thay-doi"') :]
    assert h.index("Năm 2027") < h.index("Năm 2026")
    assert "So sánh với năm 2026" in h and "../../an-ban/nam-2026/phong-chong-khung-bo.html" in h
    assert "01/12/2026 (thay đổi lớn): Bỏ mục phối hợp bảo vệ mục tiêu" in h


# ---------------------------------------------------------------- the real site


def test_every_page_says_when_it_was_last_updated(site):
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 40
    for path in pages:
        assert "Cập nhật lần cuối: 23/11/2026" in path.read_text(encoding="utf-8"), path


def test_whats_new_page_of_the_current_edition(site):
    page = body(site_page(site, urls.edition_path(2026)))
    assert "Ấn bản hiện hành. Công bố: 23/11/2026." in page
    for p in CAT.current.meta.priorities:
        assert p.text in page
    assert "chưa có ấn bản trước để so sánh" in page
    home = body(site / "index.html")
    assert "Có gì mới năm 2026" in home


def test_compare_pairs_paragraphs_and_ignores_numbering():
    old = [
        ("Phần I", "1. Một câu cũ về tuyên truyền."),
        ("Phần I", "2. Câu giữ nguyên."),
        ("Phần I", "Câu bị bỏ hẳn đi."),
    ]
    new = [
        ("Phần I", "1. Một câu mới về tuyên truyền."),
        ("Phần I", "2. Câu giữ nguyên."),
        ("Phần II", "Một đoạn hoàn toàn mới thêm vào."),
    ]

    def strip(xs):
        return [(w, compare.NUMBER.sub("", p)) for w, p in xs]

    changes = compare.compare(strip(old), strip(new))
    assert [c.kind for c in changes] == [compare.CHANGED, compare.REMOVED, compare.ADDED]
    assert changes[0].marked() == "Một câu <del>cũ</del> <ins>mới</ins> về tuyên truyền."
    assert compare.compare(strip(old), strip(old)) == []
    # renumbering alone is no change
    assert compare.compare(strip([("P", "3. Câu.")]), strip([("P", "2. Câu.")])) == []


@pytest.mark.parametrize(
    "src_path",
    [
        "an-ban/so-sanh/phong-chong-khung-bo-2026-2027.md",
        "an-ban/nam-2026/phong-chong-khung-bo.md",
        "an-ban/nam-2027.md",
    ],
)
def test_edition_pages_have_no_serious_accessibility_violation(rolled_site, new_page, src_path):
    """The pages only a second edition has (comparison, archived wording), opened from files."""
    from test_accessibility import audit, describe

    site, _ = rolled_site
    page = new_page()
    page.goto((site / page_url(src_path)).as_uri())
    page.wait_for_load_state("networkidle")
    blocking = audit(page, "edition-" + src_path)
    assert not blocking, describe(blocking)
