"""The stand-ins for PyAV's unused encoder libraries (packaging/stubs.py), built and loaded for real: a copy of the
venv's PyAV whose x265, x264 and SVT-AV1 libraries are replaced still imports, probes an H.264/AAC clip and converts
it to VP9/Opus WebM with the app's own converter, and opening a left-out encoder fails (one sentence and abort, or
FFmpeg's own error for x265) instead of encoding."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import stubs  # noqa: E402  (packaging/stubs.py)

av = pytest.importorskip("av")
SITE = Path(av.__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not (SITE / "av.libs").is_dir() or shutil.which("cc") is None,
    reason="Linux with PyAV's manylinux wheel and a C compiler",
)


def test_stub_reason_names_only_the_unused_encoders():
    assert stubs.stub_reason("av.libs/libx265-f5385bb8.so.216")
    assert stubs.stub_reason("av.libs/libx264-d6533a8d.so.165")
    assert stubs.stub_reason("av.libs/libSvtAv1Enc-9393c086.so.4.1.0")
    assert stubs.stub_reason("av.libs/libgnutls-71454fd1.so.30.42.0")
    for kept in ("av.libs/libavcodec-5e6b81c2.so.62.28.102", "av.libs/libvpx-edb6de90.so.12.0.0",
                 "av.libs/libopus-114e2b1a.so.0.11.1", "av.libs/libdav1d-f4b27961.so.7.0.0", "libx265ish.so"):
        assert stubs.stub_reason(kept) is None, kept


@pytest.fixture(scope="module")
def stubbed_av(tmp_path_factory) -> Path:
    """A folder with a copy of PyAV (av/ and av.libs/) whose unused encoder libraries are stand-ins."""
    top = tmp_path_factory.mktemp("stubbed-av")
    shutil.copytree(SITE / "av", top / "av")
    shutil.copytree(SITE / "av.libs", top / "av.libs")
    entries = [(f"av.libs/{p.name}", str(p), "BINARY") for p in sorted((SITE / "av.libs").iterdir())]
    entries += [(f"av/{p.relative_to(SITE / 'av')}", str(p), "EXTENSION") for p in (SITE / "av").rglob("*.so")]
    out, replaced = stubs.replace_with_stubs(entries, top / "work")
    stand_ins = {Path(r[0]).name.split("-")[0] for r in replaced if r[3].startswith("stand-in")}
    assert stand_ins == {"libx265", "libx264", "libSvtAv1Enc", "libgnutls"}
    orphans = {Path(r[0]).name.split("-")[0] for r in replaced if not r[3].startswith("stand-in")}
    assert orphans == {"libnettle", "libhogweed", "libgmp", "libunistring"}  # GnuTLS's own, nobody else's
    for dest, src, _ in out:
        if stubs.stub_reason(dest):
            shutil.copy2(src, top / dest)
    for r in replaced:
        if not r[3].startswith("stand-in"):
            (top / r[0]).unlink()  # really gone: the tests below run without them
    return top


def _run(top: Path, code: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(top), str(ROOT)])}
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=240)


def test_stand_ins_are_small_and_keep_the_soname(stubbed_av):
    libs = stubbed_av / "av.libs"
    total = 0
    for lib in libs.iterdir():
        if stubs.stub_reason(lib.name):
            assert lib.stat().st_size < 64_000, lib
            assert stubs.soname(str(lib)) == stubs.soname(str(SITE / "av.libs" / lib.name))
            total += (SITE / "av.libs" / lib.name).stat().st_size - lib.stat().st_size
    assert total > 27_000_000  # x265, SVT-AV1, x264 and GnuTLS: ~32 MB


def test_pyav_with_stand_ins_probes_and_converts_h264_to_vp9_opus(stubbed_av, tmp_path):
    code = """
import sys, av
from pathlib import Path
assert Path(av.__file__).resolve().is_relative_to(Path(sys.argv[1]).resolve()), av.__file__
from scorm_desktop.media import convert
src = Path(sys.argv[2]) / "clip.mp4"
with av.open(str(src)) as c:
    print("in", c.streams.video[0].codec_context.codec.name, c.streams.audio[0].codec_context.codec.name)
dst = Path(sys.argv[2]) / "clip.webm"
convert.convert_file(src, dst)
with av.open(str(dst)) as c:
    print("out", c.streams.video[0].codec_context.codec.name, c.streams.audio[0].codec_context.codec.name)
"""
    # The clip is made by the venv's own PyAV (its H.264 encoder is x264, which the stand-in leaves out).
    from scorm_desktop.media.synth import make_media

    make_media(str(tmp_path / "clip.mp4"), "h264-aac-mp4", seconds=1.0)
    r = _run(stubbed_av, code, str(stubbed_av), str(tmp_path))
    assert r.returncode == 0, r.stderr[-3000:]
    assert "in h264 aac" in r.stdout
    assert "out vp9 opus" in r.stdout or "out libvpx-vp9 libopus" in r.stdout


@pytest.mark.parametrize("encoder", ["libx264", "libx265", "libsvtav1"])
def test_opening_a_left_out_encoder_stops_with_one_sentence(stubbed_av, encoder):
    code = """
import sys, av
ctx = av.CodecContext.create(sys.argv[1], "w")
ctx.width, ctx.height, ctx.pix_fmt, ctx.time_base = 64, 64, "yuv420p", __import__("fractions").Fraction(1, 25)
ctx.open()
print("OPENED")
"""
    r = _run(stubbed_av, code, encoder)
    assert "OPENED" not in r.stdout
    assert r.returncode != 0
    if encoder == "libx265":  # its API getter answers NULL (stubs.ANSWERS_NULL): FFmpeg's own error, no abort
        assert "Generic error in an external library" in r.stderr, r.stderr[-2000:]
    else:
        assert "is left out of this build" in r.stderr, r.stderr[-2000:]


def test_an_https_input_stops_with_one_sentence_instead_of_tls(stubbed_av):
    # The app never gives FFmpeg a URL; if something did, the GnuTLS stand-in says so (loopback port 1: nothing sent).
    r = _run(stubbed_av, "import av; av.open('https://127.0.0.1:1/clip.mp4', timeout=5)")
    assert r.returncode != 0
    assert "TLS for FFmpeg's https:// inputs (GnuTLS); the app opens local files only is left out" in r.stderr, (
        r.stderr[-2000:])
