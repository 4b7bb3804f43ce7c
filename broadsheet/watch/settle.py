"""When a file in the inbox is complete: its size, mtime and inode have held still long enough.

Events alone cannot tell: a slow copy sends many, an atomic move one, and a writer may pause.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

OPEN_RETRIES = 3  # settle periods a stable file may fail to open before it counts as damaged
MAX_SETTLE = 3600.0  # s: a writer still for an hour is done; longer, and a dropped file waits unseen

Signature = tuple[int, int, int]  # size, mtime_ns, inode


def signature(info: os.stat_result) -> Signature:
    return info.st_size, info.st_mtime_ns, info.st_ino


def current_signature(path: Path) -> Signature | None:
    """None when the file is gone or is no longer a regular file (swapped for a symlink or fifo)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return signature(info) if stat.S_ISREG(info.st_mode) else None


@dataclass
class _Settling:
    signature: Signature
    since: float  # when the signature was last seen to change
    open_failures: int = 0


class SettleTracker:
    """Files on their way in. One is due once its signature has not changed for `settle` seconds;
    a due file that does not open yet gets `open_retries` more periods (a writer that pauses longer
    than `settle`) before it counts as damaged."""

    def __init__(self, settle: float, open_retries: int = OPEN_RETRIES,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.settle = settle
        self.open_retries = open_retries
        self._clock = clock
        self._files: dict[Path, _Settling] = {}

    def __contains__(self, path: Path) -> bool:
        return path in self._files

    def __len__(self) -> int:
        return len(self._files)

    def add(self, path: Path, signature: Signature) -> None:
        """Start the wait for a new file; one already waiting keeps its place."""
        if path not in self._files:
            self._files[path] = _Settling(signature, self._clock())

    def discard(self, path: Path) -> None:
        self._files.pop(path, None)

    def due(self, current: Callable[[Path], Signature | None] = current_signature,
            ) -> list[tuple[Path, Signature | None]]:
        """Files to act on now: (path, None) for one that is gone or no longer a regular file
        (forgotten: look at it again), (path, signature) for one that has held still long enough
        (kept until `discard` or `opened_too_often`)."""
        now = self._clock()
        found: list[tuple[Path, Signature | None]] = []
        for path, settling in list(self._files.items()):
            signature = current(path)
            if signature is None:
                del self._files[path]
                found.append((path, None))
            elif signature != settling.signature:
                settling.signature, settling.since = signature, now
            elif now - settling.since >= self.settle:
                found.append((path, signature))
        return found

    def opened_too_often(self, path: Path) -> bool:
        """A due file did not open: False while it gets another settle period, True (and forgotten)
        once it has failed `open_retries` times."""
        settling = self._files[path]
        settling.open_failures += 1
        if settling.open_failures < self.open_retries:
            settling.since = self._clock()
            return False
        del self._files[path]
        return True
