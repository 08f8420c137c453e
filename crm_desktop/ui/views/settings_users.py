"""Settings > Users and roles (administrators only): single-user mode, the users (name,
username, role, active, last sign-in) with add / edit / deactivate / reset password, and
the roles' permission table (the administrator's column is fixed)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.permissions import Perm
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.users_model import PermissionsModel, UsersModel
from crm_desktop.ui.theme import icons

#: rows of the users table shown before it scrolls
USERS_ROWS = 6


class UsersSettings(QWidget):
    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("usersSettings")
        self.core = core
        self.ops = ops

        self.single_user = QCheckBox(self.tr("Single-user mode: the program opens without a "
                                             "login, as the administrator"))
        self.single_user.setObjectName("singleUserMode")
        self.single_user.toggled.connect(self._single_user_toggled)
        single_note = QLabel(self.tr("To turn it off, give yourself a password first (File, "
                                     "Change my password). Adding users does not turn it off."))
        single_note.setObjectName("singleUserNote")
        single_note.setWordWrap(True)
        single_note.setProperty("role", "muted")

        self.model = UsersModel(self)
        self.table = QTableView()
        self.table.setObjectName("usersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(row_height * (USERS_ROWS + 1) + 4)
        self.table.doubleClicked.connect(lambda _i: self.edit_user())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.add_button = QPushButton(self.tr("Add user…"))
        self.add_button.setObjectName("addUser")
        icons.dress(self.add_button, "plus")
        self.add_button.clicked.connect(self.add_user)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editUser")
        icons.dress(self.edit_button, "pencil")
        self.edit_button.clicked.connect(self.edit_user)
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.active_button.setObjectName("deactivateUser")
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.reset_button.setObjectName("resetPassword")
        self.reset_button.clicked.connect(self.reset_password)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.active_button, self.reset_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        permissions_title = QLabel(self.tr("What each role may do"))
        permissions_title.setObjectName("permissionsTitle")
        font = permissions_title.font()
        font.setBold(True)
        permissions_title.setFont(font)
        permissions_note = QLabel(self.tr("The administrator may do everything; managing "
                                          "users, restoring a backup and emptying the Trash "
                                          "belong to administrators only."))
        permissions_note.setWordWrap(True)
        permissions_note.setProperty("role", "muted")
        self.permissions = PermissionsModel(core.access.table, self._write_row, self)
        self.permission_table = QTableView()
        self.permission_table.setObjectName("permissionTable")
        self.permission_table.setModel(self.permissions)
        self.permission_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.permission_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.permission_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        height = (self.permission_table.horizontalHeader().sizeHint().height()
                  + self.permission_table.verticalHeader().length() + 4)
        self.permission_table.setMinimumHeight(height)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.single_user)
        layout.addWidget(single_note)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addWidget(permissions_title)
        layout.addWidget(permissions_note)
        layout.addWidget(self.permission_table)
        self.load()

    # -- reading --------------------------------------------------------------------------
    def load(self) -> None:
        if not self.core.access.can(Perm.USERS):  # no longer an administrator
            self.setEnabled(False)
            self.model.set_rows([])
            return
        selected = self.selected()
        self.model.set_rows(self.core.auth.overview())
        self.single_user.blockSignals(True)
        self.single_user.setChecked(self.core.auth.single_user())
        self.single_user.blockSignals(False)
        self.permissions.reload()
        if selected is not None:
            self.select_user(selected["id"])
        self._update_buttons()

    def select_user(self, user_id: int) -> None:
        """Select a user's row (the table's own selectRow needs a laid-out header)."""
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        for row, user in enumerate(self.model.rows):
            if user["id"] == user_id:
                self.table.selectionModel().select(self.model.index(row, 0), flags)

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        for b in (self.edit_button, self.active_button, self.reset_button):
            b.setEnabled(user is not None)
        active = user is None or user["active"]
        self.active_button.setText(self.tr("Deactivate") if active else self.tr("Activate"))

    # -- writing --------------------------------------------------------------------------
    def add_user(self) -> None:
        from crm_desktop.ui.dialogs.user_dialog import UserDialog

        if UserDialog.edit(self, self.core, self.ops) is not None:
            self.load()

    def edit_user(self) -> None:
        from crm_desktop.ui.dialogs.user_dialog import UserDialog

        user = self.selected()
        if user is not None and UserDialog.edit(self, self.core, self.ops, user["id"]):
            self.load()

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        self.ops.run(self, lambda: self.core.users.update(user["id"],
                                                          {"active": not user["active"]}),
                     changes=["users"])
        self.load()

    def reset_password(self) -> None:
        from crm_desktop.ui.dialogs.user_dialog import PasswordDialog

        user = self.selected()
        if user is not None and PasswordDialog.edit(self, self.core, self.ops, user["id"],
                                                    user["display_name"]):
            self.load()

    def _single_user_toggled(self, on: bool) -> None:
        self.ops.run(self, lambda: self.core.auth.set_single_user(on), changes=["settings"])
        self.load()

    def _write_row(self, role: str, perms: list[str]) -> bool:
        return self.ops.run(self, lambda: self.core.access.set_role_permissions(role, perms),
                            changes=["settings"]).ok
