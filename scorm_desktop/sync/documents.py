"""Forwarding the local LRS's documents (State, Activity Profile, Agent Profile) to the central LRS, after the
statements of a sync run, from the document outbox (`storage/outbox.py` `DocumentOutbox`).

xAPI 1.0.3 document semantics, per document key (resource, activity, agent, registration, stateId/profileId):
- a write is sent as the whole document as last written, with PUT (latest content wins; POST's merge would keep keys
  the AU removed). A State PUT needs no precondition. A profile PUT must carry one (an LRS answers 409 otherwise):
  `If-None-Match: *` first; when the document exists there (412), its ETag is read (GET) and the PUT is sent again
  with `If-Match: <that ETag>`; a third party writing between the two makes it 412 again, retried a few times.
- a delete is sent as DELETE; 404 (already gone) counts as done.
- 2xx: the row is marked sent, unless the document was written again while on the wire (its revision moved on: that
  write stays pending and goes next). 400/413/422: quarantined with the LRS's reason, like statements (shown, never
  dropped; `sync --retry-quarantined` puts them back). 429/5xx/network: the row stays pending and the run backs off
  as for statements, within the same `max_wait`. 401/403/404 end the run (404: the endpoint has no such resource).
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime, timedelta, timezone

import httpx

from ..storage.outbox import DocRow, DocumentOutbox
from . import client as lrs

log = logging.getLogger(__name__)

#: document kind → (resource path, id parameter, takes activityId, takes agent)
RESOURCES = {
    "state": ("activities/state", "stateId", True, True),
    "activity_profile": ("activities/profile", "profileId", True, False),
    "agent_profile": ("agents/profile", "profileId", False, True),
}
BATCH = 100
#: How many times a profile PUT is tried again when another writer changes the document between GET and PUT.
PRECONDITION_TRIES = 3


def params_of(row: DocRow) -> dict[str, str]:
    path, id_param, with_activity, with_agent = RESOURCES[row.kind]
    params = {id_param: row.doc_id}
    if with_activity:
        params["activityId"] = row.activity_id
    if with_agent:
        params["agent"] = row.agent_json
    if row.kind == "state" and row.registration:
        params["registration"] = row.registration
    return params


class DocumentSender:
    """Sends one document write over the sync client's HTTP connection (same credentials, TLS and time-outs)."""

    def __init__(self, client: lrs.LrsClient) -> None:
        self.client = client
        self.base = client.url[: -len("statements")]
        self.requests = 0

    def send(self, row: DocRow) -> lrs.Answer:
        path = RESOURCES[row.kind][0]
        try:
            if row.op == "delete":
                resp = self._request("DELETE", path, row)
                return lrs.Answer(lrs.OK, resp.status_code) if resp.status_code == 404 else self._classify(resp, path)
            if row.kind == "state":
                return self._classify(self._put(path, row, {}), path)
            resp = self._put(path, row, {"If-None-Match": "*"})
            for _ in range(PRECONDITION_TRIES):
                if resp.status_code != 412:
                    break
                current = self._request("GET", path, row)
                if current.status_code == 404:  # deleted meanwhile: create it
                    resp = self._put(path, row, {"If-None-Match": "*"})
                    continue
                if current.status_code != 200:
                    return self._classify(current, path)
                tag = current.headers.get("ETag") or '"' + hashlib.sha1(current.content).hexdigest() + '"'
                resp = self._put(path, row, {"If-Match": tag})
            if resp.status_code in (409, 412):
                return lrs.Answer(lrs.RETRY, resp.status_code,
                                  f"HTTP {resp.status_code}: the document {row.doc_id!r} kept changing at the LRS")
            return self._classify(resp, path)
        except httpx.TimeoutException as exc:
            return lrs.Answer(lrs.RETRY, None, f"the LRS did not answer in time ({type(exc).__name__})")
        except httpx.TransportError as exc:
            return lrs.Answer(lrs.RETRY, None, f"the LRS could not be reached ({type(exc).__name__}: {exc})")

    def _put(self, path: str, row: DocRow, headers: dict[str, str]) -> httpx.Response:
        return self._request("PUT", path, row, {"Content-Type": row.content_type or "application/octet-stream",
                                                **headers}, row.content or b"")

    def _request(self, method: str, path: str, row: DocRow, headers: dict[str, str] | None = None,
                 content: bytes | None = None) -> httpx.Response:
        self.requests += 1
        return self.client.http.request(method, self.base + path, params=params_of(row), headers=headers,
                                        content=content, timeout=self.client._timeout())

    @staticmethod
    def _classify(resp: httpx.Response, path: str) -> lrs.Answer:
        if resp.status_code == 404:
            return lrs.Answer(lrs.FATAL, 404, f"the endpoint has no xAPI {path} resource (HTTP 404): check the "
                                              "endpoint URL")
        answer = lrs.classify(resp)
        return lrs.Answer(lrs.REFUSED, answer.status, answer.message) if answer.kind in (lrs.CONFLICT, lrs.TOO_LARGE) \
            else answer


def send_documents(engine, client: lrs.LrsClient, report) -> lrs.Answer | None:
    """Send every pending document write, oldest first. Returns the problem that ended the run early, if any; the
    counts go into `report` (documents_sent, refused, requests). `engine` gives stop, sleep, clock, backoff and the
    run's deadline."""
    outbox = DocumentOutbox(engine.outbox.sessions)
    sender = DocumentSender(client)
    failures, after = 0, 0
    try:
        while not engine.stop.is_set():
            rows = outbox.pending_batch(BATCH, after)
            if not rows:
                if after == 0:
                    return None
                after = 0  # one more pass from the start: writes made while this pass ran keep their row
                continue
            for row in rows:
                if engine.stop.is_set():
                    break
                answer = sender.send(row)
                if answer.kind in (lrs.OK, lrs.REFUSED):
                    failures, after = 0, row.id
                    if answer.kind == lrs.OK:
                        report.documents_sent += outbox.mark_sent(row)
                        continue
                    why = answer.message or f"HTTP {answer.status}"
                    if outbox.mark_refused(row, why):
                        report.refused.append({"id": row.doc_id, "kind": row.kind, "state": "quarantined",
                                               "reason": why})
                        log.warning("document %s %s quarantined: %s", row.kind, row.doc_id, why)
                    continue
                if answer.kind == lrs.FATAL:
                    return answer
                failures += 1
                delay = answer.retry_after if answer.retry_after is not None else engine.backoff(failures)
                due = datetime.now(timezone.utc) + timedelta(seconds=delay)
                outbox.note_failure(row, answer.message, due.isoformat(timespec="milliseconds")[:23] + "Z")
                if engine.clock() + delay > engine.deadline:
                    log.warning("sync paused, documents stay queued: %s", answer.message)
                    return answer
                log.info("sync: %s; trying the documents again in %.1f s", answer.message, delay)
                engine.sleep(delay)
                after = row.id - 1  # this row again, first
                break
        return None
    finally:
        report.requests += sender.requests
