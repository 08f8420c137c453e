"""File > Restore: what the chosen backup holds, shown before anything is replaced (its
date, schema version, row counts, size, encrypted or not), read by the core's
inspect_backup; an encrypted backup's passphrase is asked for first. The question is a
message box (answered through ui.errors.ask_box like the window's other questions)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.core import Core
from crm_desktop.services import backup_crypto
from crm_desktop.services.backup_crypto import BackupFileError
from crm_desktop.services.backup_files import BackupInfo, inspect_backup
from crm_desktop.ui import display


def table_names() -> dict[str, str]:
    return {
        "users": QCoreApplication.translate("RestorePreview", "Users"),
        "contacts": QCoreApplication.translate("RestorePreview", "Contacts"),
        "accounts": QCoreApplication.translate("RestorePreview", "Companies"),
        "products": QCoreApplication.translate("RestorePreview", "Products"),
        "deals": QCoreApplication.translate("RestorePreview", "Deals"),
        "proformas": QCoreApplication.translate("RestorePreview", "Proformas"),
        "proforma_lines": QCoreApplication.translate("RestorePreview", "Proforma lines"),
        "activities": QCoreApplication.translate("RestorePreview", "Activities"),
        "marketing_lists": QCoreApplication.translate("RestorePreview", "Marketing lists"),
        "campaigns": QCoreApplication.translate("RestorePreview", "Campaigns"),
        "tickets": QCoreApplication.translate("RestorePreview", "Tickets"),
        "settings": QCoreApplication.translate("RestorePreview", "Settings"),
        "audit_log": QCoreApplication.translate("RestorePreview", "Audit log entries"),
    }


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        value = display.digits(f"{size / (1024 * 1024):.1f}")
        if display.persian():
            value = value.replace(".", "\u066b")  # the Persian decimal separator
        return QCoreApplication.translate("RestorePreview", "{n} MB").replace("{n}", value)
    return QCoreApplication.translate("RestorePreview", "{n} KB").replace(
        "{n}", display.number(max(1, round(size / 1024)))
    )


def preview_box(parent: QWidget | None, info: BackupInfo) -> QMessageBox:
    """The question with the backup's details; Yes restores (disabled when it cannot)."""
    schema = {
        "current": QCoreApplication.translate("RestorePreview", "{rev} (this version's)"),
        "older": QCoreApplication.translate(
            "RestorePreview", "{rev} (older: upgraded after the restore)"
        ),
        "newer": QCoreApplication.translate(
            "RestorePreview", "{rev} (newer than this program: update it first)"
        ),
        "unknown": QCoreApplication.translate("RestorePreview", "unknown"),
    }[info.schema_state].replace("{rev}", display.digits(info.schema_revision or ""))
    rows = [
        (QCoreApplication.translate("RestorePreview", "Made"), display.jalali(info.made_at)),
        (QCoreApplication.translate("RestorePreview", "Schema version"), schema),
        (QCoreApplication.translate("RestorePreview", "Size"), size_text(info.size)),
        (
            QCoreApplication.translate("RestorePreview", "Encrypted"),
            QCoreApplication.translate("RestorePreview", "Yes")
            if info.encrypted
            else QCoreApplication.translate("RestorePreview", "No"),
        ),
    ]
    names = table_names()
    rows += [
        (names.get(t, t), display.number(n))
        for t, n in info.counts.items()
        if t not in ("settings",)
    ]
    cells = "".join(
        f"<tr><td>{html.escape(k)}</td><td style='padding:0 12px'>"
        f"{html.escape(display.isolate(v))}</td></tr>"
        for k, v in rows
    )
    if info.ok:
        question = QCoreApplication.translate(
            "RestorePreview",
            "Replace everything in this database with this backup? A copy of the "
            "current database is kept beside it first.",
        )
    else:
        question = (
            QCoreApplication.translate("RestorePreview", "This backup cannot be restored:")
            + " "
            + "; ".join(info.problems)
        )
    text = (
        f"<p>{html.escape(question)}</p><p dir='ltr'>"
        f"{html.escape(display.address_in_text(str(info.path)))}</p><table>{cells}</table>"
    )
    box = QMessageBox(
        QMessageBox.Icon.Question if info.ok else QMessageBox.Icon.Warning,
        QCoreApplication.translate("RestorePreview", "Restore from a backup"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("restorePreview")
    box.setTextFormat(Qt.TextFormat.RichText)
    yes = box.button(QMessageBox.StandardButton.Yes)
    yes.setText(QCoreApplication.translate("RestorePreview", "Restore"))
    yes.setEnabled(info.ok)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box


def read_backup(
    parent: QWidget | None, core: Core, path: Path
) -> tuple[BackupInfo, str | None] | None:
    """What the backup holds (asking for the passphrase of an encrypted one, again after
    a wrong one), or None when the user gave up or it cannot be read (said)."""
    from crm_desktop.ui.dialogs.passphrase_dialog import PassphraseDialog
    from crm_desktop.ui.errors import show_message

    lang = "fa" if display.persian() else "en"
    passphrase = None
    note = ""
    while True:
        if backup_crypto.is_encrypted(path):
            chosen = PassphraseDialog.ask(
                parent,
                confirm=False,
                note=note
                or QCoreApplication.translate(
                    "RestorePreview", "This backup is encrypted: type its passphrase."
                ),
            )
            if chosen is None:
                return None
            passphrase = chosen[0]
        try:
            info = inspect_backup(path, passphrase, temp_dir=core.db.path.parent)
        except BackupFileError as exc:
            if exc.code == "passphrase":
                note = exc.message(lang)
                continue
            show_message(
                parent,
                exc.message(lang),
                title=QCoreApplication.translate("RestorePreview", "Restore from a backup"),
            )
            return None
        return info, passphrase
