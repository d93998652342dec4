"""Which wording of a plan type a plan at a given level takes: defaults and sample parts.

A plan type's sample wording and defaults were written from one real plan, of one level
(its sample_level). A plan at that level takes them; a plan at another level takes only
what the type's 'levels' entry for its level holds (its own defaults and samples, from a
real plan of that level), and otherwise writes its own or gets a message naming the key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from . import schema


@dataclasses.dataclass(frozen=True)
class LevelWording:
    """The defaults and sample wording a plan at one level takes from its type.

    A type's own wording (sections[].sample, defaults) was written for its sample_level; a
    plan at another level never takes it (a province's plan must not give tasks to 'Công an
    xã'): it takes what the type's 'levels' entry for its level holds, or writes its own.
    """

    level: str | None
    defaults: schema.Defaults
    samples: Mapping[str, list]  # section id -> blocks
    borrowed: bool  # True: the type's own wording is of another level and was left out
    index: int | None  # the level's entry in the type's 'levels'
    own_keys: frozenset[str] = frozenset()  # defaults the level's entry writes (with no value: "none")


def level_wording(plan_type: schema.PlanType, level: str | None) -> LevelWording:
    """level None: the type's sample level (its page, its blank form)."""
    index = next((i for i, v in enumerate(plan_type.levels) if v.level == level), None)
    variant = plan_type.levels[index] if index is not None else None
    shared = plan_type.sample_level is None or level is None or level == plan_type.sample_level
    defaults = plan_type.defaults if shared else schema.Defaults()
    samples = {s.id: s.sample for s in plan_type.sections} if shared else {}
    own_keys: frozenset[str] = frozenset()
    if variant is not None:
        if variant.defaults is not None:
            own = variant.defaults
            own_keys = frozenset(own.model_fields_set)
            defaults = defaults.model_copy(update={k: getattr(own, k) for k in own_keys})
        samples |= variant.samples
    return LevelWording(level, defaults, samples, not shared, index, own_keys)


def elsewhere(plan_type: schema.PlanType, wording: LevelWording) -> str:
    """Why a plan at another level has no default wording (the start of a message)."""
    return (
        f"nội dung mẫu và giá trị mặc định của loại kế hoạch '{plan_type.id}' viết cho cấp "
        f"'{plan_type.sample_level}', không dùng cho cấp '{wording.level}'"
    )
