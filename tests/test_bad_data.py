"""Bad or hostile data, in every kind of data file: `python -m macros check` exits non-zero with
one `file:line: key: message` line per problem, in Vietnamese, and never a traceback; the root
cause is reported once; a failed build leaves site/ as it was.

Each case changes one file of a private copy of data/ and names the line it expects: the file,
the key path (None for the file itself) and words of the message. The checker is run in this
process (tools/cli.py main), so an exception anywhere in loading fails the test with its traceback.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import re
from collections.abc import Callable

import pytest
from conftest import build

from macros.tools import cli

PLAN = "data/plans/2026/ubnd-xa-vinh-thuy-pckb-2026.yml"
TYPE = "data/editions/2026/plan-types/phong-chong-khung-bo.yml"
EDITION = "data/editions/2026/edition.yml"
LEGAL = "data/legal/toan-quoc.yml"
ROLES = "data/roles.yml"
LEVELS = "data/levels.yml"
UNITS = "data/units/xa-co-ke-hoach-mau-2026.yml"
KINDS = {
    "plan": PLAN,
    "plan-type": TYPE,
    "edition": EDITION,
    "legal": LEGAL,
    "roles": ROLES,
    "levels": LEVELS,
    "units": UNITS,
}
# A line of each kind of file to add a key or change a value at (the first key under the top).
ANCHOR = {
    PLAN: "place: Vĩnh Thủy\n",
    TYPE: "short_name: Phòng, chống khủng bố\n",
    EDITION: "year: 2026\n",
    LEGAL: "documents:\n",
    ROLES: "roles:\n",
    LEVELS: "levels:\n",
    UNITS: "year: 2026\n",
}


@dataclasses.dataclass(frozen=True)
class Case:
    name: str
    file: str  # the file the problem is reported in
    change: Callable  # (project) -> None
    field: str | None  # the key path the line names; None: the file itself
    words: str  # part of the message

    def __str__(self) -> str:
        return self.name


def replace(rel: str, old: str, new: str) -> Callable:
    def apply(project):
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, (rel, old)
        path.write_text(text.replace(old, new), encoding="utf-8")

    return apply


def after_anchor(rel: str, added: str) -> Callable:
    """Add top-level lines: after the anchor key, or before it where the anchor opens a list."""
    anchor = ANCHOR[rel]
    return replace(rel, anchor, added + anchor if anchor.endswith(":\n") else anchor + added)


def write(rel: str, text: str) -> Callable:
    def apply(project):
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(text, encoding="utf-8")

    return apply


def structure_cases() -> list[Case]:
    out = []
    for kind, rel in KINDS.items():
        out += [
            Case(f"{kind}-scalar-at-top", rel, write(rel, "chỉ một dòng chữ\n"), None, "cần một bảng khóa–giá trị"),
            Case(f"{kind}-list-at-top", rel, write(rel, "- một\n- hai\n"), None, "cần một bảng khóa–giá trị"),
            Case(f"{kind}-unknown-key", rel, after_anchor(rel, "khoa_la: 1\n"), "khoa_la", "khóa không có trong mẫu"),
            Case(f"{kind}-tab-indent", rel, after_anchor(rel, "khoa:\n\t- x\n"), None, "lỗi cú pháp YAML"),
        ]
    return out


def character_cases() -> list[Case]:
    out = []
    for kind, rel in KINDS.items():
        out += [
            Case(
                f"{kind}-vertical-tab", rel, after_anchor(rel, "# chép\x0btừ Word\n"), None, "U+000B (LINE TABULATION)"
            ),
            Case(f"{kind}-bidi-override", rel, after_anchor(rel, "# \u202eđảo chiều\n"), None, "U+202E"),
        ]
    out += [
        Case(
            "plan-nul-escape", PLAN, replace(PLAN, "place: Vĩnh Thủy", 'place: "Vĩnh\\0Thủy"'), "place", "U+0000 (NULL)"
        ),
        Case("plan-bell-escape", PLAN, replace(PLAN, "place: Vĩnh Thủy", 'place: "Vĩnh\\aThủy"'), "place", "U+0007"),
        Case("plan-escape-char", PLAN, replace(PLAN, "place: Vĩnh Thủy", 'place: "Vĩnh\\eThủy"'), "place", "U+001B"),
        Case(
            "plan-noncharacter", PLAN, replace(PLAN, "place: Vĩnh Thủy", 'place: "Vĩnh\\uFFFEThủy"'), "place", "U+FFFE"
        ),
        Case("plan-zero-width", PLAN, replace(PLAN, "place: Vĩnh Thủy", "place: Vĩnh\u200bThủy"), None, "U+200B"),
        Case(
            "roles-soft-hyphen",
            ROLES,
            replace(ROLES, "    name: Công an xã\n", "    name: Công an\u00adxã\n"),
            None,
            "U+00AD",
        ),
        Case(
            "plan-not-utf8",
            PLAN,
            lambda p: (p / PLAN).write_bytes(b"place: Vi\xe9t\n"),
            None,
            "không phải UTF-8",
        ),
    ]
    return out


def _bomb(levels: int) -> str:
    lines = ["x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def resource_cases() -> list[Case]:
    return [
        Case("plan-nesting", PLAN, after_anchor(PLAN, "fill: " + "[" * 300 + "]" * 300 + "\n"), None, "lồng 301 tầng"),
        Case("plan-alias-bomb", PLAN, after_anchor(PLAN, _bomb(9)), None, "bí danh YAML"),
        Case("units-alias-bomb", UNITS, after_anchor(UNITS, _bomb(9)), None, "bí danh YAML"),
        Case("roles-alias-cycle", ROLES, write(ROLES, "roles: &r\n  - *r\n"), None, "trỏ vào chính khối chứa nó"),
    ]


def date_cases() -> list[Case]:
    return [
        Case(
            "plan-date-mapping",
            PLAN,
            after_anchor(PLAN, "date: {year: 2026, month: 13, day: 45}\n"),
            "date",
            "cần ngày dạng YYYY-MM-DD",
        ),
        Case("plan-date-30-february", PLAN, after_anchor(PLAN, "date: 2026-02-30\n"), "date", "không tồn tại"),
        Case(
            "edition-published-number",
            EDITION,
            replace(EDITION, "published: 2026-11-23", "published: 20261123"),
            "published",
            "cần ngày dạng YYYY-MM-DD",
        ),
        Case(
            "edition-change-month-13",
            EDITION,
            replace(
                EDITION,
                "  - date: 2026-11-23\n    kind: lon\n    text: Công bố",
                "  - date: 2026-13-01\n    kind: lon\n    text: Công bố",
            ),
            "changes[0].date",
            "không tồn tại",
        ),
        Case(
            "legal-date-text",
            LEGAL,
            replace(LEGAL, "    date: 2013-06-12\n", "    date: 12/6/2013\n"),
            "documents[0].date",
            "cần ngày dạng YYYY-MM-DD",
        ),
        Case(
            "roles-ended-mapping",
            ROLES,
            replace(ROLES, "    ended: 2025-07-01", "    ended: {year: 2025}"),
            "ended_levels[0].ended",
            "cần ngày dạng YYYY-MM-DD",
        ),
        Case(
            "plan-deadline-date",
            "data/plans/2024/bcd-pckb-tinh-thanh-hoa-2024.yml",
            replace("data/plans/2024/bcd-pckb-tinh-thanh-hoa-2024.yml", "    date: 05-01\n", "    date: 1/5\n"),
            "deadlines[0].date",
            "không đúng dạng ngày",
        ),
    ]


def edition_cases() -> list[Case]:
    new = "data/editions/2027/edition.yml"

    def record_only(project):
        text = (project / EDITION).read_text(encoding="utf-8").replace("year: 2026", "year: 2027")
        write(new, text.replace("published: 2026-11-23", "published:"))(project)

    def one_type_missing(project):
        record_only(project)
        for name in ("phong-chong-khung-bo", "phong-trao-toan-dan-bvantq"):
            src = project / f"data/editions/2026/plan-types/{name}.yml"
            write(f"data/editions/2027/plan-types/{name}.yml", src.read_text(encoding="utf-8"))(project)

    return [
        Case("edition-folder-without-plan-types", new, record_only, "year", "chưa có loại kế hoạch nào"),
        Case(
            "edition-missing-a-plan-type",
            new,
            one_type_missing,
            "year",
            "thiếu loại kế hoạch 'dien-hinh-phong-trao-bvantq'",
        ),
    ]


def address_cases() -> list[Case]:
    return [
        Case(
            "plan-id-index",
            PLAN,
            replace(PLAN, "id: ubnd-xa-vinh-thuy-pckb-2026", "id: index"),
            "id",
            "dành cho trang mục lục",
        ),
        Case(
            "plan-id-year-calendar",
            PLAN,
            replace(PLAN, "id: ubnd-xa-vinh-thuy-pckb-2026", "id: nam-2026"),
            "id",
            "lịch của cả năm",
        ),
        Case(
            "plan-id-blank-form",
            PLAN,
            replace(PLAN, "id: ubnd-xa-vinh-thuy-pckb-2026", "id: mau-trong-x"),
            "id",
            "mẫu trống",
        ),
        Case(
            "roles-id-index",
            ROLES,
            replace(ROLES, "  - id: cong-an-xa\n", "  - id: index\n"),
            "roles[0].id",
            "dành cho trang mục lục",
        ),
        Case(
            "units-id-index",
            UNITS,
            replace(UNITS, "id: xa-co-ke-hoach-mau-2026", "id: index"),
            "id",
            "dành cho trang mục lục",
        ),
        Case(
            "legal-id-index",
            LEGAL,
            replace(LEGAL, "  - id: luat-28-2013-qh13\n", "  - id: index\n"),
            "documents[0].id",
            "dành cho trang mục lục",
        ),
    ]


def phone_cases() -> list[Case]:
    out = []
    for n, written in enumerate(
        [
            "0946-821-126",
            "84 946 821 126",
            "(+84) 946 821 126",
            "0946\u2013821\u2013126",
            "０９４６８２１１２６",
            "0946.821.126",
            "+84946821126",
        ]
    ):
        out.append(
            Case(
                f"plan-phone-{n}",
                PLAN,
                replace(PLAN, "  name: Thái Nam Sơn", f"  name: Thái Nam Sơn {written}"),
                "signature.name",
                "số điện thoại cá nhân",
            )
        )
    out += [
        Case(
            "plan-phone-as-integer",
            PLAN,
            after_anchor(PLAN, "number: +84946821126\n"),
            "number",
            "số điện thoại cá nhân",
        ),
        Case(
            "edition-phone",
            EDITION,
            replace(EDITION, "  - Từ ngày 01/7/2025", "  - Gọi 0946821126. Từ ngày 01/7/2025"),
            "notes[0]",
            "số điện thoại cá nhân",
        ),
        Case(
            "roles-phone",
            ROLES,
            replace(ROLES, "    name: Công an xã\n", "    name: Công an xã 0946821126\n"),
            "roles[0].name",
            "số điện thoại cá nhân",
        ),
        Case(
            "levels-phone",
            LEVELS,
            replace(LEVELS, "    name: Cấp xã\n", "    name: Cấp xã 0946 821 126\n"),
            "levels[0].name",
            "số điện thoại cá nhân",
        ),
        Case(
            "units-phone",
            UNITS,
            replace(UNITS, "title: Các xã có kế hoạch mẫu", "title: Các xã 0946821126"),
            "title",
            "số điện thoại cá nhân",
        ),
    ]
    return out


def citation_cases() -> list[Case]:
    return [
        Case(
            "plan-cite-unclosed",
            PLAN,
            after_anchor(PLAN, "preamble: Theo {cite:nd-62-2023 ban hành.\n"),
            "preamble",
            "trích dẫn viết sai dạng",
        ),
        Case(
            "plan-cite-spaced",
            PLAN,
            after_anchor(PLAN, "preamble: 'Theo { cite: nd-62-2023 }.'\n"),
            "preamble",
            "trích dẫn viết sai dạng",
        ),
        Case(
            "edition-cite-unknown",
            EDITION,
            replace(EDITION, "  - Từ ngày 01/7/2025", "  - Theo {cite:nd-99-2099}. Từ ngày 01/7/2025"),
            "notes[0]",
            "không có trong danh mục",
        ),
    ]


def ignored_file_cases() -> list[Case]:
    return [
        Case(
            "plan-saved-as-yaml",
            "data/plans/2026/them.yaml",
            write("data/plans/2026/them.yaml", "id: x\n"),
            None,
            "đổi thành '.yml'",
        ),
        Case(
            "legal-upper-case-extension",
            "data/legal/them.YML",
            write("data/legal/them.YML", "documents: []\n"),
            None,
            "đổi thành '.yml'",
        ),
        Case(
            "roles-misspelt-file",
            "data/role.yml",
            write("data/role.yml", "roles: []\n"),
            None,
            "có phải ý là 'roles.yml'",
        ),
    ]


CASES = (
    structure_cases()
    + character_cases()
    + resource_cases()
    + date_cases()
    + edition_cases()
    + address_cases()
    + phone_cases()
    + citation_cases()
    + ignored_file_cases()
)


def check(data_project) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["check", "--data", str(data_project / "data")])
    return code, out.getvalue() + err.getvalue()


@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_data_is_reported_as_file_line_key(data_project, case):
    case.change(data_project)
    code, output = check(data_project)
    assert code == 1, output
    where = rf"{re.escape(case.file)}(:\d+)?: " + (rf"{re.escape(case.field)}: " if case.field else "")
    lines = [ln.strip() for ln in output.splitlines() if re.match(where, ln.strip())]
    assert any(case.words in ln for ln in lines), output
    assert "Traceback" not in output


@pytest.mark.parametrize("name", ["levels", "edition", "plan-type", "roles", "legal"])
def test_a_broken_registry_is_the_only_problem_reported(data_project, name):
    """The root cause once: a registry that cannot be read does not make every file that uses it wrong."""
    rel = KINDS[name]
    write(rel, "chỉ một dòng chữ\n")(data_project)
    code, output = check(data_project)
    problems = [ln.strip() for ln in output.splitlines() if ln.startswith("  ")]
    assert code == 1 and problems and all(p.startswith(rel) for p in problems), output


def test_near_misses_of_phone_numbers_are_accepted(data_project):
    words = (
        "Theo Kế hoạch số 894/CQTT, Nghị định 62/2023/NĐ-CP, giai đoạn 2026-2030, trước ngày 30/5/2026, Điều 5, 0,5 tỷ."
    )
    after_anchor(PLAN, f"preamble: {words}\n")(data_project)
    code, output = check(data_project)
    assert code == 0, output


def test_a_yaml_merge_key_is_read(data_project):
    replace(
        PLAN,
        "signature:\n  authority: TM. ỦY BAN NHÂN DÂN\n  title: CHỦ TỊCH\n",
        "x-chung: &chung\n  authority: TM. ỦY BAN NHÂN DÂN\n  title: CHỦ TỊCH\nsignature:\n  <<: *chung\n",
    )(data_project)
    code, output = check(data_project)
    # The merged keys are read (no syntax error); the anchor's own key is then an unknown key, reported as such.
    assert code == 1 and "x-chung: khóa không có trong mẫu dữ liệu" in output and "cú pháp" not in output, output


# One case of each class through a real build over a previous site/: the build stops and site/ stays.
BUILD_CASES = [
    "roles-scalar-at-top",
    "plan-vertical-tab",
    "plan-alias-bomb",
    "plan-date-mapping",
    "edition-folder-without-plan-types",
    "plan-id-index",
    "plan-phone-0",
    "plan-cite-unclosed",
    "plan-saved-as-yaml",
]


@pytest.fixture(scope="module")
def built_once(tmp_path_factory):
    """A private copy of the project, built once; each case restores its data/ and site/."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("bad") / "project")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.mark.build
@pytest.mark.parametrize("name", BUILD_CASES)
def test_a_failed_build_leaves_site_as_it_was(built_once, name, tmp_path):
    import shutil

    project = built_once
    case = next(c for c in CASES if c.name == name)
    saved = tmp_path / "data"
    shutil.copytree(project / "data", saved)
    before = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    try:
        case.change(project)
        result = build(project)
        output = result.stdout + result.stderr
        assert result.returncode != 0 and case.file in output and case.words in output, output
        assert "Traceback" not in output
        after = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
        assert after == before, "site/ changed"
        assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"]
    finally:
        shutil.rmtree(project / "data")
        shutil.copytree(saved, project / "data")
