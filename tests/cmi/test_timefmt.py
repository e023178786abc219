"""SCORM time spans: tolerant parsing, formatting, strict validation."""

from __future__ import annotations

import pytest

from scorm_desktop.cmi import timefmt


@pytest.mark.parametrize("text, cs", [
    ("PT1H2M3S", 372300),
    ("PT1H2M3.45S", 372345),
    ("P1DT1S", 8640100),
    ("PT0H0M0S", 0),
    ("P0S", 0),  # broken: seconds in the date part
    ("PT", 0),
    ("P", 0),
    ("PT1.5S", 150),
    ("PT0H0M1.23456S", 123),
    ("PT0.005S", 1),  # rounds half up
    ("pt2m", 12000),
    ("PT1,5S", 150),
    (" PT10S ", 1000),
    ("P1W", 7 * 24 * 360000),
    ("PT100H", 100 * 360000),
])
def test_parse_duration(text, cs):
    assert timefmt.parse_duration(text) == cs


@pytest.mark.parametrize("text", ["", "1H", "PT1X", "P1H2", "PTS", "01:00:00", None])
def test_parse_duration_rejects(text):
    with pytest.raises(ValueError):
        timefmt.parse_duration(text)


@pytest.mark.parametrize("text, cs", [
    ("0000:00:00.00", 0),
    ("00:01:30.5", 9050),
    ("0001:02:03", 372300),
    ("123:04:05", 123 * 360000 + 24500),  # hours > 99
    ("12345:00:00", 12345 * 360000),  # beyond HHHH
    ("1:2:3", 360000 + 12000 + 300),  # no leading zeros
    ("00:00:01.239", 124),
    ("00:00:01,5", 150),
])
def test_parse_timespan_12(text, cs):
    assert timefmt.parse_timespan_12(text) == cs


@pytest.mark.parametrize("text", ["", "1:30", "aa:bb:cc", "PT1S", None])
def test_parse_timespan_12_rejects(text):
    with pytest.raises(ValueError):
        timefmt.parse_timespan_12(text)


def test_parse_any_and_try_parse():
    assert timefmt.parse_any("PT1M") == 6000
    assert timefmt.parse_any("00:01:00") == 6000
    assert timefmt.parse_any("60") == 6000
    assert timefmt.try_parse("garbage") is None
    assert timefmt.try_parse("") is None
    assert timefmt.try_parse(None) is None


@pytest.mark.parametrize("cs, text", [
    (0, "PT0H0M0S"),
    (372345, "PT1H2M3.45S"),
    (372340, "PT1H2M3.4S"),
    (150, "PT0H0M1.5S"),
    (100 * 360000, "PT100H0M0S"),
    (-5, "PT0H0M0S"),
])
def test_format_duration(cs, text):
    assert timefmt.format_duration(cs) == text
    assert timefmt.is_valid_duration(text)


@pytest.mark.parametrize("cs, text", [
    (0, "0000:00:00.00"),
    (372345, "0001:02:03.45"),
    (10000 * 360000, "9999:59:59.99"),  # capped at the largest legal value
])
def test_format_timespan_12(cs, text):
    assert timefmt.format_timespan_12(cs) == text
    assert timefmt.is_valid_timespan_12(text)


@pytest.mark.parametrize("cs", [0, 1, 99, 100, 6000, 372345, 8640100, 123456789])
def test_round_trips(cs):
    assert timefmt.parse_duration(timefmt.format_duration(cs)) == cs
    assert timefmt.parse_timespan_12(timefmt.format_timespan_12(cs)) == cs


def test_from_seconds():
    assert timefmt.from_seconds(1.234) == 123
    assert timefmt.from_seconds(-3) == 0
    assert timefmt.from_seconds(float("nan")) == 0
    assert timefmt.to_seconds(150) == 1.5
    assert timefmt.format_for("1.2", 100) == "0000:00:01.00"
    assert timefmt.format_for("2004", 100) == "PT1S"


@pytest.mark.parametrize("text, ok", [
    ("PT1H", True), ("P1Y2M3DT4H5M6.7S", True), ("PT0.25S", True), ("P1D", True),
    ("P", False), ("PT", False), ("P0S", False), ("PT1H2", False), ("1H", False), ("P1DT", False), ("", False),
])
def test_is_valid_duration(text, ok):
    assert timefmt.is_valid_duration(text) is ok


@pytest.mark.parametrize("text, ok", [
    ("00:00:00", True), ("9999:59:59.99", True), ("12:30:00.5", True),
    ("1:30:00", False), ("00:60:00", False), ("00:00:00.123", False), ("12345:00:00", False),
])
def test_is_valid_timespan_12(text, ok):
    assert timefmt.is_valid_timespan_12(text) is ok


@pytest.mark.parametrize("text, ok", [
    ("2024", True), ("2024-03", True), ("2024-03-01T10", True), ("2024-03-01T10:20:30.5Z", True),
    ("2024-03-01T10:20:30+01:00", True), ("1969-01-01", False), ("2024-13-01", False), ("2024-03-01T25", False),
])
def test_is_valid_time_2004(text, ok):
    assert timefmt.is_valid_time_2004(text) is ok


def test_is_valid_time_12():
    assert timefmt.is_valid_time_12("23:59:59.99")
    assert not timefmt.is_valid_time_12("24:00:00")


@pytest.mark.parametrize("cs, text", [
    # The forms ADL's conformance test (DMB) expects for an accumulated cmi.total_time.
    (0, "PT0H0M0S"),
    (6000, "PT1M"),
    (2 * 360000 + 2000, "PT2H20S"),
    (2 * 360000 + 6 * 6000 + 900, "PT2H6M9S"),
    (29 * 24 * 360000, "P29D"),
    (25 * 360000 + 50, "P1DT1H0.5S"),
    (1, "PT0.01S"),
    (372345, "PT1H2M3.45S"),
])
def test_format_timeinterval(cs, text):
    assert timefmt.format_timeinterval(cs) == text
    assert timefmt.is_valid_duration(text)
    assert timefmt.parse_duration(text) == cs
    assert timefmt.format_for("2004", cs) == text
