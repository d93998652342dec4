"""python -m macros …: the maintenance commands (tools/cli.py)."""

import sys

from .tools.cli import main

sys.exit(main(sys.argv[1:]))
