"""The LRS's statements resource over HTTP: one POST per batch, every answer sorted into what sync does next."""

from __future__ import annotations

import email.utils
import json
import math
import time
from dataclasses import dataclass

import httpx

from ..i18n import _
from ..xapi.vocab import XAPI_VERSION
from .settings import SyncSettings

#: What an answer means for the batch.
OK = "ok"  # 200/204: the LRS has every statement of the batch
CONFLICT = "conflict"  # 409: it holds a different statement with one of these ids
REFUSED = "refused"  # 400/422: one or more statements are invalid
TOO_LARGE = "too-large"  # 413
RETRY = "retry"  # 429, 5xx, time-outs, dropped connections: try again later
FATAL = "fatal"  # 401/403/404 ...: nothing will work until the settings change


@dataclass(frozen=True)
class Answer:
    kind: str
    status: int | None
    message: str = ""
    #: Seconds the LRS asked us to wait (Retry-After), if it said.
    retry_after: float | None = None


class LrsClient:
    def __init__(
        self, cfg: SyncSettings, password: str | None, transport: httpx.BaseTransport | None = None,
        deadline: float | None = None,
    ) -> None:
        auth = httpx.BasicAuth(cfg.username, password or "") if cfg.username else None
        self.url = cfg.statements_url
        self.timeout = cfg.timeout
        #: time.monotonic() after which no request may still be waiting (None: only the per-request time-out).
        self.deadline = deadline if deadline is not None and math.isfinite(deadline) else None
        self.http = httpx.Client(
            auth=auth,
            headers={"X-Experience-API-Version": XAPI_VERSION, "Content-Type": "application/json"},
            timeout=cfg.timeout,
            verify=cfg.ca_file or True,  # TLS verification is always on; a private CA is added, never bypassed
            transport=transport,
            follow_redirects=False,
        )

    def close(self) -> None:
        self.http.close()

    def post(self, bodies: list[str]) -> Answer:
        """POST the statements (JSON texts, sent as stored) as one array."""
        payload = ("[" + ",".join(bodies) + "]").encode("utf-8")
        try:
            resp = self.http.post(self.url, content=payload, timeout=self._timeout())
        except httpx.TimeoutException as exc:
            return Answer(RETRY, None, _("the LRS did not answer in time ({0})").format(type(exc).__name__))
        except httpx.TransportError as exc:
            return Answer(RETRY, None, _("the LRS could not be reached ({0})").format(f"{type(exc).__name__}: {exc}"))
        return classify(resp)

    def _timeout(self) -> float:
        """The per-request time-out, shortened so that no request outlasts the deadline."""
        if self.deadline is None:
            return self.timeout
        return max(0.1, min(self.timeout, self.deadline - time.monotonic()))

    def about(self) -> Answer:
        """GET /about: is the LRS there (for a reachability indicator)?"""
        try:
            resp = self.http.get(self.url[: -len("statements")] + "about")
        except httpx.HTTPError as exc:
            return Answer(RETRY, None, _("the LRS could not be reached ({0})").format(type(exc).__name__))
        return Answer(OK, resp.status_code) if resp.status_code == 200 else classify(resp)


def classify(resp: httpx.Response) -> Answer:
    code = resp.status_code
    if code in (200, 204):
        return Answer(OK, code)
    message = reason(resp)
    if code == 409:
        return Answer(CONFLICT, code, message)
    if code in (400, 422):
        return Answer(REFUSED, code, message)
    if code == 413:
        return Answer(TOO_LARGE, code, message)
    if code == 429 or code == 408 or code >= 500:
        return Answer(RETRY, code, f"HTTP {code}: {message}", retry_after(resp.headers.get("Retry-After")))
    if code in (401, 403):
        return Answer(FATAL, code,
                      _("the LRS refused the credentials (HTTP {0}): check the user name and password").format(code))
    if code == 404:
        return Answer(FATAL, code,
                      _("the endpoint has no xAPI statements resource (HTTP 404): check the endpoint URL"))
    return Answer(FATAL, code, f"HTTP {code}: {message}")


def reason(resp: httpx.Response) -> str:
    """The LRS's own words for a refusal (its JSON message or warnings, else the start of its text)."""
    text = resp.text[:2000]
    try:
        data = json.loads(text)
    except ValueError:
        return text.strip()[:500] or resp.reason_phrase
    if isinstance(data, dict):
        parts = [str(data[k]) for k in ("message", "error") if data.get(k)]
        warnings = data.get("warnings")
        if isinstance(warnings, list):
            parts += [str(w) for w in warnings]
        if parts:
            return "; ".join(parts)[:500]
    return text.strip()[:500]


def retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
