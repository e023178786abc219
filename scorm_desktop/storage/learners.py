"""Learners: who records on this computer, their PINs, and the trainer's hidden preview learner.

Plain Python. `Records` (records.py) composes this with the attempts and summaries.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import sessionmaker

from .db import utcnow
from .models import Attempt, Learner


@dataclass(frozen=True)
class LearnerInfo:
    id: int
    uid: str
    name: str



PIN_ITERATIONS = 200_000


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


class Learners:
    def __init__(self, sessions: sessionmaker) -> None:
        self.sessions = sessions

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
