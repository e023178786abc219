"""Where the SCORM 2004 sequencer's state lives between launches: one row per learner × course attempt (every
activity's tracking state, the current and suspended activity, the course's own global objectives) and, when a course
declares objectivesGlobalToSystem (the SN default), the learner's global objectives shared across their courses.

Plain Python. `save` also stores the course-level result from rollup and refreshes the attempt's summary in the same
transaction, so the library, `report` and sync read the rolled-up result of a sequenced course.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import sessionmaker

from .db import utcnow
from .models import Attempt, LearnerObjective, SequencingState
from .summaries import Summaries


class SequencingStore:
    def __init__(self, sessions: sessionmaker) -> None:
        self.sessions = sessions

    def load(self, attempt_id: int, learner_id: int, global_to_system: bool) -> dict[str, Any] | None:
        """The saved `Sequencer.to_state()` of the attempt (None when there is none and no shared objective either);
        with `global_to_system`, the learner's shared global objectives replace the attempt's copies."""
        with self.sessions() as s:
            row = s.get(SequencingState, attempt_id)
            state: dict[str, Any] | None = json.loads(row.state_json) if row is not None else None
            if not global_to_system:
                return state
            shared = {
                o.objective_id: json.loads(o.state_json)
                for o in s.scalars(select(LearnerObjective).where(LearnerObjective.learner_id == learner_id))
            }
        if not shared:
            return state
        if state is None:
            state = {"version": 1, "current": None, "suspended": None, "tree": {"activities": {}}}
        tree = state.setdefault("tree", {})
        tree["global_objectives"] = {**tree.get("global_objectives", {}), **shared}
        return state

    def save(
        self,
        attempt_id: int,
        learner_id: int,
        state: dict[str, Any],
        result: dict[str, Any] | None,
        global_to_system: bool,
    ) -> None:
        """Store the state and the course result in one transaction (and the shared objectives, when global to the
        system), then recompute the attempt's summary from them."""
        now = utcnow()
        with self.sessions.begin() as s:
            row = s.get(SequencingState, attempt_id)
            text = json.dumps(state, separators=(",", ":"))
            res = json.dumps(result, separators=(",", ":")) if result is not None else None
            if row is None:
                s.add(SequencingState(attempt_id=attempt_id, state_json=text, result_json=res, updated_at=now))
            else:
                row.state_json, row.result_json, row.updated_at = text, res, now
            if global_to_system:
                objectives = state.get("tree", {}).get("global_objectives", {})
                if objectives:
                    table = LearnerObjective.__table__
                    stmt = sqlite_insert(table)
                    stmt = stmt.on_conflict_do_update(
                        index_elements=[table.c.learner_id, table.c.objective_id],
                        set_={"state_json": stmt.excluded.state_json, "updated_at": stmt.excluded.updated_at},
                    )
                    s.execute(stmt, [
                        {"learner_id": learner_id, "objective_id": k, "state_json": json.dumps(v), "updated_at": now}
                        for k, v in objectives.items()
                    ])
            s.flush()
            Summaries._summarize(s, s.get(Attempt, attempt_id))

    def result(self, attempt_id: int) -> dict[str, Any] | None:
        with self.sessions() as s:
            row = s.get(SequencingState, attempt_id)
            return json.loads(row.result_json) if row is not None and row.result_json else None
