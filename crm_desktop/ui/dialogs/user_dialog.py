"""A user's name, username and role (a new user also gets a password, twice), and the
password dialogs: a user changing their own (the current one, then the new one twice) and
an administrator resetting someone's."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from crm_desktop.core import Core
from crm_desktop.domain.enums import Role
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.passwords import password_rule
from crm_desktop.services.users import UserService
from crm_desktop.text.messages import field_message
from crm_desktop.ui import screen_fit
from crm_desktop.ui.dialogs.record_form import (
    Binding,
    ChoiceBinding,
    RecordDialog,
    TextBinding,
    run_dialog,
)
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.users_model import role_label


def _lang() -> str:
    from crm_desktop.ui import display

    return "fa" if display.persian() else "en"


class PasswordBinding(Binding):
    """A password field: hidden as typed, left to right, and taken exactly as typed (no
    digit is turned into another: ۱۲۳ and 123 are different passwords)."""

    def __init__(self, name: str):
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        edit.setMaxLength(1024)
        super().__init__(name, edit)
        self.edit = edit
        edit.textChanged.connect(self.changed)

    def get(self) -> Any:
        return self.edit.text()

    def set(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


def password_binding(name: str) -> PasswordBinding:
    return PasswordBinding(name)


def password_errors(password: str, again: str) -> dict[str, str]:
    """The new password's problems by field (too short or long, the two differ)."""
    if not password and not again:
        return {}
    try:
        password_rule(password)
    except ValidationError as exc:
        return {"password": exc.errors[0].message(_lang())}
    if again != password:
        return {"password_again": field_message("password_again", "password.mismatch",
                                                _lang())}
    return {}


class UserDialog(RecordDialog):
    """Add a user (with a password) or edit one's name, username and role."""

    specs: ClassVar = {k: v for k, v in UserService.fields.items() if k != "active"}
    changes: ClassVar = ("users", "contacts")

    def __init__(self, core: Core, ops: Ops, user_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("userDialog")
        self.core = core
        self.ops = ops
        self.user_id = user_id
        self.setWindowTitle(self.tr("New user") if user_id is None else self.tr("Edit user"))
        screen_fit.resize(self, 460, 320 if user_id is None else 240)
        self.add(self.tr("Name"), TextBinding("display_name"))
        self.add(self.tr("Username"), TextBinding("username", ltr=True))
        self.add(self.tr("Role"), ChoiceBinding("role", [(r.value, role_label(r.value))
                                                         for r in Role]))
        if user_id is None:
            self.add(self.tr("Password"), password_binding("password"))
            self.add(self.tr("Password again"), password_binding("password_again"))
            self.set_values({"display_name": "", "username": "", "role": Role.SALES.value,
                             "password": "", "password_again": ""})
        else:
            self.load()

    def load(self) -> None:
        assert self.user_id is not None
        self.set_values(self.remember(self.core.users.get(self.user_id)))

    def cross_errors(self) -> dict[str, str]:
        if self.user_id is not None:
            return {}
        password = self.bindings["password"].get() or ""
        again = self.bindings["password_again"].get() or ""
        errors = password_errors(password, again)
        if not password and self._save_tried:
            errors["password"] = field_message("password", "required", _lang())
        return errors

    def write(self, values: dict[str, Any]) -> int:
        if self.user_id is None:
            password = self.bindings["password"].get()
            password_rule(password)
            user_id = self.core.users.create(values)
            self.core.auth.reset_password(user_id, password,
                                          self.bindings["password_again"].get())
            return user_id
        self.core.users.update(self.user_id, values, version=self.version)
        return self.user_id

    @classmethod
    def edit(cls, parent: QWidget | None, core: Core, ops: Ops,
             user_id: int | None = None) -> int | None:
        dialog = cls(core, ops, user_id, parent)
        run_dialog(dialog)
        return dialog.result_id


class PasswordDialog(RecordDialog):
    """A new password, twice: the signed-in user's own (after the current one) or, by an
    administrator, another user's."""

    specs: ClassVar = {}
    changes: ClassVar = ("users",)

    def __init__(self, core: Core, ops: Ops, user_id: int | None = None,
                 name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.core = core
        self.ops = ops
        self.user_id = user_id  # None: the signed-in user's own
        if user_id is None:
            self.setWindowTitle(self.tr("Change my password"))
            self.add(self.tr("Current password"), password_binding("old_password"))
        else:
            self.setWindowTitle(self.tr("Reset the password of {name}").replace("{name}", name))
        screen_fit.resize(self, 440, 240)
        self.add(self.tr("New password"), password_binding("password"))
        self.add(self.tr("New password again"), password_binding("password_again"))
        self.save_button.setText(self.tr("Change"))
        self.check_all()

    def cross_errors(self) -> dict[str, str]:
        password = self.bindings["password"].get() or ""
        errors = password_errors(password, self.bindings["password_again"].get() or "")
        if not password:
            errors.setdefault("password", field_message("password", "required", _lang()))
        return errors

    def write(self, values: dict[str, Any]) -> int:
        new = self.bindings["password"].get()
        again = self.bindings["password_again"].get()
        if self.user_id is None:
            self.core.auth.change_own_password(self.bindings["old_password"].get(), new, again)
            return self.core.actor_id or 0
        self.core.auth.reset_password(self.user_id, new, again)
        return self.user_id

    @classmethod
    def edit(cls, parent: QWidget | None, core: Core, ops: Ops, user_id: int | None = None,
             name: str = "") -> bool:
        """True when the password was changed."""
        dialog = cls(core, ops, user_id, name, parent)
        run_dialog(dialog)
        return dialog.result_id is not None
