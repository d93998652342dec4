"""Code of the site, in layers that import downwards only:

    model/   the data model and what follows from it (pure: no files, no MkDocs)
    load/    reading data/: YAML with lines, validation, checks → model.catalogue.Catalogue
    export/  Word, text and calendar files of a plan
    tools/   command line, next-year rollover, key reference and JSON Schema
    site/    MkDocs: hooks, macros, addresses, pages, templates (the only code importing MkDocs)

mkdocs-macros imports this package (mkdocs.yml: module_name: macros) and calls define_env.
"""

from __future__ import annotations


def define_env(env) -> None:
    from .site.macros_env import define_env as define

    define(env)
