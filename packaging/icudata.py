"""Qt's ICU data library (libicudata.so.NN, 32 MB) rebuilt with the locale data of the languages we ship only (Linux).

QtCore links ICU for locale-aware comparison and case mapping (QString::localeAwareCompare, QCollator, QLocale's
toUpper/toLower) and legacy text codecs; the app itself calls none of these directly (no QCollator, no
QStringDecoder in scorm_desktop/), and Chromium has its own ICU (resources/icudtl.dat, kept whole: course content may
be in any language). Qt's ICU so serves the app's own interface, in lean.LANGUAGES. This keeps every item of the ICU
package except the per-locale resource bundles (`<lang>[_...].res` in the main tree and in coll/, curr/, lang/,
region/, unit/, zone/, rbnf/) of other languages and the items no Qt code path reaches (UNUSED_BY_QT: break
iterators, transliterators, character names, legacy codepage tables): the root locale, en/fr/es, the collation root
(ucadata), normalisation, time zones and the converter aliases stay. A locale whose data is gone
falls back to the root locale, which is ICU's documented behaviour (U_USING_DEFAULT_WARNING, no error): a learner
whose system language is, say, German gets root collation (the Unicode order) in the rare Qt calls that use it.

How: the data library is a single symbol (`icudt73_dat`, ICU's common-data package) in .rodata. Its bytes are read
from the ELF file, items are removed with ICU's own `icupkg` (Debian's icu-devtools), and a C compiler writes a new
library with the same soname and symbol (`.incbin`). Without icupkg or a compiler the library is bundled whole.

Plain Python with no PyInstaller import (tests/packaging/test_packaging_stubs.py loads a rebuilt library for real).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

# The root locale and the languages we ship keep their data (kept in step with lean.LANGUAGES by a test).
KEPT_LANGUAGES = ("root", "en", "fr", "es")
_LOCALE_ITEM = re.compile(r"([a-z]{2,3}|root)(_([A-Z0-9][A-Za-z0-9]*)?)*\.res")
_LIBRARY = re.compile(r"libicudata\.so\.[0-9]+")


def is_icudata(path: str) -> bool:
    return bool(_LIBRARY.fullmatch(os.path.basename(path.replace("\\", "/"))))


# Items no Qt code path reaches, whatever the language: ICU's break iterators and their dictionaries (Qt finds text
# boundaries with its own Unicode tables, and libthai for Thai), transliterators, character names, and the legacy
# codepage tables (only QStringDecoder/QStringEncoder with a non-Unicode name would open them; the app never does,
# and Python decodes what the app reads with its own codecs). The converter alias table (cnvalias.icu) stays.
UNUSED_BY_QT = re.compile(r"brkitr/.*|translit/.*|unames\.icu|[^/]+\.cnv")


def dropped_items(items: Iterable[str], keep: Iterable[str] = KEPT_LANGUAGES) -> list[str]:
    """The package items (as icupkg -l lists them: "coll/de.res", "fr_CA.res", "cjdict.dict"...) to remove."""
    kept = set(keep)
    out = []
    for item in items:
        m = _LOCALE_ITEM.fullmatch(item.rsplit("/", 1)[-1])
        if m and m.group(1) not in kept or UNUSED_BY_QT.fullmatch(item):
            out.append(item)
    return out


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """(symbol name, file offset, size) of the ICU common data in the library."""
    syms = subprocess.run(["nm", "-D", "-S", "--defined-only", str(library)], check=True, capture_output=True,
                          text=True).stdout
    for line in syms.splitlines():
        f = line.split()
        if len(f) == 4 and re.fullmatch(r"icudt[0-9]+_dat", f[3]):
            name, vaddr, size = f[3], int(f[0], 16), int(f[1], 16)
            break
    else:
        raise ValueError(f"{library}: no icudtNN_dat symbol")
    sections = subprocess.run(["readelf", "-SW", str(library)], check=True, capture_output=True, text=True).stdout
    for line in sections.splitlines():
        m = re.search(r"\]\s+\S+\s+PROGBITS\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if m:
            addr, off, sz = (int(g, 16) for g in m.groups())
            if addr <= vaddr < addr + sz:
                return name, vaddr - addr + off, size
    raise ValueError(f"{library}: {name} is in no section")


def tools_available() -> bool:
    return all(shutil.which(t) for t in ("icupkg", "nm", "readelf")) and bool(_cc())


def _cc() -> str | None:
    return os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")


def rebuild(library: Path, workdir: Path, keep: Iterable[str] = KEPT_LANGUAGES) -> tuple[Path, int]:
    """Write workdir/<same name>: the library with only the kept languages' locale data. Returns (path, items
    removed)."""
    library = Path(library)
    workdir.mkdir(parents=True, exist_ok=True)
    name, offset, size = _data_symbol(library)
    # icupkg wants the file named after the package: icudt73l.dat (l: little-endian, ASCII).
    package = name[: -len("_dat")] + ("l" if sys.byteorder == "little" else "b")
    (workdir / "whole").mkdir(exist_ok=True)
    whole = workdir / "whole" / f"{package}.dat"
    with open(library, "rb") as f:
        f.seek(offset)
        whole.write_bytes(f.read(size))
    items = subprocess.run(["icupkg", "-l", str(whole)], check=True, capture_output=True, text=True).stdout.split()
    drop = dropped_items(items, keep)
    listing = workdir / "dropped-items.txt"
    listing.write_text("\n".join(drop) + "\n", encoding="utf-8")
    lean = workdir / f"{package}.dat"
    lean.unlink(missing_ok=True)
    subprocess.run(["icupkg", "-r", str(listing), str(whole), str(lean)], check=True, capture_output=True)
    src = workdir / f"{name}.c"
    src.write_text(
        "/* Generated by packaging/icudata.py: ICU's common data with fewer locales. */\n"
        '__asm__(".section .rodata\\n.balign 16\\n'
        f'.globl {name}\\n.type {name}, @object\\n{name}:\\n'
        f'.incbin \\"{lean}\\"\\n.size {name}, . - {name}\\n.previous\\n");\n',
        encoding="utf-8",
    )
    soname = re.search(r"soname: \[([^\]]+)\]",
                       subprocess.run(["readelf", "-dW", str(library)], capture_output=True, text=True).stdout)
    out = workdir / library.name
    subprocess.run(
        [_cc(), "-shared", "-nostdlib", "-s", f"-Wl,-soname,{soname.group(1) if soname else library.name}",
         "-o", str(out), str(src)],
        check=True,
    )
    whole.unlink()
    return out, len(drop)


def replace_icudata(
    binaries: Iterable[tuple[str, str, str]], workdir: Path
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str, str]]]:
    """PyInstaller's binaries with libicudata rebuilt (source path changed) and, for the build log, the entry it
    replaced with the reason."""
    entries = list(binaries)
    if not tools_available():
        print("warning: no icupkg (apt: icu-devtools) or no C compiler: Qt's ICU data is bundled whole "
              "(packaging/icudata.py)")
        return entries, []
    out, replaced = [], []
    for entry in entries:
        if entry[2] != "SYMLINK" and is_icudata(entry[0]):
            new, count = rebuild(Path(entry[1]), workdir)
            out.append((entry[0], str(new), entry[2]))
            reason = f"ICU data Qt never reads ({count} items: other languages, break iterators, codepages)"
            replaced.append((*entry, reason, str(new)))
        else:
            out.append(entry)
    return out, replaced
