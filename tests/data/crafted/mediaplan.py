"""A crafted SCORM 1.2 package for tests/bridge/test_content_media_plan.py, written by code like the others here: one SCO
that fetches a media file (`media/clip.avi`, a few bytes no engine decodes) and prints "PLAN-FETCHED <status>" on the
console when the answer arrives. It stays open (it never calls LMSFinish), so the test decides when it ends."""

from __future__ import annotations

from pathlib import Path

from data.crafted.isolation import _SCO_JS, _write

CLIP = "media/clip.avi"


def media_plan_course(dest: Path, title: str = "Media plan") -> Path:
    index = f"""<!DOCTYPE html><html><body><script>{_SCO_JS}
fetch("{CLIP}").then(function (r) {{ console.log("PLAN-FETCHED " + r.status); }},
  function () {{ console.log("PLAN-FETCHED error"); }});
</script></body></html>"""
    path = _write(dest, "crafted.media.plan", title, {"index.html": index})
    (path / CLIP).parent.mkdir(parents=True, exist_ok=True)
    (path / CLIP).write_bytes(b"RIFF\x00\x00\x00\x00AVI not really")
    return path
