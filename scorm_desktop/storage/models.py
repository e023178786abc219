"""SQLAlchemy 2 mappings of the tables that the numbered migrations create.

The migrations own the schema; these classes only map it (tests check both agree).
"""

from __future__ import annotations

from sqlalchemy import BLOB, REAL, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Course(Base):
    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    identifier: Mapped[str] = mapped_column(Text)
    standard: Mapped[str] = mapped_column(Text)
    edition: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(Text, unique=True)
    folder: Mapped[str] = mapped_column(Text, unique=True)
    source_name: Mapped[str] = mapped_column(Text)
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    sco_count: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[str] = mapped_column(Text)
    manifest_json: Mapped[str] = mapped_column(Text)
    warnings_json: Mapped[str] = mapped_column(Text, default="[]")
    #: What a launch does once the course was completed: "review" (see it again) or "new-attempt".
    relaunch: Mapped[str] = mapped_column(Text, default="review")
    #: Set when the course was removed but its learners' records were kept (its files are gone).
    removed_at: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: 1 when the user allowed the course's pages to reach the internet (http(s), ws(s)); 0 (the default) blocks it.
    allow_network: Mapped[int] = mapped_column(Integer, default=0)


class Learner(Base):
    __tablename__ = "learners"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Stable identifier handed to content as cmi.learner_id and used as the xAPI account name; survives renames.
    uid: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    created_at: Mapped[str] = mapped_column(Text)
    #: salted hash of an optional PIN ("pbkdf2$iterations$salt$hash"), or None.
    pin_hash: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: The trainer's preview learner: browse mode, no credit, never synced, cleared in one action.
    is_preview: Mapped[int] = mapped_column(Integer, default=0)


class Attempt(Base):
    __tablename__ = "attempts"
    __table_args__ = (UniqueConstraint("learner_id", "course_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id", ondelete="CASCADE"))
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    registration: Mapped[str] = mapped_column(String, unique=True)
    started_at: Mapped[str] = mapped_column(Text)
    last_activity_at: Mapped[str] = mapped_column(Text)
    # The attempt's status as the learner sees it, recomputed (status.py) whenever its values change.
    label: Mapped[str] = mapped_column(Text, default="not started")
    completion: Mapped[str] = mapped_column(Text, default="not attempted")
    success: Mapped[str] = mapped_column(Text, default="unknown")
    score: Mapped[float | None] = mapped_column(REAL, nullable=True)
    progress: Mapped[float | None] = mapped_column(REAL, nullable=True)
    total_seconds: Mapped[float] = mapped_column(REAL, default=0.0)
    resumable: Mapped[int] = mapped_column(Integer, default=0)
    #: Where a resume lands: the location within the SCO, or the suspended item.
    resume_point: Mapped[str | None] = mapped_column(Text, nullable=True)
    summary_version: Mapped[int] = mapped_column(Integer, default=0)

    learner: Mapped[Learner] = relationship()
    course: Mapped[Course] = relationship()


class ScoState(Base):
    """One SCO's run-time data within one attempt: the CMI values live in `CmiValue` rows."""

    __tablename__ = "sco_states"
    __table_args__ = (UniqueConstraint("attempt_id", "item_identifier", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    item_identifier: Mapped[str] = mapped_column(Text)
    #: The SCO's learner attempt: a new one starts after an attempt ended (any exit but suspend), older ones are kept.
    number: Mapped[int] = mapped_column(Integer, default=1)
    first_launch_at: Mapped[str] = mapped_column(Text)
    last_activity_at: Mapped[str] = mapped_column(Text)

    attempt: Mapped[Attempt] = relationship()


class CmiValue(Base):
    __tablename__ = "cmi_values"

    sco_state_id: Mapped[int] = mapped_column(ForeignKey("sco_states.id", ondelete="CASCADE"), primary_key=True)
    element: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(Text)


class Session(Base):
    """One launch of one SCO: from the page opening to Terminate, the player closing, or recovery after a crash."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sco_state_id: Mapped[int] = mapped_column(ForeignKey("sco_states.id", ondelete="CASCADE"))
    started_at: Mapped[str] = mapped_column(Text)
    initialized_at: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_event_at: Mapped[str | None] = mapped_column(Text, nullable=True)
    ended_at: Mapped[str | None] = mapped_column(Text, nullable=True)
    end_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    mode: Mapped[str] = mapped_column(Text)
    credit: Mapped[str] = mapped_column(Text)
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    #: The attempt's status label when the launch began and when it ended (the history shows the change).
    status_before: Mapped[str | None] = mapped_column(Text, nullable=True)
    status_after: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: The process running the session (`storage/owners.py` token): recovery leaves a living owner's session alone.
    owner: Mapped[str | None] = mapped_column(Text, nullable=True)

    sco_state: Mapped[ScoState] = relationship()


class Delivery:
    """Where a record on its way to the LRS stands (the statement outbox and the document outbox): where it comes
    from, its state, the tries and the last error, when it was sent and when the next try is due."""

    #: "local", or the device id of the bundle it was imported from.
    source: Mapped[str] = mapped_column(Text, default="local")
    created_at: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(Text, default="pending")
    tries: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    sent_at: Mapped[str | None] = mapped_column(Text, nullable=True)
    next_attempt_at: Mapped[str | None] = mapped_column(Text, nullable=True)


class OutboxStatement(Delivery, Base):
    """One xAPI statement on its way to the LRS, written in the same transaction as the values it describes.

    `state`: pending (not yet acknowledged) → sent (the LRS stored it), or conflict (the LRS holds another statement
    with this id) / quarantined (the LRS refused it; `last_error` says why). Rows are never deleted by sync.
    """

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement_id: Mapped[str] = mapped_column(Text, unique=True)
    registration: Mapped[str] = mapped_column(Text)
    #: Order within the registration (1, 2, ...): statement n+1 is never sent before n.
    seq: Mapped[int] = mapped_column(Integer)
    #: The statement as JSON text, sent byte for byte as stored (a re-post after a crash is identical).
    body: Mapped[str] = mapped_column(Text)


class Device(Base):
    """This device's Ed25519 key (is_self, with its private key), and the public keys of devices whose record bundles
    were imported here (pinned on first import)."""

    __tablename__ = "devices"

    device_id: Mapped[str] = mapped_column(Text, primary_key=True)
    public_key: Mapped[str] = mapped_column(Text, unique=True)
    private_key: Mapped[str | None] = mapped_column(Text, nullable=True)
    is_self: Mapped[int] = mapped_column(Integer, default=0)
    first_seen_at: Mapped[str] = mapped_column(Text)


class SyncLogEntry(Base):
    """One sync run, export or import: when, where to, and what came of it (for the status shown to the user)."""

    __tablename__ = "sync_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(Text)
    started_at: Mapped[str] = mapped_column(Text)
    finished_at: Mapped[str | None] = mapped_column(Text, nullable=True)
    target: Mapped[str] = mapped_column(Text, default="")
    sent: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    quarantined: Mapped[int] = mapped_column(Integer, default=0)
    pending: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)


class SequencingState(Base):
    """The SCORM 2004 sequencer's state for one course attempt (`Sequencer.to_state()` as JSON) and the course-level
    result its rollup gives (completion, success, score, progress), which the attempt's summary uses."""

    __tablename__ = "sequencing_states"

    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), primary_key=True)
    state_json: Mapped[str] = mapped_column(Text)
    result_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[str] = mapped_column(Text)


class LearnerObjective(Base):
    """A global objective shared across a learner's courses (objectivesGlobalToSystem): its ObjectiveState as JSON."""

    __tablename__ = "learner_objectives"

    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True)
    objective_id: Mapped[str] = mapped_column(Text, primary_key=True)
    state_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(Text)


class LrsStatement(Base):
    """A statement the local LRS stored (scorm_desktop/lrs): `body` is the statement as forwarded to the central
    LRS (id and timestamp set, no stored/authority); `voided` when a later voiding statement targets it."""

    __tablename__ = "lrs_statements"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement_id: Mapped[str] = mapped_column(Text, unique=True)
    registration: Mapped[str | None] = mapped_column(Text, nullable=True)
    verb_id: Mapped[str] = mapped_column(Text)
    activity_id: Mapped[str | None] = mapped_column(Text, nullable=True)
    actor_key: Mapped[str] = mapped_column(Text)
    stored: Mapped[str] = mapped_column(Text)
    timestamp: Mapped[str] = mapped_column(Text)
    voided: Mapped[int] = mapped_column(Integer, default=0)
    voids: Mapped[str | None] = mapped_column(Text, nullable=True)
    forwarded: Mapped[int] = mapped_column(Integer, default=1)
    authority: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)


class DocumentKey:
    """The columns that name one xAPI document (resource kind, activity, agent, registration, document id): the local
    LRS's documents and the document outbox are each unique on them."""

    __table_args__ = (UniqueConstraint("kind", "activity_id", "agent_key", "registration", "doc_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(Text)
    activity_id: Mapped[str] = mapped_column(Text, default="")
    agent_key: Mapped[str] = mapped_column(Text, default="")
    registration: Mapped[str] = mapped_column(Text, default="")
    doc_id: Mapped[str] = mapped_column(Text)


class LrsDocument(DocumentKey, Base):
    """A State, Activity Profile or Agent Profile document of the local LRS, with its ETag."""

    __tablename__ = "lrs_documents"

    content_type: Mapped[str] = mapped_column(Text)
    content: Mapped[bytes] = mapped_column(BLOB)
    etag: Mapped[str] = mapped_column(Text)
    updated: Mapped[str] = mapped_column(Text)
    forwarded: Mapped[int] = mapped_column(Integer, default=1)


class DocumentOutboxRow(DocumentKey, Delivery, Base):
    """The last unacknowledged write of one local LRS document, on its way to the central LRS (migration 11):
    one row per document key; `revision` grows with each write; `state` pending → sent, or quarantined (the LRS
    refused it; `last_error` says why)."""

    __tablename__ = "document_outbox"

    agent_json: Mapped[str] = mapped_column(Text, default="")
    op: Mapped[str] = mapped_column(Text, default="put")
    content_type: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[bytes | None] = mapped_column(BLOB, nullable=True)
    updated: Mapped[str] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer, default=1)


class Cmi5Session(Base):
    """One cmi5 AU launch (scorm_desktop/cmi5/lms.py): tokens, mode and where the session stands."""

    __tablename__ = "cmi5_sessions"

    session_id: Mapped[str] = mapped_column(Text, primary_key=True)
    registration: Mapped[str] = mapped_column(Text)
    course_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    learner_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    au_id: Mapped[str] = mapped_column(Text)
    activity_id: Mapped[str] = mapped_column(Text)
    actor_json: Mapped[str] = mapped_column(Text)
    launch_mode: Mapped[str] = mapped_column(Text)
    move_on: Mapped[str] = mapped_column(Text)
    mastery_score: Mapped[float | None] = mapped_column(REAL, nullable=True)
    fetch_token: Mapped[str] = mapped_column(Text, unique=True)
    fetched_at: Mapped[str | None] = mapped_column(Text, nullable=True)
    auth_token: Mapped[str] = mapped_column(Text, unique=True)
    forwarded: Mapped[int] = mapped_column(Integer, default=1)
    state: Mapped[str] = mapped_column(Text, default="launched")
    launched_at: Mapped[str] = mapped_column(Text)
    ended_at: Mapped[str | None] = mapped_column(Text, nullable=True)


# -- dispatch (issue 16): see scorm_desktop/dispatch and migration m012_dispatch ------------------------------------
class DispatchIssued(Base):
    """A dispatch this installation issued: the signed licence exactly as written into the dispatch file."""

    __tablename__ = "dispatch_issued"

    dispatch_id: Mapped[str] = mapped_column(Text, primary_key=True)
    course_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    course_title: Mapped[str] = mapped_column(Text)
    recipient: Mapped[str] = mapped_column(Text)
    licence_json: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(Text)
    issued_at: Mapped[str] = mapped_column(Text)
    revoked_at: Mapped[str | None] = mapped_column(Text, nullable=True)


class DispatchIssuer(Base):
    """An issuer whose dispatches this installation accepts (trusted explicitly)."""

    __tablename__ = "dispatch_issuers"

    public_key: Mapped[str] = mapped_column(Text, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(Text)
    trusted_at: Mapped[str] = mapped_column(Text)


class DispatchLicence(Base):
    """The licence a received course carries."""

    __tablename__ = "dispatch_licences"

    dispatch_id: Mapped[str] = mapped_column(Text, primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), unique=True)
    issuer_key: Mapped[str] = mapped_column(Text)
    licence_json: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[str] = mapped_column(Text)


class DispatchLaunch(Base):
    """One launch admitted under a licence."""

    __tablename__ = "dispatch_launches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dispatch_id: Mapped[str] = mapped_column(Text)
    learner_uid: Mapped[str] = mapped_column(Text)
    launched_at: Mapped[str] = mapped_column(Text)


class DispatchRevocation(Base):
    """A dispatch its issuer revoked (kept even if its licence has not arrived yet)."""

    __tablename__ = "dispatch_revocations"

    issuer_key: Mapped[str] = mapped_column(Text, primary_key=True)
    dispatch_id: Mapped[str] = mapped_column(Text, primary_key=True)
    revoked_at: Mapped[str] = mapped_column(Text)


class DispatchState(Base):
    """Small key/values: the latest time seen, the per-dispatch statement counters."""

    __tablename__ = "dispatch_state"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text)
