"""An amount field: typed in Rial or Toman with any digits, always valued in integer Rials."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QStyle, QWidget

from crm_desktop.text.messages import field_message
from crm_desktop.text.money import MoneyUnit, format_money, parse_money
from crm_desktop.text.validate import InvalidValue
from crm_desktop.ui.widgets.locale_util import is_persian, ui_lang

_UNIT_GAP = 4  # pixels between the text and the unit label, and from the frame


class MoneyEdit(QLineEdit):
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
        self._field_name = field_name
        self._required = False
        self._value: int | None = None
        self._error: tuple[str, dict[str, Any]] | None = None

        # Numbers read left to right even in an RTL window; Persian forms align them right.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self._persian_layout = is_persian()
        horizontal = (
            Qt.AlignmentFlag.AlignRight if self._persian_layout else Qt.AlignmentFlag.AlignLeft
        )
        self.setAlignment(
            horizontal | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        )
        self.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.setProperty("invalid", False)

        self._unit_label = QLabel(self)
        self._unit_label.setObjectName("moneyUnitLabel")
        self._unit_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._unit_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.textChanged.connect(self._reparse)
        self.returnPressed.connect(self._finish_editing)
        self._retranslate()

    # ----------------------------------------------------------------- public API
    def value(self) -> int | None:
        """The amount in integer Rials, or None when empty or not valid."""
        return self._value if self._error is None else None

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

    def isValid(self) -> bool:
        """True when empty (and not required) or a non-negative amount in the unit."""
        return self._error is None

    def errorText(self) -> str:
        """Why the value is refused, in the UI language; "" when valid."""
        if self._error is None:
            return ""
        code, params = self._error
        return field_message(self._field_name, code, ui_lang(), **params)

    def isRequired(self) -> bool:
        return self._required

    def setRequired(self, required: bool) -> None:
        """A required field is not valid while empty."""
        self._required = bool(required)
        self._reparse()

    def fieldName(self) -> str:
        return self._field_name

    def setFieldName(self, name: str) -> None:
        """The field name used in errorText() (a key of text.messages.FIELD_LABELS)."""
        self._field_name = name

    def unitLabel(self) -> QLabel:
        """The label that shows the unit inside the field."""
        return self._unit_label

    # ----------------------------------------------------------------- internals
    def _format(self, rials: int) -> str:
        return format_money(rials, self._unit, persian=is_persian(), with_unit=False)

    def _reparse(self) -> None:
        old_value, old_valid = self.value(), self.isValid()
        text = self.text()
        if not text.strip():
            self._value = None
            self._error = ("required", {}) if self._required else None
        else:
            try:
                self._value = parse_money(text, self._unit)
            except InvalidValue as exc:
                self._value = None
                self._error = (exc.code, dict(exc.params))
            else:
                self._error = None
        if self.isValid():
            self._set_marked_invalid(False)
        if self.value() != old_value:
            self.valueChanged.emit(self.value())
        if self.isValid() != old_valid:
            self.validityChanged.emit(self.isValid())

    def _finish_editing(self) -> None:
        """Enter or focus-out: group the digits of a valid amount, mark an invalid one."""
        value = self.value()
        if value is not None:
            formatted = self._format(value)
            if formatted != self.text():
                self.setText(formatted)
        elif self.text() and not self.text().strip():
            self.setText("")
        self._set_marked_invalid(not self.isValid())

    def _set_marked_invalid(self, invalid: bool) -> None:
        if self.property("invalid") == invalid:
            return
        self.setProperty("invalid", invalid)
        self.style().unpolish(self)
        self.style().polish(self)

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
