"""The layout keeps its promises (docs/dev/ARCHITECTURE.md): layers import downwards only,
MkDocs is imported by site/ alone, no import cycle, short modules and functions."""

from __future__ import annotations

import ast
import pathlib

from conftest import ROOT

PACKAGE = ROOT / "macros"
# Each layer may import the layers before it in this order, and itself.
LAYERS = ("model", "load", "export", "tools", "site")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def modules() -> dict[str, pathlib.Path]:
    """'macros.load.units' -> its file, for every module of the package."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def imports_of(name: str, path: pathlib.Path) -> set[str]:
    """Modules of the package (and third-party top-level names) imported at any depth of the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.add(target)
            out.update(f"{target}.{a.name}" for a in node.names)
    return out


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "macros" and parts[1] in LAYERS else None


def test_layers_import_downwards_only():
    found = modules()
    wrong = []
    for name, path in found.items():
        own = layer_of(name)
        if own is None:
            continue
        for target in imports_of(name, path):
            other = layer_of(target)
            if other is not None and LAYERS.index(other) > LAYERS.index(own):
                wrong.append(f"{name} imports {target}")
    assert not wrong, wrong


def test_mkdocs_is_imported_from_site_only():
    wrong = [
        name
        for name, path in modules().items()
        if any(t == "mkdocs" or t.startswith("mkdocs.") for t in imports_of(name, path)) and layer_of(name) != "site"
    ]
    assert not wrong, wrong


def test_no_import_cycle():
    found = modules()
    graph = {name: {t for t in imports_of(name, path) if t in found and t != name} for name, path in found.items()}
    # A package's __init__ importing its own modules is how a package shows its front, not a cycle.
    for name in graph:
        graph[name] = {t for t in graph[name] if not name.startswith(t + ".") and not t.startswith(name + ".")}
    state: dict[str, int] = {}
    cycles = []

    def visit(node, stack):
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, cycles


def test_modules_and_functions_are_short():
    long_modules, long_functions = [], []
    for name, path in modules().items():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_MODULE_LINES:
            long_modules.append(f"{name}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long_functions.append(f"{name}.{node.name}: {length} lines")
    assert not long_modules and not long_functions, long_modules + long_functions
