"""The site: the only code that knows MkDocs. Hooks (hooks.py), the macros pages call
(macros_env.py), one Build per build (build.py), every address (urls.py), the Jinja
environment (jinja.py), page builders (pages/), generated files (files.py), navigation
(nav.py), and the templates (templates/)."""
