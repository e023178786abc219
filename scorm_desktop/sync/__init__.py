"""Sync: the statement outbox to a real LRS (xAPI 1.0.3), and signed record bundles for machines that never get
online. Reads storage; never drops or duplicates a statement. Plain Python (no Qt).

The names below are loaded when first used (PEP 562), so importing one submodule (`sync.settings` for the command
line's parser) does not load the engine, httpx and the bundles' cryptography.
"""

from __future__ import annotations

import importlib

#: name -> the module that defines it.
_WHERE = {
    "BundleError": ".bundles", "ExportResult": ".bundles", "ImportResult": ".bundles",
    "export_records": ".bundles", "import_records": ".bundles",
    "SyncEngine": ".engine", "SyncReport": ".engine",
    "Outbox": "..storage.outbox", "OutboxStatus": "..storage.outbox",
    "SyncSettings": ".settings", "get_password": ".settings", "store_password": ".settings",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name], __name__), name)
    globals()[name] = value
    return value
