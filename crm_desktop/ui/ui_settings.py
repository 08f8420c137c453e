"""What the desktop remembers between runs (language, window geometry, column widths, the
last view), in an ini file in the user data folder. Read when asked, never at import."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from crm_desktop import config

LANGUAGES = ("fa", "en")
#: the theme: follow the operating system, or always light or dark (ui/theme/tokens.py)
THEME_CHOICES = ("system", "light", "dark")
#: how large text is drawn (ui/theme/tokens.py TEXT_SIZES)
TEXT_SIZES = ("normal", "large", "larger")


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

    def _choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = str(self._s.value(key, choices[0]))
        return value if value in choices else choices[0]

    def _set_choice(self, key: str, value: str, choices: tuple[str, ...]) -> None:
        if value not in choices:
            raise ValueError(value)
        self._s.setValue(key, value)
        self._s.sync()

    @property
    def last_server(self) -> str:
        """The server database opened last (postgresql://user@host:port/name, never a
        password), or "" when the last one opened was a file: the program opens it again
        when started without --db."""
        return str(self._s.value("database/last_server", "") or "")

    @last_server.setter
    def last_server(self, value: str) -> None:
        self._s.setValue("database/last_server", value)
        self._s.sync()

    @property
    def theme(self) -> str:
        return self._choice("display/theme", THEME_CHOICES)

    @theme.setter
    def theme(self, value: str) -> None:
        self._set_choice("display/theme", value, THEME_CHOICES)

    @property
    def text_size(self) -> str:
        return self._choice("display/text_size", TEXT_SIZES)

    @text_size.setter
    def text_size(self, value: str) -> None:
        self._set_choice("display/text_size", value, TEXT_SIZES)

    @property
    def sidebar_collapsed(self) -> bool:
        return str(self._s.value("display/sidebar_collapsed", "false")).lower() == "true"

    @sidebar_collapsed.setter
    def sidebar_collapsed(self, value: bool) -> None:
        self._s.setValue("display/sidebar_collapsed", "true" if value else "false")

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
