"""No traceback for a user's mistake, anywhere: every command, run as a user runs it (a real subprocess on a real data
folder), with arguments that are wrong in the ways people get them wrong. Each gets one sentence on stderr and the
exit status the README's command table gives, and nothing is recorded for it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from helpers import MULTI_12, PROBE_12, PROBE_2004

ROOT = Path(__file__).resolve().parent.parent.parent


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("SCORM_DESKTOP_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "scorm_desktop", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    """A data folder with the sample course (1), a SCORM 1.2 course (2), a SCORM 2004 course (3) and a removed one
    (4); nobody has played anything."""
    data = tmp_path_factory.mktemp("bad-args") / "data"
    for pkg in (PROBE_12, PROBE_2004, MULTI_12):
        assert run("--data-dir", str(data), "import", str(pkg)).returncode == 0
    assert run("--data-dir", str(data), "remove", "4", "--yes").returncode == 0
    return data


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("learners", "attempts", "sco_states", "sessions", "cmi_values")}
    finally:
        conn.close()


def cases(tmp: Path) -> list[tuple[list[str], int]]:
    """(arguments after --data-dir DATA, exit status)."""
    a_file = tmp / "a-file.txt"
    a_file.write_text("not a bundle, not a package")
    (tmp / "empty-folder").mkdir(exist_ok=True)
    return [
        (["cuorses"], 2),
        (["improt", str(PROBE_12)], 2),
        (["missing-course.zip"], 2),
        (["courses", "--bogus"], 2),
        (["import"], 2),
        (["import", str(tmp / "missing.zip")], 1),
        (["import", str(tmp / "empty-folder")], 1),
        (["import", str(a_file)], 1),
        (["remove", "999", "--yes"], 2),
        (["remove", "No Such Title", "--yes"], 2),
        (["remove", "2"], 2),
        (["play"], 2),
        (["play", "999", "--headless"], 2),
        (["play", "2", "--headless", "--sco", "nope"], 2),
        (["play", "3", "--headless", "--sco", "nope"], 2),
        (["play", "2", "--sco", "nope"], 2),
        (["play", "2", "--headless", "--learner", ""], 2),
        (["play", "3", "--headless", "--learner", "   "], 2),
        (["play", "4", "--headless"], 2),
        (["play", "4"], 2),
        (["play", "2", "--headless", "--timeout", "nan"], 2),
        (["play", "2", "--headless", "--timeout", "1e300"], 2),
        (["play", "2", "--headless", "--timeout", "inf"], 2),
        (["play", "2", "--headless", "--timeout", "-5"], 2),
        (["play", "2", "--headless", "--timeout", "0"], 2),
        (["play", "2", "--headless", "--timeout", "soon"], 2),
        (["play", "2", "--headless", "--mode", "bogus"], 2),
        (["play", "2", "--headless", "--api-log", str(tmp / "no-such-folder" / "api.jsonl")], 2),
        (["report", "--course", "999"], 2),
        (["report", "--bogus"], 2),
        (["learner"], 2),
        (["learner", "frob"], 2),
        (["learner", "add", ""], 2),
        (["learner", "add", "  "], 2),
        (["learner", "rename", "Nobody", "X"], 2),
        (["learner", "remove", "Nobody", "--yes"], 2),
        (["learner", "pin", "Nobody"], 2),
        (["attempts", "999"], 2),
        (["attempts", "2", "--learner", "Nobody"], 2),
        (["reset", "999", "--yes"], 2),
        (["reset", "2"], 2),
        (["reset", "2", "--learner", "Nobody", "--yes"], 2),
        (["export"], 2),
        (["export", "--csv", str(tmp / "no-such-folder" / "x.csv")], 2),
        (["export", "--csv", str(tmp / "x.csv"), "--learner", "Nobody"], 2),
        (["export", "--csv", str(tmp / "x.csv"), "--course", "999"], 2),
        (["sync"], 2),
        (["sync", "--max-wait", "nan"], 2),
        (["sync", "--max-wait", "-1"], 2),
        (["export-records", str(tmp / "no-such-folder" / "records.bundle")], 1),
        (["import-records", str(tmp / "missing.bundle")], 1),
        (["import-records", str(a_file)], 1),
        (["backups", "--bogus"], 2),
        (["restore", "no-such-backup"], 2),
        (["convert-media", "999"], 2),
        (["clear-preview", "extra"], 2),
    ]


def test_every_command_with_bad_arguments_says_one_sentence_and_records_nothing(library, tmp_path):
    before = counts(library / "library.sqlite3")
    todo = cases(tmp_path)
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda case: run("--data-dir", str(library), *case[0]), todo))
    problems = []
    for (args, expected), r in zip(todo, results):
        said = [ln for ln in r.stderr.splitlines() if ln.strip()]
        if "Traceback" in r.stdout + r.stderr:
            problems.append(f"{args}: a traceback:\n{r.stderr[-1500:]}")
        elif r.returncode != expected:
            problems.append(f"{args}: exit {r.returncode}, expected {expected}: {r.stderr[-500:]}")
        elif len(said) != 1:
            problems.append(f"{args}: expected one sentence on stderr, got {said}")
    assert not problems, "\n".join(problems)
    assert counts(library / "library.sqlite3") == before  # no learner, attempt or session was made by a refusal


def test_the_data_folder_argument_is_checked_first(tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    for args, says in [
        (["--data-dir", "", "courses"], "--data-dir is empty"),
        (["--data-dir", "/dev/null", "courses"], "cannot use /dev/null as a data folder: it is a file"),
        (["--data-dir", str(a_file), "courses"], f"cannot use {a_file} as a data folder: it is a file"),
        (["--data-dir", str(a_file / "sub"), "courses"], "cannot be created"),
        (["--data-dir", str(a_file), "import", str(PROBE_12)], "it is a file"),
    ]:
        r = run(*args)
        assert r.returncode == 2, (args, r.stderr)
        assert "Traceback" not in r.stderr
        assert r.stderr.count("\n") == 1 and says in r.stderr, (args, r.stderr)


def test_a_mistyped_command_word_is_an_unknown_command_not_a_file_to_open(tmp_path):
    r = run("--data-dir", str(tmp_path / "data"), "cuorses")
    assert r.returncode == 2
    assert "unknown command 'cuorses'" in r.stderr and "did you mean 'courses'" in r.stderr
    assert not (tmp_path / "data").exists()  # nothing was opened, no app started
