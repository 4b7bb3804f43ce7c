"""The package's shape: its longest classes and functions, and whether its imports keep their layers.

    python benchmarks/code_shape.py [--top N]

Sizes are lines from `def`/`class` to the last line of the body (issue 11: classes under 150,
functions under 80). Layers, lowest first, are `LAYERS`: a module may import its own layer and
those below it, never one above. Every import counts, also those inside functions, except the
root package's lazy `Pipeline` (`broadsheet/__init__.py`), which is how `from broadsheet import
Pipeline` stays cheap. tests/unit/test_layering.py asserts the same rules.
"""

from __future__ import annotations

import argparse
import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "broadsheet"

# Lowest first. A module's layer is that of the longest matching name prefix.
LAYERS: list[tuple[str, ...]] = [
    ("broadsheet.errors", "broadsheet.model", "broadsheet.names", "broadsheet.charsets"),
    ("broadsheet.imageio", "broadsheet.inputs"),
    ("broadsheet.ocr",),
    ("broadsheet.normalize", "broadsheet.layout"),
    ("broadsheet.postprocess",),
    ("broadsheet.issue",),  # the issue step: pages already read, made one issue
    ("broadsheet.formats",),
    ("broadsheet.export", "broadsheet.issue.formats"),  # issue writers write what page writers do
    ("broadsheet.pipeline", "broadsheet.options"),
    ("broadsheet.tasks", "broadsheet.outdir", "broadsheet.executors"),
    ("broadsheet.batch", "broadsheet.evaluate", "broadsheet.issue.run"),
    ("broadsheet.watch",),
    ("broadsheet.cli", "broadsheet.__main__"),
    ("broadsheet",),  # the root package: nothing below imports it
]
ALLOWED_UPWARD = {("broadsheet", "broadsheet.pipeline")}  # the root's lazy Pipeline


@dataclass(frozen=True)
class Definition:
    kind: str  # "class" or "function"
    name: str  # qualified: Class.method, outer.inner
    path: Path
    line: int
    length: int


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def definitions() -> list[Definition]:
    found: list[Definition] = []

    def visit(node: ast.AST, path: Path, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                kind = "class" if isinstance(child, ast.ClassDef) else "function"
                name = f"{prefix}{child.name}"
                found.append(Definition(kind, name, path, child.lineno, child.end_lineno - child.lineno + 1))
                visit(child, path, f"{name}.")
            else:
                visit(child, path, prefix)

    for path in modules().values():
        visit(ast.parse(path.read_text(encoding="utf-8")), path, "")
    return found


def imports() -> set[tuple[str, str]]:
    """(importer, imported) for every broadsheet module importing another one."""
    known = modules()
    edges: set[tuple[str, str]] = set()
    for importer, path in known.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # `from broadsheet.export import alto` imports the module broadsheet.export.alto
                targets = [f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in known
                           else node.module for alias in node.names]
            else:
                continue
            edges.update((importer, t) for t in targets if t in known and t != importer)
    return edges


def layer(module: str) -> int:
    matches = [(len(prefix), index) for index, prefixes in enumerate(LAYERS) for prefix in prefixes
               if module == prefix or module.startswith(prefix + ".")]
    return max(matches)[1]


def upward_imports() -> list[tuple[str, str]]:
    """Imports of a higher layer than the importer's own (the allowed lazy one aside)."""
    return sorted((a, b) for a, b in imports() if layer(b) > layer(a) and (a, b) not in ALLOWED_UPWARD)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=5, help="how many of the longest to list")
    args = parser.parse_args()
    found = definitions()
    for kind, plural, limit in (("class", "classes", 150), ("function", "functions", 80)):
        ranked = sorted((d for d in found if d.kind == kind), key=lambda d: -d.length)
        over = sum(d.length >= limit for d in ranked)
        print(f"longest {plural} ({over} of {len(ranked)} at {limit} lines or more):")
        for d in ranked[: args.top]:
            print(f"  {d.length:4d}  {d.name}  ({d.path.relative_to(PACKAGE.parent)}:{d.line})")
    upward = upward_imports()
    root_importers = sorted(a for a, b in imports() if b == "broadsheet")
    print(f"imports up the layers: {len(upward)}")
    for importer, imported in upward:
        print(f"  {importer} -> {imported}")
    print(f"modules importing the package root: {len(root_importers)} {' '.join(root_importers)}")
    return 1 if upward else 0


if __name__ == "__main__":
    raise SystemExit(main())
