"""What opening and scrolling a list costs, counted (not timed): the statements a list
view runs on open, how the city filter is read, how a window past the middle of the list is
found, and what the contact list builds and asks for when it opens and paints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTableView, QWidget
from sqlalchemy import event

from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.ui.ui_settings import UiSettings


def statements(core: Any, fn: Callable[[], object]) -> list[tuple[str, Any]]:
    seen: list[tuple[str, Any]] = []

    def hook(_c: Any, _cur: Any, sql: str, params: Any, _ctx: Any, _many: bool) -> None:
        seen.append((" ".join(sql.split()), params))

    event.listen(core.db.engine, "before_cursor_execute", hook)
    try:
        fn()
    finally:
        event.remove(core.db.engine, "before_cursor_execute", hook)
    return seen


def show_list(view: Any, qtbot: Any, *, paint: bool = False) -> Any:
    """`view` shown at 1280x800 as the window shows a list (its table painted once when
    `paint`)."""
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    if paint:
        view.table.viewport().repaint()
    return view


def add_contacts(core: Any, n: int) -> None:
    for i in range(n):
        core.contacts.create({"first_name": f"نفر{i:03d}", "last_name": "احمدی",
                              "city": ("تهران", "قم", "شیراز")[i % 3]})


def test_contacts_view_reads_its_count_once_on_open(core, ops, ui_lang, qtbot) -> None:
    from crm_desktop.ui.views.contacts import ContactsView

    add_contacts(core, 12)
    holder: list[Any] = []
    ran = statements(core, lambda: holder.append(ContactsView(core, ops, UiSettings())))
    qtbot.addWidget(holder[0])
    # the number the database keeps (db/live_counts.py), read once; no row is counted
    kept = [sql for sql, _ in ran if "FROM live_counts" in sql]
    assert len(kept) == 1, ran
    assert not [sql for sql, _ in ran if sql.startswith("SELECT count(*)")], ran
    assert holder[0].model.rowCount() == 12


def test_clicking_the_sorted_column_again_reads_nothing(core, ops, ui_lang, qtbot) -> None:
    from PySide6.QtCore import Qt

    from crm_desktop.ui.views.contacts import ContactsView

    add_contacts(core, 3)
    view = ContactsView(core, ops, UiSettings())
    qtbot.addWidget(view)
    assert statements(core, lambda: view.table.sortByColumn(
        0, Qt.SortOrder.AscendingOrder)) == []
    assert statements(core, lambda: view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder))


def test_city_filter_seeks_the_city_index(core) -> None:
    add_contacts(core, 30)
    gone = core.contacts.create({"first_name": "رفته", "last_name": "x", "city": "یزد"})
    core.contacts.delete(gone)
    with core.db.raw() as conn:
        conn.execute("ANALYZE")
    ran = statements(core, core.contacts.cities)
    assert core.contacts.cities() == ["تهران", "شیراز", "قم"]
    with core.db.raw() as conn:
        plan = [row[3] for sql, params in ran if sql.startswith(("SELECT", "WITH"))
                for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    # one index seek per city, repeated (a recursive step), never a DISTINCT walk over
    # every contact's row or index entry
    assert "RECURSIVE STEP" in plan, plan
    assert not any(line.startswith("SCAN contacts") for line in plan), plan
    assert not any("DISTINCT" in line for line in plan), plan
    seeks = [line for line in plan if line.startswith("SEARCH contacts") and "city>?" in line]
    assert len(seeks) == 2, plan  # the first city, and the next one after each
    account = core.accounts.create({"name": "شرکت", "city": "کرج"})
    assert core.accounts.cities() == ["کرج"]
    core.accounts.delete(account)
    assert core.accounts.cities() == []


def test_window_past_the_middle_is_sought_from_the_end(core) -> None:
    add_contacts(core, 40)
    service = core.contacts
    for sort in (Sort("name"), Sort("name", descending=True), Sort("city")):
        query = ListQuery(sort=sort)
        every = [r["id"] for r in service.list(ListQuery(sort=sort, limit=100)).rows]
        for offset, limit in ((30, 7), (33, 7), (35, 10), (39, 5), (20, 10), (0, 50)):
            near = service.window(query, offset, limit, total=40)
            far = service.window(query, offset, limit)
            assert [r["id"] for r in near.rows] == every[offset:offset + limit]
            assert near.rows == far.rows
            assert (near.next_cursor is None) == (far.next_cursor is None)
            if near.next_cursor is not None:
                after = service.window(ListQuery(sort=sort, after=near.next_cursor), 0, 3)
                assert [r["id"] for r in after.rows] == every[offset + limit:offset + limit + 3]
    ran = statements(core, lambda: service.window(ListQuery(sort=Sort("name")), 35, 5,
                                                  total=40))
    # the ids are read in the reverse order with a small OFFSET (4 rows from the end)
    select = next(sql for sql, _ in ran if "OFFSET" in sql)
    params = next(p for sql, p in ran if "OFFSET" in sql)
    assert "DESC" in select.split("OFFSET")[0], select
    assert max(v for v in params if isinstance(v, int)) <= 6, params


def test_model_reads_the_last_page_from_the_end(core, qapp, qtmodeltester) -> None:
    from crm_desktop.ui.qtmodels.contacts_model import contacts_model

    add_contacts(core, 45)
    model = contacts_model(core.contacts)
    model._page_size = 7
    model.set_query(ListQuery(sort=Sort("name")))
    forward = [r["id"] for r in core.contacts.list(ListQuery(sort=Sort("name"), limit=100)).rows]
    ran = statements(core, lambda: model.row_data(44))
    assert model.id_at(44) == forward[44]
    assert any("OFFSET" in sql and "DESC" in sql.split("OFFSET")[0] for sql, _ in ran), ran
    assert [model.id_at(r) for r in range(45)] == forward
    qtmodeltester.check(model)


# -- what opening the contact list builds (counted: widgets, events, roles asked) -----------
class _Moves(QObject):
    """Counts the widgets moved into another parent while they already held children: each
    such move styles the whole moved tree again under the application's style sheet."""

    def __init__(self) -> None:
        super().__init__()
        self.moved: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # (a combo box's own list moving into its pop-up is Qt's business)
        if (event.type() == QEvent.Type.ParentChange and isinstance(watched, QWidget)
                and watched.findChildren(QWidget)
                and watched.window().windowType() != Qt.WindowType.Popup):
            self.moved.append(f"{type(watched).__name__}#{watched.objectName()}")
        return False


def test_the_contact_list_is_built_inside_its_parents(core, ops, settings, ui_lang,
                                                      qapp, qtbot) -> None:
    from crm_desktop.ui.views.contacts import ContactsView

    add_contacts(core, 3)
    moves = _Moves()
    qapp.installEventFilter(moves)
    try:
        view = ContactsView(core, ops, settings)
    finally:
        qapp.removeEventFilter(moves)
    qtbot.addWidget(view)
    # nothing moves in, not even the details panel (made inside the splitter)
    assert moves.moved == [], moves.moved
    assert view.panel.parentWidget() is view.splitter


def test_each_side_enters_the_splitter_once(core, ops, settings, ui_lang, qtbot,
                                            monkeypatch) -> None:
    """The table and the details panel are made inside the splitter, which takes them in
    as they are made: adding them again would move each in place and measure both sides
    again (six more size hints of the panel, each laying out its text)."""
    from crm_desktop.ui.views import contacts as module
    from crm_desktop.ui.views.contact_panel import ContactPanel

    asked: list[str] = []

    class Measured(ContactPanel):
        def minimumSizeHint(self) -> QSize:
            asked.append("minimum")
            return super().minimumSizeHint()

        def sizeHint(self) -> QSize:
            asked.append("size")
            return super().sizeHint()

    monkeypatch.setattr(module, "ContactPanel", Measured)
    view = module.ContactsView(core, ops, settings)
    qtbot.addWidget(view)
    assert [type(view.splitter.widget(i)) for i in range(view.splitter.count())] == [
        QTableView, Measured]
    assert len(asked) <= 8, asked


def test_an_icon_file_is_looked_for_once(monkeypatch) -> None:
    """Every list opening dresses its buttons: whether an icon is shipped is looked up on
    the disk once, not on every opening."""
    from crm_desktop.ui.theme import icons

    looked: list[str] = []
    real = icons.icon_path

    def counted(name: str) -> Any:
        looked.append(name)
        return real(name)

    monkeypatch.setattr(icons, "icon_path", counted)
    icons._shipped.cache_clear()
    for _ in range(3):
        icons.icon("plus", "text_on_accent")
        icons.icon("search")
    assert looked == ["plus", "search"]
    with pytest.raises(FileNotFoundError):
        icons.icon("no-such-icon")


def test_a_list_that_opens_with_rows_builds_no_empty_state_nor_record_page(
        core, ops, settings, ui_lang, qtbot) -> None:
    from crm_desktop.ui.views.contacts import ContactsView
    from crm_desktop.ui.widgets.empty_state import EmptyState

    add_contacts(core, 3)
    view = ContactsView(core, ops, settings)
    qtbot.addWidget(view)
    assert view.findChildren(EmptyState) == []
    panel = view.panel
    assert panel.page is None and panel.count() == 1  # the "choose a contact" line only
    before = len(panel.findChildren(QWidget))
    view.table.selectionModel().select(
        view.model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    assert panel.contact_id == view.model.id_at(1)
    assert panel.currentWidget() is panel.scroll and panel.name.text()
    assert len(panel.findChildren(QWidget)) > before + 20  # the page, made now
    page = panel.page
    view.table.selectRow(2)
    panel.show_contact(view.model.id_at(0))
    assert panel.page is page  # made once
    # the empty state is made when the list empties, and hidden again when it fills
    view.model.set_text("ناموجود")
    assert view.model.rowCount() == 0 and len(view.findChildren(EmptyState)) == 1
    assert not view.empty.isHidden()
    view.model.set_text("")
    assert view.empty.isHidden()


def test_every_character_the_contact_list_shows_is_in_its_font(core, ops, settings, ui_lang,
                                                               qtbot) -> None:
    """A character the font lacks is looked for in other fonts each time its cell is
    painted: a mobile alone in its cell is its digits, without the invisible isolates
    (which Vazirmatn lacks) that a number inside a sentence needs."""
    from PySide6.QtGui import QFontMetrics

    from crm_desktop.ui import display
    from crm_desktop.ui.views.contacts import ContactsView

    account = core.accounts.create({"name": "کلینیک سپید"})
    for i in range(6):
        core.contacts.create({"first_name": f"نفر{i}", "last_name": "احمدی",
                              "mobile": f"0912000{i:04d}", "city": "تهران",
                              "account_id": account, "lifecycle_stage": "customer"})
    view = ContactsView(core, ops, settings)
    qtbot.addWidget(view)
    metrics = QFontMetrics(view.table.font())
    model = view.model
    shown = {model.index(row, column).data() for row in range(model.rowCount())
             for column in range(model.columnCount())}
    missing = {hex(ord(ch)) for text in shown if text for ch in text
               if not metrics.inFontUcs4(ord(ch))}
    assert missing == set(), missing
    mobile = model.index(0, [c.key for c in model.columns].index("mobile")).data()
    assert mobile.startswith("۰۹۱۲") and mobile.isdigit()
    # anything but digits keeps its isolate, so that it reads left to right
    assert display.ltr_cell("+98 912") == display.ltr("+98 912") != "+۹۸ ۹۱۲"
    assert display.ltr_cell("") == "" and display.ltr_cell(None) == ""



def in_menu(button: Any, key: Qt.Key, shown: list[list[str]], *keys: Qt.Key) -> None:
    """Press `key` on a filter button; in the menu it opens, note its choices and press
    `keys` (the menu runs its own event loop until they close it)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    def act() -> None:
        menu = QApplication.activePopupWidget()
        shown.append([a.text() for a in menu.actions() if not a.isSeparator()])
        for k in keys:
            QTest.keyClick(menu, k)

    QTimer.singleShot(0, act)
    QTest.keyClick(button, key)


# a menu shown on the offscreen platform logs "This plugin does not support raise()/grabbing
# the keyboard": platform limits, not faults of the program
@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_the_filter_lists_are_read_when_first_used(core, ops, settings, ui_lang,
                                                   qtbot) -> None:

    from crm_desktop.ui.views.contacts import ContactsView

    add_contacts(core, 6)
    holder: list[Any] = []
    ran = statements(core, lambda: holder.append(ContactsView(core, ops, settings)))
    view = holder[0]
    qtbot.addWidget(view)
    # opening reads the count (the one the database keeps) and nothing else: no city,
    # tag or owner list
    selects = [sql for sql, _ in ran if not sql.startswith("BEGIN")]
    assert len(selects) == 1 and selects[0].startswith("SELECT live FROM live_counts"), ran
    assert all(c.count() == 1 for c in view.combos.values())  # "All ..." only
    assert view.city_filter.currentText() == view.tr("All cities")
    # a key on the closed filter opens its menu, reading the choices first; Down then
    # Enter in the menu chooses the first city
    shown: list[list[str]] = []
    read = statements(core, lambda: in_menu(view.city_filter, Qt.Key.Key_Down, shown,
                                            Qt.Key.Key_Down, Qt.Key.Key_Return))
    assert read and shown == [[view.tr("All cities"), "تهران", "شیراز", "قم"]]
    assert view.city_filter.currentData() == "تهران"
    assert view.model.rowCount() == 2
    assert statements(core, lambda: view.city_filter.findData("قم")) == []  # read once
    # a data change makes the lists read again on their next use, keeping the choice
    core.contacts.create({"first_name": "نو", "last_name": "x", "city": "یزد"})
    view.refresh()
    assert view.city_filter.findData("یزد") > 0
    assert view.city_filter.currentData() == "تهران" and view.model.rowCount() == 2
    assert view.stage_filter.findData("customer") > 0


def test_list_cells_are_enabled_and_selectable_without_python(core, qapp) -> None:
    from PySide6.QtCore import QAbstractTableModel

    from crm_desktop.ui.qtmodels.contacts_model import contacts_model
    from crm_desktop.ui.qtmodels.record_model import RecordTableModel

    add_contacts(core, 2)
    model = contacts_model(core.contacts)
    model.set_query(ListQuery(sort=Sort("name")))
    flags = model.flags(model.index(1, 3))
    assert flags & Qt.ItemFlag.ItemIsEnabled and flags & Qt.ItemFlag.ItemIsSelectable
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(-1, 0)) == Qt.ItemFlag.NoItemFlags
    # Qt answers: the view asks every visible cell's flags on each repaint
    assert RecordTableModel.flags is QAbstractTableModel.flags


@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_a_list_opens_without_pop_up_lists_and_fills_a_filter_menu_when_opened(
        core, ops, settings, ui_lang, qtbot) -> None:
    """A combo box builds its hidden pop-up (a window, a list view, scroll bars) as soon as
    it is sized: the filters are buttons whose menu stays empty until it is opened."""
    from PySide6.QtWidgets import (
        QComboBox,
        QListView,
        QMenu,
        QScrollBar,
        QStyleOptionToolButton,
    )

    from crm_desktop.ui.views.contacts import ContactsView

    add_contacts(core, 4)
    view = ContactsView(core, ops, settings)
    qtbot.addWidget(view)
    view.resize(1280, 600)
    view.show()
    qtbot.waitExposed(view)
    # no list view (a combo's pop-up holds one), no scroll bar outside the table
    assert view.findChildren(QListView) == []
    assert view.findChildren(QComboBox) == []
    assert all(view.table.isAncestorOf(bar) for bar in view.findChildren(QScrollBar))
    assert len(view.combos) == 5
    # no menu either (a menu is a window of its own) until a button is pressed, and yet
    # each button draws its drop-down arrow
    assert view.findChildren(QMenu) == [] and all(b.menu() is None for b in view.combos.values())
    for button in view.combos.values():
        option = QStyleOptionToolButton()
        button.initStyleOption(option)
        assert option.features & QStyleOptionToolButton.ToolButtonFeature.HasMenu
    # a click opens the menu, made now with the choices; Escape closes it, changing nothing
    shown: list[list[str]] = []

    def click() -> None:
        in_menu(view.owner_filter, Qt.Key.Key_Space, shown, Qt.Key.Key_Escape)

    read = statements(core, click)
    assert read and len(shown) == 1 and shown[0][0] == view.tr("All owners")
    assert next(a.isChecked() for a in view.owner_filter.menu().actions() if a.isCheckable())
    assert view.owner_filter.currentIndex() == 0 and view.model.rowCount() == 4
    assert all(b.menu() is None for k, b in view.combos.items() if k != "owner_id")
    # opened again, it is neither read nor made again
    actions = view.owner_filter.menu().actions()
    assert statements(core, click) == [] and view.owner_filter.menu().actions() == actions
    # a chosen value names its filter and marks the button; clearing puts "All" back
    city = view.city_filter
    city.setCurrentIndex(city.findData("قم"))
    assert view.model.rowCount() == 1
    assert city.text() == "شهر: قم" and city.property("chosen") is True
    assert city.currentText() == "قم"
    view.clear_filters()
    assert city.text() == view.tr("All cities") and city.property("chosen") is False
    assert view.model.rowCount() == 4


def test_the_main_window_makes_each_view_inside_its_stack(core, controller, qapp) -> None:
    """A view made without a parent and moved into the window's stack afterwards is
    styled a second time, with all its children."""
    window = controller.window
    moves = _Moves()
    qapp.installEventFilter(moves)
    try:
        for key in ("companies", "tickets", "products", "settings"):
            window.view(key)
    finally:
        qapp.removeEventFilter(moves)
    moved_views = [m for m in moves.moved if m.endswith("View")]  # contactsView ...
    assert moved_views == [], moves.moved


@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_the_details_panels_sentence_is_laid_out_once_per_width(core, ops, settings,
                                                                ui_lang, qtbot,
                                                                monkeypatch) -> None:
    """A splitter and the layouts around a details panel ask its word-wrapped "choose a
    contact" sentence its height for a width again and again as the list opens (about
    thirty times): each width is laid out once."""
    from PySide6.QtWidgets import QLabel

    from crm_desktop.ui.views.contacts import ContactsView
    from crm_desktop.ui.widgets.wrapped_label import WrappedLabel

    asked: list[int] = []
    laid_out: list[int] = []
    ask, lay_out = WrappedLabel.heightForWidth, QLabel.heightForWidth

    def asking(self: Any, width: int) -> int:
        asked.append(width)
        return ask(self, width)

    def laying_out(self: Any, width: int) -> int:
        laid_out.append(width)
        return lay_out(self, width)

    monkeypatch.setattr(WrappedLabel, "heightForWidth", asking)
    monkeypatch.setattr(QLabel, "heightForWidth", laying_out)
    add_contacts(core, 3)
    show_list(ContactsView(core, ops, settings), qtbot, paint=True)
    assert len(asked) > 10  # (what the layouts ask: more than the widths they try)
    assert sorted(laid_out) == sorted(set(asked)), (asked, laid_out)


def test_a_wrapped_label_lays_out_again_what_changes_its_height(qtbot) -> None:
    from PySide6.QtGui import QFont

    from crm_desktop.ui.widgets.wrapped_label import WrappedLabel

    label = WrappedLabel("یک مخاطب را از فهرست انتخاب کنید")
    qtbot.addWidget(label)
    one = label.heightForWidth(120)
    assert label.heightForWidth(120) == one and label.heightForWidth(2000) < one
    label.setText(label.text() * 3)
    three = label.heightForWidth(120)
    assert three > one
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    label.setFont(font)  # (a change event)
    assert label.heightForWidth(120) > three
    taller = label.heightForWidth(120)
    label.setContentsMargins(0, 20, 0, 20)
    assert label.heightForWidth(120) == taller + 40
    label.setMargin(10)
    assert label.heightForWidth(120) > taller + 40
    label.setWordWrap(False)
    assert label.heightForWidth(120) < taller
    label.clear()
    assert label.heightForWidth(120) < taller


@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_a_list_opens_without_the_chip_of_a_filter_from_elsewhere(core, ops, settings,
                                                                    ui_lang, qtbot) -> None:
    """The removable chip that names a filter set from elsewhere is made when one is first
    set: a list opens without it, and then it stands, and Tab reaches it, right after the
    filter buttons, its × after it."""
    from crm_desktop.ui.views.contacts import ContactsView
    from crm_desktop.ui.widgets.filter_chip import FilterChip

    add_contacts(core, 3)
    view = show_list(ContactsView(core, ops, settings), qtbot)
    assert view.findChildren(FilterChip) == []
    view.clear_filters()  # (drops a chip, if there were one: makes none)
    assert view.findChildren(FilterChip) == []
    view.show_filtered({"source": "website"}, "منبع: وبسایت")
    chip = view.drill_chip
    assert view.findChildren(FilterChip) == [chip] and chip.isVisible()
    assert view.model.rowCount() == 0
    bar = view.layout().itemAt(0).layout()
    assert bar.indexOf(chip) == bar.indexOf(view.segment_filter) + 1
    tabbing = []
    widget = view.search_box
    while widget is not view.table:
        widget = widget.nextInFocusChain()
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            tabbing.append(widget)
    assert tabbing[:7] == [*view.combos.values(), chip, chip.remove_button], tabbing
    chip.remove_button.click()
    assert chip.isHidden() and view.model.rowCount() == 3
    assert view.drill_chip is chip  # made once


def test_the_contact_list_opens_and_shows_without_an_orm_session(core, ops, settings, ui_lang,
                                                                  qtbot) -> None:
    """Opening the contact list reads its count, its first page and the club's settings
    (whether the tier column shows) each as one statement: an ORM session (its transaction,
    its result objects) cost the opening more than the reading itself."""
    from sqlalchemy.orm import Session

    from crm_desktop.ui.views.contacts import ContactsView

    add_contacts(core, 3)
    core.club.set_settings({"enabled": True})
    begun: list[object] = []

    def hook(session: Any, _transaction: Any, _connection: Any) -> None:
        begun.append(session)

    event.listen(Session, "after_begin", hook)
    try:
        # made, then shown (its first show reads the club's settings)
        ran = statements(core, lambda: begun.append(view := ContactsView(core, ops, settings))
                         or view.showEvent(QShowEvent()))
    finally:
        event.remove(Session, "after_begin", hook)
    view = next(v for v in begun if isinstance(v, ContactsView))
    qtbot.addWidget(view)
    assert [v for v in begun if not isinstance(v, ContactsView)] == []
    assert any("FROM settings" in sql for sql, _ in ran)  # the club's settings were read
    tier = [c.key for c in view.model.columns].index("tier")
    assert not view.table.isColumnHidden(tier)  # and say the club is on


class _TitlesMeasured:
    """The lists' column-titles header, noting each title it measures (its size from its
    contents: a text layout under the style sheet)."""

    def __init__(self) -> None:
        from crm_desktop.ui.widgets.titles_header import TitlesHeader

        measured = self.measured = []

        class Header(TitlesHeader):
            def sectionSizeFromContents(self, logical: int) -> QSize:
                measured.append(logical)
                return super().sectionSizeFromContents(logical)

        self.header = Header


@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_building_the_contact_list_measures_no_column_title(core, ops, settings, ui_lang,
                                                            qtbot, monkeypatch) -> None:
    """Setting the model and moving the tier column beside the stage each had the table
    measure every column title for the header's height (eighteen text layouts as the
    list opens, before the style sheet's polish changes the font anyway): the titles are
    measured when the view is first shown, and the header shows them as before."""
    from crm_desktop.ui.views import record_list
    from crm_desktop.ui.views.contacts import ContactsView

    titles = _TitlesMeasured()
    monkeypatch.setattr(record_list, "TitlesHeader", titles.header)
    add_contacts(core, 3)
    view = ContactsView(core, ops, settings)
    qtbot.addWidget(view)
    assert titles.measured == []
    keys = [c.key for c in view.model.columns]
    header = view.table.horizontalHeader()
    assert header.visualIndex(keys.index("tier")) == header.visualIndex(
        keys.index("lifecycle_stage")) + 1
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    assert titles.measured and header.isVisible() and header.height() > 10
    assert view.table.viewport().geometry().top() >= header.geometry().bottom()
