"""A file's time (seconds since 1970) read on the business's clock, whatever the
computer's own time zone."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.domain import clock


@given(st.floats(min_value=0, max_value=4_102_444_800))  # 1970 .. 2100
def test_file_times_are_the_instant_the_system_means(seconds: float) -> None:
    moment = clock.from_epoch(seconds)
    assert moment.tzinfo is not None and moment.utcoffset() == clock.business_tz(
        ).utcoffset(moment.replace(tzinfo=None))
    assert abs((moment - datetime.fromtimestamp(seconds, UTC)).total_seconds()) < 1e-5


def test_the_business_clock_not_the_computers(monkeypatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    assert clock.from_epoch(0).strftime("%Y-%m-%d %H:%M") == "1970-01-01 03:30"
