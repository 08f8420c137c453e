"""What opening and scrolling a list costs, counted (not timed): the statements a list
view runs on open, how the city filter is read, how a window past the middle of the list is
found, and what the contact list builds and asks for when it opens and paints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView, QWidget
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


def add_contacts(core: Any, n: int) -> None:
    for i in range(n):
        core.contacts.create({"first_name": f"نفر{i:03d}", "last_name": "احمدی",
                              "city": ("تهران", "قم", "شیراز")[i % 3]})


def test_contacts_view_counts_once_on_open(core, ops, ui_lang, qtbot) -> None:
    from crm_desktop.ui.views.contacts import ContactsView

    add_contacts(core, 12)
    holder: list[Any] = []
    ran = statements(core, lambda: holder.append(ContactsView(core, ops, UiSettings())))
    qtbot.addWidget(holder[0])
    counts = [sql for sql, _ in ran if sql.startswith("SELECT count(*)")]
    assert len(counts) == 1, counts
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


class _Roles(QStandardItemModel):
    def __init__(self) -> None:
        super().__init__(1, 1)
        self.setItem(0, 0, QStandardItem("مشتری"))
        self.asked: list[int] = []

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self.asked.append(int(role))
        return super().data(index, role)


def _paint_cells(table: QTableView, delegate: Any, model: _Roles, times: int) -> None:
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 120, 30)
    option.font = table.font()
    option.fontMetrics = table.fontMetrics()
    option.widget = table
    pixmap = QPixmap(QSize(120, 30))
    painter = QPainter(pixmap)
    for _ in range(times):
        delegate.paint(painter, option, model.index(0, 0))
    painter.end()


def test_a_chip_paint_asks_for_its_text_only_and_lays_it_out_once(qtbot) -> None:
    from crm_desktop.ui.widgets.chip_delegate import ChipDelegate

    model = _Roles()
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    delegate = ChipDelegate(lambda _index: "success", table)
    laid_out: list[str] = []
    original = ChipDelegate.chip_rect

    def counted(self: Any, option: Any, text: str) -> Any:
        laid_out.append(text)
        return original(self, option, text)

    ChipDelegate.chip_rect = counted  # type: ignore[method-assign]
    try:
        _paint_cells(table, delegate, model, 5)
    finally:
        ChipDelegate.chip_rect = original  # type: ignore[method-assign]
    # one role per paint (not the dozen a styled item asks), and one layout for five paints
    assert set(model.asked) == {int(Qt.ItemDataRole.DisplayRole)}, model.asked
    assert laid_out == ["مشتری"]


class _CountingPainter(QPainter):
    """A painter noting which of its drawing calls a delegate makes."""

    def __init__(self, device: QPixmap) -> None:
        super().__init__(device)
        self.calls: list[str] = []

    def drawRoundedRect(self, *args: Any) -> None:
        self.calls.append("drawRoundedRect")
        super().drawRoundedRect(*args)

    def drawStaticText(self, *args: Any) -> None:
        self.calls.append("drawStaticText")
        super().drawStaticText(*args)

    def drawText(self, *args: Any) -> None:
        self.calls.append("drawText")
        super().drawText(*args)

    def drawPixmap(self, *args: Any) -> None:
        self.calls.append("drawPixmap")
        super().drawPixmap(*args)


def test_a_chip_is_drawn_once_and_then_copied(qtbot) -> None:
    """A screen of a list shows a few different chips many times over: each is drawn once
    (its antialiased rounded rectangle and its text) into a picture, and every paint of it
    copies the picture; another tone is another picture."""
    from crm_desktop.ui.widgets.chip_delegate import ChipDelegate

    model = _Roles()
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    tones = iter(["success"] * 5 + ["danger"] * 2)
    delegate = ChipDelegate(lambda _index: next(tones), table)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 120, 30)
    option.font = table.font()
    option.fontMetrics = table.fontMetrics()
    option.widget = table
    pixmap = QPixmap(QSize(120, 30))
    painter = _CountingPainter(pixmap)
    try:
        for _ in range(7):
            delegate.paint(painter, option, model.index(0, 0))
    finally:
        painter.end()
    assert painter.calls == ["drawPixmap"] * 7, painter.calls
    assert len(delegate._chips) == 2


def test_plain_cells_are_painted_without_python(qtbot) -> None:
    """The eliding delegate adds only the tooltip: painting a plain cell never calls back
    into Python (the table's elide mode does the eliding)."""
    from PySide6.QtWidgets import QStyledItemDelegate

    from crm_desktop.ui.widgets.chip_delegate import ElidingDelegate

    for method in ("paint", "initStyleOption", "sizeHint"):
        assert getattr(ElidingDelegate, method) is getattr(QStyledItemDelegate, method), method


def test_the_screen_fitter_asks_only_a_dialogs_events_their_type(qapp, qtbot) -> None:
    """Every event of the program passes through the screen fitter: for anything but a
    dialog it returns before asking the event its type (a Python enum made per event)."""
    from PySide6.QtWidgets import QDialog

    from crm_desktop.ui import screen_fit

    class Untouchable:
        def type(self) -> QEvent.Type:
            raise AssertionError("asked")

    fitter = screen_fit.ScreenFitter()
    widget = QWidget()
    qtbot.addWidget(widget)
    assert fitter.eventFilter(widget, Untouchable()) is False  # type: ignore[arg-type]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    asked = QEvent(QEvent.Type.Show)
    assert fitter.eventFilter(dialog, asked) is False


class _CountingFitter(QObject):
    """The screen fitter, noting the name of each object whose event passes through it."""

    def __init__(self) -> None:
        from crm_desktop.ui import screen_fit

        super().__init__()
        self.fitter = screen_fit.ScreenFitter()
        self.seen: list[str] = []  # names only: a kept wrapper of an object Qt deletes crashes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.seen.append(watched.objectName())
        return self.fitter.eventFilter(watched, event)


# showing a dialog on the offscreen platform logs that it cannot pass its size hints on
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_under_the_programs_style_only_dialogs_pass_through_the_screen_fitter(
        qapp, qtbot, small_screen) -> None:
    """The program's style hands the screen fitter to each dialog it polishes: the events
    of everything else (a list opening, painting, the mouse) never call into Python for it,
    and a dialog is still fitted to the screen as it is shown. Without the program's style
    (another style set by hand) every event passes the fitter again."""
    from PySide6.QtWidgets import QDialog, QLabel, QPushButton

    from crm_desktop.ui import screen_fit

    before, installed = qapp.style().name() or "fusion", screen_fit._installed
    kept = screen_fit.fitter()
    qapp.removeEventFilter(kept)
    counting = screen_fit._fitter = _CountingFitter()  # type: ignore[assignment]
    try:
        screen_fit.install(qapp)
        qapp.setStyle(screen_fit.FittingStyle("Fusion"))
        counting.seen.clear()  # (the style's own making passed the application's filter)
        widget = QWidget()
        qtbot.addWidget(widget)
        QLabel("نام", widget)
        QPushButton("ذخیره", widget).move(0, 40)
        widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        widget.show()
        widget.repaint()
        qapp.processEvents()
        assert counting.seen == []
        dialog = QDialog()
        dialog.setObjectName("tooLarge")
        qtbot.addWidget(dialog)
        dialog.resize(3000, 2000)  # larger than the 1366x728 the screen offers
        dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        dialog.show()
        assert counting.seen and set(counting.seen) == {"tooLarge"}, counting.seen
        assert small_screen.contains(dialog.frameGeometry()), dialog.frameGeometry()
        qapp.setStyle(before)
        counting.seen.clear()
        widget.update()
        qapp.processEvents()
        assert counting.seen  # another style: every event passes the fitter again
    finally:
        qapp.removeEventFilter(counting)
        screen_fit._fitter = kept
        screen_fit._installed = installed
        screen_fit._choose(qapp)


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
    # opening reads the count and nothing else: no city, tag or owner list
    selects = [sql for sql, _ in ran if not sql.startswith("BEGIN")]
    assert len(selects) == 1 and selects[0].startswith("SELECT count(*)"), ran
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
