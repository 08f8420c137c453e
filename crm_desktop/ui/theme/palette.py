"""The theme applied to the application, once, at start-up (and again when the user picks
another theme or text size in Settings, or the operating system switches to dark while the
choice is "system"): the Fusion style (fitting dialogs to the screen), a QPalette filled
from the tokens, the style sheet and the font size."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from crm_desktop.ui.screen_fit import FittingStyle
from crm_desktop.ui.theme import stylesheet, tokens

# the application property that holds the theme in use ("light" or "dark")
_THEME_PROPERTY = "crmTheme"
_TEXT_SIZE_PROPERTY = "crmTextSize"
_FUSION_PROPERTY = "crmFusion"

_R = QPalette.ColorRole
_G = QPalette.ColorGroup

# how many times a look (theme, text size, font) was applied: what a painted widget drew
# in the look of before is drawn again when this changes (see `looks`)
_looks = 0


def system_theme() -> str:
    """What the operating system asks for: "dark" or "light" (Unknown counts as light)."""
    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def resolve(choice: str, system: str | None = None) -> str:
    """The theme to use for a Settings choice: "system" follows the operating system."""
    if choice in tokens.THEMES:
        return choice
    return system if system is not None else system_theme()


def build_palette(theme: str) -> QPalette:
    c = {name: QColor(value) for name, value in tokens.colors(theme).items()}
    p = QPalette()
    for role, name in ((_R.Window, "window"), (_R.WindowText, "text"), (_R.Base, "surface"),
                       (_R.AlternateBase, "surface_alt"), (_R.Text, "text"),
                       (_R.Button, "surface"), (_R.ButtonText, "text"),
                       (_R.Highlight, "selection"), (_R.HighlightedText, "selection_text"),
                       (_R.ToolTipBase, "tooltip"), (_R.ToolTipText, "tooltip_text"),
                       (_R.PlaceholderText, "text_muted"), (_R.Link, "link"),
                       (_R.LinkVisited, "link"), (_R.BrightText, "danger"),
                       (_R.Accent, "accent"), (_R.Light, "surface"), (_R.Midlight, "hover"),
                       (_R.Mid, "border"), (_R.Dark, "border"), (_R.Shadow, "border")):
        p.setColor(role, c[name])
    for role in (_R.WindowText, _R.Text, _R.ButtonText):
        p.setColor(_G.Disabled, role, c["text_disabled"])
    p.setColor(_G.Disabled, _R.Base, c["window"])
    p.setColor(_G.Disabled, _R.Button, c["window"])
    p.setColor(_G.Inactive, _R.Highlight, c["selection"])
    return p


def apply(app: QApplication, choice: str = "system", text_size: str = "normal") -> str:
    """Put a theme on the application; returns the theme used ("light" or "dark")."""
    if text_size not in tokens.TEXT_SIZES:
        text_size = "normal"
    theme = resolve(choice if choice in tokens.THEME_CHOICES else "system")
    # once a style sheet is set, app.style() is Qt's style-sheet proxy (its name is empty)
    if not app.property(_FUSION_PROPERTY):
        # Fusion, which also fits each dialog to its screen as it is first shown
        app.setStyle(FittingStyle("Fusion"))
        app.setProperty(_FUSION_PROPERTY, True)
    app.setPalette(build_palette(theme))
    font = QFont(app.font())
    font.setPointSizeF(tokens.font_size("body", text_size))
    app.setFont(font)
    app.setStyleSheet(stylesheet.build(theme, text_size))
    app.setProperty(_THEME_PROPERTY, theme)
    app.setProperty(_TEXT_SIZE_PROPERTY, text_size)
    global _looks
    _looks += 1
    return theme


def looks() -> int:
    """A number that changes each time a look (theme, text size, font) is applied: a widget
    that keeps pictures it drew (the chips of a list) draws them again when it changes,
    without asking Qt for the theme and the font at every paint."""
    return _looks


def current_theme() -> str:
    """The theme the application shows ("light" before any theme was applied)."""
    app = QApplication.instance()
    value = app.property(_THEME_PROPERTY) if app is not None else None
    return value if value in tokens.THEMES else "light"


def current_text_size() -> str:
    app = QApplication.instance()
    value = app.property(_TEXT_SIZE_PROPERTY) if app is not None else None
    return value if value in tokens.TEXT_SIZES else "normal"


def token(name: str) -> QColor:
    """A colour token of the theme in use, for painted widgets (chips, badges)."""
    return QColor(tokens.color(name, current_theme()))


class ThemeFollower(QObject):
    """Re-applies the theme when the operating system switches between light and dark and
    the user's choice is "system" (one per application, made by `install`)."""

    def __init__(self, app: QApplication, choice: str, text_size: str):
        super().__init__(app)
        self.setObjectName("themeFollower")
        self.app = app
        self.choice = choice
        self.text_size = text_size
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)

    def set_choice(self, choice: str, text_size: str) -> str:
        self.choice, self.text_size = choice, text_size
        return apply(self.app, choice, text_size)

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == "system":
            apply(self.app, self.choice, self.text_size)


def install(app: QApplication, choice: str, text_size: str) -> ThemeFollower:
    """Apply the user's theme and keep following the system (called once, in app.py)."""
    follower = app.findChild(ThemeFollower, "themeFollower")
    if follower is None:
        follower = ThemeFollower(app, choice, text_size)
    follower.set_choice(choice, text_size)
    return follower


def change(choice: str, text_size: str) -> str:
    """Settings changed the theme or the text size: apply it now."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return install(app, choice, text_size).set_choice(choice, text_size)
