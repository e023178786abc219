"""The declarative base every table mapping shares (`models.py`, `models_lrs.py`, `models_dispatch.py`)."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass
