"""The dispatch file and its signed licence.

File format (``.sddispatch``), four parts, the same layout as the USB records bundle (`sync.bundles`):

    SCORM-DESKTOP-DISPATCH 1\\n
    <licence: one line of JSON, keys sorted>\\n
    <base64 Ed25519 signature of (line 1 + licence line)>\\n
    <the course package: a ZIP, byte for byte>

The licence names the dispatch id, the course (manifest identifier, title, the library's content hash and the
SHA-256 of the ZIP that follows), the recipient, the limits (max_launches, max_learners, expires: None when
unlimited), the issue date and the issuer's public key. The signature covers the licence, and the licence covers
the ZIP through its SHA-256: changing a byte anywhere is detected.

A revocation list is a signed JSON document: {"issuer": <public key>, "issued_at", "revoked": {id: revoked_at}}
with {"signature"} beside it (over the canonical JSON of the rest).
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING


from ..i18n import _
from ..sync.bundles import fingerprint

if TYPE_CHECKING:  # `cryptography` loads when a signature is made or checked, not for every `play`
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

MAGIC = b"SCORM-DESKTOP-DISPATCH 1\n"
SUFFIX = ".sddispatch"
MAX_HEADER = 64 * 1024
CHUNK = 1 << 20
FORMAT = 1


class DispatchError(ValueError):
    """A dispatch, licence or revocation list is refused, or a launch is refused under its licence; the message is
    one sentence that says what to do. (A ValueError, so the launch paths show it like any refused launch.)"""

    #: An outcome the user is told about, not a fault: the Worker logs it at INFO, without a traceback.
    expected = True


@dataclass(frozen=True)
class Licence:
    dispatch_id: str
    course_identifier: str
    course_title: str
    content_hash: str
    package_sha256: str
    recipient: str
    max_launches: int | None
    max_learners: int | None
    expires: str | None  # YYYY-MM-DD: valid to the end of that day (UTC)
    issued_at: str
    issuer_key: str
    format: int = FORMAT

    def to_line(self) -> bytes:
        return json.dumps(asdict(self), sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\n"

    @classmethod
    def from_json(cls, data: dict) -> "Licence":
        fields = cls.__dataclass_fields__
        missing = [k for k in fields if k not in data and k != "format"]
        if missing:
            raise ValueError(_("it lacks {0}").format(", ".join(missing)))
        lic = cls(**{k: data[k] for k in fields if k in data})
        str(uuid.UUID(lic.dispatch_id))
        for limit in (lic.max_launches, lic.max_learners):
            if limit is not None and (not isinstance(limit, int) or limit < 1):
                raise ValueError(_("its limits are not positive whole numbers"))
        if lic.expires is not None:
            date.fromisoformat(lic.expires)
        return lic

    @property
    def issuer_fingerprint(self) -> str:
        return fingerprint(self.issuer_key)

    def expires_at(self) -> datetime | None:
        """The first instant the licence is no longer valid (the day after `expires`, 00:00 UTC)."""
        if self.expires is None:
            return None
        d = date.fromisoformat(self.expires) + timedelta(days=1)
        return datetime(d.year, d.month, d.day, tzinfo=timezone.utc)

    def to_json(self) -> dict:
        return {**asdict(self), "issuer_fingerprint": self.issuer_fingerprint}


def sign_licence(key: Ed25519PrivateKey, licence: Licence) -> bytes:
    return key.sign(MAGIC + licence.to_line())


def write_dispatch(path: Path, licence: Licence, signature: bytes, package: Path) -> None:
    """Header, then the package file's bytes (streamed), replaced atomically."""
    import os
    import shutil

    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "wb") as fh, open(package, "rb") as src:
            fh.write(MAGIC + licence.to_line() + base64.b64encode(signature) + b"\n")
            shutil.copyfileobj(src, fh, CHUNK)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def is_dispatch_file(path: Path) -> bool:
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def read_dispatch(path: Path, copy_to: Path | None = None) -> tuple[Licence, bytes]:
    """Check the file's format, its signature (by the key it names) and the package's hash, streaming the package
    (into `copy_to` when given, removed again if the check fails): (licence, signature). Whether that key is
    trusted is the caller's question. Raises DispatchError."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    name = path.name
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(MAGIC) + MAX_HEADER + 200)
            if not head.startswith(MAGIC):
                raise DispatchError(_("'{0}' is not a SCORM Desktop dispatch file.").format(name))
            rest = head[len(MAGIC):]
            end_lic = rest.find(b"\n", 0, MAX_HEADER)
            end_sig = rest.find(b"\n", end_lic + 1, end_lic + 1 + 200) if end_lic >= 0 else -1
            if end_lic < 0 or end_sig < 0:
                raise DispatchError(
                    _("'{0}' is damaged: its licence is incomplete; ask the issuer for the file again.").format(name))
            line = rest[: end_lic + 1]
            try:
                licence = Licence.from_json(json.loads(line))
                public = Ed25519PublicKey.from_public_bytes(base64.b64decode(licence.issuer_key, validate=True))
                signature = base64.b64decode(rest[end_lic + 1 : end_sig], validate=True)
            except (ValueError, TypeError) as exc:
                raise DispatchError(_("'{0}' is damaged: its licence cannot be read ({1}).").format(name, exc)) from None
            try:
                public.verify(signature, MAGIC + line)
            except InvalidSignature:
                raise DispatchError(
                    _("'{0}' was changed after the issuer signed it (its signature does not match); not imported.")
                    .format(name)
                ) from None
            fh.seek(len(MAGIC) + end_sig + 1)
            digest = hashlib.sha256()
            out = open(copy_to, "wb") if copy_to is not None else None
            try:
                while chunk := fh.read(CHUNK):
                    digest.update(chunk)
                    if out is not None:
                        out.write(chunk)
            finally:
                if out is not None:
                    out.close()
    except OSError as exc:
        raise DispatchError(_("'{0}' cannot be read ({1}).").format(name, exc.strerror or exc)) from None
    if digest.hexdigest() != licence.package_sha256:
        if copy_to is not None:
            copy_to.unlink(missing_ok=True)
        raise DispatchError(
            _("'{0}' was changed after the issuer signed it (the course does not match its licence); not imported.")
            .format(name)
        )
    return licence, signature


# -- revocation lists ---------------------------------------------------------------------------------------------------
def sign_revocations(key: Ed25519PrivateKey, issuer_key: str, revoked: dict[str, str], issued_at: str) -> dict:
    body = {"format": FORMAT, "issuer": issuer_key, "issued_at": issued_at, "revoked": dict(sorted(revoked.items()))}
    return {**body, "signature": base64.b64encode(key.sign(_canonical(body))).decode("ascii")}


def verify_revocations(doc: object, source: str) -> dict:
    """The checked list (its signature verified against the key it names). Raises DispatchError."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        assert isinstance(doc, dict)
        body = {k: v for k, v in doc.items() if k != "signature"}
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(body["issuer"], validate=True))
        public.verify(base64.b64decode(doc["signature"], validate=True), _canonical(body))
        revoked = body["revoked"]
        assert isinstance(revoked, dict) and all(isinstance(v, str) for v in revoked.values())
        for k in revoked:
            str(uuid.UUID(k))
    except InvalidSignature:
        raise DispatchError(_("{0} is not signed by the issuer it names; nothing was changed.").format(source)) from None
    except (AssertionError, KeyError, ValueError, TypeError):
        raise DispatchError(
            _("{0} is not a valid dispatch revocation list; nothing was changed.").format(source)) from None
    return body


def _canonical(body: dict) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
