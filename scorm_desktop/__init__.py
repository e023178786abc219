"""SCORM Desktop: an offline-first desktop player for SCORM 1.2 and SCORM 2004 courses."""

__version__ = "0.1.0"
APP_NAME = "scorm-desktop"
