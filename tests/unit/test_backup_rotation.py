"""Grandfather-father-son rotation: what is kept over a simulated year, and the rule's
properties over any sequence of backup moments (hypothesis)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.services.backup_files import (
    backup_name,
    month_of,
    parse_name,
    rotate,
    to_keep,
    week_of,
)


def test_a_year_of_daily_backups_keeps_exactly_the_gfs_set() -> None:
    start = datetime(2026, 3, 21, 18, 30)  # 1 Farvardin 1405
    moments = [start + timedelta(days=i) for i in range(365)]
    kept = to_keep(moments, daily=7, weekly=4, monthly=6)
    last = moments[-1]
    dailies = {last - timedelta(days=i) for i in range(7)}
    # the newest of each of the 4 latest Saturday-to-Friday weeks: the week in progress
    # (its newest is the last day) and the 3 Fridays before
    fridays = sorted((m for m in moments if m.weekday() == 4), reverse=True)
    weeklies = {last, *fridays[:3]} if last.weekday() != 4 else set(fridays[:4])
    # the newest of each of the 6 latest Jalali months: the last day, and the last day of
    # each of the 5 Jalali months before
    by_month: dict[tuple[int, int], datetime] = {}
    for moment in moments:
        by_month[month_of(moment.date())] = moment
    monthlies = set(sorted(by_month.values(), reverse=True)[:6])
    assert kept == dailies | weeklies | monthlies
    assert len(kept) <= 7 + 4 + 6


def test_several_backups_a_day_keep_the_days_newest() -> None:
    day = datetime(2026, 11, 30)
    moments = [day.replace(hour=h) for h in (9, 13, 18)]
    assert to_keep(moments, 1, 0, 0) == {day.replace(hour=18)}


def test_weeks_start_on_saturday() -> None:
    friday, saturday = date(2026, 11, 27), date(2026, 11, 28)
    assert week_of(friday) != week_of(saturday)
    assert week_of(saturday) == week_of(date(2026, 12, 4))  # the next Friday


moments_st = st.lists(st.datetimes(datetime(2024, 1, 1), datetime(2027, 12, 31)),
                      max_size=120)


@settings(max_examples=150, deadline=None)
@given(moments=moments_st, daily=st.integers(1, 10), weekly=st.integers(0, 8),
       monthly=st.integers(0, 14))
def test_the_rule_over_any_dates(moments: list[datetime], daily: int, weekly: int,
                                 monthly: int) -> None:
    kept = to_keep(moments, daily, weekly, monthly)
    assert kept <= set(moments)
    assert len(kept) <= daily + weekly + monthly
    if moments:
        assert max(moments) in kept  # the newest is always kept
    for n, period in ((daily, lambda d: d), (weekly, week_of), (monthly, month_of)):
        periods = sorted({period(m.date()) for m in moments}, reverse=True)[:n]
        for p in periods:  # the newest of each of the n latest periods is kept
            assert max(m for m in moments if period(m.date()) == p) in kept
    for k in kept:  # nothing else: each kept one is the newest of a kept period
        assert any(period(k.date()) in sorted({period(m.date()) for m in moments},
                                              reverse=True)[:n]
                   and k == max(m for m in moments if period(m.date()) == period(k.date()))
                   for n, period in ((daily, lambda d: d), (weekly, week_of),
                                     (monthly, month_of)))
    assert to_keep(kept, daily, weekly, monthly) == kept  # rotating again removes nothing


def test_rotation_deletes_only_our_old_backups(tmp_path: Path) -> None:
    start = datetime(2026, 1, 1, 20, 0)
    ours = [tmp_path / backup_name("crm", start + timedelta(days=i), i % 2 == 0)
            for i in range(40)]
    for p in ours:
        p.write_bytes(b"x")
    others = [tmp_path / n for n in ("notes.txt", "crm-backup-latest.sqlite3",
                                     "other-backup-20260101-200000.sqlite3",
                                     "crm-backup-20260101-200000.sqlite3.part",
                                     "crm.before-restore-20260101-200000.sqlite3")]
    for p in others:
        p.write_bytes(b"y")
    removed = rotate(tmp_path, "crm", 3, 2, 1, protect=[ours[0]])
    left = {p for p in ours if p.exists()}
    kept = to_keep([parse_name(p.name, "crm") for p in ours], 3, 2, 1)
    assert {parse_name(p.name) for p in left} == kept | {parse_name(ours[0].name)}
    assert all(p.exists() for p in others)
    assert set(removed) == set(ours) - left
