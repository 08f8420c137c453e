"""Merging two to ten records: the records side by side (a column each, a row per field
whose values differ), a radio button per value to pick what the kept record will hold, the
record to keep, and what moves to it. The merge is one write through ops (MergeService):
the others go to the Trash with a note naming the kept record.

Defaults: the oldest record is kept; each field keeps the kept record's value unless it is
empty, then takes the first non-empty value (oldest record first). Choosing another record
to keep chooses the fields again by the same rule."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.services.merge import MAX_MERGE
from crm_desktop.text.messages import field_label
from crm_desktop.ui import display, labels, screen_fit
from crm_desktop.ui.dialogs.record_form import run_dialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.theme import icons

#: the fields shown, per kind, in the editors' order
FIELDS = {
    "contacts": ("first_name", "last_name", "mobile", "mobile2", "phone", "email",
                 "national_code", "birthday", "gender", "job_title", "account_id", "city",
                 "address", "postal_code", "source", "lifecycle_stage", "owner_id",
                 "sms_consent", "email_consent", "notes"),
    "companies": ("name", "legal_id", "economic_code", "registration_no", "phone", "fax",
                  "email", "website", "industry", "city", "address", "postal_code",
                  "owner_id", "notes"),
}
_LTR = {"mobile", "mobile2", "phone", "fax", "national_code", "legal_id", "economic_code",
        "registration_no", "postal_code"}
_ADDRESSES = {"email", "website"}
#: the width a value is elided to (its full text is the radio button's tooltip)
VALUE_WIDTH = 220


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


class MergeDialog(QDialog):
    def __init__(self, core: Core, ops: Ops, kind: str, ids: Sequence[int],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.core = core
        self.ops = ops
        self.kind = kind
        service = core.contacts if kind == "contacts" else core.accounts
        records = [service.get(i) for i in ids[:MAX_MERGE]]
        # oldest first: the default record to keep
        self.records = sorted(records, key=lambda r: (r["created_at"], r["id"]))
        self.ids = [r["id"] for r in self.records]
        self.merged_into: int | None = None
        self.setWindowTitle(self.tr("Merge %Ln record(s)", "", len(self.ids)))
        self._names: dict[tuple[str, Any], str] = {}

        name_key = "full_name" if kind == "contacts" else "name"
        self.fields = [f for f in FIELDS[kind] if len({self._key(r.get(f))
                                                        for r in self.records}) > 1]
        self.same = len(FIELDS[kind]) - len(self.fields)

        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(len(self.records) + 1, 1)
        self.keep = QButtonGroup(self)
        self.keep.setObjectName("keepRecord")
        self.values: dict[str, QButtonGroup] = {}
        for col, record in enumerate(self.records, start=1):
            title = QLabel(record.get(name_key) or "", grid_host)
            title.setProperty("role", "section")
            title.setWordWrap(True)
            title.setMaximumWidth(VALUE_WIDTH + 30)
            grid.addWidget(title, 0, col)
            created = QLabel(display.fill(self.tr("Added {day}"),
                                          day=display.jalali_date_only(record["created_at"])),
                             grid_host)
            created.setProperty("role", "caption")
            grid.addWidget(created, 1, col)
            keep = QRadioButton(self.tr("Keep this record"), grid_host)
            keep.setObjectName(f"keep_{record['id']}")
            self.keep.addButton(keep, col - 1)
            grid.addWidget(keep, 2, col)
        line = QFrame(grid_host)
        line.setFrameShape(QFrame.Shape.HLine)
        grid.addWidget(line, 3, 0, 1, len(self.records) + 1)
        for row, field in enumerate(self.fields, start=4):
            label = QLabel(field_label(field, ops.lang()), grid_host)
            label.setProperty("role", "muted")
            grid.addWidget(label, row, 0)
            group = QButtonGroup(self)
            group.setObjectName(f"field_{field}")
            self.values[field] = group
            for col, record in enumerate(self.records, start=1):
                text = self._text(field, record.get(field))
                radio = QRadioButton(grid_host)
                radio.setObjectName(f"value_{field}_{record['id']}")
                shown = radio.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                        VALUE_WIDTH)
                radio.setText(shown.replace("&", "&&"))
                if shown != text:
                    radio.setToolTip(text)
                group.addButton(radio, col - 1)
                grid.addWidget(radio, row, col)
        grid.setRowStretch(len(self.fields) + 4, 1)
        scroll = QScrollArea(self)
        scroll.setObjectName("mergeGrid")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_host)

        self.same_label = QLabel(self)
        self.same_label.setObjectName("mergeSame")
        self.same_label.setProperty("role", "muted")
        self.same_label.setWordWrap(True)
        if not self.fields:
            self.same_label.setText(self.tr("Every field has the same value in these "
                                            "records."))
        elif self.same:
            self.same_label.setText(self.tr("%Ln field(s) with the same value in every record "
                                            "are not shown.", "", self.same))
        self.summary = QLabel(self)
        self.summary.setObjectName("mergeSummary")
        self.summary.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.merge_button = buttons.addButton(self.tr("Merge"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        icons.dress(self.merge_button, "arrow-merge", primary=True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.merge_now)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.same_label)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        screen_fit.resize(self, 260 + (VALUE_WIDTH + 50) * len(self.records),
                          260 + 34 * len(self.fields))

        self.keep.idToggled.connect(self._keep_toggled)
        self.keep.button(0).setChecked(True)

    # -- values shown ---------------------------------------------------------------------
    @staticmethod
    def _key(value: Any) -> Any:
        return "" if _empty(value) else value

    def _text(self, field: str, value: Any) -> str:
        if _empty(value):
            return "—"
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if field == "gender":
            return labels.label(labels.genders(), value)
        if field == "source":
            return labels.label(labels.sources(), value)
        if field == "lifecycle_stage":
            return labels.label(labels.lifecycle_stages(), value)
        if field == "birthday":
            return display.jalali(value)
        if field in ("account_id", "owner_id"):
            return self._name_of(field, value)
        if field in _LTR:
            return display.ltr(str(value))
        if field in _ADDRESSES:
            return display.address(str(value))
        return " ".join(str(value).split())  # notes and addresses on one line

    def _name_of(self, field: str, value: int) -> str:
        key = (field, value)
        if key not in self._names:
            if field == "owner_id":
                names = dict(self.core.users.options())
                self._names[key] = names.get(value, display.digits(f"#{value}"))
            else:
                try:
                    self._names[key] = self.core.accounts.get(value, include_deleted=True)["name"]
                except Exception:  # a company removed since: its number
                    self._names[key] = display.digits(f"#{value}")
        return self._names[key]

    # -- choices --------------------------------------------------------------------------
    def survivor(self) -> int:
        return self.ids[max(0, self.keep.checkedId())]

    def choose_survivor(self, record_id: int) -> None:
        self.keep.button(self.ids.index(record_id)).setChecked(True)

    def pick(self, field: str, record_id: int) -> None:
        """Take `field`'s value from `record_id` (the dialog's radio button, for tests)."""
        self.values[field].button(self.ids.index(record_id)).setChecked(True)

    def choices(self) -> dict[str, int]:
        """field -> the record whose value the kept record takes."""
        return {f: self.ids[g.checkedId()] for f, g in self.values.items()
                if g.checkedId() >= 0}

    def _keep_toggled(self, index: int, checked: bool) -> None:
        if not checked:
            return
        order = [index] + [i for i in range(len(self.records)) if i != index]
        for field, group in self.values.items():
            chosen = next((i for i in order if not _empty(self.records[i].get(field))), index)
            group.button(chosen).setChecked(True)
        self._show_summary()

    def _show_summary(self) -> None:
        survivor = self.survivor()
        others = [i for i in self.ids if i != survivor]
        moves = self.core.merging.moves(self.kind, others)
        parts = [text for text in (self._moved(key, n) for key, n in moves.items() if n)
                 if text]
        name = next(r.get("full_name") or r.get("name") for r in self.records
                    if r["id"] == survivor)
        sep = "، " if display.persian() else ", "
        text = self.tr("The other records go to the Trash with a note naming {name}.")
        if parts:
            text = self.tr("Moving to {name}: {items}.").replace("{items}", sep.join(parts)) \
                + "\n" + text
        self.summary.setText(display.fill(text, name=name))
        self.merge_button.setText(self.tr("Merge %Ln record(s)", "", len(self.ids)))

    def _moved(self, key: str, n: int) -> str:
        texts = {
            "deals": self.tr("%Ln deal(s)", "", n),
            "proformas": self.tr("%Ln proforma(s)", "", n),
            "tickets": self.tr("%Ln ticket(s)", "", n),
            "activities": self.tr("%Ln activity(ies)", "", n),
            "outbox": self.tr("%Ln message(s)", "", n),
            "lists": self.tr("%Ln list membership(s)", "", n),
            "campaigns": self.tr("%Ln campaign membership(s)", "", n),
            "tags": self.tr("%Ln tag(s)", "", n),
            "contacts": self.tr("%Ln contact(s)", "", n),
        }
        return texts.get(key, "")

    # -- merging --------------------------------------------------------------------------
    def merge_now(self) -> None:
        from crm_desktop.ui.dialogs.duplicates_dialog import MERGE_CHANGES

        survivor = self.survivor()
        others = [i for i in self.ids if i != survivor]
        choose = self.choices()
        outcome = self.ops.run(self, lambda: self.core.merging.merge(
            self.kind, survivor, others, choose=choose, lang=self.ops.lang()),
            changes=MERGE_CHANGES[self.kind])
        if outcome.ok:
            self.merged_into = survivor
            self.accept()

    @classmethod
    def merge(cls, parent: QWidget | None, core: Core, ops: Ops, kind: str,
              ids: Sequence[int]) -> int | None:
        """Show the dialog for these records; the kept record's id once merged, else None."""
        dialog = cls(core, ops, kind, ids, parent)
        run_dialog(dialog)
        return dialog.merged_into
