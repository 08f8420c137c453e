"""The pieces of the Reports section: the table with its total row pinned under it, and a
report's chart (QtCharts from crm_desktop.ui.widgets.charts) with a legend when it has
more than one series."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.charts import ChartData
from crm_desktop.export.table import ExportTable
from crm_desktop.text import report_texts
from crm_desktop.text.money import MoneyUnit
from crm_desktop.ui import display
from crm_desktop.ui.qtmodels.report_model import ReportTableModel, ReportTotalModel
from crm_desktop.ui.theme import palette, tokens
from crm_desktop.ui.widgets import chart_text
from crm_desktop.ui.widgets.chart_view import SERIES_COLORS, ChartView, Series
from crm_desktop.ui.widgets.charts import BarChart, LineChart, PieChart
from crm_desktop.ui.widgets.chip_delegate import decorate_table

#: a column's width from its width hint (characters), within these pixels
MIN_COLUMN, MAX_COLUMN = 70, 320


class ReportTable(QWidget):
    """The report's rows in a table, and its total row in a one-row table under it that
    keeps the same column widths and scrolls sideways with it (always in sight, however
    long the report)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = ReportTableModel(self)
        self.total_model = ReportTotalModel(self)
        self.natural: list[int] = []  # the columns' widths before they fill the table
        self.table = QTableView(self)
        self.table.setObjectName("reportTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        decorate_table(self.table)
        self.total = QTableView(self)
        self.total.setObjectName("reportTotal")
        self.total.setModel(self.total_model)
        self.total.horizontalHeader().hide()
        self.total.verticalHeader().hide()
        self.total.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.total.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.total.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.total.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.total.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.total.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        decorate_table(self.total)
        self.total.setAlternatingRowColors(False)
        row = self.total.verticalHeader().defaultSectionSize()
        self.total.setFixedHeight(row + 2 * self.total.frameWidth())
        header = self.table.horizontalHeader()
        header.sectionResized.connect(lambda i, _old, new: self.total.setColumnWidth(i, new))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalScrollBar().valueChanged.connect(
            self.total.horizontalScrollBar().setValue)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)

    def set_table(self, table: ExportTable | None, unit: MoneyUnit | str, lang: str) -> None:
        self.model.set_table(table, unit, lang)
        self.total_model.set_table(table, unit, lang)
        self.total.setVisible(table is not None and table.total is not None)
        self.natural: list[int] = []
        if table is None:
            return
        cells = self.table.fontMetrics()
        header = QFontMetrics(self.table.horizontalHeader().font())
        digit = cells.horizontalAdvance("۰" if lang == "fa" else "0")
        for i, column in enumerate(table.columns):
            hint = column.width or (12 if column.kind in ("text", "money") else 9)
            title = header.horizontalAdvance(self.model.headers[i]) + 4 * digit
            self.natural.append(max(MIN_COLUMN, min(MAX_COLUMN, max(hint * digit, title))))
        self._fit()

    def _fit(self) -> None:
        """The columns at their natural widths, widened alike to fill the table when they
        are narrower (the total row's columns follow the header)."""
        if not self.natural:
            return
        # the room left when the vertical scroll bar shows (long reports): columns that
        # fill the table exactly would need a horizontal one as soon as it does
        room = (self.table.width() - 2 * self.table.frameWidth()
                - self.table.verticalScrollBar().sizeHint().width())
        extra = max(0, room - sum(self.natural)) // len(self.natural)
        for i, width in enumerate(self.natural):
            self.table.setColumnWidth(i, width + extra)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class Legend(QWidget):
    """The series of a chart that has more than one: a colour and a name each."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportLegend")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(tokens.SPACING["m"])
        self.names: list[str] = []

    def set_series(self, names: list[str]) -> None:
        while self.row.count():
            item = self.row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.names = list(names)
        for i, name in enumerate(names if len(names) > 1 else []):
            swatch = QFrame(self)
            swatch.setObjectName("legendSwatch")
            swatch.setFixedSize(12, 12)
            colour = palette.token(SERIES_COLORS[i % len(SERIES_COLORS)])
            swatch.setStyleSheet(f"QFrame#legendSwatch {{ background: {colour.name()}; "
                                 f"border-radius: 2px; }}")
            label = QLabel(name, self)
            label.setProperty("role", "caption")
            self.row.addWidget(swatch)
            self.row.addWidget(label)
        self.row.addStretch(1)
        self.setVisible(len(names) > 1)


def in_unit_words(text: str, unit: MoneyUnit | str) -> str:
    """A title the core wrote with the Rial ("Revenue (Rial)", «درآمد (ریال)») naming the
    display unit instead (the chart shows its money in that unit)."""
    if MoneyUnit(unit) is MoneyUnit.RIAL:
        return text
    for rial, toman in zip(report_texts.UNIT_WORDS[MoneyUnit.RIAL],
                           report_texts.UNIT_WORDS[MoneyUnit.TOMAN], strict=True):
        text = text.replace(f"({rial})", f"({toman})")
    return text


def make_chart(chart: ChartData, unit: MoneyUnit | str, parent: QWidget) -> ChartView:
    """The QtCharts view of a report's chart (the widget orders categories right to left
    itself: the data go in their logical order). Money is written compactly in the
    display unit on the chart, in full in the tooltips."""
    unit = MoneyUnit(unit)

    def in_unit(rials: Decimal | int | float) -> Decimal:
        amount = Decimal(str(rials))
        return amount / 10 if unit is MoneyUnit.TOMAN else amount

    options: dict[str, object] = {}
    if chart.value_kind == "money":
        options = {"value_text": lambda v: chart_text.compact_text(in_unit(v)),
                   "axis_text": lambda v: chart_text.compact_text(in_unit(v)),
                   "tooltip_text": lambda v: display.money(int(v), unit)}
    kind = {"bar": BarChart, "line": LineChart, "pie": PieChart}[chart.kind]
    view = kind(parent, **options)  # type: ignore[arg-type]
    view.setObjectName("reportChart")
    if chart.kind == "pie":
        view.set_data(list(chart.categories), list(chart.series[0].values))
    else:
        view.set_data(list(chart.categories),
                      [Series(s.name, list(s.values)) for s in chart.series])
    return view
