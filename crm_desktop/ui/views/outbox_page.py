"""The outbox: every message to every recipient with its status (windowed, filtered by
status, searched by number, address or name), retry and cancel on the selection, send now
in the background with progress and cancel, and the panel file for SMS (written, uploaded
by the user, confirmed here)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.enums import OutboxStatus
from crm_desktop.services.outbox import OutboxService, SendReport
from crm_desktop.text.messages import delivery_message
from crm_desktop.ui import display
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel
from crm_desktop.ui.theme import icons
from crm_desktop.ui.ui_settings import UiSettings


def status_labels() -> dict[str, str]:
    return {
        OutboxStatus.QUEUED.value: QCoreApplication.translate("OutboxPage", "Queued"),
        OutboxStatus.SENDING.value: QCoreApplication.translate("OutboxPage", "Sending"),
        OutboxStatus.SENT.value: QCoreApplication.translate("OutboxPage", "Sent"),
        OutboxStatus.FAILED.value: QCoreApplication.translate("OutboxPage", "Failed"),
        OutboxStatus.CANCELLED.value: QCoreApplication.translate("OutboxPage", "Cancelled"),
    }


def outbox_columns() -> list[Column]:
    statuses = status_labels()
    channels = {"sms": QCoreApplication.translate("OutboxPage", "SMS"),
                "email": QCoreApplication.translate("OutboxPage", "E-mail")}
    lang = "fa" if display.persian() else "en"
    center = Qt.AlignmentFlag.AlignCenter
    return [
        Column("recipient", QCoreApplication.translate("OutboxPage", "Recipient"), "recipient",
               text=lambda r: display.ltr(r["recipient"])),
        Column("contact", QCoreApplication.translate("OutboxPage", "Contact")),
        Column("campaign", QCoreApplication.translate("OutboxPage", "Campaign")),
        Column("channel", QCoreApplication.translate("OutboxPage", "Channel"), None,
               text=lambda r: channels.get(r["channel"], r["channel"]), align=center),
        Column("status", QCoreApplication.translate("OutboxPage", "Status"), "status",
               text=lambda r: statuses.get(r["status"], r["status"]), align=center),
        Column("attempts", QCoreApplication.translate("OutboxPage", "Attempts"), None,
               text=lambda r: display.number(r["attempts"]), align=center),
        Column("last_error", QCoreApplication.translate("OutboxPage", "Problem"), None,
               text=lambda r: delivery_message(r["last_error"], lang)),
        Column("sent_at", QCoreApplication.translate("OutboxPage", "Sent / queued"), "sent_at",
               text=lambda r: display.jalali(r["sent_at"] or r["created_at"])),
    ]


class OutboxModel(RecordTableModel):
    def __init__(self, service: OutboxService, parent: QObject | None = None):
        super().__init__(service, outbox_columns(), parent=parent)  # type: ignore[arg-type]


class OutboxPage(QWidget):
    watches = ("outbox", "campaign_messages", "settings")

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.ops, self.settings = core, ops, settings
        self.thread = None
        self.setObjectName("outboxPage")
        self.status = QComboBox()
        self.status.setObjectName("outboxStatusFilter")
        self.status.addItem(self.tr("All statuses"), None)
        for value, label in status_labels().items():
            self.status.addItem(label, value)
        self.status.currentIndexChanged.connect(self._filter)
        self.search = QLineEdit()
        self.search.setObjectName("outboxSearch")
        self.search.setPlaceholderText(self.tr("Search number, address or name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.retry = QPushButton(self.tr("Retry"))
        self.retry.setObjectName("outboxRetry")
        icons.dress(self.retry, "arrow-back-up")
        self.retry.clicked.connect(self.retry_selected)
        self.cancel = QPushButton(self.tr("Cancel sending"))
        self.cancel.setObjectName("outboxCancel")
        self.cancel.clicked.connect(self.cancel_selected)
        self.send = QPushButton(self.tr("Send now"))
        self.send.setObjectName("outboxSend")
        icons.dress(self.send, "inbox")
        self.send.clicked.connect(self.send_now)
        self.file = QPushButton(self.tr("Panel file…"))
        self.file.setObjectName("outboxPanelFile")
        icons.dress(self.file, "device-floppy")
        self.file.clicked.connect(self.write_panel_file)
        self.progress = QProgressBar()
        self.progress.setObjectName("outboxProgress")
        self.progress.setVisible(False)
        self.stop = QPushButton(self.tr("Stop"))
        self.stop.setObjectName("outboxStop")
        self.stop.setVisible(False)
        self.stop.clicked.connect(self.stop_sending)
        self.counts = QLabel()
        self.counts.setObjectName("outboxCounts")

        self.model = OutboxModel(core.outbox, self)
        self.table = QTableView()
        self.table.setObjectName("outboxTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(6, 260)

        bar = QHBoxLayout()
        bar.addWidget(self.status)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.retry)
        bar.addWidget(self.cancel)
        bar.addWidget(self.send)
        bar.addWidget(self.file)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.stop)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.refresh()

    # -- the list -------------------------------------------------------------------------
    def on_changed(self, tables: list[str]) -> None:
        if not tables or set(tables) & set(self.watches):
            self.refresh()

    def refresh(self) -> None:
        self.model.refresh()
        counts = self.core.outbox.counts()
        labels = status_labels()
        self.counts.setText("   ".join(f"{labels[s]}: {display.number(n)}"
                                       for s, n in counts.items()))

    def _filter(self) -> None:
        self.model.set_filters(status=self.status.currentData())

    def _search(self, text: str) -> None:
        self.model.set_text(text)

    def selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        ids = [self.model.id_at(r) for r in sorted(rows)]
        return [i for i in ids if i is not None]

    # -- actions --------------------------------------------------------------------------
    def retry_selected(self) -> None:
        ids = self.selected_ids()
        self.ops.run(self, lambda: self.core.outbox.retry(ids), changes=["outbox"])

    def cancel_selected(self) -> None:
        ids = self.selected_ids()
        self.ops.run(self, lambda: self.core.outbox.cancel(ids), changes=["outbox"])

    def send_now(self) -> None:
        from crm_desktop.services.delivery import deliveries
        from crm_desktop.ui import outbox_sender

        if self.thread is not None:
            return
        if not deliveries(self.core.settings.sending()):
            QMessageBox.information(self, self.windowTitle(), self.tr(
                "No delivery is set up. Choose one in Settings, under Sending; SMS by "
                "file go out with the Panel file button."))
            return
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.stop.setVisible(True)
        self.stop.setEnabled(True)
        self.send.setEnabled(False)
        self.thread = outbox_sender.start(self.core, self)
        self.thread.progress.connect(self._progress)
        self.thread.done.connect(self._done)

    def stop_sending(self) -> None:
        if self.thread is not None:
            self.thread.cancel()
            self.stop.setEnabled(False)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, _report: SendReport | None) -> None:
        self.progress.setVisible(False)
        self.stop.setVisible(False)
        self.send.setEnabled(True)
        if self.thread is not None:
            self.thread.wait()
            self.thread.deleteLater()
            self.thread = None
        self.ops.changed.emit(["outbox", "campaign_members"])

    def write_panel_file(self) -> None:
        """Write the due SMS to a CSV or XLSX file, then ask whether it was uploaded."""
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Panel file"), "outbox.xlsx",
            self.tr("Excel (*.xlsx);;CSV, UTF-8 (*.csv)"))
        if not path:
            return
        fmt = "csv" if path.lower().endswith(".csv") or "csv" in chosen.lower() else "xlsx"
        outcome = self.ops.run(self, lambda: self.core.outbox.export_file(Path(path), fmt),
                               changes=["outbox"])
        if not outcome.ok or outcome.value is None:
            return
        batch = outcome.value
        if not batch.ids:
            QMessageBox.information(self, self.tr("Panel file"),
                                    self.tr("No SMS is waiting to be sent."))
            return
        answer = QMessageBox.question(self, self.tr("Panel file"), self.tr(
            "{n} messages were written to the file. Upload it to your SMS panel, then say "
            "whether the upload worked.").replace("{n}", display.number(len(batch.ids))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        uploaded = answer == QMessageBox.StandardButton.Yes
        self.ops.run(self, lambda: self.core.outbox.confirm_file(batch.ids, uploaded),
                     changes=["outbox", "campaign_members"])

    def closeEvent(self, event) -> None:
        if self.thread is not None:
            self.thread.cancel()
            self.thread.wait()
        super().closeEvent(event)
