"""The records that must never be lost, as one object: `Records` composes the per-table parts —
learners (with PINs and preview) in learners.py, attempts, sessions and values in attempts.py, summaries in
summaries.py; the statement outbox is outbox.py.

Plain Python.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import sessionmaker

from .attempts import Attempts, OpenSession, SessionRecord
from .learners import PIN_ITERATIONS, LearnerInfo, Learners, default_learner_name, hash_pin, verify_pin
from .summaries import Summaries

if TYPE_CHECKING:
    from ..xapi.mapping import StatementBuilder

__all__ = [
    "PIN_ITERATIONS", "LearnerInfo", "OpenSession", "Records", "SessionRecord", "default_learner_name", "hash_pin",
    "verify_pin",
]


class Records(Learners, Attempts, Summaries):
    def __init__(self, sessions: sessionmaker, statements: StatementBuilder | None = None) -> None:
        Attempts.__init__(self, sessions, statements)
