"""The shared look of lists: the side bar (icons, counts from the database, collapsing),
status chips painted per status, and empty states with the action that fills the list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from crm_desktop.core import Core
from crm_desktop.services.base import ListQuery
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.theme import tokens
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.widgets.chip_delegate import CHIP_TONES, ChipDelegate, tone
from crm_desktop.ui.widgets.sidebar import SECTION_ICONS, Sidebar

NOW = datetime.now(UTC)



# -- the side bar -------------------------------------------------------------------------
def _sidebar(qtbot: QtBot, core: Core, ops: Ops, settings: UiSettings) -> Sidebar:
    bar = Sidebar([(k, k.title()) for k in SECTION_ICONS], core, ops, settings)
    qtbot.addWidget(bar)
    return bar


def test_the_side_bar_counts_overdue_activities_and_open_tickets(qtbot, core, ops,
                                                                 settings) -> None:
    cid = core.contacts.create({"first_name": "مریم", "last_name": "احمدی"})
    for hours in (2, 30):  # two overdue
        core.activities.create({"kind": "call", "subject": "پیگیری", "contact_id": cid,
                                "due_at": NOW - timedelta(hours=hours)})
    core.activities.create({"kind": "call", "subject": "فردا", "contact_id": cid,
                            "due_at": NOW + timedelta(days=1)})  # not yet due
    core.activities.create({"kind": "call", "subject": "انجام شد", "contact_id": cid,
                            "due_at": NOW - timedelta(days=1), "done_at": NOW})  # done
    for status in ("new", "open", "waiting", "resolved", "closed"):
        core.tickets.create({"subject": f"درخواست {status}", "status": status})
    bar = _sidebar(qtbot, core, ops, settings)
    assert bar.count("activities") == 2
    assert bar.count("tickets") == 3  # new, open, waiting
    assert bar.count("contacts") == 0  # no count where it does not help

    core.tickets.create({"subject": "یکی دیگر"})
    assert bar.count("tickets") == 3  # read again only when data changed
    ops.changed.emit(["tickets"])
    assert bar.count("tickets") == 4
    # the count is painted: a badge in the theme's badge colour
    bar.resize(tokens.SIDEBAR_WIDTH, 600)
    bar.layout().activate()
    image = bar.grab().toImage()
    badge = QColor(tokens.color("badge", "light"))
    assert any(image.pixelColor(x, y) == badge for x in range(image.width())
               for y in range(image.height()))


def test_the_side_bar_collapses_to_icons_and_remembers_it(qtbot, core, ops,
                                                          settings) -> None:
    bar = _sidebar(qtbot, core, ops, settings)
    assert not bar.collapsed and bar.width() == tokens.SIDEBAR_WIDTH
    bar.toggle.click()
    assert bar.collapsed and bar.width() == tokens.SIDEBAR_COLLAPSED_WIDTH
    assert settings.sidebar_collapsed
    again = _sidebar(qtbot, core, ops, settings)
    assert again.collapsed and again.width() == tokens.SIDEBAR_COLLAPSED_WIDTH
    again.toggle.click()
    assert not again.collapsed and not settings.sidebar_collapsed


def test_the_main_window_navigates_through_the_side_bar(controller) -> None:
    window = controller.window
    assert window.nav is window.sidebar.list
    window.nav.setCurrentRow(window.section_keys().index("tickets"))
    assert window.current_view() is window.view("tickets")


# -- chips ----------------------------------------------------------------------------
def _paint_chip(qapp, tone_name: str, text: str = "Status") -> tuple[QColor, QColor]:
    """Paint one cell with a chip; returns the colour inside the chip's rounded end and the
    colour of the cell outside the chip."""
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem(text))
    table = QTableView()
    table.setModel(model)
    delegate = ChipDelegate(lambda _index: tone_name, table)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 160, 32)
    option.font = table.font()
    option.fontMetrics = table.fontMetrics()
    option.widget = table
    pixmap = QPixmap(QSize(160, 32))
    pixmap.fill(QColor("#123456"))
    painter = QPainter(pixmap)
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    chip = delegate.chip_rect(option, text)
    image = pixmap.toImage()
    table.deleteLater()
    return (image.pixelColor(chip.left() + 3, chip.center().y()),
            image.pixelColor(1, 1))


@pytest.mark.parametrize("kind", sorted(CHIP_TONES))
def test_chips_paint_the_colour_of_their_status(qapp, kind: str) -> None:
    for value, tone_name in CHIP_TONES[kind].items():
        assert tone(kind, value) == tone_name
        inside, outside = _paint_chip(qapp, tone_name)
        assert inside == QColor(tokens.color(f"chip_{tone_name}", "light")), (kind, value)
        assert outside != inside
    assert tone(kind, None) is None and tone(kind, "unknown") is None


def test_status_tones_differ_where_the_meaning_differs() -> None:
    assert tone("ticket_priority", "urgent") == tone("deal_outcome", "lost") == "danger"
    assert tone("deal_outcome", "won") == tone("lifecycle", "customer") == "success"
    assert len(set(CHIP_TONES["lifecycle"].values())) == len(CHIP_TONES["lifecycle"])


def test_list_columns_use_chips_for_statuses(qtbot, core, ops, settings, ui_lang) -> None:
    from crm_desktop.ui.views.contacts import ContactsView
    from crm_desktop.ui.views.tickets import TicketsView

    core.contacts.create({"first_name": "سارا", "last_name": "کریمی",
                          "lifecycle_stage": "churned"})
    core.tickets.create({"subject": "چاپگر", "priority": "urgent", "status": "waiting"})
    contacts = ContactsView(core, ops, settings)
    tickets = TicketsView(core, ops, settings)
    for view in (contacts, tickets):
        qtbot.addWidget(view)

    def tone_at(view, key: str) -> str | None:
        column = next(i for i, c in enumerate(view.model.columns) if c.key == key)
        delegate = view.table.itemDelegateForColumn(column)
        assert isinstance(delegate, ChipDelegate)
        return delegate.tone_of(view.model.index(0, column))

    assert tone_at(contacts, "lifecycle_stage") == "danger"
    assert tone_at(tickets, "priority") == "danger"
    assert tone_at(tickets, "status") == "special"
    # comfortable rows, alternating colours, the sort indicator
    table = contacts.table
    assert table.verticalHeader().defaultSectionSize() == tokens.ROW_HEIGHT
    assert table.alternatingRowColors() and table.horizontalHeader().isSortIndicatorShown()


def test_long_text_is_elided_with_the_full_text_in_a_tooltip(qtbot, core, ops, settings,
                                                             ui_lang, monkeypatch) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from crm_desktop.ui.views.tickets import TicketsView

    long_subject = "درخواست " + "بسیار " * 30 + "طولانی"
    core.tickets.create({"subject": long_subject})
    core.tickets.create({"subject": "کوتاه"})
    view = TicketsView(core, ops, settings)
    qtbot.addWidget(view)
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_a: shown.append(text))
    column = next(i for i, c in enumerate(view.model.columns) if c.key == "subject")
    view.table.setColumnWidth(column, 120)
    delegate = view.table.itemDelegateForColumn(column) or view.table.itemDelegate()
    for row in range(view.model.rowCount()):
        index = view.model.index(row, column)
        option = QStyleOptionViewItem()
        option.rect = view.table.visualRect(index)
        option.rect.setWidth(120)
        option.fontMetrics = view.table.fontMetrics()
        event = QHelpEvent(QHelpEvent.Type.ToolTip, QPoint(5, 5), QPoint(5, 5))
        delegate.helpEvent(event, view.table, option, index)
    assert shown == [long_subject]  # the short one fits: no tooltip
    assert view.table.textElideMode() == Qt.TextElideMode.ElideRight


def test_money_is_aligned_at_the_end_of_the_reading_direction() -> None:
    from crm_desktop.ui.qtmodels.products_model import product_columns

    price = next(c for c in product_columns(lambda: "rial") if c.key == "unit_price_rial")
    assert price.align == Qt.AlignmentFlag.AlignTrailing


# -- empty states ---------------------------------------------------------------------------
def test_an_empty_list_says_so_and_offers_to_add(qtbot, core, ops, settings, ui_lang,
                                                 monkeypatch) -> None:
    from crm_desktop.ui.dialogs.contact_dialog import ContactDialog
    from crm_desktop.ui.views.contacts import ContactsView

    view = ContactsView(core, ops, settings)
    qtbot.addWidget(view)
    ops.changed.connect(view.on_changed)
    assert not view.empty.isHidden()
    assert view.empty.action.isVisibleTo(view.empty)
    assert not view.empty.clear.isVisibleTo(view.empty)
    assert view.empty.text.text() == view.empty_text()

    created: list[int] = []

    def add(cls, parent, core_, ops_, record_id=None):
        cid = core_.contacts.create({"first_name": "علی", "last_name": "رضایی"})
        created.append(cid)
        ops_.changed.emit(["contacts"])
        return cid, None

    monkeypatch.setattr(ContactDialog, "edit", classmethod(add))
    view.empty.action.click()
    assert created and view.model.rowCount() == 1
    assert view.empty.isHidden()


def test_a_filter_that_hides_everything_offers_to_clear_it(qtbot, core, ops, settings,
                                                           ui_lang) -> None:
    from crm_desktop.ui.views.contacts import ContactsView

    core.contacts.create({"first_name": "علی", "last_name": "رضایی"})
    view = ContactsView(core, ops, settings)
    qtbot.addWidget(view)
    assert view.empty.isHidden()
    view.model.set_text("ناموجود")
    assert view.model.rowCount() == 0 and not view.empty.isHidden()
    assert view.empty.filtered and view.empty.clear.isVisibleTo(view.empty)
    assert not view.empty.action.isVisibleTo(view.empty)
    view.empty.clear.click()
    assert view.model.rowCount() == 1 and view.empty.isHidden()


@pytest.mark.parametrize("section", ["companies", "products", "tickets", "pipeline",
                                     "activities"])
def test_every_list_has_an_empty_state(qtbot, core, ops, settings, ui_lang,
                                       section: str) -> None:
    from crm_desktop.ui.views.activities import ActivitiesView
    from crm_desktop.ui.views.companies import CompaniesView
    from crm_desktop.ui.views.pipeline import PipelineView
    from crm_desktop.ui.views.products import ProductsView
    from crm_desktop.ui.views.tickets import TicketsView

    factory = {"companies": CompaniesView, "products": ProductsView, "tickets": TicketsView,
               "pipeline": PipelineView, "activities": ActivitiesView}[section]
    view = factory(core, ops, settings)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 0 and not view.empty.isHidden()
    assert view.empty.text.text() and view.empty.action.text()


def test_the_delete_question_looks_destructive(qtbot, core, ops, settings, ui_lang,
                                               monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from crm_desktop.ui.views import record_list
    from crm_desktop.ui.views.contacts import ContactsView

    cid = core.contacts.create({"first_name": "علی", "last_name": "رضایی"})
    view = ContactsView(core, ops, settings)
    qtbot.addWidget(view)
    monkeypatch.setattr(view, "selected_id", lambda: cid)
    seen: list[object] = []

    def ask(box: QMessageBox) -> QMessageBox.StandardButton:
        seen.append(box.button(QMessageBox.StandardButton.Yes).property("danger"))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(record_list, "ask_box", ask)
    view.delete_selected()
    assert seen == [True]
    assert core.contacts.count(ListQuery()) == 1
