"""Dispatch (issue 16): a course handed to a field site with a signed licence (launch cap, learner cap, expiry),
enforced offline on the device, revocable through the central LRS or a USB file, and reported back from the LRS.

Plain Python (no Qt). Modules: `licence` (the file format and signatures), `store` (the database side: issuing,
trusting, receiving, enforcement, revocations, statement tagging), `remote` (the LRS: revocation documents,
reading statements back), `report` (the per-dispatch and per-device figures), `commands` (the CLI).

The issuer key is the installation's device key (`sync.bundles.device_key`): one Ed25519 key per installation.
"""

from .licence import DispatchError, Licence  # noqa: F401
