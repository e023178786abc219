"""ADL's SCORM 2004 4th Edition LMS conformance cases, replayed through the real player (QtWebEngine offscreen).

Every case whose tester actions are navigation requests runs here, in one player process; the run prints
`N/M cases exact` and fails below M/M. `ADL_CASES=CM-01,OB-03b` runs only those (for iterating).
The cases that need a person are listed by `test_cases_needing_a_tester_are_listed_with_a_reason`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from adl_cases import all_cases  # noqa: E402

pytest.importorskip("PySide6.QtWebEngineWidgets")

pytestmark = pytest.mark.gui


def _selected():
    cases = [c for c in all_cases() if c.unattended]
    wanted = [x for x in os.environ.get("ADL_CASES", "").split(",") if x]
    return [c for c in cases if c.name in wanted] if wanted else cases


def test_cases_needing_a_tester_are_listed_with_a_reason():
    cases = all_cases()
    manual = [c for c in cases if not c.unattended]
    for c in manual:
        assert c.needs_tester, c.name
        print(f"needs a tester: {c.name}: {c.needs_tester}")
    print(f"{len(cases) - len(manual)} cases run unattended, {len(manual)} need a tester")
    assert len(cases) - len(manual) >= 100


def test_adl_cases_replayed_through_the_player(qtbot, tmp_path, player_rig):
    from player_replay import PlayerReplay

    replay = PlayerReplay(qtbot, tmp_path / "data", player_rig)
    cases = _selected()
    results = []
    try:
        for case in cases:
            results.append(replay.run(case))
    finally:
        replay.close_course()
    bad = [r for r in results if not r.exact]
    for r in bad:
        print(f"{r.name}: launched {r.launched}")
        for p in r.problems[:6]:
            print(f"    {p}")
    print(f"{len(results) - len(bad)}/{len(results)} cases exact "
          f"({sum(r.seconds for r in results):.0f} s in the player; "
          f"{sum(1 for c in all_cases() if not c.unattended)} cases need a tester)")
    assert not bad, f"{len(results) - len(bad)}/{len(results)} cases exact; failing: {' '.join(r.name for r in bad)}"
