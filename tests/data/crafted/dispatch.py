"""Hostile dispatch files, made from a genuine one (never committed as binaries): each function reads the genuine
file and writes a changed copy, returning its path."""

from __future__ import annotations

import json
from pathlib import Path

MAGIC = b"SCORM-DESKTOP-DISPATCH 1\n"


def _parts(src: Path) -> tuple[bytes, bytes, bytes]:
    data = src.read_bytes()
    assert data.startswith(MAGIC)
    licence, signature, package = data[len(MAGIC):].split(b"\n", 2)
    return licence, signature, package


def raised_launch_cap(src: Path, dest: Path, launches: int = 1000) -> Path:
    """The licence's launch cap raised, the signature left as it was (a site granting itself more launches)."""
    licence, signature, package = _parts(src)
    lic = json.loads(licence)
    lic["max_launches"] = launches
    dest.write_bytes(MAGIC + json.dumps(lic, sort_keys=True).encode() + b"\n" + signature + b"\n" + package)
    return dest


def changed_course(src: Path, dest: Path) -> Path:
    """One byte of the course package flipped (its licence and signature untouched)."""
    licence, signature, package = _parts(src)
    body = bytearray(package)
    body[len(body) // 2] ^= 0x01
    dest.write_bytes(MAGIC + licence + b"\n" + signature + b"\n" + bytes(body))
    return dest


def resigned_by(src: Path, dest: Path, private_key, public_b64: str) -> Path:
    """The same licence re-signed by another key (naming that key as issuer): valid, but from an untrusted issuer."""
    licence, _signature, package = _parts(src)
    import base64

    lic = json.loads(licence)
    lic["issuer_key"] = public_b64
    line = json.dumps(lic, sort_keys=True, ensure_ascii=False).encode() + b"\n"
    sig = base64.b64encode(private_key.sign(MAGIC + line))
    dest.write_bytes(MAGIC + line + sig + b"\n" + package)
    return dest
