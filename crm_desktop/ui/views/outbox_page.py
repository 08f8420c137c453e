"""The outbox: every message to every recipient with its status (windowed, filtered by
status, searched by number, address or name), retry and cancel on the selection, send now
in the background with progress and cancel, and the panel file for SMS (written, uploaded
by the user, confirmed here). Statuses are chips, the counts per status chips of the same
tone under the table; an empty outbox says what it is for and how messages get there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
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
from crm_desktop.ui.outbox_sender import BackgroundSending
from crm_desktop.ui.qtmodels.record_model import Column, RecordTableModel
from crm_desktop.ui.theme import icons, tokens
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.widgets.chip_delegate import chip_label_style, decorate_table, tone
from crm_desktop.ui.widgets.empty_state import EmptyState

#: the table's chips: status by the outbox's tones, channel as on the campaigns list
CHIPS = {"status": ("status", "outbox_status"), "channel": ("channel", "campaign_channel")}
#: starting widths of the columns (the problem column takes the rest)
WIDTHS = {"recipient": 140, "contact": 160, "campaign": 200, "channel": 90, "status": 110,
          "attempts": 90, "sent_at": 150}


def status_labels() -> dict[str, str]:
    return {
        OutboxStatus.QUEUED.value: QCoreApplication.translate("OutboxPage", "Queued"),
        OutboxStatus.SENDING.value: QCoreApplication.translate("OutboxPage", "Sending"),
        OutboxStatus.SENT.value: QCoreApplication.translate("OutboxPage", "Sent"),
        OutboxStatus.FAILED.value: QCoreApplication.translate("OutboxPage", "Failed"),
        OutboxStatus.CANCELLED.value: QCoreApplication.translate("OutboxPage", "Cancelled"),
    }


def source(row: dict) -> str:
    """Where a message came from: its campaign, or the automation rule that queued it (a
    rule since deleted is said so)."""
    if row.get("rule_id") is not None:
        return display.fill(QCoreApplication.translate("OutboxPage", "Rule: {name}"),
                            name=row.get("rule") or "")
    if row.get("campaign_id") is None:
        return QCoreApplication.translate("OutboxPage", "A deleted automation rule")
    return row.get("campaign") or ""


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
        Column("campaign", QCoreApplication.translate("OutboxPage", "Campaign or rule"),
               text=source),
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
    #: a main section to show (the campaigns view passes it on)
    navigate = Signal(str)

    def __init__(self, core: Core, ops: Ops, settings: UiSettings,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.ops, self.settings = core, ops, settings
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
        icons.dress(self.cancel, "trash", danger=True)
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
        self.stop = QPushButton(self.tr("Stop"))
        self.stop.setObjectName("outboxStop")
        self.sending = BackgroundSending(core, ops, self.progress, self.stop, self)
        self.sending.finished.connect(self._done)
        self.counts = QLabel()
        self.counts.setObjectName("outboxCounts")
        self.counts.setProperty("role", "muted")
        # one chip per status that has messages, in the tone of the table's chips
        self.count_chips: dict[str, QLabel] = {}
        for value in status_labels():
            chip = QLabel()
            chip.setObjectName(f"outboxCount_{value}")
            chip.setVisible(False)
            self.count_chips[value] = chip

        self.model = OutboxModel(core.outbox, self)
        self.table = QTableView()
        self.table.setObjectName("outboxTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        decorate_table(self.table, CHIPS)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, spec in enumerate(self.model.columns):
            if spec.key in WIDTHS:
                self.table.setColumnWidth(column, WIDTHS[spec.key])
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.empty = EmptyState.over(
            self.table, "inbox",
            self.tr("Nothing in the outbox yet. When a campaign's SMS or e-mail is sent "
                    "(on the campaign's page: Write a message…, then Queue and send), one "
                    "message per recipient waits here until it goes out; failed ones can be "
                    "retried here."),
            self.tr("Go to the campaigns"), self.open_campaigns, self.clear_filter,
            self.is_filtered)

        bar = QHBoxLayout()
        bar.addWidget(self.status)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.retry)
        bar.addWidget(self.cancel)
        bar.addWidget(self.send)
        bar.addWidget(self.file)
        bottom = QHBoxLayout()
        bottom.setSpacing(tokens.SPACING["s"])
        bottom.addWidget(self.counts)
        for chip in self.count_chips.values():
            bottom.addWidget(chip)
        bottom.addStretch(1)
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
        total = sum(counts.values())
        self.counts.setText(display.fill(self.tr("In the outbox: {n}"),
                                         n=display.number(total)) if total else "")
        for value, chip in self.count_chips.items():
            n = counts.get(value, 0)
            chip.setText(display.fill(self.tr("{status} {n}"), status=labels[value],
                                      n=display.number(n)))
            chip.setVisible(n > 0)
        self._style_counts()
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        """Retry and cancel act on the selection: off without one."""
        chosen = self.table.selectionModel().hasSelection()
        self.retry.setEnabled(chosen)
        self.cancel.setEnabled(chosen)

    def _style_counts(self) -> None:
        for value, chip in self.count_chips.items():
            chip.setStyleSheet(chip_label_style(tone("outbox_status", value) or "neutral"))

    def changeEvent(self, event: QEvent) -> None:
        # the theme changed: the chips take the new theme's colours
        if event.type() == QEvent.Type.PaletteChange:
            self._style_counts()
        super().changeEvent(event)

    def is_filtered(self) -> bool:
        return self.status.currentData() is not None or bool(self.search.text().strip())

    def clear_filter(self) -> None:
        self.search.clear()
        self.status.setCurrentIndex(0)

    def open_campaigns(self) -> None:
        """The campaigns list, where a campaign's message is written: the campaigns tab of
        the view holding this page, or the campaigns section."""
        holder = self.parentWidget()
        while holder is not None and not hasattr(holder, "show_tab"):
            holder = holder.parentWidget()
        if holder is not None:
            holder.show_tab("campaigns")
        else:
            self.navigate.emit("campaigns")

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

        if self.sending.thread is not None:
            return
        if not deliveries(self.core.settings.sending()):
            QMessageBox.information(self, self.windowTitle(), self.tr(
                "No delivery is set up. Choose one in Settings, under Sending; SMS by "
                "file go out with the Panel file button."))
            return
        self.send.setEnabled(False)
        self.sending.start()

    def _done(self, _report: SendReport | None) -> None:
        self.send.setEnabled(True)

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
        self.sending.cancel_and_wait()
        super().closeEvent(event)
