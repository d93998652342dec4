"""Who does what: the roles (bodies and forces given tasks), each role's tasks, and deadlines."""
from __future__ import annotations

from ...model import document, schema, text
from ...model.catalogue import Catalogue, PlanEntry, plan_label
from .. import urls
from ..jinja import render
from .plans import page_title, task_label


def roles_index_page(cat: Catalogue) -> text.Md:
    here = urls.ROLES_INDEX
    counts = {}
    for role in cat.roles.values():
        tasks = cat.tasks_of(role.id)
        counts[role.id] = {rel: sum(1 for *_, r in tasks if r == rel) for rel in document.RELATIONS}
    groups = [(name, [(r, urls.relative(here, urls.role_path(r.id)), counts[r.id])
                      for r in cat.roles.values() if r.level == level])
              for level, name in schema.ROLE_LEVELS.items()]
    return render("pages/roles.md", groups=[g for g in groups if g[1]], relations=document.RELATIONS)


def role_page(cat: Catalogue, role_id: str) -> text.Md:
    role = cat.roles[role_id]
    here = urls.role_path(role_id)
    groups: dict[str, dict] = {}
    for owner, part, item, rel in cat.tasks_of(role_id):
        is_plan = isinstance(owner, PlanEntry)
        key = ("plan:" if is_plan else "type:") + owner.id
        if key not in groups:
            groups[key] = dict(
                title=page_title(owner) if is_plan else f"Nội dung mẫu: {owner.name}",
                link=urls.relative(here, urls.plan_path(owner.plan) if is_plan else urls.plan_type_path(owner.id)),
                tasks=[])
        others = [(cat.roles[r].name, document.RELATIONS[x]) for x, r in item.assign if r != role_id]
        groups[key]["tasks"].append((f"{part.number}.{item.number}", task_label(cat, item, 24),
                                     document.RELATIONS[rel], others, item.missing_lead))
    duties = [(d.text, page_title(cat.samples[d.plan]), urls.relative(here, urls.plan_path(cat.samples[d.plan].plan)))
              for d in role.duties]
    deadlines = [(page_title(e), urls.relative(here, urls.plan_path(e.plan)), d)
                 for e in cat.samples.values() for d in e.doc.deadlines if role_id in d.by]
    return render("pages/role.md", role=role, level=schema.ROLE_LEVELS[role.level], groups=list(groups.values()),
                  duties=duties, deadlines=deadlines, kinds=schema.DEADLINE_KINDS,
                  index=urls.relative(here, urls.ROLES_INDEX))


def deadlines_page(cat: Catalogue) -> text.Md:
    here = urls.DEADLINES_INDEX
    year = cat.current.year
    rows = [(d, plan_label(e.plan), urls.relative(here, urls.plan_path(e.plan)))
            for e in cat.samples.values() if e.plan.year == year for d in e.doc.deadlines]
    dated = sorted((r for r in rows if r[0].date), key=lambda r: r[0].date)
    return render("pages/deadlines.md", year=year, dated=dated, undated=[r for r in rows if not r[0].date],
                  kinds=schema.DEADLINE_KINDS, calendar=urls.relative(here, urls.calendar_path(year=year)),
                  role_names=lambda ids: ", ".join(cat.roles[r].name for r in ids))
