"""Make the translations: .ts sources from the code (pyside6-lupdate), .qm files from the .ts (pyside6-lrelease).

    .venv/bin/python scripts/i18n.py            # update the .ts from the sources, then build the .qm
    .venv/bin/python scripts/i18n.py --release  # only build the .qm (what the build and tests use)
    .venv/bin/python scripts/i18n.py --check    # exit 1 when a .qm is older in content than its .ts

Translators edit resources/i18n/scorm_desktop_LANG.ts (Qt Linguist, or any text editor); the .qm are committed so
a checkout runs without this step. The command line's `_()` sentences are extracted too (as an alias of tr).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scorm_desktop.i18n import LANGUAGES, SOURCE_LANGUAGE, i18n_dir, qm_path, ts_path  # noqa: E402

#: The sources with user-facing text: the GUI, its entry point, the command line's and the player's guidance sentences.
SOURCES = ("scorm_desktop/ui", "scorm_desktop/app.py", "scorm_desktop/cli", "scorm_desktop/navigation.py",
           "scorm_desktop/reports/pdf_html.py",
           # The core's sentences the GUI and the command line show as they are: import refusals and warnings, LRS
           # and records-bundle errors, dispatch licence refusals, the waive refusals, the media-conversion warning
           # and the conversion's errors.
           "scorm_desktop/package", "scorm_desktop/library/courses.py", "scorm_desktop/package/descriptor.py",
           "scorm_desktop/sync/client.py", "scorm_desktop/sync/bundles.py",
           "scorm_desktop/dispatch/store.py", "scorm_desktop/dispatch/licence.py", "scorm_desktop/cmi5/waive.py",
           "scorm_desktop/media",
           # The backups' labels and restore notices, the dispatch report's words, the checker's text report and
           # reasons, and the idle sentence `play --headless` and `check` say.
           "scorm_desktop/storage/backup.py", "scorm_desktop/dispatch/report.py", "scorm_desktop/checker/report.py",
           "scorm_desktop/checker/idle.py", "scorm_desktop/checker/static.py", "scorm_desktop/checker/runtime.py",
           # The start-up notice after a crash (sessions finished on the learner's behalf).
           "scorm_desktop/services.py",
           # The command line's sub-commands registered from other packages, and the `report` table's headings.
           "scorm_desktop/cmi5/commands.py", "scorm_desktop/reports/rows.py")


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} was not found (it comes with PySide6: pip install PySide6)")
    return found


def targets() -> list[str]:
    return [code for code in LANGUAGES if code != SOURCE_LANGUAGE]


def built() -> list[str]:
    """Every language with a .qm: the translations, and English for its plural forms only ("%n course(s)")."""
    return [*targets(), SOURCE_LANGUAGE]


def update() -> None:
    files = [str(p) for s in SOURCES for p in sorted((ROOT / s).rglob("*.py") if (ROOT / s).is_dir() else [ROOT / s])]
    i18n_dir().mkdir(parents=True, exist_ok=True)
    common = [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-tr-function-alias", "tr+=_,tr+=_tr"]
    subprocess.run([*common, *files, "-ts", *(str(ts_path(c)) for c in targets())], check=True, cwd=ROOT)
    subprocess.run([*common, "-pluralonly", "-source-language", "en", "-target-language", "en", *files, "-ts",
                    str(ts_path(SOURCE_LANGUAGE))], check=True, cwd=ROOT)


def release(out_dir: Path | None = None) -> list[Path]:
    made = []
    for code in built():
        out = (out_dir / qm_path(code).name) if out_dir else qm_path(code)
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_path(code)), "-qm", str(out)], check=True)
        made.append(out)
    return made


def stale() -> list[str]:
    """The .qm files whose bytes differ from what lrelease makes of their .ts now."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = release(Path(tmp))
        return [qm_path(c).name for c, f in zip(built(), fresh)
                if not qm_path(c).exists() or qm_path(c).read_bytes() != f.read_bytes()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--release", action="store_true", help="only build the .qm files")
    ap.add_argument("--check", action="store_true", help="fail when a .qm is not up to date with its .ts")
    args = ap.parse_args()
    if args.check:
        bad = stale()
        for name in bad:
            print(f"{name} is out of date: run scripts/i18n.py --release", file=sys.stderr)
        return 1 if bad else 0
    if not args.release:
        update()
    release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
