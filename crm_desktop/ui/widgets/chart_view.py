"""What every chart of crm_desktop.ui.widgets.charts shares (QtCharts): the look (the
application's font, colours from the design tokens read again when the theme changes,
antialiasing, no animation), the empty state, value labels and value-axis ticks written by
chart_text in the UI language's digits and placed by hand, categories in drawing order
(reversed right to left), hover tooltips and clicks that name a category by its index in
the data as given."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
)
from PySide6.QtCore import QEvent, QMargins, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QCursor,
    QFont,
    QFontMetrics,
    QPainter,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsSimpleTextItem,
    QLabel,
    QToolTip,
    QWidget,
)

from crm_desktop.ui import display
from crm_desktop.ui.theme import palette, tokens
from crm_desktop.ui.widgets import chart_text
from crm_desktop.ui.widgets.chart_text import Number

#: the colour tokens of a chart's series or slices, in order
SERIES_COLORS = ("chart_1", "chart_2", "chart_3", "chart_4", "chart_5", "chart_6")
#: a ring shows this many slices; the rest are summed into "The rest"
MAX_SLICES = 6

ValueText = Callable[[Number], str]


@dataclass(frozen=True)
class Series:
    """One run of values over the categories (None: no value)."""

    name: str
    values: Sequence[Number | None]


def _font(size: str, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())  # Vazirmatn, set once at start-up
    font.setPointSizeF(tokens.font_size(size, palette.current_text_size()))
    font.setBold(bold)
    return font


def _number(value: Number | None) -> float:
    return 0.0 if value is None else float(value)


class ChartView(QChartView):
    """What every chart shares: the look, the empty state, labels placed by hand, clicks."""

    #: a category was clicked: its index in the data as given
    clicked = Signal(int)
    #: categories drawn in reverse in a right-to-left window

    def __init__(self, parent: QWidget | None = None, *, value_text: ValueText | None = None,
                 axis_text: ValueText | None = None, empty_text: str = "",
                 minimum: float | None = None, maximum: float | None = None,
                 value_labels: bool = True, tooltip_text: ValueText | None = None):
        chart = QChart()
        super().__init__(chart, parent)
        self.setObjectName("chartView")
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        # room above the plot for the top tick's label and the labels over the bars
        chart.setMargins(QMargins(16, 22, 16, 2))
        chart.layout().setContentsMargins(0, 0, 0, 0)
        chart.legend().hide()
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumHeight(200)
        self.value_text: ValueText = value_text or chart_text.number_text
        self.axis_text: ValueText = axis_text or chart_text.compact_text
        #: a value in full, under the mouse (by default as on its label)
        self.tooltip_text: ValueText = tooltip_text or self.value_text
        self.minimum, self.maximum = minimum, maximum
        self.show_value_labels = value_labels
        #: a click opens what stands behind a bar (the hand cursor over the bars)
        self.clickable = False
        self._restyle_queued = False
        self._categories: list[str] = []
        self._names: list[str] = []
        self._series: list[Series] = []
        # Qt's category position (left to right; bottom to top for horizontal bars) ->
        # index in the data
        self._qt: list[int] = []
        self._stride = 1  # every how many categories the axis names one
        self._labels: list[tuple[QGraphicsSimpleTextItem, int, int, float]] = []
        self._axis_labels: list[str] = []
        self.empty_label = QLabel(empty_text or self.tr("No data for this period"), self)
        self.empty_label.setObjectName("chartEmpty")
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        chart.plotAreaChanged.connect(lambda _area: self._place_labels())

    # -- data ---------------------------------------------------------------------------
    def set_data(self, categories: Sequence[str],
                 series: Sequence[Series] | Sequence[Number | None], *,
                 names: Sequence[str] | None = None) -> None:
        """Draw these categories and values (one run of numbers, or several `Series`);
        `names` are the categories' full names for the tooltips ("Azar 1405" for the axis'
        "Azar")."""
        if series and not isinstance(series[0], Series):
            series = [Series("", list(series))]  # type: ignore[arg-type]
        runs: list[Series] = list(series)  # type: ignore[arg-type]
        for run in runs:
            if len(run.values) != len(categories):
                raise ValueError("every series needs one value per category")
        self._categories = list(categories)
        self._names = list(names) if names is not None else list(categories)
        if len(self._names) != len(self._categories):
            raise ValueError("one name per category")
        self._series = runs
        self._rebuild()

    def is_empty(self) -> bool:
        return not any(v not in (None, 0) for run in self._series for v in run.values)

    def rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def drawing_order(self) -> list[int]:
        """The data indexes of the categories in drawing order (left to right, or top to
        bottom for horizontal bars)."""
        return list(self._qt)

    def _drawn(self, qt_position: int) -> int:
        """A Qt category position as a place in the drawing order."""
        return qt_position

    def shown_categories(self) -> list[str]:
        return [self._categories[i] for i in self.drawing_order()]

    def shown_labels(self) -> list[str]:
        """The value labels drawn on the chart, in drawing order (the visible ones)."""
        visible = [(self._drawn(pos), run, item.text()) for item, pos, run, _v in self._labels
                   if item.isVisible()]
        return [text for _pos, _run, text in sorted(visible)]

    def axis_labels(self) -> list[str]:
        """The value axis' tick labels, from its start to its end."""
        return list(self._axis_labels)

    # -- building -----------------------------------------------------------------------
    def _rebuild(self) -> None:
        chart = self.chart()
        self._labels = []
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self._qt = self._qt_order(len(self._categories))
        self._stride = 1
        empty = self.is_empty()
        self.empty_label.setVisible(empty)
        self._axis_labels = []
        if not empty:
            self._build(chart)
        self._apply_theme()
        self._place_labels()

    def _qt_order(self, count: int) -> list[int]:
        """The data index at each of Qt's category positions: reversed right to left."""
        order = list(range(count))
        return order[::-1] if self.rtl() else order

    def _build(self, chart: QChart) -> None:
        raise NotImplementedError

    def _value_axis(self, values: list[float], headroom: float) -> QCategoryAxis:
        """A value axis whose tick labels are ours (Persian digits): a category axis with
        a label at each round value."""
        low = min([*values, 0.0]) if self.minimum is None else self.minimum
        high = max([*values, 0.0]) * headroom if self.maximum is None else self.maximum
        axis = QCategoryAxis()
        axis.setTruncateLabels(False)
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        whole = all(float(v).is_integer() for v in values)
        steps = chart_text.ticks(low, high, whole=whole) \
            if self.maximum is None or self.minimum is None else _even_steps(low, high)
        axis.setStartValue(steps[0])
        for value in steps:
            text = self.axis_text(Decimal(str(round(value, 6))))
            axis.append(text, value)
            self._axis_labels.append(text)
        axis.setRange(steps[0], steps[-1])
        return axis

    def _category_axis(self) -> QBarCategoryAxis:
        axis = QBarCategoryAxis()
        axis.append(_distinct([self._categories[i] for i in self._qt]) or [""])
        axis.setTruncateLabels(False)
        return axis

    def _label(self, text: str, position: int, run: int, value: float) -> None:
        item = QGraphicsSimpleTextItem(text, self.chart())
        item.setFont(_font("caption"))
        item.setZValue(10)
        self._labels.append((item, position, run, value))

    # -- placing the value labels ---------------------------------------------------------
    def _place_labels(self) -> None:
        """Put each value label at its bar's end; a chart too narrow for its labels shows
        none (the tooltip still gives each value)."""
        self._fit_category_labels()
        if not self._labels:
            return
        series = self.chart().series()
        if not series:
            return
        fits = self.show_value_labels
        for item, position, run, value in self._labels:
            rect = self._label_rect(series, item, position, run, value)
            item.setPos(rect.topLeft())
            fits = fits and self._label_fits(item, rect)
        for item, *_rest in self._labels:
            item.setVisible(fits)

    def _label_rect(self, series: list, item: QGraphicsSimpleTextItem, position: int,
                    run: int, value: float) -> QRectF:
        raise NotImplementedError

    def _fit_category_labels(self) -> None:
        """Category names wider than their column are written on every second (third...)
        column only, counted from the last one drawn at the reading end, never cut short
        or slanted; each bar's tooltip still names it."""
        axes = self.chart().axes(Qt.Orientation.Horizontal)
        axis = next((a for a in axes if isinstance(a, QBarCategoryAxis)), None)
        if axis is None or not self._categories:
            return
        metrics = QFontMetrics(_font("caption"))
        widest = max(metrics.horizontalAdvance(label) for label in self._categories)
        slot = self.chart().plotArea().width() / len(self._categories)
        stride = 1
        while widest + 8 > slot * stride and stride < len(self._categories):
            stride += 1
        if stride == self._stride:
            return
        self._stride = stride
        labels = [self._categories[i] for i in self._qt]
        # the reading end: the first position drawn right to left, the last left to right
        end = 0 if self.rtl() else len(labels) - 1
        shown = [label if abs(end - p) % stride == 0 else "" for p, label in enumerate(labels)]
        axis.setCategories(_distinct(shown))

    def shown_axis_categories(self) -> list[str]:
        """The category axis' labels as drawn (an empty one where names were left out)."""
        axes = self.chart().axes(Qt.Orientation.Horizontal)
        axis = next((a for a in axes if isinstance(a, QBarCategoryAxis)), None)
        if axis is None:
            return []
        return [label.replace("\u200b", "") for label in axis.categories()]

    def _label_fits(self, item: QGraphicsSimpleTextItem, rect: QRectF) -> bool:
        slot = self.chart().plotArea().width() / max(1, len(self._categories))
        return item.boundingRect().width() <= slot * 0.98

    def _bar_position(self, series: list, position: int, run: int, value: float) -> QPointF:
        """The middle of a bar's end, in chart coordinates."""
        runs = max(1, len(self._series))
        width = 0.5  # QAbstractBarSeries' default bar width: half a category
        offset = (run - (runs - 1) / 2) * width / runs
        if isinstance(series[0], QHorizontalBarSeries):
            return self.chart().mapToPosition(QPointF(value, position + offset), series[0])
        return self.chart().mapToPosition(QPointF(position + offset, value), series[0])

    # -- looks ----------------------------------------------------------------------------
    def _apply_theme(self) -> None:
        chart = self.chart()
        surface = palette.token("surface")
        chart.setBackgroundBrush(QBrush(surface))
        chart.setPlotAreaBackgroundVisible(False)
        self.setBackgroundBrush(QBrush(surface))
        muted, text, border = (palette.token("text_muted"), palette.token("text"),
                               palette.token("border"))
        for axis in chart.axes():
            axis.setLabelsFont(_font("caption"))
            axis.setLabelsBrush(QBrush(muted))
            axis.setGridLinePen(QPen(border, 1))
            axis.setLinePen(QPen(border, 1))
            axis.setTitleBrush(QBrush(muted))
            axis.setTitleFont(_font("caption"))
            if isinstance(axis, QCategoryAxis):  # the value axis: no line of its own
                axis.setLineVisible(False)
            else:
                axis.setGridLineVisible(False)
        for item, *_rest in self._labels:
            item.setBrush(QBrush(text))
            item.setFont(_font("caption"))
        self._color_series()

    def _color_series(self) -> None:
        """Give each series (or slice) its colour token."""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
                            QEvent.Type.FontChange):
            # the new theme is named once the whole change is done: look after it
            if not self._restyle_queued:
                self._restyle_queued = True
                QTimer.singleShot(0, self._restyle)
        elif event.type() == QEvent.Type.LayoutDirectionChange and self._categories:
            self._rebuild()

    def _restyle(self) -> None:
        self._restyle_queued = False
        self._apply_theme()
        self._place_labels()

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # nothing to scroll here: the page around the chart scrolls

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.empty_label.setGeometry(self.rect())

    # -- hover and click ------------------------------------------------------------------
    def _tooltip(self, position: int, run: int) -> str:
        index = self._qt[position]
        name = self._series[run].name
        value = self._series[run].values[index]
        category = self._names[index]
        head = display.join([category, name]) if name else display.isolate(category)
        value_text = self.tooltip_text(value) if value is not None else "—"
        return display.in_reading_direction(f"{head}: {display.isolate(value_text)}")

    def _hovered(self, status: bool, position: int, run: int) -> None:
        if status:
            QToolTip.showText(QCursor.pos(), self._tooltip(position, run), self)
            if self.clickable:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            QToolTip.hideText()
            self.unsetCursor()

    def _clicked_at(self, position: int) -> None:
        if 0 <= position < len(self._qt):
            self.clicked.emit(self._qt[position])


def _distinct(labels: list[str]) -> list[str]:
    """The labels made distinct (the category axis drops a repeated one): a repeat gets
    invisible zero-width spaces."""
    seen: set[str] = set()
    out = []
    for label in labels:
        while label in seen:
            label += "\u200b"
        seen.add(label)
        out.append(label)
    return out


def _even_steps(low: float, high: float, count: int = 5) -> list[float]:
    """Ticks for a fixed range (a 0-5 score): `count` equal steps."""
    return [low + (high - low) * i / count for i in range(count + 1)]
