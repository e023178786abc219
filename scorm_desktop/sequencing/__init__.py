"""SCORM sequencing: 2004 Sequencing and Navigation (definition, activity tree, engine) and 1.2 prerequisites.

Plain Python, no Qt, no database: the player and the storage layer drive it (see `engine.Sequencer`).
"""

from scorm_desktop.sequencing.engine import Outcome, Sequencer, parse_nav_request
from scorm_desktop.sequencing.tree import ActivityTree

__all__ = ["ActivityTree", "Outcome", "Sequencer", "parse_nav_request"]
