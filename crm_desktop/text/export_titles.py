"""What an exported file says, in English and Persian (no Qt): the column titles of the list
exports, the names of stored codes (stages, statuses, kinds) and the writers' own words.

The Persian names are the ones the interface shows (translations/crm_desktop_fa.ts,
contexts "Labels" and the list models): a spreadsheet reads like the list it came from.
"""

from __future__ import annotations

from crm_desktop.domain.enums import (
    ActivityKind,
    ContactSource,
    Gender,
    LedgerKind,
    LifecycleStage,
    MemberStatus,
    ProformaStatus,
    TicketCategory,
    TicketChannel,
    TicketPriority,
    TicketStatus,
)
from crm_desktop.text.messages import FIELD_LABELS

ZW = "\u200c"  # ZWNJ (نیم‌فاصله)

#: the writers' own words
WRITER_TEXTS: dict[str, tuple[str, str]] = {
    # the real (Gregorian) date column written beside a Jalali date column
    "gregorian": ("{title} (Gregorian)", "{title} (میلادی)"),
    # the name of the sheet when the table has no title
    "sheet": ("Export", "خروجی"),
}

#: a money column's title names its unit: every export writes Rials (see services/exports)
MONEY_TITLE: tuple[str, str] = ("{title} (Rial)", "{title} (ریال)")

#: the fields whose title is the field's own label (the editors' wording)
_FIELD_TITLES = (
    "name", "title", "subject", "mobile", "mobile2", "phone", "email", "national_code",
    "economic_code", "postal_code", "website", "address", "birthday", "gender",
    "job_title", "city", "industry", "stage", "source", "tags", "owner", "contact", "deal",
    "amount", "probability", "lost_reason", "unit", "unit_price", "taxable", "active",
    "description", "number", "issue_date", "valid_until", "status", "total", "vat_rate",
    "priority", "category", "channel", "satisfaction", "kind", "outcome",
)

#: column title key -> (English, Persian)
TITLES: dict[str, tuple[str, str]] = {
    **{key: FIELD_LABELS[key] for key in _FIELD_TITLES},
    "legal_id": ("National ID", "شناسه ملی"),
    "company": ("Company", "شرکت"),
    "contacts": ("Contacts", "مخاطبان"),
    "person": ("Person", "مخاطب"),
    "buyer": ("Buyer", "خریدار"),
    "last_activity": ("Last activity", "آخرین فعالیت"),
    "created": ("Created", "تاریخ ثبت"),
    "won_deals": ("Won deals", f"معامله{ZW}های موفق"),
    "won_total": ("Won deals total", f"جمع معامله{ZW}های موفق"),
    "expected_close": ("Expected close", f"تاریخ پیش{ZW}بینی بستن"),
    "product_code": ("Product code", "کد کالا"),
    "assignee": ("Assignee", "کارشناس مسئول"),
    "sla_due": ("SLA due", "مهلت رسیدگی"),
    "closed": ("Closed", f"زمان بسته{ZW}شدن"),
    "due": ("Due", "موعد"),
    "state": ("State", "وضعیت"),
    "duration": ("Duration (minutes)", "مدت (دقیقه)"),
    "changed": ("Changed", "آخرین تغییر"),
    # the customer club
    "tier": ("Tier", "سطح"),
    "points": ("Points", "امتیاز"),
    "spend_12m": ("Spent in 12 months", "خرید ۱۲ ماه اخیر"),
    "when": ("When", "زمان"),
    "member": ("Member", "عضو"),
    "reason": ("Reason", "علت"),
    "expires": ("Expires", "انقضا"),
    "by": ("By", "کاربر"),
    # the audit log
    "record_kind": ("Record kind", "نوع پرونده"),
    "record": ("Record", "پرونده"),
    "action": ("Action", "عمل"),
    "field": ("Field", "فیلد"),
    "old_value": ("Old value", "مقدار قبلی"),
    "new_value": ("New value", "مقدار جدید"),
}

#: a club member below the lowest tier
NO_TIER: tuple[str, str] = ("No tier", "بدون سطح")

#: yes / no cells (taxable, active)
YES_NO: dict[bool, tuple[str, str]] = {True: ("Yes", "بله"), False: ("No", "خیر")}

#: an activity's state as the Activities list shows it
ACTIVITY_STATES: dict[str, tuple[str, str]] = {
    "open": ("Open", "باز"),
    "overdue": ("Overdue", f"عقب{ZW}افتاده"),
    "done": ("Done", "انجام شد"),
}

#: code family -> code -> (English, Persian)
VALUE_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "lifecycle": {
        LifecycleStage.LEAD: ("Lead", "سرنخ"),
        LifecycleStage.PROSPECT: ("Prospect", "مشتری بالقوه"),
        LifecycleStage.CUSTOMER: ("Customer", "مشتری"),
        LifecycleStage.LOYAL: ("Loyal customer", "مشتری وفادار"),
        LifecycleStage.CHURNED: ("Lost customer", f"مشتری ازدست{ZW}رفته"),
    },
    "gender": {
        Gender.UNSPECIFIED: ("Not specified", "نامشخص"),
        Gender.FEMALE: ("Female", "زن"),
        Gender.MALE: ("Male", "مرد"),
    },
    "source": {
        ContactSource.WALK_IN: ("Walked in", "مراجعه حضوری"),
        ContactSource.REFERRAL: ("Referral", "معرفی دیگران"),
        ContactSource.PHONE: ("Phone call", "تماس تلفنی"),
        ContactSource.WEBSITE: ("Website", f"وب{ZW}سایت"),
        ContactSource.INSTAGRAM: ("Instagram", "اینستاگرام"),
        ContactSource.SOCIAL: ("Other social media", f"سایر شبکه{ZW}های اجتماعی"),
        ContactSource.EXHIBITION: ("Exhibition", "نمایشگاه"),
        ContactSource.CAMPAIGN: ("Campaign", "کمپین"),
        ContactSource.OTHER: ("Other", "سایر"),
    },
    "activity_kind": {
        ActivityKind.CALL: ("Call", "تماس"),
        ActivityKind.MEETING: ("Meeting", "جلسه"),
        ActivityKind.TASK: ("Task", "وظیفه"),
        ActivityKind.EMAIL: ("E-mail", "ایمیل"),
        ActivityKind.SMS: ("SMS", "پیامک"),
        ActivityKind.LETTER: ("Letter", "نامه"),
        ActivityKind.NOTE: ("Note", "یادداشت"),
    },
    "proforma_status": {
        ProformaStatus.DRAFT: ("Draft", f"پیش{ZW}نویس"),
        ProformaStatus.SENT: ("Sent", f"ارسال{ZW}شده"),
        ProformaStatus.ACCEPTED: ("Accepted", f"پذیرفته{ZW}شده"),
        ProformaStatus.REJECTED: ("Rejected", "ردشده"),
        ProformaStatus.EXPIRED: ("Expired", f"منقضی{ZW}شده"),
    },
    "ticket_status": {
        TicketStatus.NEW: ("New", "جدید"),
        TicketStatus.OPEN: ("Open", "باز"),
        TicketStatus.WAITING: ("Waiting for customer", "در انتظار مشتری"),
        TicketStatus.RESOLVED: ("Resolved", f"حل{ZW}شده"),
        TicketStatus.CLOSED: ("Closed", f"بسته{ZW}شده"),
    },
    "ticket_category": {
        TicketCategory.COMPLAINT: ("Complaint", "شکایت"),
        TicketCategory.REQUEST: ("Request", "درخواست"),
        TicketCategory.QUESTION: ("Question", "پرسش"),
        TicketCategory.TECHNICAL: ("Technical", "فنی"),
    },
    "ticket_priority": {
        TicketPriority.LOW: ("Low", "پایین"),
        TicketPriority.NORMAL: ("Normal", "عادی"),
        TicketPriority.HIGH: ("High", "بالا"),
        TicketPriority.URGENT: ("Urgent", "فوری"),
    },
    "ticket_channel": {
        TicketChannel.PHONE: ("Phone", "تلفن"),
        TicketChannel.IN_PERSON: ("In person", "حضوری"),
        TicketChannel.EMAIL: ("E-mail", "ایمیل"),
        TicketChannel.SMS: ("SMS", "پیامک"),
        TicketChannel.SOCIAL: ("Social media", f"شبکه{ZW}های اجتماعی"),
    },
    "member_status": {
        MemberStatus.TARGETED: ("Targeted", f"هدف{ZW}گیری{ZW}شده"),
        MemberStatus.SENT: ("Sent", f"ارسال{ZW}شده"),
        MemberStatus.DELIVERED: ("Delivered", f"تحویل{ZW}شده"),
        MemberStatus.FAILED: ("Failed", "ناموفق"),
        MemberStatus.RESPONDED: ("Responded", "پاسخ داده"),
        MemberStatus.CONVERTED: ("Converted", "مشتری شده"),
        MemberStatus.OPTED_OUT: ("Opted out", "انصراف داده"),
    },
    "ledger_kind": {
        LedgerKind.EARNED: ("Earned", f"کسب{ZW}شده"),
        LedgerKind.BIRTHDAY: ("Birthday", "تولد"),
        LedgerKind.REFERRAL: ("Referral", "معرفی"),
        LedgerKind.REDEEMED: ("Redeemed", f"استفاده{ZW}شده"),
        LedgerKind.EXPIRED: ("Expired", f"منقضی{ZW}شده"),
        LedgerKind.ADJUSTED: ("Adjusted", "اصلاح دستی"),
    },
}


def pick(pair: tuple[str, str], lang: str) -> str:
    """The Persian text for "fa", the English one for any other language."""
    return pair[1] if lang == "fa" else pair[0]


def writer_text(key: str, lang: str, **values: str) -> str:
    text = pick(WRITER_TEXTS[key], lang)
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def value_label(family: str, code: object, lang: str) -> str:
    """The name of a stored code; an unknown code is shown as it is (never an empty cell)."""
    if code is None:
        return ""
    pair = VALUE_LABELS[family].get(str(code))
    return str(code) if pair is None else pick(pair, lang)
