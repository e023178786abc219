"""The web profile courses run in: persistent under the data folder, hardened, with the course scheme installed,
every request of the content screened by `ContentInterceptor` (its own course's files; the network only if allowed),
and `resources/player/content-guard.js` in every frame for what request interception cannot see (WebRTC, beacons and
WebSockets refused early, connection hints added by script)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Callable

import shiboken6
from PySide6.QtCore import QObject, QUrl
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineProfileBuilder,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from ..resources import player_dir
from .policy import SCHEME, ContentPolicy
from .scheme import CourseSchemeHandler

log = logging.getLogger(__name__)

#: Blocked requests logged per course at WARNING before the rest go to INFO (content may retry in a loop).
_WARN_LIMIT = 20
GUARD_SCRIPT = "content-guard.js"
_GUARD_NAME = "scorm-desktop-content-guard"
_GUARD_PLACEHOLDER = "__SD_GUARD_CONFIG__"


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
        kind = info.resourceType()
        main_frame = kind == QWebEngineUrlRequestInfo.ResourceType.ResourceTypeMainFrame
        reason = self.policy.refusal(
            url.scheme(), url.host(), url.path(QUrl.ComponentFormattingOption.FullyEncoded) or "/",
            initiator, first_party, main_frame, url.port(),
            sub_frame=kind == QWebEngineUrlRequestInfo.ResourceType.ResourceTypeSubFrame,
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
    install_guard(profile, handler.policy)
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
        # WebRTC is off (content-guard.js, qtenv.py's Chromium flag); were it not, it would not reveal local addresses.
        (A.WebRTCPublicInterfacesOnly, True),
    ):
        s.setAttribute(attr, on)
    return profile


def install_guard(profile: QWebEngineProfile, policy: ContentPolicy) -> None:
    """Put content-guard.js in every frame of `profile`'s pages, and rewrite it whenever `policy` changes (a course
    opened or closed, a service allowed): it carries the policy's `guard_config()`. A script change applies to the
    documents loaded after it; the player admits a course before it loads the course's first page."""
    template = (player_dir() / GUARD_SCRIPT).read_text(encoding="utf-8")
    scripts = profile.scripts()

    def refresh() -> None:
        if not shiboken6.isValid(profile):
            return
        for old in scripts.find(_GUARD_NAME):
            scripts.remove(old)
        script = QWebEngineScript()
        script.setName(_GUARD_NAME)
        script.setSourceCode(template.replace(_GUARD_PLACEHOLDER, json.dumps(policy.guard_config())))
        script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        script.setRunsOnSubFrames(True)
        scripts.insert(script)

    refresh()
    policy.listeners.append(refresh)
    profile.destroyed.connect(lambda *_: policy.listeners.remove(refresh) if refresh in policy.listeners else None)
