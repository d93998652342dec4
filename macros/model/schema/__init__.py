"""The shape of every file under data/.

Descriptions are in Vietnamese: they are shown to maintainers in the key
reference page (huong-dan/tham-chieu-du-lieu) and in editors, through the
JSON Schema files generated from these models (python -m macros schema).
"""

from __future__ import annotations

from .base import SLUG_PATTERN, IsoDate, Model, PageId, PlanId, Slug, Sourced, Text, Url, reserved_id_problem
from .blocks import Assignment, Block, Bullet, Bullets, Item, Items, SubBullet
from .draft_check import DraftRules
from .edition import CHANGE_KINDS, Change, Edition, SourcedText
from .form import (
    AUTHORITY,
    DEADLINE_KINDS,
    AnnexTo,
    Contact,
    Deadline,
    IssueDate,
    Issuer,
    Recipient,
    RecipientGroup,
    SectionContent,
    Signature,
    Source,
)
from .legal import (
    LEGAL_KINDS,
    LEGAL_STATUSES,
    LegalDocument,
    LegalFile,
    LegalRelation,
    LegalSource,
    LegalStatus,
    NumberVariant,
)
from .plan import Plan
from .plan_type import Defaults, FieldDef, LevelVariant, PlanType, SectionType
from .registries import Duty, EndedLevel, Level, LevelsFile, Role, RolesFile
from .units import UNIT_PATTERN_FIELDS, Unit, UnitIssuer, UnitListFile, UnitListPlanType, UnitPlanSettings

# Files under data/ and the model each one holds (also the JSON Schema files written).
FILE_MODELS = {
    "plan-type": PlanType,
    "plan": Plan,
    "levels": LevelsFile,
    "legal": LegalFile,
    "roles": RolesFile,
    "edition": Edition,
    "units": UnitListFile,
    "draft-rules": DraftRules,
}
