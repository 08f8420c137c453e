"""Editor dialogs built from field bindings: each field shows its own error next to it,
checked as the user types with the very rules the core applies; Save is enabled only when
every field is valid; the write goes through Ops. Dialogs expose an `edit` classmethod.

A field left empty is not scolded before the user has been there: its error (a required
value) shows once the user has left the field, emptied it, or tried to save. Esc or Cancel on a form
whose values changed since it opened asks before discarding them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import EditConflict, FieldError, ValidationError
from crm_desktop.services.fields import Field, clean
from crm_desktop.text.digits import to_ascii_digits
from crm_desktop.text.money import MoneyUnit
from crm_desktop.ui import display
from crm_desktop.ui.errors import ask_box, say_saved_elsewhere
from crm_desktop.ui.theme import icons
from crm_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from crm_desktop.ui.widgets.money_edit import MoneyEdit
from crm_desktop.ui.widgets.phone_edit import PhoneEdit


def lang() -> str:
    return "fa" if display.persian() else "en"


class Binding(QObject):
    """One field of a form: its widget, how to read and write the value, and whether the
    widget itself already knows the value is wrong (dates, phones, money)."""

    changed = Signal()

    def __init__(self, name: str, widget: QWidget):
        super().__init__(widget)
        self.name = name
        self.widget = widget
        widget.setObjectName(f"field_{name}")

    def get(self) -> Any:
        raise NotImplementedError

    def set(self, value: Any) -> None:
        raise NotImplementedError

    def own_error(self) -> str:
        """An error the widget found itself (unparseable text); '' when none."""
        return ""


class TextBinding(Binding):
    """`ltr`: codes read left to right, digits in the UI language; `address`: an e-mail or
    web address, left to right with Latin digits (so that a copy of it works)."""

    def __init__(self, name: str, *, ltr: bool = False, address: bool = False,
                 placeholder: str = ""):
        edit = QLineEdit()
        ltr = ltr or address
        self._address = address
        if ltr:
            # codes and addresses read left to right, but sit on the form's reading side
            # like the phone fields do
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.setAlignment(display.value_alignment())
        edit.setPlaceholderText(placeholder)
        super().__init__(name, edit)
        self.edit = edit
        self._ltr = ltr
        edit.textChanged.connect(self.changed)

    def get(self) -> Any:
        text = self.edit.text()
        return to_ascii_digits(text) if self._ltr else text

    def set(self, value: Any) -> None:
        if value is None:
            self.edit.setText("")
        elif self._address:
            self.edit.setText(display.address(value))
        else:
            self.edit.setText(display.digits(value) if self._ltr else str(value))


class NotesBinding(Binding):
    def __init__(self, name: str):
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(70)
        # a text edit does not follow the window's direction by itself: the text starts at
        # the reading edge (the right in Persian) like every other value
        option = edit.document().defaultTextOption()
        option.setAlignment(display.value_alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask)
        edit.document().setDefaultTextOption(option)
        edit.setSizePolicy(edit.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Fixed)
        super().__init__(name, edit)
        self.edit = edit
        edit.textChanged.connect(self.changed)

    def get(self) -> Any:
        return self.edit.toPlainText()

    def set(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))


class ChoiceBinding(Binding):
    """A fixed list of (value, label); `empty` adds a blank first entry meaning None."""

    def __init__(self, name: str, choices: list[tuple[Any, str]], *, empty: str | None = None,
                 searchable: bool = False):
        combo = QComboBox()
        if empty is not None:
            combo.addItem(empty, None)
        for value, text in choices:
            combo.addItem(text, value)
        if searchable:
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = combo.completer()
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
        super().__init__(name, combo)
        self.combo = combo
        combo.currentIndexChanged.connect(self.changed)
        if searchable:
            combo.editTextChanged.connect(self.changed)

    def get(self) -> Any:
        if self.combo.isEditable() and self.combo.currentText() != self.combo.itemText(
                self.combo.currentIndex()):
            return _UNMATCHED
        return self.combo.currentData()

    def set(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(0, index))

    def own_error(self) -> str:
        if self.get() is _UNMATCHED:
            return FieldError(self.name, "choice").message(lang())
        return ""


_UNMATCHED = object()


class CheckBinding(Binding):
    def __init__(self, name: str, text: str):
        box = QCheckBox(text)
        super().__init__(name, box)
        self.box = box
        box.toggled.connect(self.changed)

    def get(self) -> Any:
        return self.box.isChecked()

    def set(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class DateBinding(Binding):
    def __init__(self, name: str):
        edit = JalaliDateEdit(field_name=name)
        super().__init__(name, edit)
        self.edit = edit
        edit.lineEdit().textChanged.connect(self.changed)

    def get(self) -> Any:
        return self.edit.date()

    def set(self, value: Any) -> None:
        self.edit.setDate(value)

    def own_error(self) -> str:
        return "" if self.edit.isValid() else self.edit.errorText()


class PhoneBinding(Binding):
    def __init__(self, name: str, kind: str):
        edit = PhoneEdit()
        edit.setKind(kind)
        edit.setFieldName(name)
        super().__init__(name, edit)
        self.edit = edit
        edit.textChanged.connect(self.changed)

    def get(self) -> Any:
        return self.edit.value()

    def set(self, value: Any) -> None:
        self.edit.setValue(value)

    def own_error(self) -> str:
        return "" if self.edit.isValid() else self.edit.errorText()


class MoneyBinding(Binding):
    def __init__(self, name: str, unit: MoneyUnit):
        edit = MoneyEdit()
        edit.setUnit(unit)
        edit.setFieldName(name)
        super().__init__(name, edit)
        self.edit = edit
        edit.textChanged.connect(self.changed)

    def get(self) -> Any:
        return self.edit.value()

    def set(self, value: Any) -> None:
        self.edit.setValue(value)

    def own_error(self) -> str:
        return "" if self.edit.isValid() else self.edit.errorText()


class RecordDialog(QDialog):
    """Base of the editor dialogs. Subclasses set `specs` (the service's field rules) and
    build their bindings in `build_form`; `save` calls the service through Ops."""

    specs: ClassVar[Mapping[str, Field]] = {}
    # table names announced as changed after a save
    changes: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bindings: dict[str, Binding] = {}
        self.errors: dict[str, QLabel] = {}
        self.result_id: int | None = None
        #: the version of the record as the form read it (None: a new record): the save
        #: sends it, and is refused if someone saved the record since (EditConflict)
        self.version: int | None = None
        # fields the user has left (their empty-value errors may show), and whether Save
        # was tried (then every error shows)
        self._revealed: set[str] = set()
        self._save_tried = False
        # what the form held when it was first shown: Esc/Cancel asks when it differs
        self._baseline: Any = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setOpenExternalLinks(False)
        self.notice.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("buttons")
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setDefault(True)
        icons.dress(self.save_button, "device-floppy", primary=True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        body = QWidget()
        body.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)

    # -- building -----------------------------------------------------------------------
    def add(self, label: str, binding: Binding) -> Binding:
        self.bindings[binding.name] = binding
        error = QLabel()
        error.setObjectName(f"error_{binding.name}")
        error.setProperty("role", "error")  # the theme's danger colour
        error.setWordWrap(True)
        error.hide()
        self.errors[binding.name] = error
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(binding.widget)
        box.addWidget(error)
        self.form.addRow(label, holder)
        binding.changed.connect(lambda b=binding: self.check_field(b.name))
        for part in [binding.widget, *binding.widget.findChildren(QWidget)]:
            part.installEventFilter(self)
            part.setProperty("record_field", binding.name)
        return binding

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            name = watched.property("record_field")
            if isinstance(name, str) and name in self.bindings:
                self.reveal(name)
        return super().eventFilter(watched, event)

    def reveal(self, name: str) -> None:
        """The user has left `name`: from now on its errors show, an empty value's too."""
        if name not in self._revealed:
            self._revealed.add(name)
            self.check_field(name)

    def values(self) -> dict[str, Any]:
        return {name: b.get() for name, b in self.bindings.items() if name in self.specs}

    def set_values(self, values: Mapping[str, Any]) -> None:
        for name, binding in self.bindings.items():
            if name in values:
                binding.set(values[name])
        self.check_all()

    # -- checking -----------------------------------------------------------------------
    def field_error(self, name: str) -> str:
        binding = self.bindings[name]
        own = binding.own_error()
        if own:
            return own
        if name not in self.specs:
            return ""
        try:
            clean({name: self.specs[name]}, {name: binding.get()}, partial=True)
        except ValidationError as exc:
            return exc.errors[0].message(lang())
        return ""

    def cross_errors(self) -> dict[str, str]:
        """Rules across fields (a name needs a first or a last name); field -> message."""
        return {}

    def check_field(self, name: str) -> None:
        if name not in self._revealed and not self.is_blank(name):
            self._revealed.add(name)  # once filled in, emptying it again is an error at once
        self.show_error(name, self.field_error(name) or self.cross_errors().get(name, ""))
        self.update_save()
        self.field_changed(name)

    def field_changed(self, name: str) -> None:
        """Hook: react to a change (duplicate warnings)."""

    def check_all(self) -> None:
        cross = self.cross_errors()
        for name in self.bindings:
            self.show_error(name, self.field_error(name) or cross.get(name, ""))
        self.update_save()

    def is_blank(self, name: str) -> bool:
        """The field holds nothing yet (an error there means a value is required)."""
        binding = self.bindings[name]
        if binding.own_error():
            return False
        value = binding.get()
        return value is None or value is False or (
            isinstance(value, str | list | tuple | set | dict) and not value) or (
            isinstance(value, str) and not value.strip())

    def show_error(self, name: str, text: str) -> None:
        if text and not (self._save_tried or name in self._revealed) and self.is_blank(name):
            text = ""  # not before the user has been in the field or tried to save
        label = self.errors[name]
        label.setText(text)
        label.setVisible(bool(text))
        self.bindings[name].widget.setProperty("invalid", bool(text))

    def is_valid(self) -> bool:
        return not self.cross_errors() and not any(self.field_error(n) for n in self.bindings)

    def update_save(self) -> None:
        valid = self.is_valid()
        self.save_button.setEnabled(valid)
        # a disabled Save says why, even while the empty fields' errors wait to be shown
        self.save_button.setToolTip("" if valid else "\n".join(
            dict.fromkeys(e for e in self._all_errors().values() if e)))

    def _all_errors(self) -> dict[str, str]:
        cross = self.cross_errors()
        return {name: self.field_error(name) or cross.get(name, "") for name in self.bindings}

    def show_invalid(self, error: ValidationError) -> None:
        """Errors the service found (e.g. a duplicate code): shown next to their fields."""
        unplaced = []
        for e in error.errors:
            name = e.field if e.field in self.errors else None
            if name is None:
                unplaced.append(e.message(lang()))
            else:
                self.show_error(name, e.message(lang()))
        if unplaced:
            self.notice.setText("\n".join(unplaced))
            self.notice.show()
        self.save_button.setEnabled(False)

    # -- saving -------------------------------------------------------------------------
    def write(self, values: dict[str, Any]) -> int:
        """Create or update through the service; returns the record id. An update sends
        `version=self.version`."""
        raise NotImplementedError

    def save(self) -> None:
        self._save_tried = True
        if not self.is_valid():
            self.check_all()
            return
        outcome = self.ops.run(self, lambda: self.write(self.values()), changes=self.changes,
                               on_invalid=self.show_invalid, on_conflict=self.show_conflict)
        if outcome.ok:
            self.result_id = outcome.value
            self.accept()

    # -- someone else saved the record first ---------------------------------------------
    def remember(self, record: Mapping[str, Any]) -> Mapping[str, Any]:
        """Note the version of the record the form is about to show; returns the record."""
        self.version = record.get("version")
        return record

    def load(self) -> None:
        """Edit forms: read the record again and show it (`remember`ing its version). Done
        when the form opens, and after a save refused because someone saved it first."""

    def show_conflict(self, error: EditConflict) -> None:
        """Someone saved the record after the form read it: say so (who and when), show
        their values, and stay open so that the user can make the change again."""
        text = say_saved_elsewhere(self, error, lang())
        self.load()
        self._save_tried = False
        self._revealed.clear()
        self.check_all()
        self.mark_unchanged()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setText(text)
        self.notice.show()

    ops: Any  # set by subclasses

    # -- leaving ------------------------------------------------------------------------
    def snapshot(self) -> Any:
        """What the user has entered, to compare with the form as it opened (subclasses
        with more than bindings, e.g. proforma lines, add theirs)."""
        return {name: b.get() for name, b in self.bindings.items()}

    def mark_unchanged(self) -> None:
        """The form as it is now counts as unchanged (done when it is first shown)."""
        self._baseline = self.snapshot()

    def has_changes(self) -> bool:
        return self._baseline is not None and self.snapshot() != self._baseline

    def showEvent(self, event: QShowEvent) -> None:
        if self._baseline is None:
            self.mark_unchanged()
        super().showEvent(event)

    def ask_discard(self) -> bool:
        """Asked on Esc or Cancel when the form has changes: True to discard them."""
        return ask_discard(self)

    def reject(self) -> None:
        """Esc, Cancel and the window's close button: changes are not lost unasked."""
        if self.result() != QDialog.DialogCode.Accepted and self.has_changes() \
                and not self.ask_discard():
            return
        super().reject()


def ask_discard(parent: QWidget) -> bool:
    """Esc or Cancel on an editor holding changes: True to discard them, False to go on
    editing (the default)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("RecordDialog", text)

    box = QMessageBox(QMessageBox.Icon.Question, tr("Discard changes?"),
                      tr("You have changed this form. Discard the changes?"),
                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                      parent)
    box.setObjectName("discardBox")
    box.button(QMessageBox.StandardButton.Discard).setText(tr("Discard"))
    box.button(QMessageBox.StandardButton.Cancel).setText(tr("Keep editing"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return ask_box(box) == QMessageBox.StandardButton.Discard


def run_dialog(dialog: QDialog) -> int:
    """Every editor's modal loop goes through here, so tests can drive dialogs directly.
    The closed dialog is deleted afterwards (callers keep only its Python-side results)."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


