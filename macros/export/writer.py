"""A build's downloads (Word, text, calendar files of every plan, blank forms) written
straight to disk by a second process while MkDocs renders the pages in the first.

Why: MkDocs is single-threaded; a build of thousands of plans leaves the second core
idle. The pages do not need the downloads' bytes (only their addresses), so the
files are made and written apart, each as soon as it is made: none is held in
memory until MkDocs would copy it. The process is forked once MkDocs has cleaned
the site directory (on_files); it inherits the catalogue, so nothing is pickled but
the result. Where fork does not exist, the files are written in this process, when
the pages are done. A build that fails first leaves the process to finish (MkDocs's
on_build_error has no config to find it by); it is a daemon, ended when MkDocs exits.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import time
import traceback
from collections.abc import Callable

from . import word_cache
from .files import Make


class WriteError(Exception):
    """A download could not be made; the text is the second process's traceback."""


@dataclasses.dataclass(frozen=True)
class Stats:
    files: int  # every download written
    word_files: int
    word_seconds: float  # CPU seconds making Word files (word_cache.Maker)
    templates: int  # Word templates made (python-docx runs)
    cpu_seconds: float  # CPU seconds making and writing every download
    seconds: float  # wall seconds from the first download to the last
    background: bool  # in a second process


def _write_all(jobs: list[tuple[str, Make]], maker: word_cache.Maker) -> tuple:
    start, cpu = time.perf_counter(), time.process_time()
    for path, make in jobs:
        data = make(maker)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    return (
        len(jobs),
        maker.files,
        maker.seconds,
        maker.templates,
        time.process_time() - cpu,
        time.perf_counter() - start,
    )


def _child(jobs, maker, conn) -> None:
    try:
        conn.send(("ok", _write_all(jobs, maker)))
    except BaseException:  # noqa: BLE001 - everything goes back to the build, which fails with it
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()


class Writer:
    """The downloads of one build: added while the files are listed, written from start() on."""

    def __init__(self, maker: Callable[[], word_cache.Maker]):
        self._new_maker = maker
        self._maker: word_cache.Maker | None = None  # this process's, for a file read here
        self._jobs: list[tuple[str, Make]] = []
        self._process = None
        self._conn = None

    def add(self, path: str, make: Make) -> None:
        self._jobs.append((path, make))

    def make(self, make: Make) -> bytes:
        """One file's bytes, made here (for a plugin that reads a download)."""
        if self._maker is None:
            self._maker = self._new_maker()
        return make(self._maker)

    def start(self) -> None:
        if not self._jobs or "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(self._jobs, self._new_maker(), child), daemon=True)
        self._process.start()
        child.close()

    def finish(self) -> Stats:
        """Wait for every download to be on disk (or write them now); WriteError if one failed."""
        if self._process is None:
            return Stats(*_write_all(self._jobs, self._new_maker()), background=False)
        try:
            status, value = self._conn.recv()
        except EOFError:
            status, value = "error", f"the process writing the downloads ended with code {self._process.exitcode}"
        self._process.join()
        self._process = None
        if status != "ok":
            raise WriteError(value)
        return Stats(*value, background=True)

    def stop(self) -> None:
        """The build failed: end the writing process, if any."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._process = None
