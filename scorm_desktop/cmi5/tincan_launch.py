"""Tin Can (xAPI) launch per Rustici's launch convention: the launch URL carries `endpoint`, `auth`, `actor`,
`registration` and `activity_id`; the credential is made for that one launch, kept in memory only, and ends with it.
Statements go to the same local LRS (no cmi5 rules apply). Plain Python, no Qt."""

from __future__ import annotations

import base64
import json
import secrets
import uuid
from collections.abc import Callable
from urllib.parse import urlencode

from ..lrs.core import Principal


class TinCanLaunches:
    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint
        self._tokens: dict[str, Principal] = {}

    def launch(self, launch_url: str, activity_id: str, actor: dict, registration: str, forward: bool = True) -> tuple[str, str]:
        """(launch URL, token); the token authorises this launch until `end(token)`."""
        token = base64.b64encode(f"tincan:{secrets.token_urlsafe(24)}".encode()).decode()
        self._tokens[token] = Principal(f"tincan-launch:{uuid.uuid4()}", forward=forward)
        query = urlencode({"endpoint": self.endpoint, "auth": f"Basic {token}", "actor": json.dumps(actor),
                           "registration": registration, "activity_id": activity_id})
        base, hash_, frag = launch_url.partition("#")
        sep = "&" if "?" in base else "?"
        return f"{base}{sep}{query}{hash_}{frag}", token

    def end(self, token: str) -> None:
        self._tokens.pop(token, None)

    def authenticate(self, authorization: str | None) -> Principal | None:
        if not authorization or not authorization.startswith("Basic "):
            return None
        return self._tokens.get(authorization[len("Basic "):].strip())


def first_of(*authenticators: Callable[[str | None], Principal | None]) -> Callable[[str | None], Principal | None]:
    """One LRS authenticator from several (cmi5 sessions, Tin Can launches): the first that knows the credential."""

    def authenticate(authorization: str | None) -> Principal | None:
        for auth in authenticators:
            principal = auth(authorization)
            if principal is not None:
                return principal
        return None

    return authenticate
