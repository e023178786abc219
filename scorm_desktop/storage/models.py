"""SQLAlchemy 2 mappings of the tables that the numbered migrations create.

The migrations own the schema; these classes only map it (tests check both agree, after `load_all()`).
The tables of the local LRS and cmi5 (`models_lrs.py`) and of dispatch (`models_dispatch.py`) are mapped in modules
of their own, loaded when one of their classes is first asked for here: every start (and `play` of a SCORM course)
maps and configures the eleven tables below, not twenty.
"""

from __future__ import annotations

from sqlalchemy import REAL, ForeignKey, Integer, String, Text, UniqueConstraint
import importlib

from sqlalchemy.orm import Mapped, mapped_column, relationship

from .models_base import Base, Delivery


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
    #: The process running the session (`owners.py` token): recovery leaves a living owner's session alone.
    owner: Mapped[str | None] = mapped_column(Text, nullable=True)

    sco_state: Mapped[ScoState] = relationship()


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


#: The mappings defined elsewhere, by the module that defines them.
_ELSEWHERE = {
    **dict.fromkeys(("LrsStatement", "LrsDocument", "DocumentOutboxRow", "Cmi5Session"), ".models_lrs"),
    **dict.fromkeys(("DispatchIssued", "DispatchIssuer", "DispatchLicence", "DispatchLaunch", "DispatchRevocation",
                     "DispatchState"), ".models_dispatch"),
}


def __getattr__(name: str):
    """`from .models import Cmi5Session` loads models_lrs.py on first use (PEP 562)."""
    if name not in _ELSEWHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_ELSEWHERE[name], __package__), name)


def load_all() -> None:
    """Map every table (`Base.metadata` then holds them all): for checks that compare the mappings with the schema."""
    for module in set(_ELSEWHERE.values()):
        importlib.import_module(module, __package__)
