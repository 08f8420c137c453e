"""What showing a list for the first time costs, counted (not timed): how often its column
titles are measured, and that the header still follows what changes their size."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QStandardItemModel
from PySide6.QtWidgets import QTableView

from crm_desktop.ui.widgets.titles_header import TitlesHeader
from tests.gui.test_list_open_cost import show_list


class _Counting(TitlesHeader):
    measured: list[int]

    def sectionSizeFromContents(self, logical: int) -> QSize:
        self.measured.append(logical)
        return super().sectionSizeFromContents(logical)


def _counting_header() -> tuple[type[_Counting], list[int]]:
    measured: list[int] = []

    class Header(_Counting):
        pass

    Header.measured = measured
    return Header, measured


@pytest.mark.qt_log_ignore(r"This plugin does not support")
def test_the_contact_list_measures_each_title_once_as_it_is_first_shown(
        core, ops, settings, ui_lang, qtbot, monkeypatch) -> None:
    """Each resize of a column (the stretched last one, two or three times as the window
    settles) made Qt measure every title again for the header's height: 24 text layouts
    for 8 titles. A width never changes a title's height: each is measured once."""
    from crm_desktop.ui.views import record_list
    from crm_desktop.ui.views.contacts import ContactsView

    header_class, measured = _counting_header()
    monkeypatch.setattr(record_list, "TitlesHeader", header_class)
    core.contacts.create({"first_name": "سارا", "last_name": "احمدی", "city": "قم"})
    view = show_list(ContactsView(core, ops, settings), qtbot, paint=True)
    header = view.table.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert sorted(measured) == shown, measured
    assert header.height() > 10
    assert view.table.viewport().geometry().top() >= header.geometry().bottom()
    # resizing the window and a column measures nothing again
    del measured[:]
    view.resize(1100, 700)
    header.resizeSection(shown[0], 200)
    qtbot.wait(1)
    assert measured == []


def test_the_header_measures_again_when_its_font_titles_or_columns_change(qtbot) -> None:
    header_class, measured = _counting_header()
    model = QStandardItemModel(2, 3)
    model.setHorizontalHeaderLabels(["یک", "دو", "سه"])
    table = QTableView()
    qtbot.addWidget(table)
    header: Any = header_class(Qt.Orientation.Horizontal, table)
    table.setHorizontalHeader(header)
    table.setModel(model)
    assert header.sectionsClickable() and header.highlightSections()  # as a table's own
    first = header.sizeHint()
    assert sorted(measured) == [0, 1, 2]
    header.resizeSection(1, 300)
    assert header.sizeHint() == first and len(measured) == 3  # widths change no height

    def measured_again(change: Any) -> bool:
        del measured[:]
        change()
        header.sizeHint()
        return bool(measured)

    big = QFont(header.font())
    big.setPointSize(big.pointSize() * 3)
    assert measured_again(lambda: header.setFont(big))
    assert header.sizeHint().height() > first.height()
    assert measured_again(lambda: model.setHorizontalHeaderLabels(["یک\nدو", "دو", "سه"]))
    assert measured_again(lambda: table.setColumnHidden(2, True))
    assert measured_again(lambda: model.insertColumn(0))
    other = QStandardItemModel(1, 2)
    assert measured_again(lambda: table.setModel(other))
    assert measured_again(lambda: other.setHeaderData(0, Qt.Orientation.Horizontal, "x"))
    del measured[:]
    model.setHorizontalHeaderLabels(["a", "b", "c", "d"])  # no longer its model
    header.sizeHint()
    assert measured == []
