"""An amount field: typed in Rial or Toman with any digits, always valued in integer Rials."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QStyle, QWidget

from crm_desktop.text.money import MoneyUnit, format_money, parse_money
from crm_desktop.ui.widgets.locale_util import is_persian
from crm_desktop.ui.widgets.validated_input import ValidatedInput

_UNIT_GAP = 4  # pixels between the text and the unit label, and from the frame


class MoneyEdit(ValidatedInput, QLineEdit):
    """A left-to-right amount field (right-aligned in the Persian UI) with the unit shown in it.

    Accepts ASCII, Persian and Arabic-Indic digits, thousands separators and a trailing unit
    word ("۵۰۰ تومان"); Toman allows one decimal ("123.4" Toman is 1234 Rials). On Enter or
    focus-out a valid amount is rewritten with thousands separators in the widget's unit.
    `value()` is integer Rials, or None when empty or not valid; negative amounts are refused.
    """

    # The amount in Rials (int) or None, whenever it changes.
    valueChanged = Signal(object)
    # True/False whenever isValid() changes.
    validityChanged = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        unit: MoneyUnit | str = MoneyUnit.RIAL,
        field_name: str = "amount",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moneyEdit")
        self._unit = MoneyUnit(unit)
        # numbers read left to right even in an RTL window; Persian forms align them right
        self._setup_input(self, field_name)
        self._persian_layout = is_persian()
        self.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)

        self._unit_label = QLabel(self)
        self._unit_label.setObjectName("moneyUnitLabel")
        self._unit_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._unit_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self._retranslate()

    # ----------------------------------------------------------------- public API
    def value(self) -> int | None:
        """The amount in integer Rials, or None when empty or not valid."""
        value: int | None = self._current()
        return value

    def setValue(self, rials: int | None) -> None:
        """Show `rials` (an int >= 0) in the current unit; None empties the field."""
        if rials is None:
            self.setText("")
            return
        if isinstance(rials, bool) or not isinstance(rials, int):
            raise TypeError(f"rials must be an int, not {type(rials).__name__}")
        if not 0 <= rials <= 2**63 - 1:
            raise ValueError(f"amount out of range: {rials}")
        # Above MAX_RIALS (stored by an older version) it is shown, and refused as too large.
        self.setText(self._format(rials))

    def unit(self) -> MoneyUnit:
        return self._unit

    def setUnit(self, unit: MoneyUnit | str) -> None:
        """Show amounts in Rial or Toman. A valid value keeps its Rials and is re-displayed."""
        unit = MoneyUnit(unit)
        if unit is self._unit:
            return
        value = self.value()
        self._unit = unit
        self._retranslate()
        if value is not None:
            self.setText(self._format(value))
        else:
            self._reparse()  # "12.5" is an amount in Toman, not in Rial

    def unitLabel(self) -> QLabel:
        """The label that shows the unit inside the field."""
        return self._unit_label

    # ----------------------------------------------------------------- internals
    def _format(self, rials: int) -> str:
        return format_money(rials, self._unit, persian=is_persian(), with_unit=False)

    def _parse(self, text: str) -> int:
        return parse_money(text, self._unit)

    def _canonical(self, value: int) -> str:
        return self._format(value)

    def _announce(self, value: int | None) -> None:
        self.valueChanged.emit(value)

    def _validity_changed(self, valid: bool) -> None:
        self.validityChanged.emit(valid)

    def _default_field_name(self) -> str:
        return "amount"

    def _unit_name(self) -> str:
        if self._unit is MoneyUnit.TOMAN:
            return self.tr("Toman")
        return self.tr("Rial")

    def _retranslate(self) -> None:
        name = self._unit_name()
        self._unit_label.setText(name)
        self.setAccessibleDescription(name)
        self._place_unit_label()

    def _place_unit_label(self) -> None:
        """The unit sits after the number as it is read: at the left in Persian, else right."""
        label = self._unit_label
        width = label.fontMetrics().horizontalAdvance(label.text()) + _UNIT_GAP
        frame = self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, self)
        height = self.height() - 2 * frame
        if self._persian_layout:
            label.setGeometry(frame + _UNIT_GAP, frame, width, height)
            self.setTextMargins(width + _UNIT_GAP, 0, 0, 0)
        else:
            label.setGeometry(self.width() - frame - _UNIT_GAP - width, frame, width, height)
            self.setTextMargins(0, 0, width + _UNIT_GAP, 0)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_unit_label()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._finish_editing()  # first, so editingFinished sees the formatted text
        super().focusOutEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._place_unit_label()
        super().changeEvent(event)
