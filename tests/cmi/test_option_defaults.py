"""The run-time options' defaults are written once (cmi/datamodel.py OPTION_DEFAULTS): the settings start from them
and runtime.js reads them from the data model it is handed (issue 19: they were written in three places)."""

from __future__ import annotations

import re
from pathlib import Path

from scorm_desktop.cmi import datamodel
from scorm_desktop.settings import RuntimeOptions

ROOT = Path(__file__).resolve().parent.parent.parent


def test_settings_start_from_the_data_models_defaults() -> None:
    assert RuntimeOptions().to_runtime() == datamodel.OPTION_DEFAULTS
    assert "64000" not in (ROOT / "scorm_desktop" / "settings.py").read_text(encoding="utf-8")


def test_runtime_js_reads_the_defaults_from_the_model_it_is_handed() -> None:
    for version in ("1.2", "2004"):
        assert datamodel.definition(version)["optionDefaults"] == datamodel.OPTION_DEFAULTS
    js = (ROOT / "resources" / "player" / "runtime.js").read_text(encoding="utf-8")
    assert not re.search(r"suspendDataLimit12\s*:", js)  # no default of its own
    assert "model.optionDefaults" in js
