"""A phone or mobile number field: typed in any form, valued as normalised ASCII digits."""

from __future__ import annotations

from typing import Any, Literal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from crm_desktop.text.digits import to_persian_digits
from crm_desktop.text.messages import field_message
from crm_desktop.text.validate import InvalidValue, normalize_mobile, normalize_phone
from crm_desktop.ui.widgets.locale_util import is_persian, ui_lang

PhoneKind = Literal["mobile", "phone"]
_NORMALIZERS = {"mobile": normalize_mobile, "phone": normalize_phone}


class PhoneEdit(QLineEdit):
    """A left-to-right field for an Iranian mobile ("mobile") or any phone number ("phone").

    Accepts +98/0098/98 prefixes, spaces, dashes and any digits. `value()` is the normalised
    number in ASCII digits (09xxxxxxxxx for a mobile), or None when empty or not valid; an
    invalid text is kept as typed. On Enter or focus-out a valid number is shown normalised,
    in Persian digits in the Persian UI.
    """

    # The normalised number (str) or None, whenever it changes.
    valueChanged = Signal(object)
    # True/False whenever isValid() changes.
    validityChanged = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        kind: PhoneKind = "mobile",
        field_name: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phoneEdit")
        self._kind: PhoneKind = self._checked_kind(kind)
        self._field_name = field_name
        self._required = False
        self._value: str | None = None
        self._error: tuple[str, dict[str, Any]] | None = None

        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        horizontal = Qt.AlignmentFlag.AlignRight if is_persian() else Qt.AlignmentFlag.AlignLeft
        self.setAlignment(
            horizontal | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        )
        self.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.setProperty("invalid", False)
        self.textChanged.connect(self._reparse)
        self.returnPressed.connect(self._finish_editing)
        self._retranslate()

    # ----------------------------------------------------------------- public API
    def value(self) -> str | None:
        """The normalised number in ASCII digits, or None when empty or not valid."""
        return self._value if self._error is None else None

    def setValue(self, number: str | None) -> None:
        """Show `number` (any form); a valid one is shown normalised. None empties the field."""
        self.setText(number or "")
        self._finish_editing()

    def kind(self) -> PhoneKind:
        return self._kind

    def setKind(self, kind: PhoneKind) -> None:
        """Either "mobile" (09xxxxxxxxx) or "phone" (any Iranian number with its area code)."""
        self._kind = self._checked_kind(kind)
        self._retranslate()
        self._reparse()

    def isValid(self) -> bool:
        """True when empty (and not required) or a number of the kind."""
        return self._error is None

    def errorText(self) -> str:
        """Why the value is refused, in the UI language; "" when valid."""
        if self._error is None:
            return ""
        code, params = self._error
        return field_message(self.fieldName(), code, ui_lang(), **params)

    def isRequired(self) -> bool:
        return self._required

    def setRequired(self, required: bool) -> None:
        """A required field is not valid while empty."""
        self._required = bool(required)
        self._reparse()

    def fieldName(self) -> str:
        """The field named in errorText(); by default the kind ("mobile" or "phone")."""
        return self._field_name or self._kind

    def setFieldName(self, name: str | None) -> None:
        self._field_name = name

    # ----------------------------------------------------------------- internals
    @staticmethod
    def _checked_kind(kind: str) -> PhoneKind:
        if kind == "mobile":
            return "mobile"
        if kind == "phone":
            return "phone"
        raise ValueError(f'kind must be "mobile" or "phone", not {kind!r}')

    def _display(self, number: str) -> str:
        return to_persian_digits(number) if is_persian() else number

    def _reparse(self) -> None:
        old_value, old_valid = self.value(), self.isValid()
        text = self.text()
        if not text.strip():
            self._value = None
            self._error = ("required", {}) if self._required else None
        else:
            try:
                self._value = _NORMALIZERS[self._kind](text)
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
        """Enter or focus-out: show a valid number normalised, mark an invalid one."""
        value = self.value()
        if value is not None:
            shown = self._display(value)
            if shown != self.text():
                self.setText(shown)
        elif self.text() and not self.text().strip():
            self.setText("")
        self._set_marked_invalid(not self.isValid())

    def _set_marked_invalid(self, invalid: bool) -> None:
        if self.property("invalid") == invalid:
            return
        self.setProperty("invalid", invalid)
        self.style().unpolish(self)
        self.style().polish(self)

    def _retranslate(self) -> None:
        if self._kind == "mobile":
            self.setPlaceholderText(self.tr("e.g. 0912 345 6789"))
            self.setAccessibleName(self.tr("Mobile"))
        else:
            self.setPlaceholderText(self.tr("e.g. 021 8877 6655"))
            self.setAccessibleName(self.tr("Phone"))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._finish_editing()  # first, so editingFinished sees the normalised text
        super().focusOutEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
