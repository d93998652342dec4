"""Word files from templates (export/word_cache.py) are byte for byte the files python-docx
makes alone (export/word.py: word.write), for every plan and blank form of the data and
for documents made to find a difference: texts with markup characters, spaces at the
ends, line breaks, characters XML cannot hold, private-use characters like the
template's marks, empty texts, titles of every length, recipient groups of every size.
And the files are the same bytes in two builds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import random
import zipfile

import pydantic
import pytest
from project_copy import ROOT, build

from macros.export import files as outputs
from macros.export import word, word_cache, writer
from macros.export.word_slots import Notes, Properties
from macros.load import load
from macros.model import document

CAT = load()
WHEN = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
# Fields that name things rather than print them.
NOT_PRINTED = {"id", "plan_id", "plan_type", "cited", "deadlines", "assign", "year", "is_draft", "depth"}


class Reference:
    """Makes a file as the build's Maker does, but with python-docx alone."""

    def write(self, d, props, notes=None) -> bytes:
        return word.write(d, props, notes, WHEN)


def same(maker: word_cache.Maker, d: document.Document, props: Properties, notes: Notes | None = None) -> None:
    """The maker's file equals python-docx's, or both fail alike (python-docx refuses long properties)."""
    try:
        expected = word.write(d, props, notes, WHEN)
    except ValueError as exc:
        with pytest.raises(type(exc)):
            maker.write(d, props, notes)
        return
    got = maker.write(d, props, notes)
    if got != expected:
        a, b = zipfile.ZipFile(io.BytesIO(got)), zipfile.ZipFile(io.BytesIO(expected))
        assert a.namelist() == b.namelist()
        for name in b.namelist():
            assert a.read(name).decode() == b.read(name).decode(), name
    assert got == expected


def mapped(value, f):
    """value with f applied to every text it prints."""
    if isinstance(value, str):
        return f(value)
    if isinstance(value, tuple):
        return tuple(mapped(v, f) for v in value)
    if dataclasses.is_dataclass(value):
        changes = {
            x.name: mapped(getattr(value, x.name), f) for x in dataclasses.fields(value) if x.name not in NOT_PRINTED
        }
        return dataclasses.replace(value, **changes)
    if isinstance(value, pydantic.BaseModel):  # the signature
        return value.model_copy(update={k: mapped(v, f) for k, v in value.__dict__.items() if isinstance(v, str)})
    return value


def every_file():
    """(what, output) of every Word file of the data: each plan's, each blank form."""
    for entry in [*CAT.samples.values(), *CAT.drafts.values()]:
        for item in outputs.plan_outputs(CAT, entry, True):
            if item.kind == "docx":
                yield entry.id, item
    for pt in CAT.plan_types.values():
        for level, item in outputs.blank_outputs(CAT, pt):
            yield f"{pt.id} ({level})", item


def test_every_word_file_of_the_data_is_python_docx_s_byte_for_byte():
    maker = word_cache.Maker(WHEN)
    files = list(every_file())
    assert len(files) >= 10
    for what, item in files:
        assert item.make(maker) == item.make(Reference()), what
    # and again from the templates (the first of each shape made its template)
    for what, item in files:
        assert item.make(maker) == item.make(Reference()), what
    assert maker.templates < len(files)


TEXTS = {
    "markup": lambda s: s + " & <b>\"x\"</b> 'y' ]]>",
    "edge spaces": lambda s: "  " + s + "\t",
    "line breaks": lambda s: s.replace(" ", "\n", 2) + "\r\n",
    "not XML": lambda s: "\x07" + s + "\ufffe\x1f",
    "marks": lambda s: "\ue000" + s + "\ue0011\ue001",
    "empty": lambda s: "",
    "space only": lambda s: " \t ",
    "halved": lambda s: s[: len(s) // 2],
    "doubled": lambda s: s * 2,
    "astral": lambda s: "𝔘𝔫𝔦 " + s + " 🙂",
}


@pytest.mark.parametrize("change", list(TEXTS))
def test_changed_texts_make_the_same_bytes(change):
    maker = word_cache.Maker(WHEN)
    f = TEXTS[change]
    for entry in [*CAT.samples.values(), *CAT.drafts.values()]:
        same(maker, mapped(entry.doc, f), mapped(outputs._properties(CAT, entry), f))
    pt = next(iter(CAT.plan_types.values()))
    notes = Notes("Hướng dẫn", (f("Ghi chú"), "Thêm"), {s.id: (f("Một"), f("Hai")) for s in pt.sections})
    same(maker, mapped(CAT.type_samples[pt.id], f), Properties(f("Mẫu")), notes)


def test_titles_of_every_length_and_recipient_groups_of_every_size():
    maker = word_cache.Maker(WHEN)
    d = next(iter(CAT.samples.values())).doc
    for n in range(0, 160, 7):
        groups = tuple(document.RecipientGroup(tuple(f"Nơi {i}" for i in range(k)), "để biết") for k in (0, 1, 3))
        shaped = dataclasses.replace(
            d,
            title="Kế hoạch " + "x" * n,
            superior=None if n % 2 else "CẤP TRÊN",
            recipients=(*groups[: n % 4], document.RecipientLine("Lưu: VT.")),
            signature=d.signature.model_copy(update={"name": None if n % 3 else "Nguyễn Văn A", "subtitle": None}),
        )
        same(maker, shaped, Properties("Tiêu đề"))


# Characters that have tripped XML writers: markup, whitespace of every kind, controls,
# private use, non-characters, Vietnamese with combining marks, astral characters.
ALPHABET = (
    "aZ đƯỡ &<>\"']]> \t\n\r\x0b\x0c\x85\xa0\u2003\u3000\x00\x07\x1f\x7f\ue000\ue001\ufffe\uffff\u0301🙂𝔘0123456789"
)


@pytest.mark.parametrize("seed", range(25))
def test_random_texts(seed):
    rng = random.Random(seed)

    def text(n: int) -> str:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(n)))

    d = next(iter(CAT.samples.values())).doc
    same(
        word_cache.Maker(WHEN), dataclasses.replace(d, title=text(150), issuer=text(40)), Properties(text(60), text(9))
    )


def test_file_date_is_the_edition_s_publication_or_source_date_epoch():
    published = CAT.current.meta.published
    assert outputs.file_date(CAT, {}) == dt.datetime(published.year, published.month, published.day, tzinfo=dt.UTC)
    assert outputs.file_date(CAT, {"SOURCE_DATE_EPOCH": "0"}) == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def test_writer_reports_a_file_it_could_not_make(tmp_path):
    def broken(_maker):
        raise RuntimeError("hỏng")

    w = writer.Writer(lambda: word_cache.Maker(WHEN))
    w.add(str(tmp_path / "a" / "ok.txt"), lambda _: b"ok")
    w.add(str(tmp_path / "b" / "broken.txt"), broken)
    w.start()
    with pytest.raises(writer.WriteError, match="RuntimeError: hỏng"):
        w.finish()
    assert (tmp_path / "a" / "ok.txt").read_bytes() == b"ok"


def test_two_builds_are_byte_identical(site, tmp_path):
    """The same data builds the same bytes: every file of the site (pages, search index, sitemap,
    Word, text, calendars), not only the downloads."""
    again = tmp_path / "site"
    result = build(ROOT, again)
    assert result.returncode == 0, result.stderr
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert any(p.suffix == ".docx" for p in files) and any(p.name == "sitemap.xml.gz" for p in files)
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    different = [str(p) for p in files if (site / p).read_bytes() != (again / p).read_bytes()]
    assert not different, different
    core = zipfile.ZipFile(site / next(p for p in files if p.suffix == ".docx")).read("docProps/core.xml").decode()
    assert f">{CAT.current.meta.published.isoformat()}T00:00:00Z<" in core
