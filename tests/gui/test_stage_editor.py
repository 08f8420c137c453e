"""The pipeline stage editor in Settings: add, rename, reorder and remove stages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from crm_desktop.ui import errors
from crm_desktop.ui.dialogs import stage_dialog
from crm_desktop.ui.dialogs.stage_dialog import RemoveStageDialog, StageDialog
from crm_desktop.ui.ui_settings import UiSettings
from crm_desktop.ui.views.settings import SettingsView
from crm_desktop.ui.widgets.stage_editor import StageEditor


@pytest.fixture
def editor(core, ops, ui_lang, qtbot) -> StageEditor:
    widget = StageEditor(core, ops)
    qtbot.addWidget(widget)
    return widget


def drive(monkeypatch: pytest.MonkeyPatch, fill) -> None:
    """Answer the next editor dialog with `fill(dialog)` instead of a modal loop."""

    def fake_run(dialog):
        fill(dialog)
        return dialog.result()

    monkeypatch.setattr(stage_dialog, "run_dialog", fake_run)


def test_model_and_table(editor, core, qtmodeltester) -> None:
    qtmodeltester.check(editor.model)
    stages = core.stages.list()
    assert editor.model.rowCount() == len(stages)
    assert editor.model.index(0, 0).data() == stages[0]["name"]
    assert editor.model.index(0, 1).data() == "۱۰٪"
    assert editor.model.index(0, 3).data() == "۰"
    assert editor.model.headerData(0, Qt.Orientation.Horizontal)
    assert not editor.edit_button.isEnabled()


def test_add_a_stage_through_the_dialog(editor, core, monkeypatch, qtmodeltester) -> None:
    def fill(dialog: StageDialog) -> None:
        dialog.bindings["name"].set("")
        assert not dialog.save_button.isEnabled()
        dialog.bindings["name"].set("ارائه دمو")
        dialog.bindings["probability"].set("۱۵۰")
        assert not dialog.save_button.isEnabled()
        assert not dialog.errors["probability"].isHidden()
        dialog.bindings["probability"].set("۶۰")
        assert dialog.save_button.isEnabled()
        dialog.save()

    drive(monkeypatch, fill)
    editor.add_button.click()
    stages = core.stages.list()
    new = next(s for s in stages if s["name"] == "ارائه دمو")
    assert new["probability"] == 60
    assert [s["outcome"] for s in stages][-3:] == ["open", "won", "lost"]
    assert editor.selected_id() == new["id"]
    assert editor.model.rowCount() == len(stages)
    qtmodeltester.check(editor.model)


def test_duplicate_name_is_shown_next_to_the_field(editor, core, monkeypatch) -> None:
    taken = core.stages.list()[1]["name"]
    seen = {}

    def fill(dialog: StageDialog) -> None:
        dialog.bindings["name"].set(taken)
        dialog.bindings["probability"].set("5")
        dialog.save()
        seen["error"] = dialog.errors["name"].text()
        seen["result"] = dialog.result_id

    drive(monkeypatch, fill)
    editor.add_button.click()
    assert seen["result"] is None
    assert seen["error"]
    assert len(core.stages.list()) == 6


def test_rename_the_selected_stage(editor, core, monkeypatch) -> None:
    first = core.stages.list()[0]
    editor.select(first["id"])
    assert editor.edit_button.isEnabled()

    def fill(dialog: StageDialog) -> None:
        assert dialog.bindings["name"].get() == first["name"]
        assert "outcome" not in dialog.bindings
        dialog.bindings["name"].set("سرنخ")
        dialog.bindings["probability"].set("۲۰")
        dialog.save()

    drive(monkeypatch, fill)
    editor.edit_button.click()
    assert core.stages.list()[0] == {**first, "name": "سرنخ", "probability": 20,
                                     "version": first["version"] + 1}
    assert editor.model.index(0, 0).data() == "سرنخ"
    assert editor.selected_id() == first["id"]


def test_move_up_and_down(editor, core, ops, qtbot) -> None:
    ids = [s["id"] for s in core.stages.list()]
    editor.select(ids[0])
    assert not editor.up_button.isEnabled()
    editor.select(ids[1])
    with qtbot.waitSignal(ops.changed) as signal:
        editor.up_button.click()
    assert "stages" in signal.args[0]
    assert [s["id"] for s in core.stages.list()] == [ids[1], ids[0], *ids[2:]]
    assert editor.selected_id() == ids[1]
    assert not editor.up_button.isEnabled()
    editor.down_button.click()
    assert [s["id"] for s in core.stages.list()] == ids
    editor.select(ids[-1])
    assert not editor.down_button.isEnabled()


def test_remove_moves_the_deals_to_the_chosen_stage(editor, core, monkeypatch) -> None:
    stages = core.stages.list()
    gone, target = stages[1], stages[3]
    deals = [core.deals.create({"title": t, "stage_id": gone["id"]}) for t in ("یک", "دو")]
    editor.refresh()
    assert editor.model.index(1, 3).data() == "۲"
    asked = {}

    def ask(parent, candidates, count):
        asked["ids"] = [c["id"] for c in candidates]
        asked["count"] = count
        return target["id"]

    monkeypatch.setattr(RemoveStageDialog, "ask", ask)
    editor.select(gone["id"])
    editor.remove_button.click()
    assert asked["count"] == 2
    assert gone["id"] not in asked["ids"]
    # the neighbour of the same kind is offered first
    assert asked["ids"][0] in (stages[0]["id"], stages[2]["id"])
    assert gone["id"] not in [s["id"] for s in core.stages.list()]
    for did in deals:
        assert core.deals.get(did)["stage_id"] == target["id"]
        assert len(core.deals.stage_history(did)) == 2
    assert editor.model.rowCount() == 5
    assert editor.selected_id() == target["id"]
    row = [r["id"] for r in editor.model.rows].index(target["id"])
    assert editor.model.index(row, 3).data() == "۲"


def test_remove_cancelled_or_refused(editor, core, monkeypatch) -> None:
    stages = core.stages.list()
    monkeypatch.setattr(RemoveStageDialog, "ask", lambda parent, candidates, count: None)
    editor.select(stages[0]["id"])
    editor.remove_button.click()
    assert len(core.stages.list()) == 6
    said = []
    monkeypatch.setattr(errors, "ask_box", lambda box: said.append(box.text()) or 0)
    monkeypatch.setattr(RemoveStageDialog, "ask",
                        lambda *a: pytest.fail("the last won stage cannot be removed"))
    won = next(s for s in stages if s["outcome"] == "won")
    editor.select(won["id"])
    editor.remove_button.click()
    assert said and len(core.stages.list()) == 6


def test_remove_dialog_offers_the_stages(core, ui_lang, qtbot) -> None:
    stages = core.stages.list()[:3]
    dialog = RemoveStageDialog(stages, 3)
    qtbot.addWidget(dialog)
    assert dialog.target.count() == 3
    assert dialog.message.text() == "این مرحله ۳ معامله دارد. آن‌ها را به این مرحله منتقل کنید:"
    dialog.target.setCurrentIndex(2)
    assert dialog.chosen() == stages[2]["id"]
    empty = RemoveStageDialog(stages, 0)
    qtbot.addWidget(empty)
    assert empty.target.isHidden()


def test_settings_page_has_the_stage_editor(core, ops, ui_lang, qtbot) -> None:
    view = SettingsView(core, ops, UiSettings())
    qtbot.addWidget(view)
    editor = view.findChild(StageEditor, "stageEditor")
    assert editor is not None
    assert editor.model.rowCount() == len(core.stages.list())
