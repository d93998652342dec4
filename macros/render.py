"""Pure rendering: catalogue in, Markdown out. No file is touched here.

Templates under macros/templates/ are Markdown with Jinja. Every value a
template prints goes through text.md_escape (the environment's finalize), so
data can never become Markdown, HTML or Jinja. Markdown written by our own
code is marked text.Md and passes through unchanged.
"""
from __future__ import annotations

import functools
import html

import jinja2

from . import blank, document, outline, schema, text
from .catalogue import TEMPLATES_DIR, Catalogue

PLANS_URL = "ke-hoach"


def plan_type_path(plan_type_id: str) -> str:
    """Source path of a plan type's generated page, relative to docs/."""
    return f"{PLANS_URL}/{plan_type_id}/index.md"


def plan_path(plan: schema.Plan) -> str:
    return f"{PLANS_URL}/{plan.plan_type}/{plan.id}.md"


def issuer_label(plan: schema.Plan) -> str:
    return plan.issuer.label or plan.issuer.short


def plan_nav_title(cat: Catalogue, plan: schema.Plan) -> str:
    return f"{issuer_label(plan)} ({plan.year})"


def plan_page_title(cat: Catalogue, plan: schema.Plan) -> str:
    return f"{cat.documents[plan.id].title} — {issuer_label(plan)}"


def _heading(depth: int) -> text.Md:
    return text.Md("#" * max(1, min(depth, 6)))


def _html(value: object) -> text.Md:
    """A value inside raw HTML (an attribute, or an element without the markdown attribute)."""
    return text.Md(html.escape(text.nfc(str(value)), quote=True))


def _link(label: object, target: str) -> text.Md:
    """A Markdown link to a page path (relative to docs/) with escaped text."""
    return text.Md(f"[{text.md_escape(label)}]({target})")


def download_link(from_path: str, item, button: bool = False) -> text.Md:
    """A link to a downloadable file (downloads.Download); the browser saves it under its own name.

    The path is an ASCII slug built by downloads.py, safe inside the attribute list.
    """
    attrs = f'download="{item.filename}"' + (" .md-button" if button else "")
    return text.Md(f"{_link(item.label, _relative(from_path, item.path))}{{ {attrs} }}")


@functools.lru_cache(maxsize=None)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        undefined=jinja2.StrictUndefined,
        # autoescape makes macro results Markup (kept as is); finalize escapes
        # every other value for Markdown, which HTML escaping alone would not.
        finalize=text.md_escape,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(heading=_heading, link=_link, roman=text.roman, outline=outline)
    # Jinja's own join returns Markup under autoescape, which would skip Markdown escaping.
    env.filters.update(html=_html, md=text.md_escape,
                       join=lambda items, sep="": text.Md(text.md_escape(sep).join(text.md_escape(i) for i in items)))
    env.tests.update(
        bullet_list=lambda b: isinstance(b, document.BulletList),
        recipient_group=lambda r: isinstance(r, document.RecipientGroup),
        outline_heading=lambda x: isinstance(x, outline.Heading),
        outline_paragraph=lambda x: isinstance(x, outline.Para),
        outline_executor=lambda x: isinstance(x, outline.Executor),
    )
    return env


def _render(template: str, **context) -> text.Md:
    return text.Md(environment().get_template(template).render(**context))


def _relative(from_path: str, to_path: str) -> str:
    """Link from one docs/ source path to another, as MkDocs expects (relative .md paths)."""
    import posixpath
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


# ---------------------------------------------------------------- plan documents

def plan_document(cat: Catalogue, plan_id: str) -> text.Md:
    """The plan in official form, inside the one element that carries data-plan."""
    doc = cat.documents[plan_id]
    return _render(f"plans/{doc.plan_type}.md", doc=doc, plan=cat.plans[plan_id],
                   plan_type=cat.plan_types[doc.plan_type], sample=False)


def plan_page(cat: Catalogue, plan_id: str, downloads: tuple = ()) -> text.Md:
    """downloads: the plan's files (downloads.Download), linked outside the document."""
    plan = cat.plans[plan_id]
    here = plan_path(plan)
    return _render("pages/plan.md", plan=plan, doc=cat.documents[plan_id],
                   downloads=[download_link(here, d, button=True) for d in downloads],
                   plan_type=cat.plan_types[plan.plan_type], level=cat.levels[plan.level],
                   title=plan_page_title(cat, plan),
                   type_link=_relative(here, plan_type_path(plan.plan_type)),
                   document=plan_document(cat, plan_id))


# ---------------------------------------------------------------- plan-type pages

def sample_parts(plan_type: schema.PlanType) -> list[document.Part]:
    """The plan type's default wording, with fill-ins shown as [labels] (as in its blank Word form)."""
    return list(blank.document_of(plan_type).parts)


def plan_type_page(cat: Catalogue, plan_type_id: str, blanks: dict | None = None,
                   sample_files: dict | None = None) -> text.Md:
    """blanks: level id -> its blank form; sample_files: plan id -> its files (downloads.Download)."""
    pt = cat.plan_types[plan_type_id]
    here = plan_type_path(pt.id)
    values = document.label_values(pt)
    samples = [(p, cat.levels[p.level], _relative(here, plan_path(p)), cat.documents[p.id], plan_page_title(cat, p))
               for p in cat.plans_of(pt.id)]
    by_level = {}
    for p, _, link, _, _ in samples:
        by_level.setdefault(p.level, []).append((plan_nav_title(cat, p), link))
    defaults = pt.defaults
    return _render(
        "pages/plan-type.md", pt=pt, levels=cat.levels, samples=samples, by_level=by_level,
        blanks=[(cat.levels[level], download_link(here, d)) for level, d in (blanks or {}).items()],
        # after a sample's description: ": [Word], [text]"
        sample_files={pid: text.Md(": " + ", ".join(download_link(here, d) for d in files))
                      for pid, files in (sample_files or {}).items()},
        parts=sample_parts(pt), labels=document.field_labels(pt),
        default_title=defaults.title and document.fill(defaults.title, values),
        default_preamble=defaults.preamble and document.fill(defaults.preamble, values),
        default_closing=defaults.closing and document.fill(defaults.closing, values),
    )


def plan_type_list(cat: Catalogue, from_path: str) -> text.Md:
    rows = [(pt, _relative(from_path, plan_type_path(pt.id)), len(cat.plans_of(pt.id)),
             [cat.levels[v.level].name for v in pt.levels])
            for pt in cat.plan_types.values()]
    return _render("pages/plan-type-list.md", rows=rows)
