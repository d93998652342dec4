"""Validation of one YAML source against its pydantic model, with errors in Vietnamese words.

pydantic reports errors in English and at locations that include union tags; a
maintainer reads 'file:line: field: what was expected', so each error is worded
here and its location is mapped back to the keys written in the file.
"""

from __future__ import annotations

import difflib
import typing
from typing import TypeVar

import pydantic

from ..model import schema
from .problems import Problems
from .yaml_source import Source

M = TypeVar("M", bound=pydantic.BaseModel)

_TYPE_NAMES = {
    str: "chuỗi",
    int: "số nguyên",
    float: "số",
    bool: "đúng/sai",
    list: "danh sách",
    dict: "bảng khóa–giá trị",
    type(None): "giá trị rỗng",
}


def _got(value) -> str:
    for t, name in _TYPE_NAMES.items():
        if type(value) is t:
            return name
    return type(value).__name__


def _pattern_message(pattern: str, got: object) -> str:
    """What a value that does not match its field's pattern should look like, by field kind."""
    if "KH-" in pattern:
        return f"ký hiệu {got!r} không đúng dạng; cần bắt đầu bằng 'KH-' rồi chữ in hoa, ví dụ 'KH-UBND'"
    if pattern.endswith(r"\d{2}-\d{2}$"):
        return f"{got!r} không đúng dạng ngày: cần MM-DD (trong năm của kế hoạch) hoặc YYYY-MM-DD, ví dụ 05-30"
    if pattern == schema.SLUG_PATTERN:
        return f"{got!r} không đúng dạng mã: chỉ chữ thường không dấu, số và dấu '-', ví dụ 'phong-chong-khung-bo'"
    return f"{got!r} không đúng dạng yêu cầu của khóa này (xem trang Tham chiếu khóa dữ liệu)"


def say(err: dict, model: type[pydantic.BaseModel]) -> str:
    kind, ctx, got = err["type"], err.get("ctx", {}), err.get("input")
    if kind == "missing":
        return "thiếu khóa bắt buộc"
    if kind == "extra_forbidden":
        return "khóa không có trong mẫu dữ liệu" + (err.get("_hint") or "")
    if kind in ("string_type", "str_type"):
        return f"cần một chuỗi văn bản, nhận được {_got(got)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"cần một số nguyên, nhận được {got!r}"
    if kind == "list_type":
        return f"cần một danh sách (các dòng bắt đầu bằng '- '), nhận được {_got(got)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"cần một bảng khóa–giá trị, nhận được {_got(got)}"
    if kind == "literal_error":
        return f"giá trị {got!r} không hợp lệ; cần một trong: {ctx.get('expected')}"
    if kind == "string_pattern_mismatch":
        return _pattern_message(str(ctx.get("pattern", "")), got)
    if kind in ("string_too_short", "too_short"):
        return "không được để trống"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"giá trị {got!r} nằm ngoài khoảng cho phép"
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", err["msg"]))
    if kind in ("block_kind", "bullet_kind", "recipient_kind"):
        return err["msg"]
    return err["msg"]


def validate(model: type[M], src: Source, problems: Problems) -> M | None:
    try:
        return model.model_validate(src.data)
    except pydantic.ValidationError as exc:
        errors = [(e, _strip_tags(src.data, tuple(e["loc"]))) for e in exc.errors(include_url=False)]
        # A misspelt key ('signatur') also leaves the real one missing: report it once, as the typo.
        misspelt = set()
        for err, loc in errors:
            if err["type"] == "extra_forbidden":
                close = difflib.get_close_matches(str(loc[-1]), _known_keys(model, src.data, loc[:-1]), n=1, cutoff=0.6)
                err["_hint"] = f" — có phải ý là '{close[0]}'?" if close else ""
                misspelt.update(loc[:-1] + (c,) for c in close)
        for err, loc in errors:
            if not (err["type"] == "missing" and loc in misspelt):
                problems.add(src, loc, say(err, model))
        return None


_UNION_TAGS = {"paragraph", "bullets", "items", "line", "nested", "group"}


def _strip_tags(data, loc: tuple) -> tuple:
    """pydantic puts union tags ('bullets', 'nested'…) into error locations; keep only real keys."""
    out, node = [], data
    for part in loc:
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            out.append(part)
        elif isinstance(node, dict) and part in node:
            node = node[part]
            out.append(part)
        elif part in _UNION_TAGS and not (isinstance(node, dict) and part in node):
            continue  # a tag, not a key
        else:
            out.append(part)  # a missing key: name it in the message
            node = None
    return tuple(out)


def _known_keys(model, data, loc: tuple) -> list[str]:
    """Keys accepted at loc, for 'did you mean' hints: walk the model along the path."""
    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation):
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
