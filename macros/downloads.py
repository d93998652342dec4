"""Files a reader downloads: the Word and text file of every plan, and a blank Word
form of every plan type for each level that uses it.

Each file lives next to the pages that link it (ke-hoach/<type>/…), is made from
the catalogue of the build (loaded once) and added to the build as a generated
file, so MkDocs copies it into site/ and checks every link to it. Setting
`extra.downloads: false` in mkdocs.yml (or PLAN_DOWNLOADS=false in the
environment) builds the site without them, and without the links.
"""
from __future__ import annotations

import dataclasses
from typing import Iterator

from . import export_docx, export_text, render, schema
from .catalogue import Catalogue

CONFIG_KEY = "downloads"
# The author of the guidance comments in a blank form.
GUIDANCE_AUTHOR = "Hướng dẫn soạn thảo"

DOCX_LABEL = "Tải bản Word (.docx)"
TEXT_LABEL = "Tải bản văn bản (.txt)"
BLANK_LABEL = "Tải mẫu trống (.docx)"


@dataclasses.dataclass(frozen=True)
class Download:
    label: str
    path: str           # relative to docs/, like a page's source path

    @property
    def filename(self) -> str:
        return self.path.rsplit("/", 1)[-1]


def enabled(config) -> bool:
    value = (config.get("extra") or {}).get(CONFIG_KEY, True)
    return value not in (False, 0, "false", "0", "no", "off")


def plan_files(plan: schema.Plan) -> tuple[Download, Download]:
    base = f"{render.PLANS_URL}/{plan.plan_type}/{plan.id}"
    return Download(DOCX_LABEL, f"{base}.docx"), Download(TEXT_LABEL, f"{base}.txt")


def blank_file(plan_type_id: str, level_id: str) -> Download:
    return Download(BLANK_LABEL, f"{render.PLANS_URL}/{plan_type_id}/mau-trong-{plan_type_id}-{level_id}.docx")


def _plan_properties(cat: Catalogue, plan: schema.Plan) -> export_docx.Properties:
    d = cat.documents[plan.id]
    return export_docx.Properties(title=d.title, subject=cat.plan_types[plan.plan_type].name,
                                  keywords=f"{render.issuer_label(plan)}, {plan.year}")


def generate(cat: Catalogue) -> Iterator[tuple[str, bytes]]:
    """(path under docs/, content) of every download."""
    for plan in cat.plans.values():
        d = cat.documents[plan.id]
        word, plain = plan_files(plan)
        yield word.path, export_docx.write(d, _plan_properties(cat, plan))
        yield plain.path, export_text.write(d).encode("utf-8")
    for pt in cat.plan_types.values():
        form = cat.type_samples[pt.id]
        for variant in pt.levels:
            level = cat.levels[variant.level]
            notes = export_docx.Notes(author=GUIDANCE_AUTHOR, title=(f"{level.name}: {variant.guidance}",),
                                      parts={s.id: tuple(s.guidance) for s in pt.sections})
            props = export_docx.Properties(title=f"Mẫu {pt.name} ({level.name})", subject=pt.name,
                                           keywords=f"mẫu trống, {level.name}")
            yield blank_file(pt.id, variant.level).path, export_docx.write(form, props, notes)
