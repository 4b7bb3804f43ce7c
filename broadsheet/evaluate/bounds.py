"""`--fail-under` bounds: parse `cer=0.02,caption=0.9`, check a report's overall scores.

Any bound also requires every gold page to have a prediction: a score over part of the pages
says nothing about the rest."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from broadsheet.errors import BadArgsError

# key -> (overall metric, whether the bound is a maximum); error rates and counts are maxima, the rest
# minima: scores from 0 to 1.
KEYS: dict[str, tuple[str, bool]] = {
    "cer": ("cer", True),
    "reading_cer": ("reading_cer", True),
    "wer": ("wer", True),
    "article": ("article_f1", False),
    "paragraph": ("paragraph_f1", False),
    "order": ("reading_order", False),
    "caption": ("caption_accuracy", False),
    "pairing": ("caption_pairing", False),
    "subheads": ("subhead_placement", False),
    "false_headlines": ("false_headlines", True),
    "link": ("photo_link_accuracy", False),
    "photo_precision": ("photo_precision", False),
    "photo_recall": ("photo_recall", False),
}


@dataclass
class Bound:
    key: str
    value: float

    @property
    def metric(self) -> str:
        return KEYS[self.key][0]

    @property
    def is_max(self) -> bool:
        return KEYS[self.key][1]


def parse_bounds(spec: str) -> list[Bound]:
    bounds = []
    for item in filter(None, (part.strip() for part in spec.split(","))):
        key, sep, raw = (s.strip() for s in item.partition("="))
        if key not in KEYS:
            raise BadArgsError(f"--fail-under: unknown key {key!r} (known: {', '.join(KEYS)})")
        try:
            value = float(raw) if sep else None
        except ValueError:
            value = None
        # nan and inf compare as no score can: a bound nothing meets, or one everything meets
        top = math.inf if KEYS[key][1] else 1.0
        if value is None or not math.isfinite(value) or not 0.0 <= value <= top:
            wanted = "a non-negative number" if KEYS[key][1] else "a number from 0 to 1"
            raise BadArgsError(f"--fail-under: {key} needs {wanted}, as in {key}=0.9")
        bounds.append(Bound(key, value))
    if not bounds:
        raise BadArgsError("--fail-under: give bounds as key=value,... (e.g. cer=0.02,caption=0.9)")
    return bounds


def failed_bounds(overall: dict[str, Any], bounds: list[Bound], missing: Sequence[str] = ()) -> list[str]:
    """One message per bound the overall scores miss (a metric that could not be measured fails),
    and one for gold pages without a prediction."""
    failures = [f"gold pages without a prediction: {len(missing)} ({', '.join(missing)})"] if missing else []
    for bound in bounds:
        value = overall.get(bound.metric)
        given = f"{bound.key}={bound.value:g}"
        if value is None:
            failures.append(f"{bound.metric} was not measured (text-only ground truth, or no such items), "
                            f"so {given} cannot be met")
        elif bound.is_max and value > bound.value:
            failures.append(f"{bound.metric} {value:.4f} is above the maximum {given}")
        elif not bound.is_max and value < bound.value:
            failures.append(f"{bound.metric} {value:.4f} is below the minimum {given}")
    return failures
