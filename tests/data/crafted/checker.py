"""A SCORM 1.2 package made for the course checker's tests: one good SCO, then one fault per item.

- `good`: Initialize, status, Commit, Finish — nothing to report;
- `image`: shows an image the package lacks (also listed in the manifest);
- `case`: shows an image by a wrong-case name ('Images/Logo.PNG' for 'images/logo.png'), listed that way too;
- `noinit`: reads a value but never calls Initialize;
- `invalid`: sets `cmi.core.lesson_status` to 'done' (not in the vocabulary), then completes and finishes.
Generated, never committed as a binary."""

from __future__ import annotations

import base64
import zipfile
from pathlib import Path

#: A 1x1 PNG.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")

FIND_API = """function findAPI(w){var n=0;while(w&&!w.API&&w.parent&&w.parent!==w&&n<50){w=w.parent;n++;}return w?w.API:null;}
var api = findAPI(window);"""

PAGES = {
    "good": "api.LMSInitialize(''); api.LMSSetValue('cmi.core.lesson_status','passed'); api.LMSCommit('');"
            "api.LMSFinish('');",
    "image": "api.LMSInitialize(''); api.LMSSetValue('cmi.core.lesson_status','completed'); api.LMSFinish('');",
    "case": "api.LMSInitialize(''); api.LMSSetValue('cmi.core.lesson_status','completed'); api.LMSFinish('');",
    "noinit": "api.LMSGetValue('cmi.core.student_name');",
    "invalid": "api.LMSInitialize(''); api.LMSSetValue('cmi.core.lesson_status','done');"
               "api.LMSSetValue('cmi.core.lesson_status','completed'); api.LMSFinish('');",
}
IMAGES = {"image": "images/missing.png", "case": "Images/Logo.PNG"}
TITLES = {"good": "A good SCO", "image": "A missing image", "case": "A wrong-case file name",
          "noinit": "Never initializes", "invalid": "Sets an invalid value"}


def page(name: str) -> str:
    img = f'<img src="{IMAGES[name]}" alt="picture">' if name in IMAGES else ""
    # the script runs once the image has had its chance to load, so the request is made before the SCO ends
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLES[name]}</title></head><body>'
            f"<h1>{TITLES[name]}</h1>{img}<script>{FIND_API}\nwindow.addEventListener('load', function () {{"
            f"setTimeout(function () {{ {PAGES[name]} }}, 100); }});</script></body></html>")


def manifest() -> str:
    items = "".join(f'<item identifier="{n}" identifierref="r-{n}"><title>{TITLES[n]}</title></item>' for n in PAGES)
    resources = "".join(
        f'<resource identifier="r-{n}" type="webcontent" adlcp:scormtype="sco" href="{n}.html">'
        f'<file href="{n}.html"/>' + (f'<file href="{IMAGES[n]}"/>' if n in IMAGES else "") + "</resource>"
        for n in PAGES)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="crafted.checker" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Checker test course</title>{items}
  </organization></organizations>
  <resources>{resources}</resources>
</manifest>"""


def make_checker_package(dest: Path) -> Path:
    """Write the package as a ZIP at `dest` (a .zip path) and return it."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("imsmanifest.xml", manifest())
        for name in PAGES:
            zf.writestr(f"{name}.html", page(name))
        zf.writestr("images/logo.png", PNG)
    return dest


def _one_sco(title: str, body: str, extra_files: tuple[str, ...] = ()) -> tuple[str, str]:
    """(manifest, page) of a SCORM 1.2 package of one SCO, 'index.html', whose script is `body`."""
    files = "".join(f'<file href="{n}"/>' for n in ("index.html",) + extra_files)
    manifest_xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="crafted.{title.lower().replace(' ', '-')}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>{title}</title>
  <item identifier="sco" identifierref="r-sco"><title>{title}</title></item></organization></organizations>
  <resources><resource identifier="r-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">{files}
  </resource></resources>
</manifest>"""
    page_html = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>'
                 f"<h1>{title}</h1><script>{FIND_API}\n{body}</script></body></html>")
    return manifest_xml, page_html


def make_large_package(dest: Path, megabytes: int = 150, files: int = 1) -> Path:
    """A valid one-SCO package carrying `megabytes` of random (incompressible) data in `files` files, stored: its
    import takes a while (extraction and checksums of every byte, every file written)."""
    import os

    dest.parent.mkdir(parents=True, exist_ok=True)
    names = [f"media/part{i:05d}.bin" for i in range(files)]
    manifest_xml, page_html = _one_sco("Large course", "api.LMSInitialize('');", tuple(names))
    size = (megabytes << 20) // files
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
        zf.writestr("imsmanifest.xml", manifest_xml)
        zf.writestr("index.html", page_html)
        for name in names:
            with zf.open(name, "w", force_zip64=True) as out:
                left = size
                while left:
                    piece = min(left, 1 << 20)
                    out.write(os.urandom(piece))
                    left -= piece
    return dest


#: What the `escapes` SCO tries to load besides its own files: a file of the computer, other schemes, the internet.
ESCAPES = {
    "file-frame": "file:///etc/hostname",
    "file-nav": "file:///etc/passwd",
    "qrc": "qrc:/qtwebchannel/qwebchannel.js",
    "ftp": "ftp://127.0.0.1:9/escape.txt",
    "http": "http://127.0.0.1:9/escape.png",
}


def make_escape_package(dest: Path) -> Path:
    """One SCO that tries to reach outside its package (`ESCAPES`) as a frame, an image and a script, then
    initializes and finishes. Whatever loads says so on the console as an error ("ESCAPED <name> <how>"), which the
    checker's run records: the player's rules must block each, and the checker must report them."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tries = "".join(
        f"  var f{i} = document.createElement('iframe'); f{i}.src = {url!r}; document.body.appendChild(f{i});\n"
        f"  var i{i} = new Image(); i{i}.onload = function () {{ console.error('ESCAPED {name} image'); }};"
        f" i{i}.src = {url!r};\n"
        f"  var s{i} = document.createElement('script'); s{i}.onload = function () {{"
        f" console.error('ESCAPED {name} script'); }}; s{i}.src = {url!r}; document.head.appendChild(s{i});\n"
        for i, (name, url) in enumerate(ESCAPES.items()))
    body = ("window.addEventListener('load', function () {\n" + tries
            + "  setTimeout(function () { api.LMSInitialize(''); api.LMSSetValue('cmi.core.lesson_status','completed');"
              " api.LMSFinish(''); }, 1500);\n});")
    manifest_xml, page_html = _one_sco("Escapes", body)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("imsmanifest.xml", manifest_xml)
        zf.writestr("index.html", page_html)
    return dest
