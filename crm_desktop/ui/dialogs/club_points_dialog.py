"""A member's points by hand: "Adjust points…" (add or take away, with a reason) and
"Redeem…" (spend points, never more than the balance), and "Redeem club points…" on a
proforma (a discount on one of its lines). Each shows the balance and what the points are
worth, and says a refused entry beside the fields; the service has the last word (a
balance never goes below zero)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.core import Core
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.proforma_totals import line_total
from crm_desktop.ui import display, screen_fit
from crm_desktop.ui.dialogs.list_filter_dialog import problem_label
from crm_desktop.ui.dialogs.record_form import run_dialog
from crm_desktop.ui.ops import Ops
from crm_desktop.ui.theme import icons

#: the most points one entry adds or takes (a typo of a few zeros is refused here)
MAX_POINTS = 100_000_000
#: the tables a change of points touches (views refresh on them)
CHANGES = ["club_ledger", "contact_club", "contacts"]


def balance_text(core: Core, member: dict[str, Any]) -> str:
    """"1,250 points (worth 125,000 Toman) · Silver"."""
    value = int(member["balance"]) * int(core.club.settings()["point_value_rial"])
    text = display.fill(QCoreApplication.translate("PointsDialog", "{points} points, worth "
                                                   "{money}"),
                        points=display.number(int(member["balance"])),
                        money=display.money(value, core.settings.display_unit))
    if member.get("tier_name"):
        text += " · " + display.isolate(member["tier_name"])
    return text


class PointsDialog(QDialog):
    """`mode` "adjust" (either sign, a reason required) or "redeem" (1 to the balance)."""

    def __init__(self, core: Core, ops: Ops, contact_id: int, mode: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.ops = core, ops
        self.contact_id = contact_id
        self.mode = mode
        self.result_id: int | None = None
        adjust = mode == "adjust"
        self.setObjectName("adjustPointsDialog" if adjust else "redeemPointsDialog")
        self.setWindowTitle(self.tr("Adjust points") if adjust else self.tr("Redeem points"))
        screen_fit.resize(self, 460, 240)
        member = core.club.of_contact(contact_id)
        self.balance = int(member["balance"])
        self.point_value = int(core.club.settings()["point_value_rial"])
        name = QLabel(display.isolate(core.contacts.get(contact_id)["full_name"]), self)
        name.setObjectName("pointsMember")
        font = name.font()
        font.setBold(True)
        name.setFont(font)
        self.balance_label = QLabel(balance_text(core, member), self)
        self.balance_label.setObjectName("pointsBalance")
        self.points = QSpinBox(self)
        self.points.setObjectName("pointsValue")
        if adjust:
            self.points.setRange(-min(self.balance, MAX_POINTS), MAX_POINTS)
            self.points.setValue(0)
            self.points.setToolTip(self.tr("Positive adds points, negative takes them away"))
        else:
            self.points.setRange(min(1, self.balance), max(self.balance, 0))
            self.points.setValue(min(1, self.balance))
        self.points.setMinimumWidth(140)
        self.points.valueChanged.connect(self._update_worth)
        self.worth = QLabel(self)
        self.worth.setObjectName("pointsWorth")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("pointsReason")
        self.reason.setMaxLength(300)
        self.reason.setPlaceholderText(
            self.tr("Why (kept in the ledger)") if adjust
            else self.tr("What for (optional, kept in the ledger)"))
        self.problem = problem_label("pointsProblem")
        form = QFormLayout()
        form.addRow(self.tr("Balance"), self.balance_label)
        form.addRow(self.tr("Points"), self.points)
        form.addRow("", self.worth)
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Adjust") if adjust else self.tr("Redeem"))
        icons.dress(ok, "award", primary=True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(name)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        if not adjust and self.balance <= 0:
            self.show_problem(self.tr("This member has no points to redeem."))
            ok.setEnabled(False)
        self._update_worth()

    def _update_worth(self) -> None:
        points = self.points.value()
        after = self.balance + (points if self.mode == "adjust" else -points)
        self.worth.setText(display.fill(
            self.tr("Worth {money}; the balance becomes {after}"),
            money=display.money(abs(points) * self.point_value,
                                self.core.settings.display_unit),
            after=display.number(after)))

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _refused(self, error: ValidationError) -> None:
        self.show_problem(error.message(self.ops.lang()))

    def save(self) -> None:
        points, reason = self.points.value(), self.reason.text()
        if self.mode == "adjust":
            if points == 0:
                self.show_problem(self.tr("Enter the points to add (or, negative, to take "
                                          "away)."))
                return
            def write() -> int:
                return self.core.club.adjust(self.contact_id, points, reason)
        else:
            def write() -> int:
                return self.core.club.redeem(self.contact_id, points, reason)
        outcome = self.ops.run(self, write, changes=CHANGES, on_invalid=self._refused)
        if outcome.ok:
            self.result_id = outcome.value
            self.accept()

    @classmethod
    def adjust(cls, parent: QWidget | None, core: Core, ops: Ops, contact_id: int) -> int | None:
        """The ledger row written, or None when cancelled."""
        dialog = cls(core, ops, contact_id, "adjust", parent)
        run_dialog(dialog)
        return dialog.result_id

    @classmethod
    def redeem(cls, parent: QWidget | None, core: Core, ops: Ops, contact_id: int) -> int | None:
        dialog = cls(core, ops, contact_id, "redeem", parent)
        run_dialog(dialog)
        return dialog.result_id


class ProformaRedeemDialog(QDialog):
    """The buyer's points as a discount on a line of a saved proforma (its largest line
    chosen first): points × the point's value, never more than the line's amount."""

    def __init__(self, core: Core, ops: Ops, proforma_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("proformaRedeemDialog")
        self.core, self.ops = core, ops
        self.proforma_id = proforma_id
        self.result_id: int | None = None
        self.setWindowTitle(self.tr("Redeem club points"))
        screen_fit.resize(self, 520, 260)
        proforma = core.proformas.get(proforma_id)
        self.contact_id = proforma.get("contact_id")
        self.unit = core.settings.display_unit
        self.point_value = int(core.club.settings()["point_value_rial"])
        member = (core.club.of_contact(self.contact_id) if self.contact_id is not None
                  else {"balance": 0, "tier_name": None})
        self.balance = int(member["balance"])
        self.balance_label = QLabel(balance_text(core, member), self)
        self.balance_label.setObjectName("redeemBalance")
        self.line = QComboBox(self)
        self.line.setObjectName("redeemLine")
        self.amounts: dict[int, int] = {}
        lines = [(line["id"], line["description"],
                  line_total(line, proforma["vat_rate"]).net_rial)
                 for line in proforma["lines"]]
        for line_id, text, net in sorted(lines, key=lambda t: -t[2]):
            self.amounts[line_id] = net
            self.line.addItem(f"{text} — {display.money(net, self.unit)}", line_id)
        self.points = QSpinBox(self)
        self.points.setObjectName("redeemPoints")
        self.points.setRange(min(1, self.balance), max(self.balance, 0))
        self.points.setValue(self._most_useful())
        self.points.setMinimumWidth(140)
        self.discount = QLabel(self)
        self.discount.setObjectName("redeemDiscount")
        self.problem = problem_label("redeemProblem")
        for signal in (self.points.valueChanged, self.line.currentIndexChanged):
            signal.connect(self._update_discount)
        form = QFormLayout()
        form.addRow(self.tr("Balance"), self.balance_label)
        form.addRow(self.tr("Line"), self.line)
        form.addRow(self.tr("Points"), self.points)
        form.addRow(self.tr("Discount"), self.discount)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Redeem"))
        icons.dress(ok, "discount", primary=True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        why = ("" if self.contact_id is not None and self.balance > 0 and self.amounts else
               self.tr("The buyer has no points to redeem.") if self.amounts else
               self.tr("The proforma has no line to discount."))
        if self.contact_id is None:
            why = self.tr("Only a proforma to a person can use club points.")
        if why:
            self.problem.setText(why)
            self.problem.setVisible(True)
            ok.setEnabled(False)
        self._update_discount()

    def _most_useful(self) -> int:
        """As many points as the largest line can take, at most the balance."""
        largest = max(self.amounts.values(), default=0)
        if self.point_value <= 0:
            return min(1, self.balance)
        return max(min(1, self.balance), min(self.balance, -(-largest // self.point_value)))

    def discount_rial(self) -> int:
        line = self.amounts.get(self.line.currentData(), 0)
        return min(self.points.value() * self.point_value, line)

    def _update_discount(self) -> None:
        self.discount.setText(display.money(self.discount_rial(), self.unit))

    def _refused(self, error: ValidationError) -> None:
        self.problem.setText(error.message(self.ops.lang()))
        self.problem.setVisible(True)

    def save(self) -> None:
        points, line_id = self.points.value(), self.line.currentData()
        outcome = self.ops.run(
            self, lambda: self.core.club.redeem_on_proforma(self.proforma_id, points, line_id),
            changes=[*CHANGES, "proformas"], on_invalid=self._refused)
        if outcome.ok:
            self.result_id = outcome.value
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, core: Core, ops: Ops, proforma_id: int) -> int | None:
        """The ledger row written, or None when cancelled."""
        dialog = cls(core, ops, proforma_id, parent)
        run_dialog(dialog)
        return dialog.result_id


def add_redeem_button(dialog: Any) -> QPushButton:
    """"Redeem club points…" among a proforma editor's buttons (shown when the proforma
    is to a person): the proforma is saved first, then its lines are read again."""
    button = dialog.buttons.addButton(
        QCoreApplication.translate("ProformaRedeemDialog", "Redeem club points…"),
        QDialogButtonBox.ButtonRole.ActionRole)
    button.setObjectName("redeemClubPoints")
    icons.dress(button, "discount")
    button.clicked.connect(lambda _checked=False: redeem_from(dialog))
    button.setVisible(dialog.buyer.get("contact_id") is not None)
    return button


def redeem_from(dialog: Any) -> None:
    """Save the proforma in `dialog` (a refused one is not redeemed on), ask for the points
    and the line, and show the discounted lines."""
    if not dialog.is_valid() or not dialog._saved():
        return
    if ProformaRedeemDialog.ask(dialog, dialog.core, dialog.ops, dialog.proforma_id) is None:
        return
    current = dialog.remember(dialog.core.proformas.get(dialog.proforma_id))
    dialog.lines.set_lines(current["lines"])
    dialog._update_totals()
    dialog.mark_unchanged()  # what is stored is what the editor shows
