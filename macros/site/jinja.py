"""The Jinja environment of the page templates (templates/), and the helpers they call.

Templates are Markdown with Jinja. Every value a template prints goes through
text.md_escape (the environment's finalize), so data can never become Markdown,
HTML or Jinja. Markdown written by our own code is marked text.Md and passes
through unchanged.
"""
from __future__ import annotations

import functools
import html
import pathlib
import re

import jinja2

from ..model import document, legal, outline, text
from . import urls

TEMPLATES_DIR = pathlib.Path(__file__).resolve().parent / "templates"


def status_class(doc) -> text.Md:
    """CSS modifier of a status badge: legal-status--con-hieu-luc, legal-status--chua-xac-minh…"""
    return text.Md("legal-status--" + slug(legal.status_label(doc)))


def slug(value: str) -> text.Md:
    """An ASCII slug (letters, digits, '-') is safe in HTML and Markdown as it is."""
    return text.Md(text.slugify(value))


def _heading(depth: int) -> text.Md:
    return text.Md("#" * max(1, min(depth, 6)))


def html_value(value: object) -> text.Md:
    """A value inside raw HTML (an attribute, or an element without the markdown attribute)."""
    return text.Md(html.escape(text.nfc(str(value)), quote=True))


def link(label: object, target: str) -> text.Md:
    """A Markdown link to a page path (relative to docs/) with escaped text."""
    return text.Md(f"[{text.md_escape(label)}]({target})")


@jinja2.pass_context
def _finalize(context, value: object) -> text.Md:
    """Every printed value: escaped, and each citation in it linked to its registry entry.

    A citation flagged for this plan (e.g. amended without the amending
    document) gets a visible note right after it. Templates that print cited
    text pass `here` (the page's source path) and `notes` ({document id: note}).
    """
    if not (isinstance(value, legal.Cited) and value.cited) or "here" not in context:
        return text.md_escape(value)
    notes = context.get("notes") or {}
    out = ""
    for piece, doc_id in value.pieces:
        chunk = text.md_escape(piece)  # collapses and trims white space…
        if doc_id is not None:
            target = urls.legal_path(context["registry"][doc_id])
            chunk = text.Md(f"[{chunk}]({urls.relative(context['here'], target)})")
            if doc_id in notes:
                chunk += text.Md(f' <span class="plan-cite-note" role="note">{html_value("Lưu ý: " + notes[doc_id])}</span>')
        # …so put back the spaces that separated this piece from its neighbours.
        out += (" " if piece[:1].isspace() else "") + chunk + (" " if piece[-1:].isspace() else "")
    return text.Md(re.sub(r" {2,}", " ", out).strip())


def download_link(from_path: str, label: str, path: str, button: bool = False) -> text.Md:
    """A link to a downloadable file; the browser saves it under its own name.

    The path is an ASCII slug built by urls.py, safe inside the attribute list.
    """
    attrs = f'download="{path.rsplit("/", 1)[-1]}"' + (" .md-button" if button else "")
    return text.Md(f"{link(label, urls.relative(from_path, path))}{{ {attrs} }}")


def _join(items, sep: str = "") -> text.Md:
    """Jinja's join under autoescape would skip Markdown escaping; md_escape trims, so the
    separator's own spaces (', ') are put back around its escaped text."""
    core = sep.strip()
    glue = sep[:len(sep) - len(sep.lstrip())] + (text.md_escape(core) if core else "") + sep[len(sep.rstrip()):]
    return text.Md(glue.join(text.md_escape(i) for i in items))


@functools.lru_cache(maxsize=None)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        undefined=jinja2.StrictUndefined,
        # autoescape makes macro results Markup (kept as is); finalize escapes
        # every other value for Markdown, which HTML escaping alone would not.
        finalize=_finalize,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(heading=_heading, link=link, roman=text.roman, status_class=status_class,
                       status_label=legal.status_label, designation=legal.designation, short_date=legal.short_date,
                       outline=outline)
    # Jinja's own join returns Markup under autoescape, which would skip Markdown escaping.
    env.filters.update(html=html_value, md=text.md_escape, slug=slug, join=_join)
    env.tests.update(
        bullet_list=lambda b: isinstance(b, document.BulletList),
        recipient_group=lambda r: isinstance(r, document.RecipientGroup),
        outline_heading=lambda x: isinstance(x, outline.Heading),
        outline_paragraph=lambda x: isinstance(x, outline.Para),
        outline_executor=lambda x: isinstance(x, outline.Executor),
    )
    return env


def render(template: str, **context: object) -> text.Md:
    return text.Md(environment().get_template(template).render(**context))


def plan_template(plan_type_id: str) -> str:
    """The template of a plan document: the type's own (templates/plans/<id>.md) where its
    layout truly differs, else the default one every type uses."""
    own = f"plans/{plan_type_id}.md"
    return own if (TEMPLATES_DIR / own).is_file() else "plans/default.md"
