"""Reading data/: YAML with line numbers, validation, checks, problems worded for maintainers.

load() is the only way in: it runs the steps of catalogue.STEPS over one
LoadContext and returns model.catalogue.Catalogue, or raises DataErrors
(problems.py) listing every problem. Nothing here imports MkDocs.
"""

from .catalogue import PROJECT_DIR, load
from .problems import DataErrors, DataProblem
