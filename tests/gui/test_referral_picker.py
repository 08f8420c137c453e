"""The contact form's "Referred by": a picker that searches contacts as you type (never a
list of everyone), clearable, refusing text that names no chosen contact, never offering
the contact itself; the service's refusal (two people referring each other) shown next
to the field; the contact panel's "Referred by" link and the count of people referred."""

from __future__ import annotations

from crm_desktop.ui.dialogs.contact_dialog import ContactDialog
from crm_desktop.ui.views.contact_panel import ContactPanel


def picker_of(dialog: ContactDialog):
    return dialog.bindings["referred_by_id"].picker


def test_the_picker_searches_as_you_type_and_saves_the_choice(core, ops, ui_lang, qtbot,
                                                              boxes) -> None:
    sara = core.contacts.create({"first_name": "سارا", "last_name": "کریمی",
                                 "mobile": "09121111111"})
    for i in range(30):
        core.contacts.create({"first_name": "نفر", "last_name": f"شماره {i}"})
    dialog = ContactDialog(core, ops)
    qtbot.addWidget(dialog)
    picker = picker_of(dialog)
    dialog.bindings["last_name"].set("تازه")
    assert picker.results.rowCount() == 0  # nothing is loaded before typing
    picker.edit.setText("سار")
    picker.edit.textEdited.emit("سار")
    assert not dialog.save_button.isEnabled()  # typed, not chosen
    assert dialog.errors["referred_by_id"].text()
    picker.search_now()
    assert picker.results.rowCount() == 1
    assert "سارا کریمی" in picker.results.item(0).text()
    picker.edit.setText("نفر")
    picker.search_now()
    assert 0 < picker.results.rowCount() <= 8  # a few at a time, not all 30
    picker.edit.setText("۰۹۱۲۱۱۱")  # by mobile too
    picker.search_now()
    picker.choose_row(0)
    assert picker.value() == sara and picker.edit.text() == "سارا کریمی"
    assert dialog.save_button.isEnabled()
    dialog.save()
    saved = core.contacts.get(dialog.result_id)
    assert saved["referred_by_id"] == sara and saved["referred_by_name"] == "سارا کریمی"
    assert boxes == []


def test_editing_shows_the_referrer_clears_it_and_never_offers_itself(core, ops, ui_lang,
                                                                      qtbot) -> None:
    a = core.contacts.create({"first_name": "آرش", "last_name": "کمالی"})
    b = core.contacts.create({"first_name": "آرمان", "last_name": "کمالی",
                              "referred_by_id": a})
    dialog = ContactDialog(core, ops, b)
    qtbot.addWidget(dialog)
    picker = picker_of(dialog)
    assert picker.value() == a and picker.edit.text() == "آرش کمالی"
    picker.edit.setText("کمالی")
    picker.search_now()
    offered = [picker.results.item(i).text() for i in range(picker.results.rowCount())]
    assert len(offered) == 1 and "آرش" in offered[0]  # not b itself
    picker.clear_button.click()
    assert picker.value() is None and picker.edit.text() == ""
    assert dialog.save_button.isEnabled()
    dialog.save()
    assert core.contacts.get(b)["referred_by_id"] is None


def test_two_people_referring_each_other_is_shown_at_the_field(core, ops, ui_lang,
                                                               qtbot) -> None:
    a = core.contacts.create({"first_name": "آرش", "last_name": "کمالی"})
    b = core.contacts.create({"first_name": "بهار", "last_name": "نیکو",
                              "referred_by_id": a})
    dialog = ContactDialog(core, ops, a)
    qtbot.addWidget(dialog)
    picker = picker_of(dialog)
    picker.edit.setText("بهار")
    picker.search_now()
    picker.choose_row(0)
    assert picker.value() == b
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "معرف" in dialog.errors["referred_by_id"].text()
    assert core.contacts.get(a)["referred_by_id"] is None


def test_the_panel_links_the_referrer_and_counts_the_referred(core, ui_lang, qtbot) -> None:
    a = core.contacts.create({"first_name": "آرش", "last_name": "کمالی"})
    b = core.contacts.create({"first_name": "بهار", "last_name": "نیکو",
                              "referred_by_id": a})
    core.contacts.create({"last_name": "سوم", "referred_by_id": a})
    panel = ContactPanel(core)
    qtbot.addWidget(panel)
    panel.show_contact(b)
    label = panel.values["referred_by"]
    assert panel.form.isRowVisible(label) and "آرش کمالی" in label.text()
    assert f'href="contact:{a}"' in label.text()  # a link that opens the referrer
    assert not panel.form.isRowVisible(panel.values["referrals"])
    with qtbot.waitSignal(panel.open_contact) as opened:
        label.linkActivated.emit(f"contact:{a}")
    assert opened.args == [a]
    panel.show_contact(a)
    assert not panel.form.isRowVisible(label)
    assert "۲" in panel.values["referrals"].text()
