"""The sales pipeline: a board with a column per stage (the first stage at the reading
edge: right in Persian), cards dragged between columns, the lost reason asked for, Ctrl+Z
right after a move, filters with a weighted forecast, and a list mode."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain import clock
from crm_desktop.domain.enums import STAGE_LOST, STAGE_OPEN
from crm_desktop.domain.permissions import Perm
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.services.deals import BoardColumn
from crm_desktop.text.money import MoneyUnit
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.deal_dialog import DealDialog, LostReasonDialog
from crm_desktop.ui.dialogs.deal_page import DealPage
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel
from crm_desktop.ui.theme import icons
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import BaseView
from crm_desktop.ui.widgets.chip_delegate import decorate_table

#: what a dragged card carries: the deal id as ASCII digits
from crm_desktop.ui.widgets.deal_board import (  # noqa: F401 - re-exported for callers
    COLUMN_WIDTH,
    MIME_TYPE,
    MORE_STEP,
    OVERDUE_COLOR,
    PERIODS,
    DealCard,
    Move,
    StageColumn,
    deal_mime,
    mime_deal_id,
    period_range,
)
from crm_desktop.ui.widgets.empty_state import EmptyState
from crm_desktop.ui.widgets.export_button import ExportButton
from crm_desktop.ui.widgets.filter_chip import FilterChip
from crm_desktop.ui.widgets.search_box import SearchBox


class PipelineView(BaseView):
    watches = ("deals", "contacts", "accounts", "users")

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(core, ops, settings, parent)
        self.columns: dict[int, StageColumn] = {}
        self.stages: list[dict[str, Any]] = []
        self.last_move: Move | None = None
        self._caps: dict[int, int] = {}
        self._text = ""
        self.board_data: dict[int, BoardColumn] = {}
        self.unit = core.settings.display_unit
        self._stale = False
        self._drill: dict[str, Any] = {}  # filters set from elsewhere (the dashboard)

        # -- the filters bar
        self.new_button = QPushButton(self.tr("New deal"))
        self.new_button.setObjectName("newDealButton")
        self.new_button.clicked.connect(self.new_record)
        icons.dress(self.new_button, "plus", primary=True)
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("ownerFilter")
        self.period_filter = QComboBox()
        self.period_filter.setObjectName("periodFilter")
        for key, text in zip(PERIODS, (self.tr("All dates"), self.tr("This month"),
                                       self.tr("This quarter"), self.tr("This year")),
                             strict=True):
            self.period_filter.addItem(text, key)
        self.search = SearchBox()
        self.search.setPlaceholderText(self.tr("Search deals (Ctrl+F)"))
        self.forecast_label = QLabel()
        self.forecast_label.setObjectName("forecastLabel")
        self.list_toggle = QToolButton()
        self.list_toggle.setObjectName("listToggle")
        self.list_toggle.setCheckable(True)
        self.list_toggle.setText(self.tr("List"))
        self.list_toggle.setIcon(icons.icon("list"))
        self.list_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.list_toggle.setToolTip(self.tr("Show the deals as a list"))
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.owner_filter)
        bar.addWidget(self.period_filter)
        bar.addWidget(self.search, 1)
        self.drill_chip = FilterChip(self)
        self.drill_chip.removed.connect(self._drill_removed)
        bar.addWidget(self.drill_chip)
        bar.addWidget(self.forecast_label)
        self.export_button = ExportButton(self)
        self.export_button.setVisible(self.can(Perm.EXPORT))
        self.export_button.requested.connect(self.export)
        bar.addWidget(self.export_button)
        bar.addWidget(self.list_toggle)

        # -- the undo notice
        self.move_notice = QLabel()
        self.move_notice.setObjectName("moveNotice")
        self.undo_button = QPushButton(self.tr("Undo (Ctrl+Z)"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.undo_last_move)
        self.undo_button.setIcon(icons.icon("arrow-back-up"))
        notice = QHBoxLayout()
        notice.addWidget(self.move_notice, 1)
        notice.addWidget(self.undo_button)
        self.notice_bar = QWidget()
        self.notice_bar.setLayout(notice)
        self.notice_bar.hide()

        # -- the board: a QHBoxLayout mirrors by itself in a right-to-left window
        self.board = QWidget()
        self.board.setObjectName("pipelineBoard")
        self.board_layout = QHBoxLayout(self.board)
        self.board_layout.setContentsMargins(6, 6, 6, 6)
        self.board_layout.setSpacing(8)
        self.board_layout.addStretch(1)
        self.board_scroll = QScrollArea()
        self.board_scroll.setWidgetResizable(True)
        self.board_scroll.setWidget(self.board)
        # won and lost: drop zones at the end of the board (the left in Persian), always
        # in sight however far the open stages scroll
        self.closed_zones = QWidget()
        self.closed_zones.setObjectName("closedZones")
        self.closed_layout = QVBoxLayout(self.closed_zones)
        self.closed_layout.setContentsMargins(0, 6, 0, 6)
        self.closed_layout.setSpacing(8)
        self.board_page = QWidget()
        self.board_page.setObjectName("boardPage")
        board_row = QHBoxLayout(self.board_page)
        board_row.setContentsMargins(0, 0, 0, 0)
        board_row.setSpacing(8)
        board_row.addWidget(self.board_scroll, 1)
        board_row.addWidget(self.closed_zones)

        # -- the list mode
        self.model = RecordTableModel(core.deals, self._list_columns(), parent=self)
        self.table = QTableView()
        self.table.setObjectName("dealsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # soonest expected close first (Qt's default indicator would sort titles Z-A)
        self.table.horizontalHeader().setSortIndicator(5, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(
            lambda index: self.edit_deal(self.model.id_at(index.row())))
        decorate_table(self.table, {"stage": ("outcome", "deal_outcome")})
        self.empty = EmptyState.over(
            self.table, "layout-kanban", self.tr("No deals yet: add the first one."),
            self.tr("New deal"), self.new_record, self.clear_filters,
            lambda: bool(self.model.query.filters or self.model.query.text.strip()))

        self.stack = QStackedWidget()
        self.stack.addWidget(self.board_page)
        self.stack.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.notice_bar)
        layout.addWidget(self.stack, 1)

        self.undo_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        self.undo_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_shortcut.activated.connect(self.undo_last_move)

        self._fill_owners()
        self.owner_filter.currentIndexChanged.connect(self._filters_changed)
        self.period_filter.currentIndexChanged.connect(self._filters_changed)
        self.search.searchRequested.connect(self._search)
        self.list_toggle.toggled.connect(self.set_list_mode)
        self.refresh()

    # -- filters ------------------------------------------------------------------------
    def _fill_owners(self) -> None:
        current = self.owner_filter.currentData()
        self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItem(self.tr("All owners"), None)
        for user_id, name in self.core.users.options():
            self.owner_filter.addItem(name, user_id)
        self.owner_filter.setCurrentIndex(max(0, self.owner_filter.findData(current)))
        self.owner_filter.blockSignals(False)

    def filters(self) -> dict[str, Any]:
        start, end = period_range(self.period_filter.currentData())
        return {"owner_id": self.owner_filter.currentData(), "close_from": start,
                "close_to": end, "text": self._text}

    def _filters_changed(self) -> None:
        self._caps.clear()
        self.refresh()

    def _search(self, text: str) -> None:
        self._text = text
        self._filters_changed()

    def show_filtered(self, filters: dict[str, Any], label: str) -> None:
        """The list of the deals `filters` selects (the dashboard's figures), named by a
        removable chip; the owner shows on its own filter."""
        for combo, value in ((self.owner_filter, filters.get("owner_id")),
                             (self.period_filter, "all")):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText("")
        self.search.blockSignals(False)
        self._text = ""
        self._drill = {k: v for k, v in filters.items() if k != "owner_id"}
        self.drill_chip.show_label(label)
        if self.list_mode():
            self.refresh()
        else:
            self.set_list_mode(True)

    def _drill_removed(self) -> None:
        self._drill = {}
        self.refresh()

    def clear_filters(self) -> None:
        self._drill = {}
        self.drill_chip.clear()
        self.owner_filter.setCurrentIndex(0)
        self.period_filter.setCurrentIndex(0)
        self.search.setText("")

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- reading ------------------------------------------------------------------------
    def on_changed(self, tables: list[str]) -> None:
        # a hidden page of the main window reads the board again when it is shown
        if self.parentWidget() is not None and not self.isVisible():
            if not tables or set(tables) & set(self.watches):
                self._stale = True
            return
        super().on_changed(tables)

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._stale = False
        self._fill_owners()
        filters = self.filters()
        unit = self.unit = self.core.settings.display_unit
        forecast = self.core.deals.forecast(filters["close_from"], filters["close_to"],
                                            owner_id=filters["owner_id"])
        self.forecast_label.setText(display.fill(self.tr("Forecast: {amount}"),
                                                 amount=display.money(forecast, unit)))
        self.forecast_label.setToolTip(self.tr(
            "Open deals expected to close in the chosen period, each counted at its "
            "stage's probability"))
        if self.list_mode():
            self._refresh_list(filters)
        else:
            self._refresh_board(filters, unit)

    def _refresh_board(self, filters: dict[str, Any], unit: MoneyUnit) -> None:
        stages = self.core.stages.list()
        self.board_data = self.core.deals.board(filters, caps=self._caps)
        self.board.setUpdatesEnabled(False)
        try:
            if [s["id"] for s in stages] != [s["id"] for s in self.stages] or any(
                    self.columns[s["id"]].name_label.text() != s["name"] for s in stages):
                self._build_columns(stages)
            self.stages = stages
            today = clock.today()
            now = datetime.now(UTC)
            for stage in stages:
                self.columns[stage["id"]].set_column(self.board_data.get(stage["id"]), unit,
                                                     today, now)
        finally:
            self.board.setUpdatesEnabled(True)

    def _build_columns(self, stages: list[dict[str, Any]]) -> None:
        for column in self.columns.values():
            self.board_layout.removeWidget(column)
            self.closed_layout.removeWidget(column)
            column.hide()
            column.deleteLater()
        self.columns = {}
        opened = 0
        for stage in stages:
            closed = stage["outcome"] != STAGE_OPEN
            column = StageColumn(stage, self.closed_zones if closed else self.board)
            column.deal_dropped.connect(self.move_deal)
            column.more_requested.connect(self.show_more)
            column.open_requested.connect(self.show_record)  # a card double-clicked
            if closed:
                self.closed_layout.addWidget(column, 1)
            else:
                self.board_layout.insertWidget(opened, column)
                opened += 1
            self.columns[stage["id"]] = column
        self.closed_zones.setVisible(self.closed_layout.count() > 0)

    def _refresh_list(self, filters: dict[str, Any]) -> None:
        query = self.model.query
        chosen = {k: v for k, v in filters.items() if k != "text" and v is not None}
        self.model.set_query(type(query)(filters={**chosen, **self._drill},
                                         text=filters["text"], sort=query.sort))

    def _list_columns(self) -> list[Column]:
        end = Qt.AlignmentFlag.AlignTrailing
        return [
            Column("title", self.tr("Title"), sort="title"),
            Column("contact", self.tr("Person")),
            Column("company", self.tr("Company")),
            Column("stage", self.tr("Stage"), sort="stage"),
            Column("amount_rial", self.tr("Amount"), sort="amount", align=end,
                   text=lambda r: display.money(r["amount_rial"], self.unit)),
            Column("expected_close", self.tr("Expected close"), sort="expected_close",
                   text=lambda r: display.jalali_date_only(r["expected_close"])),
            Column("owner", self.tr("Owner")),
        ]

    def export(self, fmt: str) -> bool:
        """The deals shown to a file: in list mode the list (filters, search, sort,
        visible columns in their order); on the board the open deals its filters show, by
        expected close, with every column. True when written."""
        from crm_desktop.ui.export_runner import export_list, visible_keys

        keys = [c.key for c in self.model.columns]
        if self.list_mode():
            query, total = self.model.query, self.model.rowCount()
            keys = visible_keys(self.table, keys)
        else:
            filters = self.filters()
            chosen = {k: v for k, v in filters.items() if k != "text" and v is not None}
            query = ListQuery(filters={**chosen, "outcome": STAGE_OPEN}, text=filters["text"],
                              sort=Sort("expected_close"))
            total = sum(column.count for column in self.board_data.values())
        return export_list(self, self.core, kind="deals", query=query, columns=keys, fmt=fmt,
                           name=self.tr("Deals"), total=total)

    def list_mode(self) -> bool:
        return self.stack.currentWidget() is self.table

    def set_list_mode(self, on: bool) -> None:
        if self.list_toggle.isChecked() != on:
            self.list_toggle.setChecked(on)  # comes back here through toggled
            return
        self.stack.setCurrentWidget(self.table if on else self.board_page)
        if not on:  # the board shows every open deal: a filter from elsewhere is dropped
            self._drill = {}
            self.drill_chip.clear()
        self.refresh()

    def show_more(self, stage_id: int) -> None:
        column = self.board_data.get(stage_id)
        shown = len(column.rows) if column else 0
        self._caps[stage_id] = shown + MORE_STEP
        self.refresh()

    # -- writing ------------------------------------------------------------------------
    def new_record(self) -> None:
        saved = DealDialog.edit(self, self.core, self.ops)
        if saved is not None:
            self.refresh()

    def edit_deal(self, deal_id: int | None) -> None:
        if deal_id is not None:
            DealDialog.edit(self, self.core, self.ops, deal_id)

    def show_record(self, record_id: int) -> None:
        """The deal's page: details, history, activities and proformas."""
        DealPage.show_for(self, self.core, self.ops, record_id)

    def move_deal(self, deal_id: int, stage_id: int) -> bool:
        """Move a deal to a stage through Ops (a lost stage asks for the reason first);
        True when it moved. Ctrl+Z right afterwards moves it back."""
        stage = next((s for s in self.stages if s["id"] == stage_id), None)
        if stage is None:
            stage = next((s for s in self.core.stages.list() if s["id"] == stage_id), None)
        if stage is None:
            return False
        reason = None
        if stage["outcome"] == STAGE_LOST:
            reason = LostReasonDialog.ask(self)
            if not reason:
                return False
        before = self.core.deals.get(deal_id)
        outcome = self.ops.run(self, lambda: self.core.deals.move(deal_id, stage_id, reason),
                               changes=["deals", "contacts"])
        if not outcome.ok or outcome.value is None or outcome.value == stage_id:
            return False
        self.last_move = Move(deal_id, outcome.value, stage_id, before.get("lost_reason"))
        self.move_notice.setText(display.fill(self.tr("“{deal}” moved to {stage}."),
                                              deal=before["title"], stage=stage["name"]))
        self.notice_bar.show()
        return True

    def undo_last_move(self) -> bool:
        """Put the last moved deal back in the stage it came from."""
        last = self.last_move
        if last is None:
            return False
        self.last_move = None
        self.notice_bar.hide()
        outcome = self.ops.run(
            self, lambda: self.core.deals.move(last.deal_id, last.from_stage, last.from_reason),
            changes=["deals", "contacts"])
        return outcome.ok

    # -- state --------------------------------------------------------------------------
    def save_state(self) -> None:
        self.settings.set_value("pipeline/list_mode", self.list_mode())
        self.settings.set_value("pipeline/period", self.period_filter.currentData())

    def restore_state(self) -> None:
        period = self.settings.value("pipeline/period", "all")
        index = self.period_filter.findData(period)
        if index >= 0:
            self.period_filter.setCurrentIndex(index)
        if str(self.settings.value("pipeline/list_mode", False)).lower() == "true":
            self.set_list_mode(True)
