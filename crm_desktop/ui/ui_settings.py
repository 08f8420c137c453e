"""What the desktop remembers between runs (language, window geometry, column widths, the
last view), in an ini file in the user data folder. Read when asked, never at import."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from crm_desktop import config

LANGUAGES = ("fa", "en")


class UiSettings:
    def __init__(self, settings: QSettings | None = None):
        self._s = settings or QSettings(str(config.user_data_dir() / "desktop.ini"),
                                        QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        value = str(self._s.value("language", "fa"))
        return value if value in LANGUAGES else "fa"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(value)
        self._s.setValue("language", value)
        self._s.sync()

    def state(self, key: str) -> QByteArray | None:
        value = self._s.value(f"state/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self._s.setValue(f"state/{key}", value)

    def value(self, key: str, default: Any = None) -> Any:
        return self._s.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self._s.setValue(key, value)

    def sync(self) -> None:
        self._s.sync()
