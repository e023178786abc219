"""Termination Request Process [TB.2.3] and what it calls: exit action rules [TB.2.1], post-condition rules
[TB.2.2], ending descendent attempts [UP.3] and the End Attempt Process [UP.4]."""

from __future__ import annotations

from scorm_desktop.sequencing import rules as R
from scorm_desktop.sequencing.base import SequencerBase, _Refused, common_ancestor
from scorm_desktop.sequencing.definition import POST_ACTIONS
from scorm_desktop.sequencing.rollup import overall_rollup, rollup_with_readers
from scorm_desktop.sequencing.tree import Activity


class Termination(SequencerBase):
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

