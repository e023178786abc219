"""Where to sync and how: `SyncSettings`, read from the settings JSON's ``"sync"`` object, and the LRS password.

    "sync": {
      "endpoint": "https://lrs.example.org/xAPI/",  # the xAPI base: the part before "statements"
      "username": "scorm-desktop-7",                # basic auth; the password is never stored in settings.json
      "batch_size": 50, "timeout": 20,
      "backoff_base": 1.0, "backoff_max": 300,      # seconds: exponential backoff with jitter between tries
      "max_wait": 120,                              # one `sync` run gives up waiting after this (rows stay pending)
      "ca_file": null                               # extra CA bundle for a private LRS (verification stays on)
    }

The password, first found wins:
1. the environment variable ``SCORM_DESKTOP_LRS_PASSWORD`` (scripts, CI);
2. the system keyring (macOS Keychain, Windows Credential Locker, Secret Service on Linux desktops), service
   ``scorm-desktop``, user ``<username>@<endpoint>``;
3. the file ``lrs-password`` in the config folder, used only when it is private to the user (mode 0600 on POSIX).
`store_password` writes to the keyring when one works, else to that file with mode 0600.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

ENV_PASSWORD = "SCORM_DESKTOP_LRS_PASSWORD"
KEYRING_SERVICE = "scorm-desktop"
PASSWORD_FILE = "lrs-password"


@dataclass
class SyncSettings:
    endpoint: str = ""
    username: str = ""
    batch_size: int = 50
    timeout: float = 20.0
    backoff_base: float = 1.0
    backoff_max: float = 300.0
    max_wait: float = 120.0
    ca_file: str | None = None

    @classmethod
    def from_mapping(cls, data: dict[str, Any] | None) -> "SyncSettings":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in known})

    @classmethod
    def from_settings(cls, settings: Any) -> "SyncSettings":
        """From a `scorm_desktop.settings.Settings` (its ``extra["sync"]``)."""
        return cls.from_mapping((getattr(settings, "extra", None) or {}).get("sync"))

    @property
    def statements_url(self) -> str:
        return xapi_base(self.endpoint) + "statements"

    @property
    def keyring_user(self) -> str:
        return f"{self.username}@{xapi_base(self.endpoint)}"


def chosen_lrs(settings: Any, endpoint: str | None = None, username: str | None = None) -> SyncSettings:
    """The LRS the settings name, with the endpoint and user a command line or dialog gave instead."""
    cfg = SyncSettings.from_settings(settings)
    if endpoint:
        cfg.endpoint = endpoint
    if username:
        cfg.username = username
    return cfg


def lrs_settings(services: Any, endpoint: str | None = None,
                 username: str | None = None) -> tuple[SyncSettings, str | None]:
    """`chosen_lrs` of the services' settings, and its password as sync finds it (None without a user)."""
    cfg = chosen_lrs(services.settings, endpoint, username)
    return cfg, get_password(cfg, services.paths.config) if cfg.username else None


def xapi_base(endpoint: str) -> str:
    """The endpoint with exactly one trailing slash (``…/xAPI`` and ``…/xAPI/`` are the same endpoint)."""
    return endpoint.rstrip("/") + "/"


def get_password(cfg: SyncSettings, config_dir: Path) -> str | None:
    env = os.environ.get(ENV_PASSWORD)
    if env:
        return env
    secret = _keyring_get(cfg.keyring_user)
    if secret:
        return secret
    return _file_get(config_dir / PASSWORD_FILE)


def store_password(cfg: SyncSettings, config_dir: Path, password: str) -> str:
    """Keep the password for later runs; returns where it went ("keyring" or the file's path)."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, cfg.keyring_user, password)
        return "keyring"
    except Exception as exc:  # no keyring backend (headless Linux, containers): fall back to a private file
        log.info("no usable keyring (%s); keeping the LRS password in a private file", exc)
    config_dir.mkdir(parents=True, exist_ok=True)
    path = config_dir / PASSWORD_FILE
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(password)
    os.chmod(path, 0o600)
    return str(path)


def _keyring_get(user: str) -> str | None:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, user)
    except Exception as exc:
        log.debug("keyring unavailable: %s", exc)
        return None


def _file_get(path: Path) -> str | None:
    try:
        st = path.stat()
    except OSError:
        return None
    if os.name == "posix" and stat.S_IMODE(st.st_mode) & 0o077:
        log.warning("ignoring %s: it is readable by other users (chmod 600 it)", path)
        return None
    return path.read_text(encoding="utf-8").strip() or None
