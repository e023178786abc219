"""How statements name learners and activities: read from the settings JSON's ``"xapi"`` object.

    "xapi": {
      "base_iri": "urn:scorm-desktop:course:",              # course IRI = base_iri + the manifest identifier
      "home_page": "https://scorm-desktop.invalid/learners", # account.homePage; account.name = the learner's uid
      "actor": "account",                                   # or "mbox"
      "mboxes": {"Ada": "ada@example.org"},                 # with "mbox": per learner name; else a name with "@",
      "mbox_domain": "example.org",                         # else name@mbox_domain; else the account is used
      "language": "en-US"
    }

Statements are written when the learner plays, so a change here applies to statements written afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class XapiOptions:
    base_iri: str = "urn:scorm-desktop:course:"
    #: An IRL the learner accounts belong to. ".invalid" (RFC 2606) says plainly that it was never configured.
    home_page: str = "https://scorm-desktop.invalid/learners"
    actor: str = "account"
    mboxes: dict[str, str] = field(default_factory=dict)
    mbox_domain: str = ""
    language: str = "en-US"
    platform: str = "SCORM Desktop"

    @classmethod
    def from_mapping(cls, data: dict[str, Any] | None) -> "XapiOptions":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in known})

    @classmethod
    def from_settings(cls, settings: Any) -> "XapiOptions":
        """From a `scorm_desktop.settings.Settings` (its ``extra["xapi"]``)."""
        return cls.from_mapping((getattr(settings, "extra", None) or {}).get("xapi"))
