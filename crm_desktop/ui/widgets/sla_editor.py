"""Support hours and response targets in Settings: the working hours of each weekday, the
holidays and, per priority, how many working hours a first response and a resolution may take.

Each day edits its first working interval; any further intervals stored in the settings (only
the core can make them) are kept as they are while the day stays a working day.
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.enums import TicketPriority
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.settings import MAX_TARGET_HOURS
from crm_desktop.services.sla import WEEKDAYS, Interval
from crm_desktop.ui import display, labels
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.theme import icons
from crm_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit

#: the Iranian week, Saturday first
DAY_ORDER = ("sat", "sun", "mon", "tue", "wed", "thu", "fri")
PRIORITY_ORDER = (TicketPriority.URGENT, TicketPriority.HIGH, TicketPriority.NORMAL,
                  TicketPriority.LOW)


def _qtime(t: time) -> QTime:
    return QTime(t.hour, t.minute)


def _time(q: QTime) -> time:
    return time(q.hour(), q.minute())


class DayRow:
    """One weekday: works or not, and the start and end of its first interval."""

    def __init__(self, key: str, works: QCheckBox, start: QTimeEdit, end: QTimeEdit):
        self.key = key
        self.works = works
        self.start = start
        self.end = end
        self.extra: list[Interval] = []  # further intervals from the settings, kept as is
        works.toggled.connect(self._update)

    def _update(self) -> None:
        self.start.setEnabled(self.works.isChecked())
        self.end.setEnabled(self.works.isChecked())

    def set(self, intervals: list[Interval]) -> None:
        self.works.setChecked(bool(intervals))
        first = intervals[0] if intervals else (time(8), time(17))
        self.start.setTime(_qtime(first[0]))
        self.end.setTime(_qtime(first[1]))
        self.extra = list(intervals[1:])
        self._update()

    def get(self) -> list[Interval]:
        if not self.works.isChecked():
            return []
        return [(_time(self.start.time()), _time(self.end.time())), *self.extra]


class SlaEditor(QWidget):
    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("slaEditor")
        self.core = core
        self.ops = ops
        self.dirty = False

        names = {"sat": self.tr("Saturday"), "sun": self.tr("Sunday"),
                 "mon": self.tr("Monday"), "tue": self.tr("Tuesday"),
                 "wed": self.tr("Wednesday"), "thu": self.tr("Thursday"),
                 "fri": self.tr("Friday")}
        days = QGridLayout()
        days.addWidget(QLabel(self.tr("Day")), 0, 0)
        days.addWidget(QLabel(self.tr("Working day")), 0, 1)
        days.addWidget(QLabel(self.tr("From")), 0, 2)
        days.addWidget(QLabel(self.tr("To")), 0, 3)
        self.days: dict[str, DayRow] = {}
        for i, key in enumerate(DAY_ORDER, start=1):
            works = QCheckBox(self.tr("Works"))
            works.setObjectName(f"works_{key}")
            start, end = QTimeEdit(), QTimeEdit()
            for edit, part in ((start, "start"), (end, "end")):
                edit.setObjectName(f"{part}_{key}")
                edit.setDisplayFormat("HH:mm")
                edit.timeChanged.connect(self._mark_dirty)
            works.toggled.connect(self._mark_dirty)
            days.addWidget(QLabel(names[key]), i, 0)
            days.addWidget(works, i, 1)
            days.addWidget(start, i, 2)
            days.addWidget(end, i, 3)
            self.days[key] = DayRow(key, works, start, end)
        days.setColumnStretch(4, 1)

        self.holidays = QListWidget()
        self.holidays.setObjectName("holidayList")
        self.holidays.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # several dates visible at once, whatever the page's height
        rows = self.fontMetrics().lineSpacing() + 6
        self.holidays.setMinimumHeight(5 * rows + 6)
        self.holidays.setMaximumHeight(10 * rows + 6)
        self.holiday_date = JalaliDateEdit(field_name="holidays")
        self.holiday_date.setObjectName("holidayDate")
        self.add_holiday_button = QPushButton(self.tr("Add"))
        self.add_holiday_button.setObjectName("addHoliday")
        self.add_holiday_button.clicked.connect(self.add_holiday)
        icons.dress(self.add_holiday_button, "plus")
        self.remove_holiday_button = QPushButton(self.tr("Remove selected"))
        self.remove_holiday_button.setObjectName("removeHolidays")
        self.remove_holiday_button.clicked.connect(self.remove_selected_holidays)
        icons.dress(self.remove_holiday_button, "trash", danger=True)
        holiday_row = QHBoxLayout()
        holiday_row.addWidget(self.holiday_date)
        holiday_row.addWidget(self.add_holiday_button)
        holiday_row.addWidget(self.remove_holiday_button)
        holiday_row.addStretch(1)

        targets = QGridLayout()
        targets.addWidget(QLabel(self.tr("Priority")), 0, 0)
        targets.addWidget(QLabel(self.tr("First response (working hours)")), 0, 1)
        targets.addWidget(QLabel(self.tr("Resolution (working hours)")), 0, 2)
        priority_names = labels.ticket_priorities()
        self.targets: dict[str, tuple[QDoubleSpinBox, QDoubleSpinBox]] = {}
        for i, priority in enumerate(PRIORITY_ORDER, start=1):
            pair = []
            for kind in ("response", "resolution"):
                box = QDoubleSpinBox()
                box.setObjectName(f"{kind}_{priority.value}")
                box.setDecimals(2)
                box.setRange(0.25, float(MAX_TARGET_HOURS))
                box.setSingleStep(0.5)
                box.valueChanged.connect(self._mark_dirty)
                pair.append(box)
            targets.addWidget(QLabel(labels.label(priority_names, priority.value)), i, 0)
            targets.addWidget(pair[0], i, 1)
            targets.addWidget(pair[1], i, 2)
            self.targets[priority.value] = (pair[0], pair[1])
        targets.setColumnStretch(3, 1)

        self.error = QLabel()
        self.error.setObjectName("slaError")
        self.error.setProperty("role", "error")  # the theme's danger colour
        self.error.setWordWrap(True)
        self.error.hide()
        self.save_button = QPushButton(self.tr("Save support hours and targets"))
        self.save_button.setObjectName("saveSla")
        self.save_button.clicked.connect(self.save)
        icons.dress(self.save_button, "device-floppy", primary=True)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Working hours (the business's time zone)")))
        layout.addLayout(days)
        layout.addWidget(QLabel(self.tr("Holidays")))
        layout.addWidget(self.holidays)
        layout.addLayout(holiday_row)
        layout.addWidget(QLabel(self.tr("Targets per priority")))
        layout.addLayout(targets)
        layout.addWidget(self.error)
        layout.addLayout(save_row)
        ops.changed.connect(self._on_changed)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------
    def _mark_dirty(self) -> None:
        self.dirty = True

    def _on_changed(self, tables: list[str]) -> None:
        # an unsaved edit here is not thrown away because another setting changed
        if (not tables or "settings" in tables) and not self.dirty:
            self.refresh()

    def refresh(self) -> None:
        week, holidays, targets = self.core.settings.sla()
        mapping = week.as_mapping()
        for key, row in self.days.items():
            row.set(list(mapping.get(key, [])))
        self.holidays.clear()
        for day in sorted(holidays):
            self._add_holiday_item(day)
        for priority, (response, resolution) in self.targets.items():
            response.setValue(targets.response_for(priority).total_seconds() / 3600)
            resolution.setValue(targets.resolution_for(priority).total_seconds() / 3600)
        self.error.hide()
        self.dirty = False

    def _add_holiday_item(self, day: date) -> None:
        item = QListWidgetItem(display.jalali(day))
        item.setData(Qt.ItemDataRole.UserRole, day)
        self.holidays.addItem(item)

    def holiday_dates(self) -> list[date]:
        return [self.holidays.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.holidays.count())]

    def week_value(self) -> dict[str, list[Interval]]:
        assert set(self.days) == set(WEEKDAYS)
        return {key: row.get() for key, row in self.days.items()}

    def targets_value(self) -> dict[str, dict[str, float]]:
        return {priority: {"response": response.value(), "resolution": resolution.value()}
                for priority, (response, resolution) in self.targets.items()}

    # -- writing ---------------------------------------------------------------------------
    def add_holiday(self) -> None:
        day = self.holiday_date.date()
        if day is None or day in self.holiday_dates():
            return
        days = sorted([*self.holiday_dates(), day])
        self.holidays.clear()
        for d in days:
            self._add_holiday_item(d)
        self.holiday_date.clear()
        self.dirty = True

    def remove_selected_holidays(self) -> None:
        for item in self.holidays.selectedItems():
            self.holidays.takeItem(self.holidays.row(item))
            self.dirty = True

    def save(self) -> bool:
        week, holidays, targets = self.week_value(), self.holiday_dates(), self.targets_value()
        outcome = self.ops.run(
            self, lambda: self.core.settings.set_sla(week=week, holidays=holidays,
                                                     targets=targets),
            changes=["settings"], on_invalid=self._show_invalid)
        if outcome.ok:
            self.error.hide()
            self.dirty = False
            self.refresh()
        return outcome.ok

    def _show_invalid(self, error: ValidationError) -> None:
        self.error.setText(error.message(self.ops.lang()))
        self.error.show()
