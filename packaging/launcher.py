"""The script PyInstaller freezes: the `scorm-desktop` console entry point (`scorm_desktop.cli:main`), nothing more."""

import multiprocessing
import sys

from scorm_desktop.cli import main

if __name__ == "__main__":
    # Media conversion runs in spawned child processes (scorm_desktop/media): a frozen app must let them start.
    multiprocessing.freeze_support()
    sys.exit(main())
