"""Answering adl.nav.request_valid.* for a large course: 1,000 activities five levels deep.

After each status change (a `report` of the current SCO), `Sequencer.valid_requests()` answers continue, previous and
choice/jump for every activity. Baseline in the same run: a plain preorder traversal of the same tree that visits
every activity and reads its state (the least any answer must do). Target: under 50 ms per full answer.

    .venv/bin/python benchmarks/bench_sequencing.py [--rounds 20] [--short]

The median misses the target only with a 2x noise margin (the machine is shared): then the benchmark fails.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import figure, short  # noqa: E402
from scorm_desktop.package.manifest import parse_manifest  # noqa: E402
from scorm_desktop.sequencing import ActivityTree, Sequencer  # noqa: E402

TARGET_MS = 50.0
NS = ('xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" '
      'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"')
CLUSTER_SEQ = '<imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>'
# Every leaf carries a realistic precondition (disabled until the previous one is satisfied, as in forced order).
LEAF_SEQ = ('<imsss:sequencing><imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions '
            'conditionCombination="any"><imsss:ruleCondition operator="not" condition="attempted"/>'
            '<imsss:ruleCondition condition="satisfied" referencedObjective="prev"/></imsss:ruleConditions>'
            '<imsss:ruleAction action="hiddenFromChoice"/></imsss:preConditionRule></imsss:sequencingRules>'
            '<imsss:objectives><imsss:primaryObjective objectiveID="p"/><imsss:objective objectiveID="prev">'
            '<imsss:mapInfo targetObjectiveID="g{n}"/></imsss:objective></imsss:objectives></imsss:sequencing>')


def build_manifest() -> tuple[bytes, int]:
    """4 modules, fan-out 4, 4, 3, then 4 leaves per cluster: 4+16+64+256 clusters, 768 leaves (1,109 with the root)."""
    count = 0

    def item(depth: int, path: str) -> str:
        nonlocal count
        count += 1
        if depth == 5:
            return (f'<item identifier="i{path}" identifierref="r"><title>Leaf {path}</title>'
                    f'{LEAF_SEQ.replace("{n}", str(count))}</item>')
        fan = (4, 4, 4, 3, 4)[depth - 1] if depth < 5 else 0
        kids = "".join(item(depth + 1, f"{path}.{k}") for k in range(fan))
        return f'<item identifier="i{path}"><title>Module {path}</title>{kids}{CLUSTER_SEQ}</item>'

    body = "".join(item(1, str(k)) for k in range(4))
    xml = f"""<?xml version="1.0"?><manifest identifier="bench" version="1" {NS}>
<metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
<organizations default="o"><organization identifier="o"><title>Bench</title>{body}{CLUSTER_SEQ}</organization>
</organizations><resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="a.html">
<file href="a.html"/></resource></resources></manifest>"""
    return xml.encode(), count + 1


def baseline(tree: ActivityTree) -> int:
    """A plain preorder traversal visiting every activity and reading its state."""
    seen = 0
    stack = [tree.root]
    while stack:
        act = stack.pop()
        seen += act.state.attempt_count >= 0
        stack.extend(act.available_children)
    return seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--short", action="store_true", help="CI's short mode: 3 rounds")
    args = parser.parse_args()
    rounds = args.rounds or (3 if short() else 20)
    xml, count = build_manifest()
    tree = ActivityTree.from_manifest(parse_manifest(xml))
    depth = max(a.depth for a in tree.activities.values())
    seq = Sequencer(tree)
    out = seq.navigate("start")
    assert out.deliver, out
    leaves = [a.id for a in tree.leaves()]
    ours, base, answers = [], [], 0
    for r in range(rounds + 1):
        # a status change: the current SCO reports, then the learner moves on (so every round differs)
        seq.report(seq.current_activity, {"cmi.completion_status": "completed", "cmi.success_status": "passed"})
        t0 = time.perf_counter()
        valid = seq.valid_requests()
        t1 = time.perf_counter()
        baseline(tree)
        t2 = time.perf_counter()
        if r:  # the first round warms up
            ours.append((t1 - t0) * 1000)
            base.append((t2 - t1) * 1000)
        answers = len(valid)
        seq.navigate("choice", leaves[(r * 37) % len(leaves)])
    med = statistics.median(ours)
    print(f"Sequencing validity: {len(tree.activities)} activities ({len(leaves)} leaves), {depth} levels below the "
          f"root, {answers} answers per call, {rounds} rounds")
    figure("sequencing", "valid_requests() median (ms)", med, baseline=statistics.median(base), unit="ms",
           target=f"< {TARGET_MS:.0f} ms", met=med < TARGET_MS, within_margin=med < 2 * TARGET_MS,
           note="baseline: a plain preorder traversal reading every activity's state")
    figure("sequencing", "valid_requests() best (ms)", min(ours), baseline=min(base), unit="ms")
    return 0 if med < 2 * TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
