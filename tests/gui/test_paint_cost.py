"""What painting a list's cells and showing a dialog cost, counted (not timed): the roles a
chip asks for, how often it lays out and draws, and which events pass through the screen
fitter."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPalette,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOptionViewItem, QTableView, QWidget


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


def test_a_chip_is_elided_only_in_a_cell_narrower_than_its_text(qtbot, monkeypatch) -> None:
    """Eliding lays the text out again: a chip whose text fits (its cell is wider than the
    chip) draws it as it is."""
    from PySide6.QtGui import QFontMetrics

    from crm_desktop.ui.widgets.chip_delegate import ChipDelegate

    elided: list[str] = []
    original = QFontMetrics.elidedText

    def counted(self: Any, text: str, *args: Any) -> str:
        shown = original(self, text, *args)
        elided.append(shown)
        return shown

    monkeypatch.setattr(QFontMetrics, "elidedText", counted)
    model = _Roles()
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    delegate = ChipDelegate(lambda _index: "success", table)
    _paint_cells(table, delegate, model, 1)  # 120 pixels: room enough
    assert elided == [] and len(delegate._chips) == 1
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 40, 30)  # narrower than the text
    option.font = table.font()
    option.fontMetrics = table.fontMetrics()
    option.widget = table
    pixmap = QPixmap(QSize(40, 30))
    painter = QPainter(pixmap)
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    assert len(elided) == 1 and elided[0] != "مشتری", elided


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


def test_an_icon_answers_its_size_and_whether_it_is_null_without_python(qapp) -> None:
    """Buttons and fields ask their icon its size and whether it is null as they are laid
    out and painted: Qt answers (the size asked for; not null), as the tinted icons would."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon, QIconEngine

    from crm_desktop.ui.theme import icons

    for method in ("actualSize", "isNull"):
        assert getattr(icons.TintedIconEngine, method) is getattr(QIconEngine, method), method
    icon = icons.icon("search")
    assert not icon.isNull()
    assert icon.actualSize(QSize(20, 20)) == QSize(20, 20)
    assert icon.actualSize(QSize(16, 16), QIcon.Mode.Disabled) == QSize(16, 16)


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


# -- chips: what a chip cell asks of Qt ------------------------------------------------------
class _CountingStyle(QProxyStyle):
    """Notes each cell the style is asked to draw (CE_ItemViewItem)."""

    def __init__(self) -> None:
        super().__init__("Fusion")
        self.cells: list[int] = []

    def drawControl(self, element: Any, option: Any, painter: Any, widget: Any = None) -> None:
        if element == QStyle.ControlElement.CE_ItemViewItem:
            self.cells.append(option.rect.y())
        super().drawControl(element, option, painter, widget)


def test_a_chip_cell_asks_the_style_only_for_a_selection_or_focus(qtbot) -> None:
    """Under a chip the style draws nothing but a selection, a focus frame or a hover: a
    list's other chips are one picture each, without the style's drawing of the cell."""
    from crm_desktop.ui.widgets.chip_delegate import ChipDelegate

    model = QStandardItemModel(6, 1)
    for row in range(6):
        model.setItem(row, 0, QStandardItem("مشتری"))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    style = _CountingStyle()
    table.setStyle(style)
    table.setItemDelegate(ChipDelegate(lambda _index: "success", table))
    table.setCurrentIndex(model.index(2, 0))  # selected and current
    table.resize(300, 400)
    table.grab()
    assert style.cells == [table.visualRect(model.index(2, 0)).y()], style.cells


class _Cells(QStandardItemModel):
    """A list model's surface (`columns`, `row_data`) noting the cells asked for data."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        from crm_desktop.ui.qtmodels.record_model import Column

        super().__init__(len(rows), 2)
        self.columns = [Column("full_name", "Name"), Column(
            "lifecycle_stage", "Stage", text=lambda r: {"customer": "مشتری"}.get(
                r["lifecycle_stage"], r["lifecycle_stage"]))]
        self.rows = rows
        self.asked: list[int] = []

    def row_data(self, row: int) -> dict[str, Any] | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self.asked.append(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.rows[index.row()]
            return self.columns[index.column()].display(row)
        return None


class _RecordCells(_Cells):
    """A record model: it says a row's text itself (`row_text`)."""

    def row_text(self, row: dict[str, Any], column: int) -> str:
        return self.columns[column].display(row)


def test_a_record_lists_chip_is_read_from_its_row_without_asking_the_model(qtbot) -> None:
    from crm_desktop.ui.widgets.chip_delegate import ChipDelegate, decorate_table

    model = _RecordCells([{"full_name": f"نفر {i}", "lifecycle_stage": "customer"}
                          for i in range(5)])
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    decorate_table(table, {"lifecycle_stage": ("lifecycle_stage", "lifecycle")})
    delegate = table.itemDelegateForColumn(1)
    assert isinstance(delegate, ChipDelegate)
    table.resize(400, 300)
    table.grab()
    assert model.asked and 1 not in model.asked  # the names asked, the stage column not
    assert delegate._chips and {k[0] for k in delegate._chips} == {"مشتری"}


class _OwnText(_Cells):
    """A model with `columns` and `row_data` whose `data` shows a column its own way (the
    campaign members' statuses), without `row_text`."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        shown = super().data(index, role)
        return f"«{shown}»" if role == Qt.ItemDataRole.DisplayRole else shown


def test_a_chip_shows_the_text_its_model_gives_the_cell(qtbot) -> None:
    from crm_desktop.ui.widgets.chip_delegate import decorate_table

    model = _OwnText([{"full_name": "نفر", "lifecycle_stage": "customer"}])
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    decorate_table(table, {"lifecycle_stage": ("lifecycle_stage", "lifecycle")})
    table.resize(400, 100)
    table.grab()
    assert {k[0] for k in table.itemDelegateForColumn(1)._chips} == {"«مشتری»"}


@pytest.fixture
def program_look(qapp) -> Any:
    """The program's look (style sheet, palette, font) put on the application for a test,
    and taken off again after it."""
    from crm_desktop.ui.theme import palette

    sheet, pal, font, style = qapp.styleSheet(), QPalette(qapp.palette()), qapp.font(), \
        qapp.style().name()
    qapp.setProperty("crmFusion", None)
    yield lambda theme: palette.apply(qapp, theme)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(pal)
    qapp.setFont(font)
    qapp.setStyle(style)
    for name in ("crmTheme", "crmTextSize", "crmFusion"):
        qapp.setProperty(name, None)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_skipping_the_styles_drawing_under_a_chip_changes_no_pixel(qtbot, program_look,
                                                                   theme: str) -> None:
    """What the style would draw in a chip cell that is not selected, current or hovered,
    under the program's style sheet, in either theme and on either row colour: nothing. So
    leaving it out changes no pixel of the list."""
    from crm_desktop.ui.widgets.chip_delegate import ChipDelegate

    program_look(theme)
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem("مشتری وفادار"))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.ensurePolished()
    delegate = ChipDelegate(lambda _index: "special", table)
    for features in (QStyleOptionViewItem.ViewItemFeature.None_,
                     QStyleOptionViewItem.ViewItemFeature.Alternate):
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 140, 32)
        option.font = table.font()
        option.fontMetrics = table.fontMetrics()
        option.palette = table.palette()
        option.widget = table
        option.features = features
        option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Active
        pictures = []
        for styled in (False, True):
            pixmap = QPixmap(QSize(140, 32))
            pixmap.fill(QColor("#123456"))
            painter = QPainter(pixmap)
            if styled:
                table.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option,
                                          painter, table)
            delegate.paint(painter, option, model.index(0, 0))
            painter.end()
            pictures.append(pixmap.toImage())
        assert pictures[0] == pictures[1], (theme, features)


def test_a_new_look_draws_the_chips_again(qtbot, program_look) -> None:
    """The chips are kept as pictures without asking Qt for the theme and the font at each
    paint: a look applied (theme, text size) draws them anew."""
    from crm_desktop.ui.widgets.chip_delegate import ChipDelegate

    program_look("light")
    model = _Roles()
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    delegate = ChipDelegate(lambda _index: "success", table)
    drawn: list[str] = []
    original = delegate._draw

    def counted(*args: Any) -> Any:
        drawn.append(str(args[2]))
        return original(*args)

    delegate._draw = counted  # type: ignore[method-assign]
    _paint_cells(table, delegate, model, 3)
    assert len(drawn) == 1
    program_look("dark")
    _paint_cells(table, delegate, model, 3)
    assert len(drawn) == 2
    dark = delegate._chips[next(iter(delegate._chips))].picture.toImage()
    program_look("light")
    _paint_cells(table, delegate, model, 1)
    assert len(drawn) == 3
    assert delegate._chips[next(iter(delegate._chips))].picture.toImage() != dark
