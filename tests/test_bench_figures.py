"""benchmarks/run's judge and `--write`: the README's figures are regenerated from a run's JSON lines, nothing else in
the README changes, and CI's short mode fails only beyond a figure's noise margin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "benchmarks" / "figures.py"


def _results(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "results.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(FIGURES), *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})})


def test_figure_appends_one_json_line_per_figure(tmp_path):
    out = tmp_path / "r.jsonl"
    code = ("import sys; sys.path.insert(0, 'benchmarks'); from common import figure; "
            "figure('x', 'speed', 1.5, baseline=1.0, unit='s', target='<= 2 s', met=True); "
            "figure('x', 'size', 10, unit='MB')")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env={**os.environ, "BENCH_RESULTS": str(out)},
                   capture_output=True)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["figure"] for r in rows] == ["speed", "size"]
    assert rows[0]["within_margin"] is True and rows[1]["met"] is None


def test_short_mode_fails_only_beyond_the_noise_margin(tmp_path):
    missed_in_noise = {"bench": "a", "figure": "f", "ours": 0.7, "baseline": 0.3, "met": False,
                       "within_margin": True}
    assert _run("judge", str(_results(tmp_path, [missed_in_noise])), "--short").returncode == 0
    assert _run("judge", str(_results(tmp_path, [missed_in_noise]))).returncode == 1, "a full run judges the target"
    beyond = {**missed_in_noise, "within_margin": False}
    judged = _run("judge", str(_results(tmp_path, [beyond])), "--short")
    assert judged.returncode == 1 and "a: f" in judged.stderr
    info = {"bench": "a", "figure": "g", "ours": 5, "met": None, "within_margin": None}
    assert _run("judge", str(_results(tmp_path, [info]))).returncode == 0


def test_write_regenerates_only_the_marked_section(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n\nprose before\n\n<!-- figures:begin -->\nold figures 1.23\n<!-- figures:end -->\n"
                      "\nprose after\n")
    rows = [{"bench": "launch", "figure": "start -> Initialize (s)", "ours": 0.42, "baseline": 0.2, "unit": "s",
             "target": "<= 0.5 s", "met": True, "within_margin": True, "note": "median"},
            {"bench": "idle", "figure": "PSS (MB)", "ours": 91.0, "baseline": 88.0, "unit": "MB",
             "target": "<= 300 MB", "met": False, "within_margin": False, "note": "a|b"}]
    done = _run("write", str(_results(tmp_path, rows)), str(readme), env={"BENCH_COMMIT": "abc1234+dirty"})
    assert done.returncode == 0, done.stderr
    text = readme.read_text()
    assert text.startswith("# Title\n\nprose before\n\n<!-- figures:begin -->")
    assert text.endswith("<!-- figures:end -->\n\nprose after\n")
    assert "old figures" not in text
    assert "commit `abc1234+dirty`" in text and "CPUs" in text
    assert "### launch" in text and "### idle" in text
    assert "| start -> Initialize (s) | 0.42 | 0.2 | s | <= 0.5 s | met | median |" in text
    assert "MISSED" in text and "a\\|b" in text
    again = _run("write", str(_results(tmp_path, rows)), str(readme), env={"BENCH_COMMIT": "abc1234+dirty"})
    assert again.returncode == 0 and readme.read_text().count("<!-- figures:begin -->") == 1


def test_write_refuses_a_readme_without_the_markers(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# no markers\n")
    done = _run("write", str(_results(tmp_path, [])), str(readme))
    assert done.returncode != 0 and "figures:begin" in done.stderr
    assert readme.read_text() == "# no markers\n"


def test_the_runner_skips_a_missing_benchmark_and_writes_what_ran(tmp_path):
    readme_before = (ROOT / "benchmarks" / "README.md").read_text()
    done = subprocess.run(["bash", str(ROOT / "benchmarks" / "run"), "--short", "nonexistent"], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "BENCH_PYTHON": sys.executable,
                                                    "BENCH_RESULTS": str(tmp_path / "r.jsonl")})
    assert done.returncode == 0, done.stderr
    assert "skipped: benchmarks/bench_nonexistent.py does not exist" in done.stdout
    assert (ROOT / "benchmarks" / "README.md").read_text() == readme_before


def test_idle_pss_sums_the_whole_process_tree(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_idle import pss_kb, tree
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    parent = subprocess.Popen([sys.executable, "-c",
                               "import subprocess, sys, time; "
                               "c = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(30)']); "
                               "print(c.pid, flush=True); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        pids = tree(parent.pid)
        assert pids[0] == parent.pid and child in pids
        assert pss_kb(parent.pid) > 0 and pss_kb(child) > 0
        assert sum(pss_kb(p) for p in pids) > pss_kb(parent.pid)
    finally:
        for pid in tree(parent.pid)[::-1]:
            os.kill(pid, 9)
        parent.wait()
