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
