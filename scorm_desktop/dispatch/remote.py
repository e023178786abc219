"""Dispatch and the central LRS (the only server): the revocation list as an xAPI Activity Profile document, and the
statements of a dispatch read back for the report.

The revocation list of an issuer lives at ``activities/profile?activityId=<issuer IRI>&profileId=<PROFILE_ID>``;
the issuer IRI carries the key's fingerprint, so a device asks for the lists of the issuers it trusts, and checks the
signature with the key it already has (the LRS is a mailbox, not an authority).
"""

from __future__ import annotations

import json
import logging

import httpx
from sqlalchemy.orm import sessionmaker

from ..sync.bundles import fingerprint
from ..sync.settings import SyncSettings, xapi_base
from ..xapi.vocab import XAPI_VERSION
from .licence import DispatchError
from .store import DISPATCH_ACTIVITY, apply_revocations, trusted

log = logging.getLogger(__name__)

ISSUER_ACTIVITY = "https://w3id.org/xapi/scorm-desktop/dispatch-issuer/"
PROFILE_ID = "https://w3id.org/xapi/scorm-desktop/dispatch-revocations"


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


def _failed(what: str, exc: Exception | httpx.Response) -> DispatchError:
    detail = f"HTTP {exc.status_code}" if isinstance(exc, httpx.Response) else type(exc).__name__
    return DispatchError(f"The LRS could not {what} ({detail}); nothing was lost, try again when it is reachable.")


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
    except httpx.HTTPError as exc:
        raise _failed("store the revocation list", exc) from None
    if r.status_code not in (200, 204):
        raise _failed("store the revocation list", r)


def fetch_revocations(cfg: SyncSettings, password: str | None, public_b64: str) -> object | None:
    """The issuer's list as the LRS holds it (None when it has none)."""
    params = {"activityId": issuer_activity(public_b64), "profileId": PROFILE_ID}
    try:
        with _client(cfg, password) as http:
            r = http.get("activities/profile", params=params)
    except httpx.HTTPError as exc:
        raise _failed("be asked for revocations", exc) from None
    if r.status_code == 404:
        return None
    if r.status_code != 200:
        raise _failed("be asked for revocations", r)
    try:
        return r.json()
    except ValueError:
        return {}


def refresh_revocations(sessions: sessionmaker, cfg: SyncSettings, password: str | None) -> list[str]:
    """At each sync: fetch the lists of every trusted issuer and apply them; returns the dispatch ids newly revoked.
    A failure is logged, never fatal to the sync (the records still go out)."""
    added: list[str] = []
    for key in trusted(sessions):
        try:
            doc = fetch_revocations(cfg, password, key)
            if doc is not None:
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
