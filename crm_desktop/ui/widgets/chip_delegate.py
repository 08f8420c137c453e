"""How data tables look: comfortable rows, alternating colours, the sort indicator, long
text elided with the full text in a tooltip, and status values (lifecycle stage, ticket
status and priority, deal stage) painted as coloured chips. `decorate_table` sets it all on
a QTableView; `ChipDelegate` paints one column's chips."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QHelpEvent, QPainter, QPixmap, QStaticText, QTransform
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

from crm_desktop.domain.enums import (
    AutomationAction,
    CampaignChannel,
    CampaignStatus,
    LifecycleStage,
    MemberStatus,
    OutboxStatus,
    ProformaStatus,
    TicketPriority,
    TicketStatus,
)
from crm_desktop.ui.theme import palette, tokens

AnyIndex = QModelIndex | QPersistentModelIndex
#: a function giving a cell's chip tone ("neutral", "info", ...) or None for plain text
ToneOf = Callable[[AnyIndex], str | None]
#: a function giving a cell's chip text and tone, or None for plain text
ChipOf = Callable[[AnyIndex], tuple[str, str] | None]

TONES = ("neutral", "info", "warning", "success", "danger", "special")

#: the tone of each stored value, per kind of status
CHIP_TONES: dict[str, dict[str, str]] = {
    "lifecycle": {
        LifecycleStage.LEAD.value: "neutral",
        LifecycleStage.PROSPECT.value: "info",
        LifecycleStage.CUSTOMER.value: "success",
        LifecycleStage.LOYAL.value: "special",
        LifecycleStage.CHURNED.value: "danger",
    },
    "ticket_status": {
        TicketStatus.NEW.value: "info",
        TicketStatus.OPEN.value: "warning",
        TicketStatus.WAITING.value: "special",
        TicketStatus.RESOLVED.value: "success",
        TicketStatus.CLOSED.value: "neutral",
    },
    "ticket_priority": {
        TicketPriority.LOW.value: "neutral",
        TicketPriority.NORMAL.value: "info",
        TicketPriority.HIGH.value: "warning",
        TicketPriority.URGENT.value: "danger",
    },
    # a deal's stage is the user's own name: its outcome gives the colour
    "deal_outcome": {"open": "info", "won": "success", "lost": "danger"},
    "campaign_status": {
        CampaignStatus.PLANNED.value: "neutral",
        CampaignStatus.ACTIVE.value: "info",
        CampaignStatus.COMPLETED.value: "success",
        CampaignStatus.CANCELLED.value: "danger",
    },
    # channels are kinds, not states: told apart by colour, none of them a warning
    "campaign_channel": {
        CampaignChannel.SMS.value: "info",
        CampaignChannel.EMAIL.value: "special",
        CampaignChannel.CALL.value: "success",
        CampaignChannel.SOCIAL.value: "info",
        CampaignChannel.EVENT.value: "special",
        CampaignChannel.PRINT.value: "neutral",
        CampaignChannel.OTHER.value: "neutral",
    },
    "member_status": {
        MemberStatus.TARGETED.value: "neutral",
        MemberStatus.SENT.value: "info",
        MemberStatus.DELIVERED.value: "info",
        MemberStatus.FAILED.value: "danger",
        MemberStatus.RESPONDED.value: "warning",
        MemberStatus.CONVERTED.value: "success",
        MemberStatus.OPTED_OUT.value: "special",
    },
    "proforma_status": {
        ProformaStatus.DRAFT.value: "neutral",
        ProformaStatus.SENT.value: "info",
        ProformaStatus.ACCEPTED.value: "success",
        ProformaStatus.REJECTED.value: "danger",
        ProformaStatus.EXPIRED.value: "warning",
    },
    "outbox_status": {
        OutboxStatus.QUEUED.value: "info",
        OutboxStatus.SENDING.value: "warning",
        OutboxStatus.SENT.value: "success",
        OutboxStatus.FAILED.value: "danger",
        OutboxStatus.CANCELLED.value: "neutral",
    },
    # what an automation rule did: messages as the campaign channels, a skip stands out
    "automation_action": {
        AutomationAction.SMS.value: "info",
        AutomationAction.EMAIL.value: "special",
        AutomationAction.TASK.value: "success",
        AutomationAction.ASSIGN.value: "neutral",
        AutomationAction.SKIPPED.value: "warning",
    },
    # what the audit log records: removals and refused sign-ins stand out
    "audit_action": {
        "create": "success", "update": "info", "delete": "danger", "restore": "warning",
        "login": "neutral", "login_failed": "danger", "password": "special",
        "backup": "neutral",
    },
}

_H_PAD = tokens.SPACING["s"]


def tone(kind: str, value: object) -> str | None:
    return CHIP_TONES[kind].get(str(value)) if value is not None else None


def chip_colors(tone_name: str) -> tuple[str, str]:
    """The background and text token of a chip tone."""
    return f"chip_{tone_name}", f"chip_{tone_name}_text"


def chip_label_style(tone_name: str) -> str:
    """The style sheet that draws a QLabel as a chip of a tone, in the current theme's
    colours (set it again when the theme changes)."""
    background, foreground = chip_colors(tone_name)
    return (f"QLabel {{ background: {palette.token(background).name()}; "
            f"color: {palette.token(foreground).name()}; border-radius: 9px; "
            "padding: 2px 10px; }")


def _is_elided(option: QStyleOptionViewItem, text: str, extra: int = 0) -> bool:
    return option.fontMetrics.horizontalAdvance(text) + 2 * _H_PAD + extra > option.rect.width()


class ElidingDelegate(QStyledItemDelegate):
    """Plain cells: elided at the end of the text; the full text as a tooltip when it does
    not fit."""

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,
                  option: QStyleOptionViewItem, index: AnyIndex) -> bool:
        if event is None or view is None or event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text and _is_elided(option, str(text)):
            QToolTip.showText(event.globalPos(), str(text), view)
        else:
            QToolTip.hideText()
        return True

    # No initStyleOption override: the elide mode comes from the table (`decorate_table`
    # sets it), and a Python override would be called for every cell of every repaint.


class _Chip(NamedTuple):
    """A chip as a cell of a size shows it: where it stands (relative to the cell's corner)
    and its picture, the rounded rectangle and the text drawn once."""

    x: int
    y: int
    picture: QPixmap


# a cell whose selection, focus frame or hover Qt draws; on any other the style draws
# nothing under a chip (no text, no icon, no brush: the row's colour is drawn by the view)
_MARKED = (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus
           | QStyle.StateFlag.State_MouseOver).value


class ChipDelegate(ElidingDelegate):
    """A status cell painted as a rounded chip in its tone's colours.

    A list repaints every visible chip on each scroll step, and a screen of a list shows a
    few different chips many times over: each (text, tone, cell size, pixel ratio) is drawn
    once into a picture (antialiased rounded rectangle, elided text), so a paint is one
    picture, and the style's drawing of the cell (its selection, focus frame, hover) only
    where there is one. The pictures are drawn again when the program's look (theme, text
    size, font: `palette.looks()`) changes.

    Each painted cell is a call from Qt into Python, and every call back into Qt from there
    costs more than the same work in Qt's own painting: a chip asks Qt for as little as it
    can. `chip_of`, when given, says a cell's text and tone at once ((text, tone), or None
    for plain text): a record list's reads both from the row, where `tone_of` and the
    cell's text would be two look-ups and a call back into the model."""

    # how many chips are kept before starting again
    KEPT = 256

    def __init__(self, tone_of: ToneOf, parent: QTableView | None = None, *,
                 chip_of: ChipOf | None = None):
        super().__init__(parent)
        self.tone_of = tone_of
        self._chip_of = chip_of if chip_of is not None else self._text_and_tone
        self._chips: dict[tuple[str, str, int, int, float], _Chip] = {}
        self._look = palette.looks()

    def _text_and_tone(self, index: AnyIndex) -> tuple[str, str] | None:
        tone_name = self.tone_of(index)
        if tone_name is None:
            return None
        value = index.data(Qt.ItemDataRole.DisplayRole)
        return ("" if value is None else str(value)), tone_name

    def chip_rect(self, option: QStyleOptionViewItem, text: str) -> QRect:
        metrics = option.fontMetrics
        height = min(option.rect.height() - 6, metrics.height() + 6)
        width = min(option.rect.width() - 2 * _H_PAD + 4,
                    metrics.horizontalAdvance(text) + 2 * _H_PAD)
        rect = QRect(0, 0, max(0, width), max(0, height))
        rect.moveCenter(option.rect.center())
        return rect

    def _chip(self, option: QStyleOptionViewItem, text: str, tone_name: str, width: int,
              height: int, ratio: float) -> _Chip:
        if self._look != palette.looks():
            self._chips.clear()
            self._look = palette.looks()
        key = (text, tone_name, width, height, ratio)
        chip = self._chips.get(key)
        if chip is None:
            chip = self._draw(option, text, tone_name, ratio)
            if len(self._chips) >= self.KEPT:
                self._chips.clear()
            self._chips[key] = chip
        return chip

    def _draw(self, option: QStyleOptionViewItem, text: str, tone_name: str,
              ratio: float) -> _Chip:
        """The chip's picture (at the screen's pixel ratio) and its place in the cell."""
        cell = option.rect
        rect = self.chip_rect(option, text)
        # as wide as its text, unless the cell is narrower: only then is the text elided
        # (laying it out once more)
        shown = text
        if rect.width() >= cell.width() - 2 * _H_PAD + 4:
            shown = option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                  rect.width() - _H_PAD)
        static = QStaticText(shown)
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.prepare(QTransform(), option.font)
        size = static.size()
        background, foreground = chip_colors(tone_name)
        picture = QPixmap(QSize(max(1, round(rect.width() * ratio)),
                                max(1, round(rect.height() * ratio))))
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.token(background))
        radius = rect.height() / 2
        painter.drawRoundedRect(QRect(0, 0, rect.width(), rect.height()), radius, radius)
        painter.setPen(palette.token(foreground))
        painter.setFont(option.font)
        painter.drawStaticText(QPointF((rect.width() - size.width()) / 2,
                                       (rect.height() - size.height()) / 2), static)
        painter.end()
        return _Chip(rect.x() - cell.x(), rect.y() - cell.y(), picture)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        chip_of = self._chip_of(index)
        if chip_of is None:
            super().paint(painter, option, index)
            return
        text, tone_name = chip_of
        if option.state.value & _MARKED:
            # the row's selection, focus frame or hover (the view's option carries no text)
            widget = option.widget
            if widget is not None:
                widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option,
                                           painter, widget)
        x, y, width, height = option.rect.getRect()
        device = painter.device()
        chip = self._chip(option, text, tone_name, width, height,
                          device.devicePixelRatioF() if device is not None else 1.0)
        painter.drawPixmap(x + chip.x, y + chip.y, chip.picture)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * _H_PAD, size.height())


def row_chip(model: object, column: int, key: str, kind: str) -> ChipOf:
    """A record model's cell as a chip: its text and the tone of the row's value `key`,
    from one look-up of the row (a RecordTableModel's `row_data` and `row_text`)."""
    row_data = model.row_data  # type: ignore[attr-defined]
    row_text = model.row_text  # type: ignore[attr-defined]
    tones = CHIP_TONES[kind]

    def chip_of(index: AnyIndex) -> tuple[str, str] | None:
        row = row_data(index.row())
        if row is None:
            return None
        value = row.get(key)
        tone_name = None if value is None else tones.get(str(value))
        return None if tone_name is None else (row_text(row, column), tone_name)

    return chip_of


def row_tone(model: object, key: str, kind: str) -> ToneOf:
    """The tone of a record model's row value `key` (a RecordTableModel's `row_data`)."""

    def tone_of(index: AnyIndex) -> str | None:
        row = model.row_data(index.row())  # type: ignore[attr-defined]
        return None if row is None else tone(kind, row.get(key))

    return tone_of


def decorate_table(table: QTableView, chips: dict[str, tuple[str, str]] | None = None) -> None:
    """The shared look of a data table; `chips` maps a column key of a record model to
    (row value key, kind of status), e.g. {"status": ("status", "ticket_status")}."""
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setShowGrid(False)
    table.verticalHeader().setDefaultSectionSize(tokens.row_height(palette.current_text_size()))
    table.horizontalHeader().setSortIndicatorShown(table.isSortingEnabled())
    table.horizontalHeader().setHighlightSections(False)
    table.setItemDelegate(ElidingDelegate(table))
    model = table.model()
    columns = getattr(model, "columns", None)
    for column_key, (value_key, kind) in (chips or {}).items():
        if columns is None:
            raise ValueError("chips need a record model with columns")
        column = next(i for i, c in enumerate(columns) if c.key == column_key)
        # (a model that says a row's text itself: the chip is read from the row at once)
        chip_of = (row_chip(model, column, value_key, kind) if hasattr(model, "row_text")
                   else None)
        table.setItemDelegateForColumn(column, ChipDelegate(
            row_tone(model, value_key, kind), table, chip_of=chip_of))
