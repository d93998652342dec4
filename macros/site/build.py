"""One build: the catalogue loaded once, and the switches read once from mkdocs.yml.

MkDocs makes a new config object for every build (and every rebuild under
`mkdocs serve`), and hands it to every hook and to mkdocs-macros. The Build is
kept on that object, so each build loads data/ exactly once and nothing
outlives it: no module-level state.
"""

from __future__ import annotations

import dataclasses
import pathlib

from mkdocs.exceptions import PluginError

from ..export import files as outputs
from ..export.writer import Writer
from ..load import DataErrors, load
from ..model.catalogue import Catalogue

# Where the Build is kept on the MkDocs config of its build.
CONFIG_KEY = "ke_hoach_build"
# extra.downloads in mkdocs.yml (PLAN_DOWNLOADS=false in the environment): Word and text files.
DOWNLOADS_KEY = "downloads"


@dataclasses.dataclass(frozen=True)
class Build:
    cat: Catalogue
    # Make the Word and text files of every plan (and blank forms), and link them.
    downloads: bool
    # Writes the downloads and calendars to site/ (a second process while pages render).
    writer: Writer

    @staticmethod
    def of(config) -> Build:
        """The build of this MkDocs config: made by whichever hook asks first, then shared."""
        build = config.get(CONFIG_KEY)
        if build is None:
            data_dir = pathlib.Path(config["config_file_path"]).parent / "data"
            try:
                cat = load(data_dir)
            except DataErrors as exc:
                # MkDocs prints a PluginError's text and exits non-zero, without a traceback.
                raise PluginError(str(exc)) from None
            value = (config.get("extra") or {}).get(DOWNLOADS_KEY, True)
            downloads = value not in (False, 0, "false", "0", "no", "off")
            build = Build(cat, downloads, Writer(lambda: outputs.word_maker(cat)))
            config[CONFIG_KEY] = build
        return build
