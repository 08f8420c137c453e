"""The users page's two tables: the users (core.auth.overview) and the roles' permission
table (core.access.table), roles across and permissions down, with check boxes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from crm_desktop.domain.enums import Role
from crm_desktop.domain.permissions import ADMIN_ONLY, Perm
from crm_desktop.text.permission_texts import perm_name
from crm_desktop.ui import display
from crm_desktop.ui.qtmodels.headed import RowsTableModel

AnyIndex = QModelIndex
NAME, USERNAME, ROLE, ACTIVE, LAST_SIGN_IN = range(5)
#: the user's id on every cell of its row
USER_ID_ROLE = int(Qt.ItemDataRole.UserRole.value) + 1


def role_label(role: str) -> str:
    labels = {
        Role.ADMIN.value: QCoreApplication.translate("Users", "Administrator"),
        Role.MANAGER.value: QCoreApplication.translate("Users", "Manager"),
        Role.SALES.value: QCoreApplication.translate("Users", "Sales"),
        Role.RECEPTION.value: QCoreApplication.translate("Users", "Reception"),
    }
    return labels.get(role, role)


class UsersModel(RowsTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.headers = [
            QCoreApplication.translate("Users", "Name"),
            QCoreApplication.translate("Users", "Username"),
            QCoreApplication.translate("Users", "Role"),
            QCoreApplication.translate("Users", "Active"),
            QCoreApplication.translate("Users", "Last sign-in"),
        ]

    def set_rows(self, rows: Iterable[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = [dict(r) for r in rows]
        self.endResetModel()

    def user_at(self, row: int) -> dict[str, Any] | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == USER_ID_ROLE:
            return row["id"]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == NAME:
            return row["display_name"]
        if col == USERNAME:
            return display.ltr_cell(row["username"])
        if col == ROLE:
            return role_label(row["role"])
        if col == ACTIVE:
            if row.get("locked"):
                return QCoreApplication.translate("Users", "Waiting (wrong passwords)")
            return (QCoreApplication.translate("Users", "Active") if row["active"]
                    else QCoreApplication.translate("Users", "Deactivated"))
        if col == LAST_SIGN_IN:
            return (display.jalali(row["last_login_at"]) if row["last_login_at"]
                    else QCoreApplication.translate("Users", "Never"))
        return None


class PermissionsModel(QAbstractTableModel):
    """Permissions down, roles across; a check box per cell. The administrator's column
    and the administrator-only permissions are fixed. A change calls `write(role, perms)`,
    which returns whether it was saved (the table is read again either way)."""

    def __init__(self, read: Callable[[], dict[str, list[str]]],
                 write: Callable[[str, list[str]], bool], parent: QObject | None = None):
        super().__init__(parent)
        self.read = read
        self.write = write
        self.roles = [r.value for r in Role]
        self.perms = [p.value for p in Perm]
        self.table: dict[str, set[str]] = {}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.table = {role: set(perms) for role, perms in self.read().items()}
        self.endResetModel()

    def fixed(self, role: str, perm: str) -> bool:
        return role == Role.ADMIN.value or Perm(perm) in ADMIN_ONLY

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.perms)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.roles)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.roles):
            return role_label(self.roles[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.perms):
            return perm_name(self.perms[section], "fa" if display.persian() else "en")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        role, perm = self.roles[index.column()], self.perms[index.row()]
        if self.fixed(role, perm):
            return Qt.ItemFlag.ItemIsUserCheckable
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.perms):
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            granted = self.perms[index.row()] in self.table.get(self.roles[index.column()], ())
            return (Qt.CheckState.Checked if granted else Qt.CheckState.Unchecked).value
        if role == Qt.ItemDataRole.ToolTipRole:
            return perm_name(self.perms[index.row()], "fa" if display.persian() else "en")
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
                ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        role_name, perm = self.roles[index.column()], self.perms[index.row()]
        if self.fixed(role_name, perm):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        chosen = set(self.table.get(role_name, set()))
        if checked:
            chosen.add(perm)
        else:
            chosen.discard(perm)
        saved = self.write(role_name, sorted(chosen - {p.value for p in ADMIN_ONLY}))
        if saved:
            self.table[role_name] = chosen
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return saved
