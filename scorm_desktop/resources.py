"""Where the bundled resources are: beside the package in a checkout, inside the bundle in a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def player_dir() -> Path:
    return resource_dir() / "player"


def sample_course_dir() -> Path:
    return resource_dir() / "sample-course"
