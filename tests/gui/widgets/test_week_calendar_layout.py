"""The week calendar lays overlapping appointments side by side, each readable."""

from __future__ import annotations

from datetime import UTC, date, time

import pytest
from PySide6.QtCore import Qt

from crm_desktop.domain import clock
from crm_desktop.ui.widgets.week_calendar import WeekCalendar, week_start

SATURDAY = week_start(date(2026, 11, 28))


def _row(activity_id: int, hour: int, minute: int, minutes: int, subject: str) -> dict:
    start = clock.at(SATURDAY, time(hour, minute)).astimezone(UTC).replace(tzinfo=None)
    return {"id": activity_id, "kind": "meeting", "due_at": start, "due_all_day": False,
            "duration_minutes": minutes, "subject": subject, "contact": "سارا کریمی",
            "owner_id": 1, "done_at": None}


@pytest.fixture
def calendar(qtbot) -> WeekCalendar:
    cal = WeekCalendar()
    qtbot.addWidget(cal)
    cal.resize(1000, cal.sizeHint().height())
    cal.set_week(SATURDAY)
    return cal


@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight,
                                       Qt.LayoutDirection.RightToLeft])
def test_overlapping_blocks_side_by_side_and_readable(calendar, direction) -> None:
    calendar.setLayoutDirection(direction)
    # 10:00-10:15 and 10:10-10:20: short, and the second starts inside the first
    calendar.set_items([_row(1, 10, 0, 15, "جلسه اول"), _row(2, 10, 10, 10, "Second"),
                        _row(3, 12, 0, 10, "تنها")])
    a, b, alone = (calendar.block_rect(i) for i in (1, 2, 3))
    column = calendar.column_rect(0)
    assert not a.intersects(b)
    assert a.top() < b.top() + 1 and a.width() == pytest.approx(b.width(), abs=2)
    assert a.width() <= column.width() // 2 and alone.width() > column.width() - 4
    for rect in (a, b, alone):
        assert column.contains(rect.center())
        assert rect.height() >= calendar.fontMetrics().lineSpacing() + 4
    # the first sub-column sits at the reading edge
    if direction == Qt.LayoutDirection.RightToLeft:
        assert a.left() > b.left()
    else:
        assert a.left() < b.left()


def test_a_short_block_drawn_taller_does_not_cover_the_next(calendar) -> None:
    # 10:00-10:05 and 10:05-10:35 do not overlap in time, but the first is drawn at least a
    # line high, which reaches into the second: they are laid side by side
    calendar.set_items([_row(1, 10, 0, 5, "کوتاه"), _row(2, 10, 5, 30, "بعدی")])
    assert not calendar.block_rect(1).intersects(calendar.block_rect(2))


def test_full_text_in_the_tooltip(calendar) -> None:
    calendar.set_items([_row(1, 10, 0, 15, "جلسه‌ای با عنوانی بسیار بسیار طولانی")])
    block = calendar.block(1)
    assert block is not None
    tip = calendar.block_tooltip(block)
    assert "جلسه‌ای با عنوانی بسیار بسیار طولانی" in tip and "سارا کریمی" in tip
    assert "10:00" in tip and "10:15" in tip
