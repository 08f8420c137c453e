"""New / edit ticket, and the two small questions a ticket asks: how satisfied the customer
was when it is closed, and the text of a comment."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.enums import TicketChannel
from crm_desktop.services.tickets import TicketService
from crm_desktop.ui import display, labels, screen_fit
from crm_desktop.ui.dialogs.contact_dialog import ContactDialog
from crm_desktop.ui.dialogs.deal_dialog import ContactBinding, show_with_contact
from crm_desktop.ui.dialogs.record_form import (
    ChoiceBinding,
    NotesBinding,
    RecordDialog,
    TextBinding,
    ask_discard,
    run_dialog,
)
from crm_desktop.ui.ops import Ops


def ticket_channels() -> dict[str, str]:
    """How a ticket reached us. Same context as crm_desktop.ui.labels, so it can move
    there unchanged."""
    return {
        TicketChannel.PHONE: QCoreApplication.translate("Labels", "Phone"),
        TicketChannel.IN_PERSON: QCoreApplication.translate("Labels", "In person"),
        TicketChannel.EMAIL: QCoreApplication.translate("Labels", "E-mail"),
        TicketChannel.SMS: QCoreApplication.translate("Labels", "SMS"),
        TicketChannel.SOCIAL: QCoreApplication.translate("Labels", "Social media"),
    }


class TicketDialog(RecordDialog):
    specs: ClassVar = TicketService.fields
    changes: ClassVar = ("tickets",)

    def __init__(self, core: Core, ops: Ops, ticket_id: int | None = None, *,
                 contact_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ticketDialog")
        self.core = core
        self.ops = ops
        self.ticket_id = ticket_id
        current = core.tickets.get(ticket_id) if ticket_id is not None else None
        if current is None:
            self.setWindowTitle(self.tr("New ticket"))
        else:
            self.setWindowTitle(self.tr("Edit ticket {number}").replace(
                "{number}", display.ltr(current["number"])))
        screen_fit.resize(self, 520, 560)
        person = current["contact_id"] if current else contact_id
        self.build_form(person)
        if current is not None:
            self.show_record(current)
            return
        self.set_values({"contact_id": contact_id, "assignee_id": core.actor_id})
        self.bindings["subject"].widget.setFocus()

    def build_form(self, contact_id: int | None) -> None:
        names: dict[int, str] = {}
        if contact_id is not None:
            names[contact_id] = self.core.contacts.get(contact_id)["full_name"]
        self.contact_names = names  # the binding's own dict: a new contact is added to it
        self.add(self.tr("Subject"), TextBinding("subject"))
        contact = self.add(self.tr("Contact"), ContactBinding("contact_id", names))
        self.new_contact_button = QPushButton(self.tr("New contact…"))
        self.new_contact_button.setObjectName("newContact")
        self.new_contact_button.setAutoDefault(False)
        self.new_contact_button.clicked.connect(self.new_contact)
        holder_layout = contact.widget.layout()
        assert holder_layout is not None
        holder_layout.addWidget(self.new_contact_button)
        self.add(self.tr("Category"),
                 ChoiceBinding("category", list(labels.ticket_categories().items())))
        self.add(self.tr("Priority"),
                 ChoiceBinding("priority", list(labels.ticket_priorities().items())))
        self.add(self.tr("Channel"), ChoiceBinding("channel", list(ticket_channels().items())))
        self.add(self.tr("Assignee"), ChoiceBinding("assignee_id", self.core.users.options(),
                                                    empty=self.tr("(nobody)")))
        if self.ticket_id is not None:  # a new ticket starts as New
            self.add(self.tr("Status"),
                     ChoiceBinding("status", list(labels.ticket_statuses().items())))
        self.add(self.tr("Description"), NotesBinding("description"))

    def new_contact(self) -> None:
        """Create a contact and make it the ticket's (or the existing one the contact
        dialog offered instead of a duplicate)."""
        saved, open_instead = ContactDialog.edit(self, self.core, self.ops)
        chosen = saved if saved is not None else open_instead
        if chosen is None:
            return
        self.contact_names[chosen] = self.core.contacts.get(chosen)["full_name"]
        self.bindings["contact_id"].set(chosen)

    def write(self, values: dict[str, Any]) -> int:
        if self.ticket_id is None:
            contact_id = values.get("contact_id")
            if contact_id is not None:
                values["account_id"] = self.core.contacts.get(contact_id).get("account_id")
            return self.core.tickets.create(values)
        self.core.tickets.update(self.ticket_id, values, version=self.version)
        return self.ticket_id

    def load(self) -> None:
        assert self.ticket_id is not None
        self.show_record(self.core.tickets.get(self.ticket_id))

    def show_record(self, current: dict[str, Any]) -> None:
        show_with_contact(self, current)

    @classmethod
    def edit(cls, parent: QWidget | None, core: Core, ops: Ops, ticket_id: int | None = None,
             contact_id: int | None = None) -> int | None:
        """The saved ticket's id, or None when cancelled."""
        dialog = cls(core, ops, ticket_id, contact_id=contact_id, parent=parent)
        run_dialog(dialog)
        return dialog.result_id


class CloseTicketDialog(QDialog):
    """Closing a ticket: the customer's satisfaction (1 to 5, or not asked) and a comment."""

    NOT_ASKED = 0

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("closeTicketDialog")
        self.setWindowTitle(self.tr("Close ticket"))
        self.scores = QButtonGroup(self)
        row = QHBoxLayout()
        not_asked = QRadioButton(self.tr("Not asked"))
        not_asked.setObjectName("scoreNotAsked")
        not_asked.setChecked(True)
        self.scores.addButton(not_asked, self.NOT_ASKED)
        row.addWidget(not_asked)
        for score in range(1, 6):
            button = QRadioButton(display.number(score))
            button.setObjectName(f"score{score}")
            self.scores.addButton(button, score)
            row.addWidget(button)
        row.addStretch(1)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("satisfactionComment")
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("What the customer said (optional)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Close ticket"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("How satisfied was the customer? (1 = not at all, "
                                        "5 = very)")))
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Comment")))
        layout.addWidget(self.comment)
        layout.addWidget(self.buttons)

    def score(self) -> int | None:
        chosen = self.scores.checkedId()
        return None if chosen in (self.NOT_ASKED, -1) else chosen

    def set_score(self, score: int | None) -> None:
        self.scores.button(self.NOT_ASKED if score is None else score).setChecked(True)

    def comment_text(self) -> str:
        return self.comment.toPlainText().strip()

    @classmethod
    def ask(cls, parent: QWidget | None) -> tuple[int | None, str] | None:
        """(satisfaction or None when not asked, comment), or None when cancelled
        (tests monkeypatch this)."""
        dialog = cls(parent)
        accepted = run_dialog(dialog) == QDialog.DialogCode.Accepted
        return (dialog.score(), dialog.comment_text()) if accepted else None


class CommentDialog(QDialog):
    """A comment on a ticket: its text, and whether it is an internal note."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("commentDialog")
        self.setWindowTitle(self.tr("Add comment"))
        self.body = QPlainTextEdit()
        self.body.setObjectName("commentBody")
        self.body.setTabChangesFocus(True)
        self.internal = QCheckBox(self.tr("Internal note (the customer does not see it)"))
        self.internal.setObjectName("commentInternal")
        self.internal.setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.internal)
        layout.addWidget(self.buttons)
        self.body.textChanged.connect(self._update)
        self._update()

    def text(self) -> str:
        # the service tidies it (a comment keeps its line breaks)
        return self.body.toPlainText().strip()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.text()))

    def reject(self) -> None:
        """Esc or Cancel with a comment typed: ask before it is thrown away."""
        if self.text() and not ask_discard(self):
            return
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None) -> tuple[str, bool] | None:
        """(body, internal), or None when cancelled (tests monkeypatch this)."""
        dialog = cls(parent)
        accepted = run_dialog(dialog) == QDialog.DialogCode.Accepted
        body = dialog.text()
        return (body, dialog.internal.isChecked()) if accepted and body else None
