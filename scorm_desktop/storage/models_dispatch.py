"""SQLAlchemy mappings of the dispatch tables (migration 10): loaded by those who use them, through
`storage.models` (see its `__getattr__`), not by every start.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models_base import Base


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
