"""New / edit campaign: name, channel, status, dates in the Jalali calendar, budget, actual
cost and expected revenue in the display unit, owner and description."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtWidgets import QWidget

from crm_desktop.core import Core
from crm_desktop.domain.enums import CampaignChannel, CampaignStatus
from crm_desktop.domain.errors import FieldError
from crm_desktop.services.campaigns import CampaignService
from crm_desktop.ui import labels, screen_fit
from crm_desktop.ui.dialogs.record_form import (
    ChoiceBinding,
    DateBinding,
    MoneyBinding,
    NotesBinding,
    RecordDialog,
    TextBinding,
    lang,
    run_dialog,
)
from crm_desktop.ui.ops import Ops


class CampaignDialog(RecordDialog):
    specs: ClassVar = CampaignService.fields
    changes: ClassVar = ("campaigns",)

    def __init__(self, core: Core, ops: Ops, campaign_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("campaignDialog")
        self.core = core
        self.ops = ops
        self.campaign_id = campaign_id
        self.setWindowTitle(self.tr("New campaign") if campaign_id is None
                            else self.tr("Edit campaign"))
        screen_fit.resize(self, 520, 470)  # ten fields, no empty band above the buttons
        self.build_form()
        if campaign_id is not None:
            self.load()
        else:
            self.set_values({"channel": CampaignChannel.SMS.value,
                             "status": CampaignStatus.PLANNED.value,
                             "owner_id": core.actor_id})
            self.bindings["name"].widget.setFocus()

    def build_form(self) -> None:
        unit = self.core.settings.display_unit
        self.add(self.tr("Name"), TextBinding("name"))
        self.add(self.tr("Channel"), ChoiceBinding(
            "channel", list(labels.campaign_channels().items())))
        self.add(self.tr("Status"), ChoiceBinding(
            "status", list(labels.campaign_statuses().items())))
        self.add(self.tr("Starts"), DateBinding("start_date"))
        self.add(self.tr("Ends"), DateBinding("end_date"))
        self.add(self.tr("Budget"), MoneyBinding("budget_rial", unit))
        self.add(self.tr("Actual cost"), MoneyBinding("actual_cost_rial", unit))
        self.add(self.tr("Expected revenue"), MoneyBinding("expected_revenue_rial", unit))
        self.add(self.tr("Owner"), ChoiceBinding("owner_id", self.core.users.options()))
        self.add(self.tr("Description"), NotesBinding("description"))

    def cross_errors(self) -> dict[str, str]:
        """The end cannot come before the start (the service says the same)."""
        start = self.bindings["start_date"].get()
        end = self.bindings["end_date"].get()
        if start is not None and end is not None and end < start:
            return {"end_date": FieldError("end_date", "date.order").message(lang())}
        return {}

    def write(self, values: dict[str, Any]) -> int:
        if self.campaign_id is None:
            return self.core.campaigns.create(values)
        self.core.campaigns.update(self.campaign_id, values, version=self.version)
        return self.campaign_id

    def load(self) -> None:
        assert self.campaign_id is not None
        self.set_values(self.remember(self.core.campaigns.get(self.campaign_id)))

    @classmethod
    def edit(cls, parent: QWidget | None, core: Core, ops: Ops,
             campaign_id: int | None = None) -> int | None:
        """The saved campaign's id, or None when the user cancelled."""
        dialog = cls(core, ops, campaign_id, parent)
        run_dialog(dialog)
        return dialog.result_id
