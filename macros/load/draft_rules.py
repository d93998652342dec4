"""Step: data/kiem-tra-ban-thao.yml, the draft checker's patterns, validated with file:line problems.

The patterns are data like the rest, so a mistake in them stops the build and `make check`
the same way; model/draft_check.compile_rules joins them to the catalogue for the page
Kiểm tra bản thảo and `python -m macros lint`. Their plan type ids must be the current
edition's, their levels those of ended_levels in data/roles.yml.
"""

from __future__ import annotations

from ..model import schema
from .context import LoadContext
from .problems import DataProblem, did_you_mean
from .validate import validate

RULES_FILE = "kiem-tra-ban-thao.yml"


def read_draft_rules(ctx: LoadContext) -> None:
    sources = ctx.sources.get("draft-rules") or []
    if not sources:
        if not any(p.file.endswith(RULES_FILE) for p in ctx.problems):
            ctx.problems.append(
                DataProblem(f"{ctx.data_dir.name}/{RULES_FILE}", 0, "", "thiếu tệp quy tắc kiểm tra bản thảo")
            )
        return
    src = sources[0]
    rules = validate(schema.DraftRules, src, ctx.problems)
    if rules is None:
        return
    if ctx.editions and not ctx.editions_broken:
        current = ctx.edition_types.get(max(ctx.editions), {})
        for i, match in enumerate(rules.plan_types):
            pt = current.get(match.id)
            if pt is None:
                message = f"loại kế hoạch '{match.id}' không có trong ấn bản hiện hành{did_you_mean(match.id, current)}"
                ctx.problems.add(src, ("plan_types", i, "id"), message)
                continue
            sections = {s.id for s in pt.sections}
            for part in match.parts:
                if part not in sections:
                    message = f"phần '{part}' không có trong loại '{match.id}'{did_you_mean(part, sections)}"
                    ctx.problems.add(src, ("plan_types", i, "parts", part), message)
    if not ctx.roles_broken:
        ended = {e.level for e in ctx.ended_levels}
        for i, names in enumerate(rules.ended_level_names):
            if names.level not in ended:
                message = f"cấp '{names.level}' không có trong ended_levels của data/roles.yml{did_you_mean(names.level, ended)}"
                ctx.problems.add(src, ("ended_level_names", i, "level"), message)
    ctx.draft_rules = rules
