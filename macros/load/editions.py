"""Step of a load: the yearly editions, each folder's record (edition.yml) and its plan types.

A plan type's file is checked once per edition. An edition carries every plan type of the
edition before it (the site describes this year's wording of every type that has samples);
any problem here sets ctx.editions_broken, so plans are not blamed for a partial list of types.
"""

from __future__ import annotations

import pathlib
from collections.abc import Mapping

from ..model import resolve, schema
from . import checks
from .context import LoadContext
from .problems import DataProblem, Problems, did_you_mean
from .validate import validate
from .yaml_source import Source


def read_editions(ctx: LoadContext) -> None:
    _read_records(ctx)
    by_folder: dict[str, list[Source]] = {}
    for src in ctx.sources["plan-type"]:
        by_folder.setdefault(pathlib.Path(src.file).parent.parent.name, []).append(src)
    data = ctx.data_dir.name
    for folder in sorted(by_folder):
        record = f"{data}/editions/{folder}/edition.yml"
        if not ctx.problems.in_file(record) and not any(str(y) == folder for y in ctx.editions):
            ctx.problems.append(
                DataProblem(
                    record, 0, "", f"thiếu tệp ghi ấn bản năm {folder} (year, published, priorities, notes, changes)"
                )
            )
    if not ctx.sources["edition"] and not ctx.problems:
        ctx.problems.append(
            DataProblem(f"{data}/editions/", 0, "", "chưa có ấn bản nào: cần data/editions/<năm>/edition.yml")
        )
    for year in sorted(ctx.editions):
        ctx.edition_types[year] = {}
        for src in by_folder.get(str(year), []):
            _read_plan_type(ctx, year, src)
        meta, src = ctx.editions[year]
        _check_record(meta, src, ctx.problems, ctx.edition_types[year], ctx.broken_types)
    _check_carried_over(ctx)
    ctx.editions_broken = ctx.problems.under("editions")


def _check_carried_over(ctx: LoadContext) -> None:
    """Each edition has plan types, and every plan type of the edition before it."""
    data, years = ctx.data_dir.name, sorted(ctx.editions)
    for i, year in enumerate(years):
        meta, src = ctx.editions[year]
        types = ctx.edition_types[year]
        if not types and not ctx.broken_types:
            ctx.problems.add(
                src,
                ("year",),
                f"ấn bản năm {year} chưa có loại kế hoạch nào: cần các tệp "
                f"{data}/editions/{year}/plan-types/<mã loại>.yml "
                f"(lệnh make edition YEAR={year} chép từ ấn bản trước)",
            )
            continue
        previous = ctx.edition_types[years[i - 1]] if i else {}
        for pt_id in previous:
            if pt_id not in types and pt_id not in ctx.broken_types:
                ctx.problems.add(
                    src,
                    ("year",),
                    f"ấn bản năm {year} thiếu loại kế hoạch '{pt_id}' của ấn bản năm "
                    f"{years[i - 1]}; chép {data}/editions/{years[i - 1]}/plan-types/{pt_id}.yml "
                    f"sang {data}/editions/{year}/plan-types/ (trang chưa cho bỏ một loại "
                    "kế hoạch khỏi ấn bản mới)",
                )


def _read_records(ctx: LoadContext) -> None:
    for src in ctx.sources["edition"]:
        model = validate(schema.Edition, src, ctx.problems)
        checks.check_text(src, ctx.problems, None, ctx.registry_if_clean())  # citations in notes, priorities
        if model is None:
            continue
        folder = pathlib.Path(src.file).parent.name
        if folder != str(model.year):
            ctx.problems.add(
                src,
                ("year",),
                f"năm {model.year} khác tên thư mục '{folder}'; "
                f"ấn bản năm {model.year} nằm ở data/editions/{model.year}/",
            )
            continue
        ctx.editions[model.year] = (model, src)


def _read_plan_type(ctx: LoadContext, year: int, src: Source) -> None:
    problems, plan_types = ctx.problems, ctx.edition_types[year]
    model = validate(schema.PlanType, src, problems)
    if model is None:
        checks.check_text(src, problems, None, ctx.registry_if_clean())
        ctx.broken_types.add(pathlib.Path(src.file).stem)
        if isinstance(src.data, dict) and isinstance(src.data.get("id"), str):
            ctx.broken_types.add(src.data["id"])
        return
    checks.check_text(src, problems, set(resolve.field_labels(model)), ctx.registry_if_clean())
    if not ctx.roles_broken:
        checks.check_roles(src, problems, ctx.warnings, ctx.roles)
        checks.check_ended(src, problems, year, None, ctx.roles, ctx.ended_levels)
    if model.id in plan_types:
        problems.add(src, ("id",), f"mã loại kế hoạch '{model.id}' đã dùng ở {ctx.type_src[year, model.id].file}")
        return
    for i, variant in enumerate(model.levels):
        if variant.level not in ctx.levels and not ctx.levels_broken:
            problems.add(
                src,
                ("levels", i, "level"),
                f"cấp '{variant.level}' không có trong data/levels.yml{did_you_mean(variant.level, ctx.levels)}",
            )
    seen: set[str] = set()
    for i, section in enumerate(model.sections):
        if section.id in seen:
            problems.add(src, ("sections", i, "id"), f"mã phần '{section.id}' bị trùng")
        seen.add(section.id)
    plan_types[model.id] = model
    ctx.type_src[year, model.id] = src


def _check_record(
    meta: schema.Edition,
    src: Source,
    problems: Problems,
    plan_types: Mapping[str, schema.PlanType],
    broken_types: set[str],
) -> None:
    if not meta.changes:
        problems.add(
            src,
            ("changes",),
            f"ấn bản năm {meta.year} chưa có mục thay đổi nào; ghi ít nhất một mục "
            "có date (YYYY-MM-DD), kind (lon hoặc nho) và text (thay đổi gì)",
        )
    if meta.published and meta.published.year not in (meta.year - 1, meta.year):
        problems.add(
            src,
            ("published",),
            f"ngày công bố {meta.published:%d/%m/%Y} không thuộc năm {meta.year - 1} "
            f"hoặc {meta.year}; ấn bản năm {meta.year} công bố cuối năm trước hoặc trong năm",
        )
    for i, change in enumerate(meta.changes):
        if change.date.year < meta.year - 1:
            problems.add(
                src,
                ("changes", i, "date"),
                f"ngày {change.date:%d/%m/%Y} trước năm {meta.year - 1}: "
                f"thay đổi của ấn bản năm {meta.year} ghi từ năm {meta.year - 1}",
            )
        for j, pt_id in enumerate(change.plan_types):
            if pt_id not in plan_types and not broken_types:
                problems.add(
                    src,
                    ("changes", i, "plan_types", j),
                    f"loại kế hoạch '{pt_id}' không có trong ấn bản năm {meta.year}{did_you_mean(pt_id, plan_types)}",
                )
