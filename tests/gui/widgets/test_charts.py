"""The QtCharts helpers: drawing order right to left, Persian digits on every label and
tick, clicks that name the category in the data's own order, the theme's colours, the
application font, no animation, an empty state."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QCategoryAxis, QChart
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop.app import load_fonts
from crm_desktop.domain.periods import Period, months_up_to
from crm_desktop.ui.theme import palette, tokens
from crm_desktop.ui.widgets import chart_text
from crm_desktop.ui.widgets.charts import BarChart, HBarChart, LineChart, PieChart, Series

LATIN = re.compile(r"[0-9]")
RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
# a chart laid out as when shown, a tooltip under the mouse: the offscreen platform warns
# it cannot pass size hints or raise the tooltip's window
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
MONTHS = months_up_to(Period.of_month(1405, 9), 4)  # Shahrivar .. Azar 1405


@pytest.fixture
def show(qtbot: QtBot) -> Iterator:
    """Lays a chart out at a size, as when shown (without a window on the screen)."""

    def shown(view, direction=LTR, width=640, height=320):
        qtbot.addWidget(view)
        view.setLayoutDirection(direction)
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        view.resize(width, height)
        view.show()
        QApplication.processEvents()
        return view

    yield shown


def _bar_centre(view: BarChart, position: int, value: float) -> QPoint:
    """Where the bar at a drawing position stands, in the view's viewport."""
    chart = view.chart()
    point = chart.mapToPosition(QPointF(position, value / 2), chart.series()[0])
    return view.mapFromScene(chart.mapToScene(point))


def test_months_read_right_to_left_in_persian(persian, show) -> None:
    names = chart_text.month_labels(MONTHS)
    assert names == ["شهریور", "مهر", "آبان", "آذر"]
    view = BarChart()
    view.set_data(names, [1, 2, 3, 4])
    show(view, RTL)
    # the latest month at the left, where a Persian reader ends
    assert view.shown_categories() == ["آذر", "آبان", "مهر", "شهریور"]
    axis = next(a for a in view.chart().axes() if isinstance(a, QBarCategoryAxis))
    assert axis.categories() == ["آذر", "آبان", "مهر", "شهریور"]
    bars = view.chart().series()[0].barSets()[0]
    assert [bars.at(i) for i in range(4)] == [4, 3, 2, 1]  # each value with its month
    # the value axis stands at the right, where reading starts
    value_axis = next(a for a in view.chart().axes() if isinstance(a, QCategoryAxis))
    assert value_axis.alignment() == Qt.AlignmentFlag.AlignRight


def test_months_read_left_to_right_in_english(english, show) -> None:
    view = BarChart()
    view.set_data(chart_text.month_labels(MONTHS), [1, 2, 3, 4])
    show(view, LTR)
    assert view.shown_categories() == ["Shahrivar", "Mehr", "Aban", "Azar"]
    value_axis = next(a for a in view.chart().axes() if isinstance(a, QCategoryAxis))
    assert value_axis.alignment() == Qt.AlignmentFlag.AlignLeft


def test_a_change_of_direction_redraws_in_the_other_order(persian, show) -> None:
    view = show(BarChart(), LTR)
    view.set_data(["a", "b", "c"], [1, 2, 3])
    assert view.shown_categories() == ["a", "b", "c"]
    view.setLayoutDirection(RTL)
    assert view.shown_categories() == ["c", "b", "a"]


def test_labels_and_ticks_have_persian_digits(ui_lang, show) -> None:
    view = BarChart()
    view.set_data(["فروردین", "اردیبهشت"], [12_500, 3_000])
    show(view, RTL)
    assert view.shown_labels() == ["۳٬۰۰۰", "۱۲٬۵۰۰"]  # drawn right to left: 2nd first
    ticks = view.axis_labels()
    assert ticks[0] == "۰" and len(ticks) >= 3
    assert all(not LATIN.search(t) for t in ticks + view.shown_labels()), ticks
    assert "۱۵ هزار" in ticks  # 15,000: a short amount in words


def test_labels_and_ticks_have_latin_digits_in_english(english, show) -> None:
    view = show(BarChart())
    view.set_data(["a", "b"], [12_500, 3_000])
    assert view.shown_labels() == ["12,500", "3,000"]
    assert "15K" in view.axis_labels()


def test_a_click_on_a_bar_names_its_category_in_the_data(persian, show, qtbot) -> None:
    view = BarChart()
    view.set_data(["فروردین", "اردیبهشت", "خرداد"], [5, 10, 15])
    show(view, RTL)
    # the leftmost bar in a right-to-left chart is the last category given
    with qtbot.waitSignal(view.clicked, timeout=1000) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=_bar_centre(view, 0, 15))
    assert signal.args == [2]
    with qtbot.waitSignal(view.clicked, timeout=1000) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=_bar_centre(view, 2, 5))
    assert signal.args == [0]


def test_horizontal_bars_put_the_first_step_at_the_top_and_grow_from_the_reader(
        persian, show, qtbot) -> None:
    view = HBarChart()
    view.set_data(["سرنخ", "مذاکره", "برنده"], [30, 20, 10])
    show(view, RTL)
    assert view.shown_categories() == ["سرنخ", "مذاکره", "برنده"]
    assert view.shown_labels() == ["۳۰", "۲۰", "۱۰"]
    value_axis = next(a for a in view.chart().axes() if isinstance(a, QCategoryAxis))
    assert value_axis.isReverse()  # bars grow from the right
    chart = view.chart()
    start, end = (chart.mapToPosition(QPointF(v, 2), chart.series()[0]) for v in (0, 30))
    assert end.x() < start.x()
    # each bar's value at its end: no scale
    assert not value_axis.isVisible() and view.axis_labels() == []
    category_axis = next(a for a in view.chart().axes() if isinstance(a, QBarCategoryAxis))
    assert category_axis.alignment() == Qt.AlignmentFlag.AlignRight
    # the top bar is the first step
    chart = view.chart()
    top = chart.mapToPosition(QPointF(15, 2), chart.series()[0])
    with qtbot.waitSignal(view.clicked, timeout=1000) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.mapFromScene(chart.mapToScene(top)))
    assert signal.args == [0]


def test_horizontal_bars_left_to_right(english, show) -> None:
    view = show(HBarChart())
    view.set_data(["Lead", "Won"], [3, 1])
    value_axis = next(a for a in view.chart().axes() if isinstance(a, QCategoryAxis))
    assert not value_axis.isReverse()
    assert view.shown_categories() == ["Lead", "Won"]


def test_a_line_leaves_out_missing_months_and_keeps_two_decimals(persian, show) -> None:
    view = LineChart(minimum=0, maximum=5, value_text=lambda v: chart_text.number_text(v, 2))
    view.set_data(["شهریور", "مهر", "آبان", "آذر"], [Decimal("4.25"), None, 3, Decimal("4.5")])
    show(view, RTL)
    line = view.chart().series()[0]
    assert [(p.x(), p.y()) for p in line.points()] == [(0, 4.5), (1, 3.0), (3, 4.25)]
    assert view.shown_labels() == ["۴٫۵", "۳", "۴٫۲۵"]
    assert view.axis_labels() == ["۰", "۱", "۲", "۳", "۴", "۵"]


def test_a_ring_keeps_the_largest_slices_and_sums_the_rest(persian, show) -> None:
    view = PieChart()
    names = ["وبسایت", "معرفی", "اینستاگرام", "نمایشگاه", "تماس", "پیامک", "سایر", "پست"]
    view.set_data(names, [40, 30, 20, 10, 0, 5, 5, 2])
    show(view, RTL)
    shown = view.shown_categories()
    assert shown[:4] == ["وبسایت", "معرفی", "اینستاگرام", "نمایشگاه"]
    assert shown[-1] == view.tr("The rest") and len(shown) == 6
    labels = view.shown_labels()
    assert labels[0].endswith("۳۶٪")  # 40 of 112
    assert all(not LATIN.search(t) for t in labels)
    # right to left: each marker stands at the right of its words
    marker, words = view._legend[0]
    assert marker.pos().x() > words.pos().x()


def test_nothing_to_draw_says_so(persian, show) -> None:
    view = BarChart()
    view.set_data(["a", "b"], [0, None])
    show(view, RTL)
    assert view.is_empty()
    assert view.empty_label.isVisibleTo(view)
    assert view.chart().series() == []
    view.set_data(["a", "b"], [0, 3])
    assert not view.empty_label.isVisibleTo(view)


def test_labels_too_wide_for_their_bars_are_left_to_the_tooltip(english, show) -> None:
    view = BarChart()
    view.set_data([f"m{i}" for i in range(24)], [123_456_789] * 24)
    show(view, width=320)
    assert view.shown_labels() == []
    view.resize(3000, 320)
    QApplication.processEvents()
    assert len(view.shown_labels()) == 24


def test_crowded_month_names_skip_columns_from_the_reading_end(persian, show) -> None:
    view = BarChart()
    months = months_up_to(Period.of_month(1405, 9), 12)
    view.set_data(chart_text.month_labels(months), list(range(12)))
    show(view, RTL, width=300)
    axis = view.shown_axis_categories()
    assert axis[0] == "آذر"  # the latest month keeps its name
    assert "" in axis  # some columns left unnamed, none cut short
    assert all(name in chart_text.month_labels(months) for name in axis if name)


@pytest.mark.parametrize("theme", tokens.THEMES)
def test_colours_and_font_follow_the_theme(qapp, show, theme: str) -> None:
    load_fonts(qapp)
    before = qapp.palette(), qapp.styleSheet(), qapp.property("crmTheme")
    try:
        palette.apply(qapp, theme)
        view = show(BarChart())
        view.set_data(["a", "b"], [Series("x", [1, 2]), Series("y", [2, 1])])
        sets = view.chart().series()[0].barSets()
        assert sets[0].color() == QColor(tokens.color("chart_1", theme))
        assert sets[1].color() == QColor(tokens.color("chart_2", theme))
        assert view.chart().backgroundBrush().color() == QColor(tokens.color("surface", theme))
        axis = view.chart().axes()[0]
        assert axis.labelsFont().family() == tokens.FONT_FAMILY
        assert axis.labelsBrush().color() == QColor(tokens.color("text_muted", theme))
        assert view.chart().animationOptions() == QChart.AnimationOption.NoAnimation
        assert view.renderHints() & QPainter.RenderHint.Antialiasing
        other = "dark" if theme == "light" else "light"
        palette.apply(qapp, other)  # the theme changes while the chart is shown
        QApplication.processEvents()
        assert sets[0].color() == QColor(tokens.color("chart_1", other))
    finally:
        qapp.setPalette(before[0])
        qapp.setStyleSheet(before[1])
        qapp.setProperty("crmTheme", before[2])


def test_every_series_needs_a_value_per_category(qtbot) -> None:
    view = BarChart()
    qtbot.addWidget(view)
    with pytest.raises(ValueError):
        view.set_data(["a", "b"], [1])
    assert isinstance(view.chart().series(), list)
    assert not any(isinstance(s, QBarSeries) for s in view.chart().series())


# -- the words and numbers ---------------------------------------------------------------
@pytest.mark.parametrize(("value", "fa", "en"), [
    (0, "۰", "0"), (950, "۹۵۰", "950"), (1_500, "۱٫۵ هزار", "1.5K"),
    (12_000, "۱۲ هزار", "12K"), (2_500_000, "۲٫۵ میلیون", "2.5M"),
    (3_000_000_000, "۳ میلیارد", "3B"), (Decimal("4.25"), "۴٫۳", "4.3"),
])
def test_compact_amounts(qapp, value, fa: str, en: str) -> None:
    from crm_desktop.app import set_language
    from tests.gui.widgets.conftest import ENGLISH, PERSIAN, _use_locale

    for _ in _use_locale(ENGLISH):
        assert chart_text.compact_text(value) == en
    set_language(qapp, "fa")  # the Persian words come from the translations
    try:
        for _ in _use_locale(PERSIAN):
            assert chart_text.compact_text(value) == fa
    finally:
        set_language(qapp, "en")


def test_percentages_and_numbers(persian) -> None:
    assert chart_text.percent_text(Decimal("0.425")) == "۴۳٪"
    assert chart_text.percent_text(Decimal("0.425"), 1) == "۴۲٫۵٪"
    assert chart_text.percent_text(None) == ""
    assert chart_text.number_text(Decimal("4.50"), 2) == "۴٫۵"
    assert chart_text.number_text(1234567) == "۱٬۲۳۴٬۵۶۷"
    assert chart_text.span_text(MONTHS) == "شهریور ۱۴۰۵ – آذر ۱۴۰۵"


@given(st.floats(-1e12, 1e12, allow_nan=False), st.floats(-1e12, 1e12, allow_nan=False))
def test_ticks_cover_the_values_in_round_steps(a: float, b: float) -> None:
    low, high = min(a, b), max(a, b)
    values = chart_text.ticks(low, high)
    step = values[1] - values[0]
    assert all(math.isclose(y - x, step) for x, y in itertools.pairwise(values))
    # the values lie between the first and last tick (float noise of a step aside)
    assert values[0] <= min(low, 0) + 1e-9 * step
    assert values[-1] >= max(high, 0) - 1e-9 * step
    assert 0.0 in values and len(values) <= 12
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert round(mantissa, 6) in (1, 2, 2.5, 5, 10)
