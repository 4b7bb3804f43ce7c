"""Where a taken file's outputs are named, and where the file goes once read: nothing is overwritten."""

from __future__ import annotations

import errno
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

from broadsheet.imageio import atomic_write, create_temp_beside
from broadsheet.inputs import is_hidden, is_supported, output_stems


def output_stem(path: Path, done_folder: Path) -> str:
    """The stem, unless a sibling here or a file already in done claims it (then the whole name):
    `a.jpg` after `a.png` writes `a.jpg.txt`, never over `a.txt`."""
    names = {path.name}
    for folder in (path.parent, done_folder):
        try:
            names.update(e.name for e in os.scandir(folder)
                         if not is_hidden(e.name) and is_supported(Path(e.name)))
        except OSError:
            pass  # no such folder in done yet
    return output_stems(names)[path.name]


class Filer:
    """Moves files out of the inbox, mirroring its subfolders: to done, or to failed with
    NAME.error.txt beside them; a file that cannot be moved gets one error line and stays."""

    def __init__(self, inbox: Path, done_dir: Path, failed_dir: Path, log: Callable[[str, bool], None]) -> None:
        self.inbox, self.done_dir, self.failed_dir = inbox, done_dir, failed_dir
        self._log = log

    def file_away(self, path: Path, errors: list[str]) -> bool:
        """To done when there are no errors, else to failed; whether it moved."""
        dest_root = self.failed_dir if errors else self.done_dir
        rel = path.relative_to(self.inbox)
        try:
            target = move_unique(path, dest_root / rel)
            if errors:
                with atomic_write(target.with_name(target.name + ".error.txt")) as handle:
                    handle.write("\n".join(errors) + "\n")
        except OSError as exc:
            self._log(f"{rel}: error: cannot move to {dest_root} ({exc.strerror or exc})", True)
            return False
        return True


_NO_HARD_LINK = {errno.EXDEV, errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK}


def move_unique(src: Path, dest: Path) -> Path:
    """Move `src` to `dest`, or to `NAME.1.ext`, `NAME.2.ext`... when taken; returns where.

    Hard links make "create only if absent" atomic, so nothing is ever overwritten; a symlink,
    fifo or device moves as itself, never opened. Across file systems a regular file is copied.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    staged: Path | None = None
    try:
        try:
            target = _link_unique(src, dest)
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINK or not stat.S_ISREG(os.lstat(src).st_mode):
                raise
            fd, staged = create_temp_beside(dest)
            os.close(fd)
            shutil.copy2(src, staged)
            target = _link_unique(staged, dest)
    finally:
        if staged is not None:
            staged.unlink(missing_ok=True)
    os.unlink(src)
    return target


def _link_unique(src: Path, dest: Path) -> Path:
    stem, suffix = Path(dest.name).stem, Path(dest.name).suffix
    target, n = dest, 0
    while True:
        try:
            os.link(src, target, follow_symlinks=False)
            return target
        except FileExistsError:
            n += 1
            target = dest.with_name(f"{stem}.{n}{suffix}")
