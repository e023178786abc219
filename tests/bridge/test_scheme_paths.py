"""`resolve_inside`: the one function between a URL from untrusted course content and a file on disk; `mime_type`.

Plain functions: no QApplication is needed (the module imports PySide6 only for the handler class).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scorm_desktop.bridge.scheme import mime_type, resolve_inside


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A course root with a few files, next to a secret outside it."""
    course = tmp_path / "course"
    (course / "content" / "sub").mkdir(parents=True)
    (course / "index.html").write_text("root index")
    (course / "content" / "page one.html").write_text("spaces")
    (course / "content" / "sub" / "index.html").write_text("sub index")
    (course / "content" / "Images").mkdir()
    (course / "content" / "Images" / "Logo.PNG").write_bytes(b"\x89PNG")
    (tmp_path / "secret.txt").write_text("outside the course")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("outside the course")
    return course


def test_serves_a_plain_file(root: Path) -> None:
    assert resolve_inside(root, "content/sub/index.html") == (root / "content" / "sub" / "index.html").resolve()


@pytest.mark.parametrize(
    "url_path",
    [
        "../secret.txt",
        "content/../../secret.txt",
        "content/sub/../../../secret.txt",
        "%2e%2e/secret.txt",
        "%2E%2E/secret.txt",
        "content/%2e%2e/%2e%2e/secret.txt",
        "..%2fsecret.txt",
        "%2e%2e%2fsecret.txt",
        "content%2f..%2f..%2fsecret.txt",
        "content/../index.html",  # even when it would stay inside: ".." is refused outright
        "./index.html",
        "content/./sub/index.html",
        "content//sub/index.html",
    ],
)
def test_rejects_parent_traversal(root: Path, url_path: str) -> None:
    assert resolve_inside(root, url_path) is None


@pytest.mark.parametrize("url_path", ["/etc/passwd", "//etc/passwd", "%2fetc%2fpasswd", "%2Fetc/passwd"])
def test_rejects_absolute(root: Path, url_path: str) -> None:
    assert resolve_inside(root, url_path) is None


def test_rejects_absolute_path_to_a_file_inside_the_root(root: Path) -> None:
    assert resolve_inside(root, str(root / "index.html")) is None


@pytest.mark.parametrize(
    "url_path", ["..\\secret.txt", "content\\sub\\index.html", "%5c..%5csecret.txt", "content%5Cindex.html"]
)
def test_rejects_backslash(root: Path, url_path: str) -> None:
    assert resolve_inside(root, url_path) is None


@pytest.mark.parametrize(
    "url_path", ["C:/Windows/win.ini", "c:", "C%3A/Windows/win.ini", "content/d:evil", "C:index.html"]
)
def test_rejects_drive_letter(root: Path, url_path: str) -> None:
    assert resolve_inside(root, url_path) is None


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_rejects_symlink_escaping_root(root: Path, tmp_path: Path) -> None:
    (root / "escape.txt").symlink_to(tmp_path / "secret.txt")
    (root / "content" / "outdir").symlink_to(tmp_path / "outside", target_is_directory=True)
    assert (root / "escape.txt").read_text() == "outside the course"  # the links work...
    assert resolve_inside(root, "escape.txt") is None  # ...but are not followed out of the root
    assert resolve_inside(root, "content/outdir/secret.txt") is None
    assert resolve_inside(root, "CONTENT/OUTDIR/SECRET.TXT") is None  # nor through the case-insensitive fallback


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_symlink_staying_inside_the_root_is_served(root: Path) -> None:
    (root / "alias.html").symlink_to(root / "content" / "sub" / "index.html")
    assert resolve_inside(root, "alias.html") == (root / "content" / "sub" / "index.html").resolve()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_root_reached_through_a_symlink_still_serves(root: Path, tmp_path: Path) -> None:
    (tmp_path / "link-to-course").symlink_to(root, target_is_directory=True)
    assert resolve_inside(tmp_path / "link-to-course", "index.html") == (root / "index.html").resolve()
    assert resolve_inside(tmp_path / "link-to-course", "../secret.txt") is None


@pytest.mark.parametrize("url_path", ["index.html%00.js", "index.html\x00", "content/%00/index.html"])
def test_rejects_nul(root: Path, url_path: str) -> None:
    assert resolve_inside(root, url_path) is None


@pytest.mark.parametrize("url_path", ["n" * 300 + ".html", "content/" + "d" * 5000 + "/index.html"])
def test_rejects_overlong_name_without_raising(root: Path, url_path: str) -> None:
    """A name longer than the file system allows is not found; it must not raise out of the scheme handler."""
    assert resolve_inside(root, url_path) is None


def test_directory_gives_index_html(root: Path) -> None:
    assert resolve_inside(root, "content/sub/") == (root / "content" / "sub" / "index.html").resolve()
    assert resolve_inside(root, "") == (root / "index.html").resolve()
    assert resolve_inside(root, "content/sub") is None  # a folder without the slash is not a file
    assert resolve_inside(root, "content/") is None  # a folder with no index.html


def test_missing_file_is_none(root: Path) -> None:
    assert resolve_inside(root, "content/missing.html") is None
    assert resolve_inside(root, "index.html/extra") is None


def test_case_insensitive_fallback(root: Path) -> None:
    logo = (root / "content" / "Images" / "Logo.PNG").resolve()
    assert resolve_inside(root, "content/images/logo.png") == logo
    assert resolve_inside(root, "CONTENT/IMAGES/LOGO.PNG") == logo
    assert resolve_inside(root, "content/Images/Logo.PNG") == logo
    assert resolve_inside(root, "content/images/logo.gif") is None


def test_exact_match_wins_over_case_insensitive(root: Path) -> None:
    (root / "Readme.txt").write_text("upper")
    (root / "readme.txt").write_text("lower")
    if len({p.name for p in root.iterdir()} & {"Readme.txt", "readme.txt"}) < 2:
        pytest.skip("case-insensitive file system")
    assert resolve_inside(root, "readme.txt") == (root / "readme.txt").resolve()
    assert resolve_inside(root, "Readme.txt") == (root / "Readme.txt").resolve()


def test_percent_decoding(root: Path) -> None:
    spaced = (root / "content" / "page one.html").resolve()
    assert resolve_inside(root, "content/page%20one.html") == spaced
    assert resolve_inside(root, "content/page one.html") == spaced
    assert resolve_inside(root, "content%2Fsub%2Findex.html") == (root / "content" / "sub" / "index.html").resolve()
    (root / "content" / "été.html").write_text("accents")
    assert resolve_inside(root, "content/%C3%A9t%C3%A9.html") == (root / "content" / "été.html").resolve()


def test_decodes_only_once(root: Path) -> None:
    """`%252e%252e` is the literal name `%2e%2e`, not `..`: decoding twice would open a traversal."""
    assert resolve_inside(root, "%252e%252e/secret.txt") is None
    (root / "%2e%2e").mkdir()
    (root / "%2e%2e" / "secret.txt").write_text("a strangely named folder inside")
    assert resolve_inside(root, "%252e%252e/secret.txt") == (root / "%2e%2e" / "secret.txt").resolve()


# --------------------------------------------------------------------------------------------------- mime types


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("index.html", "text/html"),
        ("INDEX.HTM", "text/html"),
        ("app.js", "text/javascript"),
        ("module.mjs", "text/javascript"),
        ("style.css", "text/css"),
        ("data.json", "application/json"),
        ("imsmanifest.xml", "application/xml"),
        ("schema.xsd", "application/xml"),
        ("logo.svg", "image/svg+xml"),
        ("photo.png", "image/png"),
        ("photo.JPG", "image/jpeg"),
        ("anim.gif", "image/gif"),
        ("font.woff2", "font/woff2"),
        ("font.woff", "font/woff"),
        ("clip.mp4", "video/mp4"),
        ("clip.webm", "video/webm"),
        ("sound.mp3", "audio/mpeg"),
        ("sound.ogg", "audio/ogg"),
        ("captions.vtt", "text/vtt"),
        ("handout.pdf", "application/pdf"),
        ("movie.swf", "application/x-shockwave-flash"),
        ("blob.unknownext", "application/octet-stream"),
        ("no-extension", "application/octet-stream"),
    ],
)
def test_mime_type(name: str, expected: str) -> None:
    assert mime_type(Path("course") / name) == expected
