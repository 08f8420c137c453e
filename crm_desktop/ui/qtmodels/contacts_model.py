"""The contact list's columns over the windowed record model."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from crm_desktop.services.contacts import ContactService
from crm_desktop.ui import display, labels
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel


def contact_columns() -> list[Column]:
    stages = labels.lifecycle_stages()
    return [
        Column("full_name", QCoreApplication.translate("ContactsModel", "Name"), "name"),
        Column(
            "mobile",
            QCoreApplication.translate("ContactsModel", "Mobile"),
            "mobile",
            text=lambda r: display.ltr_cell(r["mobile"]),
        ),
        Column("company", QCoreApplication.translate("ContactsModel", "Company"), "company"),
        Column("city", QCoreApplication.translate("ContactsModel", "City"), "city"),
        Column(
            "lifecycle_stage",
            QCoreApplication.translate("ContactsModel", "Stage"),
            "stage",
            text=lambda r: labels.label(stages, r["lifecycle_stage"]),
        ),
        Column("owner", QCoreApplication.translate("ContactsModel", "Owner"), "owner"),
        Column(
            "last_activity_at",
            QCoreApplication.translate("ContactsModel", "Last activity"),
            "last_activity",
            text=lambda r: display.jalali_date_only(r["last_activity_at"]),
        ),
        Column(
            "created_at",
            QCoreApplication.translate("ContactsModel", "Created"),
            "created",
            text=lambda r: display.jalali_date_only(r["created_at"]),
        ),
    ]


def contacts_model(service: ContactService, parent: QObject | None = None) -> RecordTableModel:
    return RecordTableModel(service, contact_columns(), parent=parent)
