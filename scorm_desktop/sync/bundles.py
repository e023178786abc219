"""Records on a USB stick: `export_records` writes the pending statements into one compressed, signed file;
`import_records` on another machine checks it and queues the statements for that machine's own sync.

File format (``.sdrecords``), four parts:

    SCORM-DESKTOP-RECORDS 1\\n
    {"device_id": ..., "public_key": <base64 Ed25519>, "created_at": ..., "count": n, "payload_sha256": ...}\\n
    <base64 Ed25519 signature of (line 1 + line 2 + payload)>\\n
    <payload: gzip of JSON lines {"id", "registration", "body"} in outbox order, then one line per pending document
     write {"document": {"kind", "activity_id", "agent_key", "agent_json", "registration", "doc_id", "op",
     "content_type", "content" (base64, null for a delete), "updated"}}; the header says "documents": n>

Signing: Ed25519 (via `cryptography`). Each device makes its key pair on first use and keeps it in the ``devices``
table. The receiving machine verifies the signature with the key in the file and pins that key to the device id the
first time it sees the device (trust on first use); a later bundle claiming the same device with another key is
refused. A MAC (HMAC) would need a secret shared in advance by every pair of machines, which a USB hand-over between
strangers' laptops cannot arrange; a signature needs nothing shared, and the pinned public keys (and fingerprints)
say which devices a site has accepted. Either way, the LRS then authenticates the machine that sends.

Importing the same bundle twice (or statements the machine already has) adds nothing: statements keep their ids.
Exporting leaves the statements pending here too: whichever machine reaches the LRS first sends them, the LRS keeps
one copy (same id, same content). Documents (State, Activity Profile, Agent Profile, from the document outbox) ride
along the same way: an imported write replaces this machine's pending write of the same document only if it is not
older (`updated`), so the latest content wins here as in the local LRS; both machines may send it, a PUT of the same
content twice leaves the LRS as it was. A version-1 reader that predates documents refuses such a file (its document
lines are not statements) rather than dropping them silently.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from ..i18n import _
from ..storage.db import utcnow
from ..storage.models import Device
from ..storage.records import Records
from ..storage.outbox import DocRow, DocumentOutbox, Outbox

if TYPE_CHECKING:  # `cryptography` loads when a key is made or used, not with the device id every start reads
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

MAGIC = b"SCORM-DESKTOP-RECORDS 1\n"
MAX_HEADER = 64 * 1024
#: Refuse payloads that decompress beyond this (a hostile or broken file must not fill the disk or memory).
MAX_PAYLOAD = 512 * 1024 * 1024


class BundleError(Exception):
    """The file is not a valid records bundle; the message says why."""


@dataclass(frozen=True)
class DeviceKey:
    device_id: str
    private: Ed25519PrivateKey

    @property
    def public_b64(self) -> str:
        return _b64(self.private.public_key().public_bytes_raw())

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_b64)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int
    device_id: str
    fingerprint: str
    #: Pending document writes carried too.
    documents: int = 0


@dataclass(frozen=True)
class ImportResult:
    count: int
    queued: int
    already_known: int
    device_id: str
    fingerprint: str
    new_device: bool
    #: Document writes in the file, and how many of them were queued here (the others were older than ours).
    documents: int = 0
    documents_queued: int = 0


def fingerprint(public_b64: str) -> str:
    """A short, readable digest of a public key, for people to compare (e.g. ``3f9a-…``)."""
    digest = hashlib.sha256(base64.b64decode(public_b64)).hexdigest()[:20]
    return "-".join(digest[i : i + 4] for i in range(0, 20, 4))


def device_key(sessions: sessionmaker) -> DeviceKey:
    """This device's id and signing key, made on first use."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    with sessions.begin() as s:
        row = s.scalars(select(Device).where(Device.is_self == 1)).first()
        if row is None:
            key = Ed25519PrivateKey.generate()
            row = Device(
                device_id=str(uuid.uuid4()),
                public_key=_b64(key.public_key().public_bytes_raw()),
                private_key=_b64(key.private_bytes_raw()),
                is_self=1,
                first_seen_at=utcnow(),
            )
            s.add(row)
            s.flush()
        return DeviceKey(row.device_id, Ed25519PrivateKey.from_private_bytes(base64.b64decode(row.private_key)))


def this_device_id(sessions: sessionmaker) -> str:
    """This installation's stable device id (the ``devices`` row with is_self = 1), its key made on first use.
    `services.open_services` calls it before any statement is built: every statement carries the id."""
    with sessions() as s:
        known = s.scalars(select(Device.device_id).where(Device.is_self == 1)).first()
    return known or device_key(sessions).device_id


def export_records(sessions: sessionmaker, path: str | os.PathLike[str]) -> ExportResult:
    """Write every pending statement to `path` (replaced atomically)."""
    key = device_key(sessions)
    outbox = Outbox(sessions)
    log_id = outbox.log_start("export", str(path))
    rows = outbox.pending()
    docs = DocumentOutbox(sessions).pending()
    lines = b"".join(
        json.dumps({"id": r.statement_id, "registration": r.registration, "body": r.body}, ensure_ascii=False).encode()
        + b"\n"
        for r in rows
    ) + b"".join(json.dumps({"document": _document_entry(d)}, ensure_ascii=False).encode() + b"\n" for d in docs)
    payload = gzip.compress(lines, mtime=0)
    header = (
        json.dumps(
            {
                "device_id": key.device_id,
                "public_key": key.public_b64,
                "created_at": utcnow(),
                "count": len(rows),
                "documents": len(docs),
                "payload_sha256": hashlib.sha256(payload).hexdigest(),
            },
            sort_keys=True,
        ).encode()
        + b"\n"
    )
    signature = key.private.sign(MAGIC + header + payload)
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    with open(tmp, "wb") as fh:
        fh.write(MAGIC + header + base64.b64encode(signature) + b"\n" + payload)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    outbox.log_finish(log_id, sent=len(rows))
    return ExportResult(target, len(rows), key.device_id, key.fingerprint, len(docs))


def read_bundle(path: str | os.PathLike[str], with_documents: bool = False) -> tuple:
    """Check a bundle's format, signature and contents; returns (header, statements), or (header, statements,
    documents) `with_documents`. Raises BundleError."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    data = Path(path).read_bytes()
    name = Path(path).name
    if not data.startswith(MAGIC):
        raise BundleError(_("{0} is not a SCORM Desktop records bundle.").format(name))
    rest = data[len(MAGIC) :]
    end_header = rest.find(b"\n", 0, MAX_HEADER)
    end_sig = rest.find(b"\n", end_header + 1, end_header + 1 + 200) if end_header >= 0 else -1
    if end_header < 0 or end_sig < 0:
        raise BundleError(_("{0} is damaged: its header is incomplete.").format(name))
    header_line = rest[: end_header + 1]
    payload = rest[end_sig + 1 :]
    try:
        header = json.loads(header_line)
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(header["public_key"], validate=True))
        signature = base64.b64decode(rest[end_header + 1 : end_sig], validate=True)
        str(uuid.UUID(header["device_id"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise BundleError(_("{0} is damaged: its header cannot be read ({1}).").format(name, exc)) from exc
    try:
        public.verify(signature, MAGIC + header_line + payload)
    except InvalidSignature:
        raise BundleError(_("{0} was changed after it was written: its signature does not match.").format(name)) from None
    if hashlib.sha256(payload).hexdigest() != header.get("payload_sha256"):
        raise BundleError(_("{0} is damaged: its contents do not match their checksum.").format(name))
    statements: list[dict] = []
    documents: list[dict] = []
    for line in _decompress(payload, name).splitlines():
        if line.strip():
            entry = _document(line, name)
            if entry is None:
                statements.append(_checked(line, name))
            else:
                documents.append(entry)
    if len(statements) != header.get("count"):
        raise BundleError(_("{0} is damaged: it says {1} statements but holds {2}.").format(
            name, header.get("count"), len(statements)))
    if len(documents) != header.get("documents", 0):
        raise BundleError(_("{0} is damaged: it says {1} documents but holds {2}.").format(
            name, header.get("documents", 0), len(documents)))
    return (header, statements, documents) if with_documents else (header, statements)


def import_records(sessions: sessionmaker, path: str | os.PathLike[str]) -> ImportResult:
    """Verify the bundle at `path` and queue its statements here (those already known are left as they are)."""
    header, statements, documents = read_bundle(path, with_documents=True)
    device_id, public_b64 = header["device_id"], header["public_key"]
    new_device = False
    with sessions.begin() as s:
        known = s.get(Device, device_id)
        if known is not None and known.public_key != public_b64:
            raise BundleError(
                _("{0} claims to come from device {1}, but is signed with another key than the "
                  "one accepted from that device before (fingerprint {2}); not imported.").format(
                    Path(path).name, device_id, fingerprint(known.public_key))
            )
        if known is None:
            other = s.scalars(select(Device).where(Device.public_key == public_b64)).first()
            if other is not None:
                raise BundleError(_("{0} reuses the key of device {1}; not imported.").format(
                    Path(path).name, other.device_id))
            s.add(Device(device_id=device_id, public_key=public_b64, is_self=0, first_seen_at=utcnow()))
            new_device = True
        queued = Records.queue_statements(
            s, [(st["id"], st["registration"], st["body"]) for st in statements], utcnow(), source=device_id
        )
        docs_queued = sum(_queue_document(s, d, device_id) for d in documents)
    outbox = Outbox(sessions)
    outbox.log_finish(outbox.log_start("import", str(path)), sent=queued)
    known_count = len(statements) - queued
    return ImportResult(len(statements), queued, known_count, device_id, fingerprint(public_b64), new_device,
                        len(documents), docs_queued)


_DOC_FIELDS = ("kind", "activity_id", "agent_key", "agent_json", "registration", "doc_id", "op", "content_type",
               "updated")


def _document_entry(row: DocRow) -> dict:
    entry = {k: getattr(row, k) for k in _DOC_FIELDS}
    entry["content"] = None if row.content is None else _b64(bytes(row.content))
    return entry


def _queue_document(s, doc: dict, device_id: str) -> bool:
    """Queue an imported document write unless this machine has a write of that document as new or newer (then
    nothing changes: importing the same file twice sends nothing twice). True if it was queued."""
    from ..storage.models import DocumentOutboxRow as T

    mine = s.execute(select(T.updated).where(
        T.kind == doc["kind"], T.activity_id == doc["activity_id"], T.agent_key == doc["agent_key"],
        T.registration == doc["registration"], T.doc_id == doc["doc_id"])).scalar()
    if mine is not None and mine >= doc["updated"]:
        return False
    DocumentOutbox.queue_document(s, doc["kind"], doc["activity_id"], doc["agent_key"], doc["agent_json"],
                                  doc["registration"], doc["doc_id"], doc["op"], doc["content_type"],
                                  doc["content"], doc["updated"], source=device_id)
    return True


def _document(line: bytes, name: str) -> dict | None:
    """A document line (None for a statement line): every field a string, the content base64 (null to delete)."""
    if not line.lstrip().startswith(b'{"document"'):
        return None
    try:
        doc = json.loads(line)["document"]
        out = {k: doc[k] for k in _DOC_FIELDS}
        if not all(isinstance(v, str) for v in out.values()) or out["op"] not in ("put", "delete") or \
                out["kind"] not in ("state", "activity_profile", "agent_profile") or not out["doc_id"]:
            raise ValueError(_("a field is missing or of the wrong kind"))
        if out["agent_json"] and not isinstance(json.loads(out["agent_json"]), dict):
            raise ValueError(_("the agent is not a JSON object"))
        out["content"] = None if doc["content"] is None else base64.b64decode(doc["content"], validate=True)
        if (out["content"] is None) != (out["op"] == "delete"):
            raise ValueError(_("a document write needs its content, a delete none"))
    except (ValueError, KeyError, TypeError) as exc:
        raise BundleError(_("{0} holds a document that is not valid ({1}).").format(name, exc)) from exc
    return out


def _decompress(payload: bytes, name: str) -> bytes:
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(payload)) as gz:
            while chunk := gz.read(1 << 20):
                out.write(chunk)
                if out.tell() > MAX_PAYLOAD:
                    raise BundleError(_("{0} is too large once unpacked (over {1} MB).").format(
                        name, MAX_PAYLOAD // 2**20))
    except (OSError, EOFError) as exc:
        raise BundleError(_("{0} is damaged: its contents cannot be unpacked ({1}).").format(name, exc)) from exc
    return out.getvalue()


def _checked(line: bytes, name: str) -> dict:
    """One statement line: a UUID id and registration, and a JSON object body that carries the same id."""
    try:
        entry = json.loads(line)
        sid = str(uuid.UUID(entry["id"]))
        reg = str(uuid.UUID(entry["registration"]))
        body = entry["body"]
        statement = json.loads(body)
        if not isinstance(statement, dict) or str(uuid.UUID(statement["id"])) != sid:
            raise ValueError(_("the statement's id does not match"))
    except (ValueError, KeyError, TypeError) as exc:
        raise BundleError(_("{0} holds a statement that is not valid ({1}).").format(name, exc)) from exc
    return {"id": sid, "registration": reg, "body": body}


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
