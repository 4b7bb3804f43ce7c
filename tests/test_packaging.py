"""What a fresh install gets: the license it declares, and test extras without heavy baggage."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_license_file_is_the_license_pyproject_declares() -> None:
    assert PROJECT["license"] == {"text": "Apache-2.0"}
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert " ".join(text.split()[:5]) == "Apache License Version 2.0, January"
    assert "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION" in text
    assert "END OF TERMS AND CONDITIONS" in text


def test_dinglehopper_is_its_own_extra() -> None:
    """dinglehopper brings ~70 packages (ocrd, fastapi, pymongo, docker...): not for every test run."""
    extras = PROJECT["optional-dependencies"]
    assert not [d for d in extras["test"] if d.startswith("dinglehopper")]
    assert [d for d in extras["agreement"] if d.startswith("dinglehopper")]
    assert [d for d in extras["test"] if d.startswith("hypothesis")]


def test_without_dinglehopper_the_agreement_test_is_skipped_saying_why(tmp_path: Path) -> None:
    # shadows an installed dinglehopper, as if it were not there
    (tmp_path / "dinglehopper.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'dinglehopper'\", name='dinglehopper')\n")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "tests/test_evaluate.py",
         "-k", "dinglehopper"], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stdout
    assert "7 skipped" in result.stdout
    assert "the CER cross-check needs dinglehopper: pip install -e '.[agreement]'" in result.stdout
