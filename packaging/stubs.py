"""Stand-ins for PyAV's encoder libraries the app never opens (Linux): same soname, same symbols, a few KB each.

PyAV's wheel builds libavcodec against x265, x264 and SVT-AV1, so libavcodec names them in DT_NEEDED and the
dynamic loader (Python loads extension modules with RTLD_NOW) wants every symbol it imports from them resolved when
`import av` runs. The app only ever opens FFmpeg's own decoders, libvpx-vp9 and libopus (scorm_desktop/media/
convert.py), so these three libraries, 30 MB of the bundle, are never called. A stand-in defines exactly the symbols
libavcodec imports from the real library (read with binutils' `nm`): functions that print one sentence and abort, data objects of the same size filled with zeros. FFmpeg calls
into an external encoder when that encoder is opened (avcodec_open2 on "libx264", "libx265", "libsvtav1"), with one
exception the tests found: it asks x265's API getter for 12- and 10-bit support when it first lists codecs, so that
stand-in answers NULL, as x265 itself does for a bit depth it was not built for (ANSWERS_NULL); opening libx265 then
fails with FFmpeg's own error. Loading, probing and converting to VP9/Opus behave exactly as with the real libraries.
It also keeps the GPL encoders x264 and x265 out of what we ship.

Plain Python with no PyInstaller import: tests/packaging/test_packaging_stubs.py builds stand-ins and loads them without a bundle.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

# Library name (the part before "-<hash>.so" in PyAV's wheel, or before ".so") -> why it is never called.
STUBBED: dict[str, str] = {
    "libx265": "H.265 encoder (libx265); the app encodes VP9 only",
    "libSvtAv1Enc": "AV1 encoder (SVT-AV1); the app encodes VP9 only",
    "libx264": "H.264 encoder (libx264); the app encodes VP9 only",
    # FFmpeg calls GnuTLS only to open tls:// and https:// inputs (and in avformat_network_init, which PyAV never
    # calls); the app hands FFmpeg local file paths only. Its own libraries (nettle, hogweed, gmp, libunistring)
    # then have no user left and go too.
    "libgnutls": "TLS for FFmpeg's https:// inputs (GnuTLS); the app opens local files only",
}


# Functions that FFmpeg calls when codecs are first listed (not only when an encoder is opened), with what a stand-in
# answers: x265's API getter returns NULL for a bit depth the library was not built for, and FFmpeg's libx265 wrapper
# asks it for 12 and 10 bits to fill its pixel-format list (then, NULL for 8 bits too, its encoder fails to open
# with FFmpeg's own error instead of aborting).
ANSWERS_NULL = re.compile(r"x265_api_get(_[0-9]+)?")


def stub_reason(path: str) -> str | None:
    """Why the library at `path` is replaced by a stand-in, or None when it is bundled as it is."""
    name = os.path.basename(path.replace("\\", "/"))
    for lib, reason in STUBBED.items():
        if re.fullmatch(re.escape(lib) + r"(-[0-9a-f]{8})?\.so(\.[0-9.]+)?", name):
            return reason
    return None


def _nm(args: list[str]) -> list[list[str]]:
    out = subprocess.run(["nm", "-D", *args], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines() if line.strip()]


def imported_symbols(importers: Iterable[str], library: str) -> list[tuple[str, str, int]]:
    """(name, "function" | "object", size) of every symbol some importer leaves undefined and `library` defines."""
    wanted: set[str] = set()
    for path in importers:
        wanted |= {f[-1].split("@")[0] for f in _nm(["--undefined-only", path])}
    found: dict[str, tuple[str, str, int]] = {}
    for f in _nm(["-S", "--defined-only", library]):
        if len(f) < 3:
            continue
        name, kind = f[-1].split("@")[0], f[-2]
        size = int(f[1], 16) if len(f) == 4 else 0
        if name in wanted and kind in "TtWiDdBbRrVv":
            found[name] = (name, "function" if kind in "TtWi" else "object", size)
    return sorted(found.values())


def symbol_versions(importers: Iterable[str], names: Iterable[str]) -> dict[str, str]:
    """The version (GNUTLS_3_4...) each importer asks for, per symbol, for the symbols that are versioned."""
    wanted, out = set(names), {}
    for path in importers:
        for f in _nm(["--undefined-only", path]):
            name, _, version = f[-1].partition("@")
            if name in wanted and version:
                out[name] = version.lstrip("@")
    return out


def version_script(symbols: Iterable[str], versions: dict[str, str]) -> str | None:
    """A linker version script giving each symbol the version its importers ask for (None: nothing versioned)."""
    if not versions:
        return None
    nodes: dict[str, list[str]] = {}
    first = sorted(set(versions.values()))[0]
    for name in symbols:
        nodes.setdefault(versions.get(name, first), []).append(name)
    body = [f"{v} {{ global: {' '.join(f'{n};' for n in sorted(names))} }};" for v, names in sorted(nodes.items())]
    return "\n".join(body) + "\n"


def c_source(library: str, reason: str, symbols: Iterable[tuple[str, str, int]]) -> str:
    lines = [
        "/* Generated by packaging/stubs.py: a stand-in for " + os.path.basename(library) + ". */",
        "#include <stdio.h>",
        "#include <stdlib.h>",
        "static void left_out(void) {",
        '    fputs("SCORM Desktop: ' + reason.replace('"', "'") + ' is left out of this build '
        '(packaging/stubs.py)\\n", stderr);',
        "    abort();",
        "}",
    ]
    for name, kind, size in symbols:
        if kind == "function" and ANSWERS_NULL.fullmatch(name):
            lines.append(f"void *{name}(int depth) {{ (void)depth; return NULL; }}")
        elif kind == "function":
            lines.append(f"void {name}(void) {{ left_out(); }}")
        else:
            lines.append(f"const unsigned char {name}[{max(size, 1)}] = {{0}};")
    return "\n".join(lines) + "\n"


def soname(library: str) -> str:
    out = subprocess.run(["readelf", "-dW", library], check=True, capture_output=True, text=True).stdout
    m = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", out)
    return m.group(1) if m else os.path.basename(library)


def build_stub(library: str, importers: Iterable[str], workdir: Path, reason: str) -> Path:
    """Compile the stand-in for `library` into workdir (same file name, same soname) and return its path."""
    workdir.mkdir(parents=True, exist_ok=True)
    name = os.path.basename(library)
    src = workdir / (name + ".c")
    out = workdir / name
    importers = list(importers)
    symbols = imported_symbols(importers, library)
    src.write_text(c_source(library, reason, symbols), encoding="utf-8")
    cc = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc") or "cc"
    args = [cc, "-shared", "-fPIC", "-O2", "-s", f"-Wl,-soname,{soname(library)}", "-o", str(out), str(src)]
    script = version_script([n for n, _, _ in symbols], symbol_versions(importers, [n for n, _, _ in symbols]))
    if script:
        (workdir / (name + ".map")).write_text(script, encoding="utf-8")
        args.append(f"-Wl,--version-script={workdir / (name + '.map')}")
    subprocess.run(args, check=True)
    return out


def replace_with_stubs(
    binaries: Iterable[tuple[str, str, str]], workdir: Path
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str, str]]]:
    """PyInstaller's binaries with each library of STUBBED built as a stand-in (source path changed) and the libraries
    only they linked to left out, and the list of what was replaced or left out with the reason, for the build log.
    No C compiler: nothing is replaced."""
    entries = list(binaries)
    if not (os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")) or not shutil.which("nm"):
        print("warning: no C compiler or nm: PyAV's encoder libraries are bundled whole (packaging/stubs.py)")
        return entries, []
    targets = [e for e in entries if e[2] != "SYMLINK" and stub_reason(e[0])]
    if not targets:
        return entries, []
    names = {os.path.basename(e[1]) for e in targets}
    needed: dict[str, set[str]] = {}
    for e in entries:
        if e[2] != "SYMLINK" and os.path.isfile(e[1]):
            dyn = subprocess.run(["readelf", "-dW", e[1]], capture_output=True, text=True).stdout
            needed[e[1]] = set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dyn))
    importers = [e[1] for e in entries if e not in targets and needed.get(e[1], set()) & names]
    # What only the replaced libraries linked to (transitively) has no user left: a stand-in needs only libc.
    by_name = {os.path.basename(e[1]): e for e in entries if e[2] != "SYMLINK"}
    users: dict[str, set[str]] = {}
    for src, deps in needed.items():
        for dep in deps:
            users.setdefault(dep, set()).add(os.path.basename(src))
    gone = set(names)
    changed = True
    while changed:
        changed = False
        for dep, who in users.items():
            if dep not in gone and dep in by_name and who and who <= gone | {dep}:
                gone.add(dep)
                changed = True
    orphans = gone - names
    replaced, out = [], []
    for entry in entries:
        reason = stub_reason(entry[0]) if entry[2] != "SYMLINK" else None
        if reason:
            stub = build_stub(entry[1], importers, workdir, reason)
            out.append((entry[0], str(stub), entry[2]))
            replaced.append((*entry, "stand-in: " + reason, str(stub)))
        elif entry[2] != "SYMLINK" and os.path.basename(entry[1]) in orphans:
            replaced.append((*entry, "linked only by libraries replaced by stand-ins"))
        else:
            out.append(entry)
    return out, replaced
