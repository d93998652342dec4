"""Read a YAML file and remember the line of every key and value.

PyYAML builds plain Python data and forgets where it came from; validation
errors must still say 'file:line'. We compose the node tree once, construct
the data from it, and keep a map from each path (('sections', 0, 'title'))
to its line. Duplicate keys, which PyYAML silently lets the last one win,
are reported instead: nothing a maintainer wrote is dropped without a word.
"""

from __future__ import annotations

import dataclasses
import pathlib

import yaml

from ..model import text as text_rules
from .problems import DataProblem, field_path


@dataclasses.dataclass
class Source:
    file: str  # relative path, for messages
    data: object
    lines: dict[tuple, int]  # path -> line of the value
    key_lines: dict[tuple, int]  # path -> line of the key

    def line_of(self, loc: tuple) -> int:
        """Line of the deepest known prefix of loc (a missing key points at its parent)."""
        loc = tuple(loc)
        while loc:
            if loc in self.key_lines:
                return self.key_lines[loc]
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


def _timestamp(loader, node):
    # 2026-02-30 looks like a date but is none: keep the text, so the schema
    # reports it with its line instead of PyYAML raising a bare ValueError.
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

# libyaml's parser (when PyYAML has it) reads long unit lists about ten times faster; same
# nodes, same line marks. A file it rejects is read again by the pure-Python parser, whose
# messages are the ones maintainers see (and the tests expect).
if getattr(yaml, "__with_libyaml__", False):

    class _FastLoader(yaml.CSafeLoader):
        pass

    _FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
    _LOADERS = (_FastLoader, _Loader)
else:
    _LOADERS = (_Loader,)


# Limits that refuse a hostile or broken file within a second instead of exhausting memory:
# an alias "billion laughs" expands a few lines into billions of nodes, and deep nesting
# overflows recursion. Real data files nest about 12 levels and hold a few thousand nodes
# (a national unit list: about 40,000).
MAX_DEPTH = 64
MAX_NODES = 500_000
# At most this many unreadable characters are listed per file (one is enough to fix the rest).
MAX_CHARACTER_PROBLEMS = 5
MERGE_TAG = "tag:yaml.org,2002:merge"


def _character_problems(text: str, rel: str) -> list[DataProblem]:
    """Characters no data value may hold, each with its line, column and name (text.FORBIDDEN_CHARACTERS)."""
    out = []
    for m in text_rules.FORBIDDEN_CHARACTERS.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        out.append(DataProblem(rel, line, "", f"cột {column}: {text_rules.forbidden_character_message(m.group())}"))
        if len(out) == MAX_CHARACTER_PROBLEMS:
            break
    return out


def _children(node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _measure(root) -> tuple[int, int] | None:
    """(nodes once aliases are expanded, depth) of a composed document, without expanding it;
    None when an alias refers to a node that contains it (a cycle)."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            kids = _children(node)
            size[key] = 1 + sum(size[id(k)] for k in kids)
            depth[key] = 1 + max((depth[id(k)] for k in kids), default=0)
            open_nodes.discard(key)
            continue
        if key in size:
            continue
        if key in open_nodes:
            return None
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((k, False) for k in _children(node) if id(k) not in size)
    return size[id(root)], depth[id(root)]


def _walk(loader, node, path, lines, key_lines, problems, file):
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        written = {id(k) for k, _ in node.value if k.tag != MERGE_TAG}
        if any(k.tag == MERGE_TAG for k, _ in node.value):
            # '<<: *defaults' merges another mapping's keys; the keys written here win over them.
            loader.flatten_mapping(node)
        seen: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, bool)) or key is None:
                key = str(key)
            if key in seen and id(key_node) in written and seen[key][1]:
                problems.append(
                    DataProblem(
                        file,
                        key_node.start_mark.line + 1,
                        field_path(path + (key,)),
                        f"khóa '{key}' bị lặp (đã có ở dòng {seen[key][0]}); YAML sẽ bỏ mất một giá trị — hãy gộp lại",
                    )
                )
            seen[key] = (key_node.start_mark.line + 1, id(key_node) in written)
            key_lines[path + (key,)] = key_node.start_mark.line + 1
            _walk(loader, value_node, path + (key,), lines, key_lines, problems, file)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(loader, item, path + (i,), lines, key_lines, problems, file)


def read(path: pathlib.Path, root: pathlib.Path) -> tuple[Source | None, list[DataProblem]]:
    rel = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8-sig")  # a byte-order mark at the start is not content
    except UnicodeDecodeError as exc:
        return None, [
            DataProblem(rel, 0, "", f"tệp không phải UTF-8 ({exc.reason} ở byte {exc.start}); hãy lưu lại với mã UTF-8")
        ]
    bad = _character_problems(text, rel)
    if bad:
        return None, bad
    for loader_class in _LOADERS:
        src, problems = _parse(loader_class, text, rel)
        if src is not None or loader_class is _LOADERS[-1]:
            return src, problems


def _syntax_error(exc: yaml.MarkedYAMLError, rel: str) -> DataProblem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    what = " ".join(x for x in (exc.context, exc.problem) if x)
    return DataProblem(
        rel,
        line,
        "",
        f"lỗi cú pháp YAML: {what} (cột {mark.column + 1 if mark else '?'}); "
        "kiểm tra thụt lề, dấu ':' sau tên khóa và dấu nháy của chuỗi",
    )


def _parse(loader_class, text: str, rel: str) -> tuple[Source | None, list[DataProblem]]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [DataProblem(rel, 1, "", "tệp rỗng; cần nội dung YAML")]
        measured = _measure(node)
        if measured is None:
            return None, [DataProblem(rel, 0, "", "bí danh YAML (*tên) trỏ vào chính khối chứa nó: dữ liệu lặp vô tận")]
        nodes, depth = measured
        if depth > MAX_DEPTH:
            return None, [
                DataProblem(
                    rel,
                    0,
                    "",
                    f"dữ liệu lồng {depth} tầng, quá {MAX_DEPTH} tầng cho phép; "
                    "kiểm tra dấu ngoặc [ ] { } và thụt lề",
                )
            ]
        if nodes > MAX_NODES:
            return None, [
                DataProblem(
                    rel,
                    0,
                    "",
                    f"dữ liệu có {nodes:,} phần tử khi mở các bí danh YAML (&tên, *tên), "
                    f"quá {MAX_NODES:,} cho phép; bỏ bớt bí danh lồng nhau",
                )
            ]
        lines: dict = {}
        key_lines: dict = {}
        problems: list[DataProblem] = []
        _walk(loader, node, (), lines, key_lines, problems, rel)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, rel)]
    except yaml.YAMLError as exc:
        return None, [DataProblem(rel, 0, "", f"lỗi cú pháp YAML: {exc}")]
    except RecursionError:
        return None, [
            DataProblem(rel, 0, "", f"dữ liệu lồng quá sâu (quá {MAX_DEPTH} tầng); kiểm tra dấu ngoặc [ ] {{ }}")
        ]
    finally:
        loader.dispose()
    return Source(rel, data, lines, key_lines), problems
