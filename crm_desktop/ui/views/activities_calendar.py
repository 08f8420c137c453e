"""The Week and Day pages of the Activities section: one calendar of appointments (seven
days from Saturday, or one day) with drag-to-move, filtered by the section's owner filter.

The calendar shows repeating activities once per occurrence. Dragging an occurrence of a
repeating appointment is refused with a short message (the series is changed in its
editor), so a drop never moves a whole series by surprise. Opening an occurrence of a
repeating appointment asks whether to skip that day or open the series."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain import clock
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.ui import display, errors
from crm_desktop.ui.dialogs.appointment_dialog import (
    AppointmentDialog,
    confirm_overlap,
    overlapping,
)
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.theme import icons
from crm_desktop.ui.views.activities_common import ActivityPage, as_due, day_start
from crm_desktop.ui.widgets.week_calendar import WeekCalendar, local, week_start


class CalendarView(ActivityPage):
    """The calendar with its previous / this / next buttons and the dates it shows."""

    uses_owner = True

    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None, *,
                 days: int = 7):
        super().__init__(core, ops, parent)
        self.calendar = WeekCalendar()
        self.calendar.slot_clicked.connect(self.new_at)
        self.calendar.item_moved.connect(self.move_activity)
        self.calendar.occurrence_opened.connect(self.open_occurrence)
        self.prev_button = QPushButton()
        self.prev_button.setObjectName("previousWeek")
        icons.dress(self.prev_button, "chevron-left")  # mirrored right to left
        self.prev_button.clicked.connect(lambda: self.show_week(
            self.calendar.saturday - timedelta(days=self.calendar.n_days)))
        self.this_button = QPushButton()
        self.this_button.setObjectName("thisWeek")
        self.this_button.clicked.connect(lambda: self.show_week(clock.today()))
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextWeek")
        icons.dress(self.next_button, "chevron-right")
        self.next_button.clicked.connect(lambda: self.show_week(
            self.calendar.saturday + timedelta(days=self.calendar.n_days)))
        self._name_buttons()
        self.set_days(days)
        self.week_label = QLabel()
        self.week_label.setObjectName("weekLabel")
        bar = QHBoxLayout()
        for widget in (self.prev_button, self.this_button, self.next_button):
            bar.addWidget(widget)
        bar.addWidget(self.week_label, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.calendar)
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(scroll, 1)

    def _name_buttons(self) -> None:
        if self.calendar.n_days == 1:
            texts = (self.tr("Previous day"), self.tr("Today"), self.tr("Next day"))
        else:
            texts = (self.tr("Previous week"), self.tr("This week"), self.tr("Next week"))
        for button, text in zip((self.prev_button, self.this_button, self.next_button), texts,
                                strict=True):
            button.setText(text)

    def set_days(self, days: int) -> None:
        """Show 7 days (the week of today) or 1 (today); reads nothing."""
        if days != self.calendar.n_days:
            self.calendar.set_days(days)
            self.calendar.set_week(clock.today())
            self._name_buttons()

    def show_week(self, day: date) -> None:
        """Show the week of `day` (in day mode: `day` itself)."""
        self.calendar.set_week(week_start(day) if self.calendar.n_days == 7 else day)
        self.refresh()

    def refresh(self) -> None:
        saturday = self.calendar.saturday
        days = self.calendar.n_days
        last = saturday + timedelta(days=days - 1)
        self.week_label.setText(display.jalali_date_only(saturday) if days == 1 else
                                f"{display.jalali_date_only(saturday)} – "
                                f"{display.jalali_date_only(last)}")
        rows = self.core.activities.occurrences_between(
            day_start(saturday), day_start(saturday + timedelta(days=days)),
            owner_id=self.owner_id)
        self.calendar.set_items(as_due(rows))

    def is_empty(self) -> bool:
        return not self.calendar.blocks

    def open_occurrence(self, activity_id: int, start: datetime) -> str:
        """Open a calendar block: a repeating appointment asks whether to skip the day the
        block falls on or to open the series. Returns "skip", "series", "edit" or ""."""
        try:
            row = self.core.activities.get(activity_id)
        except NotFoundError:
            self.refresh()
            return ""
        if row.get("recurrence") is None:
            self.edit_activity(activity_id)
            return "edit"
        day = local(start).date()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Repeating appointment"),
                          self.tr("This appointment repeats. Skip only this day, or open "
                                  "the whole series?"),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("occurrenceChoice")
        skip = box.addButton(self.tr("Skip this day"), QMessageBox.ButtonRole.ActionRole)
        skip.setObjectName("skipOccurrence")
        series = box.addButton(self.tr("Open the series"), QMessageBox.ButtonRole.AcceptRole)
        series.setObjectName("openSeries")
        box.addButton(QMessageBox.StandardButton.Cancel)
        answer: Any = errors.ask_box(box)
        chosen = answer if isinstance(answer, QAbstractButton) else box.clickedButton()
        if chosen is skip:
            self.ops.run(self, lambda: self.core.activities.skip_occurrence(activity_id, day),
                         changes=["activities"])
            return "skip"
        if chosen is series:
            self.edit_activity(activity_id)
            return "series"
        return ""

    def new_at(self, start: datetime) -> int | None:
        return AppointmentDialog.edit(self, self.core, self.ops, start=start)

    def move_activity(self, activity_id: int, new_start: datetime) -> bool:
        """Move an appointment to a new start (asks first when it overlaps another one of
        the same owner)."""
        try:
            row = self.core.activities.get(activity_id)
        except NotFoundError:
            self.refresh()
            return False
        if row.get("recurrence") is not None:
            errors.show_message(self, self.tr(
                "This appointment repeats, so it cannot be dragged. Open it to change the "
                "time of the whole series."))
            self.refresh()
            return False
        if not confirm_overlap(self, overlapping(self.core, row.get("owner_id"), new_start,
                                                 row.get("duration_minutes") or 0, activity_id)):
            return False
        changes: dict[str, Any] = {"due_at": new_start.astimezone(UTC)}
        if row.get("reminder_at") is not None and row.get("due_at") is not None:
            # the reminder keeps its distance before the appointment
            changes["reminder_at"] = changes["due_at"] - (row["due_at"] - row["reminder_at"])
        return self.ops.run(self, lambda: self.core.activities.update(activity_id, changes),
                            changes=["activities"]).ok
