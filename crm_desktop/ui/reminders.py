"""Reminders: every 30 seconds the watcher asks for open activities whose reminder time
has come and shows them in one window (Done, Snooze 10 min / 1 h / Tomorrow, Open), with a
tray message when the desktop has a tray. On start it shows the reminders that fell due
while the program was closed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain import clock
from crm_desktop.ui import display, labels, screen_fit
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.widgets.week_calendar import local

log = logging.getLogger(__name__)
CHECK_MS = 30_000
TOMORROW_AT = time(9)
DueReminders = Callable[[Core, datetime], list[dict[str, Any]]]


def due_reminders(core: Core, now: datetime) -> list[dict[str, Any]]:
    """Open activities whose reminder_at <= now, earliest reminder first."""
    return core.activities.due_reminders(now)


def snooze_until(choice: str, now: datetime) -> datetime:
    """The new reminder time for a snooze choice ("10m", "1h", "tomorrow": 09:00 on the
    business's clock)."""
    if choice == "10m":
        return now + timedelta(minutes=10)
    if choice == "1h":
        return now + timedelta(hours=1)
    if choice == "tomorrow":
        day = clock.local(now).date() + timedelta(days=1)
        return clock.at(day, TOMORROW_AT)
    raise ValueError(f"unknown snooze choice {choice!r}")


class ReminderDialog(QDialog):
    """The reminders that are due; each button acts on the selected one."""

    # the user asked to see an activity
    open_requested = Signal(int)

    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)):
        super().__init__(parent)
        self.setObjectName("reminderDialog")
        self.setWindowTitle(self.tr("Reminders"))
        self.core = core
        self.ops = ops
        self.now = now
        screen_fit.resize(self, 440, 300)
        self.list = QListWidget()
        self.list.setObjectName("reminderList")
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setObjectName("reminderDone")
        self.done_button.clicked.connect(self.done_selected)
        self.snooze_buttons: dict[str, QPushButton] = {}
        for key, text in (("10m", self.tr("Snooze 10 min")), ("1h", self.tr("Snooze 1 hour")),
                          ("tomorrow", self.tr("Tomorrow"))):
            button = QPushButton(text)
            button.setObjectName(f"snooze_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self.snooze_selected(k))
            self.snooze_buttons[key] = button
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("reminderOpen")
        self.open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        for button in self.snooze_buttons.values():
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("These activities are due:")))
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def ids(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def add_rows(self, rows: list[dict[str, Any]]) -> None:
        shown = set(self.ids())
        kinds = labels.activity_kinds()
        for row in rows:
            if row["id"] in shown:
                continue
            when = "" if not row.get("due_at") else display.jalali_date_only(
                row["due_at"]) if row.get("due_all_day") else display.jalali(local(row["due_at"]))
            parts = [labels.label(kinds, row.get("kind")), row.get("subject") or "", when]
            if row.get("contact"):
                parts.append(row["contact"])
            item = QListWidgetItem(display.join(parts))
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            self.list.addItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _remove_selected(self) -> None:
        self.list.takeItem(self.list.currentRow())
        if self.list.count() == 0:
            self.accept()
        elif self.list.currentRow() < 0:
            self.list.setCurrentRow(0)

    def done_selected(self) -> None:
        activity_id = self.selected_id()
        if activity_id is not None and self.ops.run(
                self, lambda: self.core.activities.complete(activity_id),
                changes=["activities", "contacts"]).ok:
            self._remove_selected()

    def snooze_selected(self, choice: str) -> None:
        activity_id = self.selected_id()
        if activity_id is None:
            return
        until = snooze_until(choice, self.now())
        if self.ops.run(self, lambda: self.core.activities.update(
                activity_id, {"reminder_at": until}), changes=["activities"]).ok:
            self._remove_selected()

    def open_selected(self) -> None:
        activity_id = self.selected_id()
        if activity_id is not None:
            self._remove_selected()
            self.open_requested.emit(activity_id)


class ReminderWatcher(QObject):
    """Checks for due reminders every 30 s; `start()` checks at once (missed reminders)."""

    open_requested = Signal(int)

    def __init__(self, core: Core, ops: Ops, parent_widget: QWidget | None = None, *,
                 due: DueReminders = due_reminders,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 interval_ms: int = CHECK_MS):
        super().__init__(parent_widget)
        self.core = core
        self.ops = ops
        self.parent_widget = parent_widget
        self.due = due
        self.now = now
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.dialog: ReminderDialog | None = None
        # (id, reminder_at) already shown: a reminder returns only when its time changes
        self.seen: set[tuple[int, Any]] = set()
        self.tray: QSystemTrayIcon | None = None

    def start(self) -> None:
        self.check()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> list[dict[str, Any]]:
        """Show the reminders that came due since the last check; returns them."""
        try:
            rows = self.due(self.core, self.now())
        except Exception:  # a closed or busy database must not kill the timer
            log.exception("reading reminders failed")
            return []
        new = [r for r in rows if (r["id"], r.get("reminder_at")) not in self.seen]
        if not new:
            return []
        self.seen.update((r["id"], r.get("reminder_at")) for r in new)
        if self.dialog is None:
            self.dialog = ReminderDialog(self.core, self.ops, self.parent_widget, now=self.now)
            self.dialog.open_requested.connect(self.open_requested)
            self.dialog.finished.connect(self._dialog_closed)
        self.dialog.add_rows(new)
        self.present(self.dialog)
        self.notify(new)
        return new

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def present(self, dialog: ReminderDialog) -> None:
        """Show the window without blocking (tests replace this)."""
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def notify(self, rows: list[dict[str, Any]]) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.tray is None:
            app = QApplication.instance()
            icon = app.windowIcon() if isinstance(app, QApplication) else None
            self.tray = QSystemTrayIcon(self)
            if icon is not None:
                self.tray.setIcon(icon)
            self.tray.messageClicked.connect(
                lambda: self.dialog is not None and self.present(self.dialog))
            self.tray.show()
        text = "\n".join(str(r.get("subject") or "") for r in rows[:5])
        self.tray.showMessage(self.tr("Reminder"), text,
                              QSystemTrayIcon.MessageIcon.Information, 10_000)
