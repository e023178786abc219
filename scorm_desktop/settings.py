"""User settings, stored as JSON in the config folder. Unknown keys are kept; a broken file falls back to defaults."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from .cmi.datamodel import (
    DURABLE_BACKLOG,
    DURABLE_LAG_MS,
    LENIENT_INTERACTIONS,
    LENIENT_TIMES,
    OPTION_DEFAULTS,
    SUSPEND_DATA_LIMIT_12,
)

log = logging.getLogger(__name__)


@dataclass
class RuntimeOptions:
    """Tolerance switches of the run-time (documented in the README: what is strict, what is lenient, and why)."""

    #: SCORM 1.2 allows 4,096 characters of cmi.suspend_data; real courses write far more. 4096 = strict.
    suspend_data_limit_12: int = OPTION_DEFAULTS[SUSPEND_DATA_LIMIT_12]
    #: Accept the interaction formats real authoring tools get wrong (False = the specification's formats only).
    lenient_interactions: bool = OPTION_DEFAULTS[LENIENT_INTERACTIONS]
    #: Accept broken session times and latencies (P0S, PT, fractional seconds, hours > 99) and count them.
    lenient_times: bool = OPTION_DEFAULTS[LENIENT_TIMES]
    #: Back-pressure: the content waits (inside SetValue/Commit) once its oldest value not yet on disk is this old
    #: (ms; 0 = never waits) or this many values are not yet on disk, so a crash loses at most about that much.
    durable_lag_ms: int = OPTION_DEFAULTS[DURABLE_LAG_MS]
    durable_backlog: int = OPTION_DEFAULTS[DURABLE_BACKLOG]

    def to_runtime(self) -> dict:
        return {
            SUSPEND_DATA_LIMIT_12: self.suspend_data_limit_12,
            LENIENT_INTERACTIONS: self.lenient_interactions,
            LENIENT_TIMES: self.lenient_times,
            DURABLE_LAG_MS: self.durable_lag_ms,
            DURABLE_BACKLOG: self.durable_backlog,
        }


@dataclass
class Settings:
    runtime: RuntimeOptions = field(default_factory=RuntimeOptions)
    #: Name of the learner the app opens with.
    active_learner: str | None = None
    #: The first-run welcome has been shown.
    welcomed: bool = False
    #: Convert course media the engine cannot decode (H.264, AAC) to WebM in the background (scorm_desktop/media).
    convert_media: bool = True
    #: Where the library lives when no --data-dir / SCORM_DESKTOP_DATA is given (None: the platform's data folder).
    data_dir: str | None = None
    #: The app's language ("fr", "es", "en"; "" follows the system). SCORM_DESKTOP_LANG and --lang override it.
    language: str = ""
    #: Everything else in the file (sync and xAPI settings, keys of newer versions) is kept as it is.
    extra: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "Settings":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("settings file %s could not be read (%s); using defaults", path, exc)
            return cls()
        if not isinstance(data, dict):
            return cls()
        rt_known = {f.name for f in fields(RuntimeOptions)}
        rt = RuntimeOptions(**{k: v for k, v in (data.get("runtime") or {}).items() if k in rt_known})
        plain = [f for f in fields(cls) if f.name not in ("runtime", "extra")]
        values = {f.name: data[f.name] for f in plain if f.name in data}
        extra = {k: v for k, v in data.items() if k != "runtime" and k not in values}
        return cls(runtime=rt, extra=extra, **values)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = dict(self.extra)
        data["runtime"] = asdict(self.runtime)
        for f in fields(self):
            if f.name not in ("runtime", "extra"):
                data[f.name] = getattr(self, f.name)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        os.replace(tmp, path)
