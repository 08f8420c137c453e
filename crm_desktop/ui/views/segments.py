"""Customer segments (RFM): how many contacts each segment holds and its share of the
revenue in the window, the window itself (a setting), when the figures were computed, and
a button that computes them again for every contact (services/rfm.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.ui import display
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.segments_model import SegmentsModel
from crm_desktop.ui.theme import icons
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.widgets.chip_delegate import decorate_table

#: tables whose changes can move the figures (the page then says they may be out of date)
WATCHES = ("contact_rfm", "settings")


class SegmentsPage(QWidget):
    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("segmentsPage")
        self.core = core
        self.ops = ops
        self.settings = settings

        title = QLabel(self.tr("Customer segments (RFM)"))
        title.setObjectName("segmentsTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        self.about = QLabel()
        self.about.setObjectName("segmentsWindow")
        self.about.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("segmentsComputedAt")
        self.status.setWordWrap(True)
        self.recompute_button = QPushButton(self.tr("Recompute"))
        self.recompute_button.setObjectName("recomputeSegments")
        self.recompute_button.setToolTip(self.tr(
            "Compute every contact's recency, frequency and money again from won deals and "
            "accepted proformas"))
        icons.dress(self.recompute_button, "refresh", primary=True)
        self.recompute_button.clicked.connect(self.recompute)

        self.model = SegmentsModel(self)
        self.table = QTableView()
        self.table.setObjectName("segmentsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        decorate_table(self.table)  # the record lists' look; figures on one side
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        top = QHBoxLayout()
        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(self.about)
        words.addWidget(self.status)
        top.addLayout(words, 1)
        top.addWidget(self.recompute_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        years = self.core.rfm.window_years()
        self.about.setText(self.tr(
            "Purchases (won deals and accepted proformas) of the last %Ln year(s): how "
            "recently, how often and how much each contact bought, scored 1 to 5 by "
            "quintile. The window is set in Settings > Marketing.", "", years))
        when = self.core.rfm.computed_at()
        if when is None:
            self.status.setText(self.tr("Not computed yet: press Recompute."))
        else:
            self.status.setText(display.fill(self.tr("Computed on {when}."),
                                             when=display.jalali(when)))
        self.model.set_rows(self.core.rfm.sizes(), self.core.settings.display_unit)

    def recompute(self) -> None:
        """Every contact's figures computed again (about a second at 100,000 contacts),
        with the busy cursor and the button off while it runs."""
        self.recompute_button.setEnabled(False)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.ops.run(self, self.core.rfm.recompute, changes=["contact_rfm"])
        finally:
            QGuiApplication.restoreOverrideCursor()
            self.recompute_button.setEnabled(True)

    def on_changed(self, tables: list[str]) -> None:
        if not tables or set(tables) & {*WATCHES, "deals", "proformas", "contacts"}:
            self.refresh()
