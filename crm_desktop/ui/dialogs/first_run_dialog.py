"""The first start of a new database: the administrator's name, username and password
(twice), after which everyone signs in; or single-user mode, with no login (it can be turned
off later in Settings)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.services.auth import AuthService
from crm_desktop.ui import screen_fit
from crm_desktop.ui.dialogs.login_dialog import ltr_line, ui_lang


class FirstRunDialog(QDialog):
    """Set up a new database; `admin_id` is set when it is done."""

    def __init__(self, auth: AuthService, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.auth = auth
        self.admin_id: int | None = None
        self.setWindowTitle(self.tr("Set up the new database"))
        screen_fit.resize(self, 560, 440)
        heading = QLabel(self.tr("Welcome! Who will use this database?"))
        heading.setObjectName("firstRunHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        self.with_users = QRadioButton(self.tr("Several people: each signs in with a username "
                                               "and password"))
        self.with_users.setObjectName("setupWithUsers")
        self.single = QRadioButton(self.tr("Only me: single-user mode, no login"))
        self.single.setObjectName("setupSingleUser")
        group = QButtonGroup(self)
        group.addButton(self.with_users)
        group.addButton(self.single)
        self.with_users.setChecked(True)
        single_note = QLabel(self.tr("You can turn single-user mode off later in Settings, "
                                     "Users and roles."))
        single_note.setObjectName("singleUserNote")
        single_note.setWordWrap(True)
        single_note.setProperty("role", "muted")

        self.admin_box = QWidget()
        self.admin_box.setObjectName("administratorFields")
        intro = QLabel(self.tr("The administrator manages users and may do everything:"))
        intro.setWordWrap(True)
        self.display_name = QLineEdit()
        self.display_name.setObjectName("setupDisplayName")
        self.display_name.setMaxLength(120)
        self.username = ltr_line("setupUsername")
        self.username.setPlaceholderText("admin")
        self.password = ltr_line("setupPassword", password=True)
        self.password_again = ltr_line("setupPasswordAgain", password=True)
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.display_name)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.password_again)
        box = QVBoxLayout(self.admin_box)
        box.setContentsMargins(24, 0, 0, 0)
        box.addWidget(intro)
        box.addLayout(form)

        self.message = QLabel()
        self.message.setObjectName("setupMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("tone", "danger")
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("setupButtons")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("setupStart")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        #: "Connect to a server instead": the office's database is on a server
        self.wants_server = False
        server = buttons.addButton(self.tr("Connect to a server instead…"),
                                   QDialogButtonBox.ButtonRole.ActionRole)
        server.setObjectName("setupServer")
        server.clicked.connect(self.choose_server)
        buttons.accepted.connect(self.finish)
        buttons.rejected.connect(self.reject)
        self.with_users.toggled.connect(self.admin_box.setEnabled)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.with_users)
        layout.addWidget(self.admin_box)
        layout.addWidget(self.single)
        layout.addWidget(single_note)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def finish(self) -> None:
        single = self.single.isChecked()
        try:
            if single:
                self.admin_id = self.auth.complete_setup(single_user=True)
            else:
                self.admin_id = self.auth.complete_setup(
                    single_user=False, display_name=self.display_name.text(),
                    username=self.username.text(), password=self.password.text(),
                    password_again=self.password_again.text())
        except ValidationError as exc:
            self.message.setText(exc.message(ui_lang()))
            self.message.show()
            return
        except CrmError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.accept()

    def choose_server(self) -> None:
        self.wants_server = True
        self.reject()

    @classmethod
    def ask(cls, parent: QWidget | None, auth: AuthService) -> int | str | None:
        """The administrator's id once the database is set up; None when they quit;
        SERVER when they chose to connect to a server instead."""
        dialog = cls(auth, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if dialog.wants_server:
            return SERVER
        return dialog.admin_id if accepted else None


#: FirstRunDialog.ask's answer when the database to use is on a server
SERVER = "server"
