"""New / edit company: every field of a company, inline errors checked with the core's own
rules (legal ID and economic code checksums, phone forms), Save only when all is valid."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.services.accounts import AccountService
from crm_desktop.ui import screen_fit
from crm_desktop.ui.dialogs.record_form import (
    ChoiceBinding,
    NotesBinding,
    PhoneBinding,
    RecordDialog,
    TextBinding,
    run_dialog,
)
from crm_desktop.ui.ops import Ops


class AccountDialog(RecordDialog):
    specs: ClassVar = AccountService.fields
    # contacts show their company's name (and sort by it)
    changes: ClassVar = ("accounts", "contacts")

    def __init__(self, core: Core, ops: Ops, account_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.core = core
        self.ops = ops
        self.account_id = account_id
        self.setWindowTitle(self.tr("New company") if account_id is None
                            else self.tr("Edit company"))
        screen_fit.resize(self, 560, 680)
        self.build_form()
        if account_id is not None:
            self.load()
        else:
            self.check_all()
            self.bindings["name"].widget.setFocus()

    def build_form(self) -> None:
        self.add(self.tr("Name"), TextBinding("name"))
        self.add(self.tr("National ID (legal entity)"), TextBinding("legal_id", ltr=True))
        self.add(self.tr("Economic code"), TextBinding("economic_code", ltr=True))
        self.add(self.tr("Registration number"), TextBinding("registration_no"))
        self.add(self.tr("Phone"), PhoneBinding("phone", "phone"))
        self.add(self.tr("Fax"), PhoneBinding("fax", "phone"))
        self.add(self.tr("E-mail"), TextBinding("email", address=True,
                                                placeholder="info@example.com"))
        self.add(self.tr("Website"), TextBinding("website", address=True,
                                                 placeholder="www.example.com"))
        self.add(self.tr("Industry"), TextBinding("industry"))
        self.add(self.tr("City"), TextBinding("city"))
        self.add(self.tr("Address"), NotesBinding("address"))
        self.add(self.tr("Postal code"), TextBinding("postal_code", ltr=True))
        owner = self.add(self.tr("Owner"), ChoiceBinding("owner_id", self.core.users.options()))
        owner.set(self.core.actor_id)
        self.add(self.tr("Notes"), NotesBinding("notes"))

    def load(self) -> None:
        assert self.account_id is not None
        self.set_values(self.remember(self.core.accounts.get(self.account_id)))

    def write(self, values: dict[str, Any]) -> int:
        if self.account_id is None:
            return self.core.accounts.create(values)
        self.core.accounts.update(self.account_id, values, version=self.version)
        return self.account_id

    @classmethod
    def edit(cls, parent: QWidget | None, core: Core, ops: Ops,
             account_id: int | None = None) -> int | None:
        """The saved company's id, or None when the user cancelled."""
        dialog = cls(core, ops, account_id, parent)
        run_dialog(dialog)
        return dialog.result_id
