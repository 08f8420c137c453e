"""A Jalali week of appointments: seven day columns from Saturday (at the right in a
right-to-left window), half-hour rows from 07:00 to 21:00, blocks placed by due time and
duration on the business's clock (`domain.clock`), whatever the computer's time zone.
Overlapping blocks share their column side by side; blocks are dragged to another slot
(`drop_at` is the drop handler tests call)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from crm_desktop.domain import clock
from crm_desktop.domain.appointments import is_appointment
from crm_desktop.text.jalali import jalali_parts, month_name
from crm_desktop.ui import display
from crm_desktop.ui.theme.palette import token

MIME_TYPE = "application/x-crm-activity-id"
HOUR_START = 7
HOUR_END = 21
SLOT_MINUTES = 30
HOUR_HEIGHT = 48
HEADER_HEIGHT = 40
GUTTER_WIDTH = 56
MIN_DAY_WIDTH = 90
DEFAULT_MINUTES = 30
#: the space between a block's edge and its text
BLOCK_PADDING = 3
#: the chip tone (ui/theme/tokens.py chip_*) of each kind of block
KIND_TONES = {"meeting": "info", "call": "success", "task": "warning"}


def week_start(day: date) -> date:
    """The Saturday on or before `day` (an Iranian week runs Saturday to Friday)."""
    return day - timedelta(days=(day.weekday() - 5) % 7)


def local(value: datetime) -> datetime:
    """An instant on the business's wall clock (naive values are UTC, as stored)."""
    return clock.local(value)


def local_at(day: date, at: time) -> datetime:
    """An aware datetime on the business's wall clock for a time on a day."""
    return clock.local(clock.at(day, at))


def activity_mime(activity_id: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(str(activity_id).encode("ascii")))
    return mime


def mime_activity_id(mime: QMimeData) -> int | None:
    if not mime.hasFormat(MIME_TYPE):
        return None
    try:
        return int(bytes(mime.data(MIME_TYPE).data()).decode("ascii"))
    except ValueError:
        return None


@dataclass
class Block:
    """One appointment placed on the grid."""

    activity_id: int
    start: datetime  # local
    end: datetime  # local
    owner_id: int | None
    row: Mapping[str, Any]
    lane: int = 0
    lanes: int = 1

    @property
    def day(self) -> date:
        return self.start.date()


def _lay_out(blocks: list[Block], min_minutes: int = 0) -> None:
    """Give overlapping blocks of one day their own sub-column, side by side (the idea of
    KDE's agenda `placeSubCells`, reimplemented): each block takes the first sub-column
    that is free at its start, and every block of an overlap group gets the group's number
    of sub-columns. A block counts as at least `min_minutes` long, the height it is drawn
    with, so a short block drawn taller never covers the one after it."""
    def shown_end(b: Block) -> datetime:
        return max(b.end, b.start + timedelta(minutes=min_minutes))

    by_day: dict[date, list[Block]] = {}
    for b in blocks:
        by_day.setdefault(b.day, []).append(b)
    for day_blocks in by_day.values():
        day_blocks.sort(key=lambda b: (b.start, b.end, b.activity_id))
        cluster: list[Block] = []
        cluster_end: datetime | None = None
        for b in [*day_blocks, None]:
            if b is None or (cluster_end is not None and b.start >= cluster_end):
                lanes_end: list[datetime] = []
                for c in cluster:
                    for i, end in enumerate(lanes_end):
                        if end <= c.start:
                            c.lane, lanes_end[i] = i, shown_end(c)
                            break
                    else:
                        c.lane = len(lanes_end)
                        lanes_end.append(shown_end(c))
                for c in cluster:
                    c.lanes = len(lanes_end)
                cluster, cluster_end = [], None
            if b is not None:
                cluster.append(b)
                cluster_end = shown_end(b) if cluster_end is None else max(cluster_end,
                                                                            shown_end(b))


class WeekCalendar(QWidget):
    # a click on a free slot: its local start, rounded down to 30 minutes
    slot_clicked = Signal(datetime)
    # a block dropped on another slot: (activity id, new local start)
    item_moved = Signal(int, datetime)
    # a double click on a block
    item_opened = Signal(int)
    # a double click on a block: (activity id, the block's local start), so the occurrence
    # of a repeating appointment that was opened is known
    occurrence_opened = Signal(int, datetime)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("weekCalendar")
        self.setAcceptDrops(True)
        self.setMouseTracking(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(self.sizeHint())
        self.n_days = 7
        # the first shown day: a Saturday in week mode, the day itself in day mode
        self.saturday = week_start(clock.today())
        self.blocks: list[Block] = []
        self._press: QPoint | None = None
        self._press_id: int | None = None
        self._grab_dy = 0

    # -- data -----------------------------------------------------------------------------
    def set_week(self, saturday: date) -> None:
        """Show the week of `saturday` (in day mode: that very day)."""
        self.saturday = week_start(saturday) if self.n_days == 7 else saturday
        self.update()

    def set_days(self, n: int) -> None:
        """Show 7 days (a week from Saturday) or 1 day (the first shown day)."""
        if n not in (1, 7):
            raise ValueError(f"days must be 1 or 7, not {n}")
        self.n_days = n
        if n == 7:
            self.saturday = week_start(self.saturday)
        self.update()

    def days(self) -> list[date]:
        return [self.saturday + timedelta(days=i) for i in range(self.n_days)]

    def set_items(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Rows as `ActivityService.due_between` returns them; only appointments that fall
        in the shown week are placed."""
        first, last = self.saturday, self.saturday + timedelta(days=self.n_days)
        blocks = []
        for row in rows:
            if not is_appointment(row):
                continue
            start = local(row["due_at"])
            if not first <= start.date() < last:
                continue
            minutes = row.get("duration_minutes") or DEFAULT_MINUTES
            blocks.append(Block(row["id"], start, start + timedelta(minutes=minutes),
                                row.get("owner_id"), row))
        _lay_out(blocks, self.min_block_minutes())
        self.blocks = blocks
        self.update()

    def block(self, activity_id: int) -> Block | None:
        return next((b for b in self.blocks if b.activity_id == activity_id), None)

    def overlaps(self) -> list[tuple[int, int]]:
        """Pairs (smaller id, larger id) of blocks of the same owner that overlap."""
        pairs = []
        for i, a in enumerate(self.blocks):
            for b in self.blocks[i + 1:]:
                if a.owner_id == b.owner_id and a.start < b.end and b.start < a.end:
                    pairs.append((min(a.activity_id, b.activity_id),
                                  max(a.activity_id, b.activity_id)))
        return sorted(pairs)

    # -- geometry -------------------------------------------------------------------------
    def min_block_height(self) -> int:
        """A block is never drawn lower than one line of text and its margins."""
        return self.fontMetrics().lineSpacing() + 2 * BLOCK_PADDING + 2

    def min_block_minutes(self) -> int:
        return -(-self.min_block_height() * 60 // HOUR_HEIGHT)  # rounded up

    def sizeHint(self) -> QSize:
        return QSize(GUTTER_WIDTH + 7 * MIN_DAY_WIDTH,
                     HEADER_HEIGHT + (HOUR_END - HOUR_START) * HOUR_HEIGHT + 1)

    def _rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _day_width(self) -> float:
        return max(1.0, (self.width() - GUTTER_WIDTH) / self.n_days)

    def column_rect(self, index: int) -> QRect:
        """The rectangle of day column `index` (0 = Saturday) below the header."""
        w = self._day_width()
        left = (self.width() - GUTTER_WIDTH - (index + 1) * w) if self._rtl() else (
            GUTTER_WIDTH + index * w)
        return QRect(round(left), HEADER_HEIGHT, round(w),
                     (HOUR_END - HOUR_START) * HOUR_HEIGHT)

    def column_of(self, day: date) -> int | None:
        index = (day - self.saturday).days
        return index if 0 <= index < self.n_days else None

    def _y_of(self, at: datetime) -> int:
        minutes = (at.hour - HOUR_START) * 60 + at.minute
        minutes = max(0, min(minutes, (HOUR_END - HOUR_START) * 60))
        return HEADER_HEIGHT + round(minutes * HOUR_HEIGHT / 60)

    def block_rect(self, activity_id: int) -> QRect:
        b = self.block(activity_id)
        return QRect() if b is None else self.block_rect_of(b)

    def block_rect_of(self, b: Block) -> QRect:
        column = self.column_rect(self.column_of(b.day) or 0)
        top = self._y_of(b.start)
        end = b.end if b.end.date() == b.start.date() else local_at(b.day, time(23, 59))
        bottom = max(top + self.min_block_height(), self._y_of(end))
        width = column.width() / b.lanes
        lane = b.lanes - 1 - b.lane if self._rtl() else b.lane
        return QRect(round(column.left() + lane * width) + 1, top + 1,
                     max(4, round(width) - 2), bottom - top - 2)

    def slot_point(self, start: datetime) -> QPoint:
        """A point inside the slot a local time falls in (for tests and drops)."""
        column = self.column_of(start.date())
        rect = self.column_rect(column or 0)
        return QPoint(rect.center().x(), self._y_of(start) + 2)

    def slot_at(self, point: QPoint) -> datetime | None:
        """The aware local start of the half-hour slot under a point; None off the grid."""
        for index in range(self.n_days):
            rect = self.column_rect(index)
            if rect.left() <= point.x() <= rect.right() and rect.top() <= point.y() < (
                    rect.bottom()):
                minutes = (point.y() - HEADER_HEIGHT) * 60 // HOUR_HEIGHT
                minutes -= minutes % SLOT_MINUTES
                at = time(HOUR_START + minutes // 60, minutes % 60)
                return local_at(self.saturday + timedelta(days=index), at)
        return None

    def block_at(self, point: QPoint) -> int | None:
        for b in reversed(self.blocks):
            if self.block_rect_of(b).contains(point):
                return b.activity_id
        return None

    # -- drag and drop --------------------------------------------------------------------
    def drop_at(self, activity_id: int, point: QPoint) -> bool:
        """Move an appointment to the slot under `point` (emits `item_moved`)."""
        start = self.slot_at(point)
        b = self.block(activity_id)
        if start is None or b is None or start == b.start:
            return False
        self.item_moved.emit(activity_id, start)
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._press_id = self.block_at(self._press)
            if self._press_id is not None:
                self._grab_dy = self._press.y() - self.block_rect(self._press_id).top()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and self._press_id is not None and (
                (event.position().toPoint() - self._press).manhattanLength()
                >= QApplication.startDragDistance()):
            activity_id, self._press = self._press_id, None
            drag = QDrag(self)
            drag.setMimeData(activity_mime(activity_id))
            drag.exec(Qt.DropAction.MoveAction)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and self._press_id is None:
            start = self.slot_at(event.position().toPoint())
            if start is not None:
                self.slot_clicked.emit(start)
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.open_at(event.position().toPoint())

    def open_at(self, point: QPoint) -> bool:
        """Open the block under `point` (emits `item_opened` and `occurrence_opened`)."""
        for b in reversed(self.blocks):
            if self.block_rect_of(b).contains(point):
                self._press = None
                self.item_opened.emit(b.activity_id)
                self.occurrence_opened.emit(b.activity_id, b.start)
                return True
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if mime_activity_id(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if mime_activity_id(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        activity_id = mime_activity_id(event.mimeData())
        if activity_id is None:
            return
        point = event.position().toPoint() - QPoint(0, self._grab_dy)
        self._grab_dy = 0
        if self.drop_at(activity_id, point):
            event.acceptProposedAction()

    # -- painting -------------------------------------------------------------------------
    def day_title(self, day: date) -> str:
        names = (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"),
                 self.tr("Thursday"), self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday"))
        _y, jm, jd = jalali_parts(day)
        lang = "fa" if display.persian() else "en"
        return f"{names[day.weekday()]}\n{display.digits(jd)} {month_name(jm, lang)}"

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        palette = self.palette()
        p.fillRect(self.rect(), palette.base())
        grid = QColor(palette.mid().color())
        today = clock.today()
        rtl = self._rtl()
        gutter = QRect(self.width() - GUTTER_WIDTH if rtl else 0, HEADER_HEIGHT,
                       GUTTER_WIDTH, (HOUR_END - HOUR_START) * HOUR_HEIGHT)
        for index, day in enumerate(self.days()):
            column = self.column_rect(index)
            if day == today:
                p.fillRect(column, token("today"))
            elif day.weekday() == 4:  # Friday, the weekend
                p.fillRect(column, palette.alternateBase())
            header = QRect(column.left(), 0, column.width(), HEADER_HEIGHT)
            p.setPen(palette.text().color())
            p.drawText(header, Qt.AlignmentFlag.AlignCenter, self.day_title(day))
            p.setPen(grid)
            p.drawLine(column.topLeft(), column.bottomLeft())
        for hour in range(HOUR_START, HOUR_END + 1):
            y = HEADER_HEIGHT + (hour - HOUR_START) * HOUR_HEIGHT
            p.setPen(grid)
            p.drawLine(0, y, self.width(), y)
            if hour < HOUR_END:
                p.setPen(palette.text().color())
                label = QRect(gutter.left(), y, GUTTER_WIDTH, 18)
                p.drawText(label, Qt.AlignmentFlag.AlignCenter, display.digits(f"{hour:02d}:00"))
        for b in self.blocks:
            rect = self.block_rect_of(b)
            tone = KIND_TONES.get(str(b.row.get("kind")), "special")
            color = token(f"chip_{tone}")
            if b.row.get("done_at") is not None:
                color = color.lighter(115)
            p.fillRect(rect, color)
            p.setPen(color.darker(160))
            p.drawRect(rect.adjusted(0, 0, -1, -1))
            p.setPen(token(f"chip_{tone}_text"))
            self._paint_block_text(p, rect, b)
        p.end()

    def block_lines(self, b: Block) -> list[str]:
        """The lines of a block: time and subject, then the person (each value isolated,
        so a Persian subject beside Latin digits keeps its order in either language)."""
        at = display.digits(b.start.strftime("%H:%M"))
        lines = [f"{display.isolate(at)} {display.isolate(str(b.row.get('subject') or ''))}"]
        if b.row.get("contact"):
            lines.append(display.isolate(str(b.row["contact"])))
        return lines

    def block_tooltip(self, b: Block) -> str:
        end = display.digits(b.end.strftime("%H:%M"))
        lines = self.block_lines(b)
        lines[0] = lines[0].replace(" ", f"–{display.isolate(end)} ", 1)
        return "\n".join(lines)

    def _paint_block_text(self, p: QPainter, rect: QRect, b: Block) -> None:
        """As many lines as the block's height holds, each elided at the block's width."""
        metrics = self.fontMetrics()
        inner = rect.adjusted(BLOCK_PADDING, BLOCK_PADDING - 1, -BLOCK_PADDING,
                              -BLOCK_PADDING + 1)
        if inner.width() <= 0:
            return
        y = inner.top()
        align = int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        for line in self.block_lines(b):
            if y + metrics.height() > inner.bottom() + 1:
                break
            text = metrics.elidedText(line, Qt.TextElideMode.ElideRight, inner.width())
            p.drawText(QRect(inner.left(), y, inner.width(), metrics.height()), align, text)
            y += metrics.lineSpacing()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            found = self.block_at(event.pos())
            b = None if found is None else self.block(found)
            if b is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.block_tooltip(b), self)
            return True
        return super().event(event)
