"""A pipeline stage's name and probability (Settings), and the question of where the deals
of a removed stage go."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.enums import STAGE_LOST, STAGE_OPEN, STAGE_WON
from crm_desktop.services.deals import StageService
from crm_desktop.ui import display, screen_fit
from crm_desktop.ui.dialogs.record_form import ChoiceBinding, RecordDialog, TextBinding, run_dialog
from crm_desktop.ui.ops import Ops


def outcome_label(outcome: str) -> str:
    """Open / Won / Lost in the UI language."""
    labels = {
        STAGE_OPEN: QCoreApplication.translate("StageDialog", "Open"),
        STAGE_WON: QCoreApplication.translate("StageDialog", "Won"),
        STAGE_LOST: QCoreApplication.translate("StageDialog", "Lost"),
    }
    return labels.get(outcome, outcome)


class StageDialog(RecordDialog):
    """Add a stage (name, probability, outcome) or edit one (name, probability)."""

    specs: ClassVar = StageService.specs
    changes: ClassVar = ("stages", "deals")

    def __init__(self, core: Core, ops: Ops, stage_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stageDialog")
        self.core = core
        self.ops = ops
        self.stage_id = stage_id
        self.setWindowTitle(self.tr("New stage") if stage_id is None else self.tr("Edit stage"))
        screen_fit.resize(self, 420, 220)
        self.add(self.tr("Name"), TextBinding("name"))
        self.add(self.tr("Probability (percent)"), TextBinding("probability", ltr=True))
        if stage_id is None:
            choices = [(o, outcome_label(o))
                       for o in (STAGE_OPEN, STAGE_WON, STAGE_LOST)]
            self.add(self.tr("Outcome"), ChoiceBinding("outcome", choices))
            self.set_values({"name": "", "probability": 0, "outcome": STAGE_OPEN})
        else:
            self.load()

    def load(self) -> None:
        stage = next((s for s in self.core.stages.list() if s["id"] == self.stage_id), None)
        if stage is not None:
            self.set_values(self.remember(stage))

    def write(self, values: dict[str, Any]) -> int:
        if self.stage_id is None:
            return self.core.stages.create(values["name"], values["probability"],
                                           values.get("outcome") or STAGE_OPEN)
        self.core.stages.update(self.stage_id, name=values["name"],
                                probability=values["probability"], version=self.version)
        return self.stage_id

    @classmethod
    def edit(cls, parent: QWidget | None, core: Core, ops: Ops,
             stage_id: int | None = None) -> int | None:
        """Add (no id) or edit a stage; returns its id when saved, None when cancelled."""
        dialog = cls(core, ops, stage_id, parent)
        run_dialog(dialog)
        return dialog.result_id


class RemoveStageDialog(QDialog):
    """Asks which stage receives the deals of a stage being removed."""

    def __init__(self, stages: Sequence[Mapping[str, Any]], count: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("removeStageDialog")
        self.setWindowTitle(self.tr("Remove stage"))
        if count:
            text = self.tr("This stage has {count} deals. Move them to:").replace(
                "{count}", display.number(count))
        else:
            text = self.tr("This stage has no deals. Remove it?")
        self.message = QLabel(text)
        self.message.setObjectName("removeStageMessage")
        self.message.setWordWrap(True)
        self.target = QComboBox()
        self.target.setObjectName("moveDealsTo")
        for stage in stages:
            self.target.addItem(str(stage["name"]), stage["id"])
        self.target.setVisible(bool(count))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("buttons")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Remove"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.target)
        layout.addWidget(buttons)

    def chosen(self) -> int | None:
        value = self.target.currentData()
        return None if value is None else int(value)

    @classmethod
    def ask(cls, parent: QWidget | None, stages: Sequence[Mapping[str, Any]],
            count: int) -> int | None:
        """The id of the stage (one of `stages`, the first preselected) that receives the
        `count` deals; None when the user cancels."""
        dialog = cls(stages, count, parent)
        accepted = run_dialog(dialog) == QDialog.DialogCode.Accepted
        return dialog.chosen() if accepted else None
