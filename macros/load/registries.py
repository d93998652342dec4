"""Steps of a load: read every file, then the shared registries (levels, roles, legal
documents), and at the end what the registries say about plans (their sources, duties)."""

from __future__ import annotations

from ..model import schema
from . import checks, yaml_source
from .context import LoadContext
from .problems import DataProblem, did_you_mean
from .raw import nfc, strings
from .validate import validate

# What lives where under data/: (glob, kind of file = schema.FILE_MODELS key).
LAYOUT = (
    ("levels.yml", "levels"),
    ("roles.yml", "roles"),
    ("legal/*.yml", "legal"),
    # One folder per yearly edition: its record (edition.yml) and its plan types' wording.
    ("editions/*/edition.yml", "edition"),
    ("editions/*/plan-types/*.yml", "plan-type"),
    ("units/*.yml", "units"),  # unit lists: a draft plan per unit and plan type (units.py)
    ("plans/**/*.yml", "plan"),
    # The draft checker's patterns (load/draft_rules.py; the page Kiểm tra bản thảo, `macros lint`).
    ("kiem-tra-ban-thao.yml", "draft-rules"),
)
REQUIRED = (("levels", "danh mục cấp ban hành"), ("roles", "danh mục vai trò (cơ quan, lực lượng được giao việc)"))


def read_files(ctx: LoadContext) -> None:
    """Every data file, parsed with the line of each value, its text in NFC."""
    ctx.sources = {kind: [] for _, kind in LAYOUT}
    read = set()
    for pattern, kind in LAYOUT:
        for path in sorted(ctx.data_dir.glob(pattern)):
            read.add(path)
            src, found = yaml_source.read(path, ctx.root)
            ctx.problems.extend(found)
            if src is not None:
                src.data = nfc(src.data)
                ctx.sources[kind].append(src)
    _files_not_read(ctx, read)
    for name, what in REQUIRED:
        if not ctx.sources[name] and not any(p.file.endswith(f"{name}.yml") for p in ctx.problems):
            ctx.problems.append(DataProblem(f"{ctx.data_dir.name}/{name}.yml", 0, "", f"thiếu tệp {what}"))


def _files_not_read(ctx: LoadContext, read: set) -> None:
    """A file under data/ that no pattern of LAYOUT reads would be ignored without a word
    (data/role.yml, a plan saved as .yaml): each is a problem, with what it should be."""
    known = [
        "levels.yml",
        "roles.yml",
        "legal/<tên>.yml",
        "editions/<năm>/edition.yml",
        "editions/<năm>/plan-types/<mã loại>.yml",
        "units/<mã danh sách>.yml",
        "plans/<năm>/<mã kế hoạch>.yml",
        "kiem-tra-ban-thao.yml",
    ]
    for path in sorted(ctx.data_dir.rglob("*")):
        rel = path.relative_to(ctx.data_dir)
        if path in read or path.is_dir() or any(part.startswith(".") for part in rel.parts):
            continue
        shown = f"{ctx.data_dir.name}/{rel.as_posix()}"
        if path.suffix.lower() in (".yml", ".yaml") and path.suffix != ".yml":
            hint = f"đuôi tệp '{path.suffix}' không được đọc: đổi thành '.yml'"
        else:
            hint = f"tệp nằm ngoài các chỗ dữ liệu được đọc{did_you_mean(rel.as_posix(), [*LAYOUT_FILES, *known])}; các chỗ: {', '.join(known)}"
        ctx.problems.append(DataProblem(shown, 0, "", f"tệp không được đọc, nội dung sẽ bị bỏ qua: {hint}"))


# Fixed file names of LAYOUT, for hints about a misspelt one.
LAYOUT_FILES = [pattern for pattern, _ in LAYOUT if "*" not in pattern]


def read_levels(ctx: LoadContext) -> None:
    for src in ctx.sources["levels"]:
        model = validate(schema.LevelsFile, src, ctx.problems)
        for i, level in enumerate(model.levels if model else []):
            if level.id in ctx.levels:
                ctx.problems.add(src, ("levels", i, "id"), f"mã cấp '{level.id}' bị trùng")
            ctx.levels[level.id] = level
    ctx.levels_broken = any(p.file.endswith("levels.yml") for p in ctx.problems)


def read_roles(ctx: LoadContext) -> None:
    for src in ctx.sources["roles"]:
        model = validate(schema.RolesFile, src, ctx.problems)
        for i, role in enumerate(model.roles if model else []):
            if role.id in ctx.roles:
                ctx.problems.add(src, ("roles", i, "id"), f"mã vai trò '{role.id}' bị trùng")
            ctx.roles[role.id] = role
        ctx.ended_levels += model.ended_levels if model else []
        ctx.roles_src = src
        if model and not ctx.levels_broken:
            _check_levels(ctx, src, model)
    ctx.roles_broken = any(p.file.endswith("roles.yml") for p in ctx.problems)


def _check_levels(ctx: LoadContext, src: yaml_source.Source, model: schema.RolesFile) -> None:
    """A role's level, and an ended level, are levels of data/levels.yml (a school, a ministry…)."""
    levels = ctx.levels
    at = [(("roles", i, "level"), r.level) for i, r in enumerate(model.roles)]
    at += [(("ended_levels", i, "level"), e.level) for i, e in enumerate(model.ended_levels)]
    for loc, level in at:
        if level not in levels:
            ctx.problems.add(
                src,
                loc,
                f"cấp '{level}' không có trong data/levels.yml{did_you_mean(level, levels)}; "
                f"có: {', '.join(levels)} (thêm cấp mới vào data/levels.yml, với 'name' và 'description')",
            )


def read_legal(ctx: LoadContext) -> None:
    """The registry of legal documents (before plans and plan types, which cite it)."""
    problems, registry = ctx.problems, ctx.registry
    ctx.legal_broken = problems.under("legal")
    for src in ctx.sources["legal"]:
        model = validate(schema.LegalFile, src, problems)
        ctx.legal_broken |= model is None
        checks.check_text(src, problems, None, {})
        for i, doc in enumerate(model.documents if model else []):
            if doc.id in registry:
                other, j = ctx.legal_src[doc.id]
                problems.add(
                    src,
                    ("documents", i, "id"),
                    f"mã văn bản '{doc.id}' bị trùng với {other.file}:{other.line_of(('documents', j, 'id'))}",
                )
                continue
            registry[doc.id] = doc
            ctx.legal_src[doc.id] = (src, i)
    for doc_id, (src, i) in ctx.legal_src.items():
        for j, rel in enumerate(registry[doc_id].relations):
            if rel.target not in registry and not ctx.legal_broken:
                problems.add(
                    src,
                    ("documents", i, "relations", j, "target"),
                    f"văn bản '{rel.target}' không có trong danh mục{did_you_mean(rel.target, registry)}",
                )
            elif rel.target == doc_id:
                problems.add(src, ("documents", i, "relations", j, "target"), "văn bản không thể quan hệ với chính nó")


def check_references(ctx: LoadContext) -> None:
    """What the registries say about plans and plan types (not re-blamed when those files have errors)."""
    problems, all_types, plan_src = ctx.problems, ctx.all_type_ids(), ctx.plan_src
    plans_broken = problems.under("plans")
    for doc_id, (src, i) in ctx.legal_src.items():
        doc = ctx.registry[doc_id]
        for j, pt_id in enumerate(doc.plan_types):
            if pt_id not in all_types and not ctx.editions_broken:
                problems.add(
                    src,
                    ("documents", i, "plan_types", j),
                    f"loại kế hoạch '{pt_id}' không có trong data/editions/*/plan-types/{did_you_mean(pt_id, all_types)}",
                )
        if not plans_broken:
            _check_plan_sources(ctx, src, i, doc)
    if ctx.roles_src is not None and not plans_broken:
        for i, role in enumerate(ctx.roles.values()):
            for j, duty in enumerate(role.duties):
                if duty.plan not in plan_src:
                    problems.add(
                        ctx.roles_src,
                        ("roles", i, "duties", j, "plan"),
                        f"kế hoạch '{duty.plan}' không có trong data/plans/{did_you_mean(duty.plan, plan_src)}",
                    )
    for meta, src in ctx.editions.values():
        for i, priority in enumerate(meta.priorities):
            if priority.plan and priority.plan not in plan_src and not plans_broken:
                problems.add(
                    src,
                    ("priorities", i, "plan"),
                    f"kế hoạch '{priority.plan}' không có trong data/plans/{did_you_mean(priority.plan, plan_src)}",
                )


def _check_plan_sources(ctx: LoadContext, src: yaml_source.Source, i: int, doc: schema.LegalDocument) -> None:
    """A source that is a sample plan exists; a number variant's plan also writes that number."""
    for key, items in (("sources", doc.sources), ("number_variants", doc.number_variants)):
        for j, source in enumerate(items):
            if not source.plan:
                continue
            loc = ("documents", i, key, j, "plan")
            plan_src = ctx.plan_src.get(source.plan)
            if plan_src is None:
                ctx.problems.add(
                    src,
                    loc,
                    f"kế hoạch '{source.plan}' không có trong data/plans/{did_you_mean(source.plan, ctx.plan_src)}",
                )
            elif key == "number_variants" and not any(source.number in v for _, v in strings(plan_src.data)):
                ctx.problems.add(
                    src,
                    loc,
                    f"kế hoạch '{source.plan}' ({plan_src.file}) không ghi số '{source.number}'; nguồn của một "
                    "cách ghi số là kế hoạch hay trang ghi đúng số đó",
                )
