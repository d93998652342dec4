"""MkDocs hooks: the only code that changes what MkDocs builds.

- on_config: read and check data/ (a problem stops the build before site/ is
  touched), use ASCII heading anchors, and add one navigation entry per plan
  type and per plan.
- on_files: add one generated page per plan type and per plan; each page is a
  single macro call, rendered by mkdocs-macros like any hand-written page.
"""
from __future__ import annotations

import pathlib
import sys

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# MkDocs loads this file by path; make the macros package importable by name,
# so hooks and mkdocs-macros share one module (and one catalogue per build).
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from macros import catalogue, render, text  # noqa: E402

# The nav entry under which plan types are listed (see mkdocs.yml).
NAV_ANCHOR = f"{render.PLANS_URL}/index.md"


def _plan_nav(cat: catalogue.Catalogue) -> list:
    out = []
    for pt in cat.plan_types.values():
        children = [render.plan_type_path(pt.id)]
        children += [{text.html_text(render.plan_nav_title(cat, p)): render.plan_path(p)}
                     for p in cat.plans_of(pt.id)]
        out.append({text.html_text(pt.short_name): children})
    return out


def _insert_nav(nav, generated) -> bool:
    """Append the generated entries to the section whose first page is NAV_ANCHOR."""
    for entry in nav or []:
        if isinstance(entry, dict):
            for children in entry.values():
                if isinstance(children, list):
                    if children and children[0] == NAV_ANCHOR:
                        children[1:] = generated
                        return True
                    if _insert_nav(children, generated):
                        return True
    return False


def on_config(config):
    cat = catalogue.for_build(config)
    config.mdx_configs.setdefault("toc", {})["slugify"] = text.toc_slugify
    if not _insert_nav(config.nav, _plan_nav(cat)):
        raise PluginError(f"mkdocs.yml: nav cần một mục có trang đầu là '{NAV_ANCHOR}' để gắn các loại kế hoạch vào")
    return config


def _stub(call: str) -> str:
    # Ids are slugs (checked by the schema), so they are safe inside the call.
    return f"{{{{ {call} }}}}\n"


# A plan type's page is where a search for its subject should lead first (it
# guides, then lists the filled plans): Material multiplies its search score.
PLAN_TYPE_FRONT_MATTER = "---\nsearch:\n  boost: 2\n---\n"


def on_files(files, config):
    cat = catalogue.for_build(config)
    for pt in cat.plan_types.values():
        files.append(File.generated(config, render.plan_type_path(pt.id),
                                    content=PLAN_TYPE_FRONT_MATTER + _stub(f'plan_type_page("{pt.id}")')))
    for plan in cat.plans.values():
        files.append(File.generated(config, render.plan_path(plan), content=_stub(f'plan_page("{plan.id}")')))
    return files
