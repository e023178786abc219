"""Navigation for the player: which item plays next, and what the learner may do, for a course attempt.

SCORM 2004 courses are driven by the sequencer (scorm_desktop/sequencing), whose whole state is stored per course
attempt; SCORM 1.2 courses by their prerequisites and document order. Plain Python: the Qt player asks, this answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cmi.names import ROLES
from .i18n import _
from .launch import choose_item
from .library.courses import Library
from .storage.records import Records


def course_done(course: dict) -> bool:
    """The course (`ui_state()["course"]`) is finished for the learner: completed, or passed."""
    return course.get("completion") == "completed" or course.get("success") == "passed"


def guidance(ui: dict) -> str:
    """The sentence for a learner whom the course waits for, naming only what `ui_state()` says is possible now:
    the enabled buttons among Continue and Previous, and the contents when an item can be chosen there.
    In the app's language (scorm_desktop/i18n.py)."""
    buttons = ui.get("buttons", {})
    toc = ui.get("toc", [])
    ways = [label for request, label in (("continue", _("Continue")), ("previous", _("Previous")))
            if buttons.get(request)]
    choice = any(e.get("enabled") for e in toc)
    item = _("an item in the contents")
    if course_done(ui.get("course", {})):
        if not ways and not choice:
            return _("You have finished this course; you can close the player.")
        again = _(" or ").join(ways + ([item] if choice else []))
        return _("You have finished this course. You can close the player, or choose {0} to see it again.").format(
            again)
    if not ways and not choice:
        return _("Nothing more can be opened in this course now; you can close the player.")
    if not ways:
        begun = any(e.get("status") not in ("not attempted", None) for e in toc)
        return (_("Choose an item in the contents to continue.") if begun
                else _("Choose an item in the contents to begin."))
    options = ways + ([item] if choice else [])
    listed = (_(" or ").join(options) if len(options) <= 2
              else ", ".join(options[:-1]) + _(", or ") + options[-1])
    return _("Choose what to do next: {0}.").format(listed)

@dataclass
class NavStep:
    """What the course's navigation decided: an item to launch, the end of the course, or wait for the learner."""

    #: The item to launch now (None: nothing; see `ended`).
    deliver: str | None = None
    #: The course is over for now: close the player. `reason` says how ("finished", "suspended").
    ended: bool = False
    reason: str = ""
    #: A sentence for the learner (a refused request, why nothing can be delivered, ...), or "".
    message: str = ""
    #: adl.nav.request_valid.* answers for the item delivered.
    nav_valid: dict[str, str] = field(default_factory=dict)
    #: What the delivered SCO's declared objectives start with (`Sequencer.objective_values`), for `prepare`.
    objectives: dict = field(default_factory=dict)
    #: `Navigator.ui_state()` after this step.
    ui: dict = field(default_factory=dict)
    #: `message` is only the invitation to choose (nothing was refused): a headless player has nothing to say.
    prompt: bool = False


class Navigator:
    """Which item comes next, for one learner in one course: the SCORM 2004 sequencer (its state kept per course
    attempt by `SequencingStore`), or SCORM 1.2 prerequisites and document order.

    Plain Python; every method touches the database, so the Qt player calls them on its worker thread, one at a time.
    The player launches `NavStep.deliver` with `prepare(..., sequenced=True, nav_valid=step.nav_valid,
    objectives=step.objectives)`, reports each
    ended session through `after_session`, and passes the learner's buttons and table-of-contents choices to
    `request`.
    """

    def __init__(self, library: Library, records: Records, store, course_id: int, learner_name: str | None = None,
                 mode: str | None = None, preview: bool = False) -> None:
        self.library, self.records, self.store = library, records, store
        self.course = library.course(course_id)
        self.learner = records.preview_learner() if preview else records.learner(learner_name)
        self.mode = "browse" if preview else mode
        self.preview = preview
        self.version = self.course.scorm_version
        self.seq = None  # the 2004 Sequencer
        self.attempt_id: int | None = None
        #: The item last delivered (1.2: where Continue/Previous start from).
        self.current: str | None = None
        #: The item whose session is under way (None between sessions).
        self.running: str | None = None
        self._titles = {i.identifier: i.title for i in self.course.manifest.organization.walk()}
        #: The mode items are launched in (None: `prepare` decides per item).
        self.launch_mode = self.mode
        #: A finished 2004 course seen again: nothing it does changes the saved sequencing state.
        self.review = False
        #: Per delivered item: (its stored values, the objective values it started with) - see `_as_seen`.
        self._given: dict[str, tuple[dict[str, str], dict[str, dict[str, str]]]] = {}

    @property
    def sequenced(self) -> bool:
        return self.version == "2004"

    # -- the start --------------------------------------------------------------------------------------------------
    def begin(self, item: str | None = None) -> NavStep:
        """The first delivery: the asked-for item, else where the learner suspended, else the start of the course."""
        if self.mode is None and not self.preview:
            summary = self.records.summaries(learner_id=self.learner.id, course_id=self.course.id)
            done = bool(summary) and summary[0]["completion"] == "completed" and not summary[0]["resumable"]
            if done and self.course.relaunch == "new-attempt":
                self.records.new_attempt(self.learner.id, self.course.id)
            elif done and self.sequenced:
                # The course is done: its items open in review, and its sequencing state is left as it was.
                self.review = True
                self.launch_mode = "review"
        if self.sequenced:
            return self._begin_2004(item)
        return self._begin_12(item)

    def _begin_2004(self, item: str | None) -> NavStep:
        from .sequencing import ActivityTree, Sequencer

        self.attempt_id, _ = self.records.current_attempt(self.learner.id, self.course.id)
        tree = ActivityTree.from_manifest(self.course.manifest)
        saved = self.store.load(self.attempt_id, self.learner.id, tree.objectives_global_to_system)
        seq = self.seq = Sequencer.from_state(tree, saved)
        if seq.current_activity is not None:
            # The app ended while a SCO ran (recovery finished its session): take its values, suspend, resume.
            act = tree.get(seq.current_activity)
            if act is not None and act.is_leaf:
                seq.report(act.id, self.records.latest_values(self.learner.id, self.course.id, act.id))
            seq.navigate("suspendAll")
        if item:
            out = seq.navigate("choice", item)
            if not out.valid:
                return self._finish_step(out, f"“{self._title(item)}” cannot be opened now ({out.exception}).")
        elif seq.suspended_activity is not None:
            out = seq.navigate("resumeAll")
        else:
            out = seq.navigate("start")
        if out.deliver is None and not out.ended:
            leaves = [a for a in tree.leaves() if a.item is None or a.item.identifierref]
            if len(leaves) == 1:
                out = seq.navigate("choice", leaves[0].id)
        return self._finish_step(out)

    def _begin_12(self, item: str | None) -> NavStep:
        state = self._state_12()
        if item:
            if item not in state.launchable:
                raise KeyError(f"Course {self.course.id} has no launchable item '{item}'.")
            if not state.launchable[item]:
                return self._step_12(None, message=self._locked_reason(item))
            return self._step_12(item)
        chosen = choose_item(self.records, self.course, self.learner, None).identifier
        statuses = self._statuses_12()
        if chosen == next(iter(state.launchable), None) and statuses.get(chosen) in ("completed", "passed", "failed",
                                                                                     "browsed"):
            # nothing suspended: the first available item not done yet (or the first one when all are done)
            chosen = next(
                (i for i, ok in state.launchable.items() if ok and statuses.get(i, "not attempted") in (
                    "not attempted", "incomplete", "")),
                chosen,
            )
        if not state.launchable.get(chosen, True):
            chosen = state.next_item(None) or chosen
        return self._step_12(chosen)

    # -- after a session --------------------------------------------------------------------------------------------
    def after_session(self, item: str, values: dict[str, str], request: str | None = None,
                      target: str | None = None, auto_continue: bool = False) -> NavStep:
        """A SCO's session ended with these values. The learner's `request` (a button or a choice that ended it)
        wins; else the content's adl.nav.request (2004); else, with `auto_continue`, Continue when it is valid;
        else wait for the learner."""
        self.running = None
        if self.sequenced:
            seq = self.seq
            act = seq.tree.get(item)
            given = self._given.pop(item, None)
            if given is not None:
                values = _as_seen(values, *given)
            asked = request or (values.get("adl.nav.request") or "").strip()
            # an abandoned attempt records nothing: its values never reach the tracking model (SN 4.4.3 abandon;
            # ADL SX-04a relaunches the SCO whose abandoned session had set "passed")
            abandoned = asked in ("abandon", "abandonAll")
            hint = seq.report(item, values) if act is not None and act.is_leaf and not abandoned else None
            if request:
                return self._nav_2004(request, target)
            out = None
            nav = (values.get("adl.nav.request") or "").strip()
            if nav and nav != "_none_":
                try:
                    out = seq.content_nav_request(nav)
                except ValueError:
                    out = None
                if out is not None and not out.valid and not out.ended:
                    return self._finish_step(out, f"The content asked for “{nav}”, which is not allowed now "
                                                  f"({out.exception}).")
            elif hint == "exitAll":
                out = seq.navigate("exitAll")
            if out is None and auto_continue and seq.valid_requests().get("continue") == "true":
                out = seq.navigate("continue")
            if out is None:
                self._save()
                return self._waiting()
            return self._finish_step(out)
        if request:
            return self.request(request, target)
        suspended = values.get(ROLES["1.2"]["exit"]) == "suspend"
        if auto_continue and not suspended:
            nxt = self._state_12().next_item(item)
            if nxt is not None:
                return self._step_12(nxt)
        if suspended or auto_continue:
            return NavStep(ended=True, reason="suspended" if suspended else "finished", ui=self.ui_state())
        ui = self.ui_state()
        return NavStep(message=guidance(ui), ui=ui, prompt=True)

    def request(self, request: str, target: str | None = None) -> NavStep:
        """A learner's button or table-of-contents choice while no SCO runs."""
        if self.sequenced:
            return self._nav_2004(request, target)
        state = self._state_12()
        if request == "choice":
            if not state.launchable.get(target or "", False):
                return self._step_12(None, message=self._locked_reason(target or ""))
            return self._step_12(target)
        if request == "continue":
            nxt = state.next_item(self.current)
            return self._step_12(nxt, message="" if nxt else "There is no next item available.")
        if request == "previous":
            prev = state.previous_item(self.current)
            return self._step_12(prev, message="" if prev else "There is no previous item available.")
        return NavStep(ended=True, reason="finished", ui=self.ui_state())

    def close(self) -> NavStep:
        """The learner closes the player (or headless play found nothing more to deliver): a course that is not
        finished is suspended (the next launch resumes it), a finished one is exited."""
        if not self.sequenced:
            return NavStep(ended=True, reason="closed", ui=self.ui_state())
        seq = self.seq
        if seq is None:
            return NavStep(ended=True, reason="closed")
        if seq.current_activity is not None:
            done = seq.course_result()["completion_status"] == "completed"
            out = seq.navigate("exitAll" if done else "suspendAll")
            if not out.valid:
                seq.navigate("suspendAll")
        self._save()
        reason = "suspended" if seq.suspended_activity else "finished"
        return NavStep(ended=True, reason=reason, ui=self.ui_state())

    def during_session(self, item: str, values: dict[str, str]) -> tuple[dict[str, str], dict] | None:
        """adl.nav.request_valid.* and `ui_state()` as if the running SCO's values so far were reported: what the
        content and the window should offer now. Nothing is kept: the sequencing state is put back as it was."""
        seq = self.seq
        if not self.sequenced or seq is None or self.review:
            return None
        act = seq.tree.get(item)
        if act is None or not act.is_leaf:
            return None
        saved = seq.to_state()
        try:
            seq.report(item, values)
            return seq.valid_requests(), self.ui_state()
        finally:
            seq.restore(saved)

    def started(self, item: str) -> None:
        """The player launched `item`."""
        self.running = self.current = item

    # -- 2004 ----------------------------------------------------------------------------------------------------------
    def _nav_2004(self, request: str, target: str | None) -> NavStep:
        out = self.seq.navigate(request, target)
        if not out.valid and not out.ended:
            what = f"“{self._title(target)}”" if target else request
            return self._finish_step(out, f"{what} is not available now ({out.exception}).")
        return self._finish_step(out)

    def _finish_step(self, out, message: str = "") -> NavStep:
        seq = self.seq
        self._save()
        if out.ended:
            reason = "suspended" if seq.suspended_activity else "finished"
            return NavStep(ended=True, reason=reason, message=message, ui=self.ui_state())
        if out.deliver is not None:
            self.current = out.deliver
            objectives = seq.objective_values(out.deliver)
            if self.records is not None:
                stored = self.records.latest_values(self.learner.id, self.course.id, out.deliver)
                if stored.get(ROLES["2004"]["exit"]) != "suspend":
                    stored = {}  # a new SCO attempt starts from nothing stored (launch.prepare)
                self._given[out.deliver] = (stored, objectives)
            return NavStep(deliver=out.deliver, nav_valid=seq.valid_requests(), ui=self.ui_state(), message=message,
                           objectives=objectives)
        return self._waiting(message)

    def _waiting(self, message: str = "") -> NavStep:
        ui = self.ui_state()
        if not message:
            return NavStep(message=guidance(ui), ui=ui, prompt=True)
        return NavStep(message=message, ui=ui)

    def _save(self) -> None:
        seq = self.seq
        if seq is None or self.attempt_id is None or self.review:
            return
        result = dict(seq.course_result())
        result["suspended"] = seq.suspended_activity is not None and seq.current_activity is None
        self.store.save(self.attempt_id, self.learner.id, seq.to_state(), result, seq.tree.objectives_global_to_system)

    # -- 1.2 -----------------------------------------------------------------------------------------------------------
    def _statuses_12(self) -> dict[str, str]:
        out = {}
        for item in self.course.manifest.launchable_items():
            values = self.records.latest_values(self.learner.id, self.course.id, item.identifier)
            status = values.get(ROLES["1.2"]["lesson_status"], "")
            if status:
                out[item.identifier] = status
        return out

    def _state_12(self):
        from .sequencing.prerequisites import evaluate_course_12

        return evaluate_course_12(self.course.manifest, self._statuses_12())

    def _step_12(self, item: str | None, message: str = "") -> NavStep:
        if item is not None:
            self.current = item
            return NavStep(deliver=item, ui=self.ui_state(), message=message)
        if not message:
            return NavStep(ended=True, reason="finished", ui=self.ui_state())
        return NavStep(message=message, ui=self.ui_state())

    def _locked_reason(self, item: str) -> str:
        it = next((i for i in self.course.manifest.organization.walk() if i.identifier == item), None)
        text = (it.prerequisites or "").strip() if it is not None else ""
        for ident, title in sorted(self._titles.items(), key=lambda kv: -len(kv[0])):
            if ident in text:
                text = text.replace(ident, f"“{title}”")
        text = text.replace("&", " and ").replace("|", " or ").replace("~", "not ")
        return f"“{self._title(item)}” opens once you have completed: {' '.join(text.split())}."

    def _title(self, item: str | None) -> str:
        return self._titles.get(item or "", item or "")

    # -- what the window shows ----------------------------------------------------------------------------------------
    def ui_state(self) -> dict:
        """Buttons (enabled exactly when valid), the table of contents (status, enabled, tooltip), the current item,
        the course's progress and status, for the player window."""
        if self.sequenced:
            return self._ui_2004()
        return self._ui_12()

    def _ui_2004(self) -> dict:
        seq = self.seq
        nav = seq.nav_ui_state()
        toc = []
        root = seq.tree.root.id
        for e in nav["toc"]:
            if e["id"] == root or not e["visible"]:
                continue
            status = _icon_status(e["completion_status"], e["success_status"], e["attempted"])
            tip = ""
            if not e["enabled"]:
                if e["disabled"]:
                    tip = "Not available: this item is disabled by the course's rules."
                elif e["hidden_from_choice"]:
                    tip = "Not available from the list: the course takes you there in its own order."
                elif e["is_leaf"]:
                    tip = "Not available yet: the course's rules require other items first."
            toc.append({
                "id": e["id"], "title": e["title"], "depth": max(0, e["depth"] - 1), "is_leaf": e["is_leaf"],
                "enabled": bool(e["enabled"]), "status": status, "current": e["id"] == self.current
                and (seq.current_activity == e["id"]), "tooltip": tip,
            })
        course = nav["course"]
        progress = course.get("progress_measure")
        leaves = [e for e in nav["toc"] if e["is_leaf"] and e["visible"]]
        if progress is None and leaves:
            progress = sum(1 for e in leaves if e["completion_status"] == "completed") / len(leaves)
        if course.get("completion_status") == "completed":
            progress = 1.0
        cur = seq.tree.get(seq.current_activity) if seq.current_activity else None
        return {
            "version": "2004",
            "buttons": dict(nav["buttons"]),
            "hidden": sorted(cur.hide_lms_ui) if cur is not None else [],
            "toc": toc,
            "current": seq.current_activity,
            "progress": progress,
            "course": {"completion": course["completion_status"], "success": course["success_status"],
                       "score": course.get("score_scaled")},
        }

    def _ui_12(self) -> dict:
        state = self._state_12()
        statuses = self._statuses_12()
        toc = []
        items = {i.identifier: i for i in self.course.manifest.launchable_items()}
        org = self.course.manifest.organization

        def depth_of(ident: str) -> int:
            def find(node, d):
                for child in getattr(node, "children", []) or []:
                    if child.identifier == ident:
                        return d
                    got = find(child, d + 1)
                    if got is not None:
                        return got
                return None
            return find(org, 0) or 0

        for ident, ok in state.launchable.items():
            it = items[ident]
            if not it.is_visible:
                continue
            lesson = statuses.get(ident, "not attempted")
            status = {"passed": "passed", "failed": "failed", "completed": "completed", "browsed": "completed",
                      "incomplete": "incomplete"}.get(lesson, "not attempted")
            toc.append({
                "id": ident, "title": it.title, "depth": depth_of(ident), "is_leaf": True, "enabled": ok,
                "status": status, "current": ident == self.current, "tooltip": "" if ok else self._locked_reason(ident),
            })
        course = state.course
        return {
            "version": "1.2",
            "hidden": [],
            "buttons": {
                "previous": state.previous_item(self.current) is not None,
                "continue": state.next_item(self.current) is not None,
                "exit": False, "exitAll": False, "suspendAll": False, "abandon": False, "abandonAll": False,
            },
            "toc": toc,
            "current": self.current,
            "progress": course.progress if course.progress is not None else 0.0,
            "course": {"completion": course.completion, "success": course.success, "score": course.score},
        }


def _as_seen(values: dict[str, str], stored: dict[str, str], given: dict[str, dict[str, str]]) -> dict[str, str]:
    """The SCO's values as the SCO saw them: a resumed SCO's cmi.objectives started from the sequencer's view
    (`launch.prepare`), not from what an earlier session stored, so an objective value it did not set again is the
    one it was given (ADL CO-10: stale values of a suspended SCO must not overwrite what others wrote since)."""
    ids = {k[: -len("id")]: v for k, v in values.items() if k.startswith("cmi.objectives.") and k.endswith(".id")}
    declared = list(given)  # the LMS preloads the ids in this order, and does not store them
    for n, objective_id in enumerate(declared):
        ids.setdefault(f"cmi.objectives.{n}.", objective_id)
    out = dict(values)
    for key, value in values.items():
        if not key.startswith("cmi.objectives.") or key.endswith(".id") or stored.get(key) != value:
            continue
        prefix = key[: key.index(".", len("cmi.objectives.")) + 1]
        name = key[len(prefix):]
        view = given.get(ids.get(prefix, ""), {})
        if name in view:
            out[key] = view[name]
    return out


def _icon_status(completion: str, success: str, attempted: bool) -> str:
    """One of: not attempted, incomplete, completed, passed, failed (what the table of contents draws)."""
    if success in ("passed", "failed"):
        return success
    if completion == "completed":
        return "completed"
    if completion == "incomplete" or attempted:
        return "incomplete"
    return "not attempted"
