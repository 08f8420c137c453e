"""The sales pipeline: a board with a column per stage (the first stage at the reading
edge: right in Persian), cards dragged between columns, the lost reason asked for, Ctrl+Z
right after a move, filters with a weighted forecast, and a list mode."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
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
from crm_desktop.db import models as m
from crm_desktop.services.deals import BoardColumn
from crm_desktop.text.jalali import jalali_parts, month_range, quarter_range, year_range
from crm_desktop.text.money import MoneyUnit
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.deal_dialog import DealDialog, LostReasonDialog
from crm_desktop.ui.dialogs.deal_page import DealPage
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import BaseView
from crm_desktop.ui.widgets.search_box import SearchBox

#: what a dragged card carries: the deal id as ASCII digits
MIME_TYPE = "application/x-crm-deal-id"
COLUMN_WIDTH = 250
OVERDUE_COLOR = QColor("#d32f2f")
#: cards a "show more" click adds to a column
MORE_STEP = 50
PERIODS = ("all", "month", "quarter", "year")


def period_range(key: str, today: date | None = None) -> tuple[date | None, date | None]:
    """Gregorian [start, end) of this Jalali month / quarter / year; (None, None) for all."""
    jy, jm, _jd = jalali_parts(today or date.today())
    if key == "month":
        return month_range(jy, jm)
    if key == "quarter":
        return quarter_range(jy, (jm - 1) // 3 + 1)
    if key == "year":
        return year_range(jy)
    return None, None


def deal_mime(deal_id: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(str(deal_id).encode("ascii")))
    return mime


def mime_deal_id(mime: QMimeData) -> int | None:
    if not mime.hasFormat(MIME_TYPE):
        return None
    try:
        return int(bytes(mime.data(MIME_TYPE).data()).decode("ascii"))
    except ValueError:
        return None


@dataclass(frozen=True)
class Move:
    """The last move, for Ctrl+Z."""

    deal_id: int
    from_stage: int
    to_stage: int
    #: the lost reason to put back when the deal came from a lost stage
    from_reason: str | None = None


class DealCard(QFrame):
    """One deal on the board; drag it to another column, double-click to open its page."""

    open_requested = Signal(int)

    def __init__(self, row: Mapping[str, Any], unit: MoneyUnit, today: date,
                 now: datetime, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dealCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.deal_id = int(row["id"])
        self.stage_id = int(row["stage_id"])
        self._press: QPoint | None = None
        close = row["expected_close"]
        self.overdue = close is not None and close < today
        self.setProperty("overdue", self.overdue)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 6, 0)
        outer.setSpacing(6)
        # the side bar stands at the reading edge (right in Persian: the layout mirrors)
        self.bar = QFrame()
        self.bar.setObjectName("overdueBar")
        self.bar.setFixedWidth(4)
        if self.overdue:
            palette = self.bar.palette()
            palette.setColor(QPalette.ColorRole.Window, OVERDUE_COLOR)
            self.bar.setPalette(palette)
            self.bar.setAutoFillBackground(True)
        outer.addWidget(self.bar)
        body = QVBoxLayout()
        body.setContentsMargins(0, 6, 0, 6)
        body.setSpacing(2)
        outer.addLayout(body, 1)
        self.title = QLabel(row["title"])
        self.title.setObjectName("cardTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        who = row.get("contact") or row.get("company") or ""
        self.who = QLabel(who)
        self.who.setObjectName("cardWho")
        self.amount = QLabel(display.money(row["amount_rial"], unit))
        self.amount.setObjectName("cardAmount")
        changed = row.get("stage_changed_at")
        self.days = max(0, (now - _aware(changed)).days) if changed is not None else 0
        parts = []
        if close is not None:
            parts.append(self.tr("Close: {date}").replace(
                "{date}", display.jalali_date_only(close)))
        if row.get("owner"):
            parts.append(row["owner"])
        parts.append(self.tr("%Ln day(s) in stage", "", self.days))
        self.meta = QLabel(" · ".join(parts))
        self.meta.setObjectName("cardMeta")
        self.meta.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        for label in (self.title, self.who, self.amount, self.meta):
            body.addWidget(label)
        if self.overdue:
            self.setToolTip(self.tr("Overdue: expected to close on {date} and still open")
                            .replace("{date}", display.jalali_date_only(close)))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if (self._press is not None and event.buttons() & Qt.MouseButton.LeftButton and
                (event.position().toPoint() - self._press).manhattanLength()
                >= QApplication.startDragDistance()):
            self._press = None
            self.start_drag()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.open_requested.emit(self.deal_id)

    def start_drag(self) -> None:
        drag = QDrag(self)
        drag.setMimeData(deal_mime(self.deal_id))
        drag.setPixmap(self.grab())
        drag.setHotSpot(QPoint(self.width() // 2, 10))
        drag.exec(Qt.DropAction.MoveAction)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class StageColumn(QFrame):
    """One stage: its header (name, count, total, weighted total), its cards and a drop
    target. Closed stages (won, lost) show no cards: dropping there closes the deal."""

    deal_dropped = Signal(int, int)  # deal id, this stage id
    more_requested = Signal(int)  # this stage id
    open_requested = Signal(int)  # deal id

    def __init__(self, stage: Mapping[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stageColumn")
        self.stage_id = int(stage["id"])
        self.outcome = str(stage["outcome"])
        self.setProperty("outcome", self.outcome)
        self.setFixedWidth(COLUMN_WIDTH)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(True)
        self.cards: list[DealCard] = []
        self.count = self.total = self.weighted = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        self.name_label = QLabel(stage["name"])
        self.name_label.setObjectName("stageName")
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.count_label = QLabel()
        self.count_label.setObjectName("stageCount")
        self.total_label = QLabel()
        self.total_label.setObjectName("stageTotal")
        self.weighted_label = QLabel()
        self.weighted_label.setObjectName("stageWeighted")
        for label in (self.name_label, self.count_label, self.total_label,
                      self.weighted_label):
            layout.addWidget(label)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget()
        self.cards_layout = QVBoxLayout(self.body)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(6)
        self.cards_layout.addStretch(1)
        self.scroll.setWidget(self.body)
        layout.addWidget(self.scroll, 1)
        self.more_button = QPushButton()
        self.more_button.setObjectName("showMore")
        self.more_button.hide()
        self.more_button.clicked.connect(lambda: self.more_requested.emit(self.stage_id))
        layout.addWidget(self.more_button)
        if self.outcome != m.STAGE_OPEN:
            hint = (self.tr("Drop a deal here to mark it won") if self.outcome == m.STAGE_WON
                    else self.tr("Drop a deal here to mark it lost"))
            self.hint = QLabel(hint)
            self.hint.setObjectName("dropHint")
            self.hint.setWordWrap(True)
            self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.cards_layout.insertWidget(0, self.hint)
            for label in (self.count_label, self.total_label, self.weighted_label):
                label.hide()

    # -- content ------------------------------------------------------------------------
    def set_column(self, column: BoardColumn | None, unit: MoneyUnit, today: date,
                   now: datetime) -> None:
        column = column or BoardColumn()
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards = []
        self.count = column.count
        self.total = column.total
        self.weighted = column.weighted
        self.count_label.setText(self.tr("%Ln deal(s)", "", column.count))
        self.total_label.setText(self.tr("Total: {amount}").replace(
            "{amount}", display.money(column.total, unit)))
        self.weighted_label.setText(self.tr("Weighted: {amount}").replace(
            "{amount}", display.money(column.weighted, unit)))
        at = self.cards_layout.count() - 1  # before the stretch
        for row in column.rows:
            card = DealCard(row, unit, today, now, self.body)
            card.open_requested.connect(self.open_requested)
            self.cards_layout.insertWidget(at, card)
            at += 1
            self.cards.append(card)
        self.more_button.setVisible(column.more > 0)
        if column.more:
            self.more_button.setText(self.tr("Show more (%Ln not shown)", "", column.more))

    # -- dropping -----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
            self.setProperty("dropTarget", True)
            self.setStyleSheet("#stageColumn { border: 2px dashed palette(highlight); }")
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._unmark()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._unmark()
        deal_id = mime_deal_id(event.mimeData())
        if deal_id is None or not self._accepts(event.mimeData()):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        # the move may ask a question (lost reason) and rebuild the board: do it after
        # the drag has ended, never inside it
        QTimer.singleShot(0, self, lambda: self.deal_dropped.emit(deal_id, self.stage_id))

    def handle_drop(self, mime: QMimeData) -> bool:
        """What a drop does, without the drag (tests and keyboard moves)."""
        deal_id = mime_deal_id(mime)
        if deal_id is None or not self._accepts(mime):
            return False
        self.deal_dropped.emit(deal_id, self.stage_id)
        return True

    def _accepts(self, mime: QMimeData) -> bool:
        deal_id = mime_deal_id(mime)
        return deal_id is not None and all(c.deal_id != deal_id for c in self.cards)

    def _unmark(self) -> None:
        self.setProperty("dropTarget", False)
        self.setStyleSheet("")


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

        # -- the filters bar
        self.new_button = QPushButton(self.tr("New deal"))
        self.new_button.setObjectName("newDealButton")
        self.new_button.clicked.connect(self.new_record)
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
        self.list_toggle.setToolTip(self.tr("Show the deals as a list"))
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.owner_filter)
        bar.addWidget(self.period_filter)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.forecast_label)
        bar.addWidget(self.list_toggle)

        # -- the undo notice
        self.move_notice = QLabel()
        self.move_notice.setObjectName("moveNotice")
        self.undo_button = QPushButton(self.tr("Undo (Ctrl+Z)"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.undo_last_move)
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

        self.stack = QStackedWidget()
        self.stack.addWidget(self.board_scroll)
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
        self.forecast_label.setText(self.tr("Forecast: {amount}").replace(
            "{amount}", display.money(forecast, unit)))
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
            today = date.today()
            now = datetime.now(UTC)
            for stage in stages:
                self.columns[stage["id"]].set_column(self.board_data.get(stage["id"]), unit,
                                                     today, now)
        finally:
            self.board.setUpdatesEnabled(True)

    def _build_columns(self, stages: list[dict[str, Any]]) -> None:
        for column in self.columns.values():
            self.board_layout.removeWidget(column)
            column.hide()
            column.deleteLater()
        self.columns = {}
        for i, stage in enumerate(stages):
            column = StageColumn(stage, self.board)
            column.deal_dropped.connect(self.move_deal)
            column.more_requested.connect(self.show_more)
            column.open_requested.connect(self.show_record)  # a card double-clicked
            self.board_layout.insertWidget(i, column)
            self.columns[stage["id"]] = column

    def _refresh_list(self, filters: dict[str, Any]) -> None:
        query = self.model.query
        self.model.set_query(type(query)(
            filters={k: v for k, v in filters.items() if k != "text" and v is not None},
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

    def list_mode(self) -> bool:
        return self.stack.currentWidget() is self.table

    def set_list_mode(self, on: bool) -> None:
        if self.list_toggle.isChecked() != on:
            self.list_toggle.setChecked(on)  # comes back here through toggled
            return
        self.stack.setCurrentWidget(self.table if on else self.board_scroll)
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
        if stage["outcome"] == m.STAGE_LOST:
            reason = LostReasonDialog.ask(self)
            if not reason:
                return False
        before = self.core.deals.get(deal_id)
        outcome = self.ops.run(self, lambda: self.core.deals.move(deal_id, stage_id, reason),
                               changes=["deals", "contacts"])
        if not outcome.ok or outcome.value is None or outcome.value == stage_id:
            return False
        self.last_move = Move(deal_id, outcome.value, stage_id, before.get("lost_reason"))
        self.move_notice.setText(self.tr("“{deal}” moved to {stage}.")
                                 .replace("{deal}", before["title"])
                                 .replace("{stage}", stage["name"]))
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
