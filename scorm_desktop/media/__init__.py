"""Course media the player's web engine cannot decode: found at import (`probe`), converted once in the background
(`convert`, `jobs`), served under the original URL by the scheme handler. Plain Python, no Qt.

The PyPI build of QtWebEngine has no proprietary codecs: H.264, HEVC and AAC do not play; VP8, VP9, AV1, Theora,
Opus, Vorbis, MP3, FLAC and PCM do, in WebM, Ogg, MP4, MP3, FLAC and WAV containers (measured with `canPlayType` and
real playback). FFmpeg comes from PyAV's wheels (see `convert.py` for why).
"""

from __future__ import annotations

from pathlib import Path

#: Where converted files live inside a course folder: `<course>/.converted/<package-relative path>.webm`.
CONVERTED_DIR = ".converted"
#: The suffix appended to the original's relative path.
CONVERTED_SUFFIX = ".webm"


def converted_relpath(relpath: str) -> str:
    """`media/clip.mp4` → `.converted/media/clip.mp4.webm` (package-relative, "/"-separated)."""
    return f"{CONVERTED_DIR}/{relpath}{CONVERTED_SUFFIX}"


def path_inside(folder: Path, relpath: object) -> Path | None:
    """`folder/relpath` resolved, when it names something strictly inside `folder` (no absolute path, `..` or link
    leads out); None otherwise. Every path the media code opens goes through this: a conversion plan names files by
    relative path, and nothing read from a file may steer the app outside the course."""
    if not isinstance(relpath, str) or not relpath or "\x00" in relpath or relpath.startswith(("/", "\\")):
        return None
    base = Path(folder).resolve()
    target = (base / relpath).resolve()
    return target if base in target.parents else None
