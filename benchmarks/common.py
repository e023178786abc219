"""What every benchmark shares: each figure printed beside its same-run baseline, and kept as one JSON line so that
`benchmarks/run --write` can regenerate the README's figures and CI's short mode can judge them.

A benchmark calls `figure(...)` once per figure. It prints the usual table row and, when `BENCH_RESULTS` names a
file, appends one JSON object to it:

    {"bench": "runtime", "figure": "...", "ours": 12.3, "baseline": 10.1, "unit": "ms",
     "target": "<= 250 ms", "met": true, "within_margin": true, "note": "..."}

`met` says whether the target is met; `within_margin` whether it is met after allowing the wide noise margin written
beside the target (CI fails only when that is false). `short()` is true in CI's short mode (`--short` or
`BENCH_SHORT=1`): small sizes, one round.
"""

from __future__ import annotations

import json
import os
import sys

_HEADER_PRINTED: set[str] = set()


def short() -> bool:
    """CI's short mode: small sizes, one round."""
    return os.environ.get("BENCH_SHORT") == "1" or "--short" in sys.argv


def figure(
    bench: str,
    name: str,
    ours: float | None,
    *,
    baseline: float | None = None,
    unit: str = "",
    target: str = "",
    met: bool | None = None,
    within_margin: bool | None = None,
    note: str = "",
) -> None:
    """Print one figure beside its baseline and record it for `--write` and CI."""
    if bench not in _HEADER_PRINTED:
        _HEADER_PRINTED.add(bench)
        print(f"{'figure':<48} {'ours':>12} {'baseline':>12}  {'target':<16} note")
    verdict = "" if met is None else ("MET" if met else ("MISSED" if within_margin is False else "missed (noise)"))
    print(f"{name:<48} {_fmt(ours):>12} {_fmt(baseline):>12}  {target:<16} {verdict} {note}".rstrip())
    path = os.environ.get("BENCH_RESULTS")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps({
                "bench": bench, "figure": name, "ours": ours, "baseline": baseline, "unit": unit,
                "target": target, "met": met,
                "within_margin": met if within_margin is None else within_margin, "note": note,
            }) + "\n")


def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, int) or abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3g}" if abs(value) < 10 else f"{value:.1f}"
