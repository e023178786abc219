"""Recognise media files, and read the codecs of the common containers, from their bytes alone: no FFmpeg, in the
importing process. Plain Python, no Qt.

`looks_like_media(head)` says from a file's first bytes whether it is an audio or video container at all, so files
merely named like media (placeholders, images renamed .mp4) are never handed to FFmpeg. `quick_codecs(path)` reads
the codecs of the containers authoring tools ship (MP4/M4A/MOV, MP3, ADTS AAC, FLAC, PCM WAV, WebM) from their box or
frame headers: a few hundred bytes, with every length checked, so parsing untrusted input here cannot crash the app.
Anything else, or anything unusual inside those (encrypted tracks, unknown sample entries), is left to the FFmpeg
probe in its child process (`probe.scan`). This keeps FFmpeg, and the child process it runs in, off the import's
critical path for most packages (see benchmarks/profiles/import.md).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

#: File suffixes worth probing: containers that can hold audio or video (here, not in probe.py, so the player's
#: scheme handler can ask without loading the prober).
MEDIA_SUFFIXES = frozenset(
    ".mp4 .m4v .mov .m4a .m4b .aac .3gp .3g2 .mkv .mka .webm .ogg .ogv .oga .opus .mp3 .wav .flac .avi .wmv .wma "
    ".asf .flv .f4v .mpg .mpeg .m2v .ts .mts .m2ts .caf .aif .aiff .amr .ac3".split()
)

#: Bytes of a file's start that `looks_like_media` needs.
HEAD_SIZE = 256
_ISO_BOXES = (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")
_ASF = bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c")
_EBML = b"\x1a\x45\xdf\xa3"
#: The movie box is read whole; a larger one is left to FFmpeg.
MAX_MOOV = 32 * 1024 * 1024

#: ISO BMFF sample entries -> FFmpeg's canonical codec names (what `probe` compares with its playable sets).
_VIDEO_ENTRIES = {b"avc1": "h264", b"avc3": "h264", b"hvc1": "hevc", b"hev1": "hevc", b"vp09": "vp9",
                  b"vp08": "vp8", b"av01": "av1"}
_AUDIO_ENTRIES = {b"Opus": "opus", b"fLaC": "flac", b"ac-3": "ac3", b"ec-3": "eac3", b"alac": "alac",
                  b".mp3": "mp3"}
#: MPEG-4 objectTypeIndication of an `mp4a` entry's decoder config.
_MP4A_OTI = {0x40: "aac", 0x66: "aac", 0x67: "aac", 0x68: "aac", 0x69: "mp3", 0x6B: "mp3"}


def looks_like_media(head: bytes) -> bool:
    """True when a file's first bytes (`HEAD_SIZE` of them) are those of an audio or video container FFmpeg reads:
    MP4/MOV/3GP/M4A, Matroska/WebM, Ogg, MP3/ADTS, WAV/AVI, FLAC, ASF, FLV, MPEG-PS/TS, CAF, AIFF, AMR, AC-3."""
    if len(head) < 4:
        return False
    if head[4:8] in _ISO_BOXES or head.startswith((_EBML, b"OggS", b"ID3", b"fLaC", b"FLV", b"caff", b"#!AMR",
                                                   b"\x00\x00\x01\xba", b"\x00\x00\x01\xb3", b"\x0b\x77")):
        return True
    if head[0] == 0xFF and head[1] & 0xE0 == 0xE0:  # an MPEG audio or ADTS frame header
        return True
    if head.startswith(b"RIFF") and head[8:12] in (b"WAVE", b"AVI "):
        return True
    if head.startswith(b"FORM") and head[8:12] in (b"AIFF", b"AIFC"):
        return True
    if head.startswith(_ASF):
        return True
    if head[0] == 0x47 and (len(head) <= 188 or head[188] == 0x47):  # MPEG-TS packets
        return True
    return len(head) > 196 and head[4] == 0x47 and head[196] == 0x47  # M2TS: 192-byte packets


def quick_container(head: bytes) -> bool:
    """True when `quick_codecs` reads this kind of container (it may still hand a file back to FFmpeg)."""
    return (
        len(head) >= 12
        and (head[4:8] in _ISO_BOXES or head.startswith((_EBML, b"fLaC", b"ID3")) or head[:4] == b"RIFF"
             and head[8:12] == b"WAVE" or head[0] == 0xFF and head[1] & 0xE0 == 0xE0)
    )


@dataclass(frozen=True)
class Codecs:
    video: str | None
    audio: str | None
    duration: float | None


def quick_codecs(path: Path) -> Codecs | None:
    """The first video and audio codec (FFmpeg's names) and the duration, when the container is one this module
    reads and everything in it is known; None: ask FFmpeg."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEAD_SIZE)
            if head[4:8] in _ISO_BOXES:
                return _iso(fh)
            if head.startswith(_EBML):
                return _webm(head)
            if head.startswith(b"fLaC"):
                return Codecs(None, "flac", None)
            if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
                return _wav(head)
            if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
                return _mpeg_audio(head)
    except (OSError, struct.error, ValueError, IndexError):
        return None
    return None


def _webm(head: bytes) -> Codecs | None:
    # A WebM file (EBML DocType "webm") may only hold VP8/VP9/AV1 video and Vorbis/Opus audio: all play. Which of
    # them does not matter to the import (nothing to convert); Matroska ("matroska") may hold anything: FFmpeg.
    at = head.find(b"\x42\x82")
    if at < 0 or at + 7 > len(head) or head[at + 2] != 0x84 or head[at + 3 : at + 7] != b"webm":
        return None
    return Codecs("vp9", "opus", None)  # stands for "plays as it is"


def _wav(head: bytes) -> Codecs | None:
    at = head.find(b"fmt ", 12)
    if at < 0 or at + 10 > len(head):
        return None
    (tag,) = struct.unpack_from("<H", head, at + 8)
    return Codecs(None, "pcm_s16le", None) if tag in (1, 3) else None  # PCM or IEEE float


def _mpeg_audio(head: bytes) -> Codecs | None:
    if head.startswith(b"ID3"):
        return Codecs(None, "mp3", None)  # an ID3 tag is followed by MPEG audio frames
    layer = (head[1] >> 1) & 0x3
    if layer == 0:  # ADTS: AAC
        return Codecs(None, "aac", None)
    return Codecs(None, "mp3" if layer == 1 else "mp2", None)


# --------------------------------------------------------------------------------------------------- ISO BMFF


def _boxes(data: bytes, start: int = 0, end: int | None = None):
    """(type, payload start, payload end) of the boxes laid end to end in data[start:end]."""
    end = len(data) if end is None else end
    at = start
    while at + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, at)
        header = 8
        if size == 1:
            if at + 16 > end:
                return
            (size,) = struct.unpack_from(">Q", data, at + 8)
            header = 16
        elif size == 0:
            size = end - at
        if size < header or at + size > end:
            return
        yield kind, at + header, at + size
        at += size


def _child(data: bytes, start: int, end: int, kind: bytes) -> tuple[int, int] | None:
    return next(((s, e) for k, s, e in _boxes(data, start, end) if k == kind), None)


def _iso(fh) -> Codecs | None:
    fh.seek(0, 2)
    file_end = fh.tell()
    at = 0
    moov = None
    while at + 8 <= file_end:  # top-level boxes: the movie box may follow the media data
        fh.seek(at)
        header = fh.read(16)
        if len(header) < 8:
            return None
        size, kind = struct.unpack_from(">I4s", header)
        hlen = 8
        if size == 1:
            (size,) = struct.unpack_from(">Q", header, 8)
            hlen = 16
        elif size == 0:
            size = file_end - at
        if size < hlen:
            return None
        if kind == b"moov":
            if size > MAX_MOOV:
                return None
            fh.seek(at)
            moov = fh.read(size)
            break
        at += size
    if moov is None or len(moov) < 8:
        return None
    body = (16 if struct.unpack_from(">I", moov)[0] == 1 else 8, len(moov))
    duration = None
    mvhd = _child(moov, *body, b"mvhd")
    if mvhd is not None:
        version = moov[mvhd[0]]
        fmt, off = (">IQ", 20) if version == 1 else (">II", 12)
        timescale, length = struct.unpack_from(fmt, moov, mvhd[0] + off)
        duration = round(length / timescale, 3) if timescale else None
    video = audio = None
    for kind, start, end in _boxes(moov, *body):
        if kind != b"trak":
            continue
        mdia = _child(moov, start, end, b"mdia")
        hdlr = mdia and _child(moov, *mdia, b"hdlr")
        if not mdia or not hdlr:
            return None
        handler = moov[hdlr[0] + 8 : hdlr[0] + 12]
        if handler not in (b"vide", b"soun"):
            continue  # timecode, text, hint tracks
        stsd = None
        minf = _child(moov, *mdia, b"minf")
        stbl = minf and _child(moov, *minf, b"stbl")
        stsd = stbl and _child(moov, *stbl, b"stsd")
        if not stsd:
            return None
        entry = next(iter(_boxes(moov, stsd[0] + 8, stsd[1])), None)
        if entry is None:
            return None
        fourcc, e_start, e_end = entry
        if handler == b"vide":
            name = _VIDEO_ENTRIES.get(fourcc)
            if name is None:
                return None  # mp4v, encv, ...: FFmpeg knows better
            video = video or name
        else:
            name = _AUDIO_ENTRIES.get(fourcc) or (_mp4a(moov, e_start, e_end) if fourcc == b"mp4a" else None)
            if name is None:
                return None
            audio = audio or name
    if video is None and audio is None:
        return None
    return Codecs(video, audio, duration)


def _mp4a(data: bytes, start: int, end: int) -> str | None:
    """The codec of an `mp4a` sample entry, from its esds decoder config (objectTypeIndication)."""
    esds = _child(data, start + 28, end, b"esds")  # after the 28-byte audio sample entry fields
    if esds is None:
        return None
    at = esds[0] + 4  # version and flags
    tag, at = data[at], _skip_length(data, at + 1)
    if tag != 0x03:
        return None
    flags = data[at + 2]
    at += 3 + (2 if flags & 0x80 else 0)
    if flags & 0x40:
        at += 1 + data[at]
    if flags & 0x20:
        at += 2
    if data[at] != 0x04:
        return None
    at = _skip_length(data, at + 1)
    return _MP4A_OTI.get(data[at])


def _skip_length(data: bytes, at: int) -> int:
    """Past an MPEG-4 descriptor length (1-4 bytes, 7 bits each)."""
    for _ in range(4):
        byte = data[at]
        at += 1
        if not byte & 0x80:
            break
    return at
