"""SCORM run-time data as xAPI 1.0.3 statements, per the ADL xAPI SCORM Profile. Plain Python (no Qt, no I/O).

`StatementBuilder` turns one batch of run-time events (or the end of a session) with the SCO's values before and after
into statements with deterministic ids; `storage.records.Records` writes them to the outbox in the same transaction
as the values. See `mapping.py` for what produces which statement.
"""

from .mapping import SessionFacts, StatementBuilder, statement_id
from .options import XapiOptions

__all__ = ["SessionFacts", "StatementBuilder", "XapiOptions", "statement_id"]
