"""Whether the dispatch rules can concern a launch at all, in one query that loads neither the dispatch modules nor
their table mappings: most courses are not dispatched, and `play` and every launch ask this first."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

#: `dispatch_state` keys of licences received before their course was in the library (`store.adopt_pending`).
PENDING = "pending:"


def may_concern(sessions: sessionmaker, course_id: int) -> bool:
    """True when the course holds a licence, or a licence is waiting for its course (it may be this one): only then
    do `store.refusal_before_play` and `store.admit_launch` have anything to check, count or adopt."""
    with sessions() as s:
        return bool(s.execute(text(
            "SELECT EXISTS (SELECT 1 FROM dispatch_licences WHERE course_id = :c) "
            "OR EXISTS (SELECT 1 FROM dispatch_state WHERE key LIKE :p)"), {"c": course_id, "p": PENDING + "%"}).scalar())
