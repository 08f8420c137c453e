"""A label that lays out at any width: its text wraps at word boundaries onto at most
`max_lines` lines and the last line that does not fit ends in "…" (measured with the
font's metrics). `text()` stays the full text, shown as a tooltip when part of it is
hidden."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QWidget

ELLIPSIS = "…"


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", max_lines: int = 1, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.max_lines = max(1, max_lines)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(max_lines > 1)
        self.setSizePolicy(policy)

    # -- text and size -----------------------------------------------------------------------
    def setText(self, text: str) -> None:
        super().setText(text)
        self.updateGeometry()

    def lines(self, width: int | None = None) -> list[str]:
        """The lines shown at `width` (the label's own by default): whole words, the last
        one elided with "…" when text remains."""
        text = self.text().replace("\n", " ")
        width = self.contentsRect().width() if width is None else width
        if not text or width <= 0:
            return []
        metrics = self.fontMetrics()
        if self.max_lines == 1 or metrics.horizontalAdvance(text) <= width:
            return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)]
        layout = QTextLayout(text, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        option.setTextDirection(self.layoutDirection())
        layout.setTextOption(option)
        spans: list[tuple[int, int]] = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            spans.append((line.textStart(), line.textLength()))
        layout.endLayout()
        out = []
        for i, (start, length) in enumerate(spans[: self.max_lines]):
            last = i == self.max_lines - 1
            part = text[start:] if last else text[start:start + length]
            part = part.strip()
            if last or metrics.horizontalAdvance(part) > width:
                part = metrics.elidedText(part, Qt.TextElideMode.ElideRight, width)
            out.append(part)
        return out

    def is_elided(self) -> bool:
        return " ".join(self.lines()) != " ".join(self.text().split())

    def _line_count(self, width: int) -> int:
        return max(1, len(self.lines(width)))

    def hasHeightForWidth(self) -> bool:
        return self.max_lines > 1

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        return (self._line_count(inner) * self.fontMetrics().lineSpacing()
                + margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self.text()) + 2
        lines = self._line_count(self.width()) if self.width() > 0 else 1
        return QSize(min(width, 240), lines * self.fontMetrics().lineSpacing())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(ELLIPSIS) * 3,
                     self.fontMetrics().lineSpacing())

    def full_text_tip(self) -> str:
        """What hovering shows: the widget's own tooltip, else the full text when part of
        it is hidden, else nothing."""
        if self.toolTip():
            return self.toolTip()
        return self.text() if self.is_elided() else ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and not self.toolTip():
            assert isinstance(event, QHelpEvent)
            tip = self.full_text_tip()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        rect = self.contentsRect()
        spacing = self.fontMetrics().lineSpacing()
        align = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        y = rect.top()
        for line in self.lines(rect.width()):
            # the paragraph runs in the UI's direction (the painter's); values inside the
            # line carry their own isolates
            painter.drawText(QRect(rect.left(), y, rect.width(), spacing), align, line)
            y += spacing
        painter.end()
