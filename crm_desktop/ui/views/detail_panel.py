"""The one shape of every details panel beside a list (contact, company, ticket, product):
an empty state until a record is chosen, then the record's page: a title, chips (stage,
status, priority), the actions, a form of values, and the timeline lists (history,
comments, people, deals)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.ui import display
from crm_desktop.ui.widgets.wrapped_label import WrappedLabel

if TYPE_CHECKING:
    from crm_desktop.ui.widgets.change_history import ChangeHistory

#: how much larger than the body text a panel's title is
TITLE_SCALE = 1.4
#: what an empty value shows
NO_VALUE = "—"


def title_label(object_name: str, base: QFont) -> QLabel:
    """A record's title: bold, `TITLE_SCALE` times the body text, wrapped."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    font = QFont(base)
    font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
    font.setBold(True)
    label.setFont(font)
    return label


def add_value_rows(form: QFormLayout, fields: Iterable[tuple[str, str]]) -> dict[str, QLabel]:
    """Rows of read-only values: (key, label) pairs, each value a selectable label named
    `value_<key>` standing on the reading side of the form; returns the labels by key."""
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading)
    values: dict[str, QLabel] = {}
    for key, text in fields:
        value = QLabel()
        value.setObjectName(f"value_{key}")
        value.setWordWrap(True)
        value.setAlignment(display.value_alignment())
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        values[key] = value
        form.addRow(text, value)
    return values


class DetailPanel(QStackedWidget):
    """Page 0: the empty state; page 1: the record. Subclasses build their page with
    `add_chip`, `add_actions`, `add_values` and `add_list` (in the order they stand), then
    show a record with `load` and `set_values`."""

    def __init__(self, core: Core, parent: QWidget | None, *, name: str, empty_text: str,
                 title_name: str, lazy: bool = False):
        super().__init__(parent)
        self.setObjectName(name)
        self.core = core
        self.record_id: int | None = None
        self._title_name = title_name

        # (asked its height for a width dozens of times as the list around it opens)
        self.empty = WrappedLabel(empty_text)
        self.empty.setObjectName(f"{name}Empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(self.empty)

        self.values: dict[str, QLabel] = {}
        self.form: QFormLayout | None = None
        # a lazy panel makes its record page (`build`) when the first record is shown: a
        # list opens with nothing chosen, and the page's dozens of widgets cost its opening
        self.page: QWidget | None = None
        if not lazy:
            self._make_page()

    def _make_page(self) -> None:
        self.page = QWidget()
        self.page_layout = QVBoxLayout(self.page)
        self.title_label = title_label(self._title_name, self.font())
        self.page_layout.addWidget(self.title_label)
        self.chips = QHBoxLayout()
        self.page_layout.addLayout(self.chips)
        # on a low screen the record scrolls instead of squeezing its parts into each other
        self.scroll = QScrollArea()
        self.scroll.setObjectName(f"{self.objectName()}Scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.page)
        self.addWidget(self.scroll)

    def ensure_page(self) -> None:
        """The record page, made (with a lazy panel's `build`) the first time it is needed."""
        if self.page is None:
            self._make_page()
            self.build()

    def build(self) -> None:
        """A lazy panel's parts (`add_chip`, `add_actions`, `add_values`, `add_list`)."""

    # -- building -----------------------------------------------------------------------
    def add_chip(self, name: str) -> QLabel:
        """A status chip under the title (styled through its `chip` property)."""
        chip = QLabel()
        chip.setObjectName(name)
        chip.setProperty("chip", name)
        self.chips.addWidget(chip)
        return chip

    def add_actions(self, actions: Iterable[tuple[str, str, Callable[[], Any]]], *,
                    columns: int = 0) -> dict[str, QPushButton]:
        """Buttons (object name, text, slot) in a row, or a grid of `columns` columns."""
        layout: QBoxLayout | QGridLayout = QGridLayout() if columns else QHBoxLayout()
        buttons: dict[str, QPushButton] = {}
        for i, (name, text, slot) in enumerate(actions):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            if isinstance(layout, QGridLayout):
                layout.addWidget(button, i // columns, i % columns)
            else:
                layout.addWidget(button)
            buttons[name] = button
        if isinstance(layout, QHBoxLayout):
            layout.addStretch(1)
        self.page_layout.addLayout(layout)
        return buttons

    def add_values(self, fields: Iterable[tuple[str, str]], *, scroll: bool = True,
                   stretch: int = 1) -> QFormLayout:
        """The form of values: (key, label) pairs, each value a selectable label named
        `value_<key>`, standing on the reading side of the form."""
        holder = QWidget()
        form = QFormLayout(holder)
        self.values.update(add_value_rows(form, fields))
        if scroll:
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setFrameShape(QScrollArea.Shape.NoFrame)
            area.setWidget(holder)
            self.page_layout.addWidget(area, stretch)
        else:
            form.setContentsMargins(0, 0, 0, 0)
            self.page_layout.addWidget(holder)
        self.form = form
        return form

    def add_list(self, name: str, *, title: str | None = None, stretch: int = 1,
                 word_wrap: bool = False) -> tuple[QLabel, QStandardItemModel, QListView]:
        """A timeline list (history, comments, people, deals) with a section title."""
        heading = QLabel(title or "")
        font = QFont(self.font())
        font.setBold(True)
        heading.setFont(font)
        self.page_layout.addWidget(heading)
        model = QStandardItemModel(self)
        view = QListView()
        view.setObjectName(name)
        view.setModel(model)
        view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        view.setWordWrap(word_wrap)
        view.setUniformItemSizes(not word_wrap)
        self.page_layout.addWidget(view, stretch)
        return heading, model, view

    def add_history(self, entity: str) -> ChangeHistory:
        """The record's change history, folded at the bottom of the page (read only when
        opened); `show_history(record_id)` follows the record shown."""
        from crm_desktop.ui.widgets.change_history import ChangeHistory

        self.history = ChangeHistory(self.core, entity, self.page)
        self.page_layout.addWidget(self.history)
        return self.history

    @staticmethod
    def empty_entry(model: QStandardItemModel, text: str) -> None:
        """A list's empty state: one disabled line saying what will appear there."""
        model.clear()
        item = QStandardItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        model.appendRow(item)

    # -- showing ------------------------------------------------------------------------
    def load(self, record_id: int | None, fetch: Callable[[int], dict[str, Any]]
             ) -> dict[str, Any] | None:
        """The record `record_id` read with `fetch`, with its page shown; None (and the
        empty state) when there is none or it is gone."""
        self.record_id = record_id
        if record_id is None:
            self.setCurrentIndex(0)
            return None
        try:
            record = fetch(record_id)
        except NotFoundError:
            self.record_id = None
            self.setCurrentIndex(0)
            return None
        self.ensure_page()
        self.setCurrentIndex(1)
        return record

    def set_values(self, texts: Mapping[str, str]) -> None:
        for key, label in self.values.items():
            label.setText(texts.get(key) or NO_VALUE)
