"""Launch benchmark: `scorm-desktop play ID --headless` against a bare PySide6 QtWebEngine page load.

Run:  .venv/bin/python benchmarks/bench_launch.py [--runs 5]

What it does (in one temporary data folder, removed at the end):

1. Imports tests/data/sco-api-probe-2004 with the real CLI (`scorm-desktop --data-dir D import ...`).
2. One unmeasured warm-up of each side (page cache, the web profile's first creation), then `--runs` times,
   alternating:
   - ours: `scorm-desktop --data-dir D play ID --headless --learner run-N` with a fresh learner every run, so every
     run is the probe's first launch (it suspends at the end). stderr is read line by line and time-stamped; the
     figures are the time from starting the process to the line `[info] PROBE-START ...` (the probe prints it right
     after Initialize and its first GetValue calls), and to the process's exit.
   - baseline: the same venv Python running a bare QApplication + QWebEngineView that loads a trivial page with
     setHtml, offscreen, and prints a line to stderr when loadFinished fires, then quits; same two figures
     (start -> loadFinished, start -> exit). Environment: QT_QPA_PLATFORM=offscreen,
     QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu, QTWEBENGINE_DISABLE_SANDBOX=1 when root (what qtenv.prepare() sets
     for the headless player).
3. Prints median and min of each figure for both, the ratio of medians and the difference (our overhead).

No target is set for launch yet: the figures are informational (exit code 0 unless a run fails).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROBE = REPO / "tests" / "data" / "sco-api-probe-2004"
VENV_BIN = Path(sys.executable).parent
CLI = VENV_BIN / "scorm-desktop"
RUN_TIMEOUT = 60.0  # seconds, per launch

OURS_MARK = "[info] PROBE-START "
BASE_MARK = "BASELINE-LOADED"

BASELINE = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from PySide6.QtWebEngineWidgets import QWebEngineView

    app = QApplication(sys.argv[:1])
    view = QWebEngineView()
    view.resize(1024, 768)
    view.show()

    def loaded(ok):
        print("{BASE_MARK}", ok, file=sys.stderr, flush=True)
        QTimer.singleShot(0, app.quit)

    view.loadFinished.connect(loaded)
    view.setHtml("<!DOCTYPE html><html><body><p>Hello</p></body></html>")
    code = app.exec()
    del view  # the view (and its page) before the application, as Chromium requires
    sys.exit(code)
    """
)


def qt_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    flags = env.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "--disable-gpu" not in flags:
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --disable-gpu").strip()
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    return env


def timed_run(cmd: list[str], mark: str, env: dict[str, str]) -> tuple[float, float]:
    """(seconds from start to the first stderr line starting with `mark`, seconds from start to exit)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env, cwd=REPO
    )
    killer = threading.Timer(RUN_TIMEOUT, proc.kill)
    killer.start()
    seen: float | None = None
    tail: list[str] = []
    try:
        for raw in proc.stderr:  # type: ignore[union-attr]
            now = time.perf_counter()
            line = raw.decode(errors="replace").rstrip("\n")
            if seen is None and line.startswith(mark):
                seen = now - t0
            tail = (tail + [line])[-20:]
        code = proc.wait()
        exited = time.perf_counter() - t0
    finally:
        killer.cancel()
        proc.stderr.close()  # type: ignore[union-attr]
    if code != 0 or seen is None:
        raise SystemExit(
            f"launch failed (exit {code}, marker {'seen' if seen is not None else 'not seen'}): {' '.join(cmd)}\n"
            + "\n".join(tail)
        )
    return seen, exited


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="measured launches of each side (default 5)")
    ap.add_argument("--tmp", default=None, help="folder for the temporary data folder (default: system temp)")
    args = ap.parse_args(argv)
    runs = max(1, args.runs)
    env = qt_env()

    work = Path(tempfile.mkdtemp(prefix="scorm-bench-launch-", dir=args.tmp))
    try:
        data = work / "data"
        imp = subprocess.run(
            [str(CLI), "--data-dir", str(data), "import", str(PROBE)], capture_output=True, text=True, cwd=REPO
        )
        if imp.returncode != 0:
            raise SystemExit(f"import failed: {imp.stderr}")
        course_id = imp.stdout.strip().splitlines()[-1]

        def ours(n: str) -> tuple[float, float]:
            return timed_run(
                [str(CLI), "--data-dir", str(data), "play", course_id, "--headless", "--timeout", "30",
                 "--learner", f"run-{n}"],
                OURS_MARK,
                env,
            )

        def base() -> tuple[float, float]:
            return timed_run([sys.executable, "-c", BASELINE], BASE_MARK, env)

        ours("warmup")
        base()
        o: list[tuple[float, float]] = []
        b: list[tuple[float, float]] = []
        for i in range(runs):
            o.append(ours(str(i + 1)))
            b.append(base())
            print(
                f"  run {i + 1}: ours Initialize {o[-1][0]:.3f} s, exit {o[-1][1]:.3f} s   "
                f"baseline loadFinished {b[-1][0]:.3f} s, exit {b[-1][1]:.3f} s",
                flush=True,
            )

        print()
        print(f"Launch, `play --headless` of the 2004 API probe vs bare QtWebEngine setHtml, {runs} runs (seconds)")
        hdr = ("figure", "ours med", "ours min", "base med", "base min", "ratio", "overhead")
        widths = (22, 9, 9, 9, 9, 6, 9)
        print("  ".join(h.ljust(w) for h, w in zip(hdr, widths)))
        print("  ".join("-" * w for w in widths))
        for label, k in (("start -> page ready", 0), ("start -> process exit", 1)):
            om, omin = statistics.median(x[k] for x in o), min(x[k] for x in o)
            bm, bmin = statistics.median(x[k] for x in b), min(x[k] for x in b)
            cells = (label, f"{om:.3f}", f"{omin:.3f}", f"{bm:.3f}", f"{bmin:.3f}", f"{om / bm:.2f}", f"{om - bm:+.3f}")
            print("  ".join(c.ljust(w) for c, w in zip(cells, widths)))
        print()
        print("  page ready: ours = PROBE-START line (after Initialize), baseline = loadFinished of a trivial page")
        print("  ratio and overhead compare medians; no launch target is set yet (informational)")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
