"""The script PyInstaller freezes: the `scorm-desktop` console entry point (`scorm_desktop.cli:main`), nothing more."""

import sys

from scorm_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
