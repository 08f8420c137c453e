"""New / edit deal, and the small question a lost deal asks: why it was lost."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.enums import STAGE_OPEN, STAGE_WON
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.services.deals import DealService
from crm_desktop.text.normalize import clean_text
from crm_desktop.ui import display, screen_fit
from crm_desktop.ui.dialogs.record_form import (
    Binding,
    ChoiceBinding,
    DateBinding,
    MoneyBinding,
    NotesBinding,
    RecordDialog,
    TextBinding,
    run_dialog,
)
from crm_desktop.ui.ops import Ops


def show_with_contact(form: Any, current: dict[str, Any]) -> None:
    """Show a record whose form picks its contact (deals, tickets), noting its version."""
    form.remember(current)
    person = form.bindings["contact_id"]
    assert isinstance(person, ContactBinding)
    person.know(form.core, current["contact_id"])
    form.set_values(current)


class ContactBinding(Binding):
    """The deal's person: passed in (from a contact's page) and shown read-only by name,
    with a button to leave the deal without a person. A searchable list of every live
    contact would hold 100,000 entries."""

    def __init__(self, name: str, names: dict[int, str]):
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit()
        edit.setReadOnly(True)
        edit.setObjectName("contactName")
        clear = QToolButton()
        clear.setObjectName("clearContact")
        clear.setText("✕")
        row.addWidget(edit, 1)
        row.addWidget(clear)
        super().__init__(name, holder)
        self.edit = edit
        self.clear_button = clear
        self.clear_button.setToolTip(self.tr("No person"))
        self.edit.setPlaceholderText(self.tr("(none)"))
        self._names = names
        self._value: int | None = None
        self.clear_button.clicked.connect(lambda: self.set(None))

    def get(self) -> Any:
        return self._value

    def know(self, core: Core, contact_id: int | None) -> None:
        """Learn the name of a person the record names (one it was not built with: after a
        reload, someone else may have chosen another); one in the Trash shows no name."""
        if contact_id is not None and contact_id not in self._names:
            try:
                self._names[contact_id] = core.contacts.get(contact_id)["full_name"]
            except NotFoundError:
                self._names[contact_id] = ""

    def set(self, value: Any) -> None:
        self._value = value
        self.edit.setText(self._names.get(value, "") if value is not None else "")
        self.clear_button.setEnabled(value is not None)
        self.changed.emit()


class DealDialog(RecordDialog):
    specs: ClassVar = DealService.fields
    changes: ClassVar = ("deals",)

    def __init__(self, core: Core, ops: Ops, deal_id: int | None = None, *,
                 contact_id: int | None = None, account_id: int | None = None,
                 stage_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dealDialog")
        self.core = core
        self.ops = ops
        self.deal_id = deal_id
        self.setWindowTitle(self.tr("New deal") if deal_id is None else self.tr("Edit deal"))
        screen_fit.resize(self, 520, 560)
        current = core.deals.get(deal_id) if deal_id is not None else None
        person = current["contact_id"] if current else contact_id
        #: a won deal shows its customer's satisfaction score
        self.won = current is not None and any(
            s["id"] == current["stage_id"] and s["outcome"] == STAGE_WON
            for s in core.stages.list())
        self.build_form(person)
        if current is not None:
            self.show_record(current)
            return
        values: dict[str, Any] = {"owner_id": core.actor_id, "contact_id": contact_id}
        if account_id is None and contact_id is not None:
            account_id = core.contacts.get(contact_id).get("account_id")
        if account_id is not None:
            values["account_id"] = account_id
        if stage_id is not None:
            values["stage_id"] = stage_id
        self.set_values(values)
        self.bindings["title"].widget.setFocus()

    def build_form(self, contact_id: int | None) -> None:
        names = {}
        if contact_id is not None:
            names[contact_id] = self.core.contacts.get(contact_id)["full_name"]
        none = self.tr("(none)")
        self.add(self.tr("Title"), TextBinding("title"))
        self.add(self.tr("Person"), ContactBinding("contact_id", names))
        self.add(self.tr("Company"), ChoiceBinding("account_id", self.core.accounts.options(),
                                                   empty=none, searchable=True))
        self.add(self.tr("Amount"), MoneyBinding("amount_rial",
                                                 self.core.settings.display_unit))
        if self.deal_id is None:  # afterwards the stage changes by moving the card
            stages = [(s["id"], s["name"]) for s in self.core.stages.list()
                      if s["outcome"] == STAGE_OPEN]
            self.add(self.tr("Stage"), ChoiceBinding("stage_id", stages))
        self.add(self.tr("Expected close"), DateBinding("expected_close"))
        self.add(self.tr("Owner"), ChoiceBinding("owner_id", self.core.users.options()))
        # every campaign, the latest first; typing filters them (a shop runs hundreds)
        self.add(self.tr("Source campaign"),
                 ChoiceBinding("source_campaign_id", self.core.campaigns.options(),
                               empty=none, searchable=True))
        if self.won:  # the customer's score: asked after a won deal
            scores = [(n, display.fill(self.tr("{score} of 5"), score=display.number(n)))
                      for n in range(5, 0, -1)]
            self.add(self.tr("Satisfaction"),
                     ChoiceBinding("satisfaction", scores, empty=self.tr("(not asked)")))
        self.add(self.tr("Notes"), NotesBinding("notes"))

    def load(self) -> None:
        assert self.deal_id is not None
        self.show_record(self.core.deals.get(self.deal_id))

    def show_record(self, current: dict[str, Any]) -> None:
        show_with_contact(self, current)

    def write(self, values: dict[str, Any]) -> int:
        if self.deal_id is None:
            return self.core.deals.create(values)
        values.pop("stage_id", None)
        self.core.deals.update(self.deal_id, values, version=self.version)
        return self.deal_id

    @classmethod
    def edit(cls, parent: QWidget | None, core: Core, ops: Ops, deal_id: int | None = None,
             contact_id: int | None = None, account_id: int | None = None,
             stage_id: int | None = None) -> int | None:
        """The saved deal's id, or None when cancelled."""
        dialog = cls(core, ops, deal_id, contact_id=contact_id, account_id=account_id,
                     stage_id=stage_id, parent=parent)
        run_dialog(dialog)
        return dialog.result_id


class LostReasonDialog(QDialog):
    """Why a deal was lost: a common reason from the list, or the user's own words."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lostReasonDialog")
        self.setWindowTitle(self.tr("Deal lost"))
        self.reasons = QListWidget()
        self.reasons.setObjectName("lostReasons")
        self.reasons.addItems([
            self.tr("Price too high"), self.tr("Chose a competitor"),
            self.tr("No budget"), self.tr("Changed their mind"), self.tr("No answer"),
        ])
        self.text = QLineEdit()
        self.text.setObjectName("lostReasonText")
        self.text.setMaxLength(300)
        self.text.setPlaceholderText(self.tr("Or write the reason"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Mark as lost"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Why was this deal lost?")))
        layout.addWidget(self.reasons)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.reasons.currentTextChanged.connect(self._picked)
        self.text.textChanged.connect(self._update)
        self._update()

    def _picked(self, text: str) -> None:
        self.text.setText(text)

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()))

    def reason(self) -> str:
        return clean_text(self.text.text())

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        """The reason, or None when the user cancelled (tests monkeypatch this)."""
        dialog = cls(parent)
        accepted = run_dialog(dialog) == QDialog.DialogCode.Accepted
        reason = dialog.reason()
        return reason if accepted and reason else None
