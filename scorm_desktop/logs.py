"""Logging set-up: one rotating file in the log folder, warnings to stderr for the CLI."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "scorm-desktop.log"


def setup_logging(log_dir: Path | None, console_level: int = logging.WARNING) -> Path | None:
    """Log to a rotating file in `log_dir` (None, or a folder that cannot be written: stderr only) and to stderr at
    `console_level`. Returns the log file's path, or None when there is none."""
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_scorm_desktop", False):
            root.removeHandler(h)
    handlers: list[logging.Handler] = []
    path: Path | None = None
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            path = log_dir / LOG_FILE
            file_handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
            )
        except OSError:  # a read-only data folder: read-only commands still work, without a log file
            path = None
        else:
            file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            file_handler.setLevel(logging.INFO)
            handlers.append(file_handler)
    console = logging.StreamHandler()
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    console.setLevel(console_level)
    handlers.append(console)
    for h in handlers:
        h._scorm_desktop = True  # type: ignore[attr-defined]
        root.addHandler(h)
    root.setLevel(logging.INFO)
    return path
