"""Reading data/kiem-tra-ban-thao.yml, the draft checker's patterns, with file:line problems.

Kept apart from load(): the catalogue does not need these rules, and a mistake in them must
not stop a maintainer's `make check` of the plans. The site build and `python -m macros lint`
read them here (raising DataErrors like load()), then model/draft_check.compile_rules joins
them to the catalogue.
"""

from __future__ import annotations

import pathlib

from ..model import schema
from . import yaml_source
from .catalogue import PROJECT_DIR
from .problems import DataErrors, DataProblem, Problems
from .raw import nfc
from .validate import validate

RULES_FILE = "kiem-tra-ban-thao.yml"


def load_draft_rules(data_dir: pathlib.Path | str | None = None) -> schema.DraftRules:
    data_dir = pathlib.Path(data_dir) if data_dir else PROJECT_DIR / "data"
    problems = Problems()
    path = data_dir / RULES_FILE
    if not path.exists():
        raise DataErrors([DataProblem(f"{data_dir.name}/{RULES_FILE}", 0, "", "thiếu tệp quy tắc kiểm tra bản thảo")])
    src, found = yaml_source.read(path, data_dir.parent)
    problems.extend(found)
    model = None
    if src is not None:
        src.data = nfc(src.data)
        model = validate(schema.DraftRules, src, problems)
    if problems or model is None:
        raise DataErrors(problems)
    return model
