"""Shared helpers for tests: test packages with variants, and reading the database as an outsider would."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
PROBE_2004 = DATA / "sco-api-probe-2004"
PROBE_12 = DATA / "sco-api-probe-12"
MULTI_12 = DATA / "sco-multi-12"


def probe_variant(src: Path, dest: Path, parameters: str, title_suffix: str) -> Path:
    """A copy of a probe package whose item passes `parameters` (e.g. "?noterminate=1"), with its own title and
    identifier so it imports as a different course."""
    shutil.copytree(src, dest)
    manifest = dest / "imsmanifest.xml"
    text = manifest.read_text(encoding="utf-8")
    text = text.replace('identifierref="RES-PROBE', f'parameters="{parameters}" identifierref="RES-PROBE', 1)
    text = text.replace("</title>", f" {title_suffix}</title>", 1)
    text = text.replace('identifier="org.scormdesktop.test.probe', f'identifier="variant.{title_suffix}.probe', 1)
    manifest.write_text(text, encoding="utf-8")
    return dest


def stored_values(db: Path, learner: str | None = None) -> dict[str, dict[str, str]]:
    """{item identifier: {element: value}} read straight from the SQLite file (no app code involved)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        q = (
            "SELECT s.item_identifier, v.element, v.value FROM cmi_values v "
            "JOIN sco_states s ON s.id = v.sco_state_id JOIN attempts a ON a.id = s.attempt_id "
            "JOIN learners l ON l.id = a.learner_id"
        )
        args: tuple = ()
        if learner is not None:
            q += " WHERE l.name = ?"
            args = (learner,)
        out: dict[str, dict[str, str]] = {}
        for item, element, value in conn.execute(q, args):
            out.setdefault(item, {})[element] = value
        return out
    finally:
        conn.close()


def sessions(db: Path) -> list[tuple]:
    """(id, end_reason, ended_at is not null) for every session, in order."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return list(conn.execute("SELECT id, end_reason, ended_at IS NOT NULL FROM sessions ORDER BY id"))
    finally:
        conn.close()
