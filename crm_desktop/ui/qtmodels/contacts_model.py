"""The contact list's columns over the windowed record model."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from crm_desktop.services.contacts import ContactService
from crm_desktop.ui import display, labels
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel


def contact_columns(tier_names: Callable[[], dict[str, str]] | None = None) -> list[Column]:
    """The list's columns; with `tier_names` (a tier's key -> its name, read when a cell is
    shown) a last column shows each contact's club tier."""
    stages = labels.lifecycle_stages()
    columns = [
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
    if tier_names is not None:
        names = tier_names
        columns.append(Column("tier", QCoreApplication.translate("ContactsModel", "Tier"),
                              None, text=lambda r: names().get(r.get("tier") or "", "")))
    return columns


def contacts_model(service: ContactService, parent: QObject | None = None, *,
                   tier_names: Callable[[], dict[str, str]] | None = None
                   ) -> RecordTableModel:
    return RecordTableModel(service, contact_columns(tier_names), parent=parent)
