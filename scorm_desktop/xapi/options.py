"""How statements name learners and activities: read from the settings JSON's ``"xapi"`` object.

    "xapi": {
      "base_iri": "urn:scorm-desktop:course:",              # course IRI = base_iri + the manifest identifier
      "home_page": "https://scorm-desktop.invalid/learners", # account.homePage; account.name = the learner's uid
      "actor": "account",                                   # or "mbox"
      "mboxes": {"Ada": "ada@example.org"},                 # with "mbox": per learner name; else a name with "@",
      "mbox_domain": "example.org",                         # else name@mbox_domain; else the account is used
      "language": "en-US",
      "device_extension": "https://w3id.org/xapi/scorm-desktop/device"  # context.extensions key for the device id
    }

The device id itself is not a setting: it is this installation's id (the ``devices`` table, made on first start by
`scorm_desktop.sync.bundles.this_device_id`), passed in by `services.open_services`.

Statements are written when the learner plays, so a change here applies to statements written afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from .vocab import DEVICE_EXTENSION


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
    #: This installation's device id, carried in every statement's context.extensions[device_extension]; None leaves
    #: the extension out (the builder alone, in tests). Never read from the settings file.
    device_id: str | None = None
    device_extension: str = DEVICE_EXTENSION

    @classmethod
    def from_mapping(cls, data: dict[str, Any] | None, device_id: str | None = None) -> "XapiOptions":
        known = {f.name for f in fields(cls)} - {"device_id"}
        return cls(**{k: v for k, v in (data or {}).items() if k in known}, device_id=device_id)

    @classmethod
    def from_settings(cls, settings: Any, device_id: str | None = None) -> "XapiOptions":
        """From a `scorm_desktop.settings.Settings` (its ``extra["xapi"]``), for the device `device_id`."""
        return cls.from_mapping((getattr(settings, "extra", None) or {}).get("xapi"), device_id)
