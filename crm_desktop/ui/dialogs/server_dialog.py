"""Connect to a server (File > Connect to a server…, and when a server database needs a
password nobody gave): host, port, database, user, password, "remember the password in
this computer's keyring". Connecting is tried in the dialog: a wrong password or a server
out of reach is said there, in the window's language, and the dialog stays open."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services import secrets
from crm_desktop.services import server_access as sa
from crm_desktop.ui import display, screen_fit
from crm_desktop.ui.dialogs.login_dialog import ltr_line

log = logging.getLogger(__name__)


class ServerDialog(QDialog):
    """`location` (with its password) is set when the server let us in."""

    def __init__(self, initial: sa.Location | None = None, problem: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.location: sa.Location | None = None
        self.setWindowTitle(self.tr("Connect to a server"))
        screen_fit.resize(self, 460, 330)
        intro = QLabel(self.tr("Every desk of the office works on the same database on a "
                               "PostgreSQL server. Ask whoever set it up for these details."))
        intro.setObjectName("serverIntro")
        intro.setWordWrap(True)
        self.host = ltr_line("serverHost")
        self.host.setPlaceholderText("192.168.1.10")
        self.port = QSpinBox()
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(sa.DEFAULT_PORT)
        self.port.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.database = ltr_line("serverDatabase")
        self.user = ltr_line("serverUser")
        self.password = ltr_line("serverPassword", password=True)
        self.remember = QCheckBox(self.tr("Remember the password in this computer's keyring"))
        self.remember.setObjectName("serverRemember")
        if not secrets.available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(self.tr("This computer has no keyring: the password is "
                                             "asked for each time"))
        self.message = QLabel()
        self.message.setObjectName("serverMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("tone", "danger")
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Connect"))
        self.connect_button.setObjectName("serverConnect")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        if initial is not None:
            self.host.setText(initial.host or "")
            self.port.setValue(initial.port)
            self.database.setText(initial.name or "")
            self.user.setText(initial.user or "")
            self.password.setText(initial.password or "")
        if problem:
            self.say(self.reason_text(problem))
        (self.password if initial is not None else self.host).setFocus()

    def reason_text(self, reason: str) -> str:
        texts = {
            "password": self.tr("The server refused the user name or password."),
            "unreachable": self.tr("The server cannot be reached: check its address and "
                                   "port, and that it is switched on and on the network."),
            "no_database": self.tr("The server has no database by this name."),
            "other": self.tr("The server refused the connection."),
            "needed": self.tr("The server asks for a password."),
            "fields": self.tr("Fill in the server, the database and the user."),
            "no_keyring": self.tr("This computer has no keyring: the password was not "
                                  "remembered."),
        }
        return texts.get(reason, texts["other"])

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def typed(self) -> sa.Location | None:
        if not (self.host.text().strip() and self.database.text().strip()
                and self.user.text().strip()):
            return None
        return sa.server(self.host.text(), self.port.value(), self.database.text(),
                         self.user.text(), self.password.text())

    def try_connect(self) -> None:
        location = self.typed()
        if location is None:
            self.say(self.reason_text("fields"))
            return
        try:
            sa.probe(location)
        except sa.ConnectFailed as exc:
            log.warning("cannot connect to %s: %s", location.display(), exc.reason)
            text = self.reason_text(exc.reason)
            if exc.reason == "other" and exc.detail:
                text += "\n" + display.isolate(exc.detail)
            self.say(text)
            self.password.setFocus()
            return
        if self.remember.isChecked() and location.password:
            try:
                sa.remember(location, location.password)
            except secrets.NoKeyring:
                self.say(self.reason_text("no_keyring"))  # (shown until the window opens)
        self.location = location
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, initial: sa.Location | None = None,
            problem: str | None = None) -> sa.Location | None:
        """The server database to open, with a password it accepted; None when cancelled."""
        dialog = cls(initial, problem, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.location if accepted else None
