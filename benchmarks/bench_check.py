"""Course checker benchmark: `scorm-desktop check` over the whole good/ corpus, against its own floor.

Run:  .venv/bin/python benchmarks/bench_check.py [--short]

- ours: the wall time of `scorm-desktop check good/*.zip` (defaults: --idle 10, --jobs 24) in a subprocess, with a
  fresh data folder; every item waits for its verdict (content that waits for a learner is only known to after the
  idle period, so the idle period dominates).
- baseline: the same command with `--static` (validation only, no player): what the runs add on top of it.
Target: the whole good/ corpus in 60 s or less (issue 17); noise margin 90 s. Short mode (CI): the golf run-time
minimum sample alone with --idle 2, target 30 s (margin 60 s).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import figure, short  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("SCORM_DESKTOP_CORPUS", ROOT.parent / "shared" / "corpus"))


def timed(args: list[str]) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "scorm_desktop", "--data-dir", tmp, "check", *args, "--json"],
                       capture_output=True, text=True, env=env, timeout=900)
        return time.perf_counter() - t0


def main() -> int:
    if short():
        packages = [str(CORPUS / "good" / "golf-rt-minimum-2004-3rd.zip")]
        extra, limit, margin, what = ["--idle", "2"], 30.0, 60.0, "check golf-rt-minimum (--idle 2)"
    else:
        packages = sorted(str(p) for p in (CORPUS / "good").glob("*.zip"))
        extra, limit, margin, what = [], 60.0, 90.0, "check the whole good/ corpus"
    baseline = timed(packages + ["--static"])
    ours = timed(packages + extra)
    figure("check", what, round(ours, 1), baseline=round(baseline, 1), unit="s", target=f"<= {limit:g} s",
           met=ours <= limit, within_margin=ours <= margin, note="baseline: --static (no runs)")
    return 0 if ours <= margin else 1


if __name__ == "__main__":
    sys.exit(main())
