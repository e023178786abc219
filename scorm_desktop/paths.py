"""Where SCORM Desktop keeps its files. One object answers it for the GUI, the CLI and the tests."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from . import APP_NAME

ENV_DATA_DIR = "SCORM_DESKTOP_DATA"
#: Staging folders are `courses/.staging-<owner token>` (`courses/.staging` before owners existed).
STAGING_PREFIX = ".staging"


@dataclass(frozen=True)
class DataPaths:
    """The data folder and everything below it.

    With an explicit data folder (``--data-dir`` or ``SCORM_DESKTOP_DATA``) the logs live inside it too, so a test or a
    script never writes to the user's own folders.
    """

    root: Path
    explicit: bool = False

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> "DataPaths":
        chosen = data_dir or os.environ.get(ENV_DATA_DIR)
        if chosen:
            return cls(Path(chosen).expanduser().resolve(), explicit=True)
        configured = _configured_data_dir()
        if configured:
            return cls(Path(configured).expanduser().resolve())
        return cls(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))

    @property
    def database(self) -> Path:
        return self.root / "library.sqlite3"

    @property
    def courses(self) -> Path:
        return self.root / "courses"

    @property
    def staging(self) -> Path:
        """This process's temporary extraction folder, on the same file system as `courses` so the final move is one
        rename; named after the process (`owners.py`) so that tidying never takes a living import's files."""
        from .owners import process_token

        return self.courses / f"{STAGING_PREFIX}-{process_token()}"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def web_profile(self) -> Path:
        return self.root / "web-profile"

    @property
    def logs(self) -> Path:
        if self.explicit:
            return self.root / "logs"
        return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))

    @property
    def config(self) -> Path:
        if self.explicit:
            return self.root / "config"
        return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    def course_folder(self, folder_name: str) -> Path:
        return self.courses / folder_name

    def ensure(self) -> "DataPaths":
        for p in (self.root, self.courses, self.backups, self.logs):
            p.mkdir(parents=True, exist_ok=True)
        return self


class DataFolderError(Exception):
    """The data folder cannot be used; the message is one sentence that says why."""


def check_data_folder(paths: DataPaths, create: bool = True) -> bool:
    """Make sure the data folder can be used: it is a folder (created if missing, when `create`). Returns whether it
    can be written (a read-only folder still serves commands that only read). Raises DataFolderError."""
    import errno
    import tempfile

    root = paths.root
    if root.exists() and not root.is_dir():
        raise DataFolderError(f"cannot use {root} as a data folder: it is a file")
    if not root.exists():
        if not create:
            raise DataFolderError(f"cannot use {root} as a data folder: it does not exist")
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            why = "a part of its path is a file" if exc.errno in (errno.ENOTDIR, errno.EEXIST) else (
                exc.strerror or str(exc)).lower()
            raise DataFolderError(f"cannot use {root} as a data folder: it cannot be created ({why})") from None
    try:
        with tempfile.TemporaryFile(dir=root):
            pass
    except OSError:
        return False
    return not paths.database.exists() or os.access(paths.database, os.W_OK)


def _configured_data_dir() -> str | None:
    """The data folder chosen in the settings (File > Settings), read before anything else opens."""
    import json

    path = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.json"
    try:
        value = json.loads(path.read_text(encoding="utf-8")).get("data_dir")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) and value.strip() else None
