"""The Reports section on the hand-made database of the report tests: the list of reports,
filters, the table (qtmodeltester; Persian digits, money in the display unit, numbers
right-aligned), the total row pinned under it, the chart in reading order, rows that open
their records, and Export to Excel and PDF in the background."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from crm_desktop.domain.periods import parse_period
from crm_desktop.services.reports import REPORTS, ReportService
from crm_desktop.ui.qtmodels.report_model import ReportTableModel, ReportTotalModel
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.reports import ReportsView
from tests.integration.services.report_world import MEHR, World, build

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def world(core: Any) -> World:
    return build(core)


@pytest.fixture
def view(core: Any, world: World, ops: Any, ui_lang: str, qtbot: Any,
         tmp_path: Path) -> ReportsView:
    from PySide6.QtCore import QSettings

    v = ReportsView(core, ops, UiSettings(QSettings(str(tmp_path / "ui.ini"),
                                                    QSettings.Format.IniFormat)))
    qtbot.addWidget(v)
    v.picker.setPeriod(MEHR)
    v.resize(1200, 700)
    v.show()
    qtbot.waitUntil(lambda: v.report is not None)
    return v


def texts(model: ReportTableModel, row: int) -> list[str]:
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_the_models_pass_qtmodeltester(core: Any, world: World, qtmodeltester: Any,
                                       ui_lang: str) -> None:
    service = ReportService(core.db)
    for definition in REPORTS:
        report = service.run(definition.name, MEHR)
        for model_class in (ReportTableModel, ReportTotalModel):
            model = model_class()
            model.set_table(report.table, "rial", "fa")
            qtmodeltester.check(model)
    empty = ReportTableModel()
    qtmodeltester.check(empty)


def test_the_list_of_reports_and_the_first_report(view: ReportsView, world: World) -> None:
    assert [view.list.item(i).text() for i in range(view.list.count())] == [
        r.title_fa for r in REPORTS]
    assert view.title.text() == "فروش به تفکیک مسئول"
    assert "دوره: مهر ۱۴۰۵" in view.subtitle.text()
    model = view.table.model
    assert model.headers[4] == "درآمد (ریال)"
    assert texts(model, 0) == ["سارا", "۲", "۱", "۶۶٫۷٪", "۶٬۵۰۰٬۰۰۰", "۳٬۲۵۰٬۰۰۰"]
    assert texts(model, 2)[0] == "بدون مسئول" and texts(model, 2)[5] == ""
    # numbers right-aligned (their units line up), text at the reading side
    align = Qt.AlignmentFlag(model.data(model.index(0, 4), Qt.ItemDataRole.TextAlignmentRole))
    assert align & Qt.AlignmentFlag.AlignRight and align & Qt.AlignmentFlag.AlignAbsolute
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    # the total row pinned under the table
    total = view.table.total_model
    assert view.table.total.isVisibleTo(view)
    assert total.rowCount() == 1
    assert texts(total, 0) == ["جمع کل", "۴", "۳", "۵۷٫۱٪", "۱۰٬۵۰۰٬۰۰۰", "۲٬۶۲۵٬۰۰۰"]
    assert total.data(total.index(0, 0), Qt.ItemDataRole.FontRole).bold()


def test_money_in_toman_when_chosen(view: ReportsView, core: Any) -> None:
    core.settings.set_display_unit("toman")
    view.refresh()
    model = view.table.model
    assert model.headers[4] == "درآمد (تومان)"
    assert texts(model, 0)[4] == "۶۵۰٬۰۰۰"


def test_the_chart_reads_right_to_left(view: ReportsView) -> None:
    assert view.chart is not None and view.chart_holder.isVisibleTo(view)
    # the largest owner first in the data, drawn at the right (last from the left)
    assert view.chart.shown_categories() == ["بدون مسئول", "علی", "سارا"]


def _tick_ink(chart: Any) -> int:
    """How wide the value axis' tick text is drawn beside the plot area (pixels): the
    ticks are drawn items Python cannot read, so their ink is measured."""
    image = chart.grab().toImage()
    plot = chart.mapFromScene(chart.chart().mapToScene(chart.chart().plotArea()))
    area = plot.boundingRect()
    background = image.pixelColor(image.width() - 1, 1).lightness()
    inked = [x for x in range(area.right() + 3, image.width())
             if any(abs(image.pixelColor(x, y).lightness() - background) > 60
                    for y in range(area.top(), area.bottom(), 2))]
    return inked[-1] - inked[0] if inked else 0


@pytest.mark.parametrize("name", ["sales-by-owner", "campaigns"])
def test_value_ticks_are_drawn_whole(view: ReportsView, name: str) -> None:
    """Qt cut a short chart's value ticks down to «…»: each tick is drawn in full."""
    from PySide6.QtGui import QFontMetrics

    view.show_report(name)
    chart = view.chart
    assert chart is not None
    axis = chart.chart().axes(Qt.Orientation.Vertical)[0]
    widest = max(chart.axis_labels(), key=len)
    assert _tick_ink(chart) >= 0.8 * QFontMetrics(axis.labelsFont()).horizontalAdvance(widest)


@pytest.mark.parametrize("ui_lang", ["en"], indirect=True)
def test_english_reads_left_to_right(view: ReportsView) -> None:
    assert view.chart.shown_categories() == ["سارا", "علی", "No owner"]
    assert texts(view.table.model, 0)[4] == "6,500,000"
    assert view.title.text() == "Sales by owner"


def test_filters(view: ReportsView, world: World) -> None:
    view.owner_filter.setCurrentIndex(view.owner_filter.findData(world.ali))
    assert [texts(view.table.model, r)[0] for r in range(view.table.model.rowCount())] == [
        "علی"]
    view.show_report("sales-by-source")
    assert view.title.text() == "فروش به تفکیک منبع سرنخ و کمپین"
    assert list(view.filters) == ["source"]
    button = view.filters["source"]
    button.setCurrentIndex(button.findData("instagram"))
    rows = [texts(view.table.model, r)[:2] for r in range(view.table.model.rowCount())]
    assert rows == [["اینستاگرام", "بدون کمپین"]]
    view.clear_filters()
    assert view.owner_id() is None and view.chosen_filters() == {}
    assert view.table.model.rowCount() == 4  # every owner and source again


def test_a_period_the_report_refuses_is_said(view: ReportsView) -> None:
    view.show_report("birthdays")
    view.picker.setPeriod(parse_period("1405-01-01..1406-02-01"))
    assert view.problem.isVisibleTo(view)
    assert "۳۶۶" in view.problem.text()
    assert view.table.model.rowCount() == 0 and not view.export_button.isEnabled()


def test_rows_open_their_records(view: ReportsView, world: World, qtbot: Any) -> None:
    view.show_report("customers")
    with qtbot.waitSignal(view.open_record) as opened:
        view.open_row(view.table.model.index(0, 0))
    assert opened.args == ["contacts", world.contacts["B"]]
    view.show_report("sales-by-owner")
    with qtbot.waitSignal(view.open_filtered) as shown:
        view.open_row(view.table.model.index(0, 0))
    section, filters, label = shown.args
    assert section == "pipeline" and filters["owner_id"] == world.sara
    assert "سارا" in label and "مهر ۱۴۰۵" in label
    with qtbot.assertNotEmitted(view.open_filtered):
        view.open_row(view.table.model.index(2, 0))  # "no owner": nothing to open


def test_export_to_excel_and_pdf(view: ReportsView, tmp_path: Path, monkeypatch: Any,
                                 boxes: list[QMessageBox]) -> None:
    from tests.integration.test_proforma_pdf import pdf_text

    for fmt in ("xlsx", "pdf"):
        path = tmp_path / f"report.{fmt}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *_a, path=path, **_k: (str(path), ""))
        assert view.export(fmt)
        assert path.exists()
    sheet = openpyxl.load_workbook(tmp_path / "report.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "فروش به تفکیک مسئول" and rows[-1][0] == "جمع کل"
    assert "جمع کل" in pdf_text(tmp_path / "report.pdf")
    assert [b.objectName() for b in boxes] == ["exportDone", "exportDone"]
    assert [a.objectName() for a in view.export_button._made_menu().actions()] == [
        "export_xlsx", "export_pdf"]
