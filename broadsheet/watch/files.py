"""Where a taken file's outputs are named, and where the file goes once read: nothing is overwritten."""

from __future__ import annotations

import errno
import os
import shutil
import stat
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from broadsheet.errors import BroadsheetError
from broadsheet.imageio import atomic_write, create_temp_beside
from broadsheet.inputs import is_hidden, is_supported, iter_page_images, output_stems, own_stem, page_prefix
from broadsheet.names import fit, name_bytes, name_max, printable, shortened

ERROR_SUFFIX = ".error.txt"


def filed_name(path: Path, done_folder: Path, failed_folder: Path) -> str:
    """The name the file will have in done (or failed): its own, or `NAME.1.ext`... when either holds
    that name already. Its outputs take their name from this one, so a second `a.png` writes
    `a.1.txt` beside the first one's `a.txt`."""
    n = 0
    while True:
        name = numbered(done_folder / path.name, n).name
        if not any(os.path.lexists(folder / name) for folder in (done_folder, failed_folder)):
            return name
        n += 1


def output_stem(name: str, pages: list[str], folders: list[Path]) -> str:
    """The stem of the file filed as `name`, whose pages have these suffixes, unless a page file in
    one of `folders` (its inbox folder, done) claims it (then the whole name): `a.jpg` after `a.png`
    writes `a.jpg.txt`, never over `a.txt`; `x_p001.jpg` after a two-page TIFF named `x.png`, never
    over its first page's `x_p001.txt` (that one file is opened to count its pages)."""
    siblings: dict[str, Path] = {}
    for folder in folders:
        try:
            siblings.update((e.name, Path(e.path)) for e in os.scandir(folder)
                            if not is_hidden(e.name) and is_supported(Path(e.name)))
        except OSError:
            pass  # no such folder in done yet
    opened = {name: pages}
    if (prefix := page_prefix(name)) is not None:
        for other, path in siblings.items():
            if other != name and own_stem(other).casefold() == prefix.casefold():
                with suppress(BroadsheetError):  # unreadable: it has no pages to clash with
                    opened[other] = [source.name_suffix for source in iter_page_images(path)]
    return output_stems({name, *siblings}, opened)[name]


def error_file(target: Path) -> Path:
    """NAME.error.txt beside the failed file, NAME shortened as its file system needs."""
    room = name_max(target.parent) - len(ERROR_SUFFIX)
    return target.with_name(shortened(target.name, room) + ERROR_SUFFIX)


class Filer:
    """Moves files out of the inbox, mirroring its subfolders: to done, or to failed with
    NAME.error.txt beside them; a file that cannot be moved gets one error line and stays."""

    def __init__(self, inbox: Path, done_dir: Path, failed_dir: Path, log: Callable[[str, bool], None]) -> None:
        self.inbox, self.done_dir, self.failed_dir = inbox, done_dir, failed_dir
        self._log = log

    def filed_name(self, rel: Path) -> str:
        return filed_name(rel, self.done_dir / rel.parent, self.failed_dir / rel.parent)

    def filed_already(self, path: Path) -> bool:
        """Whether the file already stands in done or failed: a move cut short between its link and
        its unlink (the process killed there) leaves it in both, its outputs written. Then the move
        is finished, rather than the file read again as `NAME.1.ext`."""
        try:
            info = os.lstat(path)
        except OSError:
            return False
        if info.st_nlink < 2:
            return False
        rel = path.relative_to(self.inbox)
        for folder in (self.done_dir / rel.parent, self.failed_dir / rel.parent):
            n = 0
            while os.path.lexists(filed := numbered(folder / rel.name, n)):
                if os.path.samestat(info, os.lstat(filed)):
                    try:
                        os.unlink(path)
                        self._log(f"{rel}: already filed as {filed}: its move finished", False)
                    except OSError as exc:
                        self._log(f"{rel}: error: filed as {filed}, cannot leave the inbox ({exc.strerror})", True)
                    return True
                n += 1
        return False

    def file_away(self, path: Path, errors: list[str], name: str | None = None) -> bool:
        """To done when there are no errors, else to failed, as `name` (default: its own) or the
        next free `NAME.N.ext`; whether it moved."""
        dest_root = self.failed_dir if errors else self.done_dir
        rel = path.relative_to(self.inbox)
        try:
            target = move_unique(path, dest_root / rel.parent / (name or rel.name))
        except OSError as exc:
            self._log(f"{rel}: error: cannot move to {dest_root} ({exc.strerror or exc})", True)
            return False
        if errors:
            try:
                with atomic_write(error_file(target)) as handle:
                    handle.write("".join(printable(e) + "\n" for e in errors))
            except OSError as exc:
                self._log(f"{rel}: error: moved to {target}, but cannot write why ({exc.strerror or exc})", True)
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
    n = 0
    while True:
        try:
            target = numbered(dest, n)
            os.link(src, target, follow_symlinks=False)
            return target
        except FileExistsError:
            n += 1


def numbered(dest: Path, n: int) -> Path:
    """`dest` itself for 0, else `NAME.N.ext`, its NAME shortened where the number leaves no room."""
    if n == 0:
        return dest
    stem, suffix = Path(dest.name).stem, Path(dest.name).suffix
    tail = f".{n}{suffix}"
    return dest.with_name(fit(stem, name_max(dest.parent) - name_bytes(tail)) + tail)
