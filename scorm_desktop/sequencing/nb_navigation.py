"""Navigation Request Process [NB.2.1]: which termination and sequencing requests a navigation request stands for."""

from __future__ import annotations

from scorm_desktop.sequencing.base import SequencerBase, _Refused, common_ancestor
from scorm_desktop.sequencing.tree import Activity


class NavigationRequests(SequencerBase):
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

