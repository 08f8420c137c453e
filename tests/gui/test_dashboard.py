"""The dashboard on the KPI tests' hand-made database (tests/integration/services/
kpi_world.py, whose figures for Aban 1405 are worked out there by hand): the cards show
the service's values in the UI language, the change follows "higher is better", the period
picker and the owner filter change the figures, a click on a card or a bar opens the
records behind it in their section, and the charts read right to left."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop.domain.periods import Period
from crm_desktop.services.kpis import KpiService
from crm_desktop.ui.views.dashboard import DashboardView
from tests.integration.services import kpi_world

LATIN = re.compile(r"[0-9]")
ABAN = Period.of_month(1405, 8)
# laid out as when shown: the offscreen platform warns it cannot pass size hints
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def world(core) -> kpi_world.World:
    return kpi_world.build(core)


@pytest.fixture
def dashboard(world, core, ops, settings, ui_lang, qtbot: QtBot) -> DashboardView:
    view = DashboardView(core, ops, settings)
    qtbot.addWidget(view)
    view.picker.setPeriod(ABAN)  # reads
    return view


def _show(view, width: int = 1180, height: int = 700) -> None:
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.resize(width, height)
    view.show()
    QApplication.processEvents()


def _texts(view: DashboardView) -> list[str]:
    return [t for card in view.cards.values()
            for t in (card.value_text(), card.change_text(), card.previous_text())]


def test_cards_show_the_figures_in_persian(dashboard) -> None:
    cards = dashboard.cards
    assert cards["revenue_rial"].value_text() == "۱۳٬۷۵۰٬۰۰۱ ریال"
    assert cards["won_deals"].value_text() == "۶"
    assert cards["win_rate"].value_text() == "۸۶٪"            # 0.8571
    assert cards["lead_conversion_rate"].value_text() == "۳۳٪"
    assert cards["csat_average"].value_text() == "۴ از ۵"
    assert cards["avg_resolution_hours"].value_text() == "۱۴۷٫۶ ساعت"
    assert cards["avg_first_response_hours"].value_text() == "۰٫۹ ساعت"  # kpi_world: 215 min / 4
    assert cards["cac_rial"].value_text() == "۱٬۵۰۰٬۰۰۱ ریال"
    # the period before, named
    assert cards["revenue_rial"].previous_text() == "مهر ۱۴۰۵: ۴٬۵۰۰٬۰۰۰ ریال"
    assert cards["retention_rate"].previous_text() == "مهر ۱۴۰۵: —"
    assert dashboard.compared_label.text().endswith("مهر ۱۴۰۵\u2069")
    assert all(not LATIN.search(t) for t in _texts(dashboard)), _texts(dashboard)


def test_money_follows_the_display_unit(world, core, ops, settings, ui_lang, qtbot) -> None:
    core.settings.set_display_unit("toman")
    view = DashboardView(core, ops, settings)
    qtbot.addWidget(view)
    view.picker.setPeriod(ABAN)
    assert view.cards["revenue_rial"].value_text() == "۱٬۳۷۵٬۰۰۰٫۱ تومان"


@pytest.mark.parametrize("ui_lang", ["en"], indirect=True)
def test_cards_in_english(dashboard) -> None:
    assert dashboard.cards["revenue_rial"].value_text() == "13,750,001 Rial"
    assert dashboard.cards["win_rate"].value_text() == "86%"
    assert dashboard.cards["avg_resolution_hours"].value_text() == "147.6 h"
    assert dashboard.cards["revenue_rial"].previous_text() == "Mehr 1405: 4,500,000 Rial"


def test_the_change_follows_higher_or_lower_is_better(dashboard) -> None:
    cards = dashboard.cards
    # revenue rose from 4,500,000: good news, up, 206%
    revenue = cards["revenue_rial"]
    assert (revenue.tone(), revenue.arrow_direction()) == ("good", "up")
    assert revenue.change_text() == "۲۰۶٪"
    # tickets opened rose from 2 to 5: lower is better, so it is bad news
    opened = cards["tickets_opened"]
    assert (opened.tone(), opened.arrow_direction()) == ("bad", "up")
    assert opened.change_text() == "۱۵۰٪"
    # acquisition cost rose (lower is better): bad
    assert cards["cac_rial"].tone() == "bad"
    # win rate 75% -> 85.71%: percentage points
    assert cards["win_rate"].change_text() == "۱۰٫۷ واحد درصد"
    assert cards["win_rate"].tone() == "good"
    # new customers 2 and 2: no change, no arrow
    assert (cards["new_customers"].tone(), cards["new_customers"].arrow_direction()) \
        == ("flat", "")
    assert cards["new_customers"].change_text() == "بدون تغییر"
    # first response 0.5 h -> 0.9 h (lower is better): bad
    first = cards["avg_first_response_hours"]
    assert (first.tone(), first.arrow_direction()) == ("bad", "up")
    # retention had no value in Mehr: nothing to compare
    assert cards["retention_rate"].tone() == "none"
    assert cards["retention_rate"].change_text() == "چیزی برای مقایسه نیست"
    # lead conversion 0% -> 33%: a rise from zero in points
    assert cards["lead_conversion_rate"].change_text() == "۳۳٫۳ واحد درصد"


def test_good_and_bad_news_have_their_colours(dashboard, qapp) -> None:
    from PySide6.QtGui import QColor, QPalette

    from crm_desktop.ui.theme import palette, tokens

    before = qapp.palette(), qapp.styleSheet(), qapp.property("crmTheme")
    try:
        palette.apply(qapp, "light")
        _show(dashboard)
        role = QPalette.ColorRole.WindowText
        good = dashboard.cards["revenue_rial"].change_label.palette().color(role)
        bad = dashboard.cards["tickets_opened"].change_label.palette().color(role)
        assert good == QColor(tokens.color("success", "light"))
        assert bad == QColor(tokens.color("danger", "light"))
    finally:
        qapp.setPalette(before[0])
        qapp.setStyleSheet(before[1])
        qapp.setProperty("crmTheme", before[2])


def test_the_period_picker_changes_the_figures(dashboard, qtbot) -> None:
    dashboard.picker.step_back()  # Mehr 1405
    assert dashboard.cards["revenue_rial"].value_text() == "۴٬۵۰۰٬۰۰۰ ریال"
    assert dashboard.cards["retention_rate"].value_text() == "—"
    assert dashboard.cards["won_deals"].value_text() == "۳"


def test_the_owner_filter_keeps_one_owner(dashboard, world) -> None:
    owner = dashboard.owner_filter
    owner.setCurrentIndex(owner.findData(world.a))
    assert dashboard.cards["revenue_rial"].value_text() == "۱۱٬۰۰۰٬۰۰۱ ریال"
    assert dashboard.cards["retention_rate"].value_text() == "۱۰۰٪"
    owner.setCurrentIndex(owner.findData(world.b))
    assert dashboard.cards["cac_rial"].value_text() == "—"
    assert dashboard.cards["revenue_rial"].value_text() == "۲٬۷۵۰٬۰۰۰ ریال"
    owner.setCurrentIndex(0)
    assert dashboard.cards["revenue_rial"].value_text() == "۱۳٬۷۵۰٬۰۰۱ ریال"


def test_the_charts_read_right_to_left(dashboard) -> None:
    _show(dashboard)
    # twelve months ending in Aban 1405: the latest at the left where a Persian reader ends
    months = dashboard.revenue_chart.shown_categories()
    assert months[0] == "آبان" and months[-1] == "آذر" and len(months) == 12
    assert dashboard.revenue_chart.drawing_order()[0] == 11
    # Aban's revenue, its label in Persian digits and in millions of Rials
    assert dashboard.revenue_chart.shown_labels()[:2] == ["۱۴ میلیون", "۴٫۵ میلیون"]
    assert all(not LATIN.search(t) for t in dashboard.revenue_chart.axis_labels())
    # the funnel's first stage at the top, lost stages left out
    stages = dashboard.funnel_chart.shown_categories()
    assert stages[0] == dashboard.core.stages.list()[0]["name"]
    assert len(stages) == 5
    assert dashboard.csat_chart.shown_labels()[0] == "۴"


def test_an_empty_period_says_so(world, core, ops, settings, ui_lang, qtbot) -> None:
    view = DashboardView(core, ops, settings)
    qtbot.addWidget(view)
    view.picker.setPeriod(Period.of_month(1390, 1))
    assert not view.nothing_label.isHidden()
    assert view.sources_chart.is_empty() and view.categories_chart.is_empty()
    view.picker.setPeriod(ABAN)
    assert view.nothing_label.isHidden()


def test_the_figures_are_read_after_the_first_paint(world, core, ops, settings, ui_lang,
                                                     qtbot, monkeypatch) -> None:
    calls = []
    real = KpiService.compare
    monkeypatch.setattr(KpiService, "compare",
                        lambda self, *a, **k: calls.append(1) or real(self, *a, **k))
    view = DashboardView(core, ops, settings)
    qtbot.addWidget(view)
    QApplication.processEvents()
    assert calls == []  # making the view reads nothing, not even a moment later
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.show()
    assert calls == []  # nor does showing it: the window paints first
    qtbot.waitUntil(lambda: calls == [1], timeout=2000)
    # a change while hidden is read when shown again, not before
    view.hide()
    view.on_changed(["deals"])
    assert calls == [1]
    view.show()
    qtbot.waitUntil(lambda: calls == [1, 1], timeout=2000)
    # a change to a table the dashboard does not show reads nothing; one it shows, while
    # shown, is read at once
    view.on_changed(["outbox"])
    assert calls == [1, 1]
    view.on_changed(["tickets"])
    assert calls == [1, 1, 1]


def test_the_period_and_owner_are_remembered(dashboard, world, core, ops, settings,
                                             qtbot) -> None:
    dashboard.picker.choose("last_month")
    dashboard.owner_filter.setCurrentIndex(dashboard.owner_filter.findData(world.b))
    dashboard.save_state()
    again = DashboardView(core, ops, settings)
    qtbot.addWidget(again)
    again.restore_state()
    assert again.picker.preset() == "last_month"
    assert again.owner_id() == world.b
    dashboard.picker.setPeriod(ABAN)  # a fixed period is remembered as itself
    dashboard.save_state()
    again.restore_state()
    assert again.period() == ABAN


# -- opening the records behind a figure -------------------------------------------------
def _click(qtbot, widget, pos: QPoint | None = None) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton,
                     pos=pos if pos is not None else widget.rect().center())


@pytest.fixture
def window(world, controller):
    window = controller.window
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.resize(1366, 728)
    window.show()
    view = window.show_section("dashboard")
    view.picker.setPeriod(ABAN)
    QApplication.processEvents()
    return window


@pytest.mark.parametrize(("kpi", "section", "rows"), [
    ("new_contacts", "contacts", 3),       # c1 c3 c8
    ("tickets_closed", "tickets", 4),      # t1 t2 t3 t7
    ("revenue_rial", "pipeline", 6),       # the won deals
    ("activities_done", "activities", 3),  # a1 a3 a6
    ("cac_rial", "campaigns", 2),          # k1 k2
])
def test_a_click_on_a_card_opens_its_records(window, qtbot, kpi: str, section: str,
                                             rows: int) -> None:
    dashboard = window.view("dashboard")
    card = dashboard.cards[kpi]
    assert card.is_clickable()
    _click(qtbot, card)
    view = window.current_view()
    assert view is window.view(section)
    page = view.page("campaigns") if section == "campaigns" else \
        view.list_page if section == "activities" else view
    model = page.model
    assert model.rowCount() == rows
    chip = page.drill_chip
    assert chip.text() == f"{card.title_label.toolTip() or card.title_label.text()} — آبان ۱۴۰۵"
    if section in ("contacts", "tickets", "campaigns"):
        assert page.count_label.text() == page.count_text(rows)
    # the chip taken away: the list shows everything again
    chip.remove_button.click()
    assert chip.isHidden()
    assert model.rowCount() > rows


def test_the_owner_goes_with_the_click(window, world, qtbot) -> None:
    dashboard = window.view("dashboard")
    dashboard.owner_filter.setCurrentIndex(dashboard.owner_filter.findData(world.a))
    _click(qtbot, dashboard.cards["new_contacts"])
    contacts = window.view("contacts")
    assert contacts.model.rowCount() == 2  # c1 and c8 (c5 is in the Trash)
    assert contacts.owner_filter.currentData() == world.a  # shown on its own filter
    assert contacts.drill_chip.text().endswith("کاربر الف")


def test_a_click_on_a_bar_opens_its_records(window, qtbot) -> None:
    dashboard = window.view("dashboard")
    chart = dashboard.revenue_chart
    chart.setMinimumSize(600, 260)
    dashboard.scroll.ensureWidgetVisible(chart)
    QApplication.processEvents()
    series = chart.chart().series()[0]
    # Aban, the latest month, is the leftmost bar right to left
    point = chart.chart().mapToPosition(QPointF(0, 1_000_000), series)
    _click(qtbot, chart.viewport(), chart.mapFromScene(chart.chart().mapToScene(point)))
    pipeline = window.current_view()
    assert pipeline is window.view("pipeline")
    assert pipeline.list_mode()
    assert pipeline.model.rowCount() == 6
    assert pipeline.drill_chip.text() == "درآمد — آبان ۱۴۰۵"
    pipeline.set_list_mode(False)  # the board drops the filter
    assert pipeline.drill_chip.isHidden()
