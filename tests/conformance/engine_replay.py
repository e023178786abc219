"""A fast, engine-only replay of ADL's cases (no QtWebEngine, no database): for iterating on the sequencer.

Only the order of launches is checked: the SCO's SetValue calls are applied as given (no run-time validation) and
reported to the `Sequencer` as the player would. The CI run goes through the real player (test_adl_conformance.py).

    PYTHONPATH=$PWD /work/main/.venv/bin/python tests/conformance/engine_replay.py [CASE ...]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from adl_cases import (AFTER_END_CHOICE, RELAUNCH_CHOICE, Case, all_cases, load_case, relaunches,  # noqa: E402
                       tester_request)
from scorm_desktop.sequencing.engine import Outcome  # noqa: E402

from scorm_desktop.package.manifest import parse_manifest  # noqa: E402
from scorm_desktop.sequencing import ActivityTree, Sequencer  # noqa: E402


def _act_number(act_id: str, case: Case) -> str:
    m = re.search(r"act=(\d+)", _params(case).get(act_id, ""))
    return m.group(1) if m else "?"


def _params(case: Case) -> dict[str, str]:
    return {m.group(1).strip(): m.group(2) for m in re.finditer(
        r'<item\s[^>]*identifier\s*=\s*"([^"]+)"[^>]*parameters\s*=\s*"([^"]*)"', case.manifest)}


def replay(case: Case) -> list[str]:
    manifest = parse_manifest(case.manifest.encode("utf-8"))
    tree = ActivityTree.from_manifest(manifest, seed=1)
    seq = Sequencer(tree)
    titles = case.titles()
    state = None

    def begin():
        nonlocal seq
        t = ActivityTree.from_manifest(manifest, seed=1)
        seq = Sequencer.from_state(t, state)
        if seq.suspended_activity is not None:
            return seq.navigate("resumeAll")
        return seq.navigate("start")

    out = seq.navigate("choice", titles.get(case.start)) if case.start != "." else seq.navigate("start")
    problems: list[str] = []
    for i, launch in enumerate(case.launches):
        if out.deliver is None:
            problems.append(f"launch {i + 1}: expected Activity {launch.act}, got nothing ({out.exception}, "
                            f"ended={out.ended})")
            return problems
        got = _act_number(out.deliver, case)
        if got != launch.act:
            problems.append(f"launch {i + 1}: Activity {got} delivered, expected Activity {launch.act}")
            return problems
        values: dict[str, str] = {}
        for c in launch.commands:
            if c.fn == "SET" and "&" not in c.element:
                values[c.element] = c.value
            elif c.fn == "SET":
                oid = c.element.split("&")[1]
                ids = [o.objective_id for o in tree.activities[out.deliver].definition.objectives if o.objective_id]
                idx = ids.index(oid) if oid in ids else len(ids)
                values[c.element.replace(f"&{oid}&", str(idx))] = c.value
                values[f"cmi.objectives.{idx}.id"] = oid
        nav = values.get("adl.nav.request", "_none_")
        if nav not in ("abandon", "abandonAll"):
            seq.report(out.deliver, values)
        cui = launch.cui
        request = tester_request(cui)
        if request is not None:
            # the tester's event ends the SCO and replaces its request
            name, title = request
            out = seq.navigate(name, titles.get(title) if title else None)
            if name == "suspendAll":
                state = seq.to_state()
                out = begin()
                tree = seq.tree
                continue
        elif nav != "_none_":
            out = seq.content_nav_request(nav)
        else:
            out = Outcome(True)
        if cui in AFTER_END_CHOICE:
            out = seq.navigate("choice", titles.get(AFTER_END_CHOICE[cui]))
        if relaunches(cui):
            if seq.current_activity is not None:
                done = seq.course_result()["completion_status"] == "completed"
                r = seq.navigate("exitAll" if done else "suspendAll")
                if not r.valid:
                    seq.navigate("suspendAll")
            state = seq.to_state()
            out = begin()
            tree = seq.tree
            again = RELAUNCH_CHOICE.get(cui)
            if again and out.deliver is None:
                out = seq.navigate("choice", titles.get(again))
    if out.deliver is not None:
        problems.append(f"an extra launch of Activity {_act_number(out.deliver, case)}")
    return problems


def main(names: list[str]) -> int:
    cases = [load_case(n) for n in names] if names else [c for c in all_cases() if c.unattended]
    bad = 0
    for case in cases:
        try:
            problems = replay(case)
        except Exception as exc:  # noqa: BLE001 - a crash is a failing case, reported with its name
            problems = [f"crash: {exc!r}"]
        if problems:
            bad += 1
            print(f"{case.name}: {'; '.join(problems)}")
    print(f"{len(cases) - bad}/{len(cases)} cases with the launches in order (engine only)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
