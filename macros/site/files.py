"""Every file the build generates from data/: the pages (each a macro call, or for a plan
a front matter the hooks render), the plans' downloads and calendars, the blank forms.

Each is a MkDocs generated file, so `--strict` checks every link to it. A plan's
downloads and calendar, and the blank forms, are made by the build's writer
(export/writer.py) straight into site/, not held in memory for MkDocs to copy.
"""

from __future__ import annotations

import json

from mkdocs.structure.files import File, InclusionLevel

from ..export import draft_form, ical
from ..export import files as outputs
from ..export.writer import Writer
from ..model import draft_check
from ..model.catalogue import PlanEntry
from . import urls
from .build import Build
from .pages import draft, editions

# The page of a plan names its plan in its front matter; the hooks render it (hooks.py).
PLAN_KEY = "plan_page"

# A plan type's page is where a search for its subject should lead first (it
# guides, then lists the filled plans): Material multiplies its search score.
PLAN_TYPE_FRONT_MATTER = "---\nsearch:\n  boost: 2\n---\n"
# Older editions' wording and comparisons repeat the current wording: readable at a stable
# address, but kept out of the search index so a search finds this year's wording.
OLD_EDITION_FRONT_MATTER = "---\nsearch:\n  exclude: true\n---\n"
# A drafting page's text is the type's sample wording (indexed on the plan-type page, which
# links to it) with a token for each fact: out of the search index too.
DRAFT_FRONT_MATTER = OLD_EDITION_FRONT_MATTER


def origin_of(f: File) -> str:
    """What made a generated file, for messages: the data file it comes from, or the kind of page."""
    return getattr(f, "origin", None) or f"trang tạo từ dữ liệu ({f.src_uri})"


def _from(f: File, origin: str) -> File:
    f.origin = origin  # read by origin_of (site/hooks.py: two files at one address)
    return f


class Download(File):
    """A generated file the build's writer makes and writes; MkDocs only knows its address."""

    writer: Writer
    make: outputs.Make

    @property
    def content_bytes(self) -> bytes:
        return self.writer.make(self.make)

    @property
    def content_string(self) -> str:
        return self.content_bytes.decode("utf-8")

    def copy_file(self, dirty: bool = False) -> None:
        pass  # written by the writer (Build.writer.start(), in on_files)


def download(config, build: Build, path: str, item: outputs.Output) -> File:
    f = Download.generated(config, path, content=b"")  # the content is the writer's
    f.writer, f.make = build.writer, item.make
    build.writer.add(f.abs_dest_path, item.make)
    return f


def _stub(call: str) -> str:
    # Ids are slugs (checked by the schema), so they are safe inside the call.
    return f"{{{{ {call} }}}}\n"


def plan_page_source(entry: PlanEntry) -> str:
    """The whole source of a plan's page. `render_macros: false`: mkdocs-macros would compile
    each page as a Jinja template (a few ms a page, thousands of drafts); the hooks put the
    plan in instead. A draft of a unit list is found from its list's page, not from search
    (its text is the plan type's sample wording): `search: exclude`."""
    hidden = "search:\n  exclude: true\n" if entry.unit_list else ""
    return f"---\n{hidden}render_macros: false\n{PLAN_KEY}: {entry.id}\n---\n"


def plan_files(config, build: Build, entry: PlanEntry) -> list[File]:
    """Every output of one plan, whatever its origin: its page, Word and text files, calendar."""
    inclusion = InclusionLevel.NOT_IN_NAV if entry.unit_list else InclusionLevel.UNDEFINED
    cat = build.cat
    origin = (
        f"kế hoạch '{entry.id}' ({cat.unit_lists[entry.unit_list].file})"
        if entry.unit_list
        else f"kế hoạch '{entry.id}' ({cat.files.get('plan:' + entry.id, '')})"
    )
    out = [File.generated(config, urls.plan_path(entry.plan), content=plan_page_source(entry), inclusion=inclusion)]
    for item in outputs.plan_outputs(cat, entry, build.downloads):
        out.append(download(config, build, urls.plan_file_path(entry.plan, item.kind), item))
    return [_from(f, origin) for f in out]


def draft_check_files(config, build: Build) -> list[File]:
    """The draft checker's rules (model/draft_check.py), once: as JSON, and as a script that sets
    window.DRAFT_CHECK_RULES for the page, which must work opened from a folder (no fetch on file://)."""
    body = json.dumps(draft_check.compile_rules(build.cat), ensure_ascii=False, indent=1, sort_keys=True)
    return [
        File.generated(config, urls.DRAFT_RULES_JSON, content=body + "\n"),
        File.generated(config, urls.DRAFT_RULES_JS, content=f"window.DRAFT_CHECK_RULES = {body};\n"),
    ]


def generated_files(config, build: Build) -> list[File]:
    cat = build.cat

    def page(path: str, call: str, front: str = "", inclusion=InclusionLevel.UNDEFINED) -> File:
        return File.generated(config, path, content=front + _stub(call), inclusion=inclusion)

    out = [
        page(urls.plan_type_path(pt.id), f'plan_type_page("{pt.id}")', PLAN_TYPE_FRONT_MATTER)
        for pt in cat.plan_types.values()
    ]
    for entry in cat.samples.values():
        out += plan_files(config, build, entry)
    out.append(page(urls.ROLES_INDEX, "roles_index_page()"))
    out += [page(urls.role_path(r), f'role_page("{r}")') for r in cat.roles]
    out.append(page(urls.DEADLINES_INDEX, "deadlines_page()"))
    year = cat.current.year
    edition = outputs.Output("ics", None, lambda _: ical.edition_calendar(year, cat.samples.values(), cat.roles))
    out.append(download(config, build, urls.calendar_path(year=year), edition))
    # The registry table needs the width the table of contents would take.
    out.append(page(urls.LEGAL_INDEX, "legal_registry_page()", "---\nhide:\n  - toc\n---\n"))
    out += [
        page(urls.legal_path(d), f'legal_document_page("{d.id}")') for d in cat.legal.values() if d.scope == "toan-quoc"
    ]
    # Editions: what is new each year, older editions' wording, comparisons between editions.
    out.append(page(urls.EDITIONS_INDEX, "editions_index_page()"))
    out += [page(urls.edition_path(y), f"edition_page({y})") for y in cat.editions]
    out += [
        page(urls.edition_type_path(year, y, t), f'plan_type_page("{t}", {y})', OLD_EDITION_FRONT_MATTER)
        for y, t in editions.archived_pages(cat)
    ]
    out += [
        page(urls.compare_path(t, old, new), f'compare_page("{t}", {old}, {new})', OLD_EDITION_FRONT_MATTER)
        for t, old, new in editions.comparisons(cat)
    ]
    if build.downloads:
        for pt in cat.plan_types.values():
            for level, item in outputs.blank_outputs(cat, pt):
                out.append(download(config, build, urls.blank_path(pt.id, level), item))
    # Unit lists (data/units/): their pages, and their drafts (out of the nav) with their files.
    out.append(page(urls.UNITS_INDEX, "unit_lists_page()"))
    out += [
        page(urls.unit_list_path(u), f'unit_list_page("{u}")', inclusion=InclusionLevel.NOT_IN_NAV)
        for u in cat.unit_lists
    ]
    for entry in cat.drafts.values():
        out += plan_files(config, build, entry)
    out += draft_check_files(config, build)
    return out + draft_files(config, build)


def draft_files(config, build: Build) -> list[File]:
    """'Soạn kế hoạch cho đơn vị của bạn': a drafting page per plan type (out of the menu: each
    plan-type page links its own), its fillable form, and the official list of units, as scripts."""
    cat = build.cat
    out = [File.generated(config, urls.DRAFT_UNITS_SCRIPT, content=draft_form.units_script(draft.official(config)))]
    for pt in cat.plan_types.values():
        out.append(
            File.generated(
                config,
                urls.draft_path(pt.id),
                content=DRAFT_FRONT_MATTER + _stub(f'draft_page("{pt.id}")'),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
        )
        script = draft_form.form_script(cat, pt, draft.forms(config, cat, pt.id))
        out.append(File.generated(config, urls.draft_form_script(pt.id), content=script))
    return out
