"""The learner's language: which one is in use, where its translations are, and `_()` for the Qt-free command line.

The GUI's strings go through Qt (`tr`, `QCoreApplication.translate`) and its translator is installed by
ui/translator.py from the `.qm` files. The command line has no Qt: `_()` reads the same translations from the `.ts`
sources beside them (one file per language, made by scripts/i18n.py), so one set of files serves both.

Which language: `--lang` (scripts), else `SCORM_DESKTOP_LANG`, else the Settings choice, else the system's.
"""

from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from .resources import resource_dir

#: The languages the app ships, by code, each named in its own language (as the Settings menu shows them).
LANGUAGES = {"en": "English", "fr": "Français", "es": "Español"}
#: The language the sources are written in.
SOURCE_LANGUAGE = "en"
ENV = "SCORM_DESKTOP_LANG"
#: The Settings value meaning "follow the system".
SYSTEM = ""

_current: str | None = None


def i18n_dir() -> Path:
    return resource_dir() / "i18n"


def normalize(code: str | None) -> str | None:
    """'fr_FR.UTF-8' -> 'fr'; a language the app does not ship (or nonsense) -> None."""
    if not code:
        return None
    base = code.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return base if base in LANGUAGES else None


def system_language() -> str:
    """The system's language among those shipped (the POSIX variables first, as gettext reads them), else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            if value in ("C", "POSIX") or value.startswith("C."):
                break
            return normalize(value) or SOURCE_LANGUAGE
    for part in (os.environ.get("LANGUAGE") or "").split(":"):
        if normalize(part):
            return normalize(part)  # type: ignore[return-value]
    try:
        code = locale.getlocale()[0]
    except ValueError:
        code = None
    return normalize(code) or SOURCE_LANGUAGE


def resolve(setting: str | None = None, override: str | None = None) -> str:
    """The language to use: an explicit override (--lang), else $SCORM_DESKTOP_LANG, else the setting, else the system's.

    A value naming no shipped language is skipped, so a typo falls back to the next source rather than failing."""
    for choice in (override, os.environ.get(ENV), setting):
        code = normalize(choice)
        if code:
            return code
    return system_language()


def set_language(code: str) -> None:
    """Make `code` the language of `_()` (and of `current()`) for this process."""
    global _current
    _current = normalize(code) or SOURCE_LANGUAGE


def current() -> str:
    if _current is None:
        set_language(resolve())
    return _current  # type: ignore[return-value]


def ts_path(code: str) -> Path:
    return i18n_dir() / f"scorm_desktop_{code}.ts"


def qm_path(code: str) -> Path:
    return i18n_dir() / f"scorm_desktop_{code}.qm"


@lru_cache(maxsize=None)
def catalog(code: str) -> dict[tuple[str, str], str]:
    """{(context, source): translation} of one language's finished translations; empty when it has none."""
    out: dict[tuple[str, str], str] = {}
    try:
        root = ET.parse(ts_path(code)).getroot()
    except (OSError, ET.ParseError):
        return out
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source, tr = msg.findtext("source"), msg.find("translation")
            if source is None or tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if tr.text:
                out[(name, source)] = tr.text
    return out


def translate(context: str, text: str, code: str | None = None) -> str:
    """`text` in the current language (or `code`), from `context`; the text itself when it has no translation."""
    code = code or current()
    if code == SOURCE_LANGUAGE:
        return text
    return catalog(code).get((context, text), text)


def _(text: str) -> str:
    """gettext-style marker for the command line's sentences (scripts/i18n.py extracts them into the .ts files)."""
    return translate("", text)


KIB = 1024
MIB = 1024**2
GIB = 1024**3


def human_size(size: int, _tr: Callable[[str], str] = _) -> str:
    """A size as people read it, in the unit that suits it: "812 bytes", "3.4 KiB", "12.0 MiB", "4.0 GiB"
    (the one formatter of sizes: the import's limits, a course's details). The words go through `_tr`: `_` for the
    command line, the GUI passes Qt's translation (lupdate files these literal `_tr("...")` calls under the empty
    context, as `_`'s)."""
    if size >= GIB:
        return _tr("{0:.1f} GiB").format(size / GIB)
    if size >= MIB:
        return _tr("{0:.1f} MiB").format(size / MIB)
    if size >= KIB:
        return _tr("{0:.1f} KiB").format(size / KIB)
    return _tr("{0} bytes").format(size)


#: Which numbers take the singular, by language (French: 0 and 1; English and Spanish: 1 only).
_SINGULAR = {"fr": lambda n: n in (0, 1)}


def plural(n: int, one: str, other: str, code: str | None = None) -> str:
    """`one` or `other` for the number `n` by the language's rule, with `{0}` filled with n: `plural(n, _("{0} course"),
    _("{0} courses"))` → "1 course", "2 courses" ("0 cours" in French). Each form is a whole phrase the translators
    see; a sentence with two counts takes two such phrases as its arguments."""
    code = code or current()
    singular = _SINGULAR.get(code, lambda k: k == 1)(n)
    return (one if singular else other).format(n)
