"""Pure rendering: catalogue in, Markdown out. No file is touched here.

Templates under macros/templates/ are Markdown with Jinja. Every value a
template prints goes through text.md_escape (the environment's finalize), so
data can never become Markdown, HTML or Jinja. Markdown written by our own
code is marked text.Md and passes through unchanged.
"""
from __future__ import annotations

import datetime as dt
import functools
import html
import posixpath
import re

import jinja2

from . import compare, document, legal, outline, schema, text
from .catalogue import TEMPLATES_DIR, Catalogue

PLANS_URL = "ke-hoach"
LEGAL_URL = "phap-ly"
LEGAL_INDEX = f"{LEGAL_URL}/index.md"


def plan_type_path(plan_type_id: str) -> str:
    """Source path of a plan type's generated page, relative to docs/."""
    return f"{PLANS_URL}/{plan_type_id}/index.md"


def plan_path(plan: schema.Plan) -> str:
    return f"{PLANS_URL}/{plan.plan_type}/{plan.id}.md"


def legal_path(doc: schema.LegalDocument) -> str:
    """National documents have a page of their own; local ones an entry on the registry page."""
    return f"{LEGAL_URL}/{doc.id}.md" if doc.scope == "toan-quoc" else f"{LEGAL_INDEX}#{doc.id}"


def issuer_label(plan: schema.Plan) -> str:
    return plan.issuer.label or plan.issuer.short


def plan_nav_title(cat: Catalogue, plan: schema.Plan) -> str:
    return f"{issuer_label(plan)} ({plan.year})"


def plan_page_title(cat: Catalogue, plan: schema.Plan) -> str:
    return f"{cat.documents[plan.id].title} — {issuer_label(plan)}"


def status_class(doc: schema.LegalDocument) -> text.Md:
    """CSS modifier of a status badge: legal-status--con-hieu-luc, legal-status--chua-xac-minh…"""
    return text.Md("legal-status--" + _slug(legal.status_label(doc)))


def _slug(value: str) -> text.Md:
    """An ASCII slug (letters, digits, '-') is safe in HTML and Markdown as it is."""
    return text.Md(text.slugify(value))


def _heading(depth: int) -> text.Md:
    return text.Md("#" * max(1, min(depth, 6)))


def _html(value: object) -> text.Md:
    """A value inside raw HTML (an attribute, or an element without the markdown attribute)."""
    return text.Md(html.escape(text.nfc(str(value)), quote=True))


def _link(label: object, target: str) -> text.Md:
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
        chunk = text.md_escape(piece)            # collapses and trims white space…
        if doc_id is not None:
            target = legal_path(context["registry"][doc_id])
            chunk = text.Md(f"[{chunk}]({_relative(context['here'], target)})")
            if doc_id in notes:
                chunk += text.Md(f' <span class="plan-cite-note" role="note">{_html("Lưu ý: " + notes[doc_id])}</span>')
        # …so put back the spaces that separated this piece from its neighbours.
        out += (" " if piece[:1].isspace() else "") + chunk + (" " if piece[-1:].isspace() else "")
    return text.Md(re.sub(r" {2,}", " ", out).strip())


def download_link(from_path: str, item, button: bool = False) -> text.Md:
    """A link to a downloadable file (downloads.Download); the browser saves it under its own name.

    The path is an ASCII slug built by downloads.py, safe inside the attribute list.
    """
    attrs = f'download="{item.filename}"' + (" .md-button" if button else "")
    return text.Md(f"{_link(item.label, _relative(from_path, item.path))}{{ {attrs} }}")


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
    env.globals.update(heading=_heading, link=_link, roman=text.roman, status_class=status_class,
                       status_label=legal.status_label, designation=legal.designation, short_date=legal.short_date,
                       outline=outline)
    # Jinja's own join returns Markup under autoescape, which would skip Markdown escaping.
    env.filters.update(html=_html, md=text.md_escape, slug=_slug,
                       join=_join)
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
    path, _, anchor = to_path.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(from_path) or ".")
    return f"{rel}#{anchor}" if anchor else rel


# ---------------------------------------------------------------- plan documents

def plan_document(cat: Catalogue, plan_id: str, here: str) -> text.Md:
    """The plan in official form, inside the one element that carries data-plan.

    here: source path of the page it is shown on (citations link relative to it).
    """
    doc = cat.documents[plan_id]
    return _render(f"plans/{doc.plan_type}.md", doc=doc, plan=cat.plans[plan_id],
                   plan_type=cat.plan_types[doc.plan_type], sample=False,
                   here=here, registry=cat.legal, notes=cat.citation_notes.get(plan_id, {}))


def plan_page(cat: Catalogue, plan_id: str, downloads: tuple = ()) -> text.Md:
    """downloads: the plan's files (downloads.Download), linked outside the document."""
    plan = cat.plans[plan_id]
    here = plan_path(plan)
    return _render("pages/plan.md", plan=plan, doc=cat.documents[plan_id],
                   downloads=[download_link(here, d, button=True) for d in downloads],
                   plan_type=cat.plan_types[plan.plan_type], level=cat.levels[plan.level],
                   title=plan_page_title(cat, plan),
                   type_link=_relative(here, plan_type_path(plan.plan_type)),
                   document=plan_document(cat, plan_id, here),
                   notes=cat.citation_notes.get(plan_id, {}), registry=cat.legal,
                   **plan_views(cat, plan, here))


# ---------------------------------------------------------------- plan-type pages

def plan_type_page(cat: Catalogue, plan_type_id: str, blanks: dict | None = None,
                   sample_files: dict | None = None, year: int | None = None) -> text.Md:
    """blanks: level id -> its blank form; sample_files: plan id -> its files (downloads.Download).

    year: an older edition's wording, shown at its archived address (current edition when None).
    """
    edition = cat.editions[year] if year else cat.current
    pt = edition.plan_types[plan_type_id]
    here = edition_type_path(cat, edition.year, pt.id)
    sample = edition.type_samples[pt.id]
    fill = document.Filler(document.label_values(pt), cat.legal, cat.roles)   # for legal_bases_to_fill
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
        parts=sample.parts, labels=document.field_labels(pt),
        # the blank form already holds the type's wording, filled once per build
        default_title=defaults.title and sample.title,
        default_preamble=sample.preamble, default_closing=sample.closing,
        here=here, registry=cat.legal, checklist=legal_checklist(cat, pt, here),
        to_fill=[fill(x) for x in pt.legal_bases_to_fill], legal_index=_relative(here, LEGAL_INDEX),
        edition=edition, current=cat.current,
        current_link=_relative(here, plan_type_path(pt.id)) if pt.id in cat.plan_types else None,
        history=type_history(cat, pt.id, here),
    )


def plan_type_list(cat: Catalogue, from_path: str) -> text.Md:
    rows = [(pt, _relative(from_path, plan_type_path(pt.id)), len(cat.plans_of(pt.id)),
             [cat.levels[v.level].name for v in pt.levels])
            for pt in cat.plan_types.values()]
    return _render("pages/plan-type-list.md", rows=rows)


# ---------------------------------------------------------------- legal bases

def _doc_order(doc: schema.LegalDocument):
    """Statute before decree before decision…, then oldest first."""
    return (schema.LEGAL_KINDS.index(doc.kind), doc.date or dt.date.max, doc.id)


def legal_checklist(cat: Catalogue, pt: schema.PlanType, here: str | None = None) -> list[tuple]:
    """National documents a plan of this type should cite: (document, wording to use, link, hints).

    hint: what other documents do to it ("Được sửa đổi, bổ sung bởi Nghị định số 62/2023/NĐ-CP."), or "".
    """
    docs = sorted((d for d in cat.legal.values() if pt.id in d.plan_types), key=_doc_order)
    return [(d, _full_wording(d), _relative(here or plan_type_path(pt.id), legal_path(d)),
             " ".join(f"{r.words} {legal.designation(r.other)}." for r in legal.relations_of(d, cat.legal)
                      if r.incoming and r.type in ("amends", "replaces")))
            for d in docs]


def _full_wording(doc: schema.LegalDocument) -> str:
    """As many parts of the official wording as the registry can source."""
    parts = tuple(p for p in legal.DEFAULT_PARTS
                  if p == "loai" or getattr(doc, legal.PART_FACT[p][0]) is not None)
    return legal.wording(doc, parts)


def legal_registry_page(cat: Catalogue) -> text.Md:
    here = LEGAL_INDEX
    docs = sorted(cat.legal.values(), key=lambda d: (d.scope != "toan-quoc", d.province or "", *_doc_order(d)))
    rows = []
    for d in docs:
        types, plans = cat.cited_by(d.id)
        used_by = [pt for pt in cat.plan_types.values()
                   if pt.id in d.plan_types or pt in types or any(p.plan_type == pt.id for p in plans)]
        rows.append(dict(
            doc=d, page=_relative(here, legal_path(d)) if d.scope == "toan-quoc" else None,
            types=[(pt, _relative(here, plan_type_path(pt.id))) for pt in used_by],
            type_ids=" ".join(pt.id for pt in used_by)))
    kinds = [k for k in schema.LEGAL_KINDS if any(d.kind == k for d in docs)]
    return _render("pages/legal-registry.md", rows=rows, kinds=kinds, plan_types=cat.plan_types,
                   provinces=sorted({d.province for d in docs if d.province}),
                   unverified=legal.UNVERIFIED, statuses=schema.LEGAL_STATUSES)


def legal_document_page(cat: Catalogue, doc_id: str) -> text.Md:
    doc = cat.legal[doc_id]
    here = legal_path(doc)
    types, plans = cat.cited_by(doc_id)
    relations = [(r.words, r.other, _relative(here, legal_path(r.other))) for r in legal.relations_of(doc, cat.legal)]
    return _render(
        "pages/legal-document.md", doc=doc, title=legal.designation(doc), wording=_full_wording(doc),
        relations=relations, unverified=legal.UNVERIFIED,
        types=[(pt, _relative(here, plan_type_path(pt.id))) for pt in types],
        should_cite=[(pt, _relative(here, plan_type_path(pt.id))) for pt in cat.plan_types.values()
                     if pt.id in doc.plan_types],
        plans=[(plan_page_title(cat, p), _relative(here, plan_path(p))) for p in plans],
        registry_link=_relative(here, f"{LEGAL_INDEX}#{doc.id}"),
        source_plans={s.plan: (plan_page_title(cat, cat.plans[s.plan]), _relative(here, plan_path(cat.plans[s.plan])))
                      for s in doc.sources if s.plan},
    )


# ---------------------------------------------------------------- roles and deadlines

ROLES_URL = "vai-tro"
ROLES_INDEX = f"{ROLES_URL}/index.md"
DEADLINES_INDEX = "thoi-han/index.md"
CALENDAR_URL = "lich"
# Marks of the assignment matrix, short enough for a phone screen.
MARKS = {"lead": "CT", "carry_out": "TH", "support": "PH", "request": "ĐN"}


def role_path(role_id: str) -> str:
    return f"{ROLES_URL}/{role_id}.md"


def calendar_path(plan_id: str | None = None, year: int | None = None) -> str:
    """lich/<plan id>.ics for one plan, lich/nam-<year>.ics for a whole edition."""
    return f"{CALENDAR_URL}/{plan_id}.ics" if plan_id else f"{CALENDAR_URL}/nam-{year}.ics"


def current_year(cat: Catalogue) -> int:
    """The year of the edition the site is for (the newest in data/editions/)."""
    return cat.current.year


def task_label(cat: Catalogue, item: document.NumberedItem, limit: int = 14) -> str:
    """What a task is, in a few words: its title, or its paragraph; for a part headed by
    the bodies it is given to ('Công an xã'), the first words of what they are to do."""
    words = item.text or item.title or ""
    names = [cat.roles[r].name.casefold() for _, r in item.assign]
    if not item.text and item.title and any(n in item.title.casefold() for n in names):
        first = next(iter(_first_texts(item.blocks)), None)
        if first:
            words = first
    words = words.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def _first_texts(blocks):
    for b in blocks:
        if isinstance(b, document.Paragraph):
            yield b.text
        elif isinstance(b, document.BulletList):
            yield from (line.text for line in b.lines)
        elif isinstance(b, document.NumberedItem):
            yield from (t for t in (b.title, b.text) if t)


def assignment_matrix(cat: Catalogue, doc: document.Document, here: str):
    """Tasks × roles: (roles [(role, link)], rows [(part, item, label, {role id: mark})])."""
    rows, order = [], {}
    for part, item in doc.items():
        if item.assign:
            marks = {}
            for rel, role_id in item.assign:
                order.setdefault(role_id, None)
                marks[role_id] = rel
            rows.append((part, item, f"{item.number} {task_label(cat, item)}", marks))
    roles = [(cat.roles[r], _relative(here, role_path(r))) for r in order]
    return roles, rows


def timeline(cat: Catalogue, plan: schema.Plan):
    """Dated deadlines in order, then those with no fixed day."""
    doc = cat.documents[plan.id]
    dated = sorted((d for d in doc.deadlines if d.date), key=lambda d: d.date)
    return dated, [d for d in doc.deadlines if not d.date]


def plan_views(cat: Catalogue, plan: schema.Plan, here: str) -> dict:
    """What the plan page shows around the document: matrix, timeline, calendar link."""
    roles, rows = assignment_matrix(cat, cat.documents[plan.id], here)
    dated, undated = timeline(cat, plan)
    return dict(matrix_roles=roles, matrix_rows=rows, marks=MARKS, relations=document.RELATIONS,
                dated=dated, undated=undated, role_names=lambda ids: ", ".join(cat.roles[r].name for r in ids),
                calendar=_relative(here, calendar_path(plan.id)) if dated else None,
                kinds=schema.DEADLINE_KINDS)


def roles_index_page(cat: Catalogue) -> text.Md:
    here = ROLES_INDEX
    counts = {}
    for role in cat.roles.values():
        tasks = cat.tasks_of(role.id)
        counts[role.id] = {rel: sum(1 for *_, r in tasks if r == rel) for rel in document.RELATIONS}
    groups = [(name, [(r, _relative(here, role_path(r.id)), counts[r.id]) for r in cat.roles.values() if r.level == level])
              for level, name in schema.ROLE_LEVELS.items()]
    return _render("pages/roles.md", groups=[g for g in groups if g[1]], relations=document.RELATIONS)


def role_page(cat: Catalogue, role_id: str) -> text.Md:
    role = cat.roles[role_id]
    here = role_path(role_id)
    groups: dict[str, dict] = {}
    for owner, part, item, rel in cat.tasks_of(role_id):
        is_plan = isinstance(owner, schema.Plan)
        key = ("plan:" if is_plan else "type:") + owner.id
        if key not in groups:
            groups[key] = dict(
                title=plan_page_title(cat, owner) if is_plan else f"Nội dung mẫu: {owner.name}",
                link=_relative(here, plan_path(owner) if is_plan else plan_type_path(owner.id)),
                tasks=[])
        others = [(cat.roles[r].name, document.RELATIONS[x]) for x, r in item.assign if r != role_id]
        groups[key]["tasks"].append((f"{part.number}.{item.number}", task_label(cat, item, 24),
                                     document.RELATIONS[rel], others, item.missing_lead))
    duties = [(d.text, plan_page_title(cat, cat.plans[d.plan]), _relative(here, plan_path(cat.plans[d.plan])))
              for d in role.duties]
    deadlines = [(plan_page_title(cat, p), _relative(here, plan_path(p)), d)
                 for p in cat.plans.values() for d in cat.documents[p.id].deadlines if role_id in d.by]
    return _render("pages/role.md", role=role, level=schema.ROLE_LEVELS[role.level], groups=list(groups.values()),
                   duties=duties, deadlines=deadlines, kinds=schema.DEADLINE_KINDS,
                   index=_relative(here, ROLES_INDEX))


def deadlines_page(cat: Catalogue) -> text.Md:
    here = DEADLINES_INDEX
    year = current_year(cat)
    rows = []
    for plan in cat.plans.values():
        if plan.year == year:
            for d in cat.documents[plan.id].deadlines:
                rows.append((d, plan_nav_title(cat, plan), _relative(here, plan_path(plan))))
    dated = sorted((r for r in rows if r[0].date), key=lambda r: r[0].date)
    return _render("pages/deadlines.md", year=year, dated=dated, undated=[r for r in rows if not r[0].date],
                   kinds=schema.DEADLINE_KINDS, calendar=_relative(here, calendar_path(year=year)),
                   role_names=lambda ids: ", ".join(cat.roles[r].name for r in ids))


# ---------------------------------------------------------------- editions

EDITIONS_URL = "an-ban"
EDITIONS_INDEX = f"{EDITIONS_URL}/index.md"


def edition_path(year: int) -> str:
    """'Có gì mới năm N': an edition's priorities, notes and record of changes."""
    return f"{EDITIONS_URL}/nam-{year}.md"


def edition_type_path(cat: Catalogue, year: int, plan_type_id: str) -> str:
    """Where an edition's wording of a plan type is read: the plan-type page for the current
    edition, an archived page (an-ban/nam-<year>/<type>) for older ones."""
    if year == cat.current.year:
        return plan_type_path(plan_type_id)
    return f"{EDITIONS_URL}/nam-{year}/{plan_type_id}.md"


def compare_path(plan_type_id: str, old: int, new: int) -> str:
    return f"{EDITIONS_URL}/so-sanh/{plan_type_id}-{old}-{new}.md"


def comparisons(cat: Catalogue) -> list[tuple[str, int, int]]:
    """(plan type, older year, newer year) for each two consecutive editions that have the type."""
    out = []
    for pt_id in {t for e in cat.editions.values() for t in e.plan_types}:
        years = [y for y, e in cat.editions.items() if pt_id in e.plan_types]
        out += [(pt_id, a, b) for a, b in zip(years, years[1:])]
    return sorted(out)


def archived_pages(cat: Catalogue) -> list[tuple[int, str]]:
    """(year, plan type) of every older edition's wording page."""
    return [(y, t) for y, e in cat.editions.items() if y != cat.current.year for t in e.plan_types]


def vn_date(value: dt.date | None) -> str:
    return legal.short_date(value) if value else "chưa công bố"


def edition_status(cat: Catalogue, year: int) -> str:
    e = cat.editions[year]
    if e.meta.published is None:
        return "Dự thảo, chưa công bố"
    return "Ấn bản hiện hành" if year == cat.current.year else f"Ấn bản cũ (hiện hành: năm {cat.current.year})"


def last_updated(cat: Catalogue, src_uri: str) -> str:
    """The 'Cập nhật lần cuối' line of a page: from the change record of the edition it belongs to."""
    parts = src_uri.split("/")
    edition, plan_type = cat.current, None
    if parts[0] == PLANS_URL and len(parts) == 3:
        plan_type = parts[1]
    elif parts[0] == EDITIONS_URL and len(parts) >= 2:
        name = parts[1].removesuffix(".md")
        year = int(name[4:]) if name.startswith("nam-") and name[4:].isdigit() else None
        if year in cat.editions:
            edition = cat.editions[year]
            plan_type = parts[2].removesuffix(".md") if len(parts) == 3 else None
    date = edition.last_updated(plan_type)
    return f"Cập nhật lần cuối: {vn_date(date)}" if date else "Dự thảo, chưa công bố"


def type_history(cat: Catalogue, plan_type_id: str, here: str) -> list[dict]:
    """A plan type's changelog, newest edition first: each edition's dated changes that concern
    it, a link to its wording in that edition, and a comparison with the edition before."""
    years = [y for y, e in cat.editions.items() if plan_type_id in e.plan_types]
    out = []
    for i, year in reversed(list(enumerate(years))):
        e = cat.editions[year]
        page = edition_type_path(cat, year, plan_type_id)
        out.append(dict(
            year=year, published=vn_date(e.meta.published), status=edition_status(cat, year),
            changes=e.changes_for(plan_type_id), kinds=schema.CHANGE_KINDS,
            page=None if page == here else _relative(here, page),
            whats_new=_relative(here, edition_path(year)),
            compare=(years[i - 1], _relative(here, compare_path(plan_type_id, years[i - 1], year))) if i else None))
    return out


def _type_links(cat: Catalogue, year: int, ids, here: str) -> list:
    e = cat.editions[year]
    return [(e.plan_types[t].short_name, _relative(here, edition_type_path(cat, year, t))) for t in ids if t in e.plan_types]


def editions_index_page(cat: Catalogue) -> text.Md:
    here = EDITIONS_INDEX
    rows = [dict(year=y, status=edition_status(cat, y), published=vn_date(e.meta.published),
                 updated=vn_date(e.last_updated()), link=_relative(here, edition_path(y)))
            for y, e in reversed(list(cat.editions.items()))]
    return _render("pages/editions.md", rows=rows, current=cat.current.year)


def edition_page(cat: Catalogue, year: int) -> text.Md:
    here = edition_path(year)
    e = cat.editions[year]
    years = list(cat.editions)
    previous = years[years.index(year) - 1] if years.index(year) else None
    priorities = []
    for p in e.meta.priorities:
        if p.plan:
            plan = cat.plans[p.plan]
            priorities.append((p.text, plan_page_title(cat, plan), _relative(here, plan_path(plan))))
        else:
            priorities.append((p.text, p.url, p.url))
    changes = [(c, schema.CHANGE_KINDS[c.kind], _type_links(cat, year, c.plan_types, here))
               for c in sorted(e.meta.changes, key=lambda c: c.date, reverse=True)]
    compared = [(e.plan_types[t].short_name, _relative(here, compare_path(t, old, new)))
                for t, old, new in comparisons(cat) if new == year]
    return _render("pages/edition.md", e=e, year=year, status=edition_status(cat, year),
                   published=vn_date(e.meta.published), updated=vn_date(e.last_updated()),
                   priorities=priorities, changes=changes, previous=previous, compared=compared,
                   wording=_type_links(cat, year, e.plan_types, here),
                   index=_relative(here, EDITIONS_INDEX))


def compare_page(cat: Catalogue, plan_type_id: str, old: int, new: int) -> text.Md:
    here = compare_path(plan_type_id, old, new)
    a, b = cat.editions[old], cat.editions[new]
    changes = compare.compare(compare.paragraphs(a.plan_types[plan_type_id], a.type_samples[plan_type_id]),
                              compare.paragraphs(b.plan_types[plan_type_id], b.type_samples[plan_type_id]))
    counts = {k: sum(1 for c in changes if c.kind == k) for k in compare.KIND_LABELS}
    return _render("pages/compare.md", pt=b.plan_types[plan_type_id], old=old, new=new, changes=changes,
                   counts=counts, labels=compare.KIND_LABELS, marked=lambda c: text.Md(c.marked()),
                   old_link=_relative(here, edition_type_path(cat, old, plan_type_id)),
                   new_link=_relative(here, edition_type_path(cat, new, plan_type_id)),
                   notes=[(c, schema.CHANGE_KINDS[c.kind]) for c in b.changes_for(plan_type_id)],
                   whats_new=_relative(here, edition_path(new)))


def current_edition_line(cat: Catalogue, from_path: str) -> text.Md:
    e = cat.current
    return text.Md(f"Ấn bản năm {e.year}, {text.md_escape(last_updated(cat, from_path).lower())}: "
                   f"{_link(f'Có gì mới năm {e.year}', _relative(from_path, edition_path(e.year)))}.")
