"""The SCORM 2004 sequencer: the Overall Sequencing Process [OP.1] and everything it calls (SN book, appendix C).

One `Sequencer` per learner and course. The player drives it:

* at launch: `Sequencer.from_state(tree, saved)` (or `Sequencer(tree)` the first time), then `navigate("resumeAll")`
  when `suspended_activity` is set, else `navigate("start")`; deliver `Outcome.deliver`. When start delivers nothing
  (a course without flow: the SN default), show the table of contents and wait for a choice;
* when a SCO's session ends: `report(activity_id, cmi_values)`, then the navigation request that ended it (the
  content's `adl.nav.request` through `content_nav_request`, or the button the learner pressed through `navigate`);
* for the buttons and the TOC: `nav_ui_state()`; for `adl.nav.request_valid.*`: `valid_requests()`;
* save `to_state()` after every `navigate`.

Refusals carry the SN exception code (for example "NB.2.1-2": the session has not begun, "SB.2.2-1": flow is not
allowed, "DB.1.1-3": the activity is disabled or past its attempt limit). Requests are processed with the SN's
three-valued logic and read-through objective maps; see `rules.py` and `rollup.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from scorm_desktop.cmi import timefmt
from scorm_desktop.sequencing import rules as R
from scorm_desktop.sequencing.definition import POST_ACTIONS
from scorm_desktop.sequencing.rollup import overall_rollup, rollup_with_readers
from scorm_desktop.sequencing.tree import Activity, ActivityTree

FORWARD = "forward"
BACKWARD = "backward"

#: Navigation requests `navigate` accepts (SN 4.4.1; "jump" is 4th ed.).
NAV_REQUESTS = (
    "start", "resumeAll", "continue", "previous", "choice", "jump",
    "exit", "exitAll", "abandon", "abandonAll", "suspendAll",
)
#: Player buttons, by the hideLMSUI token that hides each.
BUTTONS = ("previous", "continue", "exit", "exitAll", "suspendAll", "abandon", "abandonAll")

_TARGETED = re.compile(r"^\{target=([^}]*)\}(choice|jump)$")


class _Refused(Exception):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


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


def common_ancestor(a: Activity, b: Activity) -> Activity:
    """The nearest activity that is `a` or an ancestor of it and also `b` or an ancestor of `b`."""
    mine = set(a.ancestors())
    for x in b.ancestors():
        if x in mine:
            return x
    return b.ancestors()[-1]


class Sequencer:
    def __init__(self, tree: ActivityTree):
        self.tree = tree
        self.current: Activity | None = None
        self.suspended: Activity | None = None
        self._memo: dict[Any, Any] | None = None

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

    def report(self, activity_id: str, runtime: dict[str, str]) -> str | None:
        """Copy a leaf's SCORM 2004 run-time values into its tracking state (RTE 4.2 -> SN 4.2 mapping), roll up.

        Keys absent from `runtime` leave the state as it is. Returns "exitAll" when cmi.exit asks the LMS to end the
        course (time-out, logout), else None.
        """
        act = self.tree.activities.get(activity_id)
        if act is None or act.children:
            raise ValueError(f"'{activity_id}' is not a leaf activity of this course")
        exit_value = (runtime.get("cmi.exit") or "").strip()
        if "cmi.exit" in runtime:
            act.state.is_suspended = exit_value == "suspend"
        if not act.definition.delivery.tracked:
            return "exitAll" if exit_value in ("time-out", "logout") else None
        st = act.state
        # cmi.objectives.n.* onto the declared objectives with the same id
        by_index: dict[str, dict[str, str]] = {}
        for key, value in runtime.items():
            m = re.match(r"^cmi\.objectives\.(\d+)\.(.+)$", key)
            if m:
                by_index.setdefault(m.group(1), {})[m.group(2)] = value
        # The LMS preloads the declared objectives' ids (launch.prepare), so a SCO that only sets a status leaves
        # no id among its own values: index n is then the n-th declared objective that has an id.
        declared = [o.objective_id for o in act.definition.objectives if o.objective_id]
        cleared: set[str] = set()
        for index, values in by_index.items():
            oid = values.get("id") or (declared[int(index)] if int(index) < len(declared) else "")
            obj = act.definition.objective(oid or "\0")
            if obj is None or not oid:
                continue
            if obj.primary:  # the primary objective's entry in cmi.objectives counts as the SCO's own status
                st.status_set_by_content |= "success_status" in values
                st.progress_set_by_content |= "completion_status" in values
            if values.get("success_status") == "unknown":
                cleared.add(obj.objective_id)
            if values.get("completion_status") == "unknown":
                cleared.add(obj.objective_id + "\0completion")
            self._apply_objective_values(act, obj.objective_id, obj.primary, values)
        primary = act.definition.primary_objective
        top = {k[4:]: v for k, v in runtime.items() if k.startswith("cmi.") and not k.startswith("cmi.objectives.")}
        st.progress_set_by_content |= "completion_status" in top
        st.status_set_by_content |= "success_status" in top
        self._apply_objective_values(act, primary.objective_id, True, top)
        session = timefmt.try_parse(runtime.get("cmi.session_time"))
        if session:
            st.attempt_experienced_duration += session
            st.attempt_absolute_duration += session
            st.activity_experienced_duration += session
            st.activity_absolute_duration += session
        if top.get("success_status") == "unknown":
            cleared.add(primary.objective_id)
        if top.get("completion_status") == "unknown":
            cleared.add(primary.objective_id + "\0completion")
        R.write_maps(self.tree, act, frozenset(cleared))
        rollup_with_readers(self.tree, act)
        return "exitAll" if exit_value in ("time-out", "logout") else None

    def objective_values(self, activity_id: str) -> dict[str, dict[str, str]]:
        """What the SCO's cmi.objectives start with, by objective id (RTE 4.2.17: the LMS initialises each declared
        objective's status from its tracking data, read through the objective maps): "success_status",
        "completion_status", "score.scaled", "progress_measure", "score.raw/min/max" when known."""
        act = self.tree.get(activity_id)
        out: dict[str, dict[str, str]] = {}
        if act is None:
            return out
        for obj in act.definition.objectives:
            if not obj.objective_id:
                continue
            v: dict[str, str] = {}
            known, sat = R.satisfaction(self.tree, act, obj.objective_id)
            if known:
                v["success_status"] = "passed" if sat else "failed"
            texts = R.number_texts(self.tree, act, obj.objective_id)
            known, m = R.measure(self.tree, act, obj.objective_id)
            if known:
                # the measure is kept as a number (ADL OB-17b: "1.0" written reads back "1"); the 4th-ed. values
                # keep the content's text (OB-06: progress measure "1.0")
                v["score.scaled"] = _num(m)
            # the status as recorded: completedByMeasure judges it for sequencing, not for what the SCO reads
            # (ADL CO-10: 0.2 with a threshold of 0.15 still reads "incomplete", as the global says)
            known, done = R.completion(self.tree, act, obj.objective_id, by_measure=False)
            if known:
                v["completion_status"] = "completed" if done else "incomplete"
            known, pm = R.progress_measure(self.tree, act, obj.objective_id)
            if known:
                v["progress_measure"] = _num(pm, texts.get("progress_measure"))
            for name in ("raw", "min", "max"):
                value = R.score_part(self.tree, act, obj.objective_id, name)
                if value is not None:
                    v[f"score.{name}"] = _num(value, texts.get(name))
            out[obj.objective_id] = v
        return out

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

    # --- run-time mapping --------------------------------------------------------------------------------------------

    def _apply_objective_values(self, act: Activity, objective_id: str, primary: bool, v: dict[str, str]) -> None:
        local = act.objective_state(objective_id)
        success = v.get("success_status")
        if success is not None:
            if success in ("passed", "failed"):
                local.progress_status, local.satisfied = True, success == "passed"
            else:
                local.progress_status = False
        scaled = _number(v.get("score.scaled"))
        if "score.scaled" in v:
            local.measure_status, local.measure = (scaled is not None), (scaled if scaled is not None else 0.0)
            local.text["measure"] = v["score.scaled"]
        for name in ("raw", "min", "max"):
            if f"score.{name}" in v:
                setattr(local, name, _number(v.get(f"score.{name}")))
                local.text[name] = v[f"score.{name}"]
        comp = v.get("completion_status")
        pm = _number(v.get("progress_measure"))
        st = act.state
        if primary:
            if comp is not None:
                if comp in ("completed", "incomplete", "not attempted"):
                    st.attempt_progress_status, st.attempt_completion_status = True, comp == "completed"
                else:
                    st.attempt_progress_status = False
            if "progress_measure" in v:
                st.attempt_completion_amount_status = pm is not None
                st.attempt_completion_amount = pm if pm is not None else 0.0
                local.text["progress_measure"] = v["progress_measure"]
        else:
            if comp is not None:
                if comp in ("completed", "incomplete", "not attempted"):
                    local.completion_known, local.completed = True, comp == "completed"
                else:
                    local.completion_known = False
            if "progress_measure" in v:
                local.progress_measure_status = pm is not None
                local.progress_measure = pm if pm is not None else 0.0
                local.text["progress_measure"] = v["progress_measure"]

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

    # --- navigation request [NB.2.1] --------------------------------------------------------------------------------

    def _navigation_request_process(self, request: str, target: str | None):
        """Navigation Request Process [NB.2.1] -> (termination request, sequencing request, target activity)."""
        cur = self.current
        if request == "start":
            if cur is not None:
                raise _Refused("NB.2.1-1")
            return None, "start", None
        if request == "resumeAll":
            if cur is not None:
                raise _Refused("NB.2.1-1")
            if self.suspended is None:
                raise _Refused("NB.2.1-3")
            return None, "resumeAll", None
        if request in ("continue", "previous"):
            if cur is None:
                raise _Refused("NB.2.1-2")
            if cur.is_root or not cur.parent.definition.control_mode.flow:  # type: ignore[union-attr]
                raise _Refused("NB.2.1-4" if request == "continue" else "NB.2.1-5")
            if request == "previous" and cur.parent.definition.control_mode.forward_only:  # type: ignore[union-attr]
                raise _Refused("NB.2.1-5")
            return ("exit" if cur.state.is_active else None), request, None
        if request in ("forward", "backward"):
            raise _Refused("NB.2.1-7")
        if request in ("choice", "jump"):
            act = self.tree.get(target)
            if act is None or not self.tree.is_available(act):
                raise _Refused("NB.2.1-11")
            if request == "jump":
                if cur is None:
                    raise _Refused("NB.2.1-2")
                return ("exit" if cur.state.is_active else None), "jump", act
            self._choice_navigation_checks(act)
            return ("exit" if cur is not None and cur.state.is_active else None), "choice", act
        if request in ("exit", "abandon"):
            if cur is None:
                raise _Refused("NB.2.1-2")
            if not cur.state.is_active:
                raise _Refused("NB.2.1-12")
            return request, "exit", None
        if request in ("exitAll", "abandonAll", "suspendAll"):
            if cur is None:
                raise _Refused("NB.2.1-2")
            return request, "exit", None
        raise _Refused("NB.2.1-13")

    def _choice_navigation_checks(self, act: Activity) -> None:
        """The choice part of NB.2.1: the parent allows choice; no active activity being left forbids choice exit."""
        if not act.is_root and not act.parent.definition.control_mode.choice:  # type: ignore[union-attr]
            raise _Refused("NB.2.1-10")
        cur = self.current
        if cur is None:
            return
        common = common_ancestor(cur, act)
        node: Activity | None = cur
        while node is not None and node is not common:
            if node.state.is_active and not node.definition.control_mode.choice_exit:
                raise _Refused("NB.2.1-8")
            node = node.parent

    # --- termination [TB.2.x] ---------------------------------------------------------------------------------------

    def _termination_request_process(self, request: str) -> str | None:
        """Termination Request Process [TB.2.3]; returns a sequencing request that replaces the pending one."""
        cur = self.current
        if cur is None:
            raise _Refused("TB.2.3-1")
        if request in ("exit", "abandon") and not cur.state.is_active:
            raise _Refused("TB.2.3-2")
        post_sequencing: str | None = None
        if request == "exit":
            self._end_attempt(cur)
            self._sequencing_exit_action_rules()
            while True:
                processed_exit = False
                term, post_sequencing = self._sequencing_post_condition_rules()
                if term == "exitAll":
                    request = "exitAll"
                    break
                if term == "exitParent":
                    assert self.current is not None
                    if self.current.is_root:
                        raise _Refused("TB.2.3-4")
                    self.current = self.current.parent
                    assert self.current is not None
                    self._end_attempt(self.current)
                    processed_exit = True
                elif self.current is not None and self.current.is_root and post_sequencing != "retry":
                    return "exit"
                if not processed_exit:
                    return post_sequencing
        if request == "exitAll":
            assert self.current is not None
            if self.current.state.is_active:
                self._end_attempt(self.current)
            self._terminate_descendent_attempts(self.tree.root)
            self._end_attempt(self.tree.root)
            self.current = self.tree.root
            return "retry" if post_sequencing == "retry" else "exit"
        if request == "suspendAll":
            if cur.state.is_active or cur.state.is_suspended:
                overall_rollup(self.tree, cur)
                self.suspended = cur
            elif not cur.is_root:
                self.suspended = cur.parent
            else:
                raise _Refused("TB.2.3-3")
            assert self.suspended is not None
            for a in self.suspended.ancestors():
                a.state.is_active = False
                a.state.is_suspended = True
            self.current = self.tree.root
            return "exit"
        if request == "abandon":
            cur.state.is_active = False
            return None
        if request == "abandonAll":
            for a in cur.ancestors():
                a.state.is_active = False
            self.current = self.tree.root
            return "exit"
        raise _Refused("TB.2.3-7")

    def _sequencing_exit_action_rules(self) -> None:
        """Sequencing Exit Action Rules Subprocess [TB.2.1]."""
        cur = self.current
        assert cur is not None
        exit_target = None
        for a in reversed(cur.ancestors(include_self=False)):  # root first
            if R.sequencing_rules_check(self.tree, a, a.definition.exit_rules, ("exit",)) is not None:
                exit_target = a
                break
        if exit_target is not None:
            self._terminate_descendent_attempts(exit_target)
            self._end_attempt(exit_target)
            self.current = exit_target

    def _sequencing_post_condition_rules(self) -> tuple[str | None, str | None]:
        """Sequencing Post Condition Rules Subprocess [TB.2.2] -> (termination request, sequencing request)."""
        cur = self.current
        assert cur is not None
        if cur.state.is_suspended:
            return None, None
        action = R.sequencing_rules_check(self.tree, cur, cur.definition.post_rules, POST_ACTIONS)
        if action in ("retry", "continue", "previous"):
            return None, action
        if action in ("exitParent", "exitAll"):
            return action, None
        if action == "retryAll":
            return "exitAll", "retry"
        return None, None

    def _terminate_descendent_attempts(self, act: Activity) -> None:
        """Terminate Descendent Attempts Process [UP.3]: end the attempts between the current activity and `act`."""
        cur = self.current
        if cur is None:
            return
        common = common_ancestor(cur, act)
        if common is cur:
            return
        node = cur.parent
        while node is not None and node is not common:
            self._end_attempt(node)
            node = node.parent

    def _end_attempt(self, act: Activity) -> None:
        """End Attempt Process [UP.4]."""
        st, d = act.state, act.definition
        if not act.children:
            if d.delivery.tracked and not st.is_suspended:
                # "not known" read through the maps, as the reference sequencer does: a status a global already
                # holds is not overwritten with an automatic completed/satisfied (ADL OB-17b)
                if not d.delivery.completion_set_by_content and not st.progress_set_by_content \
                        and not R.completion(self.tree, act)[0]:
                    st.attempt_progress_status, st.attempt_completion_status = True, True
                if not d.delivery.objective_set_by_content and not st.status_set_by_content:
                    primary = act.objective_state(d.primary_objective.objective_id)
                    if not R.satisfaction(self.tree, act)[0]:
                        primary.progress_status, primary.satisfied = True, True
        else:
            st.is_suspended = any(c.state.is_suspended for c in act.children)
        st.is_active = False
        rollup_with_readers(self.tree, act)
        if act.children and d.randomization.randomization_timing == "onEachNewAttempt":
            self.tree.randomize_children(act)

    # --- sequencing requests [SB.2.x] --------------------------------------------------------------------------------

    def _sequencing_request_process(self, request: str, target: Activity | None) -> tuple[Activity | None, bool]:
        """Sequencing Request Process [SB.2.12] -> (activity to deliver, end sequencing session)."""
        cur = self.current
        root = self.tree.root
        if request == "start":  # SB.2.5
            if cur is not None:
                raise _Refused("SB.2.5-1")
            if not root.children:
                return root, False
            return self._flow_result(root, FORWARD, True, "SB.2.5-3")
        if request == "resumeAll":  # SB.2.6
            if cur is not None:
                raise _Refused("SB.2.6-1")
            if self.suspended is None:
                raise _Refused("SB.2.6-2")
            return self.suspended, False
        if request in ("continue", "previous"):  # SB.2.7 / SB.2.8
            code = "SB.2.7" if request == "continue" else "SB.2.8"
            if cur is None:
                raise _Refused(f"{code}-1")
            if not cur.is_root and not cur.parent.definition.control_mode.flow:  # type: ignore[union-attr]
                raise _Refused(f"{code}-2")
            return self._flow_result(cur, FORWARD if request == "continue" else BACKWARD, False, f"{code}-2")
        if request == "exit":  # SB.2.11
            if cur is None:
                raise _Refused("SB.2.11-1")
            if cur.state.is_active:
                raise _Refused("SB.2.11-2")
            return None, cur.is_root
        if request == "retry":  # SB.2.10
            if cur is None:
                raise _Refused("SB.2.10-1")
            if cur.state.is_active or cur.state.is_suspended:
                raise _Refused("SB.2.10-2")
            if cur.children:
                deliver, _exc, _end = self._flow_subprocess(cur, FORWARD, True)
                if deliver is None:
                    raise _Refused("SB.2.10-3")
                return deliver, False
            return cur, False
        if request == "choice":
            return self._choice_sequencing_request(target), False
        if request == "jump":  # SB.2.13
            if cur is None:
                raise _Refused("SB.2.13-1")
            if target is None:
                raise _Refused("SB.2.13-2")
            return target, False
        raise _Refused("SB.2.12-1")

    def _flow_result(self, act: Activity, direction: str, consider_children: bool, fallback: str):
        deliver, exc, end = self._flow_subprocess(act, direction, consider_children)
        if deliver is not None:
            return deliver, False
        if end:
            # 4th ed. SB.2.1: walking forward off the end of the tree ends the attempts and the session.
            self._terminate_descendent_attempts(self.tree.root)
            if self.current is not None and self.current is not self.tree.root:
                self._end_attempt(self.tree.root)
            return None, True
        raise _Refused(exc or fallback)

    def _flow_subprocess(self, act: Activity, direction: str, consider_children: bool):
        """Flow Subprocess [SB.2.3] -> (deliverable activity or None, exception, end of session)."""
        nxt, _dir, exc, end = self._flow_tree_traversal(act, direction, consider_children, None)
        if nxt is None:
            return None, exc, end
        return self._flow_activity_traversal(nxt, direction, None)

    def _flow_tree_traversal(self, act: Activity, direction: str, consider_children: bool, previous: str | None):
        """Flow Tree Traversal Subprocess [SB.2.1] -> (next activity, its direction, exception, end of session)."""
        parent = act.parent
        reversed_direction = False
        if previous == BACKWARD and parent is not None and parent.available_children[-1:] == [act]:
            direction = BACKWARD
            act = parent.available_children[0]
            reversed_direction = True
        if direction == FORWARD:
            preorder = self.tree.preorder()
            if preorder[-1] is act or (not consider_children and act.is_root):
                return None, direction, "SB.2.1-1", True
            if not act.children or not consider_children:
                assert act.parent is not None
                siblings = act.parent.available_children
                i = _index(siblings, act)
                if i < 0 or i == len(siblings) - 1:
                    return self._flow_tree_traversal(act.parent, FORWARD, False, None)
                return siblings[i + 1], direction, None, False
            if act.available_children:
                return act.available_children[0], direction, None, False
            return None, direction, "SB.2.1-2", False
        # backward
        if act.is_root:
            return None, direction, "SB.2.1-3", False
        assert act.parent is not None
        if not act.children or not consider_children:
            if not reversed_direction and act.parent.definition.control_mode.forward_only:
                return None, direction, "SB.2.1-4", False
            siblings = act.parent.available_children
            i = _index(siblings, act)
            if i <= 0:
                return self._flow_tree_traversal(act.parent, BACKWARD, False, None)
            return siblings[i - 1], direction, None, False
        if act.available_children:
            if act.definition.control_mode.forward_only:
                return act.available_children[0], FORWARD, None, False
            return act.available_children[-1], BACKWARD, None, False
        return None, direction, "SB.2.1-2", False

    def _flow_activity_traversal(self, act: Activity, direction: str, previous: str | None):
        """Flow Activity Traversal Subprocess [SB.2.2] -> (deliverable activity or None, exception, end)."""
        for _guard in range(100000):
            parent = act.parent
            if parent is not None and not parent.definition.control_mode.flow:
                return None, "SB.2.2-1", False
            if self._rule(act, ("skip",)) is not None:
                nxt, ndir, exc, end = self._flow_tree_traversal(act, direction, False, previous)
                if nxt is None:
                    return None, exc, end
                if previous == BACKWARD and ndir == BACKWARD:
                    act, direction, previous = nxt, ndir, None
                else:
                    act, direction, previous = nxt, direction, previous
                continue
            if self._check_activity(act):
                return None, "SB.2.2-2", False
            if act.children:
                nxt, ndir, exc, end = self._flow_tree_traversal(act, direction, True, None)
                if nxt is None:
                    return None, exc, end
                if direction == BACKWARD and ndir == FORWARD:
                    act, direction, previous = nxt, FORWARD, BACKWARD
                else:
                    act, direction, previous = nxt, direction, None
                continue
            return act, None, False
        return None, "SB.2.2-2", False

    def _choice_activity_traversal(self, act: Activity, direction: str) -> None:
        """Choice Activity Traversal Subprocess [SB.2.4]; raises when the activity cannot be reached."""
        if direction == FORWARD:
            if self._rule(act, ("stopForwardTraversal",)) is not None:
                raise _Refused("SB.2.4-1")
            return
        if act.parent is None:
            raise _Refused("SB.2.4-3")
        if act.parent.definition.control_mode.forward_only:
            raise _Refused("SB.2.4-2")

    def _choice_flow(self, act: Activity, direction: str) -> Activity:
        """Choice Flow Subprocess [SB.2.9.1]."""
        nxt = self._choice_flow_tree_traversal(act, direction)
        return act if nxt is None else nxt

    def _choice_flow_tree_traversal(self, act: Activity, direction: str) -> Activity | None:
        """Choice Flow Tree Traversal Subprocess [SB.2.9.2]."""
        while True:
            if act.is_root:
                return None
            assert act.parent is not None
            siblings = act.parent.available_children
            i = _index(siblings, act)
            if direction == FORWARD:
                if self.tree.preorder()[-1] is act:
                    return None
                if i == len(siblings) - 1 or i < 0:
                    act = act.parent
                    continue
                return siblings[i + 1]
            if i <= 0:
                act = act.parent
                continue
            return siblings[i - 1]

    def _hidden_on_path(self, act: Activity) -> str | None:
        """The SB.2.9 path checks from the root to `act`: an exception code, or None."""
        def compute() -> str | None:
            if act.parent is not None:
                above = self._hidden_on_path(act.parent)
                if above:
                    return above
                if _index(act.parent.available_children, act) < 0:
                    return "SB.2.9-2"
            if self._rule(act, ("hiddenFromChoice",)) is not None:
                return "SB.2.9-3"
            return None
        return self._cached(("hidden", act), compute)

    def _choice_sequencing_request(self, target: Activity | None, dry: bool = False) -> Activity:
        """Choice Sequencing Request Process [SB.2.9]: the activity to deliver for a choice of `target`."""
        if target is None:
            raise _Refused("SB.2.9-1")
        code = self._hidden_on_path(target)
        if code:
            raise _Refused(code)
        if not target.is_root and not target.parent.definition.control_mode.choice:  # type: ignore[union-attr]
            raise _Refused("SB.2.9-4")
        cur = self.current
        root = self.tree.root
        common = common_ancestor(cur, target) if cur is not None else root
        if cur is target:
            pass
        elif cur is not None and cur.parent is not None and cur.parent is target.parent:
            siblings = cur.parent.available_children
            ci, ti = _index(siblings, cur), _index(siblings, target)
            if ci < 0 or ti < 0:
                raise _Refused("SB.2.9-5")
            if ti > ci:
                for a in siblings[ci:ti]:
                    self._choice_activity_traversal(a, FORWARD)
            else:
                for a in reversed(siblings[ti + 1 : ci + 1]):
                    self._choice_activity_traversal(a, BACKWARD)
        elif cur is None or cur is common:
            path = _path_down(common, target)
            if not path:
                raise _Refused("SB.2.9-5")
            for a in path:
                self._choice_activity_traversal(a, FORWARD)
                # preventActivation guards the descendants of an inactive cluster; choosing the cluster itself is
                # allowed (ADL CM-17b starts by choosing such a cluster and expects its first child)
                if not a.state.is_active and a.definition.prevent_activation and a is not target:
                    raise _Refused("SB.2.9-6")
        elif target is common:
            # from the current activity's parent, as the reference sequencer does: a leaf's own choiceExit and
            # constrainChoice say nothing about leaving it (ADL CM-07d)
            node: Activity | None = cur.parent
            while node is not None and node is not target:
                if not node.definition.control_mode.choice_exit:
                    raise _Refused("SB.2.9-7")
                node = node.parent
        else:
            constrained = None
            node = cur.parent
            while node is not None and node is not common:
                if not node.definition.control_mode.choice_exit:
                    raise _Refused("SB.2.9-7")
                if constrained is None and node.definition.constrain_choice:
                    constrained = node
                node = node.parent
            if constrained is not None:
                direction = FORWARD if self.tree.position(target) > self.tree.position(constrained) else BACKWARD
                consider = self._cached(("cflow", constrained, direction),
                                        lambda: self._choice_flow(constrained, direction))
                if not (target is consider or target.parent is consider or target is constrained):
                    raise _Refused("SB.2.9-8")
            path = _path_down(common, target)
            if not path:
                raise _Refused("SB.2.9-5")
            forward = self.tree.position(target) > self.tree.position(cur)
            for a in path:
                if forward:
                    self._choice_activity_traversal(a, FORWARD)
                if not a.state.is_active and a.definition.prevent_activation and a is not target:
                    raise _Refused("SB.2.9-6")
        if not target.children:
            return target
        deliver, _exc, _end = self._cached(("flow", target), lambda: self._flow_subprocess(target, FORWARD, True))
        if deliver is None:
            if not dry:
                self._terminate_descendent_attempts(common)
                self._end_attempt(common)
                self.current = target
            raise _Refused("SB.2.9-9")
        return deliver

    # --- delivery [DB.x] ---------------------------------------------------------------------------------------------

    def _delivery_ok(self, act: Activity) -> bool:
        """The Check Activity Process passes for every activity from the root to `act`."""
        def compute() -> bool:
            if act.parent is not None and not self._delivery_ok(act.parent):
                return False
            return not self._check_activity(act)
        return self._cached(("deliver", act), compute)

    def _delivery_request_process(self, act: Activity) -> None:
        """Delivery Request Process [DB.1.1]."""
        if not act.is_leaf:
            raise _Refused("DB.1.1-1")
        if not self._delivery_ok(act):
            raise _Refused("DB.1.1-3")

    def _content_delivery_environment(self, act: Activity) -> None:
        """Content Delivery Environment Process [DB.2]: begin (or resume) the attempts from the root to `act`."""
        if act.state.is_active:
            raise _Refused("DB.2-1")
        if act is not self.suspended:
            self._clear_suspended_activity(act)
        self._terminate_descendent_attempts(act)
        for a in reversed(act.ancestors()):
            st = a.state
            if not st.is_active:
                if a.definition.delivery.tracked:
                    if st.is_suspended:
                        st.is_suspended = False
                    else:
                        self._begin_attempt(a)
                st.is_active = True
        self.current = act
        self.suspended = None

    def _begin_attempt(self, act: Activity) -> None:
        """A new attempt: count it, reset attempt progress and objective progress (SN 4.2, DB.2 step 5).

        The descendants keep their data; rollup ignores what they recorded before this attempt (`current_info`).
        """
        st = act.state
        if act.is_root and st.attempt_count > 0 and not self.tree.objectives_global_to_system:
            # a new attempt on the whole course (a retry of the root): objectives global to this course's attempt
            # start unknown again (ADL RU-13d: after the root retries, a cluster that read a written global skips)
            self.tree.global_objectives.clear()
        st.parent_attempt = act.parent.state.attempt_count if act.parent is not None else 0
        st.attempt_count += 1
        st.attempt_progress_status = st.attempt_completion_status = False
        st.progress_set_by_content = st.status_set_by_content = False
        st.attempt_completion_amount_status, st.attempt_completion_amount = False, 0.0
        st.attempt_absolute_duration = st.attempt_experienced_duration = 0
        for obj in st.objectives.values():
            obj.reset()

    def _clear_suspended_activity(self, act: Activity) -> None:
        """Clear Suspended Activity Subprocess [DB.2.1]."""
        if self.suspended is None:
            return
        common = common_ancestor(self.suspended, act)
        node: Activity | None = self.suspended
        while node is not None:
            if not node.children or not any(c.state.is_suspended for c in node.children):
                node.state.is_suspended = False
            if node is common:
                break
            node = node.parent
        self.suspended = None

    def _end_sequencing_session(self) -> None:
        """Exit the sequencing session: the next session starts with no current activity (start or resumeAll)."""
        self.current = None

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


def _number(text: str | None) -> float | None:
    if text is None or str(text).strip() == "":
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value else None
