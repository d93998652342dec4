"""Walkers over raw YAML data (before validation): every string, every mapping, a subtree.

Checks that must point at the line a value was written on (phone numbers,
fill-ins, citations, role ids) walk the raw data, whose paths map to lines.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator


def nfc(value: object) -> object:
    """Vietnamese text is compared and printed in NFC, whatever the editor saved."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {nfc(k): nfc(v) for k, v in value.items()}
    return value


def strings(value: object, loc: tuple = (), dates: bool = False) -> Iterator[tuple[tuple, str]]:
    """Every string in raw data with its path; with dates, also each date YAML read as one
    (an unquoted 2026-05-30), as its text."""
    if isinstance(value, str):
        yield loc, value
    elif dates and isinstance(value, dt.date):
        yield loc, value.isoformat()
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from strings(v, loc + (i,), dates)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings(v, loc + (k,), dates)


def walk_dicts(value: object, loc: tuple = ()) -> Iterator[tuple[tuple, dict]]:
    """Every mapping in raw data with its path."""
    if isinstance(value, dict):
        yield loc, value
        for k, v in value.items():
            yield from walk_dicts(v, loc + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk_dicts(v, loc + (i,))


def subtree(data: object, loc: tuple) -> object:
    """The value at a path, or None when the path does not exist."""
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def loc_of(data: object, needle: str, base: tuple = ()) -> tuple | None:
    """Path under base of the first string that contains needle."""
    for loc, value in strings(subtree(data, base)):
        if needle in value:
            return base + loc
    return None


def scalars(value: object, loc: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """Every key and scalar value in raw data with its path (a key at its own path)."""
    if isinstance(value, list):
        for i, v in enumerate(value):
            yield from scalars(v, loc + (i,))
    elif isinstance(value, dict):
        for k, v in value.items():
            yield loc + (k,), k
            yield from scalars(v, loc + (k,))
    else:
        yield loc, value
