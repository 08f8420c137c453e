"""Windows and dialogs sized to the screen they open on: a preferred size is a wish, the
screen's available geometry (without task bars and docks) is the limit. At 1366x768 the
main window, its status bar and every dialog's buttons stay on the screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QProxyStyle, QWidget

#: room left for the window frame and title bar the window system adds around a window
FRAME_MARGIN = QSize(16, 40)


def screen_of(widget: QWidget | None) -> QScreen | None:
    """The screen a widget is on (its window's, or its parent's before it is shown)."""
    candidate = widget
    while candidate is not None:
        handle = candidate.window().windowHandle()
        if handle is not None and handle.screen() is not None:
            return handle.screen()
        candidate = candidate.parentWidget()
    return QGuiApplication.primaryScreen()


def available(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen a window may use."""
    screen = screen_of(widget)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def limit(widget: QWidget | None = None) -> QSize:
    """The largest size a window's contents may take on that screen (frame excluded)."""
    area = available(widget).size()
    return QSize(max(320, area.width() - FRAME_MARGIN.width()),
                 max(240, area.height() - FRAME_MARGIN.height()))


def fitted(widget: QWidget, width: int, height: int) -> QSize:
    """`width` x `height` reduced to what the screen holds."""
    most = limit(widget)
    return QSize(min(width, most.width()), min(height, most.height()))


def resize(widget: QWidget, width: int, height: int) -> None:
    """Resize to the preferred size, or to the screen when that is smaller."""
    widget.resize(fitted(widget, width, height))


def shrink_to_screen(widget: QWidget) -> bool:
    """A window larger than its screen (a geometry saved on a bigger monitor, a dialog whose
    contents grew) is made to fit, and moved back onto the screen; True when it changed."""
    most = limit(widget)
    size = widget.size()
    smaller = QSize(min(size.width(), most.width()), min(size.height(), most.height()))
    changed = smaller != size
    if changed:
        widget.resize(smaller)
    area = available(widget)
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.left()), max(area.left(), area.right() + 1 - frame.width()))
    y = min(max(frame.y(), area.top()), max(area.top(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.x(), frame.y()) and widget.isWindow():
        widget.move(x, y)
        changed = True
    return changed


class ScreenFitter(QObject):
    """Fits a dialog to its screen as it is shown, whatever size its own code asked for:
    the event filter of each dialog (handed out by `FittingStyle`), or of the whole
    application where the program's style is not in use."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the cheap class test comes first (asking an event its type makes a Python enum,
        # which costs more than the test)
        if (isinstance(watched, QDialog) and event.type() == QEvent.Type.Show
                and watched.isWindow()):
            shrink_to_screen(watched)
        return False


_fitter: ScreenFitter | None = None
# install() was called: where the program's style is not in use, every event of the
# application passes the fitter
_installed = False
# a FittingStyle is the application's style (it hands the fitter to each dialog)
_styled = False


def fitter() -> ScreenFitter:
    global _fitter
    if _fitter is None:
        _fitter = ScreenFitter(QApplication.instance())
    return _fitter


class FittingStyle(QProxyStyle):
    """The program's style (Fusion under the style sheet) with one addition: every dialog it
    polishes, which Qt does before a dialog is first shown, gets the screen fitter as its
    event filter. An application-wide event filter would fit the same dialogs, but every
    event of the program (painting a list, moving the mouse) would pass through Python
    first: a tenth of the time it takes to open the contact list."""

    def polish(self, target: Any) -> None:  # QWidget, QApplication or QPalette
        if isinstance(target, QDialog):
            target.installEventFilter(fitter())  # once: Qt never adds a filter twice
        elif isinstance(target, QApplication):
            _use_style(target, True)
        super().polish(target)

    def unpolish(self, target: Any) -> None:
        if isinstance(target, QApplication):
            _use_style(target, False)
        super().unpolish(target)


def _use_style(app: QApplication, styled: bool) -> None:
    global _styled
    _styled = styled
    _choose(app)


def _choose(app: QApplication) -> None:
    if _styled:
        app.removeEventFilter(fitter())
    elif _installed:
        app.installEventFilter(fitter())


def install(app: QApplication) -> None:
    """Fit every dialog of `app` to its screen: through the program's style where it is in
    use (`FittingStyle`), otherwise through an application-wide event filter."""
    global _installed
    _installed = True
    _choose(app)
