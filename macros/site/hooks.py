"""MkDocs hooks: the only code that changes what MkDocs builds (mkdocs.yml `hooks:`).

- on_config: the Build (data/ read and checked once: a problem stops the build
  before site/ is touched), ASCII heading anchors, navigation entries from data;
- on_files: every generated page and file (files.py); the downloads start being
  written, in a second process (export/writer.py);
- on_page_markdown: the page of a plan (named in its front matter), and the
  'Cập nhật lần cuối' date of every page (editions);
- on_env (after every page is read, before any is written): every page title made
  safe for the theme (text.title_text);
- on_post_page: pages without the templates' indentation (html_trim.py);
- on_post_build: the downloads all written (or the build fails with the reason), then
  the staged site put in place of site/ (staging.py).
"""

from __future__ import annotations

import logging
import pathlib
import sys

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

# MkDocs loads this file by path; make the macros package importable by name,
# so hooks and mkdocs-macros share one package (and one Build per build).
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))

from macros.export.writer import WriteError  # noqa: E402
from macros.model import text  # noqa: E402
from macros.site import files as generated  # noqa: E402
from macros.site import html_trim, nav, staging  # noqa: E402
from macros.site.build import Build  # noqa: E402
from macros.site.pages import editions, plans  # noqa: E402


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


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = Build.of(config)  # data/ read and checked: a problem stops here, before anything is written
    staging.begin(config)
    config.mdx_configs.setdefault("toc", {})["slugify"] = text.toc_slugify
    for anchor, entries, what in nav.sections(build.cat):
        if not nav.insert(config.nav, anchor, entries):
            raise PluginError(f"mkdocs.yml: nav cần một mục có trang đầu là '{anchor}' để gắn {what} vào")
    for warning in build.cat.warnings:
        DATA_LOG.warning(str(warning))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = Build.of(config)
    made = generated.generated_files(config, build)
    # Two files at one address: the later would silently replace the earlier (Files is keyed by it).
    taken = {f.src_uri: f"docs/{f.src_uri}" for f in files.documentation_pages()}
    taken.update({f.dest_uri: f"docs/{f.src_uri}" for f in files if not f.is_documentation_page()})
    for f in made:
        origin = generated.origin_of(f)
        for key in (f.src_uri, f.dest_uri):
            if key in taken and taken[key] != origin:
                raise PluginError(
                    f"hai tệp cùng một địa chỉ '{f.dest_uri}': {taken[key]} và {origin}; đổi mã của một bên"
                )
        taken[f.src_uri] = taken[f.dest_uri] = origin
        files.append(f)
    build.writer.start()  # MkDocs has cleaned site/; the pages are rendered meanwhile
    return files


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Every page's title as text.title_text, once all pages are read and before any is
    written: a title is printed in this page's <title> and header and in other pages' menus
    and footers, so it must be safe (and the same) everywhere. Titles from the menu are
    already title_text (nav.py); others are the text of the page's H1, which MkDocs gives
    as HTML (entities), hence html_title. The H1 on the page itself keeps the exact text."""
    for f in files.documentation_pages():
        if f.page is not None and f.page.title:
            f.page.title = text.html_title(f.page.title)
    return env


def on_page_markdown(markdown, page, config, files) -> str:
    """'Cập nhật lần cuối' under every page, from the record of changes of its edition
    (Material prints page.meta.revision_date at the foot of the page); and the page of a
    plan, named in its front matter (this runs after mkdocs-macros, which such pages skip)."""
    build = Build.of(config)
    page.meta["revision_date"] = editions.last_updated(build.cat, page.file.src_uri)
    # The sitemap's <lastmod>: the page's last change in the data, not the day of the build.
    page.update_date = editions.update_date(build.cat, page.file.src_uri).isoformat()
    plan_id = page.meta.get(generated.PLAN_KEY)
    if plan_id is None:
        return markdown
    if markdown.strip() or (plan_id not in build.cat.samples and plan_id not in build.cat.drafts):
        raise PluginError(
            f"{page.file.src_uri}: '{generated.PLAN_KEY}: {plan_id}' không phải trang kế hoạch do dữ liệu tạo"
        )
    return plans.plan_page(build.cat, build.cat.plan(plan_id), build.downloads)


def on_post_page(output, page, config) -> str:
    # Template indentation is a fifth of every page (html_trim.py).
    return html_trim.trim(output)


def on_post_build(config: MkDocsConfig) -> None:
    try:
        stats = Build.of(config).writer.finish()
    except WriteError as exc:
        raise PluginError(f"Không tạo được tệp tải về:\n{exc}") from None
    # The benchmark reads this line (bench/bench_scale.py).
    logging.getLogger("mkdocs").info(
        f"Downloads: {stats.files} files in {stats.seconds:.2f} s, CPU {stats.cpu_seconds:.2f} s"
        f" ({'a second process' if stats.background else 'the build process'});"
        f" Word: {stats.word_files} files in CPU {stats.word_seconds:.2f} s, {stats.templates} templates"
    )
    staging.finish(config)
