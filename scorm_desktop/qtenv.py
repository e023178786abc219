"""Environment Chromium needs on a machine with no display, no GPU or as root, and the switch that keeps untrusted
course content off WebRTC's UDP (everywhere).

Plain Python, no Qt import: it must run before PySide6 is imported. On an ordinary desktop only the WebRTC switch is
added.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from importlib import metadata

log = logging.getLogger(__name__)


def guard_none_refcount() -> bool:
    """Defend against PySide6 6.12 on Python 3.11, which drops a reference to None on every void Qt call until the
    interpreter aborts ("Fatal Python error: none_dealloc"). pyproject.toml keeps 3.11 below 6.12; this guard only acts
    when such an install happened anyway, giving None a count no session can exhaust. Returns True when it acted."""
    if sys.version_info >= (3, 12):
        return False
    try:
        version = metadata.version("PySide6")
    except metadata.PackageNotFoundError:
        return False
    if not version.startswith("6.12."):
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    log.warning("PySide6 %s on Python 3.11 leaks references to None; guarded (use PySide6 < 6.12)", version)
    return True


#: Applies to every page of the process (Chromium has no per-page switch): courses allowed online get no WebRTC either.
WEBRTC_FLAG = "--force-webrtc-ip-handling-policy=disable_non_proxied_udp"


def _add_chromium_flag(flag: str) -> None:
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if flag.split("=", 1)[0] not in flags:  # a flag the user set stays as they set it
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " " + flag).strip()


def prepare(headless: bool = False) -> None:
    """Set the Qt/Chromium variables this process needs, only where they are needed and not already set."""
    guard_none_refcount()
    no_display = sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get(
        "WAYLAND_DISPLAY"
    )
    if headless or no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        _add_chromium_flag("--disable-gpu")
    # Course content is untrusted and WebRTC's STUN/ICE traffic bypasses the profiles' request interceptor: with no
    # proxy, this policy leaves WebRTC no UDP at all (QtWebEngine reads this switch into every page's renderer
    # preferences, over QWebEngineSettings.WebRTCPublicInterfacesOnly). content-guard.js removes the API as well.
    _add_chromium_flag(WEBRTC_FLAG)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses to start sandboxed as root (containers, CI).
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
