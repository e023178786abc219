"""Course media the engine cannot decode: found by codec at import, converted once beside the course (resumable,
cancellable), the course's own files untouched. Plain Python; the media are made here with the app's own FFmpeg."""

from __future__ import annotations

import argparse
import hashlib
import json
import threading
from pathlib import Path

import pytest

pytest.importorskip("av")

from scorm_desktop.bridge.scheme import ByteSpan, RangeNotSatisfiable, converted_for, parse_range, resolve_inside  # noqa: E402,E501
from scorm_desktop.cli import media as commands  # noqa: E402
from scorm_desktop.media import converted_relpath  # noqa: E402
from scorm_desktop.media import jobs as media_jobs  # noqa: E402
from scorm_desktop.media.convert import ConversionCancelled, convert_file  # noqa: E402
from scorm_desktop.media.probe import candidates, probe_file, probe_files, scan, warning_for  # noqa: E402
from scorm_desktop.media.synth import make_media  # noqa: E402
from scorm_desktop.settings import Settings  # noqa: E402

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="org.scormdesktop.test.media" version="1.0"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="ORG"><organization identifier="ORG"><title>Media course</title>
    <item identifier="ITEM-MEDIA" identifierref="RES"><title>Video page</title></item>
  </organization></organizations>
  <resources>
    <resource identifier="RES" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/><file href="media/clip.mp4"/><file href="media/tone.mp3"/>
      <file href="media/intro.webm"/><file href="media/voice.m4a"/>
    </resource>
  </resources>
</manifest>
"""

#: The page plays every media element and reports to the console as `MEDIA {json}` lines (read by the player test).
INDEX = """<!doctype html><html><head><meta charset="utf-8"><title>Media</title></head><body>
<video id="video" src="media/clip.mp4" muted playsinline width="160" height="120"></video>
<audio id="tone" src="media/tone.mp3" preload="auto"></audio>
<audio id="voice" src="media/voice.m4a" preload="auto"></audio>
<video id="intro" src="media/intro.webm" muted preload="auto"></video>
<script>
const say = (o) => console.log("MEDIA " + JSON.stringify(o));
const v = document.getElementById("video");
const seen = {};
for (const id of ["tone", "voice", "intro"]) {
  const el = document.getElementById(id);
  el.addEventListener("canplay", () => say({id, event: "canplay", duration: el.duration}), {once: true});
  el.addEventListener("error", () => say({id, event: "error", code: el.error && el.error.code}));
}
v.addEventListener("error", () => say({id: "video", event: "error", code: v.error && v.error.code}));
v.addEventListener("canplay", () => {
  if (seen.canplay) return;
  seen.canplay = true;
  say({id: "video", event: "canplay", duration: v.duration, width: v.videoWidth});
  v.play().then(() => say({id: "video", event: "playing"}), (e) => say({id: "video", event: "play-failed", why: String(e)}));
});
v.addEventListener("ended", () => {
  say({id: "video", event: "ended", currentTime: v.currentTime});
  v.addEventListener("seeked", () => say({id: "video", event: "seeked", currentTime: v.currentTime}), {once: true});
  v.currentTime = v.duration / 2;
});
async function ranged(url, range) {
  try {
    const r = await fetch(url, {headers: {Range: range}});
    const bytes = new Uint8Array(await r.arrayBuffer());
    return {url, range, status: r.status, contentRange: r.headers.get("Content-Range"),
            type: r.headers.get("Content-Type"), length: bytes.length, hex: Array.from(bytes.slice(0, 64)).map(
              (b) => b.toString(16).padStart(2, "0")).join("")};
  } catch (e) { return {url, range, failed: String(e)}; }
}
window.rangeProbe = async () => {
  const out = [];
  for (const [url, range] of [["media/clip.mp4", "bytes=100-199"], ["media/clip.mp4", "bytes=1000-"],
                              ["media/tone.mp3", "bytes=0-9"], ["media/tone.mp3", "bytes=-16"],
                              ["media/tone.mp3", "bytes=99999999-"], ["index.html", "bytes=5-2,x"],
                              ["index.html", "bytes=-99999"]]) out.push(await ranged(url, range));
  say({id: "range", results: out});
};
window.rangeProbe();
</script></body></html>
"""


def media_package(dest: Path, seconds: float = 2.0) -> Path:
    """A SCORM 1.2 package whose page uses an H.264/AAC MP4, an AAC M4A, an MP3 and a VP9/Opus WebM."""
    dest.mkdir(parents=True)
    (dest / "imsmanifest.xml").write_text(MANIFEST, encoding="utf-8")
    (dest / "index.html").write_text(INDEX, encoding="utf-8")
    make_media(dest / "media" / "clip.mp4", "h264-aac-mp4", seconds=seconds)
    make_media(dest / "media" / "tone.mp3", "mp3", seconds=1.0)
    make_media(dest / "media" / "intro.webm", "vp9-opus-webm", seconds=1.0)
    make_media(dest / "media" / "voice.m4a", "aac-m4a", seconds=1.0)
    return dest


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    return media_package(tmp_path_factory.mktemp("pkg") / "media-course")


# -- probing -----------------------------------------------------------------------------------------------------
def test_probe_decides_by_codec_not_by_file_name(tmp_path, package):
    # An H.264 file named .webm is found; a VP9 file named .mp4 is left alone; a "video" that is text is no media.
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "fake.webm").write_bytes((package / "media" / "clip.mp4").read_bytes())
    (tmp_path / "a" / "real.mp4").write_bytes((package / "media" / "intro.webm").read_bytes())
    (tmp_path / "a" / "broken.mp4").write_text("not a video")
    (tmp_path / "a" / "script.js").write_text("var x;")
    assert candidates(tmp_path / "a") == ["broken.mp4", "fake.webm", "real.mp4"]
    found = {f.path: f for f in probe_files(tmp_path / "a", candidates(tmp_path / "a"))}
    assert set(found) == {"fake.webm", "real.mp4"}
    assert found["fake.webm"].needs_conversion and found["fake.webm"].unplayable_codecs == ["h264", "aac"]
    assert not found["real.mp4"].needs_conversion and found["real.mp4"].codecs == ["vp9", "opus"]


def test_probe_reports_codecs_kind_and_duration(package):
    clip = probe_file(package, "media/clip.mp4")
    assert (clip.kind, clip.video_codec, clip.audio_codec, clip.needs_conversion) == ("video", "h264", "aac", True)
    assert clip.duration == pytest.approx(2.0, abs=0.1)
    tone = probe_file(package, "media/tone.mp3")
    assert (tone.kind, tone.audio_codec, tone.needs_conversion) == ("audio", "mp3", False)
    voice = probe_file(package, "media/voice.m4a")
    assert (voice.kind, voice.audio_codec, voice.needs_conversion) == ("audio", "aac", True)


def test_scan_runs_in_a_child_process_and_says_what_to_convert(package):
    found = scan(package)
    assert sorted(f.path for f in found if f.needs_conversion) == ["media/clip.mp4", "media/voice.m4a"]
    sentence = warning_for(found)
    assert "2 media files use" in sentence and "H.264" in sentence and "AAC" in sentence and "media/clip.mp4" in sentence


def test_the_media_warning_follows_the_language(services, package):
    """The warning is translated whole (issue 18), where the library shows it (the import's warnings) and with more
    files than it names ("… and 2 more")."""
    from scorm_desktop import i18n
    from scorm_desktop.media.probe import MediaFinding

    many = [MediaFinding(f"media/v{i}.mp4", "video", "h264", None, 1.0, 10, True) for i in range(5)]
    try:
        i18n.set_language("fr")
        outcome = services.library.import_package(package)
        french = warning_for(many)
    finally:
        i18n.set_language("en")
    said = [w for w in outcome.warnings if "H.264" in w]
    assert len(said) == 1 and said[0].startswith(
        "Codecs que le lecteur ne sait pas décoder (AAC, H.264) pour 2 fichiers multimédias : "
        "'media/clip.mp4', 'media/voice.m4a'. Ils sont convertis une fois pour toutes en WebM"), said
    assert french.startswith("Codecs que le lecteur ne sait pas décoder (H.264) pour 5 fichiers multimédias : "
                             "'media/v0.mp4', 'media/v1.mp4', 'media/v2.mp4' "), french
    assert "'media/v2.mp4' et 2 autre(s). Ils sont convertis" in french, french
    assert "'media/v2.mp4' and 2 more. They are converted to WebM once" in warning_for(many)


# -- importing ---------------------------------------------------------------------------------------------------
def test_import_lists_media_needing_conversion_and_writes_the_plan(services, package):
    outcome = services.library.import_package(package)
    assert [(m.path, m.unplayable_codecs) for m in outcome.media] == [
        ("media/clip.mp4", ["h264", "aac"]),
        ("media/voice.m4a", ["aac"]),
    ]
    assert any("H.264" in w for w in outcome.warnings)
    course = services.library.course(outcome.course.id)
    assert any("converted to WebM" in w for w in course.warnings)  # in the course's details too
    plan = media_jobs.CourseJobs.load(course.folder)
    assert [(f.path, f.status) for f in plan.files] == [("media/clip.mp4", "pending"), ("media/voice.m4a", "pending")]


def test_import_of_a_course_without_media_writes_nothing(services, tmp_path):
    pkg = tmp_path / "plain"
    pkg.mkdir()
    (pkg / "imsmanifest.xml").write_text(MANIFEST.replace("org.scormdesktop.test.media", "plain"), encoding="utf-8")
    (pkg / "index.html").write_text("<p>hi</p>")
    outcome = services.library.import_package(pkg)
    assert outcome.media == [] and not any("codec" in w for w in outcome.warnings)
    assert not (outcome.course.folder / ".converted").exists()


# -- converting --------------------------------------------------------------------------------------------------
def test_conversion_makes_webm_the_engine_plays(tmp_path, package):
    dst = tmp_path / "out" / "clip.mp4.webm"
    seen: list[float] = []
    convert_file(package / "media" / "clip.mp4", dst, progress=seen.append)
    got = probe_file(dst.parent, dst.name)
    assert (got.video_codec, got.audio_codec, got.needs_conversion) == ("vp9", "opus", False)
    assert got.duration == pytest.approx(2.0, abs=0.15)
    assert seen[-1] == 1.0 and seen == sorted(seen)
    assert not list(dst.parent.glob("*.part"))


def test_a_cancelled_conversion_leaves_no_file(tmp_path, package):
    dst = tmp_path / "out" / "clip.mp4.webm"
    with pytest.raises(ConversionCancelled):
        convert_file(package / "media" / "clip.mp4", dst, cancelled=lambda: True)
    assert not dst.parent.exists() or not any(dst.parent.iterdir())


def _course_copy(tmp_path: Path, package: Path) -> Path:
    import shutil

    folder = tmp_path / "course"
    shutil.copytree(package, folder)
    media_jobs.CourseJobs.plan(folder, scan(folder))
    return folder


def test_run_converts_each_planned_file_once_and_leaves_the_originals(tmp_path, package):
    folder = _course_copy(tmp_path, package)
    before = {p.name: digest(p) for p in (folder / "media").iterdir()}
    messages: list[dict] = []
    jobs = media_jobs.run(folder, report=messages.append)
    assert [f.status for f in jobs.files] == ["done", "done"]
    assert (folder / converted_relpath("media/clip.mp4")).is_file()
    assert (folder / converted_relpath("media/voice.m4a")).is_file()
    assert not (folder / converted_relpath("media/tone.mp3")).exists()  # plays as it is
    assert {p.name: digest(p) for p in (folder / "media").iterdir()} == before
    assert messages[-1] == {"event": "finished", "summary": jobs.summary()}
    assert jobs.summary()["progress"] == 1.0
    mtime = (folder / converted_relpath("media/clip.mp4")).stat().st_mtime_ns
    media_jobs.run(folder)  # nothing left to do: nothing converted again
    assert (folder / converted_relpath("media/clip.mp4")).stat().st_mtime_ns == mtime


def test_run_resumes_after_a_crash(tmp_path, package):
    folder = _course_copy(tmp_path, package)
    plan = media_jobs.CourseJobs.load(folder)
    plan.files[0].status, plan.files[0].progress = "running", 0.4  # the app died mid-file
    plan.save()
    part = folder / (converted_relpath("media/clip.mp4") + ".part")
    part.parent.mkdir(parents=True, exist_ok=True)
    part.write_bytes(b"half a file")
    jobs = media_jobs.run(folder)
    assert [f.status for f in jobs.files] == ["done", "done"]
    assert not part.exists()
    assert probe_file(folder, converted_relpath("media/clip.mp4")).video_codec == "vp9"


def test_cancel_marks_the_rest_cancelled_and_an_explicit_run_takes_them_again(tmp_path, package):
    folder = _course_copy(tmp_path, package)
    jobs = media_jobs.run(folder, cancelled=lambda: True)
    assert [f.status for f in jobs.files] == ["cancelled", "cancelled"]
    assert media_jobs.run(folder).summary()["done"] == 0  # an automatic resume leaves them
    jobs = media_jobs.run(folder, include_cancelled=True)
    assert [f.status for f in jobs.files] == ["done", "done"]


def test_an_interrupted_run_stays_pending(tmp_path, package):
    folder = _course_copy(tmp_path, package)
    jobs = media_jobs.run(folder, interrupted=lambda: True)
    assert [f.status for f in jobs.files] == ["pending", "pending"]


def test_one_process_at_a_time_per_course(tmp_path, package):
    folder = _course_copy(tmp_path, package)
    with media_jobs.course_lock(folder):
        done = threading.Event()
        errors: list[BaseException] = []

        def other() -> None:  # flock is per open file: another open in this process is refused too
            try:
                media_jobs.run(folder)
            except BaseException as exc:
                errors.append(exc)
            done.set()

        threading.Thread(target=other).start()
        assert done.wait(10)
    assert len(errors) == 1 and isinstance(errors[0], media_jobs.Busy)


def test_the_child_process_converts_and_reports_progress(tmp_path, package):
    folder = _course_copy(tmp_path, package)
    proc = media_jobs.ConversionProcess(folder)
    proc.start()
    assert proc.join(60)
    msgs = proc.messages()
    assert proc.exitcode == 0
    assert msgs[-1]["event"] == "finished" and msgs[-1]["summary"]["done"] == 2
    assert any(m.get("status") == "running" for m in msgs)


def test_a_stopped_child_leaves_the_course_resumable(tmp_path, package):
    folder = _course_copy(tmp_path, package)
    proc = media_jobs.ConversionProcess(folder)
    proc.stop()  # asked to stop before it starts: it must end at once and convert nothing
    proc.start()
    assert proc.join(60)
    assert {f.status for f in media_jobs.CourseJobs.load(folder).files} == {"pending"}


# -- serving (plain functions) -----------------------------------------------------------------------------------
def test_converted_for_finds_the_webm_only_when_complete(tmp_path, package):
    folder = _course_copy(tmp_path, package)
    target = resolve_inside(folder, "media/clip.mp4")
    assert target is not None and converted_for(folder, target) is None
    part = folder / (converted_relpath("media/clip.mp4") + ".part")
    part.parent.mkdir(parents=True)
    part.write_bytes(b"x")
    assert converted_for(folder, target) is None  # a conversion in progress is never served
    media_jobs.run(folder)
    assert converted_for(folder, target) == (folder / ".converted/media/clip.mp4.webm").resolve()
    # Wrong case in the URL (Windows-made packages): the same converted file.
    assert converted_for(folder, resolve_inside(folder, "MEDIA/Clip.MP4")) == converted_for(folder, target)
    assert resolve_inside(folder, "../course/media/clip.mp4") is None  # the rules of resolve_inside are unchanged


@pytest.mark.parametrize(
    "header, expected",
    [
        ("bytes=100-199", ByteSpan(100, 199)),
        ("bytes=100-", ByteSpan(100, 999)),
        ("bytes=990-2000", ByteSpan(990, 999)),  # clamped to the end
        ("bytes=-16", ByteSpan(984, 999, suffix=True)),
        ("bytes=-5000", ByteSpan(0, 999, suffix=True)),
        ("Bytes = 0-0", ByteSpan(0, 0)),
        ("bytes=+5-6", ByteSpan(5, 6)),
        (None, None),
        ("", None),
        ("items=0-5", None),  # another unit: the whole file
        ("bytes=5-2", None),  # malformed: ignored, as Chromium does
        ("bytes=-0", None),
        ("bytes=a-b", None),
        ("bytes=0-1,5-6", None),  # several ranges: Chromium serves the whole file
        ("bytes=0-1,x", None),
    ],
)
def test_parse_range_mirrors_what_qtwebengine_serves(header, expected):
    assert parse_range(header, 1000) == expected


def test_a_range_past_the_end_is_not_satisfiable():
    with pytest.raises(RangeNotSatisfiable):
        parse_range("bytes=1000-", 1000)
    with pytest.raises(RangeNotSatisfiable):
        parse_range("bytes=2000-3000", 1000)
    with pytest.raises(RangeNotSatisfiable):
        parse_range("bytes=5000-, ", 1000)  # an empty part is skipped, as Chromium does
    with pytest.raises(RangeNotSatisfiable):
        parse_range("bytes=1000000000000000000-", 1000)  # 19 digits still fit an int64
    assert parse_range("bytes=99999999999999999999-", 1000) is None  # too big for Chromium too: ignored
    assert parse_range("bytes=5-", 0) is None  # an empty file: Qt answers 200


# -- CLI and settings ---------------------------------------------------------------------------------------------
def test_convert_media_command_waits_and_reports(services, package, capsys):
    course = services.library.import_package(package).course
    args = argparse.Namespace(course=str(course.id), wait=True, json=True, retry=False)
    assert commands.COMMANDS["convert-media"](services, args) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert out[-1]["course"]["id"] == course.id and out[-1]["summary"]["done"] == 2
    assert out[-1]["files"][0]["path"] == "media/clip.mp4" and out[-1]["files"][0]["status"] == "done"


def test_convert_media_setting_round_trips(tmp_path):
    path = tmp_path / "settings.json"
    assert Settings().convert_media is True
    s = Settings(convert_media=False)
    s.save(path)
    assert Settings.load(path).convert_media is False
    assert "convert_media" not in Settings.load(path).extra


def test_convert_media_checks_courses_imported_before_media_support(services, package, capsys):
    import shutil

    course = services.library.import_package(package).course
    shutil.rmtree(course.folder / ".converted")  # as if imported by an older version
    args = argparse.Namespace(course=None, wait=True, json=False, retry=False)
    assert commands.COMMANDS["convert-media"](services, args) == 0
    assert "2 of 2 converted (100%)" in capsys.readouterr().out
    assert (course.folder / converted_relpath("media/clip.mp4")).is_file()


# -- reading codecs without FFmpeg (media/sniff.py) ----------------------------------------------------------------
def test_header_sniffing_agrees_with_ffmpeg_on_every_kind_the_tests_make(tmp_path, package):
    from scorm_desktop.media.probe import quick_findings

    folder = tmp_path / "kinds"
    folder.mkdir()
    for rel in ("media/clip.mp4", "media/voice.m4a", "media/tone.mp3", "media/intro.webm"):
        (folder / Path(rel).name).write_bytes((package / rel).read_bytes())
    make_media(folder / "other.mkv", "h264-aac-mkv", seconds=1.0)
    names = sorted(p.name for p in folder.iterdir())
    quick, rest = quick_findings(folder, names)
    assert rest == ["other.mkv"]  # Matroska may hold anything: FFmpeg reads it
    by_ffmpeg = {f.path: f for f in probe_files(folder, names)}
    for f in quick:
        ref = by_ffmpeg[f.path]
        assert f.needs_conversion == ref.needs_conversion, f.path
        if f.path != "intro.webm":  # WebM stands for "plays as it is": its exact codecs do not matter
            assert (f.kind, f.video_codec, f.audio_codec) == (ref.kind, ref.video_codec, ref.audio_codec), f.path
        if f.duration is not None:
            assert f.duration == pytest.approx(ref.duration, abs=0.1)


def test_files_only_named_like_media_are_not_media(tmp_path, package):
    from scorm_desktop.media.sniff import HEAD_SIZE, looks_like_media

    assert looks_like_media((package / "media" / "clip.mp4").read_bytes()[:HEAD_SIZE])
    assert looks_like_media((package / "media" / "tone.mp3").read_bytes()[:HEAD_SIZE])
    assert not looks_like_media(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert not looks_like_media(b"<html>not a video</html>")
    (tmp_path / "fake.mp4").write_bytes(b"GIF89a" + bytes(300))
    assert scan(tmp_path) == []  # never handed to FFmpeg
