"""Attempts, SCO states, sessions and every CMI value: the records that must never be lost.

Plain Python. All writes for one SCO session arrive here in the order the content made them; each batch is one
transaction, so a crash keeps every batch before it and none of it half-written. The batch's statements go to the
outbox (outbox.py) and the attempt's summary is refreshed (summaries.py) in the same transaction.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import sessionmaker

from ..cmi.events import RuntimeEvent
from ..cmi.names import ROLES
from ..owners import process_token
from ..status import status_elements
from .db import utcnow
from .models import Attempt, CmiValue, Course, Learner, ScoState, Session
from .outbox import Outbox
from .summaries import Summaries

if TYPE_CHECKING:
    from ..xapi.mapping import SessionFacts, StatementBuilder


@dataclass(frozen=True)
class SessionRecord:
    """What a launch needs to know about where its data goes."""

    session_id: int
    sco_state_id: int
    attempt_id: int
    registration: str
    stored: dict[str, str]


@dataclass(frozen=True)
class OpenSession:
    """A session that never ended (the app was killed or crashed): recovery finishes it."""

    session_id: int
    sco_state_id: int
    course_id: int
    learner_id: int
    item_identifier: str
    started_at: str
    initialized_at: str | None
    last_event_at: str | None
    mode: str
    credit: str
    #: The process that ran it (None: recorded before owners existed).
    owner: str | None = None


def _stored_event(ev: RuntimeEvent | dict) -> RuntimeEvent:
    """An event as storage takes it; a dict missing its element or value is a KeyError (nothing is written)."""
    if isinstance(ev, RuntimeEvent):
        return ev
    seq = ev.get("seq", 0)
    seq = seq if isinstance(seq, int) and not isinstance(seq, bool) else 0
    if ev.get("op") == "set":
        return RuntimeEvent("set", seq, str(ev["element"]), str(ev["value"]))
    return RuntimeEvent(str(ev.get("op")), seq)


_INTERACTION = re.compile(r"cmi\.interactions\.(\d+)\.")



class _Before:
    """The stored values a flush's statements compare with, kept current batch by batch without copying them whole:
    the status/score/progress/entry elements, and the interactions by index (a batch's view holds only the
    interactions it touches)."""

    def __init__(self, version: str, values: dict[str, str]) -> None:
        self._names = set(ROLES[version].values()) | set(status_elements(version))
        self._plain: dict[str, str] = {}
        self._interactions: dict[int, dict[str, str]] = {}
        self.update(values)

    def view(self, rows: dict[str, str]) -> dict[str, str]:
        out = dict(self._plain)
        for index in {int(m.group(1)) for m in map(_INTERACTION.match, rows) if m}:
            out.update(self._interactions.get(index, {}))
        return out

    def update(self, rows: dict[str, str]) -> None:
        for key, value in rows.items():
            m = _INTERACTION.match(key)
            if m:
                self._interactions.setdefault(int(m.group(1)), {})[key] = value
            elif key in self._names:
                self._plain[key] = value

class Attempts:
    def __init__(self, sessions: sessionmaker, statements: StatementBuilder | None = None) -> None:
        self.sessions = sessions
        #: Turns what a session records into xAPI statements for the outbox, written in the same transaction as the
        #: values (None: no statements are written).
        self.statements = statements

    # -- attempts ------------------------------------------------------------------------------------------------
    def new_attempt(self, learner_id: int, course_id: int) -> tuple[int, str]:
        """Start the course afresh for the learner: a new numbered attempt; the earlier ones stay in history."""
        with self.sessions.begin() as s:
            last = s.execute(
                select(func.max(Attempt.number)).where(Attempt.learner_id == learner_id, Attempt.course_id == course_id)
            ).scalar_one()
            now = utcnow()
            row = Attempt(
                learner_id=learner_id, course_id=course_id, number=(last or 0) + 1,
                registration=str(uuid.uuid4()), started_at=now, last_activity_at=now,
            )
            s.add(row)
            s.flush()
            return row.id, row.registration

    def history(self, learner_id: int, course_id: int, more_launches=None) -> list[dict]:
        """Every attempt and its launches (start, end, duration, how it ended) for the learner on the course.
        `more_launches(session, registration)`: launches kept elsewhere, in the same shape, added to each attempt's (a
        cmi5 course's AU sessions are the LMS's: `cmi5/report.py` `cmi5_launches`; storage does not import cmi5)."""
        with self.sessions() as s:
            out = []
            for att in s.scalars(
                select(Attempt).where(Attempt.learner_id == learner_id, Attempt.course_id == course_id)
                .order_by(Attempt.number)
            ):
                launches = []
                q = (
                    select(Session, ScoState)
                    .join(ScoState, Session.sco_state_id == ScoState.id)
                    .where(ScoState.attempt_id == att.id)
                    .order_by(Session.id)
                )
                for sess, st in s.execute(q):
                    launches.append({
                        "item": st.item_identifier, "sco_attempt": st.number, "started": sess.started_at,
                        "ended": sess.ended_at, "end": sess.end_reason, "mode": sess.mode, "events": sess.event_count,
                        "status_before": sess.status_before, "status_after": sess.status_after,
                    })
                if more_launches is not None:
                    launches += more_launches(s, att.registration)
                out.append({
                    "attempt": att.number, "registration": att.registration, "started": att.started_at,
                    "last_activity": att.last_activity_at, "label": att.label, "score": att.score,
                    "progress": att.progress, "total_seconds": att.total_seconds, "launches": launches,
                })
            return out

    # -- attempts and sessions -----------------------------------------------------------------------------------
    def current_attempt(self, learner_id: int, course_id: int) -> tuple[int, str]:
        """The learner's latest attempt on the course (created when there is none): (attempt id, registration)."""
        with self.sessions.begin() as s:
            row = s.scalars(
                select(Attempt)
                .where(Attempt.learner_id == learner_id, Attempt.course_id == course_id)
                .order_by(Attempt.number.desc())
            ).first()
            if row is None:
                now = utcnow()
                row = Attempt(
                    learner_id=learner_id,
                    course_id=course_id,
                    number=1,
                    registration=str(uuid.uuid4()),
                    started_at=now,
                    last_activity_at=now,
                )
                s.add(row)
                s.flush()
            return row.id, row.registration

    def current_attempt_number(self, learner_id: int, course_id: int) -> int | None:
        with self.sessions() as s:
            return s.execute(
                select(func.max(Attempt.number)).where(Attempt.learner_id == learner_id, Attempt.course_id == course_id)
            ).scalar_one()

    def latest_values(self, learner_id: int, course_id: int, item_identifier: str) -> dict[str, str]:
        """The values of the learner's latest attempt on this SCO ({} when never launched)."""
        with self.sessions() as s:
            state = self._latest_state(s, learner_id, course_id, item_identifier)
            return {} if state is None else self._values(s, state.id)

    def begin_session(
        self,
        learner_id: int,
        course_id: int,
        item_identifier: str,
        mode: str,
        credit: str,
        new_sco_attempt: bool = False,
    ) -> SessionRecord:
        """Open a session on the SCO's latest attempt, or on a new one (the earlier ones stay as they are)."""
        attempt_id, registration = self.current_attempt(learner_id, course_id)
        now = utcnow()
        with self.sessions.begin() as s:
            state = self._latest_state(s, learner_id, course_id, item_identifier)
            if state is None or new_sco_attempt:
                state = ScoState(
                    attempt_id=attempt_id,
                    item_identifier=item_identifier,
                    number=1 if state is None else state.number + 1,
                    first_launch_at=now,
                    last_activity_at=now,
                )
                s.add(state)
                s.flush()
            stored = self._values(s, state.id)
            attempt = s.get(Attempt, attempt_id)
            sess = Session(
                sco_state_id=state.id, started_at=now, mode=mode, credit=credit,
                status_before=attempt.label if attempt is not None else None, owner=process_token(),
            )
            s.add(sess)
            s.flush()
            return SessionRecord(sess.id, state.id, attempt_id, registration, stored)

    @staticmethod
    def _latest_state(s, learner_id: int, course_id: int, item_identifier: str) -> ScoState | None:
        """The SCO's latest state within the learner's current course attempt (a reset starts with none)."""
        current = (
            select(func.max(Attempt.number))
            .where(Attempt.learner_id == learner_id, Attempt.course_id == course_id)
            .scalar_subquery()
        )
        return s.scalars(
            select(ScoState)
            .join(Attempt, ScoState.attempt_id == Attempt.id)
            .where(
                Attempt.learner_id == learner_id,
                Attempt.course_id == course_id,
                Attempt.number == current,
                ScoState.item_identifier == item_identifier,
            )
            .order_by(ScoState.number.desc())
        ).first()

    def apply_events(self, session_id: int, events: list[RuntimeEvent] | list[dict]) -> int:
        """Persist one ordered batch of run-time events in one transaction; returns the number of values written.
        (`apply_batches` with one batch.)"""
        return self.apply_batches(session_id, [events])

    def apply_batches(self, session_id: int, batches: list[list[RuntimeEvent]] | list[list[dict]]) -> int:
        """Persist a session's ordered batches in ONE transaction (group commit), each batch as if written alone:
        the statements of each batch come from its own before/after values, so what reaches the LRS (and the
        statements' ids) does not depend on how many batches a flush happened to gather. Returns the number of values
        written.

        The cost follows the batches, not the session: only the values a batch's statements compare (status, score,
        progress, entry and the interactions it touches) are read back, and the attempt's summary is recomputed only
        when a batch sets an element a status is derived from. The events must already be validated
        (`storage.writes.OrderedWrites` does that); dicts in the page's JSON form are accepted too."""
        now = utcnow()
        with self.sessions.begin() as s:
            sess = s.get(Session, session_id)
            if sess is None:
                raise KeyError(f"unknown session {session_id}")
            facts = self._facts(s, sess) if self.statements is not None else None
            review = sess.mode == "review"  # review shows the record; it never changes it
            parsed = [[_stored_event(ev) for ev in batch] for batch in batches]
            per_batch = [{} if review else {ev.element: ev.value for ev in evs if ev.op == "set"} for evs in parsed]
            rows: dict[str, str] = {}
            for r in per_batch:
                rows.update(r)
            # One read and one write for the whole flush; only the statements are made batch by batch, each from
            # the values as they stood before and after that batch (_Before keeps them current between batches).
            known = None
            if facts is not None:
                known = _Before(facts.version, self._values_for_batch(s, sess.sco_state_id, facts.version, rows))
            made: list[dict] = []
            for events, batch_rows in zip(parsed, per_batch):
                first_seq = sess.event_count + 1
                if sess.initialized_at is None and any(ev.op == "initialize" for ev in events):
                    sess.initialized_at = now
                sess.event_count += len(events)
                if facts is not None and known is not None:
                    if facts.initialized != (sess.initialized_at is not None):
                        facts = replace(facts, initialized=sess.initialized_at is not None)  # as a write alone sees it
                    before = known.view(batch_rows)
                    made += self.statements.for_events(facts, before, {**before, **batch_rows}, events, now, first_seq)
                    known.update(batch_rows)
            if rows:
                self._upsert(s, sess.sco_state_id, rows, now)
            sess.last_event_at = now
            self._touch(s, sess.sco_state_id, now)
            if rows and self._changes_status(s, sess.sco_state_id, rows):
                self._refresh_summary(s, sess.sco_state_id)
            if facts is not None and made:
                self._queue(s, facts.registration, made, now)
        return sum(len(r) for r in per_batch)

    @staticmethod
    def _values_for_batch(s, sco_state_id: int, version: str, rows: dict[str, str]) -> dict[str, str]:
        """The stored values a batch's statements compare with: the status/score/progress/entry elements and every
        value of the interactions the batch touches (not the whole session)."""
        names = set(ROLES[version].values()) | set(status_elements(version))
        touched = sorted({int(m.group(1)) for m in map(_INTERACTION.match, rows) if m})
        col = CmiValue.element
        cond = col.in_(names)
        if len(touched) > 64:
            cond = cond | ((col >= "cmi.interactions.") & (col < "cmi.interactions/"))
        elif touched:
            for i in touched:
                cond = cond | ((col >= f"cmi.interactions.{i}.") & (col < f"cmi.interactions.{i}/"))
        q = select(CmiValue.element, CmiValue.value).where(CmiValue.sco_state_id == sco_state_id, cond)
        return {e: v for e, v in s.execute(q)}

    @staticmethod
    def _changes_status(s, sco_state_id: int, rows: dict[str, str]) -> bool:
        state = s.get(ScoState, sco_state_id)
        att = s.get(Attempt, state.attempt_id) if state is not None else None
        course = s.get(Course, att.course_id) if att is not None else None
        if course is None:
            return True
        version = "1.2" if course.standard == "scorm12" else "2004"
        return not set(status_elements(version)).isdisjoint(rows)

    def end_session(
        self, session_id: int, reason: str, changes: dict[str, str], ended_at: str | None = None
    ) -> None:
        """Close a session with the values the LMS sets at its end (total time, entry for next time, statuses).

        `ended_at` is when the session really ended, for recovery after a crash: its last recorded event, not the
        moment the app noticed (the learner was not active at that later moment).
        """
        now = ended_at or utcnow()
        with self.sessions.begin() as s:
            sess = s.get(Session, session_id)
            if sess is None or sess.ended_at is not None:
                return
            before = self._values(s, sess.sco_state_id) if self.statements is not None else {}
            if changes:
                self._upsert(s, sess.sco_state_id, changes, now)
            sess.ended_at = now
            sess.end_reason = reason
            if ended_at is None:
                self._touch(s, sess.sco_state_id, now)
            s.flush()
            self._refresh_summary(s, sess.sco_state_id)
            if self.statements is not None:
                facts = self._facts(s, sess)
                made = self.statements.for_end(facts, before, {**before, **changes}, now)
                self._queue(s, facts.registration, made, now)

    def set_during(self, session_id: int) -> set[str]:
        """The elements whose value was written since the session started (by this session)."""
        with self.sessions() as s:
            sess = s.get(Session, session_id)
            if sess is None:
                return set()
            return set(
                s.scalars(
                    select(CmiValue.element).where(
                        CmiValue.sco_state_id == sess.sco_state_id, CmiValue.updated_at >= sess.started_at
                    )
                )
            )

    def session_values(self, session_id: int) -> dict[str, str]:
        with self.sessions() as s:
            sess = s.get(Session, session_id)
            if sess is None:
                return {}
            return self._values(s, sess.sco_state_id)

    def open_sessions(self) -> list[OpenSession]:
        with self.sessions() as s:
            q = (
                select(Session, ScoState, Attempt)
                .join(ScoState, Session.sco_state_id == ScoState.id)
                .join(Attempt, ScoState.attempt_id == Attempt.id)
                .where(Session.ended_at.is_(None))
                .order_by(Session.id)
            )
            return [
                OpenSession(
                    sess.id, st.id, att.course_id, att.learner_id, st.item_identifier, sess.started_at,
                    sess.initialized_at, sess.last_event_at, sess.mode, sess.credit, sess.owner,
                )
                for sess, st, att in s.execute(q)
            ]

    def discard_empty_session(self, session_id: int) -> None:
        """A session whose content never initialized leaves no trace but its row: drop the row."""
        with self.sessions.begin() as s:
            s.execute(delete(Session).where(Session.id == session_id, Session.event_count == 0))

    # -- reading for reports -------------------------------------------------------------------------------------
    def sco_rows(self, course_id: int | None = None, learner_id: int | None = None) -> list[dict]:
        """Every SCO state with its learner, attempt and values, for `report` and the library's status column."""
        with self.sessions() as s:
            q = (
                select(ScoState, Attempt, Learner)
                .join(Attempt, ScoState.attempt_id == Attempt.id)
                .join(Learner, Attempt.learner_id == Learner.id)
                .order_by(Attempt.course_id, Learner.name, Attempt.number, ScoState.item_identifier, ScoState.number)
            )
            if course_id is not None:
                q = q.where(Attempt.course_id == course_id)
            if learner_id is not None:
                q = q.where(Attempt.learner_id == learner_id)
            out = []
            for st, att, lrn in s.execute(q):
                sessions = s.execute(
                    select(func.count(Session.id)).where(Session.sco_state_id == st.id, Session.event_count > 0)
                ).scalar_one()
                out.append(
                    {
                        "course_id": att.course_id,
                        "learner": lrn.name,
                        "learner_uid": lrn.uid,
                        "attempt": att.number,
                        "registration": att.registration,
                        "item": st.item_identifier,
                        "sco_attempt": st.number,
                        "first_launch": st.first_launch_at,
                        "last_activity": st.last_activity_at,
                        "sessions": sessions,
                        "values": self._values(s, st.id),
                    }
                )
            return out

    # -- the statement outbox --------------------------------------------------------------------------------------
    def _facts(self, s, sess: Session) -> SessionFacts:
        from ..xapi.mapping import SessionFacts

        assert self.statements is not None
        state = s.get(ScoState, sess.sco_state_id)
        att = s.get(Attempt, state.attempt_id)
        course = s.get(Course, att.course_id)
        learner = s.get(Learner, att.learner_id)
        return SessionFacts(
            registration=att.registration,
            course_id=course.id,
            course_identifier=course.identifier,
            course_title=course.title,
            version="1.2" if course.standard == "scorm12" else "2004",
            item_identifier=state.item_identifier,
            item_title=self.statements.item_title(course.id, course.manifest_json, state.item_identifier),
            sco_attempt=state.number,
            session_id=sess.id,
            mode=sess.mode,
            learner_uid=learner.uid,
            learner_name=learner.name,
            initialized=sess.initialized_at is not None,
        )

    def _queue(self, s, registration: str, statements: list[dict], now: str) -> None:
        from ..xapi.mapping import to_json

        self.queue_statements(s, [(st["id"], registration, to_json(st)) for st in statements], now)

    queue_statements = staticmethod(Outbox.queue_statements)
    _refresh_summary = staticmethod(Summaries._refresh_summary)

    # -- helpers -------------------------------------------------------------------------------------------------
    @staticmethod
    def _values(s, sco_state_id: int) -> dict[str, str]:
        return {v.element: v.value for v in s.scalars(select(CmiValue).where(CmiValue.sco_state_id == sco_state_id))}

    @staticmethod
    def _upsert(s, sco_state_id: int, rows: dict[str, str], now: str) -> None:
        """Insert or update values with one prepared statement run as executemany (fast for 10,000-value batches)."""
        table = CmiValue.__table__
        stmt = sqlite_insert(table)
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c.sco_state_id, table.c.element],
            set_={"value": stmt.excluded.value, "updated_at": stmt.excluded.updated_at},
        )
        s.execute(
            stmt,
            [{"sco_state_id": sco_state_id, "element": k, "value": v, "updated_at": now} for k, v in rows.items()],
        )


    @staticmethod
    def _touch(s, sco_state_id: int, now: str) -> None:
        state = s.get(ScoState, sco_state_id)
        if state is not None:
            state.last_activity_at = now
            att = s.get(Attempt, state.attempt_id)
            if att is not None:
                att.last_activity_at = now
