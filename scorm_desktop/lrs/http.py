"""Requests and answers of the local LRS as plain data: (method, path, query, headers, body) → (status, headers,
body), so a custom-scheme handler or a loopback server can sit on top without the LRS knowing which."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

XAPI_VERSION = "1.0.3"


@dataclass
class Request:
    method: str
    #: The resource path below the LRS endpoint, e.g. "statements" or "activities/state" (leading "/" ignored).
    path: str
    query: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    def __post_init__(self) -> None:
        self.method = self.method.upper()
        self.path = self.path.strip("/")
        self.headers = {k.lower(): v for k, v in self.headers.items()}
        if isinstance(self.query, str):
            self.query = dict(parse_qsl(self.query.lstrip("?"), keep_blank_values=True))

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name.lower(), default)

    @property
    def content_type(self) -> str:
        return (self.header("content-type") or "").split(";", 1)[0].strip().lower()


@dataclass
class Response:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


class HttpError(Exception):
    """An answer other than success: status and the one-sentence reason sent as the body."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def json_response(status: int, data: Any, headers: dict[str, str] | None = None) -> Response:
    out = {"Content-Type": "application/json", **(headers or {})}
    return Response(status, out, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def error_response(exc: HttpError) -> Response:
    return json_response(exc.status, {"error": True, "message": exc.reason})


def parse_json(body: bytes, what: str) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise HttpError(400, f"The {what} is not valid JSON ({exc}).") from None
