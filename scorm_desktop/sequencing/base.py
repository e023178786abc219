"""What the SN processes share: the refusal carrying an SN exception code, traversal directions, tree helpers and
the memo used while answering validity questions (the Check Activity Process [UP.5] and rule checks [UP.2])."""

from __future__ import annotations

from typing import Any, Callable

from scorm_desktop.sequencing import rules as R
from scorm_desktop.sequencing.tree import Activity, ActivityTree

FORWARD = "forward"
BACKWARD = "backward"


class _Refused(Exception):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def common_ancestor(a: Activity, b: Activity) -> Activity:
    """The nearest activity that is `a` or an ancestor of it and also `b` or an ancestor of `b`."""
    mine = set(a.ancestors())
    for x in b.ancestors():
        if x in mine:
            return x
    return b.ancestors()[-1]


class SequencerBase:
    """The sequencer's state (tree, current and suspended activity) and the memo; the SN processes are mixed in."""

    def __init__(self, tree: ActivityTree):
        self.tree = tree
        self.current: Activity | None = None
        self.suspended: Activity | None = None
        self._memo: dict[Any, Any] | None = None

    # --- memo (only while answering validity questions) ---------------------------------------------------------------

    def _cached(self, key: Any, fn: Callable[[], Any]) -> Any:
        memo = self._memo
        if memo is None:
            return fn()
        if key in memo:
            return memo[key]
        value = memo[key] = fn()
        return value

    def _rule(self, act: Activity, actions: tuple[str, ...]) -> str | None:
        rules = act.definition.pre_rules
        if not rules:
            return None
        return self._cached(("rule", act, actions), lambda: R.sequencing_rules_check(self.tree, act, rules, actions))

    def _check_activity(self, act: Activity) -> bool:
        """Check Activity Process [UP.5] (memoised while answering validity)."""
        def compute() -> bool:
            if self._rule(act, ("disabled",)) is not None:
                return True
            return R.limit_conditions_check(act)
        return self._cached(("check", act), compute)


def _index(items: list[Activity], act: Activity) -> int:
    for i, x in enumerate(items):
        if x is act:
            return i
    return -1


def _path_down(ancestor: Activity, target: Activity) -> list[Activity]:
    """Activities from `ancestor` (exclusive) down to `target` (inclusive), top first."""
    path = []
    node: Activity | None = target
    while node is not None and node is not ancestor:
        path.append(node)
        node = node.parent
    path.reverse()
    return path


def _num(value: float, text: str | None = None) -> str:
    """A number for the run-time data model: as the content wrote it when that text holds this value, else as a
    SCO would have written it (0.8 -> "0.8", 2000.0 -> "2000")."""
    if text is not None:
        try:
            if float(text) == float(value):
                return text
        except ValueError:
            pass
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
