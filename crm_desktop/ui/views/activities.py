"""Activities: Today (overdue, due today, the next 7 days, today's birthdays), a filtered
List of every activity, a Week calendar of appointments with drag-to-move, and a Day
calendar (the same calendar showing one day).

Today and the Week show repeating activities once per occurrence. Dragging an occurrence
of a repeating appointment is refused with a short message (the series is changed in its
editor), so a drop never moves a whole series by surprise. Opening an occurrence of a
repeating appointment asks whether to skip that day or open the series."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain import clock
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.services.agenda import agenda
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui import display, errors, labels
from crm_desktop.ui.dialogs.appointment_dialog import (
    AppointmentDialog,
    confirm_overlap,
    overlapping,
)
from crm_desktop.ui.dialogs.pdf_preview import PdfPreview
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel
from crm_desktop.ui.qtmodels.today_model import TodayList
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import BaseView
from crm_desktop.ui.widgets.week_calendar import WeekCalendar, local, week_start

TODAY, LIST, WEEK, DAY = range(4)
SECTION_LIMIT = 500
UPCOMING_DAYS = 7


def day_start(day: date) -> datetime:
    """Midnight of a business day, as an aware UTC instant."""
    return clock.day_bounds(day)[0]


def as_due(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Occurrence rows with `due_at` set to when each occurrence falls."""
    return [{**r, "due_at": r["occurs_at"]} for r in rows]


class Section(QWidget):
    """A titled list with an empty state: a list view over a TodayModel, at most
    SECTION_LIMIT rows (the title says when there are more)."""

    def __init__(self, name: str, title: str, empty: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title_text = title
        self.title = QLabel(title)
        self.title.setObjectName(f"{name}Title")
        self.title.setStyleSheet("font-weight: bold;")
        self.list = TodayList()
        self.list.setObjectName(f"{name}List")
        self.model = self.list.today_model
        self.empty = QLabel(empty)
        self.empty.setObjectName(f"{name}Empty")
        self.empty.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)

    def set_items(self, items: list[tuple[int, str]], *, more: bool = False) -> None:
        """Show ready-made (id, text) rows (already bounded); `more`: there are more."""
        self.set_rows([{"id": i, "text": t} for i, t in items], lambda r: r["text"],
                      more=more)

    def set_rows(self, rows: list[dict[str, Any]], text: Callable[[dict[str, Any]], str], *,
                 more: bool = False) -> None:
        """Show `rows` (already bounded), each row's `text` made when it is first shown."""
        self.model.set_rows(rows, text)
        count = display.number(len(rows)) + ("+" if more else "")
        self.title.setText(f"{self.title_text} ({count})")
        self.empty.setHidden(bool(rows))
        self.list.setHidden(not rows)

    def ids(self) -> list[int]:
        return self.model.ids()

    def selected_id(self) -> int | None:
        return self.list.selected_id()


class ActivitiesView(BaseView):
    watches = ("activities", "contacts", "users")

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(core, ops, settings, parent)
        self.kinds = labels.activity_kinds()

        self.tabs = QTabBar()
        self.tabs.setObjectName("activityModes")
        for text in (self.tr("Today"), self.tr("List"), self.tr("Week"), self.tr("Day")):
            self.tabs.addTab(text)
        self.new_button = QPushButton(self.tr("New appointment"))
        self.new_button.setObjectName("newActivity")
        self.new_button.clicked.connect(self.new_record)
        top = QHBoxLayout()
        top.addWidget(self.tabs)
        top.addStretch(1)
        top.addWidget(self.new_button)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_today())
        self.stack.addWidget(self._build_list())
        self.stack.addWidget(self._build_week())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.tabs.currentChanged.connect(self.set_mode)
        self.refresh()

    # -- Today ----------------------------------------------------------------------------
    def _build_today(self) -> QWidget:
        self.overdue = Section("overdue", self.tr("Overdue"), self.tr("Nothing overdue."))
        self.due_today = Section("dueToday", self.tr("Due today"),
                                 self.tr("Nothing else is due today."))
        self.upcoming = Section("upcoming", self.tr("Upcoming (next 7 days)"),
                                self.tr("Nothing in the next 7 days."))
        self.birthdays = Section("birthdays", self.tr("Today's birthdays"),
                                 self.tr("No birthdays today."))
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setObjectName("doneButton")
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.complete_selected)
        self.agenda_button = QPushButton(self.tr("Print / save the day's agenda"))
        self.agenda_button.setObjectName("agendaButton")
        self.agenda_button.clicked.connect(lambda: self.print_agenda())
        for section in self.activity_sections():
            section.list.selectionModel().selectionChanged.connect(
                lambda _new, _old, s=section: self._today_selection(s))
            section.list.doubleClicked.connect(
                lambda index, s=section: self.edit_activity(s.model.id_at(index.row())))
        self.birthdays.list.doubleClicked.connect(
            lambda index: self.open_record.emit("contacts",
                                                self.birthdays.model.id_at(index.row())))
        page = QWidget()
        grid = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.overdue)
        left.addWidget(self.due_today)
        right = QVBoxLayout()
        right.addWidget(self.upcoming)
        right.addWidget(self.birthdays)
        grid.addLayout(left, 1)
        grid.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        buttons.addWidget(self.agenda_button)
        box = QVBoxLayout(page)
        box.addLayout(buttons)
        box.addLayout(grid, 1)
        return page

    def activity_sections(self) -> tuple[Section, ...]:
        return (self.overdue, self.due_today, self.upcoming)

    def _today_selection(self, chosen: Section) -> None:
        if chosen.selected_id() is not None:
            for section in self.activity_sections():
                if section is not chosen:
                    selection = section.list.selectionModel()
                    selection.blockSignals(True)
                    selection.clear()
                    selection.blockSignals(False)
        self.done_button.setEnabled(self.selected_today_id() is not None)

    def selected_today_id(self) -> int | None:
        for section in self.activity_sections():
            selected = section.selected_id()
            if selected is not None:
                return selected
        return None

    def _item_text(self, row: dict[str, Any], *, with_date: bool = True) -> str:
        due = local(row["due_at"]) if row.get("due_at") else None
        when = ""
        if due is not None and row.get("due_all_day"):  # a date-only task: no time
            when = display.jalali_date_only(due) if with_date else ""
        elif due is not None:
            when = display.jalali(due) if with_date else display.digits(due.strftime("%H:%M"))
        parts = [when, labels.label(self.kinds, row.get("kind")), row.get("subject") or ""]
        if row.get("contact"):
            parts.append(row["contact"])
        return " — ".join(p for p in parts if p)

    def refresh_today(self, today: date | None = None) -> None:
        """The four sections, each read with a bound of SECTION_LIMIT rows (and one more,
        to know there are more)."""
        today = today or clock.today()
        start, tomorrow = day_start(today), day_start(today + timedelta(days=1))
        later = day_start(today + timedelta(days=1 + UPCOMING_DAYS))
        bound = SECTION_LIMIT + 1
        # one-off activities only: a repeating series is not overdue, its next
        # occurrence shows when it falls
        overdue = self.core.activities.open_due_before(start, limit=bound)
        self._fill(self.overdue, overdue, with_date=True)
        self._fill(self.due_today, as_due(self.core.activities.occurrences_between(
            start, tomorrow, open_only=True, limit=bound)), with_date=False)
        self._fill(self.upcoming, as_due(self.core.activities.occurrences_between(
            tomorrow, later, open_only=True, limit=bound)), with_date=True)
        birthdays = self.core.contacts.birthdays(today)
        self.birthdays.set_rows(
            birthdays[:SECTION_LIMIT],
            lambda r: f"{r['full_name']}  {display.ltr(r.get('mobile'))}".strip(),
            more=len(birthdays) > SECTION_LIMIT)
        self.done_button.setEnabled(self.selected_today_id() is not None)

    def _fill(self, section: Section, rows: list[dict[str, Any]], *, with_date: bool) -> None:
        section.set_rows(rows[:SECTION_LIMIT],
                         lambda r: self._item_text(r, with_date=with_date),
                         more=len(rows) > SECTION_LIMIT)

    def complete_selected(self) -> bool:
        activity_id = self.selected_today_id()
        if activity_id is None:
            return False
        return self.ops.run(self, lambda: self.core.activities.complete(activity_id),
                            changes=["activities", "contacts"]).ok

    def print_agenda(self, day: date | None = None) -> Path | None:
        """Render the day's agenda to a temporary PDF and open it in the preview (print or
        save from there); returns the file, None when it failed."""
        day = day or clock.today()
        path = Path(tempfile.mkdtemp(prefix="crm-agenda-")) / "agenda.pdf"

        def render() -> None:
            # reportlab is imported when the first agenda is printed, not at start-up
            from crm_desktop.export.pdf.agenda import render_agenda

            items = agenda(self.core.activities, self.core.contacts, day)
            render_agenda(items, day, self.core.settings.company()["name"], path)

        if not self.ops.run(self, render).ok:
            return None
        PdfPreview.show_file(self, path, self.tr("The day's agenda"))
        return path

    # -- List -----------------------------------------------------------------------------
    def _build_list(self) -> QWidget:
        self.model = RecordTableModel(self.core.activities, self._list_columns(), parent=self)
        self.model.set_query(ListQuery(sort=Sort("due", descending=True)))
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for code, text in self.kinds.items():
            self.kind_filter.addItem(text, str(code.value if hasattr(code, "value") else code))
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("stateFilter")
        for value, text in ((None, self.tr("Open and done")), ("open", self.tr("Open")),
                            ("overdue", self.tr("Overdue")), ("done", self.tr("Done"))):
            self.state_filter.addItem(text, value)
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("ownerFilter")
        self._fill_owners()
        for combo in (self.kind_filter, self.state_filter, self.owner_filter):
            combo.currentIndexChanged.connect(self._list_filters_changed)
        self.table = QTableView()
        self.table.setObjectName("activitiesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(
            lambda index: self.edit_activity(self.model.id_at(index.row())))
        bar = QHBoxLayout()
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.state_filter)
        bar.addWidget(self.owner_filter)
        bar.addStretch(1)
        page = QWidget()
        box = QVBoxLayout(page)
        box.addLayout(bar)
        box.addWidget(self.table, 1)
        return page

    def _state_text(self, row: dict[str, Any]) -> str:
        if row.get("done_at") is not None:
            return self.tr("Done")
        if row.get("due_at") is not None and row["due_at"] < clock.now_utc():
            return self.tr("Overdue")
        return self.tr("Open")

    def _list_columns(self) -> list[Column]:
        return [
            Column("due_at", self.tr("Due"), sort="due",
                   text=lambda r: "" if not r["due_at"] else display.jalali_date_only(
                       r["due_at"]) if r.get("due_all_day") else display.jalali(r["due_at"])),
            Column("subject", self.tr("Subject"), sort="subject"),
            Column("kind", self.tr("Kind"), text=lambda r: labels.label(self.kinds, r["kind"])),
            Column("contact", self.tr("Person")),
            Column("owner", self.tr("Owner")),
            Column("done_at", self.tr("State"), text=self._state_text),
        ]

    def _fill_owners(self) -> None:
        current = self.owner_filter.currentData()
        self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItem(self.tr("All owners"), None)
        for user_id, name in self.core.users.options():
            self.owner_filter.addItem(name, user_id)
        self.owner_filter.setCurrentIndex(max(0, self.owner_filter.findData(current)))
        self.owner_filter.blockSignals(False)

    def _list_filters_changed(self) -> None:
        self.model.set_filters(kind=self.kind_filter.currentData(),
                               state=self.state_filter.currentData(),
                               owner_id=self.owner_filter.currentData())
        if self.mode() in (WEEK, DAY):
            self.refresh_week()

    # -- Week -----------------------------------------------------------------------------
    def _build_week(self) -> QWidget:
        self.calendar = WeekCalendar()
        self.calendar.slot_clicked.connect(self.new_at)
        self.calendar.item_moved.connect(self.move_activity)
        self.calendar.occurrence_opened.connect(self.open_occurrence)
        self.prev_button = QPushButton()
        self.prev_button.setObjectName("previousWeek")
        self.prev_button.clicked.connect(lambda: self.show_week(
            self.calendar.saturday - timedelta(days=self.calendar.n_days)))
        self.this_button = QPushButton()
        self.this_button.setObjectName("thisWeek")
        self.this_button.clicked.connect(lambda: self.show_week(clock.today()))
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextWeek")
        self.next_button.clicked.connect(lambda: self.show_week(
            self.calendar.saturday + timedelta(days=self.calendar.n_days)))
        self._name_buttons()
        self.week_label = QLabel()
        self.week_label.setObjectName("weekLabel")
        bar = QHBoxLayout()
        for widget in (self.prev_button, self.this_button, self.next_button):
            bar.addWidget(widget)
        bar.addWidget(self.week_label, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.calendar)
        page = QWidget()
        box = QVBoxLayout(page)
        box.addLayout(bar)
        box.addWidget(scroll, 1)
        return page

    def _name_buttons(self) -> None:
        if self.calendar.n_days == 1:
            texts = (self.tr("Previous day"), self.tr("Today"), self.tr("Next day"))
        else:
            texts = (self.tr("Previous week"), self.tr("This week"), self.tr("Next week"))
        for button, text in zip((self.prev_button, self.this_button, self.next_button), texts,
                                strict=True):
            button.setText(text)

    def show_week(self, day: date) -> None:
        """Show the week of `day` (in day mode: `day` itself)."""
        self.calendar.set_week(week_start(day) if self.calendar.n_days == 7 else day)
        self.refresh_week()

    def refresh_week(self) -> None:
        saturday = self.calendar.saturday
        days = self.calendar.n_days
        last = saturday + timedelta(days=days - 1)
        self.week_label.setText(display.jalali_date_only(saturday) if days == 1 else
                                f"{display.jalali_date_only(saturday)} – "
                                f"{display.jalali_date_only(last)}")
        rows = self.core.activities.occurrences_between(
            day_start(saturday), day_start(saturday + timedelta(days=days)),
            owner_id=self.owner_filter.currentData())
        self.calendar.set_items(as_due(rows))

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
            self.refresh_week()
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

    # -- shared ---------------------------------------------------------------------------
    def mode(self) -> int:
        return self.tabs.currentIndex()

    def set_mode(self, mode: int) -> None:
        if self.tabs.currentIndex() != mode:
            self.tabs.setCurrentIndex(mode)  # comes back here through currentChanged
            return
        self.stack.setCurrentIndex(min(mode, WEEK))  # Day shows the Week page's calendar
        days = 1 if mode == DAY else 7
        if days != self.calendar.n_days:
            self.calendar.set_days(days)
            self.calendar.set_week(clock.today())
            self._name_buttons()
        self.refresh()

    def edit_activity(self, activity_id: int | None) -> None:
        if activity_id is not None:
            AppointmentDialog.edit(self, self.core, self.ops, activity_id=activity_id)

    def new_record(self) -> None:
        AppointmentDialog.edit(self, self.core, self.ops)

    def show_record(self, record_id: int) -> None:
        self.edit_activity(record_id)

    def refresh(self) -> None:
        """Read the page on show again (the others are read when they are shown: the
        mode switch refreshes)."""
        self._fill_owners()
        mode = self.mode()
        if mode == TODAY:
            self.refresh_today()
        elif mode == LIST:
            self.model.refresh()
        else:
            self.refresh_week()
