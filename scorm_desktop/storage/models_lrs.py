"""SQLAlchemy mappings of the local LRS's and cmi5's tables (migration 9): loaded by those who use them, through
`storage.models` (see its `__getattr__`), not by every start.
"""

from __future__ import annotations

from sqlalchemy import BLOB, REAL, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models_base import Base, Delivery


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
