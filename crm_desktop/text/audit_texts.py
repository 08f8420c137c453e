"""What the audit log says, in English and Persian (no Qt): the names of the records it
names (entities), of its actions, the labels of fields the editors do not name, and each
logged value as people read it (yes / no, Jalali dates on the business's clock, stored
codes by their names, ids by the name of what they point at). The audit viewer, a record's
history, the export and the command line all speak through `describe`."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from crm_desktop.domain.enums import AuditAction
from crm_desktop.text.export_titles import VALUE_LABELS, pick
from crm_desktop.text.jalali import format_jalali, format_jalali_datetime
from crm_desktop.text.messages import FIELD_LABELS, field_label

ZW = "\u200c"  # ZWNJ (نیم‌فاصله)

#: entity (table name) -> (English, Persian): every record kind the log names
ENTITIES: dict[str, tuple[str, str]] = {
    "contacts": ("Contact", "مخاطب"),
    "accounts": ("Company", "شرکت"),
    "deals": ("Deal", "معامله"),
    "deal_stage_changes": ("Deal stage change", "تغییر مرحلهٔ معامله"),
    "proformas": ("Proforma", f"پیش{ZW}فاکتور"),
    "proforma_lines": ("Proforma line", f"ردیف پیش{ZW}فاکتور"),
    "products": ("Product", "کالا"),
    "pipeline_stages": ("Pipeline stage", "مرحلهٔ فروش"),
    "activities": ("Activity", "فعالیت"),
    "tickets": ("Ticket", "تیکت"),
    "ticket_comments": ("Ticket comment", "یادداشت تیکت"),
    "tags": ("Tag", "برچسب"),
    "marketing_lists": ("Marketing list", "فهرست بازاریابی"),
    "campaigns": ("Campaign", "کمپین"),
    "campaign_members": ("Campaign member", "عضو کمپین"),
    "campaign_targets": ("Campaign audience", "مخاطبان کمپین"),
    "campaign_messages": ("Campaign message", "پیام کمپین"),
    "outbox": ("Outbox message", "پیام صندوق خروجی"),
    "automation_rules": ("Automation rule", "قانون خودکارسازی"),
    "automation_log": ("Automation action", "کار خودکارسازی"),
    "club_ledger": ("Club points", "امتیاز باشگاه"),
    "club_tier_changes": ("Club tier change", "تغییر سطح باشگاه"),
    "import_batches": ("Import", "ورود اطلاعات"),
    "users": ("User", "کاربر"),
    "settings": ("Settings", "تنظیمات"),
    "backups": ("Backup", "پشتیبان"),
}
#: other spellings of an entity that the log or a person may use
ENTITY_ALIASES: dict[str, str] = {
    "user": "users", "backup": "backups", "contact": "contacts", "account": "accounts",
    "company": "accounts", "companies": "accounts", "deal": "deals",
    "proforma": "proformas", "product": "products", "activity": "activities",
    "ticket": "tickets", "campaign": "campaigns", "list": "marketing_lists",
    "lists": "marketing_lists", "stage": "pipeline_stages", "stages": "pipeline_stages",
    "tag": "tags", "rule": "automation_rules", "rules": "automation_rules",
    "import": "import_batches", "imports": "import_batches", "setting": "settings",
}

ACTIONS: dict[str, tuple[str, str]] = {
    AuditAction.CREATE: ("Created", "ایجاد"),
    AuditAction.UPDATE: ("Changed", "تغییر"),
    AuditAction.DELETE: ("Deleted", "حذف"),
    AuditAction.RESTORE: ("Restored", "بازگردانی"),
    AuditAction.LOGIN: ("Signed in", "ورود به برنامه"),
    AuditAction.LOGIN_FAILED: ("Sign-in failed", "ورود ناموفق"),
    AuditAction.PASSWORD: ("Password set", "تعیین گذرواژه"),
    AuditAction.BACKUP: ("Backup", "پشتیبان"),
}
#: what a row without a field says, by action (a purge is a delete for good)
WHOLE_RECORD: dict[str, tuple[str, str]] = {
    "purged": ("Deleted for good", "حذف برای همیشه"),
    "create": ("The record was created", "پرونده ایجاد شد"),
    "delete": ("Moved to the Trash", "به سطل بازیافت رفت"),
    "restore": ("Brought back from the Trash", "از سطل بازیافت برگشت"),
}
#: fields of the log that the editors' labels (text/messages.py) do not name
EXTRA_FIELDS: dict[str, tuple[str, str]] = {
    "members": ("Members", "اعضا"),
    # a backup's row names how it was made (services/backups.py KINDS)
    "exit": ("On exit", "هنگام خروج"),
    "manual": ("By hand", "دستی"),
    "cli": ("Command line", "خط فرمان"),
    "skipped": ("Skipped occurrences", f"نوبت{ZW}های لغوشده"),
    "purged": ("Deleted for good", "حذف برای همیشه"),
    "deleted_at": ("In the Trash", "در سطل بازیافت"),
    "from_stage_id": ("From stage", "از مرحله"),
    "to_stage_id": ("To stage", "به مرحله"),
    "changed_at": ("Changed at", "زمان تغییر"),
    "changed_by_id": ("Changed by", "تغییر توسط"),
    "created_by_id": ("Created by", "ایجاد توسط"),
    "proforma_id": ("Proforma", f"پیش{ZW}فاکتور"),
    "campaign_id": ("Campaign", "کمپین"),
    "rule_id": ("Rule", "قانون"),
    "closed_at": ("Closed", f"زمان بسته{ZW}شدن"),
    "first_response_at": ("First response", "اولین پاسخ"),
    "year": ("Year", "سال"),
    "seq": ("Sequence", "شمارهٔ ترتیب"),
    "internal": ("Internal note", "یادداشت داخلی"),
    "author_id": ("Author", "نویسنده"),
    "user_id": ("User", "کاربر"),
    "satisfaction_comment": ("Satisfaction comment", "نظر رضایت"),
    "referred_by_id": ("Referred by", "معرف"),
    "customer_since": ("Customer since", "مشتری از"),
    "value": ("Value", "مقدار"),
    "action": ("Action", "عمل"),
    "activity_id": ("Activity", "فعالیت"),
    "at": ("When", "زمان"),
    "attempts": ("Attempts", "تلاش" + ZW + "ها"),
    "basis_rial": ("Amount the points are for", "مبلغ مبنای امتیاز"),
    "conditions_json": ("Conditions", "شرط" + ZW + "ها"),
    "created": ("Records made", "پرونده" + ZW + "های ایجادشده"),
    "updated": ("Records changed", "پرونده" + ZW + "های تغییرکرده"),
    "detail": ("Detail", "جزئیات"),
    "enabled_at": ("Switched on at", "زمان فعال" + ZW + "شدن"),
    "entity": ("Record kind", "نوع پرونده"),
    "entity_id": ("Record", "پرونده"),
    "expires_at": ("Expires", "انقضا"),
    "failed_logins": ("Failed sign-ins", "ورودهای ناموفق"),
    "file_name": ("File", "پرونده"),
    "from_tier": ("From tier", "از سطح"),
    "to_tier": ("To tier", "به سطح"),
    "last_error": ("Problem", "مشکل"),
    "last_login_at": ("Last sign-in", "آخرین ورود"),
    "locked_until": ("Locked until", "قفل تا"),
    "message_id": ("Campaign message", "پیام کمپین"),
    "next_attempt_at": ("Next attempt", "تلاش بعدی"),
    "outbox_id": ("Outbox message", "پیام صندوق خروجی"),
    "provider_ref": ("Provider reference", "شناسهٔ ارسال"),
    "recipient": ("Recipient", "گیرنده"),
    "replied_at": ("Replied at", "زمان پاسخ"),
    "reply_score": ("Score", "امتیاز رضایت"),
    "rule_name": ("Rule", "قانون"),
    "run_id": ("Run", "اجرا"),
    "sent_at": ("Sent at", "زمان ارسال"),
    "settings_json": ("Settings", "تنظیمات"),
    "sheet": ("Sheet", "برگه"),
    "source_id": ("Source", "منبع"),
    "stage_changed_at": ("Stage changed at", "زمان تغییر مرحله"),
    "undone_at": ("Undone at", "زمان بازگردانی"),
    "undone_by_id": ("Undone by", "بازگردانده توسط"),
    "up": ("Up", "ارتقا"),
}
YES_NO = {True: ("Yes", "بله"), False: ("No", "خیر")}
#: a value logged without its text (a password)
HIDDEN = ("(not recorded)", "(ثبت نمی‌شود)")
#: the program's own work, or a change made without a signed-in user
NO_USER = ("The program", "خود برنامه")
#: a field whose value is a code of VALUE_LABELS (text/export_titles.py)
CODE_FIELDS = {
    "lifecycle_stage": "lifecycle", "source": "source", "gender": "gender",
    "status": None,  # by entity (below)
    "priority": "ticket_priority", "category": "ticket_category",
    "channel": "ticket_channel", "kind": None,
}
STATUS_BY_ENTITY = {"tickets": "ticket_status", "proformas": "proforma_status",
                    "campaign_members": "member_status"}
KIND_BY_ENTITY = {"activities": "activity_kind", "club_ledger": "ledger_kind"}
#: fields holding an id of a record with a name, and that record's entity
REFERENCES: dict[str, str] = {
    "owner_id": "users", "assignee_id": "users", "created_by_id": "users",
    "changed_by_id": "users", "author_id": "users", "user_id": "users",
    "undone_by_id": "users", "stage_id": "pipeline_stages",
    "from_stage_id": "pipeline_stages", "to_stage_id": "pipeline_stages",
    "account_id": "accounts", "contact_id": "contacts", "referred_by_id": "contacts",
    "deal_id": "deals", "product_id": "products", "campaign_id": "campaigns",
    "list_id": "marketing_lists", "ticket_id": "tickets", "proforma_id": "proformas",
}


def entity_key(value: Any) -> str | None:
    """The entity a name stands for ("contacts", "contact", "Contacts"), or None."""
    if not isinstance(value, str):
        return None
    name = value.strip().lower()
    name = ENTITY_ALIASES.get(name, name)
    return name if name in ENTITIES else None


def entity_label(entity: str, lang: str = "en") -> str:
    pair = ENTITIES.get(ENTITY_ALIASES.get(entity, entity))
    return pick(pair, lang) if pair else entity


def action_label(action: str, lang: str = "en") -> str:
    pair = ACTIONS.get(action)
    return pick(pair, lang) if pair else action


def user_label(name: str | None, lang: str = "en") -> str:
    return name if name else pick(NO_USER, lang)


def field_text(field: str | None, lang: str = "en") -> str:
    """A logged field's label ("mobile" -> "Mobile", "company.name" -> its part)."""
    if not field:
        return ""
    if field in EXTRA_FIELDS:
        return pick(EXTRA_FIELDS[field], lang)
    if "." in field:  # a part of a setting: "company.name"
        head, _dot, part = field.partition(".")
        known = FIELD_LABELS.get(head) or FIELD_LABELS.get(part)
        if head in FIELD_LABELS and part:
            inner = field_label(part, lang)
            return f"{field_label(head, lang)}: {inner}"
        if known:
            return field_label(field, lang)
    return field_label(field, lang)


def _as_day(text: str) -> date | None:
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    return None


def _as_instant(text: str) -> datetime | None:
    if len(text) >= 19 and text[4] == "-" and text[10] in "T ":
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            return None
    return None


def value_text(entity: str, field: str | None, value: str | None, lang: str = "en",
               name: str | None = None) -> str:
    """A logged value as people read it. `name`: the name of the record an id points at
    (the service looks it up); Latin digits (the interface turns them Persian)."""
    if value is None:
        return ""
    if name:
        return name
    family = CODE_FIELDS.get(field or "", "")
    if family is None:
        family = (KIND_BY_ENTITY if field == "kind" else STATUS_BY_ENTITY).get(entity, "")
    if family and family in VALUE_LABELS:
        pair = VALUE_LABELS[family].get(value)
        if pair is not None:
            return pick(pair, lang)
    if value in ("True", "False"):
        return pick(YES_NO[value == "True"], lang)
    day = _as_day(value)
    if day is not None:
        return format_jalali(day, persian=False)
    moment = _as_instant(value)
    if moment is not None:
        return format_jalali_datetime(moment, persian=False)
    return value


def record_values(text: str | None) -> dict[str, Any]:
    """The values of a "create" or "purged" row (a JSON object), or {}."""
    import json

    if not text or not text.startswith("{"):
        return {}
    try:
        values = json.loads(text)
    except ValueError:
        return {}
    return values if isinstance(values, dict) else {}


def describe(row: dict[str, Any], lang: str = "en") -> dict[str, str]:
    """The words of one audit row (a row of core.audit_log or of a history): entity,
    action, user, record, field, old and new, in `lang`."""
    entity, field, action = row["entity"], row.get("field"), row["action"]
    old, new = row.get("old_value"), row.get("new_value")
    if field == "password":
        old_text = new_text = pick(HIDDEN, lang)
    elif action == AuditAction.CREATE and field is None:
        old_text, new_text = "", _values_text(entity, new, lang, row.get("value_names"))
    elif field == "purged":
        old_text, new_text = _values_text(entity, old, lang, row.get("value_names")), ""
    elif action == AuditAction.BACKUP:
        old_text, new_text = "", _backup_text(new, lang)
    else:
        old_text = value_text(entity, field, old, lang, row.get("old_name"))
        new_text = value_text(entity, field, new, lang, row.get("new_name"))
    if field:
        what = field_text(field, lang)
    else:
        pair = WHOLE_RECORD.get(action)
        what = pick(pair, lang) if pair else ""
    label = row.get("record_label") or f"#{row['entity_id']}"
    return {"entity": entity_label(entity, lang), "action": action_label(action, lang),
            "user": user_label(row.get("user_name"), lang), "record": label,
            "field": what, "old": old_text, "new": new_text}


#: how a backup's row reads: verified or not, encrypted
BACKUP_WORDS: dict[str, tuple[str, str]] = {
    "ok": ("verified", "بررسی" + ZW + "شده و سالم"),
    "failed": ("verification failed", "بررسی ناموفق"),
    "encrypted": ("encrypted", "رمزگذاری" + ZW + "شده"),
    "mb": ("MB", "مگابایت"),
}


def _backup_text(text: str | None, lang: str) -> str:
    """A backup's row: "PATH; verified; encrypted; 4.2 MB" (the detail when it failed)."""
    values = record_values(text)
    if not values:
        return text or ""
    sep = "؛ " if lang == "fa" else "; "
    parts = [str(values.get("path", ""))]
    parts.append(pick(BACKUP_WORDS["ok" if values.get("ok") else "failed"], lang))
    if values.get("detail"):
        parts.append(str(values["detail"]))
    if values.get("encrypted"):
        parts.append(pick(BACKUP_WORDS["encrypted"], lang))
    size = values.get("size")
    if isinstance(size, int) and not isinstance(size, bool) and size > 0:
        parts.append(f"{size / 1_048_576:.1f} {pick(BACKUP_WORDS['mb'], lang)}")
    return sep.join(p for p in parts if p)


def _values_text(entity: str, text: str | None, lang: str,
                 names: dict[str, str] | None = None) -> str:
    """A created or purged record's values: "Field: value; ..." (empty ones left out)."""
    values = record_values(text)
    if not values:
        return text or ""
    sep = "؛ " if lang == "fa" else "; "
    parts = []
    for key, value in values.items():
        if value is None or value == "":
            continue
        shown = value_text(entity, key, str(value), lang, (names or {}).get(key))
        parts.append(f"{field_text(key, lang)}: {shown}")
    return sep.join(parts)
