"""Property: whatever a data file holds, the data either loads and every plan renders (page,
Word, text, calendar), or `check` fails with clean `file:line` problems — never a traceback.

Each example takes one real data file, replaces one value (or inserts raw characters into its
text) with something generated, and runs the checker in this process. FUZZ_EXAMPLES sets the
number of examples: a few hundred in `make test`, 10,000 in `make fuzz`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import pathlib
import shutil

import pytest
import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.export import files as outputs
from macros.load import DataErrors, load
from macros.site.pages import plans
from macros.tools import cli

FILES = [
    "data/plans/2026/ubnd-xa-vinh-thuy-pckb-2026.yml",
    "data/plans/2024/bcd-pckb-tinh-thanh-hoa-2024.yml",
    "data/editions/2026/plan-types/phong-chong-khung-bo.yml",
    "data/editions/2026/edition.yml",
    "data/legal/toan-quoc.yml",
    "data/roles.yml",
    "data/levels.yml",
    "data/units/xa-co-ke-hoach-mau-2026.yml",
]
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))

# Text that has broken parsers, escapers and renderers: markup of every layer, control and
# invisible characters, citation and fill-in syntax, numbers that look like phones and dates.
HOSTILE = [
    "<script>alert(1)</script>",
    "</title><img src=x onerror=alert(1)>",
    "{{ config }}",
    "{% raw %}",
    "{cite:",
    "{cite:nd-62-2023}",
    "{cite:nd-62-2023:so,ngay}",
    "{year}",
    "{khong-co}",
    "[x](javascript:alert(1))",
    "**đậm**",
    "# tiêu đề",
    "|a|b|",
    "\x0b",
    "\x00",
    "\u202e",
    "\u200b",
    "\ufffe",
    "\t",
    "\r\n",
    "0946821126",
    "+84 946 821 126",
    "2026-02-30",
    "30/02/2026",
    "&amp;",
    "&#60;",
    "`",
    "\\",
    '"',
    "'",
    ":",
    "- ",
    "{",
    "}",
    "[",
    "]",
    "&a",
    "*a",
    "!!python/object",
    "%",
    "@",
    "ĐĐ",
    "ờ̀",
    "x" * 5000,
]
texts = st.one_of(
    st.text(max_size=60),
    st.sampled_from(HOSTILE),
    st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=4).map("".join),
)
values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**12), 10**12),
        st.floats(allow_nan=False),
        texts,
        st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(texts, inner, max_size=3)),
    max_leaves=8,
)


def paths(data, loc=()):
    """Every path of a value in parsed data (keys and list items), the root included."""
    yield loc
    if isinstance(data, dict):
        for k, v in data.items():
            yield from paths(v, loc + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from paths(v, loc + (i,))


def replaced(data, loc, value):
    if not loc:
        return value
    data = dict(data) if isinstance(data, dict) else list(data)
    data[loc[0]] = replaced(data[loc[0]], loc[1:], value)
    return data


@pytest.fixture(scope="module")
def fuzz_data(tmp_path_factory) -> pathlib.Path:
    dest = tmp_path_factory.mktemp("fuzz") / "project"
    shutil.copytree(ROOT / "data", dest / "data")
    return dest


def renders(project: pathlib.Path) -> None:
    """The loaded data renders: every plan's page, Word, text and calendar (what a build makes of it)."""
    cat = load(project / "data")
    maker = outputs.word_maker(cat)
    for entry in cat.all_plans():
        plans.plan_page(cat, entry, downloads=True)
        for item in outputs.plan_outputs(cat, entry, downloads=True):
            assert item.make(maker)


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_data_loads_and_renders_or_fails_cleanly(fuzz_data, data):
    rel = data.draw(st.sampled_from(FILES), label="file")
    path = fuzz_data / rel
    original = (ROOT / rel).read_text(encoding="utf-8")
    if data.draw(st.booleans(), label="raw text"):
        at = data.draw(st.integers(0, len(original)), label="at")
        text = original[:at] + data.draw(texts, label="inserted") + original[at:]
    else:
        parsed = yaml.safe_load(original)
        loc = data.draw(st.sampled_from(list(paths(parsed))), label="path")
        text = yaml.safe_dump(replaced(parsed, loc, data.draw(values, label="value")), allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    try:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["check", "--data", str(fuzz_data / "data")])
        if code == 0:
            renders(fuzz_data)
        else:
            lines = [ln for ln in err.getvalue().splitlines() if ln.startswith("  ")]
            assert lines and all(ln.strip().startswith("data/") for ln in lines), err.getvalue()
    except DataErrors:  # pragma: no cover - cli.main catches it; a raise here is a bug in the test
        raise
    finally:
        path.write_text(original, encoding="utf-8")
