"""Environment Chromium needs on a machine with no display, no GPU or as root.

Plain Python, no Qt import: it must run before PySide6 is imported. Nothing is changed on an ordinary desktop.
"""

from __future__ import annotations

import os
import sys


def prepare(headless: bool = False) -> None:
    """Set the Qt/Chromium variables this process needs, only where they are needed and not already set."""
    no_display = sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get(
        "WAYLAND_DISPLAY"
    )
    if headless or no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--disable-gpu" not in flags:
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --disable-gpu").strip()
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses to start sandboxed as root (containers, CI).
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
