"""The dashboard: the KPIs of a Jalali period beside the period before (cards grouped by
sales, customers and support), and charts: revenue by month over twelve months, the
pipeline funnel, lead sources, tickets by category and satisfaction by month. A period
picker and an owner filter choose what is shown; a click on a card or a bar opens the
records behind it in their section, with the filter named on a removable chip.

Everything is read through KpiService (aggregate SQL). The figures are read after the
view is first painted (start-up shows the window first), again when the data they come
from changes while the view is shown, and on the next show when it changed while hidden.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.periods import Period
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import kpi_drill
from crm_desktop.services.kpis import KPI_BY_NAME, KpiService
from crm_desktop.text.money import MoneyUnit
from crm_desktop.ui import display, labels
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.theme import tokens
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import FiguresView
from crm_desktop.ui.views.dashboard_cards import CARD_WIDTH, KpiCard, kpi_title
from crm_desktop.ui.views.record_list import FilterButton, ListFilter
from crm_desktop.ui.widgets import chart_text
from crm_desktop.ui.widgets.charts import BarChart, ChartCard, HBarChart, LineChart, PieChart
from crm_desktop.ui.widgets.locale_util import ui_lang
from crm_desktop.ui.widgets.period_picker import PeriodPicker

#: the cards, by group, in reading order
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sales", ("revenue_rial", "won_deals", "win_rate", "average_deal_rial", "lost_deals",
               "pipeline_open_rial", "forecast_weighted_rial", "activities_done")),
    ("customers", ("new_contacts", "new_customers", "lead_conversion_rate", "retention_rate",
                   "churn_rate", "clv_rial", "cac_rial")),
    ("support", ("tickets_opened", "tickets_closed", "csat_average", "csat_satisfied_rate",
                 "sla_breach_rate", "avg_first_response_hours", "avg_resolution_hours")),
)
#: the months of the revenue and satisfaction charts
MONTHS = 12
#: below this page width the charts stand two in a row, the revenue chart alone
WIDE = 1000


class _Flow(QWidget):
    """Widgets in a grid of as many columns of at least `width` pixels as fit."""

    def __init__(self, widgets: list[QWidget], width: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.widgets = widgets
        self.width_each = width
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(tokens.SPACING["m"])
        self.columns = 0
        self._place(4)

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for widget in self.widgets:
            self.grid.removeWidget(widget)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for i, widget in enumerate(self.widgets):
            self.grid.addWidget(widget, i // columns, i % columns)
        for column in range(columns):
            self.grid.setColumnStretch(column, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        gap = self.grid.spacing()
        self._place(max(1, min(len(self.widgets), (self.width() + gap) // (self.width_each
                                                                            + gap))))


class _ChartGrid(QWidget):
    """The charts: revenue wide beside the funnel and three in the next row on a wide
    page; two in a row (revenue alone) on a narrow one."""

    WIDE_PLACES = ((0, 0, 1, 4), (0, 4, 1, 2), (1, 0, 1, 2), (1, 2, 1, 2), (1, 4, 1, 2))
    NARROW_PLACES = ((0, 0, 1, 6), (1, 0, 1, 3), (1, 3, 1, 3), (2, 0, 1, 3), (2, 3, 1, 3))

    def __init__(self, cards: list[QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self.cards = cards
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(tokens.SPACING["m"])
        for column in range(6):
            self.grid.setColumnStretch(column, 1)
        self.wide: bool | None = None
        self._place(True)

    def _place(self, wide: bool) -> None:
        if wide == self.wide:
            return
        self.wide = wide
        for card in self.cards:
            self.grid.removeWidget(card)
        for card, place in zip(self.cards, self.WIDE_PLACES if wide else self.NARROW_PLACES,
                               strict=True):
            self.grid.addWidget(card, *place)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(self.width() >= WIDE)


class DashboardView(FiguresView):
    watches = ("contacts", "deals", "tickets", "activities", "campaigns", "users", "stages",
               "settings")

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(core, ops, settings, parent)
        self.kpis = KpiService(core.db, core.actor_id)
        self.unit: MoneyUnit | str = core.settings.display_unit
        self._months: list[Period] = []
        self._csat_months: list[Period] = []
        self._funnel: list[Any] = []
        self._sources: list[str] = []
        self._categories: list[str] = []

        # -- the bar: period, owner, what the figures are compared with
        self.picker = PeriodPicker(self)
        self.owner_filter = FilterButton(ListFilter(
            "owner_id", "dashboardOwner", self.tr("All owners"), core.users.options,
            self.tr("Owner")), self)
        # REPORTS_OWN: the figures are the user's own (the service sees to it): no owner to pick
        self.owner_filter.setVisible(self.can(Perm.REPORTS_ALL))
        self.compared_label = QLabel(self)
        self.compared_label.setObjectName("dashboardCompared")
        self.compared_label.setProperty("role", "muted")
        bar = QHBoxLayout()
        bar.setSpacing(tokens.SPACING["s"])
        bar.addWidget(self.picker)
        bar.addWidget(self.owner_filter)
        bar.addStretch(1)
        bar.addWidget(self.compared_label)

        # -- the page: cards by group, then the charts
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("dashboardScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page = QWidget(self.scroll.viewport())  # made where it stays: styled once
        page.setObjectName("dashboardPage")
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, tokens.SPACING["xs"], tokens.SPACING["l"])
        column.setSpacing(tokens.SPACING["s"])
        self.nothing_label = QLabel(page)
        self.nothing_label.setObjectName("dashboardNothing")
        self.nothing_label.setProperty("role", "muted")
        self.nothing_label.setWordWrap(True)
        self.nothing_label.hide()
        column.addWidget(self.nothing_label)
        self.cards: dict[str, KpiCard] = {}
        self.group_titles: dict[str, QLabel] = {}
        titles = {"sales": self.tr("Sales"), "customers": self.tr("Customers"),
                  "support": self.tr("Support")}
        for group, names in GROUPS:
            heading = QLabel(titles[group], page)
            heading.setObjectName(f"{group}Heading")
            heading.setProperty("role", "section")
            self.group_titles[group] = heading
            cards = []
            for name in names:
                card = KpiCard(name, kpi_title(KPI_BY_NAME[name]), page)
                card.clicked.connect(self.open_kpi)
                self.cards[name] = card
                cards.append(card)
            column.addWidget(heading)
            column.addWidget(_Flow(cards, CARD_WIDTH, page))
            column.addSpacing(tokens.SPACING["xs"])

        # the charts are made without a parent and styled once in their card
        self.revenue_chart = BarChart(value_text=self._compact_money,
                                      axis_text=self._compact_money,
                                      tooltip_text=self._full_money)
        self.funnel_chart = HBarChart()
        self.sources_chart = PieChart()
        self.categories_chart = BarChart()
        self.csat_chart = LineChart(minimum=0, maximum=5,
                                    value_text=lambda v: chart_text.number_text(v, 2))
        self.chart_cards = {
            "revenue": ChartCard(self.tr("Revenue by month"), self.revenue_chart, page),
            "funnel": ChartCard(self.tr("Deals by stage"), self.funnel_chart, page),
            "sources": ChartCard(self.tr("Lead sources"), self.sources_chart, page),
            "categories": ChartCard(self.tr("Tickets by category"), self.categories_chart,
                                    page),
            "csat": ChartCard(self.tr("Satisfaction by month"), self.csat_chart, page),
        }
        for name, card in self.chart_cards.items():
            card.setProperty("chart", name)
            card.chart.setObjectName(f"{name}Chart")
            card.setMinimumHeight(270)
        charts_heading = self.charts_heading = QLabel(self.tr("Charts"), page)
        charts_heading.setObjectName("chartsHeading")
        charts_heading.setProperty("role", "section")
        column.addWidget(charts_heading)
        column.addWidget(_ChartGrid(list(self.chart_cards.values()), page))
        column.addStretch(1)
        self.scroll.setWidget(page)

        for chart, slot in ((self.revenue_chart, self._open_month),
                            (self.funnel_chart, self._open_stage),
                            (self.sources_chart, self._open_source),
                            (self.categories_chart, self._open_category),
                            (self.csat_chart, self._open_csat_month)):
            chart.clickable = True
            chart.clicked.connect(slot)

        layout = QVBoxLayout(self)
        layout.setSpacing(tokens.SPACING["s"])
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self.picker.periodChanged.connect(lambda _period: self.refresh())
        self.owner_filter.currentIndexChanged.connect(lambda _index: self.refresh())

    # -- reading ----------------------------------------------------------------------------
    def period(self) -> Period:
        return self.picker.period()

    def owner_id(self) -> int | None:
        value = self.owner_filter.currentData()
        return int(value) if value is not None else None

    def on_tables(self, tables: list[str]) -> None:
        if "users" in tables or not tables:
            self.owner_filter.mark_stale()

    def read(self) -> None:
        """Read every figure of the chosen period and owner."""
        period, owner = self.period(), self.owner_id()
        self.unit = self.core.settings.display_unit
        lang = ui_lang()
        try:
            comparison = self.kpis.compare(period, owner)
            now, before = comparison.kpis, comparison.previous_kpis
            previous_name = comparison.previous.label(lang)
        except ValidationError:  # no period before the first year periods cover
            now, before, previous_name = self.kpis.compute(period, owner), {}, ""
        for name, card in self.cards.items():
            kpi = KPI_BY_NAME[name]
            card.set_values(kpi.kind, now.get(name), before.get(name), kpi.higher_is_better,
                            previous_name, self.unit)
            card.set_clickable(self.kpis.records(name, period, owner) is not None)
        self.compared_label.setText(
            display.fill(self.tr("Compared with {period}"), period=previous_name)
            if previous_name else "")
        quiet = all(v in (None, 0) for v in now.values())
        self.nothing_label.setText(display.fill(
            self.tr("Nothing was recorded in {period} yet: choose another period or owner, "
                    "or add contacts, deals and tickets."), period=period.label(lang)))
        self.nothing_label.setVisible(quiet)
        self._read_charts(period, owner, lang)

    def _read_charts(self, period: Period, owner: int | None, lang: str) -> None:
        revenue = self.kpis.revenue_by_month(period, owner, MONTHS)
        self._months = [month for month, _sum in revenue]
        self.revenue_chart.set_data(chart_text.month_labels(self._months),
                                    [total for _month, total in revenue],
                                    names=[m.label(lang) for m in self._months])
        unit_words = self.tr("In Toman") if self.unit == MoneyUnit.TOMAN \
            else self.tr("In Rial")
        self.chart_cards["revenue"].set_note(display.join(
            [unit_words, chart_text.span_text(self._months)], " · "))

        steps = [s for s in self.kpis.funnel(period, owner) if s.outcome != "lost"]
        self._funnel = steps
        self.funnel_chart.set_data([s.name for s in steps], [s.deals for s in steps])
        self.chart_cards["funnel"].set_note(display.fill(
            self.tr("Deals created in {period}, by their stage now"),
            period=period.label(lang)))

        sources = self.kpis.lead_sources(period, owner)
        self._sources = [source for source, _n in sources]
        names = labels.sources()
        self.sources_chart.set_data(
            [labels.label(names, s) if s else self.tr("No source") for s in self._sources],
            [n for _s, n in sources])
        self.chart_cards["sources"].set_note(display.fill(
            self.tr("Contacts created in {period}"), period=period.label(lang)))

        categories = self.kpis.tickets_by_category(period, owner)
        self._categories = [category for category, _n in categories]
        names = labels.ticket_categories()
        self.categories_chart.set_data([labels.label(names, c) for c in self._categories],
                                       [n for _c, n in categories])
        self.chart_cards["categories"].set_note(display.fill(
            self.tr("Tickets opened in {period}"), period=period.label(lang)))

        csat = self.kpis.csat_by_month(period, owner, MONTHS)
        self._csat_months = [month for month, _average, _n in csat]
        self.csat_chart.set_data(chart_text.month_labels(self._csat_months),
                                 [average for _m, average, _n in csat],
                                 names=[m.label(lang) for m in self._csat_months])
        self.chart_cards["csat"].set_note(display.join(
            [self.tr("Average score of 1 to 5"), chart_text.span_text(self._csat_months)],
            " · "))

    def scroll_to_charts(self) -> None:
        """Scroll the page so that the charts start at its top."""
        self.scroll.verticalScrollBar().setValue(self.charts_heading.y())

    # -- money on the charts ------------------------------------------------------------------
    def _in_unit(self, rials: Decimal | int | float) -> Decimal:
        amount = Decimal(str(rials))
        return amount / 10 if self.unit == MoneyUnit.TOMAN else amount

    def _compact_money(self, rials: Decimal | int | float) -> str:
        return chart_text.compact_text(self._in_unit(rials))

    def _full_money(self, rials: Decimal | int | float) -> str:
        return display.money(int(rials), self.unit)

    # -- opening the records behind a figure --------------------------------------------------
    def _label(self, what: str, period_name: str) -> str:
        owner = self.owner_filter.currentText() if self.owner_id() is not None else ""
        return display.join([what, period_name, owner], " — ")

    def _open(self, drill: kpi_drill.Drill | None, what: str, period_name: str) -> None:
        if drill is not None:
            self.open_filtered.emit(drill.section, dict(drill.filters),
                                    display.plain(self._label(what, period_name)))

    def open_kpi(self, name: str) -> None:
        period, owner = self.period(), self.owner_id()
        self._open(self.kpis.records(name, period, owner), kpi_title(KPI_BY_NAME[name]),
                   period.label(ui_lang()))

    def _open_month(self, index: int) -> None:
        month = self._months[index]
        self._open(kpi_drill.revenue_month(month, self.owner_id()), self.tr("Revenue"),
                   month.label(ui_lang()))

    def _open_stage(self, index: int) -> None:
        step, period = self._funnel[index], self.period()
        self._open(kpi_drill.funnel_step(step.stage_id, period, self.owner_id()), step.name,
                   period.label(ui_lang()))

    def _open_source(self, index: int) -> None:
        source, period = self._sources[index], self.period()
        name = labels.label(labels.sources(), source) if source else self.tr("No source")
        self._open(kpi_drill.lead_source(source, period, self.owner_id()), name,
                   period.label(ui_lang()))

    def _open_category(self, index: int) -> None:
        category, period = self._categories[index], self.period()
        self._open(kpi_drill.ticket_category(category, period, self.owner_id()),
                   labels.label(labels.ticket_categories(), category),
                   period.label(ui_lang()))

    def _open_csat_month(self, index: int) -> None:
        month = self._csat_months[index]
        self._open(kpi_drill.csat_month(month, self.owner_id()),
                   self.tr("Satisfaction"), month.label(ui_lang()))

    # -- state ----------------------------------------------------------------------------------
    def save_state(self) -> None:
        self.settings.set_value("dashboard/period", self.picker.state())
        self.settings.set_value("dashboard/owner", self.owner_id() or "")

    def restore_state(self) -> None:
        for widget, restore in ((self.picker, self._restore_period),
                                (self.owner_filter, self._restore_owner)):
            widget.blockSignals(True)
            try:
                restore()
            finally:
                widget.blockSignals(False)

    def _restore_period(self) -> None:
        state = self.settings.value("dashboard/period", "")
        if state:
            self.picker.restore(str(state))

    def _restore_owner(self) -> None:
        value = str(self.settings.value("dashboard/owner", ""))
        if value.isdigit():
            index = self.owner_filter.findData(int(value))
            if index >= 0:
                self.owner_filter.setCurrentIndex(index)
