"""A local xAPI 1.0.3 LRS inside the app for cmi5 and Tin Can courses (plain Python, no Qt).

`LRS.handle(Request) -> Response` is the whole interface; storage is SQLite (lrs_statements, lrs_documents) and every
statement is queued in the sync outbox in the same transaction, forwarded unchanged.
"""

from .core import LRS, Principal
from .http import Request, Response

__all__ = ["LRS", "Principal", "Request", "Response"]
