"""Dispatch and the central LRS (the only server): the revocation list as an xAPI Activity Profile document, and the
statements of a dispatch read back for the report.

The revocation list of an issuer lives at ``activities/profile?activityId=<issuer IRI>&profileId=<PROFILE_ID>``;
the issuer IRI carries the key's fingerprint, so a device asks for the lists of the issuers it trusts, and checks the
signature with the key it already has (the LRS is a mailbox, not an authority).

Not every LRS offers the document resources (a statements-only service answers 404 or 405 to them), so the same
signed list is also posted as a statement (verb `REVOKED_VERB`, object the issuer activity, the list in a result
extension); a device applies whatever it finds in either place. Lists are cumulative and each is verified, so
applying both, or an older one, is harmless.
"""

from __future__ import annotations

import json
import logging
import uuid

import httpx
from sqlalchemy.orm import sessionmaker

from ..storage.dispatch_sequence import catch_up
from ..sync.bundles import fingerprint
from ..sync.settings import SyncSettings, xapi_base
from ..xapi.vocab import XAPI_VERSION
from .licence import DispatchError
from .store import DISPATCH_ACTIVITY, apply_revocations, trusted

log = logging.getLogger(__name__)

ISSUER_ACTIVITY = "https://w3id.org/xapi/scorm-desktop/dispatch-issuer/"
PROFILE_ID = "https://w3id.org/xapi/scorm-desktop/dispatch-revocations"
REVOKED_VERB = "https://w3id.org/xapi/scorm-desktop/verbs/revoked-dispatches"


def issuer_activity(public_b64: str) -> str:
    return ISSUER_ACTIVITY + fingerprint(public_b64)


def _client(cfg: SyncSettings, password: str | None) -> httpx.Client:
    if not cfg.endpoint:
        raise DispatchError("No LRS is set: give --endpoint (the LRS's xAPI base URL) or set it in the sync settings.")
    auth = httpx.BasicAuth(cfg.username, password or "") if cfg.username else None
    return httpx.Client(
        base_url=xapi_base(cfg.endpoint), auth=auth, headers={"X-Experience-API-Version": XAPI_VERSION},
        timeout=cfg.timeout, verify=cfg.ca_file or True, follow_redirects=False,
    )


class RemoteError(DispatchError):
    """The LRS could not be reached or refused the request (not a refusal of the user's input)."""


def _failed(what: str, exc: Exception | httpx.Response) -> DispatchError:
    detail = f"HTTP {exc.status_code}" if isinstance(exc, httpx.Response) else type(exc).__name__
    return RemoteError(f"The LRS could not {what} ({detail}); nothing was lost, try again when it is reachable.")


def publish_revocations(cfg: SyncSettings, password: str | None, doc: dict) -> None:
    """PUT the signed list as the issuer's Activity Profile document (with the concurrency headers xAPI asks for)."""
    params = {"activityId": issuer_activity(doc["issuer"]), "profileId": PROFILE_ID}
    try:
        with _client(cfg, password) as http:
            current = http.get("activities/profile", params=params)
            headers = {"Content-Type": "application/json"}
            if current.status_code == 200 and current.headers.get("ETag"):
                headers["If-Match"] = current.headers["ETag"]
            elif current.status_code == 404:
                headers["If-None-Match"] = "*"
            r = http.put("activities/profile", params=params, content=json.dumps(doc).encode(), headers=headers)
            as_document = r.status_code in (200, 204)
            s = http.post("statements", json=[revocation_statement(doc)])
    except httpx.HTTPError as exc:
        raise _failed("store the revocation list", exc) from None
    if s.status_code not in (200, 204) and not as_document:
        raise _failed("store the revocation list", s)


def revocation_statement(doc: dict) -> dict:
    """The signed list as a statement (for LRSs without the Activity Profile resource); its id is derived from the
    list, so publishing the same list twice is one statement."""
    activity = issuer_activity(doc["issuer"])
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{activity}/{doc['issued_at']}/{doc['signature']}")),
        "actor": {"objectType": "Agent", "account": {"homePage": ISSUER_ACTIVITY, "name": fingerprint(doc["issuer"])}},
        "verb": {"id": REVOKED_VERB, "display": {"en-US": "revoked dispatches"}},
        "object": {"objectType": "Activity", "id": activity},
        "result": {"extensions": {PROFILE_ID: doc}},
        "timestamp": doc["issued_at"],
    }


def fetch_revocation_lists(cfg: SyncSettings, password: str | None, public_b64: str) -> list[object]:
    """The issuer's lists the LRS holds: the Activity Profile document and the newest revocation statement."""
    activity = issuer_activity(public_b64)
    found: list[object] = []
    try:
        with _client(cfg, password) as http:
            r = http.get("activities/profile", params={"activityId": activity, "profileId": PROFILE_ID})
            if r.status_code == 200:
                found.append(_json(r))
            st = http.get("statements", params={"activity": activity, "verb": REVOKED_VERB, "limit": 1})
    except httpx.HTTPError as exc:
        raise _failed("be asked for revocations", exc) from None
    if st.status_code != 200:
        raise _failed("be asked for revocations", st)
    for statement in (_json(st) or {}).get("statements", []):
        found.append(((statement.get("result") or {}).get("extensions") or {}).get(PROFILE_ID))
    return found


def _json(r: httpx.Response):
    try:
        return r.json()
    except ValueError:
        return {}


def refresh_revocations(sessions: sessionmaker, cfg: SyncSettings, password: str | None) -> list[str]:
    """At each sync: fetch the lists of every trusted issuer and apply them; returns the dispatch ids newly revoked.
    A failure is logged, never fatal to the sync (the records still go out). First, before anything is sent, the
    statement counters kept beside the database catch up with it (see `storage/dispatch_sequence.py`)."""
    catch_up(sessions)
    added: list[str] = []
    for key in trusted(sessions):
        try:
            for doc in fetch_revocation_lists(cfg, password, key):
                added += apply_revocations(sessions, doc, "The revocation list on the LRS")
        except DispatchError as exc:
            log.warning("dispatch revocations from issuer %s: %s", fingerprint(key), exc)
    return added


def dispatch_statements(cfg: SyncSettings, password: str | None, dispatch_id: str) -> list[dict]:
    """Every statement grouped under the dispatch (GET statements?activity=…&related_activities=true, following
    `more`)."""
    out: list[dict] = []
    params: dict | None = {"activity": DISPATCH_ACTIVITY + dispatch_id, "related_activities": "true", "limit": 500}
    url = "statements"
    try:
        with _client(cfg, password) as http:
            while url:
                r = http.get(url, params=params)
                if r.status_code != 200:
                    raise _failed("send the statements back", r)
                data = r.json()
                out += data.get("statements", [])
                more = data.get("more") or ""
                url = str(httpx.URL(xapi_base(cfg.endpoint)).join(more)) if more else ""
                params = None
    except httpx.HTTPError as exc:
        raise _failed("send the statements back", exc) from None
    return out
