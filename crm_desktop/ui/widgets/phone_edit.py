"""A phone or mobile number field: typed in any form, valued as normalised ASCII digits."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from crm_desktop.text.digits import to_persian_digits
from crm_desktop.text.validate import normalize_mobile, normalize_phone
from crm_desktop.ui.widgets.locale_util import is_persian
from crm_desktop.ui.widgets.validated_input import ValidatedInput

PhoneKind = Literal["mobile", "phone"]
_NORMALIZERS = {"mobile": normalize_mobile, "phone": normalize_phone}


class PhoneEdit(ValidatedInput, QLineEdit):
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
        self._setup_input(self, field_name)
        self.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self._retranslate()

    # ----------------------------------------------------------------- public API
    def value(self) -> str | None:
        """The normalised number in ASCII digits, or None when empty or not valid."""
        value: str | None = self._current()
        return value

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

    # ----------------------------------------------------------------- internals
    @staticmethod
    def _checked_kind(kind: str) -> PhoneKind:
        if kind == "mobile":
            return "mobile"
        if kind == "phone":
            return "phone"
        raise ValueError(f'kind must be "mobile" or "phone", not {kind!r}')

    def _parse(self, text: str) -> str:
        return _NORMALIZERS[self._kind](text)

    def _canonical(self, value: str) -> str:
        """Normalised, in Persian digits in the Persian UI."""
        return to_persian_digits(value) if is_persian() else value

    def _default_field_name(self) -> str:
        return self._kind  # "mobile" or "phone"

    def _announce(self, value: str | None) -> None:
        self.valueChanged.emit(value)

    def _validity_changed(self, valid: bool) -> None:
        self.validityChanged.emit(valid)

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
