"""The local LRS: one function from a request to an answer, over SQLite.

`LRS.handle(Request)` serves xAPI 1.0.3 (about, statements, activities/state, activities/profile, agents/profile,
activities, agents) with the version header, credentials resolved by the caller's `authenticate`, CORS for the one
origin allowed, and each request in one transaction. A `Principal` says who is calling: the name in the authority,
whether what it stores is forwarded to the central LRS (a trainer's preview is not), and an optional `policy`
(the cmi5 LMS rules) that may refuse statements and documents before anything is written and react after.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from ..storage.db import utcnow
from ..storage.models import LrsStatement
from . import documents, statements
from .http import XAPI_VERSION, HttpError, Request, Response, error_response, json_response, parse_json
from .validate import Invalid, check_agent, is_iri

log = logging.getLogger(__name__)

_VERSION = re.compile(r"^1\.0(\.\d+)?$")
_CORS_HEADERS = "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match"
_EXPOSED = "ETag, Last-Modified, X-Experience-API-Version, X-Experience-API-Consistent-Through"


class Policy(Protocol):
    """Rules on top of the LRS (cmi5). Each hook runs inside the request's transaction; raising HttpError refuses
    the request and nothing of it is written."""

    def check_statements(self, s, statements: list[dict]) -> None: ...

    def after_statements(self, s, statements: list[dict]) -> None: ...

    def check_document(self, s, req: Request, kind: str) -> None: ...


@dataclass
class Principal:
    name: str
    forward: bool = True
    policy: Policy | None = None


class LRS:
    def __init__(
        self,
        sessions: sessionmaker,
        authenticate: Callable[[str | None], Principal | None],
        base_path: str = "",
        allowed_origin: str | None = None,
    ) -> None:
        self.sessions = sessions
        self.authenticate = authenticate
        #: Writes are serialised so that each request's checks and its writes see one state: two "passed" sent at
        #: once must not both pass the once-per-registration rule before either is stored.
        self._write_lock = threading.Lock()
        self.base_path = base_path
        #: The course origins (e.g. "course://c7") whose pages may call this LRS from the browser; the player adds
        #: the origin of the course it launches.
        self.allowed_origins: set[str] = {allowed_origin} if allowed_origin else set()

    @staticmethod
    def cors_headers(origin: str) -> dict[str, str]:
        return {
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Allow-Headers": _CORS_HEADERS,
            "Access-Control-Allow-Methods": "GET, PUT, POST, DELETE, OPTIONS",
            "Access-Control-Expose-Headers": _EXPOSED,
            "Access-Control-Allow-Private-Network": "true",
            "Vary": "Origin",
        }

    # -- entry point ---------------------------------------------------------------------------------------------
    def handle(self, req: Request) -> Response:
        try:
            if req.method in ("GET", "HEAD", "OPTIONS"):
                resp = self._dispatch(req)
            else:
                with self._write_lock:
                    resp = self._dispatch(req)
        except HttpError as exc:
            log.info("local LRS refused %s %s: %s %s", req.method, req.path, exc.status, exc.reason)
            resp = error_response(exc)
        resp.headers["X-Experience-API-Version"] = XAPI_VERSION
        origin = req.header("origin")
        if origin and origin in self.allowed_origins:
            resp.headers.update(self.cors_headers(origin))
        return resp

    def _dispatch(self, req: Request) -> Response:
        if req.method == "OPTIONS":
            return Response(204)
        if req.path == "about":
            if req.method != "GET":
                raise HttpError(405, "The about resource only answers GET.")
            return json_response(200, {"version": [XAPI_VERSION]})
        version = req.header("x-experience-api-version")
        if version is None:
            raise HttpError(400, "The request has no X-Experience-API-Version header.")
        if not _VERSION.match(version.strip()):
            raise HttpError(400, f"The xAPI version {version!r} is not supported; this LRS speaks 1.0.3.")
        principal = self.authenticate(req.header("authorization"))
        if principal is None:
            raise HttpError(401, "The request has no valid credentials for this LRS.")
        if req.path == "statements":
            return self._statements(req, principal)
        if req.path in documents.RESOURCES:
            kind, id_param, required = documents.RESOURCES[req.path]
            with self.sessions.begin() as s:
                if principal.policy is not None:
                    principal.policy.check_document(s, req, kind)
                return documents.handle(s, req, kind, id_param, required, principal.forward)
        if req.path in ("activities", "agents") and req.method == "GET":
            return self._person_or_activity(req)
        raise HttpError(404, f"This LRS has no resource '{req.path}'.")

    # -- statements ----------------------------------------------------------------------------------------------
    def _statements(self, req: Request, principal: Principal) -> Response:
        if req.method == "GET":
            with self.sessions() as s:
                consistent = {"X-Experience-API-Consistent-Through": utcnow()}
                if "statementId" in req.query or "voidedStatementId" in req.query:
                    return json_response(200, statements.get_one(s, req.query), consistent)
                return json_response(200, statements.query_statements(s, req.query, self.base_path), consistent)
        if req.method not in ("PUT", "POST"):
            raise HttpError(405, f"{req.method} is not allowed on statements.")
        if req.content_type != "application/json":
            raise HttpError(400, "Statements must be sent as application/json (attachments are not accepted here).")
        data = parse_json(req.body, "statement")
        now = utcnow()
        if req.method == "PUT":
            sid = req.query.get("statementId")
            if sid is None or set(req.query) - {"statementId"}:
                raise HttpError(400, "PUT statements needs exactly the statementId parameter.")
            if not isinstance(data, dict):
                raise HttpError(400, "PUT statements takes one statement, not a list.")
            if "id" in data and str(data["id"]).lower() != sid.lower():
                raise HttpError(400, "The statement's id differs from the statementId parameter.")
            data = {**data, "id": sid}
            batch = [data]
        else:
            batch = data if isinstance(data, list) else [data]
            if not batch:
                raise HttpError(400, "The list of statements is empty.")
        prepared = [statements.prepare(st, now) for st in batch]
        with self.sessions.begin() as s:
            if principal.policy is not None:
                principal.policy.check_statements(s, prepared)
            ids = statements.store_statements(s, prepared, principal.name, principal.forward, now)
            if principal.policy is not None:
                principal.policy.after_statements(s, prepared)
        after_commit = getattr(principal.policy, "after_commit", None)
        if after_commit is not None:
            after_commit(prepared)
        return Response(204) if req.method == "PUT" else json_response(200, ids)

    # -- activities and agents -----------------------------------------------------------------------------------
    def _person_or_activity(self, req: Request) -> Response:
        if req.path == "activities":
            aid = req.query.get("activityId", "")
            if not is_iri(aid):
                raise HttpError(400, "The activityId parameter must be an IRI.")
            definition: dict[str, Any] = {}
            with self.sessions() as s:
                rows = s.scalars(select(LrsStatement.body).where(LrsStatement.activity_id == aid)
                                 .order_by(LrsStatement.pk))
                for body in rows:
                    definition.update(json.loads(body)["object"].get("definition") or {})
            out = {"objectType": "Activity", "id": aid}
            if definition:
                out["definition"] = definition
            return json_response(200, out)
        try:
            agent = check_agent(json.loads(req.query.get("agent", "")), "The agent parameter", group_ok=False)
        except (ValueError, Invalid) as exc:
            raise HttpError(400, f"The agent parameter is not a valid agent ({exc}).") from None
        person: dict[str, Any] = {"objectType": "Person"}
        for key in ("name", "mbox", "mbox_sha1sum", "openid", "account"):
            if key in agent:
                person[key] = [agent[key]]
        return json_response(200, person)
