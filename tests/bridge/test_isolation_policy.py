"""`ContentPolicy`: the one table of what course content may reach (plain Python, no Qt needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorm_desktop.bridge.policy import REFUSED_PREFIX, ContentPolicy, course_host_of

PLAYER = "course://c1/__player__/player.html"


@pytest.fixture
def policy(tmp_path: Path) -> ContentPolicy:
    p = ContentPolicy()
    p.admit("c1", tmp_path / "one", owner="player-1")
    p.admit("c2", tmp_path / "two", allow_network=True, owner="player-2")
    return p


@pytest.mark.parametrize(
    "host, initiator, main_frame, allowed",
    [
        ("c1", "course://c1", False, True),  # its own files
        ("c1", "course://c1/", False, True),
        ("c1", "course://c1/pkg/index.html", False, True),  # WebSocket-style initiator: a URL, not an origin
        ("c1", "course://c2", False, False),  # another course's page
        ("c1", "course://c2", True, False),  # ... even as a navigation
        ("c1", "null", False, False),  # an opaque origin (sandboxed frame, data: page)
        ("c1", "http://127.0.0.1:8000", False, False),
        ("c1", "", True, True),  # the app loads a window of an open course
        ("c1", "", False, False),  # but a sub-resource always has an initiator
        ("c3", "course://c3", False, False),  # a course no player holds
        ("c3", "", True, False),
    ],
)
def test_course_files_go_to_their_own_open_course_only(policy, host, initiator, main_frame, allowed):
    assert (policy.refusal("course", host, "/pkg/x.html", initiator, PLAYER, main_frame) is None) is allowed


def test_the_refused_path_is_always_refused(policy):
    assert policy.refusal("course", "c1", REFUSED_PREFIX + "404", "course://c1", PLAYER, False) == "refused"


@pytest.mark.parametrize("scheme", ["http", "https", "ws", "wss"])
def test_the_network_only_for_a_course_that_allows_it(policy, scheme):
    assert policy.refusal(scheme, "example.org", "/", "course://c1", PLAYER, False) is not None
    assert policy.refusal(scheme, "example.org", "/", "course://c2", "course://c2/__player__/x.html", False) is None
    # A frame from the web inside the allowed course keeps its course's permission (the top-level page's).
    assert policy.refusal(scheme, "cdn.example", "/", "https://example.org", "course://c2/__player__/x", False) is None
    assert policy.refusal(scheme, "example.org", "/", "", "", True) is not None


@pytest.mark.parametrize("scheme", ["file", "ftp", "qrc", "chrome", "view-source", "filesystem", "gopher"])
def test_other_schemes_are_refused_even_online(policy, scheme):
    assert policy.refusal(scheme, "", "/etc/passwd", "course://c2", "course://c2/__player__/x", False) is not None


@pytest.mark.parametrize("scheme", ["data", "blob", "about"])
def test_page_local_urls_are_allowed(policy, scheme):
    assert policy.refusal(scheme, "", "", "course://c1", PLAYER, False) is None


def test_a_course_closes_when_its_last_player_releases_it(tmp_path):
    p = ContentPolicy()
    first, second = object(), object()
    p.admit("c1", tmp_path, owner=first)
    p.admit("c1", tmp_path, owner=second)
    assert p.release(first) == [] and p.is_open("c1")
    assert p.release(second) == ["c1"] and not p.is_open("c1")
    assert p.root("c1") is None and not p.allows_network("c1")
    assert p.release(second) == []  # releasing twice changes nothing


def test_course_host_of():
    assert course_host_of("course://C7/pkg/a.html") == "c7"
    assert course_host_of("course://c7") == "c7"
    for other in ("", "null", "http://c7/", "course:", "about:blank"):
        assert course_host_of(other) is None


def test_the_apps_own_loopback_service_is_reachable_only_by_the_courses_it_was_opened_for() -> None:
    """The local LRS (cmi5, Tin Can) is the app's own: a course reaches it with internet access off; other courses,
    and other ports of the same address, stay blocked."""
    policy = ContentPolicy()
    policy.admit("c1", Path("/tmp/c1"))
    policy.admit("c2", Path("/tmp/c2"))
    policy.allow_service("http://127.0.0.1:4567", "c1")
    assert policy.refusal("http", "127.0.0.1", "/xapi/statements", "course://c1", "course://c1/", False, 4567) is None
    assert policy.refusal("http", "127.0.0.1", "/xapi/statements", "course://c2", "course://c2/", False, 4567)
    assert policy.refusal("http", "127.0.0.1", "/xapi/statements", "course://c1", "course://c1/", False, 4568)
    # Tin Can content served by the service itself loads its own files
    assert policy.refusal("http", "127.0.0.1", "/content/k/a.js", "http://127.0.0.1:4567", "", False, 4567) is None
