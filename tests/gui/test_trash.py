"""The Trash dialog: every kind of soft-deleted record, listed and restored."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, QLocale
from pytestqt.qtbot import QtBot

from crm_desktop.core import Core
from crm_desktop.ui import display
from crm_desktop.ui.dialogs import trash_dialog
from crm_desktop.ui.dialogs.trash_dialog import TrashDialog
from crm_desktop.ui.ops import Ops


@pytest.fixture
def persian(qapp) -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    try:
        yield
    finally:
        QLocale.setDefault(previous)


@pytest.fixture
def ops(qapp) -> Ops:
    return Ops()


@pytest.fixture
def records(core: Core) -> dict[str, list[int]]:
    """Two records of each kind, all in the Trash, and one live record of each kind."""
    made: dict[str, list[int]] = {}
    accounts = [core.accounts.create({"name": n}) for n in ("پارس", "بهار", "کیان")]
    contacts = [core.contacts.create({"first_name": f, "last_name": "رضایی"})
                for f in ("علی", "سارا", "مریم")]
    deals = [core.deals.create({"title": t, "amount_rial": 1_000_000})
             for t in ("قرارداد الف", "قرارداد ب", "قرارداد ج")]
    tickets = [core.tickets.create({"subject": s}) for s in ("خرابی", "سؤال", "شکایت")]
    for key, ids, service in (("accounts", accounts, core.accounts),
                              ("contacts", contacts, core.contacts),
                              ("deals", deals, core.deals),
                              ("tickets", tickets, core.tickets)):
        for record_id in ids[:2]:
            service.delete(record_id)
        made[key] = ids[:2]
    return made


def make(qtbot: QtBot, core: Core, ops: Ops) -> TrashDialog:
    dialog = TrashDialog(core, ops)
    qtbot.addWidget(dialog)
    return dialog


def test_an_empty_trash_says_so(qtbot, core, ops) -> None:
    core.accounts.create({"name": "پارس"})  # live records are not in the Trash
    dialog = make(qtbot, core, ops)
    assert dialog.objectName() == "trashDialog"
    assert dialog.table.objectName() == "trashTable"
    for kind in ("contacts", "accounts", "deals", "tickets"):
        dialog.set_kind(kind)
        assert dialog.model.rowCount() == 0
        assert dialog.stack.currentWidget() is dialog.empty
        assert dialog.empty.text()
        assert not dialog.restore_button.isEnabled()


def test_every_kind_lists_its_deleted_records(qtbot, core, ops, records, qtmodeltester,
                                              persian) -> None:
    dialog = make(qtbot, core, ops)
    assert [k.key for k in dialog.kinds] == ["contacts", "accounts", "deals", "tickets"]
    expected = {
        "contacts": ["سارا رضایی", "علی رضایی"],
        "accounts": ["بهار", "پارس"],
        "deals": ["قرارداد الف", "قرارداد ب"],
    }
    for i, kind in enumerate(dialog.kinds):
        dialog.tabs.setCurrentIndex(i)
        model = dialog.model
        assert dialog.table.model() is model
        assert dialog.stack.currentWidget() is dialog.table
        assert model.rowCount() == 2
        assert {model.id_at(r) for r in range(2)} == set(records[kind.key])
        shown = [model.index(r, 0).data() for r in range(2)]
        if kind.key in expected:
            assert shown == expected[kind.key]
        else:  # tickets: number (LTR) and subject, newest number first
            assert all(s.startswith(display.LRI) for s in shown)  # number, LTR
            assert [s.split()[-1] for s in shown] == ["سؤال", "خرابی"]
        when = model.index(0, 1).data()
        assert when.startswith("۱۴")  # a Jalali date in Persian digits
        assert model.headerData(1, dialog.table.horizontalHeader().orientation())
        qtmodeltester.check(model)


@pytest.mark.parametrize("kind", ["contacts", "accounts", "deals", "tickets"])
def test_restore_brings_records_back(qtbot, core, ops, records, kind) -> None:
    service = {"contacts": core.contacts, "accounts": core.accounts, "deals": core.deals,
               "tickets": core.tickets}[kind]
    live_before = service.count()
    dialog = make(qtbot, core, ops)
    dialog.set_kind(kind)
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    selection = dialog.table.selectionModel()
    selection.select(dialog.model.index(1, 0),
                     QItemSelectionModel.SelectionFlag.Select |
                     QItemSelectionModel.SelectionFlag.Rows)
    assert sorted(dialog.selected_ids()) == sorted(records[kind])
    with qtbot.waitSignal(ops.changed) as changed:
        dialog.restore_button.click()
    assert changed.args == [[kind]]
    assert service.count() == live_before + 2
    for record_id in records[kind]:
        service.get(record_id)  # live again
    assert dialog.model.rowCount() == 0
    assert dialog.stack.currentWidget() is dialog.empty
    assert not dialog.restore_button.isEnabled()


def test_the_trash_follows_deletes_made_elsewhere(qtbot, core, ops) -> None:
    account_id = core.accounts.create({"name": "پارس"})
    dialog = make(qtbot, core, ops)
    dialog.set_kind("accounts")
    assert dialog.model.rowCount() == 0
    ops.run(None, lambda: core.accounts.delete(account_id), changes=["accounts"])
    assert dialog.model.rowCount() == 1
    assert dialog.stack.currentWidget() is dialog.table


def test_restoring_a_record_someone_else_restored(qtbot, core, ops, monkeypatch) -> None:
    account_id = core.accounts.create({"name": "پارس"})
    core.accounts.delete(account_id)
    dialog = make(qtbot, core, ops)
    dialog.set_kind("accounts")
    dialog.table.selectRow(0)
    core.accounts.restore(account_id)  # behind the dialog's back
    shown: list[str] = []
    monkeypatch.setattr("crm_desktop.ui.ops.show_message",
                        lambda _parent, text, **_kw: shown.append(text))
    dialog.restore_selected()
    assert len(shown) == 1  # "no longer exists", politely
    assert dialog.model.rowCount() == 0  # and the list was read again


def test_show_for_runs_the_dialog(qtbot, core, ops, monkeypatch) -> None:
    seen: list[TrashDialog] = []

    def fake_run(dialog: TrashDialog) -> int:
        qtbot.addWidget(dialog)
        seen.append(dialog)
        return 0

    monkeypatch.setattr(trash_dialog, "run_dialog", fake_run)
    TrashDialog.show_for(None, core, ops)
    assert len(seen) == 1 and isinstance(seen[0], TrashDialog)
