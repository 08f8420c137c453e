"""The login at start (a database where people sign in): username and password; a refusal
is said in the dialog, and after too many wrong passwords the wait counts down there."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import CrmError, SignInRefused
from crm_desktop.services.auth import AuthService
from crm_desktop.text.auth_texts import refused_message
from crm_desktop.ui import display, screen_fit

log = logging.getLogger(__name__)


def ui_lang() -> str:
    return "fa" if display.persian() else "en"


def ltr_line(name: str, *, password: bool = False) -> QLineEdit:
    """A field for a username or password: read left to right in a Persian window too."""
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setMaxLength(1024)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class LoginDialog(QDialog):
    """Sign in to one database; `user_id` is set when it succeeds."""

    def __init__(self, auth: AuthService, database: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.auth = auth
        self.user_id: int | None = None
        self.wait_left = 0
        self.setWindowTitle(self.tr("Sign in"))
        screen_fit.resize(self, 420, 190)
        heading = QLabel(self.tr("Sign in to {database}").replace(
            "{database}", display.isolate(database)))
        heading.setObjectName("loginHeading")
        heading.setWordWrap(True)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        self.username = ltr_line("loginUsername")
        self.password = ltr_line("loginPassword", password=True)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("tone", "danger")
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("loginButtons")
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        self.sign_in_button.setObjectName("signIn")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.username.setFocus()

    def try_sign_in(self) -> None:
        try:
            self.user_id = self.auth.sign_in(self.username.text(), self.password.text())
        except SignInRefused as exc:
            self.password.clear()
            self.password.setFocus()
            if exc.reason == "locked":
                self.start_wait(exc.wait_seconds)
            else:
                self.say(exc.message(ui_lang()))
            return
        except CrmError as exc:  # the database is busy or cannot be written
            log.warning("sign-in failed: %s", type(exc).__name__)
            self.say(str(exc))
            return
        self.accept()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def start_wait(self, seconds: int) -> None:
        """No sign-in until the wait is over; the message counts it down."""
        self.wait_left = max(1, seconds)
        self.sign_in_button.setEnabled(False)
        self.say(refused_message("locked", self.wait_left, ui_lang()))
        self.timer.start()

    def tick(self) -> None:
        self.wait_left -= 1
        if self.wait_left > 0:
            self.say(refused_message("locked", self.wait_left, ui_lang()))
            return
        self.timer.stop()
        self.sign_in_button.setEnabled(True)
        self.say(self.tr("You can try again now."))

    @classmethod
    def ask(cls, parent: QWidget | None, auth: AuthService, database: str) -> int | None:
        """The id of the user who signed in; None when they quit."""
        dialog = cls(auth, database, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.user_id if accepted else None
