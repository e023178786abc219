"""What the bundle leaves out, and why: the rules the spec applies to PyInstaller's file lists.

Plain Python with no PyInstaller import, so tests/packaging/test_packaging.py checks the rules without building anything.
The spec passes `needed(path) -> set of sonames` (PyInstaller's own ELF dependency reader) so that a shared library
is dropped only when nothing the bundle keeps links to it: the Qt plugins below are the app's choices, the libraries
they alone pulled in follow from the link graph, never from a list that could go stale.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

# Languages the app ships (its own .ts/.qm files come from the translation work): Qt's own translations and
# Chromium's UI strings (context menus, form validation messages) are kept for these only.
LANGUAGES = ("en", "fr", "es")
WEBENGINE_LOCALES_KEPT = {"en-US.pak", "fr.pak", "es.pak", "es-419.pak"}

# Qt plugins the app never loads, each with the reason. Paths are relative to Qt's plugins/ folder; a trailing "/"
# drops the whole folder. PySide6's hooks collect every plugin of the modules used; these are for other platforms,
# features we do not use, or input devices of embedded systems.
DROPPED_QT_PLUGINS: dict[str, str] = {
    "platformthemes/libqgtk3.so": "GTK 3 theme: pulls in GTK, cairo, pango; the xdg-desktop-portal theme stays",
    "imageformats/libqpdf.so": "PDF as an image format (QtPdf); Chromium shows PDFs with its own PDFium",
    "printsupport/": "CUPS printing (with GnuTLS, Avahi); the app has no Print command",
    "egldeviceintegrations/": "EGLFS (full-screen embedded devices without a window system)",
    "platforms/libqeglfs.so": "EGLFS platform (embedded)",
    "platforms/libqlinuxfb.so": "Linux framebuffer platform (embedded)",
    "platforms/libqvnc.so": "VNC platform",
    "platforms/libqvkkhrdisplay.so": "Vulkan display platform (embedded)",
    "platforms/libqminimalegl.so": "minimal EGL platform (embedded)",
    "generic/": "evdev and TUIO input (embedded touch screens without a window system)",
    "platforminputcontexts/libqtvirtualkeyboardplugin.so": "Qt's QML virtual keyboard (the OS keyboard is used)",
    "position/libqtposition_nmea.so": "GPS over a serial port (QtSerialPort); courses never get a position",
}

# Data files the app never reads.
DROPPED_DATA: dict[str, str] = {
    "qtwebengine_devtools_resources.pak": "Chromium developer tools: the app never opens them",
}


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def data_drop_reason(dest: str) -> str | None:
    """Why a data file (PyInstaller TOC destination) is left out of the bundle, or None when it goes in."""
    p = PurePosixPath(dest.replace("\\", "/"))
    if p.name in DROPPED_DATA:
        return DROPPED_DATA[p.name]
    if "qtwebengine_locales" in p.parts and p.suffix == ".pak" and p.name not in WEBENGINE_LOCALES_KEPT:
        return "Chromium UI strings of languages we do not ship"
    # qt_fr.qm, qtbase_es.qm, qtwebengine_en.qm, qt_help_fr.qm ...
    if "translations" in p.parts and p.suffix == ".qm" and p.stem.rsplit("_", 1)[-1] not in LANGUAGES:
        return "Qt translations of languages we do not ship"
    return None


def keep_data(dest: str) -> bool:
    return data_drop_reason(dest) is None


def drop_links(
    datas: Iterable[tuple[str, str, str]], dropped: Iterable[tuple[str, ...]]
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str, str]]]:
    """PyInstaller's top-level links to libraries in subfolders (SYMLINK entries, in its data list): those to a
    dropped library go too, or they would dangle."""
    names = {os.path.basename(e[0].replace("\\", "/")) for e in dropped}
    kept, gone = [], []
    for entry in datas:
        if entry[2] == "SYMLINK" and os.path.basename(entry[1].replace("\\", "/")) in names:
            gone.append((*entry, "link to a dropped library"))
        else:
            kept.append(entry)
    return kept, gone


def dropped_plugin_reason(dest: str) -> str | None:
    """The reason a Qt plugin is left out, or None when it is kept."""
    parts = _parts(dest)
    if "plugins" not in parts:
        return None
    rel = "/".join(parts[parts.index("plugins") + 1 :])
    for rule, reason in DROPPED_QT_PLUGINS.items():
        if rule.endswith("/") and rel.startswith(rule) or rel == rule:
            return reason
    return None


def prune_binaries(
    binaries: Iterable[tuple[str, str, str]], needed: Callable[[str], Iterable[str]]
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str, str]]]:
    """Split PyInstaller's binaries into (kept, dropped-with-reason).

    Dropped: the plugins of DROPPED_QT_PLUGINS, then every shared library that only they linked to (directly or
    through other dropped libraries): a library that anything kept links to, or that nothing links to at all (it may
    be loaded with dlopen, like NSS's modules), stays.
    """
    every = list(binaries)
    # PyInstaller's links (a top-level name pointing at a library in a subfolder) follow their target.
    links = [e for e in every if e[2] == "SYMLINK"]
    entries = [e for e in every if e[2] != "SYMLINK"]
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for entry in entries:
        by_name.setdefault(os.path.basename(entry[0].replace("\\", "/")), []).append(entry)
    deps: dict[str, set[str]] = {}

    def needs(entry: tuple[str, str, str]) -> set[str]:
        if entry[1] not in deps:
            try:
                deps[entry[1]] = {os.path.basename(n) for n in needed(entry[1])}
            except Exception:  # an unreadable file keeps everything it might need
                deps[entry[1]] = set(by_name)
        return deps[entry[1]]

    def closure(roots: Iterable[tuple[str, str, str]]) -> set[str]:
        seen: set[str] = set()
        todo = list(roots)
        while todo:
            for name in needs(todo.pop()):
                if name not in seen and name in by_name:
                    seen.add(name)
                    todo.extend(by_name[name])
        return seen

    plugins = {e[0]: r for e in entries if (r := dropped_plugin_reason(e[0]))}
    dropped_roots = [e for e in entries if e[0] in plugins]
    linked_by_dropped = closure(dropped_roots)
    candidates = {n for n in linked_by_dropped if not any(e[0] in plugins for e in by_name[n])}
    kept_roots = [e for e in entries if e[0] not in plugins and os.path.basename(e[0]) not in candidates]
    still_needed = closure(kept_roots)
    orphans = candidates - still_needed
    kept, dropped = [], []
    for entry in entries:
        name = os.path.basename(entry[0].replace("\\", "/"))
        if entry[0] in plugins:
            dropped.append((*entry, plugins[entry[0]]))
        elif name in orphans:
            dropped.append((*entry, "linked only by dropped plugins"))
        else:
            kept.append(entry)
    dropped_names = {os.path.basename(e[0].replace("\\", "/")) for e in dropped}
    for link in links:
        if os.path.basename(link[1].replace("\\", "/")) in dropped_names:
            dropped.append((*link, "link to a dropped library"))
        else:
            kept.append(link)
    return kept, dropped


def size_report(dropped: Iterable[tuple[str, ...]], limit: int = 12) -> list[str]:
    """Lines telling what each exclusion saves (source file sizes), biggest first, for the build log."""
    groups: dict[str, int] = {}
    counts: dict[str, int] = {}
    for entry in dropped:
        # (dest, src, type, reason[, replacement]): a library replaced by a smaller one saves the difference.
        dest, src, reason = entry[0], entry[1], entry[3]
        try:
            size = os.path.getsize(src) - (os.path.getsize(entry[4]) if len(entry) > 4 else 0)
        except OSError:
            size = 0
        key = f"{os.path.basename(dest)}: {reason}" if "plugins" in dest.replace("\\", "/").split("/") else reason
        groups[key] = groups.get(key, 0) + size
        counts[key] = counts.get(key, 0) + 1
    ordered = sorted(groups.items(), key=lambda kv: -kv[1])
    lines = [f"  {size / 1e6:7.1f} MB {counts[key]:4d} files  {key}" for key, size in ordered]
    total = sum(groups.values())
    return lines[:limit] + [f"  {total / 1e6:7.1f} MB {sum(counts.values()):4d} files  in all ({len(groups)} groups)"]
