"""Deskew accuracy on randomised pages: the true skew each page was drawn with against the angle
`normalize/skew.py` estimates, without detection or OCR (seconds a page, most of it rendering).

    python benchmarks/deskew_accuracy.py --n 200                 seeds 0..199, full size
    python benchmarks/deskew_accuracy.py --n 40 --small --keep DIR   pages kept in DIR (and reused)
    python benchmarks/deskew_accuracy.py --real ../shared/realpages  the real scans' angles

The residual is the skew left after straightening (estimate + drawn angle: the generator rotates by
its angle, the pipeline back by its estimate). Reported by band of body text height and by what the
page has (rules, photos, bilevel, JPEG quality under 40), with the estimate's time.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import cv2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the fixtures package sits beside broadsheet

from random_pages import BANDS, band_label  # noqa: E402

from broadsheet.imageio import load_image  # noqa: E402
from broadsheet.normalize.skew import estimate_skew  # noqa: E402
from fixtures.generate import render  # noqa: E402
from fixtures.pagegen.randpage import RandomPage, random_page  # noqa: E402

TOLERANCE = 0.1  # degrees of residual skew the estimate is held to (issue 16's deskew bar)
HEAVY_JPEG = 40  # quality below which JPEG blocks smear thin rules and small type


@dataclass
class SkewResult:
    seed: int
    body_px: float
    width: int
    height: int
    drawn: float  # degrees the generator rotated the page by
    estimate: float  # degrees the pipeline would rotate it back by
    seconds: float
    kinds: list[str]

    @property
    def residual(self) -> float:
        return round(self.estimate + self.drawn, 2)


def kinds(rp: RandomPage) -> list[str]:
    spec, d = rp.spec, rp.spec.degrade
    found = {"rules": spec.column_rules, "no rules": not spec.column_rules,
             "photos": any(i.get("kind") == "photo_news" or i.get("photos") for i in rp.doc["items"]),
             "bilevel": d.bilevel,
             "heavy jpeg": bool(d.jpeg_quality and d.jpeg_quality < HEAVY_JPEG and not d.bilevel),
             "cjk": spec.script != "latin", "latin": spec.script == "latin"}
    return [k for k, on in found.items() if on]


def page_image(seed: int, small: bool, keep: Path) -> tuple[RandomPage, Path]:
    """The rendered page, from `keep` when an earlier run left it there."""
    rp = random_page(seed, small)
    for suffix in (".jpg", ".png"):
        if (path := keep / f"{rp.spec.name}{suffix}").exists():
            return rp, path
    return rp, render(rp.spec, keep, False, rp.doc)


def measure(seed: int, small: bool, keep: Path) -> SkewResult:
    rp, path = page_image(seed, small, keep)
    gray = cv2.cvtColor(load_image(path), cv2.COLOR_RGB2GRAY)
    start = time.perf_counter()
    estimate = estimate_skew(gray)
    seconds = time.perf_counter() - start
    return SkewResult(seed, round(rp.body_px, 1), gray.shape[1], gray.shape[0], rp.spec.degrade.skew, estimate,
                      round(seconds, 3), kinds(rp))


def summary(label: str, results: list[SkewResult]) -> str:
    residuals = [abs(r.residual) for r in results]
    over = sum(1 for v in residuals if v > TOLERANCE)
    return (f"{label:<12}{len(results):>6}{sum(residuals) / len(residuals):>10.3f}{max(residuals):>8.2f}"
            f"{over:>7}{sum(r.seconds for r in results) / len(results):>9.2f}")


def report(results: list[SkewResult]) -> None:
    print(f"\n{'':<12}{'pages':>6}{'mean |res|':>10}{'max':>8}{'>0.1°':>7}{'s/page':>9}")
    labels = [band_label(b - 0.5) for b in BANDS] + [band_label(BANDS[-1])]
    for label in labels:
        if group := [r for r in results if band_label(r.body_px) == label]:
            print(summary(f"{label} px", group))
    for kind in ("rules", "no rules", "photos", "bilevel", "heavy jpeg", "latin", "cjk"):
        if group := [r for r in results if kind in r.kinds]:
            print(summary(kind, group))
    print(summary("all", results))
    bad = sorted((r for r in results if abs(r.residual) > TOLERANCE), key=lambda r: -abs(r.residual))
    for r in bad:
        print(f"  seed {r.seed:<5} {r.body_px:>5.1f} px {r.width}x{r.height} drawn {r.drawn:+.2f} "
              f"estimate {r.estimate:+.2f} residual {r.residual:+.2f}  [{', '.join(r.kinds)}]")


def real_pages(folder: Path) -> int:
    """The angle estimated on each real scan (no truth angle: compare runs)."""
    if not folder.is_dir():
        print(f"skipped: no real pages at {folder}")
        return 0
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".jpg", ".png")):
        gray = cv2.cvtColor(load_image(path), cv2.COLOR_RGB2GRAY)
        start = time.perf_counter()
        angle = estimate_skew(gray)
        print(f"{path.stem:<28} {gray.shape[1]}x{gray.shape[0]}  angle {angle:+.2f}  "
              f"{time.perf_counter() - start:.2f} s", flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40, help="pages, seeds SEED..SEED+N-1")
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    parser.add_argument("--only-seed", type=int, action="append", metavar="K", help="just this seed (repeatable)")
    parser.add_argument("--small", action="store_true", help="the test suite's small pages")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="render pages here and reuse them on the next run")
    parser.add_argument("--json", type=Path, metavar="FILE", help="every page's angles")
    parser.add_argument("--real", type=Path, metavar="DIR", help="estimate the real scans in DIR instead")
    args = parser.parse_args()
    if args.real:
        return real_pages(args.real)
    seeds = args.only_seed or list(range(args.seed, args.seed + args.n))
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return run(args, seeds, args.keep)
    with tempfile.TemporaryDirectory(prefix="broadsheet-deskew-") as temp:
        return run(args, seeds, Path(temp))


def run(args: argparse.Namespace, seeds: list[int], keep: Path) -> int:
    results = []
    for seed in seeds:
        try:
            r = measure(seed, args.small, keep)
        except ValueError as exc:  # a drawn layout the generator cannot set
            print(f"seed {seed:<5} generation: {exc}", flush=True)
            continue
        results.append(r)
        print(f"seed {seed:<5} {r.body_px:>5.1f} px  drawn {r.drawn:+.2f} estimate {r.estimate:+.2f} "
              f"residual {r.residual:+.2f}  {r.seconds:.2f} s", flush=True)
    if not results:
        return 1
    report(results)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) | {"residual": r.residual} for r in results], indent=1) + "\n")
    return 1 if any(abs(r.residual) > TOLERANCE for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
