"""Pipeline cards lay out at any width and the won and lost drop zones stand at the end of
the board, wide enough to read and to drop on, at 1366x768 in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

from crm_desktop.db import models as m
from crm_desktop.ui.views.pipeline import PipelineView
from crm_desktop.ui.widgets.deal_board import DealCard, StageColumn
from crm_desktop.ui.widgets.elided_label import ELLIPSIS, ElidedLabel

LONG_TITLE = ("قرارداد پشتیبانی سالانه شبکه و سرورهای شعبه مرکزی همراه با نصب و "
              "راه‌اندازی تجهیزات تازه")


def _rect_in(widget, ancestor) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


@pytest.fixture
def pipeline(small_window, qapp) -> PipelineView:
    view = small_window.show_section("pipeline")
    assert isinstance(view, PipelineView)
    qapp.processEvents()
    return view


def _open_columns(view: PipelineView) -> list[StageColumn]:
    return [c for c in view.columns.values() if c.outcome == m.STAGE_OPEN]


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_cards_show_their_title_inside_the_column(pipeline, ui_lang) -> None:
    column = next(c for c in _open_columns(pipeline) if c.cards)
    viewport = column.scroll.viewport()
    for card in column.cards[:5]:
        assert card.width() <= viewport.width()
        title = _rect_in(card.title, viewport)
        # the title is drawn inside the column, not pushed out of sight
        assert viewport.rect().left() <= title.left() and title.right() <= (
            viewport.rect().right())
        assert card.title.height() >= card.title.fontMetrics().lineSpacing()
        lines = card.title.lines()
        assert lines and card.title.text().startswith(lines[0].rstrip(ELLIPSIS))
        for label in (card.who, card.amount, card.meta):
            assert _rect_in(label, card).right() <= card.width()


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_a_long_title_wraps_to_two_lines_and_ends_in_an_ellipsis(qtbot, ui_lang) -> None:
    label = ElidedLabel(LONG_TITLE, max_lines=2)
    qtbot.addWidget(label)
    label.resize(200, label.heightForWidth(200))
    lines = label.lines()
    assert len(lines) == 2
    metrics = label.fontMetrics()
    assert all(metrics.horizontalAdvance(line) <= 200 for line in lines)
    # the first line ends at a word boundary, the second with "…"
    assert LONG_TITLE.startswith(lines[0]) and LONG_TITLE[len(lines[0])] == " "
    assert lines[1].endswith(ELLIPSIS)
    assert label.heightForWidth(200) == 2 * metrics.lineSpacing()
    assert label.full_text_tip() == LONG_TITLE  # the full title on hover
    # wide enough: one line, no ellipsis, no tooltip
    label.resize(2000, label.heightForWidth(2000))
    assert label.lines() == [LONG_TITLE] and label.full_text_tip() == ""


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_a_card_fits_a_narrow_column(qtbot, ui_lang) -> None:
    from datetime import UTC, date, datetime

    row = {"id": 1, "stage_id": 1, "title": LONG_TITLE, "expected_close": date(2026, 1, 1),
           "contact": "عبدالرحمن صالحی‌نژاد کرمانشاهی", "owner": "مدیر سیستم",
           "amount_rial": 987_654_321_000, "stage_changed_at": datetime(2025, 1, 1,
                                                                        tzinfo=UTC)}
    card = DealCard(row, "rial", date(2026, 2, 1), datetime(2026, 2, 1, tzinfo=UTC))
    qtbot.addWidget(card)
    card.resize(160, card.heightForWidth(160) if card.hasHeightForWidth() else 120)
    card.layout().activate()
    for label in (card.title, card.who, card.amount, card.meta):
        assert _rect_in(label, card).right() <= card.width()
        assert label.lines(), label.objectName()
        for line in label.lines():
            assert label.fontMetrics().horizontalAdvance(line) <= label.width()
    assert card.title.lines()[-1].endswith(ELLIPSIS)


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_won_and_lost_are_wide_drop_zones_at_the_end_of_the_board(pipeline, ui_lang,
                                                                  small_window) -> None:
    closed = [c for c in pipeline.columns.values() if c.outcome != m.STAGE_OPEN]
    assert {c.outcome for c in closed} == {m.STAGE_WON, m.STAGE_LOST}
    window = small_window.rect()
    open_x = [_rect_in(c, pipeline).center().x() for c in _open_columns(pipeline)]
    for zone in closed:
        rect = _rect_in(zone, small_window)
        assert zone.isVisible() and window.contains(rect)
        assert zone.width() >= 150 and zone.height() >= 150
        assert zone.acceptDrops()
        x = _rect_in(zone, pipeline).center().x()
        # the end of the board in reading order: the left in Persian, the right in English
        if ui_lang == "fa":
            assert x < min(open_x)
        else:
            assert x > max(open_x)
        assert zone.hint.isVisible()
        assert _rect_in(zone.hint, small_window).intersects(window)


@pytest.mark.parametrize("ui_lang", ["fa", "en"], indirect=True)
def test_a_two_line_title_makes_its_card_taller_on_the_board(pipeline, qapp) -> None:
    core = pipeline.core
    first = _open_columns(pipeline)[0]
    core.deals.create({"title": LONG_TITLE, "stage_id": first.stage_id,
                       "amount_rial": 1_000_000})
    pipeline.refresh()
    qapp.processEvents()
    column = pipeline.columns[first.stage_id]
    card = next(c for c in column.cards if c.title.text() == LONG_TITLE)
    assert len(card.title.lines()) == 2
    assert card.title.height() >= 2 * card.title.fontMetrics().lineSpacing()
    # laid out in the column without covering its neighbours
    rects = [c.geometry() for c in column.cards]
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    assert _rect_in(card.meta, card).bottom() <= card.height()
