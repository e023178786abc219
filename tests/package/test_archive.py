"""Opening packages safely: hostile ZIPs built here with zipfile, folder packages, hashing and extraction."""

from __future__ import annotations

import os
import stat
import struct
import warnings
import zipfile
from pathlib import Path

import pytest

from scorm_desktop.package.archive import ExtractCancelled, Limits, open_package
from scorm_desktop.package.model import PackageError

MANIFEST = (
    b'<?xml version="1.0"?><manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
    b'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"><metadata><schemaversion>1.2</schemaversion></metadata>'
    b'<organizations default="o"><organization identifier="o"><title>Course</title>'
    b'<item identifier="i" identifierref="r"><title>Lesson</title></item></organization></organizations>'
    b'<resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="content/index.html">'
    b'<file href="content/index.html"/></resource></resources></manifest>'
)
CONTENT = {"imsmanifest.xml": MANIFEST, "content/index.html": b"<html>hello</html>", "content/app.js": b"var x=1;"}


def make_zip(path: Path, entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def add_special(path: Path, name: str, mode: int, data: bytes = b"target") -> None:
    """Append an entry whose Unix mode is `mode` (symlink, device...)."""
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = mode << 16
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr(info, data)


def patch_entry(path: Path, name: str, *, file_size: int | None = None, flag_bits: int | None = None) -> None:
    """Rewrite header fields of one entry in place (local and central headers), as a hostile tool would."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46 : pos + 46 + name_len]) == encoded:
            local = struct.unpack_from("<I", data, pos + 42)[0]
            if file_size is not None:
                struct.pack_into("<I", data, pos + 24, file_size)
                struct.pack_into("<I", data, local + 22, file_size)
            if flag_bits is not None:
                struct.pack_into("<H", data, pos + 8, flag_bits)
                struct.pack_into("<H", data, local + 6, flag_bits)
            path.write_bytes(bytes(data))
            return
        pos += 4
    raise AssertionError(f"{name} not found")


def refusal(path: Path, limits: Limits | None = None) -> str:
    with pytest.raises(PackageError) as info:
        with open_package(path, limits) as src:
            src.manifest()
            src.extract(path.parent / "out")
    return str(info.value)


# --------------------------------------------------------------------------------------------------- attacks


def test_rejects_parent_traversal(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", {**CONTENT, "content/../../evil.sh": b"rm -rf"})
    assert refusal(path) == (
        "The package entry 'content/../../evil.sh' points outside the package ('..'), which is refused for safety."
    )
    assert not (tmp_path / "evil.sh").exists()


def test_rejects_parent_traversal_with_backslashes(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", {**CONTENT, "..\\..\\evil.bat": b"del"})
    assert "points outside the package" in refusal(path)


def test_rejects_absolute_path(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", {**CONTENT, "/etc/cron.d/evil": b"x"})
    assert refusal(path) == "The package entry '/etc/cron.d/evil' has an absolute path, which is refused for safety."


def test_rejects_drive_letter(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", {**CONTENT, "C:\\Windows\\evil.dll": b"x"})
    assert refusal(path) == (
        "The package entry 'C:\\Windows\\evil.dll' names a drive letter, which is refused for safety."
    )


def test_rejects_symlink_entry(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", CONTENT)
    add_special(path, "content/passwd", stat.S_IFLNK | 0o777, b"/etc/passwd")
    assert refusal(path) == "The package entry 'content/passwd' is a symbolic link, which is refused for safety."


def test_rejects_device_entry(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", CONTENT)
    add_special(path, "content/dev", stat.S_IFCHR | 0o644)
    assert refusal(path) == (
        "The package entry 'content/dev' is a device or special file, which is refused for safety."
    )


def test_rejects_zip_bomb_ratio(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", {**CONTENT, "content/zeros.bin": bytes(8 * 1024 * 1024)})
    assert refusal(path) == (
        "The package entry 'content/zeros.bin' expands more than 200 times its compressed size; "
        "it is refused as a likely zip bomb."
    )


def test_small_highly_compressible_entries_are_fine(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", {**CONTENT, "content/blank.txt": bytes(512 * 1024)})
    with open_package(path) as src:
        assert "content/blank.txt" in src.files


def test_rejects_total_size_cap(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", {**CONTENT, "content/big.bin": os.urandom(4096)})
    message = refusal(path, Limits(max_total_size=2048))
    assert message.startswith("The package unpacks to ") and message.endswith("size limit.")


def test_rejects_too_many_entries(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", {**CONTENT, **{f"content/f{i}.txt": b"x" for i in range(20)}})
    assert refusal(path, Limits(max_entries=10)) == "The package has 23 entries, more than the limit of 10."


def test_lying_size_header(tmp_path: Path) -> None:
    """A header that declares 1 KiB for 3 MiB of data passes the ratio check; extraction must still stop."""
    path = make_zip(tmp_path / "p.zip", {**CONTENT, "content/liar.bin": bytes(3 * 1024 * 1024)})
    patch_entry(path, "content/liar.bin", file_size=1024)
    with open_package(path) as src:
        assert src.total_size < 4096
        with pytest.raises(PackageError) as info:
            src.extract(tmp_path / "out")
    assert str(info.value).startswith("The package entry 'content/liar.bin' is damaged: its data does not match")
    assert (tmp_path / "out" / "content" / "liar.bin").stat().st_size <= 1024


def test_lying_size_header_in_folder_growth_is_caught(tmp_path: Path) -> None:
    """A file that grows after the folder was scanned is cut off at its scanned size."""
    folder = make_folder(tmp_path / "pkg", CONTENT)
    with open_package(folder) as src:
        (folder / "content" / "app.js").write_bytes(b"x" * 10_000)
        with pytest.raises(PackageError, match="holds more data than its header declares"):
            src.extract(tmp_path / "out")


def test_rejects_encrypted_entry(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", CONTENT, zipfile.ZIP_STORED)
    patch_entry(path, "content/app.js", flag_bits=0x1)
    assert refusal(path) == (
        "The package entry 'content/app.js' is encrypted; password-protected packages are not supported."
    )


def test_rejects_duplicate_entries(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", CONTENT)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(path, "a") as zf:
            zf.writestr("content/app.js", b"other")
    assert refusal(path) == "The package entry 'content/app.js' appears twice in the ZIP, which is refused."


def test_rejects_text_file_named_zip(tmp_path: Path) -> None:
    path = tmp_path / "course.zip"
    path.write_text("# not a zip\n")
    assert refusal(path) == "'course.zip' is not a ZIP archive."


def test_missing_file_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path / "nowhere.zip") == "'nowhere.zip' does not exist."


def test_rejects_symlink_in_folder_package(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "pkg", CONTENT)
    (folder / "content" / "secret").symlink_to("/etc/passwd")
    assert refusal(folder) == "The package file 'content/secret' is a symbolic link, which is refused for safety."


def test_rejects_fifo_in_folder_package(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "pkg", CONTENT)
    os.mkfifo(folder / "content" / "pipe")
    assert refusal(folder) == (
        "The package file 'content/pipe' is a device or special file, which is refused for safety."
    )


# --------------------------------------------------------------------------------------------------- layout


def test_normalises_backslashes(tmp_path: Path) -> None:
    entries = {"imsmanifest.xml": MANIFEST, "content\\index.html": b"<html/>", "content\\js\\app.js": b"1"}
    with open_package(make_zip(tmp_path / "p.zip", entries)) as src:
        assert src.files == {"imsmanifest.xml", "content/index.html", "content/js/app.js"}
        assert src.read("content/js/app.js") == b"1"
        src.manifest()
        src.extract(tmp_path / "out")
    assert (tmp_path / "out" / "content" / "js" / "app.js").read_bytes() == b"1"


def test_manifest_in_single_top_folder(tmp_path: Path) -> None:
    entries = {f"My Course/{k}": v for k, v in CONTENT.items()}
    entries["__MACOSX/My Course/._imsmanifest.xml"] = b"\x00\x05\x16\x07"
    with open_package(make_zip(tmp_path / "p.zip", entries)) as src:
        assert src.root == "My Course"
        assert src.files == set(CONTENT)
        assert src.manifest().title == "Course"


def test_manifest_in_folder_with_files_outside_is_refused(tmp_path: Path) -> None:
    entries = {f"course/{k}": v for k, v in CONTENT.items()}
    entries["readme.txt"] = b"hi"
    assert refusal(make_zip(tmp_path / "p.zip", entries)) == (
        "The package's imsmanifest.xml is in the folder 'course', not at the top, "
        "and other files lie outside that folder."
    )


def test_several_manifests_are_refused(tmp_path: Path) -> None:
    entries = {f"a/{k}": v for k, v in CONTENT.items()} | {f"b/{k}": v for k, v in CONTENT.items()}
    assert "holds several manifests" in refusal(make_zip(tmp_path / "p.zip", entries))


def test_manifest_name_is_case_insensitive(tmp_path: Path) -> None:
    entries = {"IMSManifest.xml": MANIFEST, "content/index.html": b"<html/>"}
    with open_package(make_zip(tmp_path / "p.zip", entries)) as src:
        assert src.manifest_name == "IMSManifest.xml"
        assert src.manifest().launchable_items()


def test_junk_files_are_left_out(tmp_path: Path) -> None:
    entries = {**CONTENT, ".DS_Store": b"junk", "content/Thumbs.db": b"junk", "__MACOSX/._x": b"junk"}
    with open_package(make_zip(tmp_path / "p.zip", entries)) as src:
        assert src.files == set(CONTENT)


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (
            {"course.crs": b"", "course.au": b"", "course.des": b""},
            "This is an AICC package; AICC is not supported yet.",
        ),
        ({"index.html": b"<html/>"}, "The package has no imsmanifest.xml: it is not a SCORM package."),
        ({}, "The package has no imsmanifest.xml: it is not a SCORM package."),
    ],
)
def test_other_formats_are_named(tmp_path: Path, entries: dict[str, bytes], message: str) -> None:
    assert refusal(make_zip(tmp_path / "p.zip", entries)) == message


def test_launch_file_missing_from_zip_is_refused(tmp_path: Path) -> None:
    entries = {"imsmanifest.xml": MANIFEST}
    assert refusal(make_zip(tmp_path / "p.zip", entries)) == (
        "The launch file 'content/index.html' of item 'Lesson' is missing from the package."
    )


# --------------------------------------------------------------------------------------------------- folders, hash


def make_folder(folder: Path, entries: dict[str, bytes]) -> Path:
    for name, data in entries.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return folder


def test_folder_package(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "pkg", CONTENT)
    with open_package(folder) as src:
        assert src.root == ""
        assert src.files == set(CONTENT)
        assert src.total_size == sum(len(v) for v in CONTENT.values())
        assert src.read("content/index.html") == CONTENT["content/index.html"]
        assert src.manifest().title == "Course"


def test_content_hash_equal_for_zip_and_folder(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "pkg", CONTENT)
    zipped = make_zip(tmp_path / "p.zip", CONTENT)
    nested = make_zip(tmp_path / "n.zip", {f"top/{k}": v for k, v in CONTENT.items()}, zipfile.ZIP_STORED)
    hashes = set()
    for path in (folder, zipped, nested):
        with open_package(path) as src:
            hashes.add(src.content_hash())
    assert len(hashes) == 1
    changed = make_zip(tmp_path / "c.zip", {**CONTENT, "content/app.js": b"var x=2;"})
    with open_package(changed) as src:
        assert src.content_hash() not in hashes


def test_content_hash_depends_on_paths(tmp_path: Path) -> None:
    a = make_zip(tmp_path / "a.zip", {**CONTENT, "content/x.txt": b"1"})
    b = make_zip(tmp_path / "b.zip", {**CONTENT, "content/y.txt": b"1"})
    with open_package(a) as sa, open_package(b) as sb:
        assert sa.content_hash() != sb.content_hash()


def test_extract_reports_progress(tmp_path: Path) -> None:
    big = os.urandom(3 * 1024 * 1024 + 17)
    entries = {**CONTENT, "content/media.bin": big}
    calls: list[tuple[int, int]] = []
    with open_package(make_zip(tmp_path / "p.zip", entries)) as src:
        src.extract(tmp_path / "out", progress=lambda done, total: calls.append((done, total)))
        total = src.total_size
    assert (tmp_path / "out" / "content" / "media.bin").read_bytes() == big
    assert calls[-1] == (total, total)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert len(calls) >= 4  # a 3 MiB file reports at least once per 1 MiB chunk


def test_extract_can_be_cancelled(tmp_path: Path) -> None:
    entries = {**CONTENT, "content/media.bin": os.urandom(3 * 1024 * 1024)}
    seen: list[int] = []
    with open_package(make_zip(tmp_path / "p.zip", entries)) as src:
        with pytest.raises(ExtractCancelled):
            src.extract(
                tmp_path / "out",
                progress=lambda done, total: seen.append(done),
                cancelled=lambda: len(seen) >= 2,
            )
        assert seen[-1] < src.total_size


def test_extract_cancelled_before_start_writes_nothing(tmp_path: Path) -> None:
    with open_package(make_zip(tmp_path / "p.zip", CONTENT)) as src:
        with pytest.raises(ExtractCancelled):
            src.extract(tmp_path / "out", cancelled=lambda: True)
    assert list((tmp_path / "out").iterdir()) == []


def test_extract_from_folder_package(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "pkg", CONTENT)
    with open_package(folder) as src:
        src.extract(tmp_path / "out")
    for name, data in CONTENT.items():
        assert (tmp_path / "out" / name).read_bytes() == data


def test_corpus_zip_extracts_and_hashes_like_its_folder(corpus: Path, tmp_path: Path) -> None:
    with open_package(corpus / "good" / "golf-seq-posttest-2004-4th.zip") as src:
        src.extract(tmp_path / "course")
        digest = src.content_hash()
        manifest = src.manifest()
    with open_package(tmp_path / "course") as copy:
        assert copy.content_hash() == digest
        assert copy.manifest() == manifest


def test_rejects_entry_that_is_both_file_and_folder(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "p.zip", {**CONTENT, "content/x": b"file", "content/x/y.html": b"nested"})
    assert refusal(path) == "The package entry 'content/x' is both a file and a folder, which is refused."
