"""The inbox's security policy: which paths the watcher never reads, and which it refuses.

A shared inbox holds whatever anyone drops into it. Each check below is one rule; `InboxPolicy`
applies them in order (after OCRmyPDF's `_watcher_security.py`). Ignored paths are passed over
in silence; refused ones get a log line and, when that is safe, are moved unopened to FAILED.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from broadsheet.batch import check_input_folder
from broadsheet.errors import BadArgsError
from broadsheet.imageio import is_inside
from broadsheet.inputs import is_hidden

# Names other programs give files they are still writing.
TEMP_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".filepart", "~")


@dataclass(frozen=True)
class Refusal:
    reason: str
    movable: bool  # whether moving it to FAILED is safe (it moves as itself, never opened)


SYMLINK = Refusal("symbolic link, not followed", movable=True)
SPECIAL_FILE = Refusal("not a regular file (fifo, device or socket)", movable=True)
# a path through a linked folder: moving it would take a file from outside the inbox
ESCAPES_INBOX = Refusal("resolves outside the inbox", movable=False)


# --- ignored: never read, never refused -----------------------------------------------------

def outside_inbox(path: Path, inbox: Path) -> bool:
    return not path.is_relative_to(inbox) or path == inbox


def in_own_folder(path: Path, own_folders: tuple[Path, ...]) -> bool:
    """Inside OUT, DONE or FAILED: the watcher would read its own outputs (photo crops are images)."""
    return any(path.is_relative_to(d) or is_inside(d, path.parent) for d in own_folders)


def hidden(path: Path, inbox: Path) -> bool:
    return any(is_hidden(part) for part in path.relative_to(inbox).parts)


def temporary(path: Path) -> bool:
    """A partial download or upload: it gets its real name when complete, and is seen then."""
    return path.name.lower().endswith(TEMP_SUFFIXES)


# --- refused: the file itself is what must not be read ---------------------------------------

def refusal(path: Path, info: os.stat_result, inbox: Path) -> Refusal | None:
    """Why `path` (lstat `info`) must not be read, or None: a folder or a regular file inside."""
    if stat.S_ISLNK(info.st_mode):
        return SYMLINK
    if stat.S_ISDIR(info.st_mode):
        return None
    if not stat.S_ISREG(info.st_mode):
        return SPECIAL_FILE  # opening a fifo would hang the watcher
    if not is_inside(inbox, path):
        return ESCAPES_INBOX
    return None


@dataclass(frozen=True)
class InboxPolicy:
    inbox: Path
    own_folders: tuple[Path, ...]  # OUT, DONE and FAILED, wherever they are

    def ignores(self, path: Path) -> bool:
        return (outside_inbox(path, self.inbox) or in_own_folder(path, self.own_folders)
                or hidden(path, self.inbox) or temporary(path))

    def refusal(self, path: Path, info: os.stat_result) -> Refusal | None:
        return refusal(path, info, self.inbox)

    def scans(self, folder: Path) -> bool:
        """A real folder is looked into unless it resolves into one of our own."""
        return not any(is_inside(d, folder) for d in self.own_folders)


def check_inbox(inbox: Path, own_folders: tuple[Path, ...]) -> None:
    check_input_folder(inbox)
    for folder in own_folders:
        if is_inside(folder, inbox):
            # the watcher would read its own outputs (photo crops are images) and moved files
            raise BadArgsError(f"{inbox}: the inbox must not be inside {folder}")
