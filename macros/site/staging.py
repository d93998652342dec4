"""A build that fails leaves site/ as it was.

MkDocs empties site_dir right after on_pre_build and aborts a --strict build only after
writing every file (its warning count is read after on_post_build). So the build writes
into a staging folder beside site_dir, and the staging folder replaces site_dir only at the
end of a build that logged no warning under --strict; a failed build removes it. Under
`mkdocs serve` the same happens in serve's own folder, so a broken rebuild keeps the last
good pages on screen.
"""

from __future__ import annotations

import logging
import os
import pathlib
import shutil
import tempfile
import weakref

from mkdocs.utils import CountHandler

# Where the real site_dir of this build is kept on its MkDocs config.
TARGET_KEY = "ke_hoach_site_dir"


def begin(config) -> None:
    """on_config: build into a new folder beside site_dir (one file system: renames are atomic).

    The folder is removed when the build's config is dropped, whatever happened: after a
    successful build it is already site_dir, so only a failed build's folder goes."""
    if config.get(TARGET_KEY):
        return
    target = pathlib.Path(config["site_dir"])
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = tempfile.mkdtemp(prefix=f"{target.name}.building-", dir=target.parent)
    os.chmod(staged, 0o755)  # mkdtemp makes it private; a published site is read by the web server
    config[TARGET_KEY] = str(target)
    config["site_dir"] = staged
    weakref.finalize(config, shutil.rmtree, staged, True)


def _strict_failed(config) -> bool:
    if not config.get("strict"):
        return False
    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)


def finish(config) -> None:
    """on_post_build: put the staged site in place, unless --strict is about to abort the build."""
    staged, target = pathlib.Path(config["site_dir"]), config.get(TARGET_KEY)
    if not target or staged == pathlib.Path(target):
        return
    if _strict_failed(config):
        shutil.rmtree(staged, ignore_errors=True)
        return
    target = pathlib.Path(target)
    old = staged.with_name(f"{staged.name}.old")
    if target.exists():
        target.rename(old)
    staged.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    config["site_dir"] = str(target)
