"""Watch a folder: process each page file that lands in it, then move it to done (or failed).

- A file is taken once its size, mtime and inode have not changed for `settle` seconds and it
  opens as an image or PDF (a file that still will not open after a few more settle periods
  fails). Files moved in atomically pass the same check. Files already in INBOX at start go first.
- Outputs mirror the inbox: `INBOX/sub/a.png` -> `OUT/sub/a.txt`, `OUT/sub/a.json`. A name that
  clashes with a sibling in the inbox or already in done (`a.jpg` after `a.png`) keeps its whole
  file name (`a.jpg.txt`), as in `broadsheet.inputs`, so no file overwrites another's outputs.
- After its outputs are written a file moves to DONE (default INBOX/.done); if any of its pages
  failed, to FAILED (default INBOX/.failed) with `NAME.error.txt` beside it. Both mirror the
  inbox's subfolders, and a taken name gets a number (`a.1.png`): nothing is ever overwritten.
  Killed at any moment, a file is either still in INBOX (redone at restart) or moved.
- Shared inbox safety: symlinks (never followed), fifos, devices and sockets are refused and
  moved, unopened, to FAILED; a path that resolves outside INBOX is refused and left alone;
  hidden files, temp/partial-download names and the out/done/failed folders are never read.
- One watcher per inbox: it holds INBOX/.broadsheet.lock (and OUT's lock) while it runs, so a
  second watcher on the same inbox stops at once with one line instead of racing for the files.
- stop() (the CLI calls it on SIGINT, SIGTERM and SIGHUP) finishes the pages in hand and returns.

Modules: `events` (watchdog intake), `security` (the inbox policy, one named check per rule),
`settle` (when a file is complete), `jobs` (pages to the pool, files finished with their last
page), `files` (output names, moving without overwriting), `watcher` (the loop on top of them).
Pages are run, reported and given up on exactly as in `broadsheet.batch`.
"""

from broadsheet.watch.files import move_unique
from broadsheet.watch.watcher import Watcher, WatchSettings

__all__ = ["WatchSettings", "Watcher", "move_unique"]
