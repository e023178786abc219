"""The web profile courses run in: persistent under the data folder, hardened, with the course scheme installed and
every request of the content screened by `ContentInterceptor` (its own course's files; the network only if allowed)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineProfileBuilder,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from .policy import SCHEME, ContentPolicy
from .scheme import CourseSchemeHandler

log = logging.getLogger(__name__)

#: Blocked requests logged per course at WARNING before the rest go to INFO (content may retry in a loop).
_WARN_LIMIT = 20


class ContentInterceptor(QWebEngineUrlRequestInterceptor):
    """Sees every request a page of the profile makes (sub-resources, navigations, fetch/XHR, WebSocket, beacons,
    EventSource, CSS, fonts, media, workers) before it leaves the engine, and blocks what `ContentPolicy.refusal`
    refuses: another course's files, a course not open, and any scheme but `course:` and page-local ones; http(s) and
    ws(s) only for a course whose "Allow internet access" is on. A blocked request fails in the page at once."""

    def __init__(self, policy: ContentPolicy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self._warned: dict[str, int] = {}
        #: Called with (request info, refusal or None) for every request, after the decision (the course checker
        #: reports what its runs needed); an observer never changes what is allowed.
        self.observers: list[Callable[[QWebEngineUrlRequestInfo, str | None], None]] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt's name)
        url = info.requestUrl()
        initiator = info.initiator().toString()
        first_party = info.firstPartyUrl().toString()
        main_frame = info.resourceType() == QWebEngineUrlRequestInfo.ResourceType.ResourceTypeMainFrame
        reason = self.policy.refusal(
            url.scheme(), url.host(), url.path(QUrl.ComponentFormattingOption.FullyEncoded) or "/",
            initiator, first_party, main_frame, url.port(),
        )
        if reason is not None:
            info.block(True)
        for observer in list(self.observers):
            try:
                observer(info, reason)
            except Exception:
                log.exception("a request observer failed")
        if reason is None:
            return
        if reason == "refused":  # the handler's own refusal, already logged
            return
        key = initiator or first_party
        count = self._warned[key] = self._warned.get(key, 0) + 1
        level = logging.WARNING if count <= _WARN_LIMIT else logging.INFO
        log.log(level, "blocked %s %s from %s: %s", info.resourceType().name.removeprefix("ResourceType"),
                url.toString().split("?", 1)[0][:300], key or "the app", reason)


def content_interceptor(profile: QWebEngineProfile) -> ContentInterceptor | None:
    """The interceptor `make_profile` installed on `profile` (to add an observer to it)."""
    for child in profile.findChildren(QWebEngineUrlRequestInterceptor):
        if isinstance(child, ContentInterceptor):
            return child
    return None


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
    # Parented to the profile (it lives as long as the profile that calls it); the handler keeps the Python side.
    interceptor = ContentInterceptor(handler.policy, profile)
    handler.interceptors.append(interceptor)
    profile.setUrlRequestInterceptor(interceptor)
    s = profile.settings()
    A = QWebEngineSettings.WebAttribute
    for attr, on in (
        (A.JavascriptEnabled, True),
        (A.LocalStorageEnabled, True),
        (A.PluginsEnabled, False),
        (A.JavascriptCanOpenWindows, True),  # popups become player windows; outside addresses never (bridge/page.py)
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
