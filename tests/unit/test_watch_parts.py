"""The watcher's parts on their own, without a model: the settle tracker and the inbox policy."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from broadsheet.errors import BadArgsError, InputFileError
from broadsheet.watch import WatchSettings
from broadsheet.watch.security import (
    ESCAPES_INBOX,
    SPECIAL_FILE,
    SYMLINK,
    InboxPolicy,
    check_inbox,
    hidden,
    in_own_folder,
    outside_inbox,
    temporary,
)
from broadsheet.watch.settle import SettleTracker, current_signature


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


A, B = Path("/in/a.png"), Path("/in/b.png")


def test_a_file_is_due_once_it_has_held_still_for_settle_seconds(clock):
    tracker = SettleTracker(2.0, clock=clock)
    signatures = {A: (10, 1, 7)}
    tracker.add(A, signatures[A])
    clock.now += 1.9
    assert tracker.due(signatures.get) == []
    clock.now += 0.1
    assert tracker.due(signatures.get) == [(A, (10, 1, 7))]
    assert A in tracker  # until it is taken
    tracker.discard(A)
    assert A not in tracker and not tracker


def test_every_change_restarts_the_wait(clock):
    tracker = SettleTracker(2.0, clock=clock)
    signatures = {A: (10, 1, 7)}
    tracker.add(A, signatures[A])
    for size in (20, 30, 40):  # a slow copy: growing every 1.5 s
        clock.now += 1.5
        signatures[A] = (size, size, 7)
        assert tracker.due(signatures.get) == []
    clock.now += 1.9
    assert tracker.due(signatures.get) == []
    clock.now += 0.1
    assert tracker.due(signatures.get) == [(A, (40, 40, 7))]


def test_a_new_inode_is_a_change_and_adding_again_keeps_the_wait(clock):
    tracker = SettleTracker(1.0, clock=clock)
    tracker.add(A, (10, 1, 7))
    clock.now += 0.9
    tracker.add(A, (10, 1, 7))  # a second event for the same file
    clock.now += 0.1
    assert tracker.due({A: (10, 1, 8)}.get) == []  # replaced by a file of the same size and time
    clock.now += 1.0
    assert tracker.due({A: (10, 1, 8)}.get) == [(A, (10, 1, 8))]


def test_a_file_gone_or_no_longer_regular_is_handed_back_once_and_forgotten(clock):
    tracker = SettleTracker(1.0, clock=clock)
    tracker.add(A, (10, 1, 7))
    tracker.add(B, (10, 1, 9))
    assert tracker.due({B: (10, 1, 9)}.get) == [(A, None)]
    assert A not in tracker and len(tracker) == 1
    assert tracker.due({B: (10, 1, 9)}.get) == []


def test_a_file_that_will_not_open_gets_more_settle_periods_then_fails(clock):
    tracker = SettleTracker(1.0, open_retries=3, clock=clock)
    signatures = {A: (10, 1, 7)}
    tracker.add(A, signatures[A])
    for _ in range(2):
        clock.now += 1.0
        assert tracker.due(signatures.get) == [(A, (10, 1, 7))]
        assert not tracker.opened_too_often(A)
        clock.now += 0.5
        assert tracker.due(signatures.get) == []  # a whole new settle period first
    clock.now += 0.5
    assert tracker.due(signatures.get) == [(A, (10, 1, 7))]
    assert tracker.opened_too_often(A)
    assert A not in tracker


def test_current_signature_of_regular_files_only(tmp_path):
    (tmp_path / "a.png").write_bytes(b"12345")
    (tmp_path / "link.png").symlink_to(tmp_path / "a.png")
    info = os.stat(tmp_path / "a.png")
    assert current_signature(tmp_path / "a.png") == (5, info.st_mtime_ns, info.st_ino)
    assert current_signature(tmp_path / "link.png") is None
    assert current_signature(tmp_path / "gone.png") is None


# --- the inbox policy ------------------------------------------------------------------------

@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    (tmp_path / "inbox" / "sub").mkdir(parents=True)
    return tmp_path / "inbox"


def policy_for(inbox: Path) -> InboxPolicy:
    return InboxPolicy(inbox, (inbox / "out", inbox / ".done", inbox.parent / "failed"))


def test_ignored_paths(inbox):
    policy = policy_for(inbox)
    assert outside_inbox(inbox, inbox) and outside_inbox(inbox.parent / "x.png", inbox)
    assert in_own_folder(inbox / "out" / "older" / "p1.jpg", policy.own_folders)
    assert hidden(inbox / ".cache" / "a.png", inbox) and hidden(inbox / ".a.png", inbox)
    for name in ("a.png.part", "a.PNG.crdownload", "a.png~", "a.tmp"):
        assert temporary(inbox / name), name
    for path in (inbox, inbox / "out" / "a.png", inbox / ".done" / "a.png", inbox / ".a.png",
                 inbox / "sub" / "a.png.partial", inbox.parent / "failed" / "a.png"):
        assert policy.ignores(path), path
    assert not policy.ignores(inbox / "sub" / "a.png")
    assert not policy.ignores(inbox / "outline.png")  # a name that starts like a folder of ours


def test_a_folder_linked_to_one_of_ours_is_ignored_inside(inbox):
    (inbox / "out").mkdir()
    (inbox / "sub" / "mirror").symlink_to(inbox / "out")
    policy = policy_for(inbox)
    assert policy.ignores(inbox / "sub" / "mirror" / "a.png")  # resolves into OUT
    assert policy.scans(inbox / "sub") and not policy.scans(inbox / "sub" / "mirror")


def test_refusals(inbox, tmp_path):
    policy = policy_for(inbox)
    (tmp_path / "secret.png").write_bytes(b"x")
    (inbox / "link.png").symlink_to(tmp_path / "secret.png")
    os.mkfifo(inbox / "pipe.png")
    (inbox / "a.png").write_bytes(b"x")
    (inbox / "elsewhere").symlink_to(tmp_path)
    refusal = {name: policy.refusal(inbox / name, os.lstat(inbox / name))
               for name in ("link.png", "pipe.png", "a.png", "sub")}
    assert refusal == {"link.png": SYMLINK, "pipe.png": SPECIAL_FILE, "a.png": None, "sub": None}
    through_link = inbox / "elsewhere" / "secret.png"
    assert policy.refusal(through_link, os.lstat(through_link)) == ESCAPES_INBOX
    assert SYMLINK.movable and SPECIAL_FILE.movable and not ESCAPES_INBOX.movable


def test_the_inbox_must_exist_and_hold_none_of_our_folders(inbox, tmp_path):
    check_inbox(inbox, (inbox / "out", inbox / ".done"))
    with pytest.raises(InputFileError, match="no such folder"):
        check_inbox(tmp_path / "nope", ())
    (tmp_path / "file").write_text("")
    with pytest.raises(InputFileError, match="not a folder"):
        check_inbox(tmp_path / "file", ())
    # a wrong pair of folders is a bad argument (exit 1), not an unreadable page (2)
    with pytest.raises(BadArgsError, match=f"^{inbox}: the inbox must not be inside {tmp_path}$"):
        check_inbox(inbox, (inbox / "out", tmp_path))
    with pytest.raises(BadArgsError, match=f"^{inbox}: the inbox must not be inside {inbox}$"):
        check_inbox(inbox, (inbox, inbox / ".done"))  # OUT is the inbox itself


@pytest.mark.parametrize("settle", [float("nan"), float("inf"), -1.0, 3601.0])
def test_settle_is_a_finite_number_of_seconds_in_range(tmp_path, settle):
    with pytest.raises(BadArgsError, match="^settle: "):
        WatchSettings(tmp_path, tmp_path / "out", settle=settle)
