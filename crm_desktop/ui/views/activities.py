"""Activities: the mode tabs (Today, List, Week, Day), the toolbar the modes share (the
owner filter and New appointment) and a stack of one page per mode:

- Today (activities_today.TodayView): overdue, due today, the next 7 days, birthdays;
- List (activities_list.ActivityListView): every activity, filtered;
- Week and Day (activities_calendar.CalendarView): one calendar showing 7 days or 1.

Only the page shown is read: switching modes refreshes the page switched to, and a data
change refreshes the page on show."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.ui.dialogs.appointment_dialog import AppointmentDialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.theme import icons
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.activities_calendar import CalendarView
from crm_desktop.ui.views.activities_common import ActivityPage
from crm_desktop.ui.views.activities_list import ActivityListView
from crm_desktop.ui.views.activities_today import TodayView
from crm_desktop.ui.views.base import BaseView

TODAY, LIST, WEEK, DAY = range(4)


def _on(page: str, name: str) -> Any:
    """A read-only attribute of ActivitiesView that is `name` of its `page` (the surface the
    window, the screenshots and the tests use)."""
    return property(lambda self: getattr(getattr(self, page), name),
                    doc=f"{page}.{name}")


class ActivitiesView(BaseView):
    watches = ("activities", "contacts", "users")

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(core, ops, settings, parent)
        self.tabs = QTabBar()
        self.tabs.setObjectName("activityModes")
        for text in (self.tr("Today"), self.tr("List"), self.tr("Week"), self.tr("Day")):
            self.tabs.addTab(text)
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("ownerFilter")
        self.owner_filter.currentIndexChanged.connect(self._owner_changed)
        self.new_button = QPushButton(self.tr("New appointment"))
        self.new_button.setObjectName("newActivity")
        icons.dress(self.new_button, "plus", primary=True)
        self.new_button.clicked.connect(self.new_record)
        top = QHBoxLayout()
        top.addWidget(self.tabs)
        top.addStretch(1)
        top.addWidget(self.owner_filter)
        top.addWidget(self.new_button)

        self.today_page = TodayView(core, ops)
        self.today_page.open_record.connect(self.open_record)
        self.list_page = ActivityListView(core, ops)
        self.calendar_page = CalendarView(core, ops)  # Week and Day: 7 days or 1
        self.stack = QStackedWidget()
        for page in self.pages():
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.tabs.currentChanged.connect(self.set_mode)
        self.set_mode(TODAY)

    # -- the pages ------------------------------------------------------------------------
    def pages(self) -> tuple[ActivityPage, ...]:
        return (self.today_page, self.list_page, self.calendar_page)

    def page(self, mode: int | None = None) -> ActivityPage:
        """The page of `mode` (the current one by default)."""
        mode = self.mode() if mode is None else mode
        return self.pages()[min(mode, WEEK)]  # Day shows the Week page's calendar

    def mode(self) -> int:
        return self.tabs.currentIndex()

    def set_mode(self, mode: int) -> None:
        if self.tabs.currentIndex() != mode:
            self.tabs.setCurrentIndex(mode)  # comes back here through currentChanged
            return
        self.calendar_page.set_days(1 if mode == DAY else 7)
        self.stack.setCurrentWidget(self.page(mode))
        self.owner_filter.setVisible(self.page(mode).uses_owner)
        self.refresh()

    def refresh(self) -> None:
        """Read the page on show again (the others are read when they are shown: the
        mode switch refreshes)."""
        self._fill_owners()
        self.page().refresh()

    def selected_id(self) -> int | None:
        """The activity selected on the page shown."""
        return self.page().selected_id()

    # -- the shared toolbar ---------------------------------------------------------------
    def _fill_owners(self) -> None:
        current = self.owner_filter.currentData()
        self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItem(self.tr("All owners"), None)
        for user_id, name in self.core.users.options():
            self.owner_filter.addItem(name, user_id)
        self.owner_filter.setCurrentIndex(max(0, self.owner_filter.findData(current)))
        self.owner_filter.blockSignals(False)
        self._apply_owner()

    def _apply_owner(self) -> None:
        for page in self.pages():
            page.owner_id = self.owner_filter.currentData()

    def _owner_changed(self) -> None:
        self._apply_owner()
        if self.page().uses_owner:
            self.page().refresh()

    def new_record(self) -> None:
        AppointmentDialog.edit(self, self.core, self.ops)

    def show_record(self, record_id: int) -> None:
        self.page().edit_activity(record_id)

    def show_filtered(self, filters: dict[str, Any], label: str) -> None:
        """The list of the activities `filters` selects (the dashboard's figures)."""
        self.owner_filter.blockSignals(True)
        self.owner_filter.setCurrentIndex(
            max(0, self.owner_filter.findData(filters.get("owner_id"))))
        self.owner_filter.blockSignals(False)
        self._apply_owner()
        self.set_mode(LIST)
        self.list_page.show_filtered(filters, label)

    # -- what each page offers, under the names used before the pages were split ----------
    overdue = _on("today_page", "overdue")
    due_today = _on("today_page", "due_today")
    upcoming = _on("today_page", "upcoming")
    birthdays = _on("today_page", "birthdays")
    done_button = _on("today_page", "done_button")
    agenda_button = _on("today_page", "agenda_button")
    refresh_today = _on("today_page", "refresh")
    selected_today_id = _on("today_page", "selected_id")
    complete_selected = _on("today_page", "complete_selected")
    model = _on("list_page", "model")
    kind_filter = _on("list_page", "kind_filter")
    state_filter = _on("list_page", "state_filter")
    empty = _on("list_page", "empty")
    calendar = _on("calendar_page", "calendar")
    prev_button = _on("calendar_page", "prev_button")
    this_button = _on("calendar_page", "this_button")
    next_button = _on("calendar_page", "next_button")
    show_week = _on("calendar_page", "show_week")
    open_occurrence = _on("calendar_page", "open_occurrence")
    move_activity = _on("calendar_page", "move_activity")
