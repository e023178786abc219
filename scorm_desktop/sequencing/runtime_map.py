"""The run-time data model meets the tracking model (RTE 4.2 <-> SN 4.2): a SCO's values reported into its activity's
tracking state, and what a SCO's cmi.objectives start with. Mixed into `engine.Sequencer`."""

from __future__ import annotations

import re

from scorm_desktop.cmi import timefmt
from scorm_desktop.cmi.names import parse_float
from scorm_desktop.sequencing import rules as R
from scorm_desktop.sequencing.base import SequencerBase, _num
from scorm_desktop.sequencing.rollup import rollup_with_readers
from scorm_desktop.sequencing.tree import Activity


class RuntimeMapping(SequencerBase):
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

    # --- run-time mapping --------------------------------------------------------------------------------------------

    def _apply_objective_values(self, act: Activity, objective_id: str, primary: bool, v: dict[str, str]) -> None:
        local = act.objective_state(objective_id)
        success = v.get("success_status")
        if success is not None:
            if success in ("passed", "failed"):
                local.progress_status, local.satisfied = True, success == "passed"
            else:
                local.progress_status = False
        scaled = parse_float(v.get("score.scaled"))
        if "score.scaled" in v:
            local.measure_status, local.measure = (scaled is not None), (scaled if scaled is not None else 0.0)
            local.text["measure"] = v["score.scaled"]
        for name in ("raw", "min", "max"):
            if f"score.{name}" in v:
                setattr(local, name, parse_float(v.get(f"score.{name}")))
                local.text[name] = v[f"score.{name}"]
        comp = v.get("completion_status")
        pm = parse_float(v.get("progress_measure"))
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

