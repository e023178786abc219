"""The SCORM 2004 sequencer: the Overall Sequencing Process [OP.1] and everything it calls (SN book, appendix C).

One `Sequencer` per learner and course. The player drives it:

* at launch: `Sequencer.from_state(tree, saved)` (or `Sequencer(tree)` the first time), then `navigate("resumeAll")`
  when `suspended_activity` is set, else `navigate("start")`; deliver `Outcome.deliver`. When start delivers nothing
  (a course without flow: the SN default), show the table of contents and wait for a choice;
* when a SCO's session ends: `report(activity_id, cmi_values)`, then the navigation request that ended it (the
  content's `adl.nav.request` through `content_nav_request`, or the button the learner pressed through `navigate`);
* for the buttons and the TOC: `nav_ui_state()`; for `adl.nav.request_valid.*`: `valid_requests()`;
* save `to_state()` after every `navigate`.

The SN processes live in modules named after the book's codes and are mixed into `Sequencer`: `nb_navigation.py`
(NB.2.1), `tb_termination.py` (TB.2.x, UP.3, UP.4), `sb_sequencing.py` (SB.2.x), `db_delivery.py` (DB.1.1, DB.2);
rollup (RB.1.x) is `rollup.py`, selection and randomization (SR.1, SR.2) are in `tree.py`, rule and limit checks
(UP.1, UP.2, UP.5) in `rules.py`, the run-time data mapping in `runtime_map.py`, what they share in `base.py`. This
module keeps the public API and the validity answers.

Refusals carry the SN exception code (for example "NB.2.1-2": the session has not begun, "SB.2.2-1": flow is not
allowed, "DB.1.1-3": the activity is disabled or past its attempt limit). Requests are processed with the SN's
three-valued logic and read-through objective maps; see `rules.py` and `rollup.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from scorm_desktop.sequencing import rules as R
from scorm_desktop.sequencing.base import BACKWARD, FORWARD, _Refused, common_ancestor  # noqa: F401
from scorm_desktop.sequencing.db_delivery import Delivery
from scorm_desktop.sequencing.nb_navigation import NavigationRequests
from scorm_desktop.sequencing.runtime_map import RuntimeMapping
from scorm_desktop.sequencing.sb_sequencing import SequencingRequests
from scorm_desktop.sequencing.tb_termination import Termination
from scorm_desktop.sequencing.tree import Activity, ActivityTree

#: Navigation requests `navigate` accepts (SN 4.4.1; "jump" is 4th ed.).
NAV_REQUESTS = (
    "start", "resumeAll", "continue", "previous", "choice", "jump",
    "exit", "exitAll", "abandon", "abandonAll", "suspendAll",
)
#: Player buttons, by the hideLMSUI token that hides each.
BUTTONS = ("previous", "continue", "exit", "exitAll", "suspendAll", "abandon", "abandonAll")

_TARGETED = re.compile(r"^\{target=([^}]*)\}(choice|jump)$")


@dataclass
class Outcome:
    """What the sequencer decided.

    `valid` is False when the request was refused (`exception` holds the SN code); a refusal after the termination
    part succeeded still ended the current attempt (`current` tells where the sequencer stands). `deliver` is the leaf
    to launch, or None. `ended` is True when the sequencing session ended (exit all, suspend all, continue past the
    end, ...): close the player.
    """

    valid: bool
    deliver: str | None = None
    ended: bool = False
    exception: str | None = None
    current: str | None = None


def parse_nav_request(value: str) -> tuple[str, str | None] | None:
    """An `adl.nav.request` value -> (request, target), None for "_none_". ValueError for anything else."""
    text = (value or "").strip()
    if text in ("", "_none_"):
        return None
    m = _TARGETED.match(text)
    if m:
        return m.group(2), m.group(1)
    if text in ("continue", "previous", "exit", "exitAll", "abandon", "abandonAll", "suspendAll"):
        return text, None
    raise ValueError(f"'{value}' is not an adl.nav.request value")


def _tf(ok: bool) -> str:
    return "true" if ok else "false"


class Sequencer(RuntimeMapping, NavigationRequests, Termination, SequencingRequests, Delivery):
    """The Overall Sequencing Process [OP.1] over the SN processes mixed in from nb_/tb_/sb_/db_ modules."""

    # --- public API --------------------------------------------------------------------------------------------------

    @property
    def current_activity(self) -> str | None:
        return self.current.id if self.current else None

    @property
    def suspended_activity(self) -> str | None:
        return self.suspended.id if self.suspended else None

    def navigate(self, request: str, target: str | None = None) -> Outcome:
        """Overall Sequencing Process [OP.1] for one navigation request."""
        self._memo = None
        try:
            termination, sequencing, target_act = self._navigation_request_process(request, target)
        except _Refused as refused:
            return Outcome(False, exception=refused.code, current=self.current_activity)
        try:
            if termination is not None:
                replaced = self._termination_request_process(termination)
                if replaced is not None:
                    sequencing = replaced
                    if replaced in ("retry", "exit"):
                        target_act = None
                    if replaced == "retry" and self.current is not None and self.current.is_root \
                            and not self.tree.objectives_global_to_system:
                        # the course's attempt starts over: its own global objectives are unknown again before
                        # the flow chooses what to deliver (ADL RU-13d)
                        self.tree.global_objectives.clear()
            if sequencing is None:
                return Outcome(True, current=self.current_activity)
            deliver, ended = self._sequencing_request_process(sequencing, target_act)
            if ended:
                self._end_sequencing_session()
                return Outcome(True, ended=True)
            if deliver is None:
                return Outcome(True, current=self.current_activity)
            self._delivery_request_process(deliver)
            self._content_delivery_environment(deliver)
            return Outcome(True, deliver=deliver.id, current=self.current_activity)
        except _Refused as refused:
            return Outcome(False, exception=refused.code, current=self.current_activity)

    def content_nav_request(self, request_value: str) -> Outcome | None:
        """Process the content's `adl.nav.request` value (after `report`); None for "_none_" (nothing to do).

        Raises ValueError for a value outside the vocabulary.
        """
        parsed = parse_nav_request(request_value)
        if parsed is None:
            return None
        return self.navigate(*parsed)

    def valid_requests(self) -> dict[str, str]:
        """`adl.nav.request_valid.*`: "continue", "previous", "choice.{target=ID}", "jump.{target=ID}" -> "true"/"false".

        Computed on the current state without changing it (termination effects are not simulated).
        """
        self._memo = {}
        try:
            out = {"continue": _tf(self._flow_valid(FORWARD)), "previous": _tf(self._flow_valid(BACKWARD))}
            for act in self.tree.activities.values():
                out[f"choice.{{target={act.id}}}"] = _tf(self._choice_valid(act))
                out[f"jump.{{target={act.id}}}"] = _tf(self._jump_valid(act))
            return out
        finally:
            self._memo = None

    def nav_ui_state(self) -> dict[str, Any]:
        """Buttons, table of contents and the course result, for the player."""
        self._memo = {}
        try:
            cur = self.current
            hidden = set(cur.hide_lms_ui) if cur else set()
            started = cur is not None
            active = bool(cur and cur.state.is_active)
            valid = {
                "previous": self._flow_valid(BACKWARD),
                "continue": self._flow_valid(FORWARD),
                "exit": active,
                "exitAll": started,
                "suspendAll": started,
                "abandon": active,
                "abandonAll": started,
            }
            buttons = {b: valid[b] and b not in hidden for b in BUTTONS}
            toc = [self._toc_entry(a) for a in self.tree.preorder()]
            return {
                "buttons": buttons,
                "toc": toc,
                "current": self.current_activity,
                "suspended": self.suspended_activity,
                "course": self.course_result(),
            }
        finally:
            self._memo = None

    def course_result(self) -> dict[str, Any]:
        """The root's rolled-up result: completion_status, success_status, score_scaled, progress_measure."""
        root = self.tree.root
        return _result(self.tree, root)

    def to_state(self) -> dict[str, Any]:
        """JSON-able: every activity's tracking state, the global objectives, current and suspended activity."""
        return {
            "version": 1,
            "current": self.current_activity,
            "suspended": self.suspended_activity,
            "tree": self.tree.state_dict(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Put back a state taken with `to_state()` (after a look at what reporting values would change)."""
        self.tree.load_state_dict(state.get("tree", {}))
        self.current = self.tree.get(state.get("current"))
        self.suspended = self.tree.get(state.get("suspended"))

    @classmethod
    def from_state(cls, tree: ActivityTree, state: dict[str, Any] | None) -> "Sequencer":
        seq = cls(tree)
        if not state:
            return seq
        tree.load_state_dict(state.get("tree", {}))
        seq.current = tree.get(state.get("current"))
        seq.suspended = tree.get(state.get("suspended"))
        return seq

    # --- validity without side effects -------------------------------------------------------------------------------

    def _flow_valid(self, direction: str) -> bool:
        cur = self.current
        if cur is None or cur.is_root:
            return False
        parent_mode = cur.parent.definition.control_mode  # type: ignore[union-attr]
        if not parent_mode.flow or (direction == BACKWARD and parent_mode.forward_only):
            return False
        deliver, _exc, end = self._cached(("flowdir", direction), lambda: self._flow_subprocess(cur, direction, False))
        if deliver is None:
            return end
        return deliver.is_leaf and self._delivery_ok(deliver)

    def _choice_valid(self, act: Activity) -> bool:
        if not self.tree.is_available(act):
            return False
        try:
            self._choice_navigation_checks(act)
            deliver = self._choice_sequencing_request(act, dry=True)
            return deliver.is_leaf and self._delivery_ok(deliver)
        except _Refused:
            return False

    def _jump_valid(self, act: Activity) -> bool:
        if self.current is None or not act.is_leaf or not self.tree.is_available(act):
            return False
        return self._delivery_ok(act)

    def _toc_entry(self, act: Activity) -> dict[str, Any]:
        entry = {
            "id": act.id,
            "title": act.title,
            "parent": act.parent.id if act.parent else None,
            "depth": act.depth,
            "is_leaf": act.is_leaf,
            "visible": act.is_visible,
            "hidden_from_choice": self._hidden_on_path(act) is not None,
            "enabled": self._choice_valid(act),
            "disabled": self._rule(act, ("disabled",)) is not None,
            "current": act is self.current,
            "active": act.state.is_active,
            "suspended": act.state.is_suspended,
            "attempted": act.state.activity_progress_status,
            "attempt_count": act.state.attempt_count,
        }
        entry.update(_result(self.tree, act))
        return entry


def _result(tree: ActivityTree, act: Activity) -> dict[str, Any]:
    known, completed = R.completion(tree, act)
    sat_known, satisfied = R.satisfaction(tree, act)
    m_known, m = R.measure(tree, act)
    pm_known, pm = R.progress_measure(tree, act)
    if known:
        completion = "completed" if completed else "incomplete"
    else:
        completion = "unknown" if act.state.activity_progress_status else "not attempted"
    return {
        "completion_status": completion,
        "success_status": ("passed" if satisfied else "failed") if sat_known else "unknown",
        "score_scaled": m if m_known else None,
        "progress_measure": pm if pm_known else None,
    }


