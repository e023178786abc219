"""When content waits for a learner: no API call and no navigation for a while. Shared by `check` and
`play --headless` (which then stops with its own exit status instead of running into the time-out)."""

from __future__ import annotations

import time
from typing import Callable

from ..i18n import _, plural

#: Seconds without an API call or a navigation after which content is taken to wait for a learner.
DEFAULT_IDLE = 10.0


class IdleWatch:
    """Counts API calls and notes each sign of life; `idle()` once none came for `seconds`."""

    def __init__(self, seconds: float = DEFAULT_IDLE, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = float(seconds)
        self.clock = clock
        self.calls = 0
        self.last = clock()

    def activity(self) -> None:
        """A navigation (a page or frame loads) or any other sign that the content is moving on by itself."""
        self.last = self.clock()

    def api_calls(self, n: int) -> None:
        self.calls += n
        self.last = self.clock()

    def quiet_for(self) -> float:
        return self.clock() - self.last

    def idle(self) -> bool:
        return self.seconds > 0 and self.quiet_for() >= self.seconds

    def sentence(self) -> str:
        return _("The content waits for a learner after {0}: no call and no navigation for {1} s.").format(
            plural(self.calls, _("{0} API call"), _("{0} API calls")), f"{self.seconds:g}")
