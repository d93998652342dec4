"""MkDocs hooks: the only code that changes what MkDocs builds.

- on_config: read and check data/ (a problem stops the build before site/ is
  touched), use ASCII heading anchors, and add one navigation entry per plan
  type and per plan.
- on_files: add one generated page per plan type and per plan; each page is a
  single macro call, rendered by mkdocs-macros like any hand-written page; and
  the downloads (Word and text files, see downloads.py) as generated files.
- on_page_markdown: the 'Cập nhật lần cuối' date of every page (editions).
"""
from __future__ import annotations

import logging
import pathlib
import sys

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# MkDocs loads this file by path; make the macros package importable by name,
# so hooks and mkdocs-macros share one module (and one catalogue per build).
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from macros import catalogue, downloads, html_trim, ical, legal, render, text, unit_pages  # noqa: E402


def _data_log() -> logging.Logger:
    """Warnings about data (a citation to check) are printed in the build log but,
    unlike MkDocs' own warnings, do not fail `--strict`: the plan is still right
    to publish, and the page shows the same note beside the citation."""
    log = logging.getLogger("ke_hoach.data")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("WARNING -  Dữ liệu: %(message)s"))
        log.addHandler(handler)
        log.propagate = False
    return log


DATA_LOG = _data_log()

# The nav entries under which generated pages are listed (see mkdocs.yml).
NAV_ANCHOR = f"{render.PLANS_URL}/index.md"
LEGAL_ANCHOR = render.LEGAL_INDEX


def _plan_nav(cat: catalogue.Catalogue) -> list:
    out = []
    for pt in cat.plan_types.values():
        children = [render.plan_type_path(pt.id)]
        children += [{text.html_text(render.plan_nav_title(cat, p)): render.plan_path(p)}
                     for p in cat.plans_of(pt.id)]
        out.append({text.html_text(pt.short_name): children})
    return out


def _legal_nav(cat: catalogue.Catalogue) -> list:
    """National documents, the ones with a page of their own."""
    docs = sorted((d for d in cat.legal.values() if d.scope == "toan-quoc"), key=render._doc_order)
    return [{text.html_text(legal.designation(d)): render.legal_path(d)} for d in docs]


def _editions_nav(cat: catalogue.Catalogue) -> list:
    """'Có gì mới năm N' for every edition, newest first; older wording stays out of the menu."""
    return [{f"Có gì mới năm {year}": render.edition_path(year)} for year in reversed(cat.editions)]


def _insert_nav(nav, anchor: str, generated) -> bool:
    """Append the generated entries to the section whose first page is anchor."""
    for entry in nav or []:
        if isinstance(entry, dict):
            for children in entry.values():
                if isinstance(children, list):
                    if children and children[0] == anchor:
                        children[1:] = generated
                        return True
                    if _insert_nav(children, anchor, generated):
                        return True
    return False


def on_config(config):
    cat = catalogue.for_build(config)
    config.mdx_configs.setdefault("toc", {})["slugify"] = text.toc_slugify
    for anchor, generated, what in ((NAV_ANCHOR, _plan_nav(cat), "các loại kế hoạch"),
                                    (LEGAL_ANCHOR, _legal_nav(cat), "các văn bản căn cứ pháp lý"),
                                    (render.EDITIONS_INDEX, _editions_nav(cat), "các ấn bản theo năm")):
        if not _insert_nav(config.nav, anchor, generated):
            raise PluginError(f"mkdocs.yml: nav cần một mục có trang đầu là '{anchor}' để gắn {what} vào")
    for warning in cat.warnings:
        DATA_LOG.warning(str(warning))
    return config


def _stub(call: str) -> str:
    # Ids are slugs (checked by the schema), so they are safe inside the call.
    return f"{{{{ {call} }}}}\n"


# A plan type's page is where a search for its subject should lead first (it
# guides, then lists the filled plans): Material multiplies its search score.
PLAN_TYPE_FRONT_MATTER = "---\nsearch:\n  boost: 2\n---\n"


# Older editions' wording and comparisons repeat the current wording: readable at a stable
# address, but kept out of the search index so a search finds this year's wording.
OLD_EDITION_FRONT_MATTER = "---\nsearch:\n  exclude: true\n---\n"


def on_files(files, config):
    cat = catalogue.for_build(config)
    for pt in cat.plan_types.values():
        files.append(File.generated(config, render.plan_type_path(pt.id),
                                    content=PLAN_TYPE_FRONT_MATTER + _stub(f'plan_type_page("{pt.id}")')))
    for plan in cat.plans.values():
        files.append(File.generated(config, render.plan_path(plan), content=_stub(f'plan_page("{plan.id}")')))
    files.append(File.generated(config, render.ROLES_INDEX, content=_stub("roles_index_page()")))
    for role in cat.roles.values():
        files.append(File.generated(config, render.role_path(role.id), content=_stub(f'role_page("{role.id}")')))
    # Calendars: one per plan with dated deadlines, one for the current edition.
    files.append(File.generated(config, render.DEADLINES_INDEX, content=_stub("deadlines_page()")))
    labels = {p.id: render.plan_nav_title(cat, p) for p in cat.plans.values()}
    for plan in cat.plans.values():
        if any(d.date for d in cat.documents[plan.id].deadlines):
            files.append(File.generated(config, render.calendar_path(plan.id),
                                        content=ical.plan_calendar(cat, plan.id, labels[plan.id])))
    year = render.current_year(cat)
    files.append(File.generated(config, render.calendar_path(year=year), content=ical.edition_calendar(cat, year, labels)))
    # The registry table needs the width the table of contents would take.
    files.append(File.generated(config, render.LEGAL_INDEX,
                                content="---\nhide:\n  - toc\n---\n" + _stub("legal_registry_page()")))
    for doc in cat.legal.values():
        if doc.scope == "toan-quoc":
            files.append(File.generated(config, render.legal_path(doc), content=_stub(f'legal_document_page("{doc.id}")')))
    # Editions: what is new each year, older editions' wording, comparisons between editions.
    files.append(File.generated(config, render.EDITIONS_INDEX, content=_stub("editions_index_page()")))
    for year in cat.editions:
        files.append(File.generated(config, render.edition_path(year), content=_stub(f"edition_page({year})")))
    for year, pt_id in render.archived_pages(cat):
        files.append(File.generated(config, render.edition_type_path(cat, year, pt_id),
                                    content=OLD_EDITION_FRONT_MATTER + _stub(f'plan_type_page("{pt_id}", {year})')))
    for pt_id, old, new in render.comparisons(cat):
        files.append(File.generated(config, render.compare_path(pt_id, old, new),
                                    content=OLD_EDITION_FRONT_MATTER + _stub(f'compare_page("{pt_id}", {old}, {new})')))
    if downloads.enabled(config):
        for path, content in downloads.generate(cat):
            files.append(File.generated(config, path, content=content))
    # Unit lists (data/units/): their pages, the pages of their plans (out of the nav), calendars, downloads.
    for f in unit_pages.generated_files(config, cat, downloads.enabled(config)):
        files.append(f)
    return files


def on_page_markdown(markdown, page, config, files):
    """'Cập nhật lần cuối' under every page, from the record of changes of its edition
    (Material prints page.meta.revision_date at the foot of the page); and the pages of
    plans made from unit lists (this runs after mkdocs-macros, which they skip)."""
    cat = catalogue.for_build(config)
    page.meta["revision_date"] = render.last_updated(cat, page.file.src_uri)
    return unit_pages.page_markdown(markdown, page, cat, downloads.enabled(config))


def on_post_page(output, page, config):
    # Template indentation is a fifth of every page (html_trim.py).
    return html_trim.trim(output)
