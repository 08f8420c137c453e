"""What every typed-and-checked field shares (money, phone, date): the text is parsed as the
user types, the value is known only when the text is valid, a required field is not valid
while empty, the error is worded by text.messages in the UI language, and when editing ends
(Enter or focus-out) a valid text is rewritten in its canonical form while an invalid one is
marked through the `invalid` dynamic property (for style sheets: ``[invalid="true"]``).

`ValidatedInput` is a mixin for a Qt widget that has one QLineEdit (itself, or a part of
it): the subclass says how to parse text (`_parse`, raising InvalidValue), how to show a
value (`_canonical`), optionally which parsed values are still refused (`_refuse`), and
which signal announces a new value (`_announce`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from crm_desktop.text.messages import field_message
from crm_desktop.text.validate import InvalidValue
from crm_desktop.ui.widgets.locale_util import is_persian, ui_lang

#: an error: the message code of text.messages and its parameters
Error = tuple[str, dict[str, Any]]


def reading_side_alignment() -> Qt.AlignmentFlag:
    """Numbers, codes and dates read left to right but stand on the form's reading side:
    at the right in the Persian UI."""
    horizontal = Qt.AlignmentFlag.AlignRight if is_persian() else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


class ValidatedInput:
    """Mixin: call `_setup_input(line_edit, field_name)` from the widget's __init__."""

    _line: QLineEdit
    _field_name: str | None
    _required: bool
    #: what the text says, even when refused by `_refuse` (None: empty or unreadable)
    _parsed: Any
    _error: Error | None

    def _setup_input(self, line: QLineEdit, field_name: str | None) -> None:
        self._line = line
        self._field_name = field_name
        self._required = False
        self._parsed = None
        self._error = None
        # digits and separators read correctly only left to right, even in an RTL window
        line.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        line.setAlignment(reading_side_alignment())
        line.setProperty("invalid", False)
        line.textChanged.connect(self._reparse)
        line.returnPressed.connect(self._finish_editing)

    # -- what a subclass says -----------------------------------------------------------
    def _parse(self, text: str) -> Any:
        """The value `text` stands for; InvalidValue when it is not one."""
        raise NotImplementedError

    def _canonical(self, value: Any) -> str:
        """How a value is shown once editing ends."""
        raise NotImplementedError

    def _refuse(self, value: Any) -> Error | None:
        """A readable value that is still not allowed (out of range): its error."""
        return None

    def _announce(self, value: Any) -> None:
        """Emit the widget's own value-changed signal."""
        raise NotImplementedError

    def _default_field_name(self) -> str:
        return "value"

    def _validity_changed(self, valid: bool) -> None:
        """Emit the widget's validityChanged signal."""
        raise NotImplementedError

    # -- shared public API --------------------------------------------------------------
    def _current(self) -> Any:
        """The value, or None when empty or not valid."""
        return self._parsed if self._error is None else None

    def isValid(self) -> bool:
        """True when empty (and not required) or a value the field accepts."""
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
        """The field named in errorText() (a key of text.messages.FIELD_LABELS)."""
        return self._field_name or self._default_field_name()

    def setFieldName(self, name: str | None) -> None:
        self._field_name = name

    # -- shared behaviour ---------------------------------------------------------------
    def _reparse(self) -> None:
        """Recompute the value and validity from the text; emit what changed."""
        old_value, old_valid = self._current(), self.isValid()
        text = self._line.text()
        if not text.strip():
            self._parsed = None
            self._error = ("required", {}) if self._required else None
        else:
            try:
                self._parsed = self._parse(text)
            except InvalidValue as exc:
                self._parsed = None
                self._error = (exc.code, dict(exc.params))
            else:
                self._error = self._refuse(self._parsed)
        if self.isValid():
            self._set_marked_invalid(False)  # reward early; blame only when editing ends
        if self._current() != old_value:
            self._announce(self._current())
        if self.isValid() != old_valid:
            self._validity_changed(self.isValid())

    def _finish_editing(self) -> None:
        """Enter or focus-out: rewrite a readable value canonically, mark an invalid one."""
        text = self._line.text()
        if self._parsed is not None:
            canonical = self._canonical(self._parsed)
            if canonical != text:
                self._line.setText(canonical)
        elif text and not text.strip():
            self._line.setText("")
        self._set_marked_invalid(not self.isValid())

    def _set_marked_invalid(self, invalid: bool) -> None:
        line = self._line
        if line.property("invalid") == invalid:
            return
        line.setProperty("invalid", invalid)
        line.style().unpolish(line)
        line.style().polish(line)
