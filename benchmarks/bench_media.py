"""Media conversion benchmark: how fast course video converts to WebM on this machine, and how big the result is.

Run:  .venv/bin/python benchmarks/bench_media.py [--seconds 300] [--size 1280x720] [--fps 30] [--noise 4] [--tmp DIR]

What it does (in one temporary folder, removed at the end):

1. Generates a `--seconds` long H.264/AAC MP4 (default 5 minutes of 720p at 30 fps, x264 "veryfast", AAC mono) with
   the app's own FFmpeg (PyAV): FFmpeg's `testsrc2` pattern with light temporal grain (`--noise`), so the encoder
   cannot coast on a still picture. Real course video (a presenter, screen recordings) is usually easier than that.
2. Baseline: decoding the same file only (H.264 + AAC, both cores), the ceiling for any conversion.
3. Ours: `convert.convert_file()` exactly as the conversion process runs it (VP9 real-time + Opus, 2 threads).
4. Prints seconds of video converted per second of wall time for both, the ratio, the size of the WebM against the
   MP4, and the target.

Target: conversion at least 1.0x real time (a course's video is converted faster than it plays). Noise margin: CI's
short mode fails only below 0.5x. `--short` (or BENCH_SHORT=1): a 5-second 640x360 clip.
Exit code: 0 when the target passes, 1 when missed (a benchmark, not a test: nothing asserts timings).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import figure, short  # noqa: E402

from scorm_desktop.media.convert import convert_file  # noqa: E402
from scorm_desktop.media.probe import probe_file  # noqa: E402
from scorm_desktop.media.synth import make_media  # noqa: E402

SPEED_TARGET = 1.0  # seconds of video per second of wall time, at least
SPEED_MARGIN = 0.5  # CI's short mode fails only below this


def decode_only(path: Path) -> float:
    import av

    start = time.perf_counter()
    with av.open(str(path)) as c:
        c.streams.video[0].codec_context.thread_type = "AUTO"
        c.streams.video[0].codec_context.thread_count = 2
        for packet in c.demux():
            for _ in packet.decode():
                pass
    return time.perf_counter() - start


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seconds", type=float, default=300.0)
    p.add_argument("--size", default="1280x720")
    p.add_argument("--fps", type=int, default=30)
    p.add_argument("--noise", type=int, default=4, help="temporal grain strength (0: none)")
    p.add_argument("--tmp", help="folder for the temporary files (default: the system temp folder)")
    p.add_argument("--short", action="store_true", help="CI's short mode: a 5-second 640x360 clip")
    args = p.parse_args()
    if short():
        args.seconds, args.size = min(args.seconds, 5.0), "640x360"
    w, h = (int(x) for x in args.size.split("x"))
    tmp = Path(tempfile.mkdtemp(prefix="bench-media-", dir=args.tmp))
    try:
        src = tmp / "clip.mp4"
        t0 = time.perf_counter()
        make_media(src, "h264-aac-mp4", seconds=args.seconds, size=(w, h), fps=args.fps,
                   video_filter=f"noise=alls={args.noise}:allf=t" if args.noise else "")
        made = time.perf_counter() - t0
        info = probe_file(tmp, "clip.mp4")
        print(f"source: {info.duration:.0f} s of {w}x{h} at {args.fps} fps, {info.video_codec}/{info.audio_codec}, "
              f"{src.stat().st_size / 1e6:.1f} MB ({src.stat().st_size * 8 / info.duration / 1e6:.2f} Mb/s); "
              f"generated in {made:.0f} s")
        base = decode_only(src)
        dst = tmp / "clip.mp4.webm"
        t0 = time.perf_counter()
        convert_file(src, dst)
        ours = time.perf_counter() - t0
        out = probe_file(tmp, "clip.mp4.webm")
        ratio_size = dst.stat().st_size / src.stat().st_size
        speed, base_speed = info.duration / ours, info.duration / base
        ok = speed >= SPEED_TARGET
        print()
        figure("media", f"conversion speed, {info.duration:.0f} s of {w}x{h} (x real time)", round(speed, 2),
               baseline=round(base_speed, 2), unit="x real time",
               target=f">= {SPEED_TARGET:.1f}x (margin {SPEED_MARGIN}x)", met=ok,
               within_margin=speed >= SPEED_MARGIN,
               note=f"ours {ours:.1f} s (VP9+Opus), baseline = decoding the MP4 only, {base:.1f} s")
        figure("media", "size of the WebM (MB)", round(dst.stat().st_size / 1e6, 1),
               baseline=round(src.stat().st_size / 1e6, 1), unit="MB",
               note=f"{ratio_size:.2f} x the MP4; result {out.video_codec}/{out.audio_codec}, {out.duration:.1f} s")
        return 0 if ok else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
