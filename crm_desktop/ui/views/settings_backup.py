"""Settings > Backups: where automatic backups go (a USB stick or a second disk), when
(on exit, the day's first), how many are kept (daily, weekly, monthly), when the status
bar warns, and whether they are encrypted; "Back up now" and the last backups made.

The passphrase of encrypted backups is asked for when encryption is turned on (or when it
is not known in this session) and kept in the system's keyring when the user agrees and
there is one, else for this session only (services/backup_passphrase.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.services import secrets
from crm_desktop.ui import display
from crm_desktop.ui.errors import show_message
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.theme import icons


class BackupSettings(QGroupBox):
    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None):
        super().__init__(self.tr("Automatic backups"), parent)
        self.setObjectName("backupSettings")
        self.core = core
        self.ops = ops
        self.folder = QLineEdit()
        self.folder.setObjectName("backupFolder")
        self.folder.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path reads LTR
        self.folder.setPlaceholderText(str(core.backups.folder()))
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("chooseBackupFolder")
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.on_exit = QCheckBox(self.tr("Back up when the program closes"))
        self.on_exit.setObjectName("backupOnExit")
        self.daily = QCheckBox(self.tr("Back up once a day (the first time the program "
                                       "runs that day)"))
        self.daily.setObjectName("backupDaily")
        self.keep_daily = self._spin("keepDaily", 1, 365)
        self.keep_weekly = self._spin("keepWeekly", 0, 520)
        self.keep_monthly = self._spin("keepMonthly", 0, 240)
        self.warn_days = self._spin("warnDays", 1, 365)
        self.warn_days.setSuffix(self.tr(" day(s)"))
        self.encrypt = QCheckBox(self.tr("Encrypt backups with a passphrase"))
        self.encrypt.setObjectName("backupEncrypt")
        note = QLabel(self.tr("Choose a folder on a USB stick or a second disk, so that a "
                              "broken disk does not take the backups with it. Only this "
                              "database's backups in the folder are ever deleted, the oldest "
                              "first; other files are never touched. An encrypted backup "
                              "cannot be restored without its passphrase: keep it safe."))
        note.setObjectName("backupNote")
        note.setWordWrap(True)
        save = QPushButton(self.tr("Save"))
        save.setObjectName("saveBackupSettings")
        icons.dress(save, "device-floppy", primary=True)
        save.clicked.connect(self.save)
        self.now = QPushButton(self.tr("Back up now"))
        self.now.setObjectName("backupNow")
        icons.dress(self.now, "history")
        self.now.clicked.connect(self.back_up_now)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(self.now)
        buttons.addStretch(1)
        self.last = QLabel()
        self.last.setObjectName("lastBackup")
        self.last.setWordWrap(True)
        self.last.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow("", self.on_exit)
        form.addRow("", self.daily)
        form.addRow(self.tr("Keep daily backups"), self.keep_daily)
        form.addRow(self.tr("Keep weekly backups"), self.keep_weekly)
        form.addRow(self.tr("Keep monthly backups"), self.keep_monthly)
        form.addRow(self.tr("Warn when the last backup is older than"), self.warn_days)
        form.addRow("", self.encrypt)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.last)
        self.load()

    def _spin(self, name: str, lo: int, hi: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(lo, hi)
        spin.setMaximumWidth(140)
        return spin

    def load(self) -> None:
        s = self.core.backups.settings()
        self.folder.setText(s["folder"])
        self.on_exit.setChecked(bool(s["on_exit"]))
        self.daily.setChecked(bool(s["daily"]))
        self.keep_daily.setValue(int(s["keep_daily"]))
        self.keep_weekly.setValue(int(s["keep_weekly"]))
        self.keep_monthly.setValue(int(s["keep_monthly"]))
        self.warn_days.setValue(int(s["warn_days"]))
        self.encrypt.setChecked(bool(s["encrypt"]))
        self._show_last()

    def _show_last(self) -> None:
        history = self.core.backups.history(1)
        last = self.core.backups.last_good()
        if last is None:
            text = self.tr("No backup has been made yet.")
        else:
            text = self.tr("Last good backup: {when}").replace(
                "{when}", display.isolate(display.jalali(last)))
        if history and not history[0]["ok"]:
            text += "\n" + self.tr("The latest backup failed its check and was deleted: "
                                   "{why}").replace("{why}", history[0]["detail"])
        self.last.setText(text)

    def values(self) -> dict[str, Any]:
        return {"folder": self.folder.text().strip(), "on_exit": self.on_exit.isChecked(),
                "daily": self.daily.isChecked(), "keep_daily": self.keep_daily.value(),
                "keep_weekly": self.keep_weekly.value(),
                "keep_monthly": self.keep_monthly.value(),
                "warn_days": self.warn_days.value(), "encrypt": self.encrypt.isChecked()}

    def choose_folder(self) -> None:
        start = self.folder.text() or str(self.core.backups.folder())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for backups"), start)
        if chosen:
            self.folder.setText(chosen)

    def save(self) -> bool:
        values = self.values()
        if values["encrypt"] and self.core.backups.keeper.get(self.core.db.location) is None \
                and not self.ask_passphrase():
            return False
        outcome = self.ops.run(self, lambda: self.core.backups.set_settings(values),
                               changes=["settings", "backups"])
        return outcome.ok

    def ask_passphrase(self) -> bool:
        """Ask for the passphrase (twice) and where to keep it; False when cancelled."""
        from crm_desktop.ui.dialogs.passphrase_dialog import PassphraseDialog

        chosen = PassphraseDialog.ask(self, confirm=True, offer_keyring=secrets.available())
        if chosen is None:
            return False
        passphrase, in_keyring = chosen
        self.core.backups.keeper.remember(self.core.db.location, passphrase, in_keyring=in_keyring)
        return True

    def back_up_now(self) -> None:
        passphrase = None
        if self.core.backups.settings()["encrypt"]:
            passphrase = self.core.backups.keeper.get(self.core.db.location)
            if passphrase is None:
                if not self.ask_passphrase():
                    return
                passphrase = self.core.backups.keeper.get(self.core.db.location)
        outcome = self.ops.run(self, lambda: self.core.backups.make("manual",
                                                                     passphrase=passphrase),
                               changes=["backups"])
        self._show_last()
        if outcome.ok and outcome.value is not None:
            result = outcome.value
            if result.ok:
                show_message(self, self.tr("The backup was written and checked:") + "\n"
                             + display.address_in_text(str(result.path)),
                             title=self.tr("Backup"))
            else:
                show_message(self, self.tr("The backup failed its check and was deleted:")
                             + "\n" + result.detail, title=self.tr("Backup"))

    @staticmethod
    def folder_path(text: str) -> Path:
        return Path(text).expanduser()
