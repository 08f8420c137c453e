"""The dashboard's KPI cards: a figure of the chosen period in the UI language (money in
the user's unit, rates as percentages, hours, Persian digits), the figure of the period
before, and the change between them: an arrow and a colour that say whether it is good
news, because for some KPIs (lost deals, churn, response times) lower is better."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from crm_desktop.text.money import MoneyUnit
from crm_desktop.ui import display
from crm_desktop.ui.theme import icons, palette, tokens
from crm_desktop.ui.widgets import chart_text
from crm_desktop.ui.widgets.locale_util import ui_lang

Value = int | Decimal | None
#: the narrowest a card is laid out (the grid fits as many as the width holds)
CARD_WIDTH = 220


def value_text(kind: str, value: Value, unit: MoneyUnit | str) -> str:
    """A KPI's value as a card shows it: "۱۲٬۵۰۰ تومان", "۴۲٪", "۳٫۵ ساعت", "۴٫۲۵ از ۵",
    "۱۲"; "—" when there is none."""
    if value is None:
        return "—"
    if kind == "money":
        return display.money(int(value), unit)
    if kind == "rate":
        return chart_text.percent_text(value, 1 if _fraction_digit(value) else 0)
    if kind == "hours":
        text = QCoreApplication.translate("KpiCard", "{n} h")
        return text.replace("{n}", chart_text.number_text(value, 1))
    if kind == "decimal":
        text = QCoreApplication.translate("KpiCard", "{n} of 5")
        return text.replace("{n}", chart_text.number_text(value, 2))
    return chart_text.number_text(value)


def _fraction_digit(rate: int | Decimal) -> bool:
    """A rate shown with one decimal where the whole percent would hide it (0.4%)."""
    percent = Decimal(str(rate)) * 100
    return percent != percent.to_integral_value() and abs(percent) < 10


def change_text(kind: str, value: Value, previous: Value, unit: MoneyUnit | str) -> str:
    """How much the value moved since the period before: a rate in percentage points, the
    rest relative to the previous value ("۱۲٪"), or the difference itself when the previous
    value was zero; "" when one of them is missing or nothing changed."""
    if value is None or previous is None or value == previous:
        return ""
    delta = Decimal(str(value)) - Decimal(str(previous))
    if kind == "rate":
        points = chart_text.number_text(abs(delta) * 100, 1)
        return QCoreApplication.translate("KpiCard", "{n} pts").replace("{n}", points)
    if previous == 0:
        return value_text(kind, abs(delta) if kind != "money" else int(abs(delta)), unit)
    share = abs(delta) / abs(Decimal(str(previous)))
    decimals = 1 if share < Decimal("0.1") else 0
    return chart_text.percent_text(share, decimals)


def tone(value: Value, previous: Value, higher_is_better: bool) -> str:
    """"good", "bad", "flat" (no change) or "none" (nothing to compare)."""
    if value is None or previous is None:
        return "none"
    if value == previous:
        return "flat"
    return "good" if (value > previous) == higher_is_better else "bad"


class KpiCard(QFrame):
    """One KPI: its title, its value, the change since the period before and that period's
    value. A card with records behind it is clicked (or Enter) to open them."""

    clicked = Signal(str)  # the KPI's name

    def __init__(self, name: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("kpiCard")
        self.name = name
        self.kind = "count"
        self._clickable = False
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("kpiTitle")
        self.title_label.setProperty("role", "muted")
        self.value_label = QLabel("…", self)
        self.value_label.setObjectName("kpiValue")
        self.arrow = QLabel(self)
        self.arrow.setObjectName("kpiArrow")
        self.change_label = QLabel(self)
        self.change_label.setObjectName("kpiChange")
        self.previous_label = QLabel(self)
        self.previous_label.setObjectName("kpiPrevious")
        self.previous_label.setProperty("role", "caption")
        for label in (self.title_label, self.previous_label):
            label.setMinimumWidth(1)  # elided by hand, never widening the card
        change = QHBoxLayout()
        change.setSpacing(tokens.SPACING["xxs"])
        change.addWidget(self.arrow)
        change.addWidget(self.change_label)
        change.addStretch(1)
        layout = QVBoxLayout(self)
        pad = tokens.SPACING["m"]
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(tokens.SPACING["xxs"])
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addLayout(change)
        layout.addWidget(self.previous_label)
        self.setMinimumWidth(CARD_WIDTH - tokens.SPACING["l"])
        self._texts = (title, "…", "")
        self._tone = "none"
        self._heights: list[int] = []

    # -- what it shows ------------------------------------------------------------------
    def set_values(self, kind: str, value: Value, previous: Value, higher_is_better: bool,
                   previous_name: str, unit: MoneyUnit | str) -> None:
        self.kind = kind
        shown = value_text(kind, value, unit)
        self._tone = tone(value, previous, higher_is_better)
        change = change_text(kind, value, previous, unit)
        if self._tone == "flat":
            change = self.tr("No change")
        elif self._tone == "none" and value is not None:
            change = self.tr("Nothing to compare")
        self.change_label.setText(change)
        if self.change_label.property("tone") != self._tone:  # restyled only on a change
            self.change_label.setProperty("tone", self._tone)
            self.change_label.style().unpolish(self.change_label)
            self.change_label.style().polish(self.change_label)
        self._show_arrow(value, previous)
        before = value_text(kind, previous, unit)
        previous_line = display.in_reading_direction(display.fill(
            self.tr("{period}: {value}"), period=previous_name, value=before)) \
            if previous_name else ""
        self._texts = (self._texts[0], shown, previous_line)
        self.value_label.setToolTip(self.tr("No value for this period") if value is None
                                    else "")
        self._fit()

    def tone(self) -> str:
        return self._tone

    def value_text(self) -> str:
        return display.plain(self.value_label.text())

    def change_text(self) -> str:
        return display.plain(self.change_label.text())

    def previous_text(self) -> str:
        return display.plain(self._texts[2])

    def _show_arrow(self, value: Value, previous: Value) -> None:
        size = QSize(14, 14)
        if self._tone in ("good", "bad") and value is not None and previous is not None:
            token = "success" if self._tone == "good" else "danger"
            arrow = (icons.icon("arrow-up", token) if value > previous
                     else icons.icon("arrow-down", token))
            self.arrow.setPixmap(arrow.pixmap(size))
            self.arrow.setProperty("direction", "up" if value > previous else "down")
            self.arrow.show()
        else:
            self.arrow.clear()
            self.arrow.setProperty("direction", "")
            self.arrow.hide()

    def arrow_direction(self) -> str:
        """"up", "down" or "" (no arrow)."""
        return str(self.arrow.property("direction") or "")

    # -- fitting the card's width ---------------------------------------------------------
    def _fit(self) -> None:
        """The value as large as the card's width allows (a long sum of money in a small
        card steps down to the body size), the title and the previous period elided."""
        width = max(40, self.contentsRect().width() - 2 * tokens.SPACING["m"])
        size = tokens.font_size("title", palette.current_text_size())
        floor = tokens.font_size("body", palette.current_text_size())
        font = QFont(self.font())
        font.setBold(True)
        title, value, previous = self._texts
        font.setPointSizeF(size)
        # one height per line whatever is written on it (the value at any size, an empty
        # change): new figures never move the cards
        self.ensurePolished()
        heights = [QFontMetrics(font).height()] + [
            label.fontMetrics().height()
            for label in (self.title_label, self.change_label, self.previous_label)]
        if heights != self._heights:
            self._heights = heights
            for label, height in zip((self.value_label, self.title_label, self.change_label,
                                      self.previous_label), heights, strict=True):
                label.setFixedHeight(height)
        while True:
            font.setPointSizeF(size)
            if QFontMetrics(font).horizontalAdvance(value) <= width or size <= floor:
                break
            size = max(floor, size - 1)
        self.value_label.setFont(font)
        self.value_label.setText(value)
        for label, text in ((self.title_label, title), (self.previous_label, previous)):
            elided = label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
            label.setText(elided)
            label.setToolTip(text if elided != text else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    # -- opening the records behind it ------------------------------------------------------
    def set_clickable(self, on: bool) -> None:
        self._clickable = on
        self.setCursor(Qt.CursorShape.PointingHandCursor if on else Qt.CursorShape.ArrowCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if on else Qt.FocusPolicy.NoFocus)
        self.setToolTip(self.tr("Open the records behind this figure") if on else "")

    def is_clickable(self) -> bool:
        return self._clickable

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._clickable and event.button() == Qt.MouseButton.LeftButton and \
                self.rect().contains(event.position().toPoint()):
            self.clicked.emit(self.name)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._clickable and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter,
                                               Qt.Key.Key_Space):
            self.clicked.emit(self.name)
            return
        super().keyPressEvent(event)


def kpi_title(kpi: Any) -> str:
    """A KpiDef's title in the UI language."""
    return str(kpi.title(ui_lang()))
