"""The declarative base every table mapping shares (`models.py`, `models_lrs.py`, `models_dispatch.py`), and the
delivery columns of both outboxes."""

from __future__ import annotations

from sqlalchemy import Integer, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


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
