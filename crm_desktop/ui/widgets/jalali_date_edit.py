"""A date field that is Jalali everywhere: typed as ۱۴۰۵/۰۹/۰۱ or picked from a Jalali calendar."""

from __future__ import annotations

import datetime as dt

import jdatetime
from PySide6.QtCore import QCalendar, QDate, QEvent, QLocale, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QWidget

from crm_desktop.domain import clock
from crm_desktop.text.jalali import format_jalali, parse_jalali
from crm_desktop.text.validate import DATE_MAX, DATE_MIN
from crm_desktop.ui.widgets.locale_util import is_persian
from crm_desktop.ui.widgets.validated_input import Error, ValidatedInput

# The Gregorian dates of the first and last day the Jalali conversion can represent.
EARLIEST_DATE: dt.date = jdatetime.date.min.togregorian()
LATEST_DATE: dt.date = jdatetime.date.max.togregorian()


def _as_date(d: dt.date) -> dt.date:
    """A plain date (a datetime loses its time); TypeError for anything else."""
    if isinstance(d, dt.datetime):
        return d.date()
    if not isinstance(d, dt.date):
        raise TypeError(f"expected a datetime.date, not {type(d).__name__}")
    return d


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


class _DateLineEdit(QLineEdit):
    """The text part: reports focus loss (before editingFinished) and popup keys."""

    focusLost = Signal()
    popupRequested = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.focusLost.emit()  # first, so editingFinished sees the canonical text
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            event.accept()
            self.popupRequested.emit()
            return
        super().keyPressEvent(event)


class JalaliDateEdit(ValidatedInput, QWidget):
    """A line edit for a Jalali date plus a button that opens a Jalali calendar popup.

    Accepts ۱۴۰۵/۰۹/۰۱, 1405/9/1, 1405-09-01 and Arabic-Indic digits; on Enter or focus-out
    the text is rewritten in the canonical form (Persian digits in the Persian UI, Latin digits
    otherwise). `date()` is the Gregorian `datetime.date`, or None when the field is empty or
    not valid. The `invalid` dynamic property of the line edit is set when editing ends on an
    invalid text, for style sheets (``QLineEdit[invalid="true"]``).
    """

    # The parsed date (datetime.date) or None, whenever it changes.
    dateChanged = Signal(object)
    # True/False whenever isValid() changes.
    validityChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, field_name: str = "date") -> None:
        super().__init__(parent)
        self.setObjectName("jalaliDateEdit")
        self._minimum: dt.date | None = None
        self._maximum: dt.date | None = None

        self._edit = _DateLineEdit(self)
        self._edit.setObjectName("jalaliDateLineEdit")
        self._setup_input(self._edit, field_name)
        self._edit.focusLost.connect(self._finish_editing)
        self._edit.popupRequested.connect(self.showPopup)

        self._button = QToolButton(self)
        self._button.setObjectName("jalaliDateButton")
        self._button.setArrowType(Qt.ArrowType.DownArrow)
        self._button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._button.clicked.connect(self.showPopup)

        self._calendar = QCalendarWidget(self)
        self._calendar.setObjectName("jalaliDateCalendar")
        self._calendar.setWindowFlags(Qt.WindowType.Popup)
        self._calendar.setCalendar(QCalendar(QCalendar.System.Jalali))
        self._calendar.setFirstDayOfWeek(Qt.DayOfWeek.Saturday)
        # Week numbers are ISO (Gregorian) weeks: meaningless next to Jalali months.
        self._calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
        )
        # Iran's weekend is Friday, whatever Qt's default (Saturday and Sunday) says.
        workday = self._calendar.weekdayTextFormat(Qt.DayOfWeek.Monday)
        weekend = self._calendar.weekdayTextFormat(Qt.DayOfWeek.Sunday)
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self._calendar.setWeekdayTextFormat(day, workday)
        self._calendar.setWeekdayTextFormat(Qt.DayOfWeek.Friday, weekend)
        self._calendar.clicked.connect(self._on_calendar_picked)
        self._calendar.activated.connect(self._on_calendar_picked)
        self._calendar.hide()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._edit, 1)
        layout.addWidget(self._button)
        self.setFocusProxy(self._edit)
        self.setFocusPolicy(self._edit.focusPolicy())
        self._retranslate()

    # ----------------------------------------------------------------- public API
    def date(self) -> dt.date | None:
        """The date (Gregorian `datetime.date`), or None when empty or not valid."""
        value: dt.date | None = self._current()
        return value

    def setDate(self, d: dt.date | None) -> None:
        """Show `d` in the canonical Jalali form; None empties the field."""
        if d is None:
            self._edit.setText("")
            return
        d = _as_date(d)
        if not EARLIEST_DATE <= d <= LATEST_DATE:
            raise ValueError(f"{d} cannot be shown as a Jalali date")
        self._edit.setText(format_jalali(d, persian=is_persian()))

    def clear(self) -> None:
        """Empty the field."""
        self.setDate(None)

    def text(self) -> str:
        """The text as typed."""
        return self._edit.text()

    def minimumDate(self) -> dt.date | None:
        return self._minimum

    def setMinimumDate(self, d: dt.date | None) -> None:
        """Dates before `d` are not valid (None: no limit)."""
        self._minimum = None if d is None else _as_date(d)
        self._reparse()

    def maximumDate(self) -> dt.date | None:
        return self._maximum

    def setMaximumDate(self, d: dt.date | None) -> None:
        """Dates after `d` are not valid (None: no limit)."""
        self._maximum = None if d is None else _as_date(d)
        self._reparse()

    def lineEdit(self) -> QLineEdit:
        return self._edit

    def calendarWidget(self) -> QCalendarWidget:
        """The popup calendar (Jalali, weeks starting on Saturday)."""
        return self._calendar

    def showPopup(self) -> None:
        """Open the calendar below the field, on the current date (or today)."""
        cal = self._calendar
        cal.setLocale(QLocale())  # month names and digits in the UI language
        cal.setLayoutDirection(self.layoutDirection())
        low = self._minimum or EARLIEST_DATE
        high = self._maximum or LATEST_DATE
        cal.setDateRange(_qdate(low), _qdate(max(low, high)))
        current = self._parsed or clock.today()
        cal.setSelectedDate(_qdate(min(max(current, low), max(low, high))))
        cal.adjustSize()
        cal.move(self._popup_position(cal.sizeHint().width(), cal.sizeHint().height()))
        cal.show()
        cal.setFocus(Qt.FocusReason.PopupFocusReason)

    def hidePopup(self) -> None:
        self._calendar.hide()

    # ----------------------------------------------------------------- internals
    def _popup_position(self, width: int, height: int) -> QPoint:
        """Below the field, aligned with its leading edge, kept on screen."""
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            pos = self.mapToGlobal(QPoint(self.width() - width, self.height()))
        else:
            pos = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen()
        if screen is None:
            return pos
        area: QRect = screen.availableGeometry()
        x = min(max(pos.x(), area.left()), area.right() - width + 1)
        y = pos.y()
        if y + height > area.bottom() + 1:  # no room below: open above
            y = self.mapToGlobal(QPoint(0, 0)).y() - height
        return QPoint(x, max(y, area.top()))

    def _on_calendar_picked(self, qdate: QDate) -> None:
        self._calendar.hide()
        self.setDate(qdate.toPython())
        self._edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def _parse(self, text: str) -> dt.date:
        return parse_jalali(text)

    def _canonical(self, value: dt.date) -> str:
        return format_jalali(value, persian=is_persian())

    def _refuse(self, value: dt.date) -> Error | None:
        return self._range_error(value)

    def _default_field_name(self) -> str:
        return "date"

    def _announce(self, value: dt.date | None) -> None:
        self.dateChanged.emit(value)

    def _validity_changed(self, valid: bool) -> None:
        self.validityChanged.emit(valid)

    def _range_error(self, d: dt.date) -> Error | None:
        low, high = self._minimum, self._maximum
        if (low is None or d >= low) and (high is None or d <= high):
            if DATE_MIN <= d <= DATE_MAX:
                return None
            low, high = low or DATE_MIN, high or DATE_MAX  # what the services accept
        elif high is None:
            return "date.order", {}
        # an open end is the services' limit: the message names only dates it accepts
        return "date.range", {
            "min": format_jalali(max(low or DATE_MIN, DATE_MIN), persian=False),
            "max": format_jalali(min(high, DATE_MAX), persian=False),
        }

    def _retranslate(self) -> None:
        self._edit.setPlaceholderText(self.tr("e.g. 1405/09/01"))
        self._edit.setAccessibleName(self.tr("Date"))
        self._button.setToolTip(self.tr("Choose the date from a calendar (Alt+Down)"))
        self._button.setAccessibleName(self.tr("Open calendar"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
