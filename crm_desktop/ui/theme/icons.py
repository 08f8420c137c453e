"""Icons: one-colour SVGs (Tabler icons, MIT, resources/icons) tinted at paint time to the
theme's text colour (or another colour token), with a disabled variant, cached per name,
size and colour, and mirrored in a right-to-left window when they point somewhere
(arrows, chevrons)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton

from crm_desktop.resources import resource_path
from crm_desktop.ui.theme import palette

#: icons that point a way: drawn mirrored in a right-to-left window
DIRECTIONAL_PREFIXES = ("arrow-", "chevron", "layout-sidebar-left-")

# (name, width, height, colour, mirrored, device pixel ratio) -> pixmap
_cache: dict[tuple[str, int, int, str, bool, float], QPixmap] = {}


def icon_path(name: str):  # -> Path
    return resource_path("icons", f"{name}.svg")


@cache
def _svg(name: str) -> str:
    return icon_path(name).read_text(encoding="utf-8")


def is_directional(name: str) -> bool:
    return name.startswith(DIRECTIONAL_PREFIXES)


def render(name: str, size: QSize, color: QColor, *, mirrored: bool = False,
           ratio: float = 1.0) -> QPixmap:
    """The icon drawn in one colour (cached)."""
    key = (name, size.width(), size.height(), color.name(QColor.NameFormat.HexArgb), mirrored,
           ratio)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    svg = _svg(name).replace("currentColor", color.name(QColor.NameFormat.HexRgb))
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QImage(size * ratio, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if color.alpha() < 255:
        painter.setOpacity(color.alphaF())
    renderer.render(painter, QRect(QPoint(0, 0), image.size()))
    painter.end()
    if mirrored:
        image = image.flipped(Qt.Orientation.Horizontal)
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    _cache[key] = pixmap
    return pixmap


def _color_for(mode: QIcon.Mode, token: str | None) -> QColor:
    if mode == QIcon.Mode.Disabled:
        return palette.token("text_disabled")
    if token is not None:
        return palette.token(token)
    if mode == QIcon.Mode.Selected:
        return QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText)
    return QGuiApplication.palette().color(QPalette.ColorRole.Text)


class TintedIconEngine(QIconEngine):
    """Paints an SVG icon in the colour of the theme in use at paint time."""

    def __init__(self, name: str, token: str | None = None):
        super().__init__()
        self.name = name
        self.token = token

    def _mirrored(self) -> bool:
        return (is_directional(self.name)
                and QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return render(self.name, size, _color_for(mode, self.token), mirrored=self._mirrored())

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        return render(self.name, size, _color_for(mode, self.token), mirrored=self._mirrored(),
                      ratio=max(1.0, scale))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, render(self.name, rect.size(), _color_for(mode, self.token),
                                        mirrored=self._mirrored(), ratio=max(1.0, ratio)))

    # No actualSize or isNull: Qt's own answers (the size asked for; not null) are this
    # engine's, and a Python override is called each time a button or field asks.

    def clone(self) -> QIconEngine:
        return TintedIconEngine(self.name, self.token)

    def key(self) -> str:
        return "crm-tinted-svg"


@cache
def _shipped(name: str) -> bool:
    return icon_path(name).is_file()  # (looked up once: every list opening asks again)


def icon(name: str, token: str | None = None) -> QIcon:
    """An icon tinted to the theme's text colour, or to the colour token `token`."""
    if not _shipped(name):
        raise FileNotFoundError(f"icon {name!r} is not in resources/icons")
    return QIcon(TintedIconEngine(name, token))


def clear_cache() -> None:
    _cache.clear()


def dress(button: QAbstractButton, name: str, *, danger: bool = False,
          primary: bool = False) -> QAbstractButton:
    """Give a button its icon; `danger` makes a destructive action look destructive and
    `primary` marks the main action (both styled by the style sheet's property selectors)."""
    token = "danger" if danger else "text_on_accent" if primary else None
    button.setIcon(icon(name, token))
    if danger:
        button.setProperty("danger", True)
    if primary:
        button.setProperty("primary", True)
    return button
