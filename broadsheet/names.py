"""File names as lines print them and as file systems take them.

A name may hold any byte but `/` and NUL: a newline in it must not start a line of its own in a
log (`printable`), and a name that fits as the input's may be too long once an output suffix is
added (`fit`, `shortened`).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

# Where the file system does not say (os.pathconf): Linux's limit, and that of most others.
DEFAULT_NAME_MAX = 255
# Hex digits of the whole name's hash that a shortened name ends in: 32 bits keep apart the names
# one folder holds (a run refuses the rare pair that still clashes).
HASH_DIGITS = 8

# C0 and C1 controls, DEL, and the line and paragraph separators some terminals break lines at
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` for one printed line: control characters as `\\n`, `\\x1b`, `\\u2028`..., so no file
    name can end the line or forge another one."""
    return _CONTROL.sub(lambda m: _SHORT_ESCAPES.get(m[0]) or m[0].encode("unicode_escape").decode(), text)


def name_max(folder: Path) -> int:
    """The longest file name, in bytes, that `folder`'s file system takes (a folder not yet made:
    its nearest existing parent's)."""
    for existing in (folder, *folder.parents):
        try:
            return os.pathconf(existing, "PC_NAME_MAX")
        except FileNotFoundError:
            continue
        except (OSError, ValueError):
            break
    return DEFAULT_NAME_MAX


def name_bytes(name: str) -> int:
    return len(os.fsencode(name))


def fit(name: str, room: int) -> str:
    """The start of `name` that takes at most `room` bytes on disk, cut between characters."""
    while name and name_bytes(name) > room:
        name = name[:-1]
    return name


def shortened(name: str, room: int) -> str:
    """`name` when it fits in `room` bytes, else its start and a hash of all of it (`start~1a2b3c4d`),
    so two long names that differ only in their ends still differ."""
    if name_bytes(name) <= room:
        return name
    digest = hashlib.sha256(os.fsencode(name)).hexdigest()[:HASH_DIGITS]
    return f"{fit(name, room - HASH_DIGITS - 1)}~{digest}"
