"""The Reports section: the reports listed at the reading side; the chosen one's filters
(a Jalali period, the owner, the report's own), its chart and its table with the total
row pinned under it, and Export (Excel or PDF, written in the background with a progress
bar and Cancel). A row that stands for a record (a customer, a birthday, a campaign) or
for a set of records (an owner's closed deals, an owner's activities) opens them with a
double click or Enter.

Reports are run on the GUI thread: every one takes under about 200 ms at 100,000 contacts
(bench/bench_reports.py). They are read when the section is shown and again when the data
they come from change while it is shown (on the next show when it changed while hidden).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.periods import Period
from crm_desktop.domain.permissions import Perm
from crm_desktop.services.reports import REPORTS, Link, Report, ReportDef, ReportService
from crm_desktop.ui import display
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.theme import tokens
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import FiguresView
from crm_desktop.ui.views.record_list import FilterButton, ListFilter
from crm_desktop.ui.views.report_parts import Legend, ReportTable, in_unit_words, make_chart
from crm_desktop.ui.widgets.chart_view import ChartView
from crm_desktop.ui.widgets.charts import ChartCard
from crm_desktop.ui.widgets.empty_state import EmptyState
from crm_desktop.ui.widgets.export_button import ExportButton
from crm_desktop.ui.widgets.locale_util import ui_lang
from crm_desktop.ui.widgets.period_picker import PeriodPicker

#: the width of the list of reports
LIST_WIDTH = 230
#: the least height of a chart (the splitter between it and the table can grow it): at
#: 1366x768 the title, the filters, a chart and a few rows of the table share the height
CHART_MIN_HEIGHT = 160


class ReportsView(FiguresView):
    watches = ("contacts", "deals", "tickets", "activities", "campaigns", "proformas",
               "products", "users", "stages", "settings")

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(core, ops, settings, parent)
        self.service = ReportService(core.db, core.actor_id)
        self.report: Report | None = None
        self.definition: ReportDef = REPORTS[0]
        self.filters: dict[str, FilterButton] = {}

        # -- the reports, at the reading side
        self.list = QListWidget(self)
        self.list.setObjectName("reportList")
        self.list.setFixedWidth(LIST_WIDTH)
        self.list.setWordWrap(True)
        lang = ui_lang()
        for definition in REPORTS:
            item = QListWidgetItem(definition.title(lang))
            item.setData(Qt.ItemDataRole.UserRole, definition.name)
            self.list.addItem(item)

        # -- the chosen report: title, filters, export
        self.title = QLabel(self)
        self.title.setObjectName("reportTitle")
        self.title.setProperty("role", "title")
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("reportSubtitle")
        self.subtitle.setProperty("role", "muted")
        for label in (self.title, self.subtitle):  # at the reading side, whatever the text
            label.setAlignment(display.value_alignment())
        self.problem = QLabel(self)
        self.problem.setObjectName("reportProblem")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.picker = PeriodPicker(self)
        self.owner_filter = FilterButton(ListFilter(
            "owner_id", "reportOwner", self.tr("All owners"), core.users.options,
            self.tr("Owner")), self)
        # REPORTS_OWN: the figures are the user's own (the service sees to it): no owner to pick
        self.owner_filter.setVisible(self.can(Perm.REPORTS_ALL))
        self.export_button = ExportButton(self, formats=("xlsx", "pdf"))
        self.export_button.setVisible(self.can(Perm.EXPORT))
        self.export_button.requested.connect(self.export)
        self.bar = QHBoxLayout()
        self.bar.setSpacing(tokens.SPACING["s"])
        self.bar.addWidget(self.picker)
        self.bar.addWidget(self.owner_filter)
        self.own_filters = QHBoxLayout()
        self.own_filters.setSpacing(tokens.SPACING["s"])
        self.bar.addLayout(self.own_filters)
        self.bar.addStretch(1)

        # -- the chart above the table
        self.chart: ChartView | None = None
        self.legend: Legend | None = None
        self.chart_holder = QWidget(self)
        self.chart_holder.setObjectName("reportChartHolder")
        self.chart_box = QVBoxLayout(self.chart_holder)
        self.chart_box.setContentsMargins(0, 0, 0, 0)
        self.chart_card: ChartCard | None = None
        self.table = ReportTable(self)
        self.table.table.activated.connect(self.open_row)
        self.table.table.doubleClicked.connect(self.open_row)
        self.empty = EmptyState.over(
            self.table.table, "chart-bar",
            self.tr("Nothing to report for this period. Try the period before, or a "
                    "longer one."),
            self.tr("The period before"), self.picker.step_back, self.clear_filters,
            lambda: self._filtered())
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("reportSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.chart_holder)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([400, 600])  # two fifths for the chart, until moved

        page = QVBoxLayout()
        page.setSpacing(tokens.SPACING["s"])
        heading = QVBoxLayout()
        heading.setSpacing(0)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        # the Export button beside the title: the filters' row keeps its width for filters
        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        page.addLayout(top)
        page.addLayout(self.bar)
        page.addWidget(self.problem)
        page.addWidget(self.splitter, 1)
        layout = QHBoxLayout(self)
        layout.setSpacing(tokens.SPACING["m"])
        layout.addWidget(self.list)
        layout.addLayout(page, 1)

        self.list.currentRowChanged.connect(self._chosen)
        self.picker.periodChanged.connect(lambda _period: self.refresh())
        self.owner_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        self.list.setCurrentRow(0)

    # -- choosing -------------------------------------------------------------------------
    def show_report(self, name: str) -> None:
        """Choose report `name` (for the screenshots, tests, and saved state)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(row)
                return

    def _chosen(self, row: int) -> None:
        if row < 0:
            return
        name = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        self.definition = next(r for r in REPORTS if r.name == name)
        # the heading has its text before the report is read (laid out at its height)
        self.title.setText(self.definition.title(ui_lang()))
        if not self.subtitle.text():
            self.subtitle.setText(self.period().label(ui_lang()))
        self._build_filters()
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _build_filters(self) -> None:
        for button in self.filters.values():
            self.own_filters.removeWidget(button)
            button.hide()  # gone now, not when Qt next deletes what was left
            button.deleteLater()
        self.filters = {}
        lang = ui_lang()
        for flt in self.definition.filters:
            title = flt.title(lang)
            button = FilterButton(ListFilter(
                flt.key, f"reportFilter_{flt.key}",
                display.fill(self.tr("{filter}: all"), filter=title),
                lambda flt=flt: flt.options(ui_lang()), title), self)
            button.currentIndexChanged.connect(lambda _index: self.refresh())
            self.own_filters.addWidget(button)
            self.filters[flt.key] = button

    def period(self) -> Period:
        return self.picker.period()

    def owner_id(self) -> int | None:
        value = self.owner_filter.currentData()
        return int(value) if value is not None else None

    def chosen_filters(self) -> dict[str, str]:
        return {key: button.currentData() for key, button in self.filters.items()
                if button.currentData() is not None}

    def _filtered(self) -> bool:
        return self.owner_id() is not None or bool(self.chosen_filters())

    def clear_filters(self) -> None:
        for button in (self.owner_filter, *self.filters.values()):
            button.blockSignals(True)
            button.setCurrentIndex(0)
            button.blockSignals(False)
        self.refresh()

    # -- reading --------------------------------------------------------------------------
    def on_tables(self, tables: list[str]) -> None:
        if "users" in tables or not tables:
            self.owner_filter.mark_stale()

    def read(self) -> None:
        """Run the chosen report for the chosen period, owner and filters."""
        lang = ui_lang()
        definition = self.definition
        self.title.setText(definition.title(lang))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.report = self.service.run(definition.name, self.period(),
                                           owner_id=self.owner_id(), lang=lang,
                                           **self.chosen_filters())
            self.problem.hide()
        except ValidationError as exc:
            self.report = None
            self.problem.setText(exc.message(lang))
            self.problem.show()
        finally:
            QGuiApplication.restoreOverrideCursor()
        report = self.report
        unit = self.core.settings.display_unit
        self.subtitle.setText(display.join(report.table.subtitle_lines, " · ")
                              if report is not None else "")
        self.table.set_table(report.table if report is not None else None, unit, lang)
        self.export_button.setEnabled(report is not None)
        self._show_chart(report, unit)

    def _show_chart(self, report: Report | None, unit: Any) -> None:
        if self.chart_card is not None:
            self.chart_box.removeWidget(self.chart_card)
            self.chart_card.hide()
            self.chart_card.deleteLater()
            self.chart_card, self.chart, self.legend = None, None, None
        chart = report.chart if report is not None else None
        self.chart_holder.setVisible(chart is not None and not chart.empty)
        if chart is None or chart.empty:
            return
        self.chart = make_chart(chart, unit, self.chart_holder)
        self.chart.setMinimumHeight(CHART_MIN_HEIGHT)
        self.chart_card = ChartCard(in_unit_words(chart.title, unit), self.chart,
                                    self.chart_holder)
        self.chart_card.setObjectName("reportChartCard")
        self.legend = Legend(self.chart_card)
        self.legend.set_series([in_unit_words(s.name, unit) for s in chart.series])
        self.chart_card.layout().addWidget(self.legend)
        if chart.folded:
            self.chart_card.set_note(display.fill(
                self.tr("The last bar adds up the other {n}"), n=display.number(chart.folded)))
        self.chart_box.addWidget(self.chart_card)

    # -- opening the records behind a row -------------------------------------------------
    def open_row(self, index: QModelIndex) -> None:
        report = self.report
        if report is None or not index.isValid() or index.row() >= len(report.links):
            return
        link = report.links[index.row()]
        if isinstance(link, Link):
            self.open_record.emit(link.section, link.record_id)
        elif link is not None:
            what = display.join([report.table.title, str(report.rows[index.row()][0]),
                                 report.period.label(ui_lang())], " — ")
            self.open_filtered.emit(link.section, dict(link.filters), display.plain(what))

    # -- export ---------------------------------------------------------------------------
    def export(self, fmt: str) -> bool:
        """Write the report as shown to an Excel or PDF file, in the background."""
        from crm_desktop.ui.export_runner import choose_export_file, run_export, suggested_name

        report = self.report
        if report is None:
            return False
        title = report.table.title or self.definition.name
        name = f"{title} {report.period.code()}"
        path = choose_export_file(self, suggested_name(name), (fmt,))
        if path is None:
            return False

        def job(progress: Any, cancelled: Any) -> int:
            self.core.access.require(Perm.EXPORT)  # PermissionDenied: a polite message
            if fmt == "pdf":
                from crm_desktop.export.pdf.report import write_report_pdf

                return write_report_pdf(report, path, progress=progress, cancelled=cancelled)
            from crm_desktop.export.xlsx import write_xlsx

            return write_xlsx(report.table, path, progress=progress, cancelled=cancelled)

        return run_export(self, job, path, display.fill(self.tr("Exporting {name}"),
                                                        name=title),
                          total=len(report.rows))

    # -- state ----------------------------------------------------------------------------
    def save_state(self) -> None:
        self.settings.set_value("reports/report", self.definition.name)
        self.settings.set_value("reports/period", self.picker.state())
        self.settings.set_value("reports/splitter", self.splitter.saveState())

    def restore_state(self) -> None:
        self.picker.blockSignals(True)
        try:
            state = self.settings.value("reports/period", "")
            if state:
                self.picker.restore(str(state))
        finally:
            self.picker.blockSignals(False)
        name = str(self.settings.value("reports/report", "") or "")
        if name:
            self.show_report(name)
        splitter = self.settings.value("reports/splitter")
        if splitter:
            self.splitter.restoreState(splitter)
