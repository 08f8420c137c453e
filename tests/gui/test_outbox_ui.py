"""The message composer (live SMS part counter, preview for a member, who is left out),
background sending with progress over a local panel, the outbox page (windowed model,
status filter, search, retry and cancel on the selection) and the Sending settings."""

from __future__ import annotations

import keyring
import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QTextCursor

from crm_desktop.core import Core
from crm_desktop.services import secrets
from crm_desktop.ui import display
from crm_desktop.ui.dialogs.message_composer import MessageComposer
from crm_desktop.ui.views.outbox_page import OutboxPage
from crm_desktop.ui.views.settings_sending import SendingSettings
from tests.integration.services.panel_server import GOOD_KEY, Panel

pytestmark = pytest.mark.usefixtures("memory_keyring")


def _campaign(core: Core) -> int:
    people = [
        {"first_name": "علی", "last_name": "رضایی", "mobile": "09121111111",
         "sms_consent": True},
        {"first_name": "سارا", "last_name": "کریمی", "mobile": "09122222222",
         "sms_consent": True},
        {"first_name": "رضا", "last_name": "نوری", "mobile": "09123333333"},
        {"first_name": "مینا", "last_name": "احمدی", "sms_consent": True},
    ]
    ids = [core.contacts.create(p) for p in people]
    lid = core.lists.create({"name": "همه"})
    core.lists.add_members(lid, ids)
    cid = core.campaigns.create({"name": "یلدا", "channel": "sms"})
    core.campaigns.add_target(cid, list_id=lid)
    core.campaigns.add_members_from_targets(cid)
    return cid


def test_counter_preview_and_exclusions(core, ops, ui_lang, qtbot) -> None:
    cid = _campaign(core)
    composer = MessageComposer(core, ops, cid)
    qtbot.addWidget(composer)
    composer.body.setPlainText("س" * 70)
    assert composer.counter.text().startswith("۷۰ نویسه، ۱ پیامک")
    composer.body.setPlainText("س" * 71)
    assert "۲ پیامک" in composer.counter.text()
    composer.body.setPlainText("سلام {first_name} {last_name}")
    composer.member.setCurrentIndex(composer.member.findText("سارا کریمی"))
    assert composer.preview.text() == "سلام سارا کریمی"
    # the counter counts the text as this member gets it
    assert composer.counter.text().startswith("۱۵ نویسه")
    composer.body.setPlainText("سلام {first_name} {code}")
    assert "{code}" in composer.problem.text() and composer.problem.isVisibleTo(composer)
    composer.body.setPlainText("سلام {first_name}")
    assert not composer.send.isEnabled()
    composer.check_recipients()
    assert composer.exclusions is not None
    assert composer.exclusions.eligible == 2
    summary = composer.summary.text()
    assert "۲ نفر از ۴ عضو" in summary
    assert "بدون رضایت" in summary and "بدون موبایل" in summary
    assert composer.send.isEnabled()
    composer.body.moveCursor(QTextCursor.MoveOperation.End)
    composer.insert_placeholder("company")
    assert composer.body.toPlainText().endswith("{company}")
    assert not composer.send.isEnabled()  # changed: check again


@pytest.mark.parametrize("ui_lang", ["en"], indirect=True)
def test_queue_and_send_in_the_background(core, ops, ui_lang, qtbot) -> None:
    cid = _campaign(core)
    with Panel() as panel:
        core.settings.set_sending({"sms_delivery": "http", "sms_gateway_url": panel.url})
        secrets.store(secrets.sms_key_name(panel.url), GOOD_KEY)
        composer = MessageComposer(core, ops, cid)
        qtbot.addWidget(composer)
        composer.body.setPlainText("Hi {first_name}")
        composer.check_recipients()
        progress: list[tuple[int, int]] = []
        composer.queue_and_send()
        assert composer.sending.thread is not None
        composer.sending.thread.progress.connect(lambda d, t: progress.append((d, t)))
        qtbot.waitUntil(lambda: composer.sending.thread is None, timeout=20_000)
        assert sorted(panel.receptors()) == ["09121111111", "09122222222"]
    assert "Sent 2, failed 0" in composer.summary.text()
    assert core.outbox.counts()["sent"] == 2
    # again: nothing is queued twice for the same member and message
    composer.check_recipients()
    assert composer.exclusions.eligible == 0 and composer.exclusions.counts["already"] == 2


@pytest.mark.parametrize("ui_lang", ["en"], indirect=True)
def test_outbox_page_sends_now_in_the_background(core, ops, settings, ui_lang, qtbot) -> None:
    cid = _campaign(core)
    core.outbox.queue(core.outbox.save_message(cid, "sms", "Hi {first_name}"))
    with Panel() as panel:
        core.settings.set_sending({"sms_delivery": "http", "sms_gateway_url": panel.url})
        secrets.store(secrets.sms_key_name(panel.url), GOOD_KEY)
        page = OutboxPage(core, ops, settings)
        qtbot.addWidget(page)
        assert page.progress.isHidden() and page.stop.isHidden()
        changed: list[list[str]] = []
        ops.changed.connect(changed.append)
        page.send_now()
        assert page.sending.thread is not None
        assert not page.send.isEnabled() and not page.stop.isHidden()
        qtbot.waitUntil(lambda: page.sending.thread is None, timeout=20_000)
        assert sorted(panel.receptors()) == ["09121111111", "09122222222"]
    assert page.progress.isHidden() and page.stop.isHidden() and page.send.isEnabled()
    assert ["outbox", "campaign_members"] in changed
    assert core.outbox.counts()["sent"] == 2


def test_outbox_page(core, ops, settings, ui_lang, qtbot, qtmodeltester) -> None:
    cid = _campaign(core)
    msg = core.outbox.save_message(cid, "sms", "سلام {first_name}")
    core.outbox.queue(msg)
    page = OutboxPage(core, ops, settings)
    qtbot.addWidget(page)
    ops.changed.connect(page.on_changed)  # as the campaigns view passes changes on
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 2
    page.search.setText("09122222222")
    assert page.model.rowCount() == 1
    page.search.setText("سارا")
    assert page.model.rowCount() == 1
    page.search.setText("")
    # cancel the selection, then filter by status
    assert not page.retry.isEnabled() and not page.cancel.isEnabled()  # nothing selected
    page.table.selectionModel().select(
        page.model.index(0, 0), QItemSelectionModel.SelectionFlag.Select
        | QItemSelectionModel.SelectionFlag.Rows)
    assert page.retry.isEnabled() and page.cancel.isEnabled()
    page.cancel_selected()
    assert core.outbox.counts()["cancelled"] == 1
    page.status.setCurrentIndex(page.status.findData("cancelled"))
    assert page.model.rowCount() == 1
    assert "لغو" in page.model.index(0, 4).data()
    page.table.selectionModel().select(
        page.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    page.retry_selected()
    assert page.model.rowCount() == 0
    assert core.outbox.counts()["queued"] == 2
    qtmodeltester.check(page.model)


def test_sending_settings_keep_the_key_in_the_keyring(core, ops, ui_lang, qtbot) -> None:
    widget = SendingSettings(core, ops)
    qtbot.addWidget(widget)
    widget.sms.setCurrentIndex(widget.sms.findData("http"))
    widget.url.setText("https://api.example.ir/v1/{api_key}/sms/send.json")
    widget.api_key.setText("top-secret-key")
    widget.save()
    assert core.settings.sending()["sms_delivery"] == "http"
    assert secrets.load(secrets.sms_key_name(
        "https://api.example.ir/v1/{api_key}/sms/send.json")) == "top-secret-key"
    with core.db.raw() as conn:
        dump = "\n".join(conn.iterdump())
    assert "top-secret-key" not in dump
    assert widget.api_key.text() == ""


def test_without_a_keyring_the_page_says_so(core, ops, ui_lang, qtbot) -> None:
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    widget = SendingSettings(core, ops)
    qtbot.addWidget(widget)
    assert not widget.password.isEnabled()
    assert "کلیدستان" in widget.keyring_note.text()


def test_queued_messages_resume_when_the_program_starts(core, qapp, qtbot) -> None:
    from crm_desktop.ui import outbox_sender

    cid = _campaign(core)
    core.outbox.queue(core.outbox.save_message(cid, "sms", "سلام {first_name}"))
    # the program stopped while the first row was being sent
    first = min(core.outbox.list_ids())
    core.outbox.export_file(core.db.path.parent / "panel.csv")
    core.outbox.confirm_file([i for i in core.outbox.list_ids() if i != first], False)
    assert core.outbox.get(first)["status"] == "sending"
    with Panel() as panel:
        core.settings.set_sending({"sms_delivery": "http", "sms_gateway_url": panel.url})
        secrets.store(secrets.sms_key_name(panel.url), GOOD_KEY)
        thread = outbox_sender.resume_at_start(core)
        assert thread is not None
        with qtbot.waitSignal(thread.done, timeout=20_000):
            pass
        thread.wait()
        assert panel.receptors() == ["09122222222"]  # the interrupted one is not resent
    assert core.outbox.get(first)["last_error"] == "interrupted"
    assert outbox_sender.resume_at_start(core) is None  # nothing left to send


def test_empty_outbox_says_what_it_is_for(core, ops, settings, ui_lang, qtbot) -> None:
    from crm_desktop.ui.views.campaigns import CampaignsView

    view = CampaignsView(core, ops, settings)
    qtbot.addWidget(view)
    page = view.show_tab("outbox")
    assert isinstance(page, OutboxPage)
    assert not page.empty.isHidden()
    assert "صف" in page.empty.text.text()  # how messages get here (queued by a campaign)
    assert page.empty.action.isVisibleTo(page.empty)
    assert page.counts.text() == ""
    assert not any(c.isVisibleTo(page) for c in page.count_chips.values())
    # the action leads to the campaigns, where a message is written
    page.empty.action.click()
    assert view.tab_widget.currentIndex() == 0
    # a search that finds nothing says so, and clearing it brings the first sentence back
    page.search.setText("0912")
    assert page.empty.filtered and page.empty.clear.isVisibleTo(page.empty)
    page.empty.clear.click()
    assert page.search.text() == "" and not page.empty.filtered


def test_outbox_statuses_are_chips_with_counts(core, ops, settings, ui_lang, qtbot) -> None:
    from crm_desktop.ui.widgets.chip_delegate import ChipDelegate

    cid = _campaign(core)
    core.outbox.queue(core.outbox.save_message(cid, "sms", "سلام {first_name}"))
    core.outbox.cancel(core.outbox.list_ids()[:1])
    page = OutboxPage(core, ops, settings)
    qtbot.addWidget(page)
    assert page.empty.isHidden()
    keys = [c.key for c in page.model.columns]
    for key in ("status", "channel"):
        delegate = page.table.itemDelegateForColumn(keys.index(key))
        assert isinstance(delegate, ChipDelegate)
    status = page.table.itemDelegateForColumn(keys.index("status"))
    tones = {status.tone_of(page.model.index(r, 0)) for r in range(page.model.rowCount())}
    assert tones == {"info", "neutral"}  # queued, cancelled
    # counts: Persian digits, one chip per status present, in its tone
    assert display.plain(page.counts.text()) == "در صندوق خروجی: ۲"
    assert page.count_chips["queued"].isVisibleTo(page)
    assert display.plain(page.count_chips["queued"].text()) == "در صف ۱"
    assert display.plain(page.count_chips["cancelled"].text()) == "لغو\u200cشده ۱"
    assert not page.count_chips["sent"].isVisibleTo(page)
    assert "background" in page.count_chips["queued"].styleSheet()
