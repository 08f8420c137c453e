"""The pipeline board, its list mode and the deal editor (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent, QShowEvent
from PySide6.QtWidgets import QMessageBox

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain.clock import today as business_today
from crm_desktop.domain.enums import LifecycleStage
from crm_desktop.text.jalali import jalali_parts, month_range
from crm_desktop.ui import display, errors
from crm_desktop.ui.dialogs.deal_dialog import DealDialog, LostReasonDialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.views import pipeline
from crm_desktop.ui.views.pipeline import PipelineView, deal_mime, period_range

MILLION = 1_000_000


@pytest.fixture
def stages(core: Core) -> dict[str, dict]:
    """first, second, third, fourth (open), won, lost."""
    rows = core.stages.list()
    open_ = [s for s in rows if s["outcome"] == m.STAGE_OPEN]
    named = {f"open{i}": s for i, s in enumerate(open_)}
    named["won"] = next(s for s in rows if s["outcome"] == m.STAGE_WON)
    named["lost"] = next(s for s in rows if s["outcome"] == m.STAGE_LOST)
    return named


@pytest.fixture
def contact(core: Core) -> int:
    return core.contacts.create({"first_name": "علی", "last_name": "رضایی",
                                 "lifecycle_stage": LifecycleStage.LEAD.value})



@pytest.fixture
def make_view(core, ops, settings, ui_lang, qtbot):
    def make() -> PipelineView:
        view = PipelineView(core, ops, settings)
        qtbot.addWidget(view)
        ops.changed.connect(view.on_changed)  # what the main window does
        return view
    return make


def deal(core: Core, title: str, stage: dict, amount: int = 10 * MILLION, **extra) -> int:
    return core.deals.create({"title": title, "stage_id": stage["id"], "amount_rial": amount,
                              **extra})


def card_ids(view: PipelineView, stage: dict) -> list[int]:
    return [c.deal_id for c in view.columns[stage["id"]].cards]


def stage_of(core: Core, deal_id: int) -> int:
    return core.deals.get(deal_id)["stage_id"]


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """A message box would open a modal loop: fail instead."""
    def refuse(box: QMessageBox) -> int:
        raise AssertionError(f"unexpected message: {box.text()}")
    monkeypatch.setattr(errors, "ask_box", refuse)


# -- the board ----------------------------------------------------------------------------
def test_columns_in_stage_order_first_stage_at_the_right(make_view, stages, ui_lang) -> None:
    view = make_view()
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert list(view.columns) == [s["id"] for s in view.core.stages.list()]
    view.resize(1200, 700)
    view.layout().activate()
    view.board.adjustSize()
    view.board.layout().activate()
    xs = [c.mapTo(view, QPoint(0, 0)).x() for c in view.columns.values()]
    assert xs == sorted(xs, reverse=True)  # the first stage stands at the right
    assert xs[0] > xs[-1]
    names = [c.name_label.text() for c in view.columns.values()]
    assert names[0] == stages["open0"]["name"]


@pytest.mark.parametrize("ui_lang", ["en"], indirect=True)
def test_english_board_reads_left_to_right(make_view) -> None:
    view = make_view()
    assert view.layoutDirection() == Qt.LayoutDirection.LeftToRight
    view.resize(1200, 700)
    view.layout().activate()
    view.board.adjustSize()
    view.board.layout().activate()
    xs = [c.mapTo(view, QPoint(0, 0)).x() for c in view.columns.values()]
    assert xs == sorted(xs) and xs[0] < xs[-1]


def test_a_hidden_page_refreshes_when_shown(core, ops, settings, ui_lang, qtbot,
                                            stages) -> None:
    from PySide6.QtWidgets import QStackedWidget

    holder = QStackedWidget()  # never shown: the view only learns it is hidden
    qtbot.addWidget(holder)
    view = PipelineView(core, ops, settings)
    holder.addWidget(view)
    deal_id = deal(core, "پنهان", stages["open0"])
    view.on_changed(["deals"])
    assert card_ids(view, stages["open0"]) == []  # not read while hidden
    view.showEvent(QShowEvent())
    assert card_ids(view, stages["open0"]) == [deal_id]


def test_header_totals_and_weighted_totals(core, make_view, stages) -> None:
    first = stages["open0"]  # 10 %
    deal(core, "الف", first, 10 * MILLION)
    deal(core, "ب", first, 30 * MILLION)
    deal(core, "ج", stages["open2"], 20 * MILLION)  # 50 %
    view = make_view()
    column = view.columns[first["id"]]
    unit = core.settings.display_unit
    assert (column.count, column.total, column.weighted) == (2, 40 * MILLION, 4 * MILLION)
    assert display.digits(2) in column.count_label.text()
    assert display.money(40 * MILLION, unit) in column.total_label.text()
    assert display.money(4 * MILLION, unit) in column.weighted_label.text()
    assert "۴" in column.weighted_label.text()  # Persian digits
    third = view.columns[stages["open2"]["id"]]
    assert (third.count, third.weighted) == (1, 10 * MILLION)
    # the forecast of "all dates" is the sum of the weighted totals
    assert display.money(14 * MILLION, unit) in view.forecast_label.text()


def test_cards_show_the_deal(core, make_view, stages, contact) -> None:
    close = business_today() + timedelta(days=10)
    deal_id = deal(core, "فروش نرم‌افزار", stages["open1"], 25 * MILLION,
                   contact_id=contact, expected_close=close)
    view = make_view()
    [card] = view.columns[stages["open1"]["id"]].cards
    assert card.objectName() == "dealCard" and card.deal_id == deal_id
    assert card.title.text() == "فروش نرم‌افزار"
    assert card.who.text() == "علی رضایی"
    assert card.amount.text() == display.money(25 * MILLION, core.settings.display_unit)
    assert display.jalali_date_only(close) in card.meta.text()
    assert core.users.options()[0][1] in card.meta.text()  # the owner
    assert display.digits(0) in card.meta.text()  # days in the stage
    assert not card.overdue


def test_overdue_deals_are_marked(core, make_view, stages) -> None:
    late = deal(core, "دیر", stages["open0"], expected_close=business_today() - timedelta(days=3))
    on_time = deal(core, "به‌موقع", stages["open0"], expected_close=business_today())
    view = make_view()
    cards = {c.deal_id: c for c in view.columns[stages["open0"]["id"]].cards}
    assert cards[late].overdue and cards[late].property("overdue")
    assert cards[late].bar.autoFillBackground()
    assert cards[late].toolTip()
    assert not cards[on_time].overdue and not cards[on_time].toolTip()
    # cards are ordered by expected close
    assert card_ids(view, stages["open0"]) == [late, on_time]


def test_show_more_when_the_cap_cut_a_column(core, make_view, stages, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "MORE_STEP", 2)
    for i in range(53):
        deal(core, f"معامله {i}", stages["open0"])
    view = make_view()
    column = view.columns[stages["open0"]["id"]]
    assert len(column.cards) == 50 and column.count == 53
    assert not column.more_button.isHidden()
    column.more_button.click()
    column = view.columns[stages["open0"]["id"]]
    assert len(column.cards) == 52
    column.more_button.click()
    assert len(view.columns[stages["open0"]["id"]].cards) == 53
    assert view.columns[stages["open0"]["id"]].more_button.isHidden()


# -- moving -------------------------------------------------------------------------------
def test_dropping_a_card_changes_the_stage(core, make_view, stages) -> None:
    deal_id = deal(core, "انتقال", stages["open0"])
    view = make_view()
    target = view.columns[stages["open1"]["id"]]
    assert target.acceptDrops()
    assert target.handle_drop(deal_mime(deal_id))
    assert stage_of(core, deal_id) == stages["open1"]["id"]
    assert card_ids(view, stages["open1"]) == [deal_id]
    assert card_ids(view, stages["open0"]) == []
    # the same column refuses its own card
    assert not view.columns[stages["open1"]["id"]].handle_drop(deal_mime(deal_id))


def test_a_real_drop_event_moves_after_the_drag(core, make_view, stages, qtbot) -> None:
    deal_id = deal(core, "کشیدن", stages["open0"])
    view = make_view()
    target = view.columns[stages["open2"]["id"]]
    mime = deal_mime(deal_id)  # the event does not own it: keep it alive
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    target.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: stage_of(core, deal_id) == stages["open2"]["id"])


def test_lost_asks_for_a_reason_and_cancel_keeps_the_stage(core, make_view, stages,
                                                            monkeypatch) -> None:
    deal_id = deal(core, "از دست رفته", stages["open1"])
    view = make_view()
    asked = []
    monkeypatch.setattr(LostReasonDialog, "ask",
                        classmethod(lambda cls, parent: asked.append(parent)))
    assert not view.move_deal(deal_id, stages["lost"]["id"])
    assert asked == [view]
    assert stage_of(core, deal_id) == stages["open1"]["id"]
    assert view.last_move is None
    monkeypatch.setattr(LostReasonDialog, "ask", classmethod(lambda cls, parent: "قیمت بالا"))
    assert view.columns[stages["lost"]["id"]].handle_drop(deal_mime(deal_id))
    saved = core.deals.get(deal_id)
    assert saved["stage_id"] == stages["lost"]["id"] and saved["lost_reason"] == "قیمت بالا"
    assert deal_id not in card_ids(view, stages["open1"])  # closed deals leave the board


def test_won_makes_the_contact_a_customer(core, make_view, stages, contact) -> None:
    deal_id = deal(core, "برنده", stages["open3"], contact_id=contact)
    view = make_view()
    assert view.move_deal(deal_id, stages["won"]["id"])
    assert core.contacts.get(contact)["lifecycle_stage"] == LifecycleStage.CUSTOMER.value
    assert view.columns[stages["open3"]["id"]].cards == []


def test_undo_restores_the_stage_and_history_keeps_both_moves(core, make_view,
                                                               stages) -> None:
    deal_id = deal(core, "برگشت", stages["open0"])
    view = make_view()
    assert view.move_deal(deal_id, stages["open2"]["id"])
    assert not view.notice_bar.isHidden()
    view.undo_shortcut.activated.emit()  # Ctrl+Z
    assert stage_of(core, deal_id) == stages["open0"]["id"]
    assert card_ids(view, stages["open0"]) == [deal_id]
    assert view.notice_bar.isHidden()
    history = core.deals.stage_history(deal_id)
    assert [(h["from_stage"], h["to_stage"]) for h in history] == [
        (None, stages["open0"]["name"]),
        (stages["open0"]["name"], stages["open2"]["name"]),
        (stages["open2"]["name"], stages["open0"]["name"]),
    ]
    assert not view.undo_last_move()  # nothing left to undo


def test_undo_after_lost_needs_no_reason(core, make_view, stages, monkeypatch) -> None:
    deal_id = deal(core, "بازگشت", stages["open1"])
    view = make_view()
    monkeypatch.setattr(LostReasonDialog, "ask", classmethod(lambda cls, parent: "بودجه"))
    assert view.move_deal(deal_id, stages["lost"]["id"])
    assert view.undo_last_move()
    saved = core.deals.get(deal_id)
    assert saved["stage_id"] == stages["open1"]["id"] and saved["lost_reason"] is None


def test_undo_shortcut_is_ctrl_z(make_view) -> None:
    view = make_view()
    assert view.undo_shortcut.key().toString() == "Ctrl+Z"
    assert view.undo_shortcut.context() == Qt.ShortcutContext.WidgetWithChildrenShortcut


# -- filters ------------------------------------------------------------------------------
def test_owner_period_and_text_filters(core, make_view, stages) -> None:
    other = core.users.create({"username": "reza", "display_name": "رضا احمدی"})
    jy, jm, _ = jalali_parts(business_today())
    start, end = month_range(jy, jm)
    this_month = deal(core, "پروژه شبکه", stages["open0"], 20 * MILLION, expected_close=start)
    later = deal(core, "پروژه سرور", stages["open0"], 40 * MILLION,
                 expected_close=end + timedelta(days=400), owner_id=other)
    view = make_view()
    assert set(card_ids(view, stages["open0"])) == {this_month, later}

    view.owner_filter.setCurrentIndex(view.owner_filter.findData(other))
    assert card_ids(view, stages["open0"]) == [later]
    view.owner_filter.setCurrentIndex(0)

    view.period_filter.setCurrentIndex(view.period_filter.findData("month"))
    assert period_range("month") == (start, end)
    assert card_ids(view, stages["open0"]) == [this_month]
    # the forecast covers the period: 10 % of 20 million
    unit = core.settings.display_unit
    assert display.money(2 * MILLION, unit) in view.forecast_label.text()
    view.period_filter.setCurrentIndex(view.period_filter.findData("all"))

    view.search.setText("سرور")
    view.search.searchNow()
    assert card_ids(view, stages["open0"]) == [later]
    view.search.clear()
    assert len(card_ids(view, stages["open0"])) == 2


def test_periods_are_jalali_ranges() -> None:
    # 1405/01/10 is 2026-03-30: month Farvardin, quarter 1, year 1405
    today = date(2026, 3, 30)
    assert period_range("month", today) == (date(2026, 3, 21), date(2026, 4, 21))
    assert period_range("quarter", today) == (date(2026, 3, 21), date(2026, 6, 22))
    assert period_range("year", today) == (date(2026, 3, 21), date(2027, 3, 21))
    assert period_range("all", today) == (None, None)


# -- list mode ----------------------------------------------------------------------------
def test_list_mode_model_passes_qtmodeltester(core, make_view, stages, qtmodeltester,
                                              monkeypatch) -> None:
    for i in range(5):
        deal(core, f"فهرست {i}", stages[f"open{i % 4}"], (i + 1) * MILLION,
             expected_close=business_today() + timedelta(days=i))
    won = deal(core, "بسته", stages["open0"], expected_close=business_today() + timedelta(days=30))
    core.deals.move(won, stages["won"]["id"])
    view = make_view()
    view.list_toggle.setChecked(True)
    assert view.list_mode() and view.stack.currentWidget() is view.table
    assert view.model.rowCount() == 6  # the list shows closed deals too
    qtmodeltester.check(view.model)
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(view.model.columnCount())]
    assert len(headers) == 7
    amount = view.model.data(view.model.index(0, 4))  # soonest expected close first
    assert amount == display.money(1 * MILLION, core.settings.display_unit)
    view.search.setText("فهرست")
    view.search.searchNow()
    assert view.model.rowCount() == 5
    view.set_list_mode(False)
    assert not view.list_toggle.isChecked() and view.stack.currentWidget() is view.board_page


def test_state_is_kept(core, make_view, settings) -> None:
    view = make_view()
    view.period_filter.setCurrentIndex(view.period_filter.findData("quarter"))
    view.set_list_mode(True)
    view.save_state()
    again = make_view()
    again.restore_state()
    assert again.period_filter.currentData() == "quarter" and again.list_mode()


# -- the deal dialog ----------------------------------------------------------------------
def test_deal_dialog_creates_a_deal(core, ops, ui_lang, qtbot, stages, contact) -> None:
    dialog = DealDialog(core, ops, contact_id=contact)
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "dealDialog"
    assert not dialog.save_button.isEnabled()  # the title is required
    assert dialog.bindings["contact_id"].edit.text() == "علی رضایی"
    dialog.bindings["title"].set("قرارداد پشتیبانی")
    dialog.bindings["amount_rial"].widget.setText("۱۲٬۵۰۰٬۰۰۰")
    dialog.bindings["stage_id"].set(stages["open1"]["id"])
    dialog.bindings["expected_close"].widget.lineEdit().setText("۱۴۰۵/۰۱/۱۵")
    assert dialog.save_button.isEnabled()
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = core.deals.get(dialog.result_id)
    assert saved["title"] == "قرارداد پشتیبانی"
    assert saved["contact_id"] == contact
    assert saved["stage_id"] == stages["open1"]["id"]
    assert saved["expected_close"] == date(2026, 4, 4)
    assert saved["owner_id"] == core.actor_id
    expected = 12_500_000 * (10 if core.settings.display_unit == "toman" else 1)
    assert saved["amount_rial"] == expected


def test_deal_dialog_refuses_a_bad_amount_inline(core, ops, ui_lang, qtbot) -> None:
    dialog = DealDialog(core, ops)
    qtbot.addWidget(dialog)
    dialog.bindings["title"].set("قرارداد")
    dialog.bindings["amount_rial"].widget.setText("دوازده")
    assert not dialog.save_button.isEnabled()
    error = dialog.errors["amount_rial"]
    assert not error.isHidden() and error.text()
    dialog.save()
    assert core.deals.count() == 0
    dialog.bindings["amount_rial"].widget.setText("۵۰۰")
    assert error.isHidden() and dialog.save_button.isEnabled()


def test_deal_dialog_edits_without_the_stage(core, ops, ui_lang, qtbot, stages,
                                             contact) -> None:
    deal_id = deal(core, "قدیمی", stages["open2"], contact_id=contact)
    dialog = DealDialog(core, ops, deal_id)
    qtbot.addWidget(dialog)
    assert "stage_id" not in dialog.bindings  # the stage changes by moving the card
    dialog.bindings["title"].set("جدید")
    dialog.bindings["contact_id"].clear_button.click()
    dialog.save()
    saved = core.deals.get(deal_id)
    assert saved["title"] == "جدید" and saved["contact_id"] is None
    assert saved["stage_id"] == stages["open2"]["id"]


def test_new_deal_button_opens_the_dialog(make_view, monkeypatch) -> None:
    view = make_view()
    opened = []
    monkeypatch.setattr(DealDialog, "edit",
                        classmethod(lambda cls, *a, **k: opened.append(a) or None))
    view.new_button.click()
    assert len(opened) == 1


def test_lost_reason_dialog(qtbot, ui_lang) -> None:
    dialog = LostReasonDialog()
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "lostReasonDialog"
    assert not dialog.ok_button.isEnabled()
    dialog.reasons.setCurrentRow(0)
    assert dialog.reason() == dialog.reasons.item(0).text()
    assert dialog.ok_button.isEnabled()
    dialog.text.setText("  رقیب ارزان‌تر  ")
    assert dialog.reason() == "رقیب ارزان‌تر"


def test_ops_run_reports_a_refused_move(core, make_view, stages, monkeypatch) -> None:
    """A move the core refuses (a lost stage without a reason) goes through Ops."""
    seen = []
    monkeypatch.setattr(errors, "ask_box", lambda box: seen.append(box.text()) or 0)
    deal_id = deal(core, "بی‌دلیل", stages["open0"])
    view = make_view()
    monkeypatch.setattr(LostReasonDialog, "ask", classmethod(lambda cls, parent: "x"))
    ops: Ops = view.ops
    outcome = ops.run(view, lambda: core.deals.move(deal_id, stages["lost"]["id"]))
    assert not outcome.ok and seen
