"""Sequencing Request Process [SB.2.12] and the requests it dispatches: start, resume all, continue, previous, choice,
jump, retry, exit [SB.2.5-SB.2.13], with the flow [SB.2.1-SB.2.3] and choice [SB.2.4, SB.2.9] traversals."""

from __future__ import annotations

from scorm_desktop.sequencing.base import (BACKWARD, FORWARD, SequencerBase, _index, _path_down, _Refused,
                                          common_ancestor)
from scorm_desktop.sequencing.tree import Activity


class SequencingRequests(SequencerBase):
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

