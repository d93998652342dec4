"""Downloads: every plan as a Word file in the form of Nghị định 30/2020/NĐ-CP and as
plain text, each with the same text as its page; a blank Word form per plan type and
level; the links to them outside the plan element; a build without them on request;
one Word file printed to PDF by LibreOffice as a person would."""

from __future__ import annotations

import dataclasses
import html.parser
import os
import posixpath
import re
import shutil
import subprocess
import unicodedata

import docx
import pytest
from conftest import ARTIFACTS, build, page_url, site_page
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table

from macros.export import files as downloads
from macros.load import load
from macros.model import blank, document, outline, text
from macros.model.wording import level_wording
from macros.site import urls

CAT = load()
# The reference samples (data/plans/) by id.
PLANS = {e.id: e.plan for e in CAT.samples.values()}
PLAN_IDS = list(PLANS)


@dataclasses.dataclass(frozen=True)
class Download:
    label: str
    path: str  # relative to docs/, like a page's source path

    @property
    def filename(self) -> str:
        return self.path.rsplit("/", 1)[-1]


def plan_files(plan) -> tuple[Download, Download]:
    """The Word and text file of a plan, where the build puts them."""
    return (
        Download(downloads.DOCX_LABEL, urls.plan_file_path(plan, "docx")),
        Download(downloads.TEXT_LABEL, urls.plan_file_path(plan, "txt")),
    )


def blank_file(plan_type_id: str, level_id: str) -> Download:
    return Download(downloads.BLANK_LABEL, urls.blank_path(plan_type_id, level_id))


BLANKS = [(pt.id, v.level) for pt in CAT.plan_types.values() for v in pt.levels]
FONT = "Times New Roman"


# ---------------------------------------------------------------- reading the site


def page_html(site, src_path: str) -> str:
    return site_page(site, src_path).read_text(encoding="utf-8")


class PlanPage(html.parser.HTMLParser):
    """Text of the data-plan element, one line per block (as seed_fidelity reads it), and
    every link of the page with whether it sits inside that element."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "tr", "td", "br", "ul", "ol", "dt", "dd"}
    VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[tuple[str, str, bool, str]] = []  # href, download, inside plan, label
        self._stack: list[tuple[str, bool]] = []
        self._plan_depth: int | None = None
        self._skip = 0
        self._link: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        inside = self._plan_depth is not None
        if tag == "a":
            self._link = [attrs.get("href") or "", attrs.get("download") or "", inside, ""]
        if tag in self.VOID:
            if tag == "br" and inside:
                self.text.append("\n")
            return
        classes = (attrs.get("class") or "").split()
        # not text of the plan: heading anchors, and the page's own notes beside a citation
        # (an amended document cited alone), which Word and the text file do not carry
        headerlink = (tag == "a" and "headerlink" in classes) or "plan-cite-note" in classes
        self._stack.append((tag, headerlink))
        self._skip += headerlink
        if self._plan_depth is None and "data-plan" in attrs:
            self._plan_depth = len(self._stack)
        if inside and tag in self.BLOCKS:
            self.text.append("\n")

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if tag == "a" and self._link is not None:
            self.links.append(tuple(self._link))
            self._link = None
        while self._stack:
            t, headerlink = self._stack.pop()
            self._skip -= headerlink
            if self._plan_depth is not None and t in self.BLOCKS:
                self.text.append("\n")
            if self._plan_depth is not None and len(self._stack) < self._plan_depth:
                self._plan_depth = None
            if t == tag:
                break

    def handle_data(self, data):
        if self._link is not None:
            self._link[3] += data
        if self._plan_depth is not None and not self._skip:
            self.text.append(data)


def read_page(site, src_path: str) -> PlanPage:
    parser = PlanPage()
    parser.feed(page_html(site, src_path))
    return parser


def normalize(line: str) -> str:
    line = unicodedata.normalize("NFC", line).replace("\u00a0", " ")
    line = re.sub(r"^\s*[-+]\s+", "", line)  # '- ' and '+ ' bullets (CSS markers on the page)
    return re.sub(r"\s+", " ", line).strip()


def lines_of(value: str) -> list[str]:
    return [x for x in (normalize(ln) for ln in value.splitlines()) if x]


def page_lines(site, plan_id: str) -> list[str]:
    return lines_of("".join(read_page(site, urls.plan_path(PLANS[plan_id])).text))


def share_found(needles: list[str], haystack: list[str]) -> tuple[float, list[str]]:
    pool = set(haystack)
    missing = [x for x in needles if x not in pool]
    return 1 - len(missing) / len(needles), missing


def site_file(site, docs_path: str):
    return site / docs_path


# ---------------------------------------------------------------- reading a .docx


def blocks_in(container):
    """Paragraphs and tables in reading order, descending into table cells."""
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            yield item
            for row in item.rows:
                for cell in row.cells:
                    yield from blocks_in(cell)
        else:
            yield item


def docx_lines(d) -> list[str]:
    return lines_of("\n".join(b.text for b in blocks_in(d) if not isinstance(b, Table)))


def top_level(d):
    return list(d.iter_inner_content())


def is_borderless(table) -> bool:
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    if borders is None:
        return table.style is None or "Grid" not in table.style.name
    return all(el.get(qn("w:val")) in ("nil", "none") for el in borders)


def rule_width_mm(paragraph, box_mm: float) -> float | None:
    """Length of the bottom-border rule drawn by an empty paragraph, or None if it has none."""
    ppr = paragraph._p.pPr
    if ppr is None or ppr.find(qn("w:pBdr")) is None or ppr.find(qn("w:pBdr")).find(qn("w:bottom")) is None:
        return None
    fmt = paragraph.paragraph_format
    return box_mm - (fmt.left_indent or 0) / 36000 - (fmt.right_indent or 0) / 36000


def size_of(run, paragraph) -> float:
    if run.font.size is not None:
        return run.font.size.pt
    return paragraph.style.font.size.pt


def bold(run) -> bool:
    return bool(run.font.bold)


def open_docx(site, path: str):
    return docx.Document(str(site_file(site, path)))


# ---------------------------------------------------------------- plan .docx


@pytest.fixture(scope="module")
def plan_docx(site):
    return {pid: open_docx(site, plan_files(PLANS[pid])[0].path) for pid in PLAN_IDS}


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_word_page_is_a4_portrait_with_official_margins(plan_docx, plan_id):
    (section,) = plan_docx[plan_id].sections
    assert abs(section.page_width.mm - 210) < 0.5 and abs(section.page_height.mm - 297) < 0.5
    assert 20 <= round(section.top_margin.mm, 1) <= 25 and 20 <= round(section.bottom_margin.mm, 1) <= 25
    assert 30 <= round(section.left_margin.mm, 1) <= 35 and 15 <= round(section.right_margin.mm, 1) <= 20


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_word_text_is_times_new_roman_in_official_sizes(plan_docx, plan_id):
    d = plan_docx[plan_id]
    normal = d.styles["Normal"]
    assert normal.font.name == FONT and 13 <= normal.font.size.pt <= 14
    # document defaults name the font for every script (no theme font such as Calibri)
    fonts = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {FONT}
    assert not any("Theme" in k or "theme" in k for k in fonts.keys())
    fmt = normal.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY and 10 <= round(fmt.first_line_indent.mm, 2) <= 12.7
    for block in blocks_in(d):
        if isinstance(block, Table):
            continue
        for run in block.runs:
            assert run.font.name in (None, FONT), run.text
            if run.text.strip() != "}":  # the brace grouping recipients is as tall as its lines
                assert 11 <= size_of(run, block) <= 14, (run.text, size_of(run, block))
    # the body (outside the header and footer tables) is 13–14 pt
    for item in top_level(d):
        if not isinstance(item, Table):
            for run in item.runs:
                assert 13 <= size_of(run, item) <= 14, run.text


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_word_header_is_a_borderless_two_column_table(plan_docx, plan_id):
    d, doc = plan_docx[plan_id], CAT.plan(plan_id).doc
    header = top_level(d)[0]
    assert isinstance(header, Table), "the document starts with the header table"
    assert len(header.columns) == 2 and is_borderless(header)
    (issuer, nation), (number, date) = [row.cells for row in header.rows]
    issuer_runs = [r for p in issuer.paragraphs for r in p.runs]
    assert [r.text for r in issuer_runs] == [x for x in (doc.superior, doc.issuer) if x]
    assert all(r.font.all_caps for r in issuer_runs)
    assert bold(issuer_runs[-1]) and (not doc.superior or not bold(issuer_runs[0]))
    assert number.text.strip() == doc.number_line
    assert [p.text for p in nation.paragraphs if p.text] == [outline.NATION, outline.MOTTO]
    assert all(bold(r) for p in nation.paragraphs for r in p.runs)
    assert date.text.strip() == doc.place_date and all(r.font.italic for p in date.paragraphs for r in p.runs)
    for p in (*issuer.paragraphs, *number.paragraphs, *nation.paragraphs, *date.paragraphs):
        assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER
    # the short rules: under the issuing body (1/3 to 1/2 of a line of it), and as long as the motto
    widths_mm = [c.width.mm for c in header.columns]
    under_issuer = [w for p in issuer.paragraphs if (w := rule_width_mm(p, widths_mm[0] - 3.8)) is not None]
    under_motto = [w for p in nation.paragraphs if (w := rule_width_mm(p, widths_mm[1] - 3.8)) is not None]
    assert len(under_issuer) == 1 and 15 <= under_issuer[0] <= 30
    assert len(under_motto) == 1 and 50 <= under_motto[0] <= 62
    assert [p.text for p in nation.paragraphs].index(outline.MOTTO) + 1 == next(
        i for i, p in enumerate(nation.paragraphs) if rule_width_mm(p, 100) is not None
    )


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_word_title_and_every_part_in_order(plan_docx, plan_id):
    d, doc = plan_docx[plan_id], CAT.plan(plan_id).doc
    body = [p for p in top_level(d) if not isinstance(p, Table)]
    kind, title = [p for p in body if p.text][:2]
    assert kind.text == outline.KIND and title.text == doc.title
    for p in (kind, title):
        assert p.alignment == WD_ALIGN_PARAGRAPH.CENTER and all(bold(r) for r in p.runs)
    parts = [p for p in body if re.match(r"^[IVX]+\. ", p.text)]
    assert [p.text for p in parts] == [f"{x.number}. {x.heading}" for x in doc.parts]
    assert [p.text.split(".")[0] for p in parts] == [text.roman(n) for n in range(1, len(doc.parts) + 1)]
    assert all(bold(r) for p in parts for r in p.runs)
    # paragraphs of the body are justified with a first-line indent (from the Normal style)
    for p in body[body.index(title) + 2 :]:
        if p.text:
            assert p.alignment in (None, WD_ALIGN_PARAGRAPH.JUSTIFY) and p.paragraph_format.first_line_indent is None
    # '- ' bullets and '+ ' sub-bullets, as on the page
    expected = [
        f"{b.marker} {line.text}" for b in outline.body(doc) if isinstance(b, document.BulletList) for line in b.lines
    ]
    expected += [
        f"+ {sub}"
        for b in outline.body(doc)
        if isinstance(b, document.BulletList)
        for line in b.lines
        for sub in line.sub
    ]
    found = {p.text for p in body}
    assert [e for e in expected if e not in found] == []


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_word_ends_with_recipients_and_signature_side_by_side(plan_docx, plan_id):
    d, doc = plan_docx[plan_id], CAT.plan(plan_id).doc
    footer = top_level(d)[-1]
    assert isinstance(footer, Table) and len(footer.columns) == 2 and is_borderless(footer)
    assert footer.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None, "the block never breaks across pages"
    recipients, signature = footer.rows[0].cells
    label = recipients.paragraphs[0]
    assert label.text == outline.RECIPIENTS_LABEL
    assert all(bold(r) and r.font.italic and size_of(r, label) == 12 for r in label.runs)
    lines = [b for b in blocks_in(recipients) if not isinstance(b, Table) and b.text][1:]
    expected = [
        x
        for r in doc.recipients
        for x in (
            [f"- {line}" for line in r.lines] + [f"}} {r.note}"]
            if isinstance(r, document.RecipientGroup)
            else [f"- {r.text}"]
        )
    ]
    assert [p.text for p in lines] == expected
    assert all(size_of(r, p) == 11 for p in lines for r in p.runs if r.text != "}")
    s = doc.signature
    signed = [p for p in signature.paragraphs if p.text]
    assert [p.text for p in signed] == [x for x in (s.authority, s.title, s.subtitle, s.name) if x]
    assert all(bold(r) and p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in signed for r in p.runs)
    if s.name:
        assert signed[-1].paragraph_format.space_before.pt >= 40, "room for the signature and seal"


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_word_numbers_pages_from_the_second_at_the_top(plan_docx, plan_id):
    (section,) = plan_docx[plan_id].sections
    assert section.different_first_page_header_footer
    assert not section.first_page_header.is_linked_to_previous
    assert "PAGE" not in section.first_page_header._element.xml and not section.first_page_header.paragraphs[0].text
    (number,) = section.header.paragraphs
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    codes = [el.text for el in number._p.iter(qn("w:instrText"))]
    assert [c.strip() for c in codes] == ["PAGE"]
    assert section.header_distance.mm < section.top_margin.mm


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_word_text_matches_the_page(site, plan_docx, plan_id):
    on_page, in_word = page_lines(site, plan_id), docx_lines(plan_docx[plan_id])
    doc = CAT.plan(plan_id).doc
    # the header, title, every part heading and the signature at least: a plan of any length
    assert len(on_page) >= 4 + len(doc.parts) + len(outline.body(doc)) // 2
    found, missing = share_found(on_page, in_word)
    assert found >= 0.98, f"page lines not in the Word file: {missing[:5]}"
    found, extra = share_found(in_word, on_page)
    assert found >= 0.98, f"Word lines not on the page: {extra[:5]}"


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_word_file_properties(plan_docx, plan_id):
    core = plan_docx[plan_id].core_properties
    assert core.title == CAT.plan(plan_id).doc.title
    assert core.language == "vi-VN" and core.author == "" and "python-docx" not in (core.comments or "")


# ---------------------------------------------------------------- blank forms


@pytest.mark.parametrize("plan_type_id,level_id", BLANKS)
def test_blank_form_per_plan_type_and_level(site, plan_type_id, level_id):
    pt = CAT.plan_types[plan_type_id]
    d = open_docx(site, blank_file(plan_type_id, level_id).path)
    all_text = "\n".join(b.text for b in blocks_in(d) if not isinstance(b, Table))
    for mark in (blank.SUPERIOR, blank.ISSUER, blank.PLACE, blank.NUMBER, blank.SIGNER_TITLE, blank.SIGNER_NAME):
        assert mark in all_text, mark
    wording = level_wording(pt, level_id)
    assert f"Số: {blank.NUMBER}/{wording.defaults.symbol or 'KH-' + text.BLANK}" in all_text
    assert "[năm]" in all_text
    assert not re.search(r"\{[^{}]*\}", all_text), "every {placeholder} is shown as a [mark] or resolved"
    # the level's sample wording, part by part (at the sample level, the same as on the plan-type
    # page); a level the type has no wording for gets none of another level's
    form = blank.document_of(pt, CAT.legal, CAT.roles, level_id)
    lines = docx_lines(d)
    if wording.borrowed and not wording.samples:
        others = [normalize(x.text) for x in outline.body(CAT.type_samples[pt.id]) if isinstance(x, outline.Para)]
        assert not any(s in lines for s in others), "no sample level's wording at another level"
    assert [x for x in lines if re.match(r"^[IVX]+\. ", x)] == [
        f"{text.roman(n)}. {s.heading}" for n, s in enumerate(pt.sections, 1)
    ]
    sample = [
        normalize(f"{x.number} {x.text}" if getattr(x, "number", None) else x.text)
        for x in outline.body(form)
        if isinstance(x, outline.Para)
    ]
    assert all(s in lines for s in sample) and (bool(sample) != (wording.borrowed and not wording.samples))
    # same layout as a plan: A4, header table, footer table
    (section,) = d.sections
    assert abs(section.page_width.mm - 210) < 0.5 and len(top_level(d)[0].columns) == 2
    # guidance as comments: the level's difference on KẾ HOẠCH, each part's guidance on its heading
    comments = {c.text for c in d.comments}
    variant = next(v for v in pt.levels if v.level == level_id)
    assert f"{CAT.levels[level_id].name}: {variant.guidance}" in comments
    for s in pt.sections:
        assert "\n".join(s.guidance) in comments


def test_blank_forms_are_linked_per_level_from_the_plan_type_page(site):
    for pt in CAT.plan_types.values():
        src = urls.plan_type_path(pt.id)
        links = read_page(site, src).links
        for v in pt.levels:
            target = blank_file(pt.id, v.level)
            href = posixpath.relpath(target.path, posixpath.dirname(page_url(src)) or ".")
            assert (href, target.filename, False, downloads.BLANK_LABEL) in links, (pt.id, v.level)
            assert site_file(site, target.path).is_file()
        text_ = page_html(site, src)
        for v in pt.levels:
            assert f"{CAT.levels[v.level].name}: <a" in text_


# ---------------------------------------------------------------- text files


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_text_file_is_utf8_nfc_with_the_text_of_the_page(site, plan_id):
    raw = site_file(site, plan_files(PLANS[plan_id])[1].path).read_bytes()
    value = raw.decode("utf-8")  # strict: fails on anything that is not UTF-8
    assert not value.startswith("\ufeff") and "\r" not in value
    assert unicodedata.normalize("NFC", value) == value
    on_page, in_text = page_lines(site, plan_id), lines_of(value)
    found, missing = share_found(on_page, in_text)
    assert found >= 0.98, f"page lines not in the text file: {missing[:5]}"
    found, extra = share_found(in_text, on_page)
    assert found >= 0.98, f"text lines not on the page: {extra[:5]}"
    doc = CAT.plan(plan_id).doc
    order = [outline.KIND, doc.title, doc.parts[0].heading]
    order += [outline.RECIPIENTS_LABEL] if doc.recipients else []  # a plan may have no 'Nơi nhận'
    assert [value.index(x) for x in order] == sorted(value.index(x) for x in order)


# ---------------------------------------------------------------- links


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_plan_page_links_its_downloads_outside_the_plan_element(site, plan_id):
    plan = PLANS[plan_id]
    src = urls.plan_path(plan)
    links = read_page(site, src).links
    for item, label in zip(plan_files(plan), ("Tải bản Word (.docx)", "Tải bản văn bản (.txt)")):
        assert item.label == label
        (link,) = [x for x in links if x[1] == item.filename]
        href, _, inside, shown = link
        assert not inside, "download links stay outside the data-plan element"
        assert shown == label
        assert posixpath.normpath(posixpath.join(posixpath.dirname(page_url(src)), href)) == item.path
        assert site_file(site, item.path).stat().st_size > 1000


def test_plan_type_page_links_the_files_of_each_filled_sample(site):
    for pt in CAT.plan_types.values():
        src = urls.plan_type_path(pt.id)
        hrefs = {
            posixpath.normpath(posixpath.join(posixpath.dirname(page_url(src)), x[0]))
            for x in read_page(site, src).links
        }
        for plan in (e.plan for e in CAT.plans_of(pt.id)):
            for item in plan_files(plan):
                assert item.path in hrefs, (pt.id, item.path)


def test_downloads_can_be_switched_off(project, monkeypatch):
    monkeypatch.setenv("PLAN_DOWNLOADS", "false")
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert not list(site.rglob("*.docx")) and not list(site.rglob("*.txt"))
    for plan in PLANS.values():
        assert "Tải bản Word" not in page_html(site, urls.plan_path(plan))
    for pt in CAT.plan_types.values():
        assert downloads.BLANK_LABEL not in page_html(site, urls.plan_type_path(pt.id))


def test_a_reader_downloads_the_word_file_from_the_plan_page(served_site, new_page, tmp_path):
    plan = PLANS["ubnd-xa-vinh-thuy-pckb-2026"]
    page = new_page(accept_downloads=True)
    page.goto(served_site + "/" + page_url(urls.plan_path(plan)))
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải bản Word (.docx)").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name == f"{plan.id}.docx"
    assert docx.Document(str(saved)).core_properties.title == CAT.plan(plan.id).doc.title


# ---------------------------------------------------------------- printed by LibreOffice


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"no {name} found (install Debian's package: apt-get install {package})"
        if os.environ.get("CI"):
            pytest.fail(message + " — CI must print a Word file to PDF")
        pytest.skip(message)
    return path


def test_word_file_prints_as_a_plausible_pdf(site, tmp_path):
    soffice = _tool("soffice", "libreoffice-writer-nogui")
    pdftotext, pdfinfo = _tool("pdftotext", "poppler-utils"), _tool("pdfinfo", "poppler-utils")
    plan_id = "bcd-pckb-tinh-thanh-hoa-2024"  # header without a superior, grouped recipients, executors
    source = site_file(site, plan_files(PLANS[plan_id])[0].path)
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    pdf = tmp_path / f"{plan_id}.pdf"
    assert pdf.is_file(), result.stdout + result.stderr
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    words = sum(len(x.split()) for x in page_lines(site, plan_id))
    # about 350 to 600 words fit on a page of 14 pt text in these margins
    assert words / 600 <= pages <= words / 350 + 1, (pages, words)
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)

    def page_text(n):
        return subprocess.run(
            [pdftotext, "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"], capture_output=True, text=True
        ).stdout

    first, second = page_text(1), page_text(2)
    flat = " ".join(first.split())
    doc = CAT.plan(plan_id).doc
    for expected in (outline.NATION, outline.MOTTO, outline.KIND, doc.title, doc.number_line):
        assert expected in flat, expected
    assert first.split()[0] != "1", "no page number on the first page"
    assert second.split()[0] == "2", "page 2 starts with its number"
    fonts = (
        subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        if shutil.which("pdffonts")
        else ""
    )
    for line in fonts.splitlines()[2:]:
        assert re.search(r"TimesNewRoman|Times New Roman|LiberationSerif|Tinos", line), line
    if shutil.which("pdftoppm"):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(pdf, ARTIFACTS / f"{plan_id}.pdf")
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(pdf), str(ARTIFACTS / f"{plan_id}-page")],
            check=True,
        )


# ---------------------------------------------------------------- data is text, in Word too


def test_markup_line_breaks_and_control_characters_in_data_print_as_text(tmp_path):
    import dataclasses
    import io

    from macros.export import plain_text as export_text
    from macros.export import word as export_docx

    base = CAT.plan("ubnd-xa-vinh-thuy-pckb-2026").doc
    evil = "<w:p>**đậm** {{ config }} &amp;\nhai dòng\tvà\x07chuông"
    d = dataclasses.replace(base, title=evil, preamble=evil, closing=None)
    out = docx.Document(io.BytesIO(export_docx.write(d, export_docx.Properties(title=evil))))
    paragraphs = [p.text for p in out.paragraphs]
    shown = "<w:p>**đậm** {{ config }} &amp; hai dòng vàchuông"
    assert paragraphs.count(shown) == 2  # title and opening paragraph, as written, on one line
    assert export_text.write(d).count("<w:p>**đậm** {{ config }} &amp; hai dòng và\x07chuông") == 2


def test_page_lines_leave_out_the_pages_own_note_beside_a_citation():
    # An amended document cited alone gets a note on the page only: the parity of page, Word
    # and text compares the plan's text, so the note is not read as a line of the plan.
    parser = PlanPage()
    parser.feed(
        '<div data-plan="x"><p>Thực hiện <a href="l.html">Luật Phòng, chống khủng bố</a> '
        '<span class="plan-cite-note" role="note">Lưu ý: đã được sửa đổi</span> năm 2013.</p></div>'
    )
    assert lines_of("".join(parser.text)) == ["Thực hiện Luật Phòng, chống khủng bố năm 2013."]
