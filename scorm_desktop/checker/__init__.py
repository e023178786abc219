"""The course checker (`scorm-desktop check`, *File › Check a course…*): validates a package and runs every
launchable item unattended, then gives a verdict per item and per package (ok / works with warnings / broken).

Plain Python: `static.py` (the package: schemas, identifiers, files, sequencing, notes), `report.py` (findings,
verdicts, JSON, text), `html.py` (the self-contained HTML report), `idle.py` (when content waits for a learner),
`runtime.py` (what a run observed, turned into findings). The Qt runner is `scorm_desktop/ui/check_runner.py`.
"""

from .report import Finding, ItemReport, PackageReport  # noqa: F401
