"""A record's own change history on its page (contact, company, deal, proforma, ticket):
folded under a button until opened, then read from core.audit_log.history and shown as
one entry per save ("when — who", then "field: old → new" per field). Nothing is read while
it is folded: a list opens, and a record is chosen, without paying for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView, QToolButton, QVBoxLayout, QWidget

from crm_desktop.core import Core
from crm_desktop.domain.errors import CrmError
from crm_desktop.ui import display
from crm_desktop.ui.theme import icons


class ChangeHistory(QWidget):
    def __init__(self, core: Core, entity: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.core = core
        self.entity = entity
        self.record_id: int | None = None
        self.setObjectName(f"changeHistory_{entity}")
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("changeHistoryToggle")
        self.toggle.setText(self.tr("Change history"))
        self.toggle.setToolTip(self.tr("Who changed this record, what and when"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        icons.dress(self.toggle, "history")
        self.toggle.toggled.connect(self._toggled)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.toggle)
        # made when first opened
        self.view: QListView | None = None
        self.model: QStandardItemModel | None = None
        self._stale = True

    def is_open(self) -> bool:
        return self.toggle.isChecked()

    def set_record(self, record_id: int | None) -> None:
        """Show `record_id`'s history (read now when open, else when next opened)."""
        self.record_id = record_id
        self._stale = True
        if self.is_open():
            self.load()

    def _toggled(self, on: bool) -> None:
        if on and self.view is None:
            self.model = QStandardItemModel(self)
            self.view = QListView(self)
            self.view.setObjectName("changeHistoryList")
            self.view.setModel(self.model)
            self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
            self.view.setUniformItemSizes(True)
            self.view.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
            self.layout_.addWidget(self.view, 1)
        if self.view is not None:
            self.view.setVisible(on)
        if on and self._stale:
            self.load()

    def load(self) -> None:
        """Read the record's history now."""
        from crm_desktop.ui.qtmodels.audit_model import change_lines, words

        if self.model is None:
            return
        self._stale = False
        self.model.clear()
        if self.record_id is None:
            return
        try:
            groups = self.core.audit_log.history(self.entity, self.record_id)
        except CrmError as exc:
            say = getattr(exc, "message", None)
            self._line(say("fa" if display.persian() else "en") if callable(say) else str(exc))
            return
        if not groups:
            self._line(self.tr("No changes recorded yet."))
            return
        # one line per entry: Qt lays a multi-line entry out as one paragraph in one
        # direction, which turns a Persian value on an English line around
        bold = QFont(self.font())
        bold.setBold(True)
        for group in groups:
            first = words(group["changes"][0])
            mark = "\u200f" if display.persian() else "\u200e"
            head = QStandardItem(f"{mark}{display.isolate(first['at'])} {mark}—{mark} "
                                 f"{display.isolate(first['user'])}")
            head.setFont(bold)
            head.setEditable(False)
            self.model.appendRow(head)
            for line in change_lines(group):
                item = QStandardItem("    " + line)
                item.setEditable(False)
                self.model.appendRow(item)

    def _line(self, text: str) -> None:
        assert self.model is not None
        item = QStandardItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.model.appendRow(item)

    def entries(self) -> list[str]:
        """The saves shown, each as its lines joined (for tests and screenshots)."""
        if self.model is None:
            return []
        out: list[str] = []
        for i in range(self.model.rowCount()):
            item = self.model.item(i)
            if item.font().bold() or not out:
                out.append(item.text())
            else:
                out[-1] += "\n" + item.text()
        return out
