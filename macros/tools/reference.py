"""Documentation generated from the schema: the key reference page and JSON Schema files.

Both come from the pydantic models in schema.py, so they cannot drift from
what the loader accepts (a test compares the committed JSON files with a
fresh generation).
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import types
import typing
from typing import Annotated, Literal, Union

from pydantic import BaseModel

from ..model import schema, text

SCHEMA_DIR = pathlib.Path(__file__).resolve().parents[2] / "docs" / "schema"

# What the reference page documents, in order: (heading, where the files live, top model).
FILES = (
    ("Kế hoạch", "data/plans/<năm>/<mã kế hoạch>.yml", schema.Plan),
    ("Loại kế hoạch", "data/editions/<năm>/plan-types/<mã loại>.yml", schema.PlanType),
    ("Ấn bản", "data/editions/<năm>/edition.yml", schema.Edition),
    ("Danh sách đơn vị", "data/units/<mã danh sách>.yml", schema.UnitListFile),
    ("Cấp ban hành", "data/levels.yml", schema.LevelsFile),
    ("Căn cứ pháp lý", "data/legal/<phạm vi>.yml", schema.LegalFile),
    ("Vai trò", "data/roles.yml", schema.RolesFile),
    ("Quy tắc kiểm tra bản thảo", "data/kiem-tra-ban-thao.yml", schema.DraftRules),
)
# Names shown for the content-block unions.
BLOCK_NAMES = {"Block": "khối nội dung", "Bullet": "dòng gạch đầu dòng", "Recipient": "dòng nơi nhận"}


UNIONS = (  # union aliases of schema.py and how the reference names them
    (schema.Block, "khối nội dung: đoạn văn (chuỗi), [Bullets](#bullets) hoặc [Items](#items)"),
    (schema.Bullet, "chuỗi hoặc bảng [SubBullet](#subbullet)"),
    (schema.Recipient, "chuỗi hoặc bảng [RecipientGroup](#recipientgroup)"),
)


def _type_name(annotation) -> str:
    for alias, name in UNIONS:
        if annotation == alias:
            return name
    if annotation is dt.date:
        return "ngày (YYYY-MM-DD)"
    if annotation is schema.IssueDate:  # read from YAML as a date, see schema.Plan.date
        return "ngày (YYYY-MM-DD hoặc YYYY-MM)"
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is Annotated:
        return _type_name(args[0])
    if origin in (Union, types.UnionType):
        return " hoặc ".join(_type_name(a) for a in args if a is not type(None))
    if origin is list:
        return f"danh sách {_type_name(args[0])}"
    if origin is dict:
        return f"bảng: mã → {_type_name(args[1])}"
    if origin is Literal:
        return "một trong: " + ", ".join(f"`{a}`" for a in args)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"bảng [{annotation.__name__}](#{text.slugify(annotation.__name__)})"
    return {str: "chuỗi", int: "số nguyên", bool: "đúng/sai (true/false)"}.get(
        annotation, getattr(annotation, "__name__", str(annotation))
    )


def _models_under(model, seen: list) -> list:
    if model in seen:
        return seen
    seen.append(model)
    for field in model.model_fields.values():
        for found in _nested_models(field.annotation):
            _models_under(found, seen)
    return seen


def _nested_models(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in typing.get_args(annotation):
        yield from _nested_models(arg)


def data_reference() -> text.Md:
    """Markdown tables of every key of every data file, from the schema."""
    out = []
    documented: list = []
    for heading, where, top in FILES:
        out.append(f"## {text.md_escape(heading)}\n\nTệp: `{where}`\n")
        for model in _models_under(top, []):
            if model in documented or model is schema.IssueDate:
                continue
            documented.append(model)
            out.append(f"### {model.__name__} {{#{text.slugify(model.__name__)}}}\n")
            out.append("| Khóa | Bắt buộc | Kiểu | Ý nghĩa |\n| --- | --- | --- | --- |")
            for name, field in model.model_fields.items():
                required = "có" if field.is_required() else "không"
                # Descriptions are written by us in schema.py (Markdown allowed); only '|' would break the table.
                described = (field.description or "").replace("|", "\\|")
                out.append(f"| `{name}` | {required} | {_type_name(field.annotation)} | {described} |")
            out.append("")
    return text.Md("\n".join(out))


def json_schemas() -> dict[str, str]:
    """File name -> JSON Schema text, for editors (VS Code YAML extension and others)."""
    out = {}
    for name, model in schema.FILE_MODELS.items():
        body = model.model_json_schema()
        body["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        body["title"] = f"{name} — dữ liệu của trang mẫu kế hoạch"
        out[f"{name}.schema.json"] = json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def write_json_schemas(directory: pathlib.Path = SCHEMA_DIR) -> list[pathlib.Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, body in json_schemas().items():
        path = directory / name
        path.write_text(body, encoding="utf-8")
        written.append(path)
    return written
