"""Settings > Display: the theme (follow the system, light or dark) and the text size,
remembered in desktop.ini with the other desktop preferences and applied at once."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QWidget

from crm_desktop.ui.theme import palette
from crm_desktop.ui.ui_settings import UiSettings


class DisplaySettings(QGroupBox):
    def __init__(self, settings: UiSettings, parent: QWidget | None = None):
        super().__init__(self.tr("Display"), parent)
        self.setObjectName("displaySettings")
        self.settings = settings
        self.theme = QComboBox()
        self.theme.setObjectName("themeChoice")
        for key, text in (("system", self.tr("Same as the system")),
                          ("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            self.theme.addItem(text, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.text_size = QComboBox()
        self.text_size.setObjectName("textSizeChoice")
        for key, text in (("normal", self.tr("Normal")), ("large", self.tr("Large")),
                          ("larger", self.tr("Larger"))):
            self.text_size.addItem(text, key)
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(settings.text_size)))
        self.theme.currentIndexChanged.connect(self._changed)
        self.text_size.currentIndexChanged.connect(self._changed)
        form = QFormLayout(self)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Text size"), self.text_size)

    def _changed(self) -> None:
        self.settings.theme = self.theme.currentData()
        self.settings.text_size = self.text_size.currentData()
        palette.change(self.settings.theme, self.settings.text_size)
