"""Qt's ICU data rebuilt with our languages only (packaging/icudata.py), built and loaded for real by the venv's
QtCore: Spanish collation still orders ñ after n, a dropped language falls back to the root order without an error,
and the library is less than half its size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import icudata  # noqa: E402  (packaging/icudata.py)
import lean  # noqa: E402  (packaging/lean.py)

PySide6 = pytest.importorskip("PySide6")
QT_LIB = Path(PySide6.__file__).resolve().parent / "Qt" / "lib"
ICU = sorted(QT_LIB.glob("libicudata.so.*"))
pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not ICU or not icudata.tools_available(),
    reason="Linux with PySide6's bundled ICU, icupkg (apt: icu-devtools) and a C compiler",
)


def test_dropped_items_keep_root_our_languages_and_everything_not_per_locale():
    items = ["af.res", "en.res", "en_GB.res", "fr_CA.res", "es_419.res", "root.res", "de.res", "coll/de.res",
             "coll/es.res", "coll/root.res", "coll/ucadata.icu", "brkitr/cjdict.dict", "brkitr/ja.res",
             "zone/zh_Hant_HK.res", "pool.res", "res_index.res", "likelySubtags.res", "supplementalData.res",
             "ibm-943_P15A-2003.cnv", "translit/el.res", "unit/fr.res", "lang/sr_Latn.res"]
    assert sorted(icudata.dropped_items(items)) == sorted(
        ["af.res", "de.res", "coll/de.res", "brkitr/ja.res", "zone/zh_Hant_HK.res", "translit/el.res",
         "lang/sr_Latn.res", "brkitr/cjdict.dict", "ibm-943_P15A-2003.cnv"])
    assert icudata.dropped_items(["cnvalias.icu", "coll/ucadata.icu", "uts46.nrm", "zoneinfo64.res"]) == []


def test_kept_languages_are_those_the_app_ships():
    assert set(icudata.KEPT_LANGUAGES) == {"root", *lean.LANGUAGES}


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("icu")
    entries = [(f"PySide6/Qt/lib/{ICU[0].name}", str(ICU[0]), "BINARY"), ("libz.so.1", "/x/libz.so.1", "BINARY")]
    out, replaced = icudata.replace_icudata(entries, work)
    assert out[1] == entries[1] and len(replaced) == 1
    return Path(out[0][1])


def test_rebuilt_library_is_smaller_with_the_same_soname_and_symbol(rebuilt):
    assert rebuilt.name == ICU[0].name
    assert rebuilt.stat().st_size < ICU[0].stat().st_size / 2
    dyn = subprocess.run(["readelf", "-dW", str(rebuilt)], capture_output=True, text=True).stdout
    assert f"[{ICU[0].name}]" in dyn
    assert icudata._data_symbol(rebuilt)[0] == icudata._data_symbol(ICU[0])[0]


def test_qtcore_loads_the_rebuilt_data_and_collates_spanish_and_falls_back_for_others(rebuilt):
    code = """
from PySide6.QtCore import QCollator, QLocale
maps = open("/proc/self/maps").read()
print("loaded", any(l.endswith(%r) for l in maps.splitlines()))
print("es", QCollator(QLocale("es")).compare("\\u00f1u", "nz") > 0)
print("en", QCollator(QLocale("en")).compare("\\u00f1u", "nz") < 0)
print("sv-root", QCollator(QLocale("sv")).compare("\\u00e4a", "za") < 0)
print("upper", QLocale("fr").toUpper("\\u00e9t\\u00e9"))
from PySide6.QtCore import QTimeZone
tz = QTimeZone(b"Europe/Paris")
print("tz", tz.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("fr")))
""" % str(rebuilt)
    env = {**os.environ, "LD_LIBRARY_PATH": str(rebuilt.parent)}
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr[-2000:]
    out = dict(line.split(" ", 1) for line in r.stdout.splitlines())
    assert out == {"loaded": "True", "es": "True", "en": "True", "sv-root": "True", "upper": "\u00c9T\u00c9",
                   "tz": "heure normale d\u2019Europe centrale"}, r.stdout
