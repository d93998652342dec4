"""A ZIP archive (the container of a .docx) that is the same bytes every build, from parts
compressed once.

zipfile stamps every entry with the time it is written and compresses every part again;
a Word package's styles (about 800 kB of XML, the same in every file) would be
compressed thousands of times a build. Here a part is deflated once (deflate) and its
compressed bytes are reused; entries carry the date given, in the order given.
The format is the plain one of APPNOTE.TXT (no ZIP64: a .docx is far below 4 GB).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import struct
import zlib
from collections.abc import Iterable

LEVEL = 6  # zlib's default, as zipfile and python-docx use
_VERSION = 20  # 2.0: deflate
_UNIX_FILE = 0o100644 << 16  # external attributes: a regular file, rw-r--r--


@dataclasses.dataclass(frozen=True)
class Entry:
    """A part deflated once: its raw deflate stream, CRC-32 and uncompressed size."""

    data: bytes
    crc: int
    size: int


def deflate(data: bytes) -> Entry:
    c = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return Entry(c.compress(data) + c.flush(), zlib.crc32(data), len(data))


def _dos(when: dt.datetime) -> tuple[int, int]:
    year = min(max(when.year, 1980), 2107)  # the range a DOS date holds
    date = (year - 1980) << 9 | when.month << 5 | when.day
    time = when.hour << 11 | when.minute << 5 | when.second // 2
    return time, date


def pack(entries: Iterable[tuple[str, Entry]], when: dt.datetime) -> bytes:
    """The archive of (name, entry), in that order, every entry dated `when`."""
    time, date = _dos(when)
    body, directory = bytearray(), bytearray()
    count = 0
    for name, e in entries:
        raw = name.encode("utf-8")
        flags = 0x800 if not raw.isascii() else 0  # bit 11: the name is UTF-8
        common = struct.pack("<HHHHHIII", _VERSION, flags, 8, time, date, e.crc, len(e.data), e.size)
        directory += struct.pack("<IH", 0x02014B50, 0x0300 | _VERSION) + common
        directory += struct.pack("<HHHHHII", len(raw), 0, 0, 0, 0, _UNIX_FILE, len(body)) + raw
        body += struct.pack("<I", 0x04034B50) + common + struct.pack("<HH", len(raw), 0) + raw + e.data
        count += 1
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), len(body), 0)
    return bytes(body + directory + end)
