"""Search everything (Ctrl+K): results grouped by kind as you type; Enter opens one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QFrame, QLineEdit, QListView, QVBoxLayout, QWidget

from crm_desktop.services.search import KINDS, SearchService
from crm_desktop.ui import display
from crm_desktop.ui.theme import icons

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
PER_KIND = 6


class GlobalSearch(QLineEdit):
    # (kind, record id) of the chosen result
    opened = Signal(str, int)

    def __init__(self, service: SearchService, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("globalSearch")
        self.setPlaceholderText(self.tr("Search contacts, companies, deals and tickets (Ctrl+K)"))
        self.addAction(icons.icon("search", "text_muted"), QLineEdit.ActionPosition.LeadingPosition)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(380)
        self._service = service
        self.results = QStandardItemModel(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self.open_current)

        self.popup = QFrame(self, Qt.WindowType.ToolTip)
        self.popup.setObjectName("globalSearchPopup")
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.list = QListView(self.popup)
        self.list.setObjectName("globalSearchResults")
        self.list.setModel(self.results)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.clicked.connect(self._open_index)
        layout = QVBoxLayout(self.popup)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.installEventFilter(self)

    def _kind_titles(self) -> dict[str, str]:
        return {"contact": self.tr("Contacts"), "account": self.tr("Companies"),
                "deal": self.tr("Deals"), "ticket": self.tr("Tickets")}

    def start(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def search_now(self) -> None:
        """Fill the results for the current text (grouped by kind, best first)."""
        self._timer.stop()
        self.results.clear()
        text = self.text().strip()
        # a few of each kind, so a common name does not hide the companies and tickets
        hits = [h for kind in KINDS for h in self._service.search(text, PER_KIND, (kind,))
                ] if text else []
        titles = self._kind_titles()
        first: QModelIndex | None = None
        for kind, title in titles.items():
            group = [h for h in hits if h.kind == kind]
            if not group:
                continue
            header = QStandardItem(title)
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: shown, never chosen
            header.setBackground(self.palette().alternateBase())
            bold = QFont(self.font())
            bold.setBold(True)
            header.setFont(bold)
            self.results.appendRow(header)
            for hit in group:
                label = display.isolate(hit.title) + (
                    f"   —   {display.isolate(display.digits(hit.subtitle))}"
                    if hit.subtitle else "")
                item = QStandardItem(label)
                item.setData(hit.kind, KIND_ROLE)
                item.setData(hit.id, ID_ROLE)
                item.setEditable(False)
                self.results.appendRow(item)
                if first is None:
                    first = item.index()
        if not hits and text:
            empty = QStandardItem(self.tr("Nothing found. Try fewer letters or another "
                                          "spelling."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.appendRow(empty)
        if first is not None:
            self.list.setCurrentIndex(first)
        self._show_popup(bool(text))

    def _show_popup(self, visible: bool) -> None:
        if not visible or not self.isVisible():
            self.popup.hide()
            return
        width = max(self.width(), 460)
        rows = min(self.results.rowCount(), 14)
        height = max(1, rows) * (self.list.sizeHintForRow(0) if rows else 24) + 8
        corner = self.mapToGlobal(QPoint(0, self.height()))
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            corner.setX(corner.x() + self.width() - width)
        self.popup.setGeometry(corner.x(), corner.y(), width, height)
        self.popup.show()

    def _move(self, step: int) -> None:
        row = self.list.currentIndex().row()
        for _ in range(self.results.rowCount()):
            row = (row + step) % max(1, self.results.rowCount())
            if self.results.item(row).flags() & Qt.ItemFlag.ItemIsSelectable:
                self.list.setCurrentIndex(self.results.index(row, 0))
                return

    def open_current(self) -> None:
        if self._timer.isActive():
            self.search_now()
        index = self.list.currentIndex()
        if index.isValid():
            self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        kind = index.data(KIND_ROLE)
        record_id = index.data(ID_ROLE)
        if kind is None:
            return
        self.popup.hide()
        self.opened.emit(str(kind), int(record_id))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down:
                self._move(1)
                return True
            if event.key() == Qt.Key.Key_Up:
                self._move(-1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.popup.hide()
                self.clear()
                return True
        if watched is self and event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(150, self.popup.hide)
        return super().eventFilter(watched, event)
