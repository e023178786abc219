"""Idle memory: the app's main window, shown (offscreen), idle, with 1,000 courses in the library, beside a bare
QtWebEngine page idle in the same run.

What it does (in one temporary folder, removed at the end):

1. Generates a data folder with the real migrations and `--courses` courses (default 1,000; tiny valid manifests, no
   files) and a few learners with attempts, with `bench_dashboard.generate` (the same generator as the dashboard
   benchmark). The settings say the welcome was seen, so no first-run dialog opens.
2. Ours: starts the app as a user does (`python -m scorm_desktop --data-dir D`, no command), offscreen. Baseline: a
   bare QApplication + QWebEngineView showing a trivial page (`setHtml`), offscreen, that stays open.
3. Waits until the process tree is idle (no CPU time used for a second, after at least `--settle` seconds), then sums
   `Pss` of /proc/PID/smaps_rollup over the process and every descendant (QtWebEngineProcess, the zygote...): PSS
   shares each shared page among the processes mapping it, so the sum is what the tree really costs. Then asks the
   app to close (SIGTERM, which it handles as a window close) and waits for it.

Target: the app's tree <= 300 MB PSS. Noise margin: 1.5x (memory is steadier than time; CI's short mode fails only
above 450 MB). `--short` (or BENCH_SHORT=1): 1,000 courses still (generation takes a second), shorter settle time.

    .venv/bin/python benchmarks/bench_idle.py [--courses 1000] [--settle 4] [--tmp DIR] [--keep]

Exit code: 0 when the target is met, 1 when missed or a side fails to start.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from common import figure, short  # noqa: E402

TARGET_MB = 300.0
MARGIN = 1.5

BASELINE = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication
    from PySide6.QtWebEngineWidgets import QWebEngineView

    app = QApplication(sys.argv[:1])
    view = QWebEngineView()
    view.resize(1100, 680)
    view.show()
    view.loadFinished.connect(lambda ok: print("BASELINE-LOADED", ok, file=sys.stderr, flush=True))
    view.setHtml("<!DOCTYPE html><html><body><h1>Library</h1><p>Hello</p></body></html>")
    import signal
    signal.signal(signal.SIGTERM, lambda *a: app.quit())
    from PySide6.QtCore import QTimer
    t = QTimer(); t.timeout.connect(lambda: None); t.start(300)
    code = app.exec()
    del view
    sys.exit(code)
    """
)


def qt_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env["QT_QPA_PLATFORM"] = "offscreen"
    flags = env.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "--disable-gpu" not in flags:
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --disable-gpu").strip()
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    return env


def tree(root: int) -> list[int]:
    """`root` and every process descending from it (read from /proc/*/stat)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        total += int(fields[11]) + int(fields[12])
    return total


def idle_pss(cmd: list[str], env: dict[str, str], settle: float, timeout: float = 60.0) -> tuple[float, int]:
    """Start `cmd`, wait until its tree is idle, return (PSS of the tree in MB, number of processes)."""
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    t0 = time.monotonic()
    try:
        last, quiet_since = -1, None
        while True:
            time.sleep(0.25)
            if proc.poll() is not None:
                log.seek(0)
                raise SystemExit(f"{cmd[-1] if len(cmd) < 4 else ' '.join(cmd)} exited early ({proc.returncode}):\n"
                                 + log.read().decode(errors="replace")[-2000:])
            pids = tree(proc.pid)
            ticks = cpu_ticks(pids)
            now = time.monotonic()
            if ticks != last:
                last, quiet_since = ticks, now
            elif now - t0 >= settle and quiet_since is not None and now - quiet_since >= 1.0:
                break
            if now - t0 > timeout:
                print(f"  (never idle within {timeout:g} s; measured anyway)", flush=True)
                break
        pids = tree(proc.pid)
        total = sum(pss_kb(p) for p in pids)
        return total / 1024, len(pids)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def prepare(root: Path, courses: int) -> None:
    from bench_dashboard import generate

    from scorm_desktop.paths import DataPaths
    from scorm_desktop.settings import Settings

    generate(root, courses, 5)
    paths = DataPaths(root, explicit=True)
    settings = Settings.load(paths.settings_file)
    settings.welcomed = True  # a regular day, not the first run: no welcome dialog
    settings.active_learner = "Learner 001"
    paths.config.mkdir(parents=True, exist_ok=True)
    settings.save(paths.settings_file)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--courses", type=int, default=1000, help="courses in the library (default 1,000)")
    ap.add_argument("--settle", type=float, default=None, help="seconds to wait at least before measuring (4; 2 short)")
    ap.add_argument("--tmp", default=None, help="where the temporary data folder goes")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--short", action="store_true", help="CI's short mode")
    args = ap.parse_args(argv)
    settle = args.settle if args.settle is not None else (2.0 if short() else 4.0)
    env = qt_env()
    work = Path(tempfile.mkdtemp(prefix="bench-idle-", dir=args.tmp))
    try:
        data = work / "data"
        t0 = time.perf_counter()
        prepare(data, args.courses)
        print(f"generated a library of {args.courses:,} courses in {time.perf_counter() - t0:.1f} s", flush=True)
        base_mb, base_n = idle_pss([sys.executable, "-c", BASELINE], env, settle)
        ours_mb, ours_n = idle_pss([sys.executable, "-m", "scorm_desktop", "--data-dir", str(data)], env, settle)
        print(f"  ours: {ours_n} process(es), {ours_mb:.0f} MB PSS; baseline: {base_n} process(es), "
              f"{base_mb:.0f} MB PSS", flush=True)
        figure("idle", f"app idle, {args.courses:,} courses: PSS of the tree (MB)", round(ours_mb, 1),
               baseline=round(base_mb, 1), unit="MB", target=f"<= {TARGET_MB:.0f} MB (margin x{MARGIN:g})",
               met=ours_mb <= TARGET_MB, within_margin=ours_mb <= TARGET_MB * MARGIN,
               note=f"{ours_n} processes; baseline: a bare QtWebEngine page idle, {base_n} processes")
        return 0 if ours_mb <= TARGET_MB else 1
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
