"""Failures a user can act on: one exception class each, with its exit code.

The CLI maps these to exit codes in one place (`broadsheet.cli`)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    BAD_ARGS = 1
    INPUT_FILE = 2
    MISSING_DEPENDENCY = 3
    FILE_ACCESS_ERROR = 5
    QUALITY_BELOW_BOUND = 6
    OTHER_ERROR = 15
    # stopped by a signal: 128 + its number, as a shell reports a process the signal killed
    HANGUP = 129
    CTRL_C = 130
    TERMINATED = 143


class BroadsheetError(Exception):
    exit_code = ExitCode.OTHER_ERROR


class Stopped(BaseException):
    """SIGTERM or SIGHUP: the run stops as on Ctrl-C. A BaseException like KeyboardInterrupt, so that
    no `except Exception` (a page's own failure) swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.exit_code = 128 + signum


class BadArgsError(BroadsheetError):
    exit_code = ExitCode.BAD_ARGS


class InputFileError(BroadsheetError):
    """The file is missing, empty, not an image, truncated, or too large."""

    exit_code = ExitCode.INPUT_FILE


class FileAccessError(BroadsheetError):
    """A folder or file cannot be read or written."""

    exit_code = ExitCode.FILE_ACCESS_ERROR


class MissingDependencyError(BroadsheetError):
    exit_code = ExitCode.MISSING_DEPENDENCY
