"""Sync: the statement outbox to a real LRS (xAPI 1.0.3), and signed record bundles for machines that never get
online. Reads storage; never drops or duplicates a statement. Plain Python (no Qt).
"""

from .bundles import BundleError, ExportResult, ImportResult, export_records, import_records
from .engine import SyncEngine, SyncReport
from ..storage.outbox import Outbox, OutboxStatus
from .settings import SyncSettings, get_password, store_password

__all__ = [
    "BundleError", "ExportResult", "ImportResult", "Outbox", "OutboxStatus", "SyncEngine", "SyncReport",
    "SyncSettings", "export_records", "get_password", "import_records", "store_password",
]
