"""The one place widgets ask which language the application runs in."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def is_persian() -> bool:
    """True when the application's default locale (set once at start-up) is Persian."""
    return QLocale().language() == QLocale.Language.Persian


def ui_lang() -> str:
    """The language code that crm_desktop.text.messages expects: "fa" or "en"."""
    return "fa" if is_persian() else "en"
