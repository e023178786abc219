"""The data folder's owners (owners.py) with real processes: a claim is written, named, then locked (the way
Windows allows, taken on every OS), visible to every other process once `claim` returns, and never lost to another
process probing or tidying the folder at the same moment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from scorm_desktop import owners

ROOT = Path(__file__).resolve().parent.parent.parent


def _run(code: str, *args: str, timeout: float = 120) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *map(str, args)], cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


HOLD = """
    import sys
    from scorm_desktop import owners
    made = owners.claim(sys.argv[1])
    print(made.token, flush=True)
    sys.stdin.readline()
    owners.release(sys.argv[1])
    print("RELEASED", flush=True)
    sys.stdin.readline()
"""


def test_a_claim_is_a_named_locked_file_another_process_sees_and_release_removes_it(tmp_path):
    holder = _run(HOLD, tmp_path)
    try:
        token = holder.stdout.readline().strip()
        files = sorted(p.name for p in owners.owners_dir(tmp_path).iterdir())
        assert files == [f"{token}.lock"]  # no half-made temp file left beside it
        info = json.loads((owners.owners_dir(tmp_path) / files[0]).read_text())
        assert info["pid"] == holder.pid and info["token"] == token
        assert owners.living(tmp_path) == [token] and owners.held_by_another(tmp_path, token)
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "RELEASED"
        assert list(owners.owners_dir(tmp_path).iterdir()) == [] and owners.living(tmp_path) == []
    finally:
        holder.kill()
        holder.wait()


def test_claims_hold_while_other_processes_probe_and_tidy_the_folder_without_pause(tmp_path):
    """Between naming and locking, a claim file looks dead: a prober's instant lock must not fail the claim, and
    tidying (`prune`) must not remove it."""
    probers = [_run("""
        import sys
        from scorm_desktop import owners
        print("GO", flush=True)
        while True:
            owners.living(sys.argv[1])
            owners.prune(sys.argv[1])
    """, tmp_path) for _ in range(2)]
    try:
        for p in probers:
            assert p.stdout.readline().strip() == "GO"
        claimer = _run("""
            import sys
            from scorm_desktop import owners
            for _ in range(200):
                made = owners.claim(sys.argv[1])
                assert made is not None, "claim failed"
                assert owners.is_alive(sys.argv[1], made.token) and made.path.exists()
                assert made.path.stat().st_ino == __import__("os").fstat(made.fd).st_ino, "claim file replaced"
                owners.release(sys.argv[1])
            print("OK", flush=True)
        """, tmp_path)
        out, err = claimer.communicate(timeout=300)
        assert claimer.returncode == 0 and out.strip() == "OK", err[-2000:]
    finally:
        for p in probers:
            p.kill()
            p.wait()


def test_of_two_processes_claiming_together_at_least_one_sees_the_other(tmp_path):
    """What `restore` relies on: claim first, then look for others; two such starts never both see nobody."""
    code = """
        import sys
        from scorm_desktop import owners
        sys.stdin.readline()  # start together
        owners.claim(sys.argv[1])
        print(len([t for t in owners.living(sys.argv[1]) if not owners.is_mine(t)]), flush=True)
        sys.stdin.readline()
    """
    for round_ in range(10):
        root = tmp_path / str(round_)
        a, b = _run(code, root), _run(code, root)
        try:
            for p in (a, b):
                p.stdin.write("\n")
                p.stdin.flush()
            seen = [int(p.stdout.readline()) for p in (a, b)]
            assert max(seen) == 1, seen
        finally:
            for p in (a, b):
                p.kill()
                p.wait()
