"""Code of the site. mkdocs-macros imports this package and calls define_env.

define_env stays thin: it registers what pages may call. Loading lives in
catalogue.py, rendering in render.py, build wiring in mkdocs_hooks.py.
"""
from __future__ import annotations


def define_env(env):
    from . import catalogue, downloads, reference, render, unit_pages

    cat = catalogue.for_build(env.conf)
    files = downloads.enabled(env.conf)
    unit_pages.register(env, cat)

    @env.macro
    def plan_page(plan_id: str):
        return render.plan_page(cat, plan_id, downloads.plan_files(cat.plans[plan_id]) if files else ())

    @env.macro
    def plan_type_page(plan_type_id: str, year: int | None = None):
        if year is not None:        # an older edition's wording: no downloads
            return render.plan_type_page(cat, plan_type_id, year=year)
        if not files:
            return render.plan_type_page(cat, plan_type_id)
        pt = cat.plan_types[plan_type_id]
        return render.plan_type_page(
            cat, plan_type_id,
            blanks={v.level: downloads.blank_file(pt.id, v.level) for v in pt.levels},
            sample_files={p.id: downloads.plan_files(p) for p in cat.plans_of(pt.id)})

    @env.macro
    def plan_type_list():
        return render.plan_type_list(cat, env.page.file.src_uri)

    @env.macro
    def legal_registry_page():
        return render.legal_registry_page(cat)

    @env.macro
    def legal_document_page(doc_id: str):
        return render.legal_document_page(cat, doc_id)

    @env.macro
    def roles_index_page():
        return render.roles_index_page(cat)

    @env.macro
    def role_page(role_id: str):
        return render.role_page(cat, role_id)

    @env.macro
    def deadlines_page():
        return render.deadlines_page(cat)

    @env.macro
    def editions_index_page():
        return render.editions_index_page(cat)

    @env.macro
    def edition_page(year: int):
        return render.edition_page(cat, year)

    @env.macro
    def compare_page(plan_type_id: str, old: int, new: int):
        return render.compare_page(cat, plan_type_id, old, new)

    @env.macro
    def current_edition():
        """One line for the home page: which edition this is, and where its news is."""
        return render.current_edition_line(cat, env.page.file.src_uri)

    @env.macro
    def data_reference():
        return reference.data_reference()
