"""A database made by an older version is upgraded when it is opened: a small window says
which step runs (the safety copy, then each migration), so that a long upgrade of a large
file is not a frozen program. The upgrade runs on the GUI thread before the main window
exists; each step repaints this window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from crm_desktop.ui import display

if TYPE_CHECKING:
    from crm_desktop.core import UpgradeStep


class UpgradeProgress:
    """Called with each UpgradeStep (Core.open's `progress`); the window shows at the first one,
    so that opening a database at the current version shows nothing."""

    def __init__(self, parent: QWidget | None = None):
        self.parent = parent
        self.dialog: QProgressDialog | None = None
        # (step, of, revision) as each was shown
        self.shown: list[tuple[int, int, str | None]] = []

    @staticmethod
    def text(step: UpgradeStep) -> str:
        head = QCoreApplication.translate(
            "UpgradeProgress",
            "This database was made by an older version of the program and is being upgraded.")
        if step.number == 0:
            return head + "\n" + QCoreApplication.translate(
                "UpgradeProgress", "First a copy of it is kept…")
        return head + "\n" + QCoreApplication.translate(
            "UpgradeProgress", "Step {n} of {total}…").replace(
            "{n}", display.number(step.number)).replace("{total}", display.number(step.total))

    def __call__(self, step: UpgradeStep) -> None:
        if self.dialog is None:
            dialog = self.dialog = QProgressDialog(self.parent)
            dialog.setObjectName("upgradeProgress")
            dialog.setWindowTitle(QCoreApplication.translate("UpgradeProgress",
                                                             "Upgrading the database"))
            dialog.setCancelButton(None)  # a migration is not stopped half-way
            dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumDuration(0)
        self.dialog.setRange(0, max(step.total, 1))
        self.dialog.setValue(step.number)
        self.dialog.setLabelText(self.text(step))
        self.dialog.show()
        self.shown.append((step.number, step.total, step.revision))
        # painted now: the next step runs on this thread
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
