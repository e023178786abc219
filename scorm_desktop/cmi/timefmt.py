"""SCORM time spans: SCORM 1.2 CMITimespan (``HHHH:MM:SS.SS``) and SCORM 2004 timeinterval (ISO 8601 duration).

All durations are handled as whole centiseconds (the precision both standards keep). Parsing is tolerant of the
broken forms real content sends (``P0S``, ``PT``, ``PT0H0M1.23456S``, hours beyond 99 or 9999, missing leading
zeros, comma decimals); the ``is_valid_*`` functions are the strict checks of the specifications, built from the same
regular expressions the run-time uses (``datamodel``).
"""

from __future__ import annotations

import math
import re

from scorm_desktop.cmi.datamodel import CMITIME, CMITIMESPAN, TIME_2004, TIMEINTERVAL

CS_PER_SECOND = 100
_MINUTE = 60 * CS_PER_SECOND
_HOUR = 60 * _MINUTE
_DAY = 24 * _HOUR
# ISO 8601 nominal units for durations that carry years, months or weeks (rare in SCORM content).
_YEAR = 365 * _DAY
_MONTH = 30 * _DAY
_WEEK = 7 * _DAY

_NUM = r"([0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)"
_DURATION_LOOSE = re.compile(
    rf"[+]?P(?:{_NUM}Y)?(?:{_NUM}M)?(?:{_NUM}W)?(?:{_NUM}D)?(?:{_NUM}H)?(?:{_NUM}S)?"
    rf"(?:T(?:{_NUM}H)?(?:{_NUM}M)?(?:{_NUM}S)?)?",
    re.IGNORECASE,
)
_TIMESPAN_LOOSE = re.compile(r"([0-9]+):([0-9]{1,2}):([0-9]{1,2}(?:[.,][0-9]*)?)")
_SECONDS_ONLY = re.compile(r"[0-9]+(?:[.,][0-9]*)?")


def _num(text: str | None) -> float:
    if not text:
        return 0.0
    return float(text.replace(",", "."))


def _round_cs(value: float) -> int:
    """Round half up to whole centiseconds (plain floats: 1.005 s is 100.49999 cs, so nudge by an epsilon)."""
    return int(math.floor(value + 0.5 + 1e-9))


def from_seconds(seconds: float) -> int:
    """Seconds (float) -> whole centiseconds, never negative."""
    if seconds is None or not math.isfinite(seconds) or seconds <= 0:
        return 0
    return _round_cs(seconds * CS_PER_SECOND)


def to_seconds(centiseconds: int) -> float:
    return centiseconds / CS_PER_SECOND


# --- parsing (tolerant) ------------------------------------------------------------------------------------------------


def parse_duration(text: str) -> int:
    """ISO 8601 duration -> centiseconds, tolerant. Raises ValueError when `text` is not a duration at all.

    Accepts the strict SCORM 2004 form and: ``P``/``PT``/``P0S`` (zero or date-part seconds), fractions anywhere and
    of any length, comma decimals, lower case, weeks, a leading ``+``, surrounding white space.
    """
    if text is None:
        raise ValueError("no duration")
    s = text.strip()
    m = _DURATION_LOOSE.fullmatch(s)
    if not m:
        raise ValueError(f"not an ISO 8601 duration: {text!r}")
    y, mo, w, d, h_date, s_date, h, mi, sec = (_num(g) for g in m.groups())
    total = (y * _YEAR + mo * _MONTH + w * _WEEK + d * _DAY + (h_date + h) * _HOUR + mi * _MINUTE
             + (s_date + sec) * CS_PER_SECOND)
    return _round_cs(total)


def parse_timespan_12(text: str) -> int:
    """SCORM 1.2 CMITimespan ``HHHH:MM:SS.SS`` -> centiseconds, tolerant (any number of hour digits, one-digit
    minutes/seconds, longer fractions, comma decimals). Raises ValueError otherwise."""
    if text is None:
        raise ValueError("no time span")
    m = _TIMESPAN_LOOSE.fullmatch(text.strip())
    if not m:
        raise ValueError(f"not a CMITimespan: {text!r}")
    hours, minutes, seconds = int(m.group(1)), int(m.group(2)), _num(m.group(3))
    return _round_cs(hours * _HOUR + minutes * _MINUTE + seconds * CS_PER_SECOND)


def parse_any(text: str) -> int:
    """Either form (content sometimes sends a 2004 duration to a 1.2 API and the reverse), or bare seconds."""
    s = (text or "").strip()
    if s[:1] in ("P", "p", "+"):
        return parse_duration(s)
    if ":" in s:
        return parse_timespan_12(s)
    if _SECONDS_ONLY.fullmatch(s):
        return _round_cs(_num(s) * CS_PER_SECOND)
    raise ValueError(f"not a time span: {text!r}")


def try_parse(text: str | None) -> int | None:
    """`parse_any`, or None when the text is empty or broken beyond repair."""
    if not text:
        return None
    try:
        return parse_any(text)
    except ValueError:
        return None


# --- formatting ---------------------------------------------------------------------------------------------------------


def format_duration(centiseconds: int) -> str:
    """Centiseconds -> SCORM 2004 timeinterval, e.g. 372345 -> ``PT1H2M3.45S``; 0 -> ``PT0H0M0S``.

    Hours are not folded into days, which keeps totals easy to read and parse everywhere.
    """
    cs = max(0, int(centiseconds))
    hours, rest = divmod(cs, _HOUR)
    minutes, rest = divmod(rest, _MINUTE)
    seconds, frac = divmod(rest, CS_PER_SECOND)
    sec = str(seconds) if frac == 0 else f"{seconds}.{frac:02d}".rstrip("0")
    return f"PT{hours}H{minutes}M{sec}S"


def format_timeinterval(centiseconds: int) -> str:
    """Centiseconds -> the shortest SCORM 2004 timeinterval: zero parts left out, whole days as ``D``
    (``PT1M``, ``PT2H20S``, ``P29D``, ``P1DT1H0.5S``); zero is ``PT0H0M0S`` (the RTE's initial cmi.total_time).

    This is the form the LMS hands to content (cmi.total_time, cmi.max_time_allowed), the one ADL's conformance test
    expects when it reads back an accumulated total time.
    """
    cs = max(0, int(centiseconds))
    if cs == 0:
        return "PT0H0M0S"
    days, rest = divmod(cs, _DAY)
    hours, rest = divmod(rest, _HOUR)
    minutes, rest = divmod(rest, _MINUTE)
    seconds, frac = divmod(rest, CS_PER_SECOND)
    date = f"{days}D" if days else ""
    clock = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    if seconds or frac:
        clock += (str(seconds) if frac == 0 else f"{seconds}.{frac:02d}".rstrip("0")) + "S"
    return "P" + date + ("T" + clock if clock else "")


def format_timespan_12(centiseconds: int) -> str:
    """Centiseconds -> SCORM 1.2 CMITimespan ``HHHH:MM:SS.SS`` (capped at 9999:59:59.99, the largest legal value)."""
    cs = min(max(0, int(centiseconds)), 9999 * _HOUR + 59 * _MINUTE + 59 * CS_PER_SECOND + 99)
    hours, rest = divmod(cs, _HOUR)
    minutes, rest = divmod(rest, _MINUTE)
    seconds, frac = divmod(rest, CS_PER_SECOND)
    return f"{hours:04d}:{minutes:02d}:{seconds:02d}.{frac:02d}"


def format_for(version: str, centiseconds: int) -> str:
    """The time-span form of `version` ("1.2" or "2004")."""
    return format_timespan_12(centiseconds) if version == "1.2" else format_timeinterval(centiseconds)


# --- strict validation (the run-time's rules) ------------------------------------------------------------------------


def is_valid_duration(text: str) -> bool:
    """Strict SCORM 2004 timeinterval (second,10,2): ``P[yY][mM][dD][T[hH][mM][s[.s]S]]``, at least one part."""
    return isinstance(text, str) and re.fullmatch(TIMEINTERVAL, text) is not None


def is_valid_timespan_12(text: str) -> bool:
    """Strict SCORM 1.2 CMITimespan: ``HHHH:MM:SS.SS`` with 2-4 hour digits and an optional 1-2 digit fraction."""
    return isinstance(text, str) and re.fullmatch(CMITIMESPAN, text) is not None


def is_valid_time_2004(text: str) -> bool:
    """Strict SCORM 2004 time(second,10,2): ``YYYY[-MM[-DD[Thh[:mm[:ss[.s[TZD]]]]]]]``, years 1970-2038."""
    return isinstance(text, str) and re.fullmatch(TIME_2004, text) is not None


def is_valid_time_12(text: str) -> bool:
    """Strict SCORM 1.2 CMITime: ``HH:MM:SS[.SS]`` (a time of day)."""
    return isinstance(text, str) and re.fullmatch(CMITIME, text) is not None
