"""Reading and marking the statement outbox. Every state change is one short transaction, so a sync killed at any
point leaves each row either still pending (sent again next time: same id, same bytes, the LRS keeps one) or done."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import sessionmaker

from .db import utcnow
from .models import OutboxStatement, SyncLogEntry

PENDING, SENT, CONFLICT, QUARANTINED = "pending", "sent", "conflict", "quarantined"


@dataclass(frozen=True)
class Row:
    id: int
    statement_id: str
    registration: str
    seq: int
    body: str


@dataclass
class OutboxStatus:
    """What the main window shows: counts by state, the last sync and its error, when the next try is due."""

    pending: int = 0
    sent: int = 0
    conflicts: int = 0
    quarantined: int = 0
    last_sync_at: str | None = None
    last_error: str | None = None
    next_attempt_at: str | None = None
    #: When the last sync run that ended without an error finished.
    last_success_at: str | None = None

    def to_json(self) -> dict:
        return asdict(self)


class Outbox:
    def __init__(self, sessions: sessionmaker) -> None:
        self.sessions = sessions

    def pending_batch(self, limit: int, after_id: int = 0) -> list[Row]:
        """The oldest pending statements (after row `after_id`): creation order, which is each registration's
        order too."""
        with self.sessions() as s:
            t = OutboxStatement
            q = (
                select(t.id, t.statement_id, t.registration, t.seq, t.body)  # plain rows: no ORM objects to build
                .where(t.state == PENDING, t.id > after_id)
                .order_by(t.id)
                .limit(max(1, limit))
            )
            return [Row(*r) for r in s.execute(q)]

    def pending(self) -> list[Row]:
        return self.pending_batch(2**62)

    def mark_sent(self, rows: list[Row]) -> None:
        """Mark rows the LRS acknowledged. Committed before the next batch is sent, but without the fsync
        (synchronous=NORMAL for this one transaction): a process killed at any point keeps the mark (WAL), and the
        one thing a power cut can undo is the mark itself, whose only effect is that the rows are sent again, which
        the LRS absorbs (same id, same content). The learner's values and the outbox rows keep synchronous=FULL.
        This halves the time a batch costs on disks where an fsync takes milliseconds."""
        values = dict(state=SENT, sent_at=utcnow(), last_error=None, next_attempt_at=None)
        engine = self.sessions.kw.get("bind")
        if engine is None or engine.dialect.name != "sqlite":
            self._set(rows, **values)
            return
        sql = (
            f"UPDATE {OutboxStatement.__tablename__} SET state = ?, sent_at = ?, last_error = NULL, "
            f"next_attempt_at = NULL WHERE state = ? AND id IN ({','.join('?' * len(rows))})"
        )
        params = (SENT, values["sent_at"], PENDING, *(r.id for r in rows))
        conn = engine.raw_connection()  # the plain sqlite3 connection: one statement, no SQL to compile each time
        try:
            conn.rollback()  # nothing open: PRAGMA synchronous may not change inside a transaction
            conn.execute("PRAGMA synchronous=NORMAL")
            try:
                conn.execute(sql, params)
                conn.commit()
            finally:
                conn.rollback()
                conn.execute("PRAGMA synchronous=FULL")  # the pooled connection goes back as it came
        finally:
            conn.close()

    def mark_refused(self, row: Row, state: str, reason: str) -> None:
        assert state in (CONFLICT, QUARANTINED)
        self._set([row], state=state, last_error=reason, next_attempt_at=None)

    def note_failure(self, rows: list[Row], error: str, next_attempt_at: str) -> None:
        """A try that failed for a reason that passes (network, 429, 5xx): the rows stay pending."""
        with self.sessions.begin() as s:
            s.execute(
                update(OutboxStatement)
                .where(OutboxStatement.id.in_([r.id for r in rows]), OutboxStatement.state == PENDING)
                .values(tries=OutboxStatement.tries + 1, last_error=error, next_attempt_at=next_attempt_at)
            )

    def requeue(self, states: tuple[str, ...] = (QUARANTINED,)) -> int:
        """Put refused statements back in the queue (after the LRS or the statements were fixed)."""
        with self.sessions.begin() as s:
            res = s.execute(
                update(OutboxStatement)
                .where(OutboxStatement.state.in_(states))
                .values(state=PENDING, tries=0, next_attempt_at=None)
            )
            return res.rowcount or 0

    def refused(self) -> list[dict]:
        """Statements the LRS would not take, oldest first: id, state, reason."""
        with self.sessions() as s:
            q = (
                select(OutboxStatement)
                .where(OutboxStatement.state.in_((CONFLICT, QUARANTINED)))
                .order_by(OutboxStatement.id)
            )
            return [
                {"id": r.statement_id, "registration": r.registration, "state": r.state, "reason": r.last_error}
                for r in s.scalars(q)
            ]

    def counts(self) -> dict[str, int]:
        with self.sessions() as s:
            rows = s.execute(select(OutboxStatement.state, func.count()).group_by(OutboxStatement.state)).all()
        out = {PENDING: 0, SENT: 0, CONFLICT: 0, QUARANTINED: 0}
        out.update({state: n for state, n in rows})
        return out

    def status(self) -> OutboxStatus:
        counts = self.counts()
        st = OutboxStatus(counts[PENDING], counts[SENT], counts[CONFLICT], counts[QUARANTINED])
        with self.sessions() as s:
            last = s.scalars(
                select(SyncLogEntry).where(SyncLogEntry.kind == "sync").order_by(SyncLogEntry.id.desc())
            ).first()
            if last is not None:
                st.last_sync_at, st.last_error = last.finished_at or last.started_at, last.last_error
            st.last_success_at = s.scalars(
                select(SyncLogEntry.finished_at)
                .where(
                    SyncLogEntry.kind == "sync", SyncLogEntry.finished_at.is_not(None), SyncLogEntry.last_error.is_(None)
                )
                .order_by(SyncLogEntry.id.desc())
            ).first()
            st.next_attempt_at = s.execute(
                select(func.min(OutboxStatement.next_attempt_at)).where(OutboxStatement.state == PENDING)
            ).scalar_one()
        return st

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

    # -- the log -------------------------------------------------------------------------------------------------
    def log_start(self, kind: str, target: str) -> int:
        with self.sessions.begin() as s:
            entry = SyncLogEntry(kind=kind, started_at=utcnow(), target=target)
            s.add(entry)
            s.flush()
            return entry.id

    def log_finish(self, log_id: int, sent: int = 0, error: str | None = None) -> None:
        counts = self.counts()
        with self.sessions.begin() as s:
            entry = s.get(SyncLogEntry, log_id)
            if entry is None:
                return
            entry.finished_at = utcnow()
            entry.sent = sent
            entry.conflicts = counts[CONFLICT]
            entry.quarantined = counts[QUARANTINED]
            entry.pending = counts[PENDING]
            entry.last_error = error

    def _set(self, rows: list[Row], **values) -> None:
        with self.sessions.begin() as s:
            s.execute(
                update(OutboxStatement)
                .where(OutboxStatement.id.in_([r.id for r in rows]), OutboxStatement.state == PENDING)
                .values(**values)
            )
