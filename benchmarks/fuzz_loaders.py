"""A long fuzzing run of the loaders: the properties of tests/test_fuzz_loaders.py, many more examples.

    python benchmarks/fuzz_loaders.py [--examples 5000] [-k pdf]

Page images, PDFs, and ground truth as JSON, ALTO, PAGE-XML and text: every example must give a value
or one BroadsheetError line, within the deadline (10 s); valid images of every mode and shape must read
at their size or be refused as too small. Prints what the examples came to per
loader (read, or which refusal); a failure is shrunk to its smallest input and stored in .hypothesis/.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent.parent / "tests" / "test_fuzz_loaders.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000, help="examples per loader")
    parser.add_argument("-k", dest="select", help="only the loaders matching this pytest -k expression")
    args = parser.parse_args()
    os.environ["BROADSHEET_FUZZ_PROFILE"] = "fuzz"
    os.environ["BROADSHEET_FUZZ_EXAMPLES"] = str(args.examples)
    start = time.monotonic()
    status = pytest.main([str(TESTS), "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics",
                          *(["-k", args.select] if args.select else [])])
    print(f"{args.examples} examples per loader, {time.monotonic() - start:.0f} s", file=sys.stderr)
    return int(status)


if __name__ == "__main__":
    sys.exit(main())
