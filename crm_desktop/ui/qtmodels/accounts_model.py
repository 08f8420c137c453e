"""The company list's columns over the windowed record model."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt

from crm_desktop.services.accounts import AccountService
from crm_desktop.ui import display
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel


def account_columns() -> list[Column]:
    return [
        Column("name", QCoreApplication.translate("AccountsModel", "Name"), "name"),
        Column(
            "phone",
            QCoreApplication.translate("AccountsModel", "Phone"),
            text=lambda r: display.ltr(r["phone"]),
        ),
        Column("city", QCoreApplication.translate("AccountsModel", "City"), "city"),
        Column("industry", QCoreApplication.translate("AccountsModel", "Industry"), "industry"),
        # a count per row (a subquery): not a sort the service offers
        Column(
            "contacts",
            QCoreApplication.translate("AccountsModel", "Contacts"),
            text=lambda r: display.number(r["contacts"]),
            align=Qt.AlignmentFlag.AlignCenter,
        ),
        Column("owner", QCoreApplication.translate("AccountsModel", "Owner"), "owner"),
        Column(
            "created_at",
            QCoreApplication.translate("AccountsModel", "Created"),
            "created",
            text=lambda r: display.jalali_date_only(r["created_at"]),
        ),
    ]


def accounts_model(service: AccountService, parent: QObject | None = None) -> RecordTableModel:
    return RecordTableModel(service, account_columns(), parent=parent)
