"""The web profile courses run in: persistent under the data folder, hardened, with the course scheme installed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineProfileBuilder, QWebEngineSettings

from .scheme import SCHEME, CourseSchemeHandler


def make_profile(
    storage: Path, handler: CourseSchemeHandler, name: str = "scorm-desktop", parent: QObject | None = None
) -> QWebEngineProfile:
    """A disk-backed profile at `storage` (localStorage and IndexedDB survive restarts; nothing goes to ~/.cache)."""
    storage.mkdir(parents=True, exist_ok=True)
    builder = QWebEngineProfileBuilder()
    builder.setPersistentStoragePath(str(storage / "storage"))
    builder.setCachePath(str(storage / "cache"))
    builder.setHttpCacheType(QWebEngineProfile.HttpCacheType.DiskHttpCache)
    builder.setPersistentCookiesPolicy(QWebEngineProfile.PersistentCookiesPolicy.ForcePersistentCookies)
    profile = builder.createProfile(name, parent)
    profile.installUrlSchemeHandler(SCHEME.encode(), handler)
    s = profile.settings()
    A = QWebEngineSettings.WebAttribute
    for attr, on in (
        (A.JavascriptEnabled, True),
        (A.LocalStorageEnabled, True),
        (A.PluginsEnabled, False),
        (A.JavascriptCanOpenWindows, True),  # popups become player windows (bridge/page.py)
        (A.LocalContentCanAccessFileUrls, False),
        (A.LocalContentCanAccessRemoteUrls, False),
        (A.AllowRunningInsecureContent, False),
        (A.HyperlinkAuditingEnabled, False),
        (A.DnsPrefetchEnabled, False),
        (A.FullScreenSupportEnabled, True),
        (A.PlaybackRequiresUserGesture, False),
        (A.PdfViewerEnabled, True),
    ):
        s.setAttribute(attr, on)
    return profile
