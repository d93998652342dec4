"""'Soạn kế hoạch cho đơn vị của bạn': a plan type's drafting form, filled and downloaded in the browser.

The page holds the form, and the plan type's document in the official form with a token
(model/draft.py) where each fact of the unit goes; draft.js replaces the tokens as the
reader types, and fills the same tokens in the fillable Word form made at build time
(export/draft_form.py). The official list of units is a script only this page loads.
Nothing is sent anywhere: the page works from a folder or a zip.
"""

from __future__ import annotations

from ...export import draft_form
from ...load import official_units
from ...model import draft, text
from ...model.catalogue import Catalogue
from ...model.official import OfficialUnits
from ...model.wording import level_wording
from .. import urls
from ..jinja import plan_template, render

# Where the official list and the fillable documents are kept on the MkDocs config of their
# build (made once per build, shared by the pages and the files; nothing outlives the build).
CONFIG_KEY = "ke_hoach_official_units"
FORMS_KEY = "ke_hoach_fillable_forms"
COMMUNE_LEVEL = "xa"
# What the commune level's issuer and signature read, as in the unit lists (data/units/).
COMMUNE_DEFAULTS = {
    "issuer": "ỦY BAN NHÂN DÂN {KIND} {NAME}",
    "issuer_short": "UBND {kind} {name}",
    "place": "{name}",
    "sig_authority": "TM. ỦY BAN NHÂN DÂN",
    "sig_title": "CHỦ TỊCH",
}


def official(config) -> OfficialUnits:
    """The official list of units of this build: read from the package once, then shared."""
    found = config.get(CONFIG_KEY)
    if found is None:
        found = official_units.read()
        config[CONFIG_KEY] = found
    return found


def forms(config, cat: Catalogue, plan_type_id: str) -> draft_form.Forms:
    """A plan type's distinct fillable documents (model/draft.fillable), one per wording: levels that
    print the same document share it. Resolved once per build, kept on the build's config."""
    kept = config.get(FORMS_KEY)
    if kept is None:
        kept = config[FORMS_KEY] = {}
    if plan_type_id not in kept:
        pt = cat.plan_types[plan_type_id]
        out: draft_form.Forms = []
        for v in pt.levels:
            doc = draft.fillable(pt, v.level, cat.current.year, cat.legal, cat.roles)
            same = next((i for i, (_, _, d) in enumerate(out) if d == doc), None)
            if same is None:
                out.append((v.level, (v.level,), doc))
            else:
                key, levels, _ = out[same]
                out[same] = (key, (*levels, v.level), doc)
        kept[plan_type_id] = out
    return kept[plan_type_id]


def _data_date(value: str) -> str:
    y, m, d = value.split("-")
    return f"{d}/{m}/{y}"


def draft_page(cat: Catalogue, units: OfficialUnits, plan_type_id: str, fillable: draft_form.Forms) -> text.Md:
    """fillable: the type's distinct fillable documents (forms()); each shows as a preview, the one
    of the chosen level visible."""
    pt = cat.plan_types[plan_type_id]
    here = urls.draft_path(pt.id)
    previews = [
        (
            " ".join(levels),
            draft.has_wording(pt, levels[0]),
            render(plan_template(pt.id), doc=doc, plan=None, here=here, registry=cat.legal, notes=()),
        )
        for _, levels, doc in fillable
    ]
    scripts = [
        urls.relative(here, p)
        for p in (urls.FFLATE_SCRIPT, urls.DRAFT_UNITS_SCRIPT, urls.draft_form_script(pt.id), urls.DRAFT_SCRIPT)
    ]
    first = pt.levels[0].level
    return render(
        "pages/draft.md",
        pt=pt,
        year=cat.current.year,
        previews=previews,
        scripts=scripts,
        levels=[(v.level, cat.levels[v.level].name) for v in pt.levels],
        commune=COMMUNE_LEVEL,
        defaults=COMMUNE_DEFAULTS,
        provinces=units.provinces,
        units=units,
        data_date=_data_date(units.data_version),
        symbol=level_wording(pt, first).defaults.symbol or "KH-",
        type_link=urls.relative(here, urls.plan_type_path(pt.id)),
        total=len(units.communes),
        contact=any(draft.token(draft.CONTACT) in t for _, _, doc in fillable for t in doc.texts()),
    )
