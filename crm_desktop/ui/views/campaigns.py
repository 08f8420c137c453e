"""The campaigns view: tabs of marketing pages (the campaigns list first). Each tab's page
is a QWidget built from its module the first time the tab is shown, with the constructor
`(core, ops, settings, parent=None)`; a page may offer refresh, on_changed, new_record,
focus_search, show_record, save_state and restore_state, which the view passes on.

When the view opens, customer segments computed more than a week ago (rfm.FRESH_DAYS) are
computed again first: recency counts days, so the figures age every day."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from crm_desktop.core import Core
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import BaseView


@dataclass(frozen=True)
class Tab:
    key: str
    #: English title, translated in the "CampaignsView" context
    title: str
    #: module under crm_desktop.ui.views, and the page class in it
    module: str
    page: str


#: the tabs, in order (add a marketing page here)
TABS: tuple[Tab, ...] = (
    Tab("campaigns", QT_TRANSLATE_NOOP("CampaignsView", "Campaigns"), "campaign_list",
        "CampaignListPage"),
    Tab("lists", QT_TRANSLATE_NOOP("CampaignsView", "Lists"), "marketing_lists", "ListsPage"),
    Tab("segments", QT_TRANSLATE_NOOP("CampaignsView", "Segments"), "segments",
        "SegmentsPage"),
    Tab("outbox", QT_TRANSLATE_NOOP("CampaignsView", "Outbox"), "outbox_page", "OutboxPage"),
    Tab("automation", QT_TRANSLATE_NOOP("CampaignsView", "Automation"), "automation_page",
        "AutomationPage"),
    Tab("automation_log", QT_TRANSLATE_NOOP("CampaignsView", "Automation log"),
        "automation_log", "AutomationLogPage"),
    Tab("club", QT_TRANSLATE_NOOP("CampaignsView", "Customer club"), "club_page", "ClubPage"),
)


class CampaignsView(BaseView):
    watches = ()  # each page says what it watches

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None, tabs: tuple[Tab, ...] = TABS):
        super().__init__(core, ops, settings, parent)
        self.setObjectName("campaignsView")
        self.tabs_table = tabs
        self.pages: dict[str, QWidget] = {}
        self.tab_widget = QTabWidget()
        self.tab_widget.setObjectName("campaignTabs")
        self.tab_widget.setDocumentMode(True)
        for tab in tabs:
            holder = QWidget()
            holder.setObjectName(f"{tab.key}Tab")
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            self.tab_widget.addTab(holder, QCoreApplication.translate("CampaignsView",
                                                                      tab.title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tab_widget)
        self.refresh_stale_segments()
        self.tab_widget.currentChanged.connect(self._tab_shown)
        self._tab_shown(self.tab_widget.currentIndex())

    def refresh_stale_segments(self) -> None:
        """Figures older than rfm.FRESH_DAYS (or never computed) are computed again, in one
        write transaction with the busy cursor (about a second at 100,000 contacts)."""
        if not self.core.rfm.stale():
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.ops.run(self, self.core.rfm.recompute, changes=["contact_rfm"])
        finally:
            QGuiApplication.restoreOverrideCursor()

    # -- pages --------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page of a tab, built (and its module imported) the first time."""
        if key not in self.pages:
            index = next(i for i, t in enumerate(self.tabs_table) if t.key == key)
            tab = self.tabs_table[index]
            page_class = getattr(importlib.import_module(f"crm_desktop.ui.views.{tab.module}"),
                                 tab.page)
            holder = self.tab_widget.widget(index)
            page = page_class(self.core, self.ops, self.settings, holder)
            page.setObjectName(f"{key}Page")
            holder.layout().addWidget(page)
            self.pages[key] = page
            self._call(page, "restore_state")
            navigate = getattr(page, "navigate", None)
            if navigate is not None:
                navigate.connect(self.navigate)
            open_record = getattr(page, "open_record", None)
            if open_record is not None:
                open_record.connect(self.open_record)
        return self.pages[key]

    def show_tab(self, key: str) -> QWidget:
        index = next(i for i, t in enumerate(self.tabs_table) if t.key == key)
        self.tab_widget.setCurrentIndex(index)
        return self.page(key)

    def current_page(self) -> QWidget | None:
        index = self.tab_widget.currentIndex()
        return self.page(self.tabs_table[index].key) if index >= 0 else None

    def _tab_shown(self, index: int) -> None:
        if index >= 0:
            self.page(self.tabs_table[index].key)

    @staticmethod
    def _call(page: QWidget | None, name: str, *args: Any) -> None:
        method = getattr(page, name, None)
        if callable(method):
            method(*args)

    # -- what the shell asks ------------------------------------------------------------
    def on_changed(self, tables: list[str]) -> None:
        for page in self.pages.values():
            self._call(page, "on_changed", tables)

    def refresh(self) -> None:
        for page in self.pages.values():
            self._call(page, "refresh")

    def new_record(self) -> None:
        self._call(self.current_page(), "new_record")

    def focus_search(self) -> None:
        self._call(self.current_page(), "focus_search")

    def show_record(self, record_id: int) -> None:
        """A campaign (from a search or another view): the campaigns tab shows it."""
        self._call(self.show_tab(TABS[0].key), "show_record", record_id)

    def show_filtered(self, filters: dict[str, Any], label: str) -> None:
        """The campaigns `filters` selects (the dashboard's acquisition cost)."""
        self._call(self.show_tab(TABS[0].key), "show_filtered", filters, label)

    def save_state(self) -> None:
        for page in self.pages.values():
            self._call(page, "save_state")

    def restore_state(self) -> None:
        """Each page restores its own state when it is built."""
