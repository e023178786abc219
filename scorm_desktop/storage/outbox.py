"""Reading and marking the statement outbox and the document outbox. Every state change is one short transaction, so
a sync killed at any point leaves each row either still pending (sent again next time: same id, same bytes, the LRS
keeps one) or done. Documents (`DocumentOutbox`) are one row per document key, latest content wins (migration 11)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import sessionmaker

from .db import utcnow
from .models import DocumentOutboxRow, OutboxStatement, SyncLogEntry

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

    #: Statements and documents waiting to be sent (a sync is due when this is not 0).
    pending: int = 0
    sent: int = 0
    conflicts: int = 0
    quarantined: int = 0
    last_sync_at: str | None = None
    last_error: str | None = None
    next_attempt_at: str | None = None
    #: When the last sync run that ended without an error finished.
    last_success_at: str | None = None
    #: Of `pending`, how many are State / Activity Profile / Agent Profile documents; documents sent, refused.
    documents_pending: int = 0
    documents_sent: int = 0
    documents_quarantined: int = 0

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
        docs = DocumentOutbox(self.sessions).counts()
        st = OutboxStatus(counts[PENDING] + docs[PENDING], counts[SENT], counts[CONFLICT], counts[QUARANTINED],
                          documents_pending=docs[PENDING], documents_sent=docs[SENT],
                          documents_quarantined=docs[QUARANTINED])
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
            due = [s.execute(select(func.min(t.next_attempt_at)).where(t.state == PENDING)).scalar_one()
                   for t in (OutboxStatement, DocumentOutboxRow)]
            st.next_attempt_at = min((d for d in due if d), default=None)
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
        from .dispatch_sequence import tagger  # a dispatched course's statements carry its id and the device's numbers

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


# ------------------------------------------------------------------------------------------------ documents
@dataclass(frozen=True)
class DocRow:
    """One pending document write as sync sends it (`revision` says which write this is)."""

    id: int
    kind: str
    activity_id: str
    agent_json: str
    registration: str
    doc_id: str
    op: str
    content_type: str
    content: bytes | None
    revision: int
    updated: str
    agent_key: str


_DOC_COLUMNS = ("id", "kind", "activity_id", "agent_json", "registration", "doc_id", "op", "content_type", "content",
                "revision", "updated", "agent_key")


class DocumentOutbox:
    """The State, Activity Profile and Agent Profile documents waiting for the central LRS: one row per document
    key (kind, activity, agent, registration, id), written by `queue_document` in the transaction that writes the
    local document, so a document written many times between two syncs is sent once, as last written."""

    def __init__(self, sessions: sessionmaker) -> None:
        self.sessions = sessions

    @staticmethod
    def queue_document(s, kind: str, activity_id: str, agent_key: str, agent_json: str, registration: str,
                       doc_id: str, op: str, content_type: str, content: bytes | None, updated: str,
                       source: str = "local") -> None:
        """Record a write (op "put": the whole document as it now is; "delete") in the caller's transaction. A row
        from a bundle (`source` another device) replaces the key's row only if it is newer than it."""
        table = DocumentOutboxRow.__table__
        row = dict(kind=kind, activity_id=activity_id, agent_key=agent_key, agent_json=agent_json,
                   registration=registration, doc_id=doc_id, op=op, content_type=content_type, content=content,
                   updated=updated, revision=1, source=source, created_at=utcnow(), state=PENDING, tries=0)
        ins = sqlite_insert(table).values(**row)
        changes = {name: ins.excluded[name] for name in ("agent_json", "op", "content_type", "content", "updated",
                                                         "source", "created_at")}
        changes.update(revision=table.c.revision + 1, state=PENDING, tries=0, last_error=None, next_attempt_at=None,
                       sent_at=None)
        keys = [table.c.kind, table.c.activity_id, table.c.agent_key, table.c.registration, table.c.doc_id]
        where = None if source == "local" else ins.excluded.updated > table.c.updated
        s.execute(ins.on_conflict_do_update(index_elements=keys, set_=changes, where=where))

    def pending_batch(self, limit: int, after_id: int = 0) -> list[DocRow]:
        t = DocumentOutboxRow
        with self.sessions() as s:
            q = (select(*(getattr(t, c) for c in _DOC_COLUMNS)).where(t.state == PENDING, t.id > after_id)
                 .order_by(t.id).limit(max(1, limit)))
            return [DocRow(*r) for r in s.execute(q)]

    def pending(self) -> list[DocRow]:
        return self.pending_batch(2**62)

    def mark_sent(self, row: DocRow) -> bool:
        """The LRS took this write. False if the document was written again meanwhile (that write stays pending)."""
        return self._set(row, state=SENT, sent_at=utcnow(), last_error=None, next_attempt_at=None)

    def mark_refused(self, row: DocRow, reason: str) -> bool:
        """The LRS refused this write for good (4xx): quarantined with its reason, unless written again since."""
        return self._set(row, state=QUARANTINED, last_error=reason, next_attempt_at=None)

    def note_failure(self, row: DocRow, error: str, next_attempt_at: str) -> None:
        self._set(row, tries=DocumentOutboxRow.tries + 1, last_error=error, next_attempt_at=next_attempt_at)

    def requeue(self) -> int:
        with self.sessions.begin() as s:
            res = s.execute(update(DocumentOutboxRow).where(DocumentOutboxRow.state == QUARANTINED)
                            .values(state=PENDING, tries=0, next_attempt_at=None))
            return res.rowcount or 0

    def refused(self) -> list[dict]:
        t = DocumentOutboxRow
        with self.sessions() as s:
            rows = s.execute(select(t.kind, t.activity_id, t.doc_id, t.registration, t.last_error)
                             .where(t.state == QUARANTINED).order_by(t.id)).all()
        return [{"kind": k, "activity_id": a, "id": d, "registration": r, "state": QUARANTINED, "reason": e}
                for k, a, d, r, e in rows]

    def counts(self) -> dict[str, int]:
        with self.sessions() as s:
            rows = s.execute(select(DocumentOutboxRow.state, func.count()).group_by(DocumentOutboxRow.state)).all()
        out = {PENDING: 0, SENT: 0, QUARANTINED: 0}
        out.update({state: n for state, n in rows})
        return out

    def _set(self, row: DocRow, **values) -> bool:
        t = DocumentOutboxRow
        with self.sessions.begin() as s:
            res = s.execute(update(t).where(t.id == row.id, t.revision == row.revision, t.state == PENDING)
                            .values(**values))
            return bool(res.rowcount)
