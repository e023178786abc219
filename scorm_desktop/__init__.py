"""SCORM Desktop: an offline-first desktop player for SCORM 1.2, SCORM 2004, cmi5 and xAPI (Tin Can) courses."""

__version__ = "0.1.0"
APP_NAME = "scorm-desktop"
