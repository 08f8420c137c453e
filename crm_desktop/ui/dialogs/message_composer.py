"""The message composer of a campaign: SMS or e-mail text with placeholders inserted from a
menu, the SMS character and part counter (live), a preview for a chosen member, who is
left out and why, then queue and send in the background with progress and cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.services.base import ListQuery
from crm_desktop.services.outbox import Exclusions, SendReport
from crm_desktop.text import placeholders
from crm_desktop.text.sms import count_sms
from crm_desktop.ui import display
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.outbox_sender import BackgroundSending
from crm_desktop.ui.theme import icons, tokens

#: members offered for the preview (the first ones of the campaign)
PREVIEW_MEMBERS = 200


def placeholder_labels() -> dict[str, str]:
    return {
        "first_name": QCoreApplication.translate("MessageComposer", "First name"),
        "last_name": QCoreApplication.translate("MessageComposer", "Last name"),
        "full_name": QCoreApplication.translate("MessageComposer", "Full name"),
        "company": QCoreApplication.translate("MessageComposer", "Company"),
        "title": QCoreApplication.translate("MessageComposer", "Job title"),
        "city": QCoreApplication.translate("MessageComposer", "City"),
        "mobile": QCoreApplication.translate("MessageComposer", "Mobile"),
        "email": QCoreApplication.translate("MessageComposer", "E-mail"),
    }


def reason_labels() -> dict[str, str]:
    return {
        "already": QCoreApplication.translate("MessageComposer",
                                              "already queued or sent for this message"),
        "opted_out": QCoreApplication.translate("MessageComposer", "opted out"),
        "deleted": QCoreApplication.translate("MessageComposer", "contact deleted"),
        "no_consent": QCoreApplication.translate("MessageComposer", "no consent for this channel"),
        "no_address": QCoreApplication.translate("MessageComposer", "no valid mobile or e-mail"),
    }


class MessageComposer(QDialog):
    def __init__(self, core: Core, ops: Ops, campaign_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.ops, self.campaign_id = core, ops, campaign_id
        self.message_id: int | None = None
        self.exclusions: Exclusions | None = None
        self.setObjectName("messageComposer")
        self.setWindowTitle(self.tr("Write a message"))
        self.resize(720, 600)

        self.channel = QComboBox()
        self.channel.setObjectName("composerChannel")
        self.channel.addItem(self.tr("SMS"), "sms")
        self.channel.addItem(self.tr("E-mail"), "email")
        self.subject = QLineEdit()
        self.subject.setObjectName("composerSubject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("composerBody")
        self.body.setPlaceholderText(self.tr("Hello {first_name}, ..."))
        # a button with a menu, like the other buttons of the dialog (a tool button drew
        # its menu arrow under its word)
        self.insert = QPushButton(self.tr("Insert field"))
        self.insert.setObjectName("insertPlaceholder")
        icons.dress(self.insert, "plus")
        self.insert.setAutoDefault(False)  # Enter never opens the menu
        menu = QMenu(self.insert)
        for name, label in placeholder_labels().items():
            action = menu.addAction(f"{label}  {{{name}}}")
            action.setData(name)
            action.triggered.connect(lambda _=False, n=name: self.insert_placeholder(n))
        self.insert.setMenu(menu)
        self.counter = QLabel()
        self.counter.setObjectName("smsCounter")
        self.problem = QLabel()
        self.problem.setObjectName("composerProblem")
        self.problem.setWordWrap(True)
        self.problem.setProperty("tone", "danger")

        self.member = QComboBox()
        self.member.setObjectName("previewMember")
        page = core.campaigns.members(campaign_id, ListQuery(limit=PREVIEW_MEMBERS))
        for row in page.rows:
            self.member.addItem(row["full_name"] or str(row["id"]), row["id"])
        self.preview = QLabel()
        self.preview.setObjectName("composerPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the message as the member gets it: a framed box with the text at its top (not a
        # line floating in the middle of an empty band)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setMargin(tokens.SPACING["s"])
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.preview.setMinimumHeight(60)

        self.summary = QLabel(self.tr("Check the recipients to see who is left out and why."))
        self.summary.setObjectName("exclusionSummary")
        self.summary.setWordWrap(True)
        self.check = QPushButton(self.tr("Check recipients"))
        self.check.setObjectName("checkRecipients")
        icons.dress(self.check, "eye")
        self.check.clicked.connect(self.check_recipients)
        self.send = QPushButton(self.tr("Queue and send"))
        self.send.setObjectName("queueAndSend")
        icons.dress(self.send, "inbox")
        self.send.setEnabled(False)
        self.send.clicked.connect(self.queue_and_send)
        self.progress = QProgressBar()
        self.progress.setObjectName("sendProgress")
        self.stop = QPushButton(self.tr("Stop sending"))
        self.stop.setObjectName("stopSending")
        self.sending = BackgroundSending(core, ops, self.progress, self.stop, self)
        self.sending.finished.connect(self._done)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Subject"), self.subject)
        self._form = form
        tools = QHBoxLayout()
        tools.addWidget(self.insert)
        tools.addStretch(1)
        tools.addWidget(self.counter)
        preview_row = QFormLayout()
        preview_row.addRow(self.tr("Preview for"), self.member)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check)
        buttons.addWidget(self.send)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.stop)
        buttons.addStretch(0)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 3)
        layout.addLayout(tools)
        layout.addWidget(self.problem)
        layout.addLayout(preview_row)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.body.textChanged.connect(self.update_text)
        self.subject.textChanged.connect(self.update_text)
        self.member.currentIndexChanged.connect(self.update_text)
        self._channel_changed()

    # -- editing ---------------------------------------------------------------------------
    @property
    def channel_value(self) -> str:
        return str(self.channel.currentData())

    def insert_placeholder(self, name: str) -> None:
        self.body.insertPlainText("{" + name + "}")
        self.body.setFocus()

    def _channel_changed(self) -> None:
        email = self.channel_value == "email"
        self._form.setRowVisible(self.subject, email)
        self.counter.setVisible(not email)
        self.message_id = None  # another channel: another message
        self._invalidate()
        self.update_text()

    def _invalidate(self) -> None:
        """The text or channel changed: the recipients must be checked again (the same
        message is saved again: members it was queued for stay left out)."""
        self.exclusions = None
        self.send.setEnabled(False)

    def update_text(self) -> None:
        """Counter, placeholder problems and preview, as the user types."""
        if self.sender() is self.body or self.sender() is self.subject:
            self._invalidate()
        text = self.body.toPlainText()
        problems: list[str] = []
        rendered = text
        lang = self.ops.lang()
        contact = self.member.currentData()
        try:
            if contact is not None:
                shown = self.core.outbox.preview(text, contact, self.subject.text())
                rendered = shown["body"]
                if self.channel_value == "email":
                    rendered = shown["subject"] + "\n\n" + rendered
            else:
                placeholders.parse(text)
        except ValidationError as exc:
            problems.append(exc.message(lang))
            rendered = ""
        except CrmError:
            rendered = ""
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        self.preview.setText(rendered)
        count = count_sms(rendered if contact is not None and rendered else text)
        self.counter.setText(
            self.tr("{chars} characters, {parts} SMS ({left} left in this part)")
            .replace("{chars}", display.number(count.chars))
            .replace("{parts}", display.number(count.parts))
            .replace("{left}", display.number(count.remaining)))

    # -- recipients, queue, send ---------------------------------------------------------
    def check_recipients(self) -> None:
        """Save the message and show who it would reach and who is left out, and why."""
        text, subject = self.body.toPlainText(), self.subject.text()
        outcome = self.ops.run(self, lambda: self.core.outbox.save_message(
            self.campaign_id, self.channel_value, text, subject or None, self.message_id),
            changes=["campaign_messages"])
        if not outcome.ok or outcome.value is None:
            return
        self.message_id = outcome.value
        self.exclusions = self.core.outbox.exclusions(self.message_id)
        self.summary.setText(self.summary_text(self.exclusions))
        self.send.setEnabled(self.exclusions.eligible > 0)

    def summary_text(self, ex: Exclusions) -> str:
        lines = [self.tr("{n} of {total} members will get this message.")
                 .replace("{n}", display.number(ex.eligible))
                 .replace("{total}", display.number(ex.members))]
        labels = reason_labels()
        left_out = [f"{display.number(n)} {labels[reason]}"
                    for reason, n in ex.counts.items() if n]
        if left_out:
            lines.append(self.tr("Left out: {reasons}").replace("{reasons}", "، ".join(left_out)
                                                                if display.persian()
                                                                else ", ".join(left_out)))
        return "\n".join(lines)

    def queue_and_send(self) -> None:
        if self.message_id is None:
            return
        message_id = self.message_id
        outcome = self.ops.run(self, lambda: self.core.outbox.queue(message_id),
                               changes=["outbox", "campaign_members"])
        if not outcome.ok:
            return
        self.send.setEnabled(False)
        self.summary.setText(self.tr("{n} messages queued.").replace(
            "{n}", display.number(outcome.value or 0)))
        self.start_sending()

    def start_sending(self) -> None:
        from crm_desktop.services.delivery import deliveries

        if self.channel_value not in deliveries(self.core.settings.sending()):
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "They go out when a delivery is chosen in Settings (or, for SMS by file, "
                "from the Outbox page)."))
            return
        self.sending.start()

    def _done(self, report: SendReport | None) -> None:
        if report is None:
            self.summary.setText(self.tr("Sending stopped because of an error; nothing was "
                                         "sent twice. See the Outbox."))
        else:
            self.summary.setText(
                self.tr("Sent {sent}, failed {failed}, to retry later {later}.")
                .replace("{sent}", display.number(report.sent))
                .replace("{failed}", display.number(report.failed))
                .replace("{later}", display.number(report.retry_later)))

    def done(self, result: int) -> None:
        self.sending.cancel_and_wait()
        super().done(result)


def compose(parent: QWidget | None, core: Core, ops: Ops, campaign_id: int) -> None:
    """Open the composer for a campaign (wired to a button of the campaign page)."""
    dialog = MessageComposer(core, ops, campaign_id, parent)
    dialog.exec()
    dialog.deleteLater()
