"""Learners, attempts, SCO states, sessions and every CMI value: the records that must never be lost.

Plain Python. All writes for one SCO session arrive here in the order the content made them; each batch is one
transaction, so a crash keeps every batch before it and none of it half-written.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import re
import secrets
import uuid
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import sessionmaker

from ..cmi.events import RuntimeEvent
from ..cmi.names import ROLES
from ..status import SUMMARY_VERSION, attempt_summary, status_elements
from .db import utcnow
from .models import Attempt, CmiValue, Course, Learner, OutboxStatement, ScoState, Session
from .owners import process_token

if TYPE_CHECKING:
    from ..xapi.mapping import SessionFacts, StatementBuilder


@dataclass(frozen=True)
class LearnerInfo:
    id: int
    uid: str
    name: str


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


PIN_ITERATIONS = 200_000

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


def hash_pin(pin: str) -> str:
    """A salted PBKDF2 hash of a learner's PIN (a PIN keeps learners apart on a shared laptop; it is no password)."""
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), PIN_ITERATIONS).hex()
    return f"pbkdf2${PIN_ITERATIONS}${salt}${digest}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        _, iterations, salt, digest = stored.split("$")
        got = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations)).hex()
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, digest)


def default_learner_name() -> str:
    try:
        return getpass.getuser() or "Learner"
    except Exception:  # no user name on some systems (containers): not worth failing for
        return "Learner"



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

class Records:
    def __init__(self, sessions: sessionmaker, statements: StatementBuilder | None = None) -> None:
        self.sessions = sessions
        #: Turns what a session records into xAPI statements for the outbox, written in the same transaction as the
        #: values (None: no statements are written).
        self.statements = statements

    # -- learners ------------------------------------------------------------------------------------------------
    def learner(self, name: str | None = None) -> LearnerInfo:
        """The learner with this name, created if new; with no name, the first learner (or one named after the
        OS user when there is none yet)."""
        with self.sessions.begin() as s:
            if name is None:
                row = s.scalars(select(Learner).where(Learner.is_preview == 0).order_by(Learner.id)).first()
                name = default_learner_name() if row is None else row.name
            name = name.strip()
            if not name:
                raise ValueError("A learner needs a name.")
            row = s.scalars(select(Learner).where(Learner.name == name)).first()
            if row is None:
                row = Learner(uid=str(uuid.uuid4()), name=name, created_at=utcnow())
                s.add(row)
                s.flush()
            return LearnerInfo(row.id, row.uid, row.name)

    def learners(self, include_preview: bool = False) -> list[LearnerInfo]:
        with self.sessions() as s:
            q = select(Learner).order_by(Learner.name)
            if not include_preview:
                q = q.where(Learner.is_preview == 0)
            return [LearnerInfo(r.id, r.uid, r.name) for r in s.scalars(q)]

    def find_learner(self, name: str) -> LearnerInfo | None:
        with self.sessions() as s:
            r = s.scalars(select(Learner).where(Learner.name == name.strip())).first()
            return LearnerInfo(r.id, r.uid, r.name) if r is not None else None

    def add_learner(self, name: str, pin: str | None = None) -> LearnerInfo:
        """A new learner; ValueError (a sentence) when the name is empty or taken."""
        name = name.strip()
        if not name:
            raise ValueError("A learner needs a name.")
        with self.sessions.begin() as s:
            if s.scalars(select(Learner).where(Learner.name == name)).first() is not None:
                raise ValueError(f"There is already a learner named '{name}'.")
            row = Learner(uid=str(uuid.uuid4()), name=name, created_at=utcnow(), pin_hash=hash_pin(pin) if pin else None)
            s.add(row)
            s.flush()
            return LearnerInfo(row.id, row.uid, row.name)

    def rename_learner(self, learner_id: int, new_name: str) -> LearnerInfo:
        """Rename (the uid, which content and the LRS know, stays the same)."""
        new_name = new_name.strip()
        if not new_name:
            raise ValueError("A learner needs a name.")
        with self.sessions.begin() as s:
            row = s.get(Learner, learner_id)
            if row is None:
                raise KeyError(f"There is no learner {learner_id}.")
            clash = s.scalars(select(Learner).where(Learner.name == new_name, Learner.id != learner_id)).first()
            if clash is not None:
                raise ValueError(f"There is already a learner named '{new_name}'.")
            row.name = new_name
            return LearnerInfo(row.id, row.uid, row.name)

    def remove_learner(self, learner_id: int) -> None:
        """Remove a learner and their records on this computer (statements already in the outbox are kept and
        still sync: the organization's copy is never lost by a local clean-up)."""
        with self.sessions.begin() as s:
            row = s.get(Learner, learner_id)
            if row is not None:
                s.delete(row)

    def set_pin(self, learner_id: int, pin: str | None) -> None:
        with self.sessions.begin() as s:
            row = s.get(Learner, learner_id)
            if row is None:
                raise KeyError(f"There is no learner {learner_id}.")
            row.pin_hash = hash_pin(pin) if pin else None

    def has_pin(self, learner_id: int) -> bool:
        with self.sessions() as s:
            row = s.get(Learner, learner_id)
            return row is not None and row.pin_hash is not None

    def check_pin(self, learner_id: int, pin: str) -> bool:
        with self.sessions() as s:
            row = s.get(Learner, learner_id)
            if row is None:
                return False
            return row.pin_hash is None or verify_pin(pin, row.pin_hash)

    # -- the trainer's preview -------------------------------------------------------------------------------------
    PREVIEW_NAME = "Preview (trainer)"

    def preview_learner(self) -> LearnerInfo:
        """The hidden learner that preview launches record under (browse mode, no credit, never synced)."""
        with self.sessions.begin() as s:
            row = s.scalars(select(Learner).where(Learner.is_preview == 1)).first()
            if row is None:
                row = Learner(uid=str(uuid.uuid4()), name=self.PREVIEW_NAME, created_at=utcnow(), is_preview=1)
                s.add(row)
                s.flush()
            return LearnerInfo(row.id, row.uid, row.name)

    def clear_preview(self) -> int:
        """Delete every preview attempt in one action; returns how many attempts went."""
        with self.sessions.begin() as s:
            ids = list(s.scalars(select(Learner.id).where(Learner.is_preview == 1)))
            if not ids:
                return 0
            n = s.execute(select(func.count(Attempt.id)).where(Attempt.learner_id.in_(ids))).scalar_one()
            s.execute(delete(Attempt).where(Attempt.learner_id.in_(ids)))
            return n

    def is_preview(self, learner_id: int) -> bool:
        with self.sessions() as s:
            row = s.get(Learner, learner_id)
            return bool(row and row.is_preview)

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

    def history(self, learner_id: int, course_id: int) -> list[dict]:
        """Every attempt and its launches (start, end, duration, how it ended) for the learner on the course."""
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

    @staticmethod
    def queue_statements(s, statements: list[tuple[str, str, str]], now: str, source: str = "local") -> int:
        """Append (statement id, registration, JSON body) rows to the outbox within the caller's transaction, in order;
        an id already there is left as it is (INSERT OR IGNORE). Returns how many were new.

        One SELECT for the ids already queued and one prepared INSERT run as executemany, whatever the count (a batch
        of a thousand answered interactions makes a thousand statements)."""
        if not statements:
            return 0
        table = OutboxStatement.__table__
        known: set[str] = set()
        ids = [statement_id for statement_id, _, _ in statements]
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            known.update(s.execute(select(table.c.statement_id).where(table.c.statement_id.in_(chunk))).scalars())
        next_seq: dict[str, int] = {}
        from ..dispatch.sequence import tagger  # a dispatched course's statements carry its id and the device's numbers

        tag = tagger(s) if source == "local" else None
        rows = []
        for statement_id, registration, body in statements:
            if statement_id in known:
                continue
            known.add(statement_id)
            if tag is not None:
                body = tag(statement_id, registration, body)
            if registration not in next_seq:
                next_seq[registration] = s.execute(
                    select(func.coalesce(func.max(OutboxStatement.seq), 0)).where(
                        OutboxStatement.registration == registration
                    )
                ).scalar_one()
            next_seq[registration] += 1
            rows.append({"statement_id": statement_id, "registration": registration, "seq": next_seq[registration],
                         "body": body, "source": source, "created_at": now, "state": "pending", "tries": 0})
        if rows:
            stmt = sqlite_insert(table).on_conflict_do_nothing(index_elements=[table.c.statement_id])
            s.execute(stmt, rows)
        return len(rows)

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

    # -- summaries -----------------------------------------------------------------------------------------------
    def summaries(self, learner_id: int | None = None, course_id: int | None = None) -> list[dict]:
        """The status of each learner's latest attempt on each course, read from the stored summaries (one query,
        fast at dashboard scale). Preview learners are left out."""
        latest = (
            select(Attempt.learner_id, Attempt.course_id, func.max(Attempt.number).label("n"))
            .group_by(Attempt.learner_id, Attempt.course_id)
            .subquery()
        )
        q = (
            select(Attempt, Learner.name)
            .join(latest, (Attempt.learner_id == latest.c.learner_id) & (Attempt.course_id == latest.c.course_id)
                  & (Attempt.number == latest.c.n))
            .join(Learner, Learner.id == Attempt.learner_id)
            .where(Learner.is_preview == 0)
        )
        if learner_id is not None:
            q = q.where(Attempt.learner_id == learner_id)
        if course_id is not None:
            q = q.where(Attempt.course_id == course_id)
        with self.sessions() as s:
            return [
                {
                    "learner_id": a.learner_id, "learner": name, "course_id": a.course_id, "attempt": a.number,
                    "label": a.label, "completion": a.completion, "success": a.success, "score": a.score,
                    "progress": a.progress, "total_seconds": a.total_seconds, "resumable": bool(a.resumable),
                    "resume_point": a.resume_point, "first_activity": a.started_at, "last_activity": a.last_activity_at,
                }
                for a, name in s.execute(q)
            ]

    @staticmethod
    def _refresh_summary(s, sco_state_id: int) -> None:
        """Recompute the attempt's stored status (status.py decides it) in the transaction that changed its data."""
        state = s.get(ScoState, sco_state_id)
        if state is not None:
            Records._summarize(s, s.get(Attempt, state.attempt_id))

    @staticmethod
    def _summarize(s, attempt: Attempt | None) -> None:
        if attempt is None:
            return
        course = s.get(Course, attempt.course_id)
        version = "1.2" if course.standard == "scorm12" else "2004"
        latest: dict[str, ScoState] = {}
        for st in s.scalars(select(ScoState).where(ScoState.attempt_id == attempt.id).order_by(ScoState.number)):
            latest[st.item_identifier] = st
        wanted = status_elements(version)
        values: dict[str, dict[str, str]] = {item: {} for item in latest}
        by_state = {st.id: item for item, st in latest.items()}
        if by_state:
            q = select(CmiValue).where(CmiValue.sco_state_id.in_(by_state), CmiValue.element.in_(wanted))
            for v in s.scalars(q):
                values[by_state[v.sco_state_id]][v.element] = v.value
        st, resume_point = attempt_summary(version, values, course.sco_count)
        attempt.label = st.label
        attempt.completion = st.completion
        attempt.success = st.success
        attempt.score = st.score
        attempt.progress = st.progress
        attempt.total_seconds = st.total_seconds
        attempt.resumable = int(st.resumable)
        attempt.resume_point = resume_point
        Records._apply_sequencing_result(s, attempt)
        attempt.summary_version = SUMMARY_VERSION
        # The launch that made this status (the attempt's latest, once it has ended) records it as its outcome;
        # a rollup that lands after the session ended (sequencing) updates it too.
        last = s.scalars(
            select(Session).join(ScoState, Session.sco_state_id == ScoState.id)
            .where(ScoState.attempt_id == attempt.id).order_by(Session.id.desc())
        ).first()
        if last is not None and last.ended_at is not None:
            last.status_after = attempt.label

    @staticmethod
    def _apply_sequencing_result(s, attempt: Attempt) -> None:
        """A sequenced SCORM 2004 course: its result is the rollup of the root (stored by the sequencing store), not
        the simple roll-up of the SCOs' values."""
        import json

        from ..status import Status
        from .models import SequencingState

        row = s.get(SequencingState, attempt.id)
        if row is None or not row.result_json:
            return
        res = json.loads(row.result_json)
        completion = res.get("completion_status") or "not attempted"
        if completion == "unknown":
            completion = "incomplete"
        st = Status(completion=completion, success=res.get("success_status") or "unknown")
        if st.completion == "not attempted" and attempt.completion != "not attempted":
            st.completion = "incomplete"  # the SCOs were worked on, although nothing rolled up yet
        # the root's measure and progress when rollup gives them, else what the SCOs' own values say
        st.score = res["score_scaled"] if res.get("score_scaled") is not None else attempt.score
        st.progress = 1.0 if completion == "completed" else res.get("progress_measure", attempt.progress)
        if st.progress is None:
            st.progress = attempt.progress
        attempt.label = st.label
        attempt.completion = st.completion
        attempt.success = st.success
        attempt.score = st.score
        attempt.progress = st.progress
        if res.get("suspended"):
            attempt.resumable = 1

    def refresh_stale_summaries(self) -> int:
        """Recompute summaries made by an older version (after an upgrade); returns how many."""
        with self.sessions.begin() as s:
            stale = list(s.scalars(select(Attempt).where(Attempt.summary_version < SUMMARY_VERSION)))
            for attempt in stale:
                self._summarize(s, attempt)
            return len(stale)

    @staticmethod
    def _touch(s, sco_state_id: int, now: str) -> None:
        state = s.get(ScoState, sco_state_id)
        if state is not None:
            state.last_activity_at = now
            att = s.get(Attempt, state.attempt_id)
            if att is not None:
                att.last_activity_at = now
