"""English screens keep mixed Persian and Latin lines in order: every label built from
values that holds both directions isolates its values (Unicode FSI/LRI ... PDI)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QAbstractButton, QLabel, QListView, QWidget

from crm_desktop.services.base import ListQuery
from crm_desktop.ui import display

#: rows of each list or table read
ROWS = 30


def _shown(text: str) -> str:
    """The text a label shows (rich text without its markup)."""
    if "<" in text and ">" in text:
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _item_texts(view: QListView) -> list[str]:
    """The display texts of a list's first rows (a table's cell is one value: Qt gives it
    its own direction)."""
    model = view.model()
    if model is None:
        return []
    texts = []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model keeps its column count private: it has one
        columns = 1
    for row in range(min(model.rowCount(), ROWS)):
        for column in range(columns):
            value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                texts.append(value)
    return texts


def unisolated_labels(top: QWidget) -> list[str]:
    """Visible labels, buttons and item texts holding both directions with no isolate."""
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts = [_shown(widget.text())]
        elif isinstance(widget, QListView):  # timelines and lists of composed lines
            texts = _item_texts(widget)
        else:
            continue
        for text in texts:
            if display.unisolated_mix(text):
                found.append(f"{type(widget).__name__}#{widget.objectName()}: {text!r}")
    return found


def _views(window, qapp) -> list[str]:
    core = window.core
    problems = []
    first = {
        "contacts": core.contacts, "companies": core.accounts, "tickets": core.tickets,
        "products": core.products,
    }
    for key in window.section_keys():
        view = window.show_section(key)
        service = first.get(key)
        if service is not None and hasattr(view, "show_record"):
            rows = service.list(ListQuery(limit=1)).rows
            if rows:
                view.show_record(rows[0]["id"])
        qapp.processEvents()
        problems += [f"{key}: {p}" for p in unisolated_labels(window)]
    activities = window.show_section("activities")
    for mode in (1, 2):
        activities.set_mode(mode)
        qapp.processEvents()
        problems += [f"activities {mode}: {p}" for p in unisolated_labels(window)]
    return problems


@pytest.mark.parametrize("ui_lang", ["en"], indirect=True)
def test_no_english_label_mixes_directions_without_isolates(small_window, qapp) -> None:
    problems = _views(small_window, qapp)
    assert problems == [], "\n".join(problems)


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize("ui_lang", ["en"], indirect=True)
def test_no_english_dialog_label_mixes_directions_without_isolates(small_window, qapp,
                                                                   tmp_path) -> None:
    from crm_desktop.ui.dialogs.deal_page import DealPage
    from crm_desktop.ui.dialogs.proforma_dialog import ProformaDialog
    from crm_desktop.ui.dialogs.trash_dialog import TrashDialog
    from crm_desktop.ui.reminders import ReminderDialog

    core, ops = small_window.core, small_window.ops
    deal = core.deals.list(ListQuery(limit=1)).rows[0]["id"]
    proforma = core.proformas.list(ListQuery(limit=1)).rows[0]["id"]

    def reminders() -> QWidget:
        d = ReminderDialog(core, ops, small_window)
        d.add_rows(core.activities.list(ListQuery(filters={"state": "open"}, limit=3)).rows)
        return d

    problems = []
    for make in (lambda: DealPage(core, ops, deal, small_window),
                 lambda: ProformaDialog(core, ops, proforma, parent=small_window),
                 lambda: TrashDialog(core, ops, small_window), reminders):
        dialog = make()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        dialog.show()
        qapp.processEvents()
        problems += [f"{dialog.objectName()}: {p}" for p in unisolated_labels(dialog)]
        dialog.close()
        dialog.deleteLater()
    assert problems == [], "\n".join(problems)
