"""The app's own icons, drawn from resources/icons."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ..resources import resource_dir


def app_icon() -> QIcon:
    return QIcon(str(resource_dir() / "icons" / "scorm-desktop.svg"))
