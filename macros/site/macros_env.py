"""The macros pages may call (mkdocs-macros): each renders one page from the catalogue of the build."""
from __future__ import annotations

from ..tools import reference
from .build import Build
from .pages import editions, legal, plan_types, roles, units


def define_env(env) -> None:
    build = Build.of(env.conf)
    cat = build.cat
    env.macro(lambda plan_type_id, year=None: plan_types.plan_type_page(cat, plan_type_id, build.downloads, year),
              "plan_type_page")
    env.macro(lambda: plan_types.plan_type_list(cat, env.page.file.src_uri), "plan_type_list")
    env.macro(lambda: legal.legal_registry_page(cat), "legal_registry_page")
    env.macro(lambda doc_id: legal.legal_document_page(cat, doc_id), "legal_document_page")
    env.macro(lambda: roles.roles_index_page(cat), "roles_index_page")
    env.macro(lambda role_id: roles.role_page(cat, role_id), "role_page")
    env.macro(lambda: roles.deadlines_page(cat), "deadlines_page")
    env.macro(lambda: editions.editions_index_page(cat), "editions_index_page")
    env.macro(lambda year: editions.edition_page(cat, year), "edition_page")
    env.macro(lambda plan_type_id, old, new: editions.compare_page(cat, plan_type_id, old, new), "compare_page")
    # One line for the home page: which edition this is, and where its news is.
    env.macro(lambda: editions.current_edition_line(cat, env.page.file.src_uri), "current_edition")
    env.macro(lambda: units.unit_lists_page(cat), "unit_lists_page")
    env.macro(lambda list_id: units.unit_list_page(cat, list_id), "unit_list_page")
    env.macro(reference.data_reference, "data_reference")
