"""The frame of a record shown on a page of its own (a deal, a campaign): a large title,
a Close button, a refresh whenever one of the tables it shows changes, and a plain
sentence instead of the record when someone deleted it meanwhile."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from crm_desktop.core import Core
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.views.detail_panel import NO_VALUE, title_label


class RecordPage(QDialog):
    # tables whose change may alter what the page shows
    watches: frozenset[str] = frozenset()

    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.core = core
        self.ops = ops
        # the page's read-only values by key (add_value_rows)
        self.values: dict[str, QLabel] = {}

    def make_title(self, object_name: str) -> QLabel:
        self.title = title_label(object_name, self.font())
        return self.title

    def close_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            QCoreApplication.translate("RecordPage", "Close"))
        buttons.rejected.connect(self.reject)
        return buttons

    def start_watching(self) -> None:
        """Show the record now and again whenever a watched table changes."""
        self.ops.changed.connect(self.on_changed)
        self.refresh()

    def on_changed(self, tables: list[str]) -> None:
        if self.watches & set(tables):
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def show_values(self, texts: Mapping[str, str | None]) -> None:
        for key, label in self.values.items():
            label.setText(texts[key] or NO_VALUE)

    def show_gone(self, window_title: str, sentence: str) -> None:
        """The record no longer exists: say so and blank every value."""
        self.setWindowTitle(window_title)
        self.title.setText(sentence)
        for label in self.values.values():
            label.setText(NO_VALUE)
