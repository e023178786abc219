"""Delivery Request Process [DB.1.1] and Content Delivery Environment Process [DB.2] (with Clear Suspended Activity
[DB.2.1]): beginning or resuming the attempts from the root to the delivered activity."""

from __future__ import annotations

from scorm_desktop.sequencing.base import SequencerBase, _Refused, common_ancestor
from scorm_desktop.sequencing.tree import Activity


class Delivery(SequencerBase):
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

