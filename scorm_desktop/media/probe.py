"""Find the media of a course that the player's web engine cannot decode, by the codecs of their streams.

File names only pick the candidates (a course holds thousands of scripts and images); the decision is made by the
codec names FFmpeg reads from each candidate's streams, so an H.264 video named `.webm` is found and a VP9 video in
an `.mp4` file is left alone. Probing parses untrusted files with FFmpeg, so `scan()` runs it in a child process: a
crafted file can at worst end that process, never the app. Plain Python, no Qt.
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from pathlib import Path

from ..i18n import _, plural
from ..package.model import Cancelled
from . import CONVERTED_DIR, path_inside
from .sniff import HEAD_SIZE, MEDIA_SUFFIXES, looks_like_media, quick_codecs

__all__ = ["HEAD_SIZE", "MEDIA_SUFFIXES", "looks_like_media"]

log = logging.getLogger(__name__)

#: Codecs the PyPI QtWebEngine (no proprietary codecs) decodes, as FFmpeg names them. Measured: canPlayType and real
#: playback in QtWebEngine 6.11 offscreen; the MP4 container itself is fine (VP9/AV1/Opus in MP4 play).
PLAYABLE_VIDEO = frozenset({"vp8", "vp9", "av1", "theora"})
PLAYABLE_AUDIO = frozenset({"opus", "vorbis", "mp3", "flac"})
#: How long probing the candidates of one package may take in all before it is given up (the import goes on).
PROBE_TIMEOUT = 120.0
#: How often a running probe asks whether the import was cancelled.
CANCEL_POLL_S = 0.1


@dataclass(frozen=True)
class MediaFinding:
    """One media file of a package and whether the engine can play it."""

    path: str  #: package-relative, "/"-separated
    kind: str  #: "video" or "audio"
    video_codec: str | None
    audio_codec: str | None
    duration: float | None  #: seconds, when the container says
    size: int
    needs_conversion: bool

    @property
    def codecs(self) -> list[str]:
        return [c for c in (self.video_codec, self.audio_codec) if c]

    @property
    def unplayable_codecs(self) -> list[str]:
        out = []
        if self.video_codec and self.video_codec not in PLAYABLE_VIDEO:
            out.append(self.video_codec)
        if self.audio_codec and not _audio_playable(self.audio_codec):
            out.append(self.audio_codec)
        return out

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "MediaFinding":
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})


def _audio_playable(codec: str) -> bool:
    return codec in PLAYABLE_AUDIO or codec.startswith("pcm_")


def candidates(folder: Path) -> list[str]:
    """Package-relative paths of the files whose suffix may hold media (our own `.converted` folder excluded)."""
    folder = Path(folder)
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        if Path(dirpath) == folder and CONVERTED_DIR in dirnames:
            dirnames.remove(CONVERTED_DIR)
        dirnames.sort()
        for name in sorted(filenames):
            if Path(name).suffix.lower() in MEDIA_SUFFIXES:
                out.append((Path(dirpath) / name).relative_to(folder).as_posix())
    return out


def probe_file(folder: Path, relpath: str) -> MediaFinding | None:
    """What FFmpeg reads from the streams of one file, or None when it holds no audio or video (or is unreadable)."""
    import av  # imported here: the app starts without loading FFmpeg

    path = path_inside(folder, relpath)
    if path is None:
        return None
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            video = [s for s in container.streams.video if not s.disposition & av.stream.Disposition.attached_pic]
            audio = list(container.streams.audio)
            if not video and not audio:
                return None
            vcodec = video[0].codec_context.codec.canonical_name if video else None  # "av1", not the decoder "libdav1d"
            acodec = audio[0].codec_context.codec.canonical_name if audio else None
            duration = container.duration / 1_000_000 if container.duration else None
    except (av.FFmpegError, OSError, ValueError) as exc:
        log.info("not media, or unreadable: %s (%s)", relpath, exc)
        return None
    needs = bool((vcodec and vcodec not in PLAYABLE_VIDEO) or (acodec and not _audio_playable(acodec)))
    return MediaFinding(
        path=relpath,
        kind="video" if vcodec else "audio",
        video_codec=vcodec,
        audio_codec=acodec,
        duration=round(duration, 3) if duration else None,
        size=path.stat().st_size,
        needs_conversion=needs,
    )


def probe_files(folder: Path, relpaths: list[str]) -> list[MediaFinding]:
    """Probe in this process (trusted callers and the child process of `scan`)."""
    found = (probe_file(folder, rel) for rel in relpaths)
    return [f for f in found if f is not None]


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(HEAD_SIZE)
    except OSError:
        return b""


class ProbeSession:
    """The child process that probes one import's media. Start it early (`start()`: the child starts and loads
    FFmpeg while the package is still being extracted), then `probe()` once the files are in place. It never
    waits for the child to exit: a finished or abandoned child ends by itself."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")  # never fork a process that runs Qt and database threads
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(max_workers=1, mp_context=ctx)
        self._futures = [self._pool.submit(_load_ffmpeg)]

    @classmethod
    def start(cls) -> "ProbeSession":
        return cls()

    def submit(self, folder: Path, rels: list[str]) -> None:
        """Start probing `rels` (package-relative) under `folder`, once they are written; `result()` gives them."""
        assert self._pool is not None and len(self._futures) == 1, "a ProbeSession probes once"
        self._futures.append(self._pool.submit(_probe_as_json, str(folder), rels))

    def probe(
        self, folder: Path, rels: list[str], timeout: float = PROBE_TIMEOUT, cancelled: Callable[[], bool] | None = None
    ) -> list[MediaFinding]:
        """Probe `rels` (package-relative) under `folder`. Raises ProbeError or Cancelled as `scan` does."""
        if not rels:
            self.close()
            return []
        self.submit(folder, rels)
        return self.result(timeout, cancelled)

    def result(self, timeout: float = PROBE_TIMEOUT, cancelled: Callable[[], bool] | None = None) -> list[MediaFinding]:
        """The findings of `submit()`; ends the child. Raises ProbeError or Cancelled as `scan` does."""
        try:
            future = self._futures[-1]
            deadline = time.monotonic() + timeout
            try:
                while True:
                    if cancelled is not None and cancelled():
                        raise Cancelled()
                    try:
                        rows = future.result(timeout=min(CANCEL_POLL_S, max(0.0, deadline - time.monotonic())))
                        break
                    except TimeoutError:
                        if time.monotonic() >= deadline:
                            raise
            except BrokenProcessPool as exc:
                raise ProbeError(_("the media probe stopped unexpectedly")) from exc
            except ImportError as exc:  # PyAV missing from this installation
                raise ProbeError(_("FFmpeg (PyAV) is not available: {0}").format(exc)) from exc
            except TimeoutError as exc:
                raise ProbeError(_("probing the media took longer than {0:.0f} s").format(timeout)) from exc
            return [MediaFinding.from_json(r) for r in rows]
        finally:
            self.close()

    def close(self) -> None:
        """End the child without waiting for it (killed when it is still busy)."""
        if self._pool is None:
            return
        if not all(f.done() for f in self._futures):  # cancelled, timed out, or never asked: stop it now
            for proc in list((getattr(self._pool, "_processes", None) or {}).values()):
                proc.kill()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None


def scan(
    folder: Path, timeout: float = PROBE_TIMEOUT, cancelled: Callable[[], bool] | None = None
) -> list[MediaFinding]:
    """Every media file of an extracted package (by name, then by its first bytes): read from their headers when
    `sniff` knows the container, otherwise probed by FFmpeg in a child process. [] when there is none; raises
    `ProbeError` when the probe could not finish (a crash or a time-out: the caller decides what to say), and
    `Cancelled` (the child killed) as soon as `cancelled()` turns True."""
    rels = [r for r in candidates(folder) if looks_like_media(_head(Path(folder) / r))]
    found, rest = quick_findings(folder, rels)
    if rest:
        found += ProbeSession.start().probe(folder, rest, timeout, cancelled)
    return sorted(found, key=lambda f: f.path)


def quick_findings(folder: Path, rels: list[str]) -> tuple[list[MediaFinding], list[str]]:
    """(findings read from the files' headers without FFmpeg, the files FFmpeg must probe)."""
    found: list[MediaFinding] = []
    rest: list[str] = []
    for rel in rels:
        path = path_inside(folder, rel)
        codecs = quick_codecs(path) if path is not None else None
        if codecs is None:
            rest.append(rel)
            continue
        vcodec, acodec = codecs.video, codecs.audio
        found.append(MediaFinding(
            path=rel, kind="video" if vcodec else "audio", video_codec=vcodec, audio_codec=acodec,
            duration=codecs.duration, size=path.stat().st_size,
            needs_conversion=bool((vcodec and vcodec not in PLAYABLE_VIDEO) or (acodec and not _audio_playable(acodec))),
        ))
    return found, rest


def _load_ffmpeg() -> None:
    import av  # noqa: F401  (loaded while the package is extracted: the probe that follows starts at once)


class ProbeError(Exception):
    pass


def _probe_as_json(folder: str, relpaths: list[str]) -> list[dict]:
    return [f.to_json() for f in probe_files(Path(folder), relpaths)]


def needing_conversion(findings: list[MediaFinding]) -> list[MediaFinding]:
    return [f for f in findings if f.needs_conversion]


def warning_for(findings: list[MediaFinding]) -> str | None:
    """One sentence for the import report and the course's details, or None when everything plays."""
    todo = needing_conversion(findings)
    if not todo:
        return None
    codecs = sorted({c for f in todo for c in f.unplayable_codecs})
    names = ", ".join(f"'{f.path}'" for f in todo[:3])
    if len(todo) > 3:
        names = _("{0} and {1} more").format(names, len(todo) - 3)
    return _("{0} use codecs the player cannot decode ({1}): {2}. They are converted to WebM once, in "
             "the background; until then they stay black or silent.").format(
        plural(len(todo), _("{0} media file"), _("{0} media files")), ", ".join(_pretty(c) for c in codecs), names)


def _pretty(codec: str) -> str:
    return {"h264": "H.264", "hevc": "HEVC/H.265", "aac": "AAC", "mpeg4": "MPEG-4 Part 2"}.get(codec, codec)


def main(argv: list[str] | None = None) -> int:
    """`python -m scorm_desktop.media.probe FOLDER [--all]`: print the findings as JSON (a debugging aid)."""
    p = argparse.ArgumentParser(prog="python -m scorm_desktop.media.probe")
    p.add_argument("folder")
    p.add_argument("--all", action="store_true", help="also list media that plays as it is")
    args = p.parse_args(argv)
    folder = Path(args.folder)
    found = probe_files(folder, candidates(folder))
    if not args.all:
        found = needing_conversion(found)
    print(json.dumps([f.to_json() for f in found], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
