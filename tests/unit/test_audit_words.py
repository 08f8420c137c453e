"""An audit row in words (text/audit_texts.describe): every logged field has a label in both
languages, values read as people read them (yes/no, Jalali days on the business's clock,
stored codes by name, a password never shown), records' values listed by label."""

from __future__ import annotations

from crm_desktop.domain import clock
from crm_desktop.services import audit
from crm_desktop.text.audit_texts import describe, field_text


def test_every_audited_column_has_a_label_in_both_languages() -> None:
    for model in audit.AUDITED:
        for column in audit.audited_columns(model):
            fallback = column.replace("_", " ").strip().capitalize()
            assert field_text(column, "fa") != fallback, (model.__tablename__, column)


def row(**values) -> dict:
    return {"entity": "contacts", "entity_id": 7, "action": "update", "field": None,
            "old_value": None, "new_value": None, "user_name": "سارا",
            "record_label": "مریم کاظمی", **values}


def test_values_in_words() -> None:
    clock.set_business_tz("Asia/Tehran")
    words = describe(row(field="sms_consent", old_value="False", new_value="True"), "fa")
    assert (words["field"], words["old"], words["new"]) == ("رضایت پیامک", "خیر", "بله")
    words = describe(row(field="birthday", new_value="1990-03-21"), "en")
    assert words["new"] == "1369/01/01"
    words = describe(row(field="customer_since",
                         new_value="2026-11-30T20:30:00+00:00"), "en")
    assert words["new"] == "1405/09/10 00:00"  # Tehran's midnight, the next Jalali day
    words = describe(row(field="lifecycle_stage", old_value="lead", new_value="customer"),
                     "fa")
    assert (words["old"], words["new"]) == ("سرنخ", "مشتری")
    words = describe(row(entity="tickets", field="status", new_value="closed"), "en")
    assert words["new"] == "Closed"
    words = describe(row(entity="users", field="password"), "fa")
    assert words["old"] == words["new"] == "(ثبت نمی‌شود)"
    words = describe(row(field="owner_id", old_value="3", new_value="4", old_name="علی",
                         new_name=None), "en")
    assert (words["old"], words["new"]) == ("علی", "4")


def test_a_created_and_a_purged_record() -> None:
    created = row(action="create", new_value='{"first_name":"مریم","owner_id":"2",'
                                            '"sms_consent":"True"}',
                  value_names={"owner_id": "سارا"})
    words = describe(created, "fa")
    assert words["field"] == "پرونده ایجاد شد"
    assert words["new"] == "نام: مریم؛ مسئول: سارا؛ رضایت پیامک: بله"
    purged = row(action="delete", field="purged", old_value='{"first_name":"مریم"}',
                 record_label=None)
    words = describe(purged, "en")
    assert (words["field"], words["old"], words["record"]) == (
        "Deleted for good", "First name: مریم", "#7")
    assert describe(row(user_name=None), "en")["user"] == "The program"


def test_a_backup_row_reads_in_words_and_its_settings_are_named() -> None:
    import json

    from crm_desktop.text.audit_texts import describe, field_text

    row = {"entity": "backups", "entity_id": 3, "field": "manual", "action": "backup",
           "old_value": None, "user_name": "x", "record_label": None,
           "new_value": json.dumps({"path": "/m/b.sqlite3", "ok": True, "encrypted": True,
                                    "size": 4_404_019})}
    words = describe(row, "fa")
    assert words["field"] == "دستی"
    assert words["new"] == "/m/b.sqlite3؛ بررسی\u200cشده و سالم؛ رمزگذاری\u200cشده؛ 4.2 مگابایت"
    assert describe({**row, "new_value": json.dumps({"path": "p", "ok": False,
                                                     "detail": "bad"})}, "en")["new"] \
        == "p; verification failed; bad"
    for part in ("folder", "on_exit", "daily", "keep_daily", "keep_weekly", "keep_monthly",
                 "warn_days", "encrypt"):
        assert not field_text(f"backup.{part}", "fa").isascii()
