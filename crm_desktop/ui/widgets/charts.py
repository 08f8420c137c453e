"""Charts for the dashboard and the reports, made from plain Python data (QtCharts).

`BarChart` (columns over categories: months, owners), `LineChart` (a value per month),
`HBarChart` (horizontal bars, the first category at the top: a funnel, a ranking) and
`PieChart` (a ring with its legend) share one look and one behaviour:

- Right to left: QtCharts mirrors nothing. In a right-to-left window the categories of a
  column or line chart are drawn in reverse order (the first, oldest month at the right
  where a Persian reader starts, the latest at the left where they end) and the value
  axis stands at the right; horizontal bars grow from the right; a ring's legend is
  mirrored.
- Every number on the chart (ticks, value labels, tooltips) is formatted by chart_text in
  the UI language (Persian digits): QtCharts' own labels are not used.
- The application's font (Vazirmatn), colours from the design tokens (read again when the
  theme changes), antialiasing, no animation.
- `clicked(index)` gives the index of the category in the data as it was given, whatever
  the drawing order. `shown_categories()`, `shown_labels()` and `axis_labels()` say what
  is drawn, in drawing order (tests, screenshots).
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QPieSlice,
)
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QCursor, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QLabel,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui import display
from crm_desktop.ui.theme import palette, tokens
from crm_desktop.ui.widgets import chart_text
from crm_desktop.ui.widgets.chart_view import (
    MAX_SLICES,
    SERIES_COLORS,
    ChartView,
    Series,
    ValueText,
    _number,
)

__all__ = ["BarChart", "ChartCard", "ChartView", "HBarChart", "LineChart", "PieChart",
           "Series", "ValueText"]


class _BarsBase(ChartView):
    series_class: ClassVar[type[QAbstractBarSeries]]

    def _build(self, chart: QChart) -> None:
        bars = self.series_class()
        bars.setBarWidth(0.5)
        for run_index, run in enumerate(self._series):
            bar_set = QBarSet(run.name)
            values = [_number(run.values[i]) for i in self._qt]
            bar_set.append(values)
            bars.append(bar_set)
            for position, index in enumerate(self._qt):
                value = run.values[index]
                if value is not None:
                    self._label(self.value_text(value), position, run_index, _number(value))
        chart.addSeries(bars)
        values = [_number(v) for run in self._series for v in run.values]
        self._attach_axes(chart, bars, values)
        bars.hovered.connect(lambda status, position, bar_set:
                             self._hovered(status, position, bars.barSets().index(bar_set)))
        bars.clicked.connect(lambda position, _set: self._clicked_at(position))

    def _attach_axes(self, chart: QChart, bars: QAbstractBarSeries, values: list[float]
                     ) -> None:
        raise NotImplementedError

    def _color_series(self) -> None:
        for series in self.chart().series():
            if isinstance(series, QAbstractBarSeries):
                for i, bar_set in enumerate(series.barSets()):
                    colour = palette.token(SERIES_COLORS[i % len(SERIES_COLORS)])
                    bar_set.setColor(colour)
                    bar_set.setBorderColor(colour)


class BarChart(_BarsBase):
    """Columns over categories given oldest (or first) first."""

    series_class = QBarSeries

    def _attach_axes(self, chart: QChart, bars: QAbstractBarSeries, values: list[float]
                     ) -> None:
        categories = self._category_axis()
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(categories)
        axis = self._value_axis(values, 1.12)
        side = Qt.AlignmentFlag.AlignRight if self.rtl() else Qt.AlignmentFlag.AlignLeft
        chart.addAxis(axis, side)
        bars.attachAxis(axis)

    def _label_rect(self, series: list, item: QGraphicsSimpleTextItem, position: int,
                    run: int, value: float) -> QRectF:
        top = self._bar_position(series, position, run, value)
        size = item.boundingRect()
        return QRectF(top.x() - size.width() / 2, top.y() - size.height() - 2,
                      size.width(), size.height())

    def _label_fits(self, item: QGraphicsSimpleTextItem, rect: QRectF) -> bool:
        slot = self.chart().plotArea().width() / max(1, len(self._categories))
        return item.boundingRect().width() <= slot * 0.98 / max(1, len(self._series)) * 1.6


class HBarChart(_BarsBase):
    """Horizontal bars, the first category at the top (a funnel's first stage); bars grow
    from the reading side. Each bar's value stands at its end, so there is no value scale
    (QtCharts also drops the far label of a scale with nothing beside it)."""

    series_class = QHorizontalBarSeries

    def _qt_order(self, count: int) -> list[int]:
        # QtCharts draws its first category at the bottom: the first one is handed last
        return list(range(count))[::-1]

    def drawing_order(self) -> list[int]:
        return self._qt[::-1]

    def _drawn(self, qt_position: int) -> int:
        return len(self._qt) - 1 - qt_position

    def _attach_axes(self, chart: QChart, bars: QAbstractBarSeries, values: list[float]
                     ) -> None:
        categories = self._category_axis()
        side = Qt.AlignmentFlag.AlignRight if self.rtl() else Qt.AlignmentFlag.AlignLeft
        chart.addAxis(categories, side)
        bars.attachAxis(categories)
        axis = self._value_axis(values, 1.25)
        axis.setReverse(self.rtl())
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(axis)
        axis.setVisible(False)
        self._axis_labels = []

    def _label_rect(self, series: list, item: QGraphicsSimpleTextItem, position: int,
                    run: int, value: float) -> QRectF:
        end = self._bar_position(series, position, run, value)
        size = item.boundingRect()
        x = end.x() - size.width() - 4 if self.rtl() else end.x() + 4
        return QRectF(x, end.y() - size.height() / 2, size.width(), size.height())

    def _label_fits(self, item: QGraphicsSimpleTextItem, rect: QRectF) -> bool:
        area = self.chart().plotArea()
        slot = area.height() / max(1, len(self._categories))
        inside = area.left() - 1 <= rect.left() and rect.right() <= area.right() + 1
        return inside and item.boundingRect().height() <= slot * 1.2


class LineChart(ChartView):
    """A value per category (a month) joined by a line; a missing value leaves its
    category without a point."""

    def _build(self, chart: QChart) -> None:
        categories = self._category_axis()
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        values: list[float] = []
        for run_index, run in enumerate(self._series):
            line = QLineSeries()
            line.setName(run.name)
            line.setPointsVisible(True)
            for position, index in enumerate(self._qt):
                value = run.values[index]
                if value is None:
                    continue
                line.append(position, float(value))
                values.append(float(value))
                self._label(self.value_text(value), position, run_index, float(value))
            chart.addSeries(line)
            line.attachAxis(categories)
            line.hovered.connect(lambda point, status, r=run_index:
                                 self._hovered(status, round(point.x()), r))
            line.clicked.connect(lambda point: self._clicked_at(round(point.x())))
        axis = self._value_axis(values, 1.15)
        side = Qt.AlignmentFlag.AlignRight if self.rtl() else Qt.AlignmentFlag.AlignLeft
        chart.addAxis(axis, side)
        for line in chart.series():
            line.attachAxis(axis)

    def _label_rect(self, series: list, item: QGraphicsSimpleTextItem, position: int,
                    run: int, value: float) -> QRectF:
        point = self.chart().mapToPosition(QPointF(position, value), series[run])
        size = item.boundingRect()
        return QRectF(point.x() - size.width() / 2, point.y() - size.height() - 4,
                      size.width(), size.height())

    def _color_series(self) -> None:
        for i, line in enumerate(self.chart().series()):
            if isinstance(line, QLineSeries):
                pen = QPen(palette.token(SERIES_COLORS[i % len(SERIES_COLORS)]), 2.5)
                line.setPen(pen)


class PieChart(ChartView):
    """A ring of shares with its legend beside it (mirrored right to left); the largest
    slices first, the rest summed into "The rest"."""

    def __init__(self, parent: QWidget | None = None, **kwargs: object):
        super().__init__(parent, **kwargs)  # type: ignore[arg-type]
        self._legend: list[tuple[QGraphicsRectItem, QGraphicsSimpleTextItem]] = []
        self._slice_index: dict[int, int] = {}  # slice position -> data index (-1: others)

    def _build(self, chart: QChart) -> None:
        run = self._series[0]
        ranked = sorted((i for i, v in enumerate(run.values) if v not in (None, 0)),
                        key=lambda i: -_number(run.values[i]))
        shown, rest = ranked[:MAX_SLICES - 1], ranked[MAX_SLICES - 1:]
        if len(rest) == 1:
            shown, rest = ranked, []
        self._qt = shown
        total = sum(_number(run.values[i]) for i in ranked)
        ring = QPieSeries()
        ring.setHoleSize(0.55)
        ring.setPieSize(0.85)
        entries = [(self._categories[i], _number(run.values[i]), i) for i in shown]
        if rest:
            entries.append((self.tr("The rest"), sum(_number(run.values[i]) for i in rest), -1))
        self._slice_index = {}
        for position, (name, value, index) in enumerate(entries):
            piece = ring.append(name, value)
            piece.setLabelVisible(False)
            self._slice_index[position] = index
            share = chart_text.percent_text(Decimal(str(value)) / Decimal(str(total)))
            mark = display.RLM if self.rtl() else display.LRM
            self._label(f"{mark}{display.isolate(name)}  {share}", position, 0, value)
        chart.addSeries(ring)
        ring.hovered.connect(self._slice_hovered)
        ring.clicked.connect(self._slice_clicked)
        self._legend = []
        for item, *_rest in self._labels:
            marker = QGraphicsRectItem(0, 0, 10, 10, chart)
            marker.setPen(QPen(Qt.PenStyle.NoPen))
            self._legend.append((marker, item))

    def shown_categories(self) -> list[str]:
        """The legend's entries from the top ("The rest" last when there is one)."""
        return [display.plain(item.text()).rsplit("  ", 1)[0] for item, *_r in self._labels]

    def _slice_hovered(self, piece: QPieSlice, status: bool) -> None:
        piece.setExploded(status)
        piece.setExplodeDistanceFactor(0.04)
        ring = piece.series()
        position = ring.slices().index(piece)
        text = self._labels[position][0].text() if position < len(self._labels) else ""
        if status:
            value = display.isolate(self.tooltip_text(Decimal(str(piece.value()))))
            QToolTip.showText(QCursor.pos(), f"{text} ({value})", self)
        else:
            QToolTip.hideText()

    def _slice_clicked(self, piece: QPieSlice) -> None:
        index = self._slice_index.get(piece.series().slices().index(piece), -1)
        if index >= 0:
            self.clicked.emit(index)

    def _place_labels(self) -> None:
        """The ring on the reading side's far end, its legend in a column beside it."""
        series = self.chart().series()
        if not series or not self._labels:
            return
        ring = series[0]
        area = self.chart().plotArea()
        rtl = self.rtl()
        ring.setHorizontalPosition(0.72 if rtl else 0.28)
        width = max(item.boundingRect().width() for item, *_r in self._labels) + 16
        rows = len(self._labels)
        line = max(item.boundingRect().height() for item, *_r in self._labels) + 6
        top = area.center().y() - rows * line / 2
        left = area.left() + area.width() * 0.56
        if rtl:
            left = area.right() - area.width() * 0.56 - width
        for row, (marker, item) in enumerate(self._legend):
            y = top + row * line
            size = item.boundingRect()
            if rtl:
                marker.setPos(left + width - 10, y + (size.height() - 10) / 2)
                item.setPos(left + width - 16 - size.width(), y)
            else:
                marker.setPos(left, y + (size.height() - 10) / 2)
                item.setPos(left + 16, y)
            item.setVisible(True)

    def _color_series(self) -> None:
        for series in self.chart().series():
            if isinstance(series, QPieSeries):
                for i, piece in enumerate(series.slices()):
                    colour = palette.token(SERIES_COLORS[i % len(SERIES_COLORS)])
                    if self._slice_index.get(i, 0) < 0:
                        colour = palette.token("text_disabled")
                    piece.setColor(colour)
                    piece.setBorderColor(palette.token("surface"))
                    if i < len(self._legend):
                        self._legend[i][0].setBrush(QBrush(QColor(colour)))


class ChartCard(QFrame):
    """A chart on a card: a title at the reading edge, an optional note, the chart."""

    def __init__(self, title: str, chart: ChartView, parent: QWidget | None = None, *,
                 note: str = ""):
        super().__init__(parent)
        self.setObjectName("chartCard")
        self.title = QLabel(title, self)
        self.title.setObjectName("chartCardTitle")
        self.title.setProperty("role", "section")
        self.note = QLabel(note, self)
        self.note.setObjectName("chartCardNote")
        self.note.setProperty("role", "caption")
        self.note.setVisible(bool(note))
        self.chart = chart
        chart.setParent(self)
        layout = QVBoxLayout(self)
        m = tokens.SPACING["m"]
        layout.setContentsMargins(m, m, m, m)
        layout.setSpacing(tokens.SPACING["xs"])
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(chart, 1)

    def set_note(self, note: str) -> None:
        self.note.setText(note)
        self.note.setVisible(bool(note))
