"""The pieces of the pipeline board: deal cards, stage columns that take dropped deals,
and the drag data and period helpers they share."""

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
    QMouseEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain import clock
from crm_desktop.domain.enums import STAGE_OPEN, STAGE_WON
from crm_desktop.services.deals import BoardColumn
from crm_desktop.text.jalali import jalali_parts, month_range, quarter_range, year_range
from crm_desktop.text.money import MoneyUnit
from crm_desktop.ui import display
from crm_desktop.ui.widgets.elided_label import ElidedLabel

#: what a dragged card carries: the deal id as ASCII digits
MIME_TYPE = "application/x-crm-deal-id"
COLUMN_WIDTH = 250
#: the won and lost drop zones at the end of the board: wide enough to read and to aim at
CLOSED_WIDTH = 180
OVERDUE_COLOR = QColor("#d32f2f")
#: cards a "show more" click adds to a column
MORE_STEP = 50
PERIODS = ("all", "month", "quarter", "year")


def period_range(key: str, today: date | None = None) -> tuple[date | None, date | None]:
    """Gregorian [start, end) of this Jalali month / quarter / year; (None, None) for all."""
    jy, jm, _jd = jalali_parts(today or clock.today())
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
        # every line fits the card at any width: the title wraps onto two lines, then
        # it and the other lines end in "…" (the full text in a tooltip)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        self.title = ElidedLabel(row["title"], max_lines=2)
        self.title.setObjectName("cardTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        who = row.get("contact") or row.get("company") or ""
        self.who = ElidedLabel(who)
        self.who.setObjectName("cardWho")
        self.amount = ElidedLabel(display.money(row["amount_rial"], unit))
        self.amount.setObjectName("cardAmount")
        changed = row.get("stage_changed_at")
        self.days = max(0, (now - _aware(changed)).days) if changed is not None else 0
        parts = []
        if close is not None:
            parts.append(self.tr("Close: {date}").replace(
                "{date}", display.isolate(display.jalali_date_only(close))))
        if row.get("owner"):
            parts.append(display.isolate(row["owner"]))
        parts.append(self.tr("%Ln day(s) in stage", "", self.days))
        self.meta = ElidedLabel(" · ".join(display.isolate(p) for p in parts))
        self.meta.setObjectName("cardMeta")
        self.meta.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        for label in (self.title, self.who, self.amount, self.meta):
            body.addWidget(label)
        if self.overdue:
            self.setToolTip(self.tr("Overdue: expected to close on {date} and still open")
                            .replace("{date}", display.isolate(display.jalali_date_only(close))))

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
        self.setFixedWidth(COLUMN_WIDTH if self.outcome == STAGE_OPEN else CLOSED_WIDTH)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(True)
        self.cards: list[DealCard] = []
        self.count = self.total = self.weighted = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        self.name_label = ElidedLabel(stage["name"])
        self.name_label.setObjectName("stageName")
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.count_label = ElidedLabel()
        self.count_label.setObjectName("stageCount")
        self.total_label = ElidedLabel()
        self.total_label.setObjectName("stageTotal")
        self.weighted_label = ElidedLabel()
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
        if self.outcome != STAGE_OPEN:
            hint = (self.tr("Drop a deal here to mark it won") if self.outcome == STAGE_WON
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
            "{amount}", display.isolate(display.money(column.total, unit))))
        self.weighted_label.setText(self.tr("Weighted: {amount}").replace(
            "{amount}", display.isolate(display.money(column.weighted, unit))))
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


