"""The page of a section that is not built yet: friendly, never an error."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from crm_desktop.core import Core
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.base import BaseView


class PlaceholderView(BaseView):
    def __init__(self, title: str, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(core, ops, settings, parent)
        self.setObjectName("placeholderView")
        heading = QLabel(title)
        heading.setObjectName("placeholderTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        text = QLabel(self.tr("This section is on its way. Everything you record in contacts "
                              "and companies will be here when it arrives."))
        text.setObjectName("placeholderText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addStretch(2)
