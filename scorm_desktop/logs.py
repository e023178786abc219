"""Logging set-up: one rotating file in the log folder, warnings to stderr for the CLI."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "scorm-desktop.log"


def setup_logging(log_dir: Path, console_level: int = logging.WARNING) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_scorm_desktop", False):
            root.removeHandler(h)
    file_handler = logging.handlers.RotatingFileHandler(path, maxBytes=5_000_000, backupCount=5, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    file_handler.setLevel(logging.INFO)
    console = logging.StreamHandler()
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    console.setLevel(console_level)
    for h in (file_handler, console):
        h._scorm_desktop = True  # type: ignore[attr-defined]
        root.addHandler(h)
    root.setLevel(logging.INFO)
    return path
