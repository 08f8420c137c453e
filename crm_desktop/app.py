"""Bootstrap of the desktop: QApplication, font, language, direction, translators, and the
controller that opens a database in a main window. Everything is set once, here."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# The core (SQLAlchemy, the models and the services the first window reads) is imported
# before PySide6: once PySide6 is loaded its import hook handles every later import, which
# made the core's imports about 130 ms slower and the process about 19 MB larger.
import crm_desktop.core
import crm_desktop.services.first_window  # noqa: F401

# isort: split

from PySide6.QtCore import QLibraryInfo, QLocale, QSize, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from crm_desktop import __version__, config
from crm_desktop.resources import resource_path, translations_dir
from crm_desktop.ui.theme.tokens import FONT_FAMILY, FONT_SIZES

if TYPE_CHECKING:
    from crm_desktop.ui.ui_settings import UiSettings

log = logging.getLogger(__name__)
FONT_FILES = ("Vazirmatn-Regular.ttf", "Vazirmatn-Medium.ttf", "Vazirmatn-Bold.ttf")
#: the app icon's sizes in resources/app-icon (made by packaging/icon/make_icons.py)
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
_translators: list[QTranslator] = []


def has_display() -> bool:
    """A window can be shown: not Linux, a display server, or a Qt platform chosen."""
    return not sys.platform.startswith("linux") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


#: Qt platforms that draw into memory only: a window there is never seen by anyone
INVISIBLE_PLATFORMS = frozenset({"offscreen", "minimal"})


def invisible_platform() -> str | None:
    """The invisible Qt platform chosen through QT_QPA_PLATFORM ("offscreen"), or None."""
    name = os.environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip().lower()
    return name if name in INVISIBLE_PLATFORMS else None


def ensure_platform() -> None:
    """Without a display Qt aborts; fall back to offscreen rendering instead."""
    if not has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def load_fonts(app: QApplication) -> str:
    families = set()
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
        else:
            log.warning("font %s could not be loaded", name)
    family = FONT_FAMILY if FONT_FAMILY in families else app.font().family()
    font = QFont(family)
    font.setPointSizeF(FONT_SIZES["body"])
    app.setFont(font)
    return family


def app_icon() -> QIcon:
    """The program's icon in every size it ships (each file read when first drawn)."""
    icon = QIcon()
    for size in APP_ICON_SIZES:
        path = resource_path("app-icon", f"crm-desktop-{size}.png")
        icon.addFile(str(path), QSize(size, size))
    return icon


def set_app_icon(app: QApplication) -> None:
    """Every window's icon, and the name that ties the windows to the desktop entry
    (crm-desktop.desktop: the icon in the Linux task bar, on Wayland too)."""
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("crm-desktop")


def set_language(app: QApplication, lang: str) -> None:
    """Locale, direction and translators for the whole program (called once)."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if lang == "fa":
        QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (("qtbase_fa", qt_dir), ("crm_desktop_fa", str(translations_dir()))):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _translators.append(translator)
            else:
                log.warning("translation %s not found in %s", name, folder)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def apply_theme(app: QApplication, settings: UiSettings, theme: str | None = None) -> str:
    """The look (Fusion, palette, style sheet, text size), set once here; `theme` overrides
    the user's choice (the screenshots command)."""
    from crm_desktop.ui.theme import palette

    palette.install(app, theme or settings.theme, settings.text_size)
    return palette.current_theme()


def create_application(lang: str | None = None, theme: str | None = None) -> QApplication:
    """The QApplication, with font, language, look and error handling set up."""
    from crm_desktop.ui.errors import install_excepthook
    from crm_desktop.ui.ui_settings import UiSettings

    ensure_platform()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("crm-desktop")
    app.setApplicationVersion(__version__)
    set_app_icon(app)
    load_fonts(app)
    settings = UiSettings()
    set_language(app, lang or settings.language)
    apply_theme(app, settings, theme)
    install_excepthook()
    from crm_desktop.ui import screen_fit

    screen_fit.install(app)
    return app


def run_gui(db_path: Path, *, demo: bool = False, lang: str | None = None,
            use_last: bool = False) -> int:
    """Open the program on a database; returns the exit code. `use_last` (no --db was
    given): the server database opened last, when the last one opened was a server."""
    from crm_desktop import startup_probe
    from crm_desktop.ui.controller import Controller

    app = create_application(lang)
    startup_probe.mark("qt")
    controller = Controller()
    target: Path | str = db_path
    if use_last and not demo and controller.settings.last_server:
        target = controller.settings.last_server
    if not controller.open(target, demo=demo):
        return 2
    if startup_probe.enabled():  # the bench: say when the window was usable, and quit
        assert controller.window is not None
        startup_probe.watch(controller.window, controller.window.current_view())
        code = app.exec()
        controller.close()
        return code
    return app.exec()


def default_database(demo: bool) -> Path:
    return config.demo_db_path() if demo else config.default_db_path()
