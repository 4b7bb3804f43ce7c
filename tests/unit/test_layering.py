"""The import layers (`benchmarks/code_shape.py` LAYERS): nothing below the pipeline imports anything
above it, nothing imports the package root, and `import broadsheet` stays cheap."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "code_shape.py"
spec = importlib.util.spec_from_file_location("code_shape", SCRIPT)
code_shape = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = code_shape  # its dataclass looks itself up there
spec.loader.exec_module(code_shape)


def test_every_module_has_a_layer_below_the_root():
    assert "broadsheet.formats.alto" in code_shape.modules()  # the scan finds the package
    root = len(code_shape.LAYERS) - 1
    assert [m for m in code_shape.modules() if m != "broadsheet" and code_shape.layer(m) == root] == []


def test_no_import_goes_up_the_layers():
    assert code_shape.upward_imports() == []


def test_nothing_imports_the_package_root():
    assert [a for a, b in code_shape.imports() if b == "broadsheet"] == []


def test_the_layers_see_what_they_are_meant_to():
    imports = code_shape.imports()
    assert ("broadsheet.pipeline", "broadsheet.export") in imports
    assert ("broadsheet.evaluate.loading", "broadsheet.formats") in imports
    assert ("broadsheet", "broadsheet.pipeline") in imports  # the lazy one, allowed
    assert code_shape.layer("broadsheet.export.alto") < code_shape.layer("broadsheet.pipeline")
    assert code_shape.layer("broadsheet.formats.alto") < code_shape.layer("broadsheet.export")


def test_importing_the_package_loads_no_pipeline():
    code = ("import sys, broadsheet; from broadsheet import Page; "
            "print(sorted(m for m in ('broadsheet.pipeline', 'cv2', 'onnxruntime') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
