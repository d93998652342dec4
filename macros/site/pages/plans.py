"""The page of a plan, whatever its origin: the document in official form, its downloads,
the assignment matrix and the timeline of its deadlines; for a unit list's draft, a line
back to its list."""
from __future__ import annotations

from ...export import files
from ...model import document, schema, text
from ...model.catalogue import Catalogue, PlanEntry, issuer_label
from .. import urls
from ..jinja import download_link, plan_template, render

# Marks of the assignment matrix, short enough for a phone screen.
MARKS = {"lead": "CT", "carry_out": "TH", "support": "PH", "request": "ĐN"}


def page_title(entry: PlanEntry) -> str:
    """'<title of the plan> — <issuer>': the page's heading and its title in lists."""
    return f"{entry.doc.title} — {issuer_label(entry.plan)}"


def plan_document(cat: Catalogue, entry: PlanEntry, here: str) -> text.Md:
    """The plan in official form, inside the one element that carries data-plan.

    here: source path of the page it is shown on (citations link relative to it).
    """
    return render(plan_template(entry.plan.plan_type), doc=entry.doc, plan=entry.plan,
                  here=here, registry=cat.legal, notes=entry.notes)


def plan_page(cat: Catalogue, entry: PlanEntry, downloads: bool) -> text.Md:
    """downloads: whether this build makes the plan's Word and text files (linked outside the document)."""
    plan = entry.plan
    here = urls.plan_path(plan)
    links = [download_link(here, out.label, urls.plan_file_path(plan, out.kind), button=True)
             for out in files.plan_outputs(cat, entry, downloads) if out.label]
    page = render("pages/plan.md", plan=plan, doc=entry.doc, downloads=links,
                  plan_type=cat.plan_types[plan.plan_type], level=cat.levels[plan.level], title=page_title(entry),
                  type_link=urls.relative(here, urls.plan_type_path(plan.plan_type)),
                  document=plan_document(cat, entry, here), notes=entry.notes, registry=cat.legal,
                  **plan_views(cat, entry, here))
    if entry.unit_list is None:
        return page
    # A draft of a unit list: what it is, and the way back to its list, under the title.
    unit_list = cat.unit_lists[entry.unit_list]
    list_link = urls.relative(here, urls.unit_list_path(unit_list.id)) + "#" + entry.unit
    back = render("pages/unit-plan-note.md", unit_list=unit_list, list_link=list_link)
    title, _, rest = page.partition("\n")
    return text.Md(f"{title}\n\n{back}\n{rest}")


# ---------------------------------------------------------------- around the document

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


def assignment_matrix(cat: Catalogue, doc: document.Document, here: str) -> tuple[list, list]:
    """Tasks × roles: (roles [(role, link)], rows [(part, item, label, {role id: mark})])."""
    rows, order = [], {}
    for part, item in doc.items():
        if item.assign:
            marks = {}
            for rel, role_id in item.assign:
                order.setdefault(role_id, None)
                marks[role_id] = rel
            rows.append((part, item, f"{item.number} {task_label(cat, item)}", marks))
    roles = [(cat.roles[r], urls.relative(here, urls.role_path(r))) for r in order]
    return roles, rows


def plan_views(cat: Catalogue, entry: PlanEntry, here: str) -> dict:
    """What the plan page shows around the document: matrix, timeline, calendar link."""
    roles, rows = assignment_matrix(cat, entry.doc, here)
    dated = sorted((d for d in entry.doc.deadlines if d.date), key=lambda d: d.date)
    return dict(matrix_roles=roles, matrix_rows=rows, marks=MARKS, relations=document.RELATIONS,
                dated=dated, undated=[d for d in entry.doc.deadlines if not d.date],
                role_names=lambda ids: ", ".join(cat.roles[r].name for r in ids),
                calendar=urls.relative(here, urls.calendar_path(entry.id)) if dated else None,
                kinds=schema.DEADLINE_KINDS)
