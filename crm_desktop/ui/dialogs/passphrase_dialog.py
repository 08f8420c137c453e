"""The passphrase of encrypted backups: typed twice when it is chosen, once when a backup
is opened; whether the system's keyring keeps it (when there is one) or only this
session."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class PassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, confirm: bool, offer_keyring: bool,
                 note: str = ""):
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Backup passphrase"))
        self.passphrase = self._field("passphrase")
        self.again = self._field("passphraseAgain")
        self.keyring = QCheckBox(self.tr("Keep it in the system's keyring, so that automatic "
                                         "backups need nobody to type it"))
        self.keyring.setObjectName("keepInKeyring")
        self.keyring.setChecked(offer_keyring)
        self.problem = QLabel()
        self.problem.setObjectName("passphraseProblem")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        if confirm:
            form.addRow(self.tr("Again"), self.again)
        layout = QVBoxLayout(self)
        if note:
            text = QLabel(note)
            text.setWordWrap(True)
            layout.addWidget(text)
        layout.addLayout(form)
        self.confirm = confirm
        if confirm:
            if offer_keyring:
                layout.addWidget(self.keyring)
            else:
                missing = QLabel(self.tr("This computer has no keyring: the passphrase is kept "
                                         "only until the program closes, and asked for again "
                                         "at the next start."))
                missing.setObjectName("noKeyring")
                missing.setWordWrap(True)
                layout.addWidget(missing)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.offer_keyring = offer_keyring

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        return field

    def _accept(self) -> None:
        if not self.passphrase.text():
            self.problem.setText(self.tr("Type a passphrase."))
            return
        if self.confirm and self.again.text() != self.passphrase.text():
            self.problem.setText(self.tr("The two passphrases differ."))
            return
        self.accept()

    def chosen(self) -> tuple[str, bool]:
        return self.passphrase.text(), self.offer_keyring and self.keyring.isChecked()

    @classmethod
    def ask(cls, parent: QWidget | None, *, confirm: bool, offer_keyring: bool = False,
            note: str = "") -> tuple[str, bool] | None:
        """(passphrase, keep it in the keyring) or None when cancelled."""
        dialog = cls(parent, confirm=confirm, offer_keyring=offer_keyring, note=note)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
