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


def _walk(loader, node, path, lines, key_lines, problems, file):
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, bool)) or key is None:
                key = str(key)
            if key in seen:
                problems.append(
                    DataProblem(
                        file,
                        key_node.start_mark.line + 1,
                        field_path(path + (key,)),
                        f"khóa '{key}' bị lặp (đã có ở dòng {seen[key]}); YAML sẽ bỏ mất một giá trị — hãy gộp lại",
                    )
                )
            seen[key] = key_node.start_mark.line + 1
            key_lines[path + (key,)] = key_node.start_mark.line + 1
            _walk(loader, value_node, path + (key,), lines, key_lines, problems, file)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(loader, item, path + (i,), lines, key_lines, problems, file)


def read(path: pathlib.Path, root: pathlib.Path) -> tuple[Source | None, list[DataProblem]]:
    rel = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [
            DataProblem(rel, 0, "", f"tệp không phải UTF-8 ({exc.reason} ở byte {exc.start}); hãy lưu lại với mã UTF-8")
        ]
    for loader_class in _LOADERS:
        src, problems = _parse(loader_class, text, rel)
        if src is not None or loader_class is _LOADERS[-1]:
            return src, problems


def _parse(loader_class, text: str, rel: str) -> tuple[Source | None, list[DataProblem]]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [DataProblem(rel, 1, "", "tệp rỗng; cần nội dung YAML")]
        lines: dict = {}
        key_lines: dict = {}
        problems: list[DataProblem] = []
        _walk(loader, node, (), lines, key_lines, problems, rel)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        return None, [
            DataProblem(
                rel,
                line,
                "",
                f"lỗi cú pháp YAML: {what} (cột {mark.column + 1 if mark else '?'}); "
                "kiểm tra thụt lề, dấu ':' sau tên khóa và dấu nháy của chuỗi",
            )
        ]
    except yaml.YAMLError as exc:
        return None, [DataProblem(rel, 0, "", f"lỗi cú pháp YAML: {exc}")]
    finally:
        loader.dispose()
    return Source(rel, data, lines, key_lines), problems
