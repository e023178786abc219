"""Make small test media with the app's own FFmpeg (PyAV): FFmpeg's test pattern and a tone, encoded as asked.

Used by the tests and the benchmark, so that no media file has to be shipped. Plain Python, no Qt.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

#: (video codec, audio codec, muxer) for each kind of file the tests need.
PRESETS = {
    "h264-aac-mp4": ("libx264", "aac", "mp4"),
    "vp9-opus-webm": ("libvpx-vp9", "libopus", "webm"),
    "mp3": (None, "libmp3lame", "mp3"),
    "aac-m4a": (None, "aac", "ipod"),
    "h264-aac-mkv": ("libx264", "aac", "matroska"),
}


def make_media(
    path: Path,
    preset: str,
    seconds: float = 2.0,
    size: tuple[int, int] = (160, 120),
    fps: int = 15,
    video_options: dict[str, str] | None = None,
    video_filter: str = "",
) -> Path:
    """Write `seconds` of FFmpeg's `testsrc2` pattern (and a 440 Hz tone) to `path` with the preset's codecs.
    `video_filter` is appended to the pattern (e.g. "noise=alls=4:allf=t", grain that makes it harder to encode)."""
    import av

    vcodec, acodec, muxer = PRESETS[preset]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    w, h = size
    with av.open(str(path), "w", format=muxer) as out:
        vout = aout = None
        if vcodec:
            opts = {"preset": "veryfast"} if vcodec == "libx264" else {"deadline": "realtime", "cpu-used": "8"}
            vout = out.add_stream(vcodec, rate=fps, options={**opts, **(video_options or {})})
            vout.width, vout.height, vout.pix_fmt = w, h, "yuv420p"
            vout.codec_context.gop_size = fps  # a keyframe a second: seeking lands where it is asked
            vout.codec_context.time_base = Fraction(1, fps)
        if acodec:
            aout = out.add_stream(acodec, rate=48000 if acodec == "libopus" else 44100)
            aout.layout = "mono"
        vframes = _video_frames(av, w, h, fps, seconds, video_filter) if vout is not None else iter(())
        aframes = _audio_frames(av, aout, seconds) if aout is not None else iter(())
        # Interleave by time (muxers want that): audio up to each video frame's time, then the frame.
        pending_audio = next(aframes, None)
        for frame in vframes:
            while pending_audio is not None and pending_audio.time <= frame.time:
                for pkt in aout.encode(pending_audio):
                    out.mux(pkt)
                pending_audio = next(aframes, None)
            for pkt in vout.encode(frame):
                out.mux(pkt)
        while pending_audio is not None:
            for pkt in aout.encode(pending_audio):
                out.mux(pkt)
            pending_audio = next(aframes, None)
        for stream in (vout, aout):
            if stream is not None:
                for pkt in stream.encode(None):
                    out.mux(pkt)
    return path


def _video_frames(av, w: int, h: int, fps: int, seconds: float, video_filter: str = ""):
    graph = f"testsrc2=size={w}x{h}:rate={fps}:duration={seconds}" + (f",{video_filter}" if video_filter else "")
    with av.open(graph, format="lavfi") as src:
        for i, frame in enumerate(src.decode(video=0)):
            frame = frame.reformat(format="yuv420p")
            frame.pts, frame.time_base = i, Fraction(1, fps)
            yield frame


def _audio_frames(av, aout, seconds: float):
    rate = aout.codec_context.sample_rate
    resampler = av.AudioResampler(
        format=aout.codec_context.format.name, layout="mono", rate=rate,
        frame_size=aout.codec_context.frame_size or 1024,
    )
    n = 0
    with av.open(f"sine=frequency=440:sample_rate={rate}:duration={seconds}", format="lavfi") as src:
        for frame in [*src.decode(audio=0), None]:
            if frame is not None:
                frame.pts = None
            for r in resampler.resample(frame):
                r.pts, r.time_base = n, Fraction(1, rate)
                n += r.samples
                yield r
