"""One session of 10,000 SetValue calls (an interaction-heavy SCO) in the real player, offscreen.

Figures: SetValue calls per second inside the page, the run-time alone (back-pressure off; the median of 5 sessions)
and as shipped (the page held to the pace of the disk, issue 11); time from the last call (as shipped) until every
value is in SQLite (read from the database file by polling); baseline in the same run: sqlite3 `executemany` of the
same 10,000 rows into a file with the same pragmas (WAL, synchronous=FULL), one transaction.

    .venv/bin/python benchmarks/bench_runtime.py [--calls 10000] [--short]

Targets (issue 13): last call -> all in SQLite <= 250 ms; >= 100,000 SetValue calls/s in the page. Both depend on a
quiet machine: CI's short mode (--short: 2,000 calls) judges them with the wide noise margins written beside them.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="bench.runtime" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Runtime benchmark</title>
    <item identifier="i" identifierref="r"><title>10k SetValue</title></item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="index.html">
    <file href="index.html"/></resource></resources>
</manifest>
"""

# Ten values per interaction: N/10 interactions. No Commit and no Terminate: durability must not depend on them.
SCO = """<!DOCTYPE html><html><body><script>
var api = window.parent.API_1484_11, n = %(interactions)d, calls = 0, failed = 0;
api.Initialize("");
var t0 = performance.now();
function set(k, v) { calls++; if (api.SetValue(k, v) !== "true") { failed++; } }
for (var i = 0; i < n; i++) {
  var p = "cmi.interactions." + i + ".";
  set(p + "id", "q" + i); set(p + "type", "choice"); set(p + "objectives.0.id", "obj" + (i %% 7));
  set(p + "timestamp", "2026-11-22T10:00:00"); set(p + "correct_responses.0.pattern", "a[,]b");
  set(p + "weighting", "1"); set(p + "learner_response", "a[,]b"); set(p + "result", "correct");
  set(p + "latency", "PT4.5S"); set(p + "description", "Question number " + i);
}
var ms = performance.now() - t0;
console.log("BENCH-END " + JSON.stringify({calls: calls, failed: failed, ms: ms}));
</script></body></html>
"""


def baseline_executemany(rows: list[tuple], folder: Path) -> float:
    db = folder / "baseline.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(
        "CREATE TABLE cmi_values (sco_state_id INTEGER, element TEXT, value TEXT, updated_at TEXT, "
        "PRIMARY KEY (sco_state_id, element)) WITHOUT ROWID"
    )
    t0 = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO cmi_values VALUES (?, ?, ?, ?)", rows)
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=None)
    ap.add_argument("--short", action="store_true", help="CI's short mode: 2,000 calls, one round")
    ap.add_argument("--rounds", type=int, default=None,
                    help="sessions of the run-time alone, their median reported (default 5; short mode 1)")
    args = ap.parse_args()
    from bench_durability import run_loop
    from common import figure, short

    if args.calls is None:
        args.calls = 2_000 if short() else 10_000
    if args.rounds is None:
        args.rounds = 1 if short() else 5
    interactions = args.calls // 10

    from scorm_desktop.app import create_application

    app = create_application(headless=True)  # noqa: F841  (kept alive for the sessions)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        pkg = tmp_path / "pkg"
        pkg.mkdir()
        (pkg / "imsmanifest.xml").write_text(MANIFEST)
        (pkg / "index.html").write_text(SCO % {"interactions": interactions})
        # The run-time alone (back-pressure off: what the page's JavaScript costs), then as shipped (the page is held
        # to the pace of the disk once its values are not durable soon enough: issue 11's bound).
        # One burst lasts ~0.1 s, within which the JIT's tiering and the machine's other work swing it by half (one
        # quiet run: 97,561 to 155,280 calls/s over five sessions), so the figure is the median of several sessions.
        rounds = [session(tmp_path / f"alone{i}", pkg, interactions, run_loop, back_pressure=False)
                  for i in range(max(1, args.rounds))]
        result = session(tmp_path / "shipped", pkg, interactions, run_loop, back_pressure=True)

        rows = [(1, f"cmi.interactions.{i // 10}.f{i % 10}", "value", "2026-11-22T10:00:00.000Z")
                for i in range(args.calls)]
        base = min(baseline_executemany(rows, tmp_path / f"b{i}") if (tmp_path / f"b{i}").mkdir() is None else 0
                   for i in range(3))

    if "ms" not in result or any("ms" not in r for r in rounds):
        print("the benchmark SCO did not finish", file=sys.stderr)
        return 1
    rates = sorted(r["calls"] / (r["ms"] / 1000.0) for r in rounds)
    per_second = statistics.median(rates)
    held_per_second = result["calls"] / (result["ms"] / 1000.0)
    durable_ms = result["durable"] * 1000
    figure("runtime", f"SetValue calls ({result['failed']} refused)", result["calls"], unit="calls")
    # Margins: a shared 2-core machine swings these figures by a factor of two between runs.
    figure("runtime", "SetValue calls per second in the page (the run-time alone)", per_second, unit="calls/s",
           target=">= 100,000", met=per_second >= 100_000, within_margin=per_second >= 50_000,
           note=f"back-pressure off (durableLagMs=0); median of {len(rates)} session(s), "
                f"{rates[0]:,.0f}-{rates[-1]:,.0f} (margin: 50,000)")
    waits = result.get("waits", 0)
    figure("runtime", "SetValue calls per second in the page, back-pressure on", held_per_second, unit="calls/s",
           note=f"as shipped: the burst waited {waits} time(s) for the disk (issue 11's bound); no target")
    figure("runtime", f"last call -> all {args.calls} values in SQLite (back-pressure on)", durable_ms, baseline=base * 1000,
           unit="ms", target="<= 250 ms", met=durable_ms <= 250, within_margin=durable_ms <= 750,
           note="baseline: sqlite3 executemany of the same rows, one transaction (margin: 750 ms)")
    return 0


def session(folder: Path, pkg: Path, interactions: int, run_loop, back_pressure: bool) -> dict:
    """One player session of the benchmark SCO in a data folder of its own; returns what the page reported, with
    "durable" (seconds from the page's last call until its last value is in SQLite) and "waits" (back-pressure)."""
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from scorm_desktop.paths import DataPaths
    from scorm_desktop.services import open_services
    from scorm_desktop.ui.player import Player
    from scorm_desktop.ui.webenv import WebEnv, delete_now

    services = open_services(DataPaths(folder, explicit=True), with_sample=False)
    if not back_pressure:
        services.settings.runtime.durable_lag_ms = 0
    course_id = services.library.import_package(pkg).course.id
    env = WebEnv(services)
    view = QWebEngineView()
    view.resize(800, 600)
    view.show()
    player = Player(services, env, view, learner="bench", unattended=True)
    result: dict = {}
    last_key = f"cmi.interactions.{interactions - 1}.description"
    db = services.paths.database

    def durable() -> bool:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT 1 FROM cmi_values WHERE element = ?", (last_key,)).fetchone() is not None
        finally:
            conn.close()

    def on_console(level, text, src, line):
        if text.startswith("BENCH-END "):
            result.update(json.loads(text[len("BENCH-END "):]))
            result["end"] = time.perf_counter()

    def is_durable() -> bool:
        if "end" in result and "durable" not in result and durable():
            result["durable"] = time.perf_counter() - result["end"]
        return "durable" in result

    player.consoleMessage.connect(on_console)
    player.open(course_id)
    # The real event loop (as the app runs it), checking the database file every few milliseconds.
    run_loop(120, is_durable, interval_ms=2)
    result["waits"] = env.handler.durable.waits
    player.close("closed")
    run_loop(1)
    player.dispose()
    delete_now(view)
    delete_now(player)
    env.shutdown()
    services.close()
    return result


if __name__ == "__main__":
    sys.exit(main())
