"""Settings, Sending: how SMS (panel file or HTTP gateway) and e-mail (SMTP) leave the
program. The API key and the SMTP password go to the operating system's keyring, never to
the database; where no keyring exists the page says so and stores no secret."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
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
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.theme import icons, tokens


class SendingSettings(QWidget):
    def __init__(self, core: Core, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.ops = core, ops
        self.setObjectName("sendingSettings")
        self.sms = QComboBox()
        self.sms.setObjectName("smsDelivery")
        self.sms.addItem(self.tr("Not sent from here"), "none")
        self.sms.addItem(self.tr("File for the SMS panel (CSV / Excel)"), "file")
        self.sms.addItem(self.tr("SMS gateway over the internet (HTTP)"), "http")
        self.url = QLineEdit()
        self.url.setObjectName("smsGatewayUrl")
        self.url.setPlaceholderText("https://api.kavenegar.com/v1/{api_key}/sms/send.json")
        self.api_key = QLineEdit()
        self.api_key.setObjectName("smsApiKey")
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.sender = QLineEdit()
        self.sender.setObjectName("smsSender")
        self.email = QComboBox()
        self.email.setObjectName("emailDelivery")
        self.email.addItem(self.tr("Not sent from here"), "none")
        self.email.addItem(self.tr("SMTP server"), "smtp")
        self.host = QLineEdit()
        self.host.setObjectName("smtpHost")
        self.port = QSpinBox()
        self.port.setObjectName("smtpPort")
        self.port.setRange(1, 65535)
        self.port.setMaximumWidth(140)  # five digits, not the width of an address
        self.security = QComboBox()
        self.security.setObjectName("smtpSecurity")
        self.security.addItem("STARTTLS", "starttls")
        self.security.addItem("SSL/TLS", "ssl")
        self.security.addItem(self.tr("None (unencrypted)"), "none")
        self.username = QLineEdit()
        self.username.setObjectName("smtpUsername")
        self.password = QLineEdit()
        self.password.setObjectName("smtpPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.from_address = QLineEdit()
        self.from_address.setObjectName("smtpSender")
        for field in (self.url, self.api_key, self.sender, self.host, self.username,
                      self.password, self.from_address):
            field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.keyring_note = QLabel()
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        self.saved = QLabel()
        self.saved.setObjectName("sendingSaved")
        save = QPushButton(self.tr("Save"))
        save.setObjectName("saveSending")
        icons.dress(save, "device-floppy")
        save.clicked.connect(self.save)

        # one form, so the SMS and e-mail fields line up; a gap between the two
        form = QFormLayout()
        form.addRow(self.tr("SMS"), self.sms)
        form.addRow(self.tr("Gateway address"), self.url)
        form.addRow(self.tr("API key"), self.api_key)
        form.addRow(self.tr("Sender line"), self.sender)
        gap = QWidget()
        gap.setFixedHeight(tokens.SPACING["m"])
        form.addRow(gap)
        mail_form = form
        mail_form.addRow(self.tr("E-mail"), self.email)
        mail_form.addRow(self.tr("SMTP server"), self.host)
        mail_form.addRow(self.tr("Port"), self.port)
        mail_form.addRow(self.tr("Security"), self.security)
        mail_form.addRow(self.tr("User name"), self.username)
        mail_form.addRow(self.tr("Password"), self.password)
        mail_form.addRow(self.tr("Sender address"), self.from_address)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(self.saved, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addLayout(buttons)
        self.load()

    def load(self) -> None:
        s = self.core.settings.sending()
        self.sms.setCurrentIndex(max(0, self.sms.findData(s["sms_delivery"])))
        self.url.setText(s["sms_gateway_url"])
        self.sender.setText(s["sms_sender"])
        self.email.setCurrentIndex(max(0, self.email.findData(s["email_delivery"])))
        self.host.setText(s["smtp_host"])
        self.port.setValue(int(s["smtp_port"]))
        self.security.setCurrentIndex(max(0, self.security.findData(s["smtp_security"])))
        self.username.setText(s["smtp_username"])
        self.from_address.setText(s["smtp_sender"])
        self.api_key.clear()
        self.password.clear()
        has_keyring = secrets.available()
        self.api_key.setEnabled(has_keyring)
        self.password.setEnabled(has_keyring)
        if has_keyring:
            self.api_key.setPlaceholderText(self.tr("kept in the system's keyring; leave "
                                                    "empty to keep the stored one"))
            self.password.setPlaceholderText(self.api_key.placeholderText())
            self.keyring_note.setText("")
        else:
            self.keyring_note.setText(self.tr(
                "This computer has no keyring (password store), so the API key and the "
                "SMTP password cannot be kept: they are never written to the database. "
                "Use the panel file for SMS, or install a keyring."))
        self.keyring_note.setVisible(bool(self.keyring_note.text()))

    def save(self) -> None:
        changes = {
            "sms_delivery": self.sms.currentData(), "sms_gateway_url": self.url.text(),
            "sms_sender": self.sender.text(), "email_delivery": self.email.currentData(),
            "smtp_host": self.host.text(), "smtp_port": self.port.value(),
            "smtp_security": self.security.currentData(),
            "smtp_username": self.username.text(), "smtp_sender": self.from_address.text(),
        }
        outcome = self.ops.run(self, lambda: self.core.settings.set_sending(changes),
                               changes=["settings"])
        if not outcome.ok:
            return
        saved = self.core.settings.sending()
        try:
            if self.api_key.text():
                secrets.store(secrets.sms_key_name(saved["sms_gateway_url"]),
                              self.api_key.text())
            if self.password.text():
                secrets.store(secrets.smtp_name(saved["smtp_username"], saved["smtp_host"]),
                              self.password.text())
        except secrets.NoKeyring:
            self.saved.setText(self.tr("Saved, but the secret was not kept: no keyring."))
            return
        self.api_key.clear()
        self.password.clear()
        self.saved.setText(self.tr("Saved."))
