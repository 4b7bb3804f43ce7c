"""Event intake: watchdog names every path that may be new or newly complete; the loop decides."""

from __future__ import annotations

import os
import queue
from collections.abc import Callable, Iterator
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserverVFS


class _Handler(FileSystemEventHandler):
    """Hands each path on to `notify`; runs in watchdog's thread, so it only queues."""

    def __init__(self, notify: Callable[[Path], None]) -> None:
        self._notify = notify

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("created", "closed") or (
                event.event_type == "modified" and not event.is_directory):
            self._notify(Path(os.fsdecode(event.src_path)))
        elif event.event_type == "moved":
            self._notify(Path(os.fsdecode(event.dest_path)))


class Intake:
    """Paths named in watchdog's thread, queued for the loop's."""

    def __init__(self) -> None:
        self._paths: queue.SimpleQueue[Path] = queue.SimpleQueue()

    def observer(self, inbox: Path, poll: bool) -> BaseObserver:
        """An observer of the whole inbox tree, not yet started."""
        if poll:
            # lstat: the poller must see symlinks as symlinks, not as what they point to
            watching = PollingObserverVFS(os.lstat, os.scandir)
        else:
            watching = Observer()
        watching.schedule(_Handler(self._paths.put), str(inbox), recursive=True)
        return watching

    def waiting(self) -> bool:
        return not self._paths.empty()

    def drain(self) -> Iterator[Path]:
        while True:
            try:
                yield self._paths.get_nowait()
            except queue.Empty:
                return
