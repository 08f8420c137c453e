"""The Automation tab (rules with their switch, last run, next due and counts; Run now and
Preview in the background), the rule editor (per-kind settings, templates with the kind's
placeholders and the SMS counter, conditions through the list filter editor), the
automation log tab, and the runs at start-up and every 15 minutes off the GUI thread."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from crm_desktop.core import Core
from crm_desktop.services.base import ListQuery
from crm_desktop.ui.automation_runner import AutomationScheduler
from crm_desktop.ui.dialogs.rule_conditions import ConditionsDialog
from crm_desktop.ui.dialogs.rule_dialog import RuleDialog
from crm_desktop.ui.dialogs.run_preview import RunPreview
from crm_desktop.ui.display import plain
from crm_desktop.ui.views.automation_log import AutomationLogPage
from crm_desktop.ui.views.automation_page import AutomationPage

# the offscreen platform's notice when a dialog's size hints change
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _need(core: Core, kind: str) -> None:
    """Kinds come from other branches (the kinds and club helpers' work): a test of a kind
    this build does not register yet waits for it."""
    if kind not in core.automation.kinds():
        pytest.skip(f"rule kind {kind} is not registered in this build")


def _rule(core: Core, kind: str) -> dict[str, Any]:
    _need(core, kind)
    found = [r for r in core.automation.rules() if r["kind"] == kind]
    if found:
        return found[0]
    rid = core.automation.create_rule({"kind": kind, "name": kind, "enabled": False,
                                       "settings": core.automation.defaults(kind),
                                       "conditions": None})
    return core.automation.rule(rid)


def _welcome_due(core: Core, n: int = 2) -> int:
    """The welcome rule on, and `n` contacts who became customers since (with a mobile and
    consent): a run has `n` SMS to queue. Returns the rule's id."""
    rule = _rule(core, "welcome")
    core.automation.set_enabled(rule["id"], True)
    for i in range(n):
        core.contacts.create({"first_name": f"مشتری{i}", "last_name": "تازه",
                              "mobile": f"0912000000{i}", "sms_consent": True,
                              "lifecycle_stage": "customer"})
    return rule["id"]


def _log_count(core: Core) -> int:
    return core.automation_log.count(ListQuery())


# -- the rules page ----------------------------------------------------------------------
def test_the_rules_page_lists_rules_and_switches_them(core, ops, settings, ui_lang, qtbot,
                                                      qtmodeltester) -> None:
    rule = _rule(core, "birthday")
    page = AutomationPage(core, ops, settings)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)
    row = page.model.row_of(rule["id"])
    assert row is not None
    assert page.model.index(row, 1).data() == rule["name"]
    assert page.model.index(row, 2).data() == "تبریک تولد"
    switch = page.model.index(row, 0)
    assert switch.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert switch.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert page.model.setData(switch, Qt.CheckState.Checked.value,
                              Qt.ItemDataRole.CheckStateRole)
    assert core.automation.rule(rule["id"])["enabled"]
    page.refresh()
    row = page.model.row_of(rule["id"])
    assert page.model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == \
        Qt.CheckState.Checked
    # Edit and Delete act on the selection
    assert not page.edit.isEnabled()
    page.select(rule["id"])
    assert page.edit.isEnabled() and page.delete.isEnabled()
    # every kind is offered by New rule
    kinds = [a.data() for a in page.new.menu().actions()]
    assert set(kinds) == set(core.automation.kinds())


def test_deleting_a_rule_asks_first(core, ops, settings, ui_lang, qtbot, boxes) -> None:
    rule = _rule(core, "welcome")
    page = AutomationPage(core, ops, settings)
    qtbot.addWidget(page)
    page.select(rule["id"])
    page.delete_selected()  # answered Close: nothing deleted
    assert boxes and boxes[-1].objectName() == "confirmDeleteRule"
    assert any(r["id"] == rule["id"] for r in core.automation.rules())


@pytest.mark.parametrize("ui_lang", ["en"], indirect=True)
def test_run_now_runs_in_the_background_and_shows_the_outcome(core, ops, settings, ui_lang,
                                                               qtbot, monkeypatch) -> None:
    _welcome_due(core, 2)
    service = type(core.automation)
    real = service.run
    threads: list[threading.Thread] = []

    def run(self, **kwargs: Any):
        threads.append(threading.current_thread())
        return real(self, **kwargs)

    monkeypatch.setattr(service, "run", run)
    page = AutomationPage(core, ops, settings)
    qtbot.addWidget(page)
    with qtbot.waitSignal(ops.changed, timeout=20_000) as changed, \
            qtbot.waitSignal(page.runner.finished, timeout=20_000):
        page.start_run()
        assert not page.run_now.isEnabled()  # one run at a time
    assert threads and threads[0] is not threading.main_thread()
    assert "automation_log" in changed.args[0]
    assert _log_count(core) == 2
    status = plain(page.status.text())
    assert "Run now: 2 action(s)." in status
    assert "Last run:" in status and "(by hand), 2 action(s)" in status
    assert page.run_now.isEnabled()
    row = page.model.row_of(_rule(core, "welcome")["id"])
    assert page.model.rows[row]["actions_total"] == 2


def test_the_preview_lists_what_a_run_would_do_and_writes_nothing(core, ops, ui_lang,
                                                                   qtbot,
                                                                   qtmodeltester) -> None:
    _welcome_due(core, 3)
    core.contacts.create({"first_name": "بی", "last_name": "رضایت", "mobile": "09129999999",
                          "lifecycle_stage": "customer"})  # no consent: skipped, and why
    before = core.outbox.count(ListQuery())
    preview = RunPreview(core, ops)
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: not preview.busy(), timeout=20_000)
    assert preview.model.rowCount() == 4
    qtmodeltester.check(preview.model)
    rows = {preview.model.index(r, 2).data(): (preview.model.index(r, 3).data(),
                                                preview.model.index(r, 4).data())
            for r in range(4)}
    assert set(rows) == {"مشتری0 تازه", "مشتری1 تازه", "مشتری2 تازه", "بی رضایت"}
    assert rows["مشتری0 تازه"][0] == "پیامک"
    assert rows["بی رضایت"] == ("رد شد", "به دریافت این پیام\u200cها رضایت نداده است")
    assert "۴" in preview.summary.text()
    assert _log_count(core) == 0 and core.outbox.count(ListQuery()) == before


# -- the rule editor ---------------------------------------------------------------------
def test_a_new_rule_is_saved_with_its_kinds_settings(core, ops, ui_lang, qtbot) -> None:
    _need(core, "appointment_reminder")
    dialog = RuleDialog(core, ops, kind="appointment_reminder")
    qtbot.addWidget(dialog)
    assert set(dialog.fields) >= {"channel", "body", "hours_before"}
    dialog.name.setText("یادآوری نوبت کلینیک")
    dialog.fields["hours_before"].put(48)
    dialog.template().set_text("{first_name} عزیز، نوبت شما {appointment_date} ساعت "
                               "{appointment_time} است.")
    assert dialog.template().problem.text() == ""
    dialog.save()
    assert dialog.result_id is not None
    rule = core.automation.rule(dialog.result_id)
    assert rule["name"] == "یادآوری نوبت کلینیک" and rule["kind"] == "appointment_reminder"
    assert rule["settings"]["hours_before"] == 48
    assert "{appointment_time}" in rule["settings"]["body"]
    assert not rule["enabled"]


def test_a_new_birthday_rule_is_saved_from_the_editor(core, ops, ui_lang, qtbot) -> None:
    dialog = RuleDialog(core, ops, kind="birthday")
    qtbot.addWidget(dialog)
    assert set(dialog.fields) >= {"channel", "body", "send_hour", "catch_up_days"}
    dialog.name.setText("تبریک تولد مشتریان ویژه")
    dialog.enabled.setChecked(True)
    dialog.fields["send_hour"].put(11)
    dialog.fields["catch_up_days"].put(2)
    dialog.template().set_text("{first_name} جان، تولدت مبارک!")
    dialog.save()
    assert dialog.result_id is not None
    rule = core.automation.rule(dialog.result_id)
    assert rule["name"] == "تبریک تولد مشتریان ویژه" and rule["enabled"]
    assert rule["settings"]["send_hour"] == 11 and rule["settings"]["catch_up_days"] == 2
    assert rule["settings"]["body"] == "{first_name} جان، تولدت مبارک!"
    # opened again, the editor shows what was saved
    again = RuleDialog(core, ops, dialog.result_id)
    qtbot.addWidget(again)
    assert again.fields["send_hour"].get() == 11
    assert again.template().text() == "{first_name} جان، تولدت مبارک!"


def test_a_kinds_extra_placeholders_are_offered_only_in_its_editor(core, ops, ui_lang,
                                                                    qtbot) -> None:
    from crm_desktop.text import placeholders as ph

    with_extras = [k for k in core.automation.kinds()
                   if set(core.automation.placeholders(k)) - set(ph.PLACEHOLDERS)]
    if not with_extras:
        pytest.skip("no kind with extra placeholders is registered in this build")
    kind = with_extras[0]
    extra = sorted(set(core.automation.placeholders(kind)) - set(ph.PLACEHOLDERS))[0]
    dialog = RuleDialog(core, ops, kind=kind)
    qtbot.addWidget(dialog)
    offered = [a.data() for a in dialog.template().insert.menu().actions()]
    assert extra in offered and "first_name" in offered
    dialog.template().set_text("{" + extra + "}")
    assert dialog.template().problem.text() == ""
    birthday = RuleDialog(core, ops, kind="birthday")
    qtbot.addWidget(birthday)
    assert extra not in [a.data() for a in birthday.template().insert.menu().actions()]
    birthday.template().set_text("{" + extra + "}")
    assert "{" + extra + "}" in birthday.template().problem.text()


def test_the_template_offers_the_kinds_placeholders_and_counts_sms(core, ops, ui_lang,
                                                                    qtbot) -> None:
    birthday = RuleDialog(core, ops, _rule(core, "birthday")["id"])
    qtbot.addWidget(birthday)
    template = birthday.template()
    assert "appointment_time" not in [a.data() for a in template.insert.menu().actions()]
    template.set_text("س" * 70)
    assert plain(template.counter.text()).startswith("۷۰ نویسه، ۱ پیامک")
    template.set_text("س" * 71)
    assert "۲ پیامک" in plain(template.counter.text())
    # another kind's placeholder is named as a problem here
    template.set_text("سلام {first_name}، نوبت شما {appointment_time}")
    assert "{appointment_time}" in template.problem.text()
    template.set_text("")
    template.insert_placeholder("first_name")
    assert template.text() == "{first_name}"


@pytest.mark.parametrize("ui_lang", ["en"], indirect=True)
def test_a_persian_template_reads_right_to_left_even_after_a_placeholder(core, ops, ui_lang,
                                                                         qtbot) -> None:
    dialog = RuleDialog(core, ops, kind="welcome")
    qtbot.addWidget(dialog)
    template = dialog.template()
    template.set_text("{first_name} عزیز، خوش آمدید")
    option = template.body.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    template.set_text("Dear {first_name}, welcome")
    option = template.body.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.LeftToRight


def test_the_channel_decides_which_fields_show(core, ops, ui_lang, qtbot) -> None:
    dialog = RuleDialog(core, ops, _rule(core, "birthday")["id"])
    qtbot.addWidget(dialog)
    channel = dialog.fields["channel"]
    channel.put("task")
    assert not dialog.message.isVisibleTo(dialog)
    assert dialog.form.isRowVisible(dialog.fields["task_subject"].widget)
    channel.put("email")
    assert dialog.message.isVisibleTo(dialog)
    assert dialog.message_form.isRowVisible(dialog.fields["subject"].widget)
    assert not dialog.template().counter.isVisibleTo(dialog)
    assert not dialog.form.isRowVisible(dialog.fields["task_subject"].widget)
    channel.put("sms")
    assert not dialog.message_form.isRowVisible(dialog.fields["subject"].widget)
    assert dialog.template().counter.isVisibleTo(dialog)


def test_lead_assignment_shows_the_fields_of_its_method(core, ops, ui_lang, qtbot) -> None:
    _need(core, "lead_assignment")
    core.contacts.create({"first_name": "رضا", "city": "شیراز"})
    dialog = RuleDialog(core, ops, kind="lead_assignment")
    qtbot.addWidget(dialog)
    method = dialog.fields["method"]
    method.put("city")
    assert dialog.form.isRowVisible(dialog.fields["by_city"].widget)
    assert not dialog.form.isRowVisible(dialog.fields["users"].widget)
    table = dialog.fields["by_city"].widget
    user = core.users.options()[0][0]
    box = table.boxes["شیراز"]
    box.setCurrentIndex(box.findData(user))
    dialog.save()
    assert dialog.result_id is not None
    saved = core.automation.rule(dialog.result_id)["settings"]
    assert saved["method"] == "city" and saved["by_city"] == {"شیراز": user}


def test_a_refused_rule_says_why_and_stays_open(core, ops, ui_lang, qtbot) -> None:
    dialog = RuleDialog(core, ops, _rule(core, "welcome")["id"])
    qtbot.addWidget(dialog)
    dialog.fields["channel"].put("email")
    dialog.fields["subject"].put("")
    dialog.save()
    assert dialog.result_id is None
    assert dialog.problem.text() != ""


def test_conditions_come_from_the_list_filter_editor(core, ops, ui_lang, qtbot,
                                                     monkeypatch) -> None:
    for i, city in enumerate(("تهران", "تهران", "شیراز")):
        core.contacts.create({"first_name": f"ن{i}", "city": city})
    chooser = ConditionsDialog(core, ops, {"version": 1, "cities": ["تهران"]})
    qtbot.addWidget(chooser)
    assert not chooser.top_form.isRowVisible(chooser.name)
    assert chooser.cities.values() == ["تهران"]
    chooser.sms.setCurrentIndex(1)
    chooser.save()
    assert chooser.result is not None
    assert chooser.result["cities"] == ["تهران"] and chooser.result["sms_consent"] is True

    # the marketing lists the contacts must be on, beside the criteria
    vip = core.lists.create({"name": "ویژه"})
    chooser = ConditionsDialog(core, ops, {"version": 1, "lists": [vip]})
    qtbot.addWidget(chooser)
    assert chooser.lists.values() == [vip]
    chooser.save()
    assert chooser.result is not None and chooser.result["lists"] == [vip]

    rule = _rule(core, "birthday")
    dialog = RuleDialog(core, ops, rule["id"])
    qtbot.addWidget(dialog)
    assert "همه" in dialog.conditions_label.text()
    monkeypatch.setattr(ConditionsDialog, "choose",
                        classmethod(lambda cls, *a: {"version": 1, "cities": ["تهران"]}))
    dialog.choose_conditions()
    assert "۲ مخاطب" in plain(dialog.conditions_label.text())
    dialog.save()
    saved = core.automation.rule(rule["id"])["conditions"]
    saved = saved if isinstance(saved, dict) else __import__("json").loads(saved)
    assert saved["cities"] == ["تهران"]


# -- the log -----------------------------------------------------------------------------
def test_the_log_lists_filters_and_opens_the_contact(core, ops, settings, ui_lang, qtbot,
                                                     qtmodeltester) -> None:
    _welcome_due(core, 2)
    core.automation.run(trigger="manual")
    page = AutomationLogPage(core, ops, settings)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 2
    assert page.model.index(0, 3).data() == "پیامک"
    assert "۲" in page.count.text()
    page.action.setCurrentIndex(page.action.findData("skipped"))
    assert page.model.rowCount() == 0
    assert page.empty.isVisibleTo(page) and page.empty.filtered
    page.clear_filter()
    assert page.model.rowCount() == 2
    page.table.selectionModel().select(
        page.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    assert page.open_contact.isEnabled()
    with qtbot.waitSignal(page.open_record) as opened:
        page.open_selected()
    assert opened.args[0] == "contacts"
    assert opened.args[1] == page.model.contact_at(0)


# -- runs by themselves ------------------------------------------------------------------
def test_the_scheduler_runs_at_start_and_on_its_timer_off_the_gui_thread(
        core, ops, qtbot, monkeypatch) -> None:
    service = type(core.automation)
    real = service.run
    calls: list[tuple[str, bool]] = []

    def run(self, **kwargs: Any):
        calls.append((kwargs.get("trigger"), threading.current_thread()
                      is threading.main_thread()))
        return real(self, **kwargs)

    monkeypatch.setattr(service, "run", run)
    scheduler = AutomationScheduler(core, ops, interval_ms=50)
    finished: list[Any] = []
    scheduler.runner.finished.connect(lambda report, _p: finished.append(report))
    scheduler.start()
    qtbot.waitUntil(lambda: len(finished) >= 2, timeout=20_000)
    scheduler.stop()
    assert calls[0] == ("startup", False)
    assert calls[1] == ("timer", False)
    assert all(report is not None for report in finished)
    assert not scheduler.timer.isActive() and not scheduler.runner.busy()


def test_closing_waits_for_the_run_in_flight(core, ops, qtbot, monkeypatch) -> None:
    """A run still going when the window closes is asked to stop and waited for."""
    service = type(core.automation)
    started = threading.Event()
    stopped: list[bool] = []

    def slow(self, **kwargs: Any):
        started.set()
        cancel = kwargs["cancel"]
        while not cancel():
            threading.Event().wait(0.01)
        stopped.append(True)
        return None

    monkeypatch.setattr(service, "run", slow)
    scheduler = AutomationScheduler(core, ops)
    scheduler.start()
    assert started.wait(10)
    scheduler.stop()
    assert stopped == [True] and not scheduler.runner.busy()


def test_the_campaigns_view_has_the_automation_tabs(controller) -> None:
    view = controller.window.show_section("campaigns")
    assert isinstance(view.show_tab("automation"), AutomationPage)
    assert isinstance(view.show_tab("automation_log"), AutomationLogPage)


# -- where rule messages show elsewhere --------------------------------------------------
def test_the_contact_timeline_and_the_outbox_name_the_rule(core, ops, settings, ui_lang,
                                                          qtbot) -> None:
    from crm_desktop.ui.views.contact_panel import ContactPanel
    from crm_desktop.ui.views.outbox_page import OutboxPage

    rule_id = _welcome_due(core, 1)
    name = core.automation.rule(rule_id)["name"]
    core.automation.run(trigger="manual")
    contact = core.contacts.list(ListQuery(text="مشتری0")).rows[0]["id"]
    panel = ContactPanel(core)
    qtbot.addWidget(panel)
    panel.show_contact(contact)
    lines = [panel.timeline.item(r).text() for r in range(panel.timeline.rowCount())]
    message = [line for line in lines if name in line]
    assert message, lines
    assert "پیامک" in message[0] and "در صف" in message[0]
    page = OutboxPage(core, ops, settings)
    qtbot.addWidget(page)
    column = [c.key for c in page.model.columns].index("campaign")
    shown = {page.model.index(r, column).data() for r in range(page.model.rowCount())}
    assert f"قانون: {name}" in {plain(text) for text in shown}


def test_a_satisfaction_score_is_recorded_by_hand_and_from_a_reply_file(
        core, ops, settings, ui_lang, qtbot, monkeypatch, tmp_path) -> None:
    from datetime import UTC, datetime, timedelta

    rule = _rule(core, "satisfaction")
    core.automation.set_enabled(rule["id"], True)
    people = [core.contacts.create({"first_name": name, "last_name": "نظری",
                                    "mobile": mobile})
              for name, mobile in (("آرش", "09121110001"), ("نیما", "09121110002"))]
    for person in people:
        ticket = core.tickets.create({"subject": "خرابی", "contact_id": person})
        core.tickets.update(ticket, {"status": "closed"})
    core.automation.run(trigger="manual", now=datetime.now(UTC) + timedelta(days=2))
    page = AutomationLogPage(core, ops, settings)
    qtbot.addWidget(page)
    assert len(page.waiting) == 2
    row = next(r for r in range(page.model.rowCount())
               if page.model.row_data(r)["contact_id"] == people[0])
    page.table.selectionModel().select(
        page.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    assert page.record_score.isEnabled()
    monkeypatch.setattr(page, "ask_score", lambda: 4)
    page.record_selected()
    page.refresh()  # (the campaigns view passes the change on)
    scores = {page.model.row_data(r)["contact_id"]: page.model.row_data(r)["reply_score"]
              for r in range(page.model.rowCount())}
    assert scores[people[0]] == 4 and scores[people[1]] is None
    # the other one replies by SMS: the panel's export is read
    replies = tmp_path / "replies.csv"
    replies.write_text("mobile,text,time\n09121110002,ممنون ۵ از ۵,"
                       + (datetime.now(UTC) + timedelta(days=3)).isoformat() + "\n",
                       encoding="utf-8")
    monkeypatch.setattr(page, "choose_file", lambda: str(replies))
    page.import_reply_file()
    assert "۱" in plain(page.status.text())
    page.refresh()
    scores = {page.model.row_data(r)["contact_id"]: page.model.row_data(r)["reply_score"]
              for r in range(page.model.rowCount())}
    assert scores[people[1]] == 5


def test_closing_the_database_stops_a_run_now_and_announces_nothing(
        core, ops, settings, qtbot, monkeypatch) -> None:
    from crm_desktop.ui import automation_runner

    service = type(core.automation)
    started = threading.Event()

    def slow(self, **kwargs: Any):
        started.set()
        while not kwargs["cancel"]():
            threading.Event().wait(0.01)
        return None

    monkeypatch.setattr(service, "run", slow)
    page = AutomationPage(core, ops, settings)
    qtbot.addWidget(page)
    heard: list[Any] = []
    ops.changed.connect(heard.append)
    page.start_run()
    assert started.wait(10)
    automation_runner.stop_all()
    assert not automation_runner._LIVE
    qtbot.wait(50)  # the run's ending, queued, is delivered now
    assert heard == [] and not page.runner.busy()


def test_messages_a_timed_run_queued_are_sent_in_the_background(core, qapp, qtbot) -> None:
    """A rule's SMS go out like a campaign's: the window's sending starts when a run (at
    start-up, on the timer or Run now) queued messages, without anyone pressing Send."""
    from crm_desktop.services import secrets
    from crm_desktop.ui.controller import Controller
    from tests.integration.services.panel_server import GOOD_KEY, Panel

    _welcome_due(core, 2)
    with Panel() as panel:
        core.settings.set_sending({"sms_delivery": "http", "sms_gateway_url": panel.url})
        secrets.store(secrets.sms_key_name(panel.url), GOOD_KEY)
        c = Controller()
        db_path = core.db.path
        core.close()
        try:
            assert c.open(db_path, show=False)
            assert c.sender is None and c.automation is None  # not shown: nothing started
            c._start_automation(c.core, c.window.ops)
            qtbot.waitUntil(lambda: len(panel.receptors()) == 2, timeout=20_000)
            assert sorted(panel.receptors()) == ["09120000000", "09120000001"]
            qtbot.waitUntil(lambda: not c.sender.isRunning(), timeout=20_000)
            assert c.core.outbox.counts()["sent"] == 2
        finally:
            c.close()
