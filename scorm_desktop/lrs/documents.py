"""State, Activity Profile and Agent Profile documents of the local LRS, with xAPI 1.0.3 concurrency: every single
document has an ETag; If-Match / If-None-Match are honoured (412 when they do not hold); a profile PUT that would
overwrite without either header is refused (409); POST merges JSON objects. Every write or delete made by a principal
whose records are forwarded is queued in the document outbox in the same transaction (`storage/outbox.py`
`DocumentOutbox`: the whole document as it now is, latest wins), which sync sends to the central LRS."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import delete, select

from ..storage.db import utcnow
from ..storage.models import LrsDocument
from ..storage.outbox import DocumentOutbox
from .http import HttpError, Request, Response, json_response
from .validate import Invalid, agent_key, check_agent, check_timestamp, is_iri, is_uuid

STATE, ACTIVITY_PROFILE, AGENT_PROFILE = "state", "activity_profile", "agent_profile"
#: resource path → (kind, id parameter, required parameters)
RESOURCES = {
    "activities/state": (STATE, "stateId", ("activityId", "agent")),
    "activities/profile": (ACTIVITY_PROFILE, "profileId", ("activityId",)),
    "agents/profile": (AGENT_PROFILE, "profileId", ("agent",)),
}
_ALLOWED = {"activityId", "agent", "registration", "stateId", "profileId", "since"}


def etag(content: bytes) -> str:
    return '"' + hashlib.sha1(content).hexdigest() + '"'


class Scope:
    """Which documents a request addresses: kind, activity, agent, registration, and the document id (or None)."""

    def __init__(self, kind: str, query: dict[str, str], id_param: str, required: tuple[str, ...]) -> None:
        unknown = set(query) - _ALLOWED
        if unknown:
            raise HttpError(400, f"The parameter '{sorted(unknown)[0]}' is not allowed here.")
        for name in required:
            if name not in query:
                raise HttpError(400, f"The parameter {name} is required.")
        self.kind = kind
        self.activity_id = query.get("activityId", "")
        if "activityId" in required and not is_iri(self.activity_id):
            raise HttpError(400, f"The activityId {self.activity_id!r} is not an IRI.")
        self.agent: dict | None = None
        self.agent_key = ""
        if "agent" in required:
            try:
                self.agent = check_agent(json.loads(query["agent"]), "The agent parameter")
            except (ValueError, Invalid) as exc:
                raise HttpError(400, f"The agent parameter is not a valid agent ({exc}).") from None
            self.agent_key = agent_key(self.agent)
        self.registration = ""
        if "registration" in query:
            if kind != STATE:
                raise HttpError(400, "The parameter registration is only for the State resource.")
            if not is_uuid(query["registration"]):
                raise HttpError(400, "The registration parameter must be a UUID.")
            self.registration = query["registration"].lower()
        self.doc_id = query.get(id_param)
        self.since = query.get("since")
        if self.since is not None:
            try:
                check_timestamp(self.since, "The since parameter")
            except Invalid as exc:
                raise HttpError(400, str(exc)) from None

    def where(self, with_id: bool = True):
        t = LrsDocument
        clauses = [t.kind == self.kind, t.activity_id == self.activity_id, t.agent_key == self.agent_key]
        if self.kind == STATE and (self.registration or with_id):
            clauses.append(t.registration == self.registration)
        if with_id:
            clauses.append(t.doc_id == self.doc_id)
        return clauses


def _check_preconditions(req: Request, existing: LrsDocument | None, profile: bool) -> None:
    if_match = req.header("if-match")
    if_none = req.header("if-none-match")
    if if_match is not None:
        tags = [t.strip() for t in if_match.split(",")]
        if existing is None or ("*" not in tags and existing.etag not in tags):
            raise HttpError(412, "The document changed since it was read (If-Match does not hold).")
    if if_none is not None and if_none.strip() == "*" and existing is not None:
        raise HttpError(412, "The document already exists (If-None-Match: * does not hold).")
    if profile and req.method == "PUT" and existing is not None and if_match is None and if_none is None:
        raise HttpError(409, "The document exists; send If-Match with its ETag (or If-None-Match) to replace it.")


def handle(s, req: Request, kind: str, id_param: str, required: tuple[str, ...], forward: bool) -> Response:
    scope = Scope(kind, req.query, id_param, required)
    t = LrsDocument
    if req.method == "GET":
        if scope.doc_id is not None:
            row = s.scalars(select(t).where(*scope.where())).first()
            if row is None:
                raise HttpError(404, f"There is no document '{scope.doc_id}' here.")
            return Response(200, {"Content-Type": row.content_type, "ETag": row.etag, "Last-Modified": row.updated},
                            bytes(row.content))
        q = select(t.doc_id).where(*scope.where(with_id=False))
        if scope.since:
            q = q.where(t.updated > scope.since)
        return json_response(200, list(s.scalars(q.order_by(t.doc_id))))
    if req.method == "DELETE":
        if scope.doc_id is None:
            if kind != STATE:
                raise HttpError(400, f"The parameter {id_param} is required to delete a profile.")
            if forward:
                for row in s.scalars(select(t).where(*scope.where(with_id=False))):
                    _queue(s, row, scope.agent, "delete")
            s.execute(delete(t).where(*scope.where(with_id=False)))
            return Response(204)
        existing = s.scalars(select(t).where(*scope.where())).first()
        _check_preconditions(req, existing, profile=False)
        if existing is not None:
            if forward:
                _queue(s, existing, scope.agent, "delete")
            s.delete(existing)
        return Response(204)
    if req.method not in ("PUT", "POST"):
        raise HttpError(405, f"{req.method} is not allowed on this resource.")
    if scope.doc_id is None:
        raise HttpError(400, f"The parameter {id_param} is required.")
    existing = s.scalars(select(t).where(*scope.where())).first()
    _check_preconditions(req, existing, profile=kind != STATE)
    content, ctype = req.body, req.content_type or "application/octet-stream"
    if req.method == "POST":
        content, ctype = _merge(existing, content, ctype)
    now = utcnow()
    if existing is None:
        existing = LrsDocument(kind=kind, activity_id=scope.activity_id, agent_key=scope.agent_key,
                               registration=scope.registration, doc_id=scope.doc_id, content_type=ctype,
                               content=content, etag=etag(content), updated=now, forwarded=1 if forward else 0)
        s.add(existing)
    else:
        existing.content, existing.content_type, existing.etag, existing.updated = content, ctype, etag(content), now
    if forward:
        _queue(s, existing, scope.agent, "put")
    return Response(204, {"ETag": etag(content)})


def _queue(s, row: LrsDocument, agent: dict | None, op: str) -> None:
    """Queue this document's new state (its whole content, or its deletion) for the central LRS."""
    put = op == "put"
    DocumentOutbox.queue_document(
        s, row.kind, row.activity_id, row.agent_key, json.dumps(agent, ensure_ascii=False) if agent else "",
        row.registration, row.doc_id, op, row.content_type if put else "", bytes(row.content) if put else None,
        row.updated if put else utcnow())


def _merge(existing: LrsDocument | None, content: bytes, ctype: str) -> tuple[bytes, str]:
    """POST: a JSON object merged into the stored JSON object (top-level properties replaced)."""
    if ctype != "application/json":
        raise HttpError(400, "POST to a document needs Content-Type application/json.")
    new = _json_object(content, "The posted document")
    if existing is None:
        return content, ctype
    if existing.content_type != "application/json":
        raise HttpError(400, "The stored document is not JSON, so it cannot be merged.")
    merged: dict[str, Any] = {**_json_object(bytes(existing.content), "The stored document"), **new}
    return json.dumps(merged, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), ctype


def _json_object(content: bytes, what: str) -> dict:
    try:
        value = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise HttpError(400, f"{what} is not valid JSON.") from None
    if not isinstance(value, dict):
        raise HttpError(400, f"{what} is not a JSON object, so it cannot be merged.")
    return value


def put_document(s, kind: str, activity_id: str, agent: dict | None, registration: str, doc_id: str, data: Any,
                 forward: bool = True) -> None:
    """Write a JSON document directly (the LMS's own LMS.LaunchData, cmi5LearnerPreferences), in the caller's
    transaction."""
    content = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    key = agent_key(agent) if agent else ""
    t = LrsDocument
    row = s.scalars(select(t).where(t.kind == kind, t.activity_id == activity_id, t.agent_key == key,
                                    t.registration == registration, t.doc_id == doc_id)).first()
    if row is None:
        row = LrsDocument(kind=kind, activity_id=activity_id, agent_key=key, registration=registration, doc_id=doc_id,
                          content_type="application/json", content=content, etag=etag(content), updated=utcnow(),
                          forwarded=1 if forward else 0)
        s.add(row)
    else:
        row.content, row.etag, row.updated = content, etag(content), utcnow()
    if forward:
        _queue(s, row, agent, "put")
