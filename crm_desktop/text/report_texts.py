"""The texts of the reports in English and Persian (no Qt): report titles, column titles,
the names of the stored codes a report shows (sources, categories, kinds, ...), and the
lines above a report's table. The command line and the exported files use them as they
are; the window uses them too, so that a report reads the same everywhere."""

from __future__ import annotations

from crm_desktop.text.digits import format_number
from crm_desktop.text.money import MoneyUnit

ZW = "\u200c"  # ZWNJ (نیم‌فاصله)

Texts = tuple[str, str]


def pick(texts: Texts, lang: str) -> str:
    return texts[1] if lang == "fa" else texts[0]


#: report name -> (English title, Persian title)
REPORT_TITLES: dict[str, Texts] = {
    "sales-by-owner": ("Sales by owner", "فروش به تفکیک مسئول"),
    "sales-by-product": ("Sales by product", "فروش به تفکیک کالا و خدمت"),
    "sales-by-source": ("Sales by lead source and campaign",
                        "فروش به تفکیک منبع سرنخ و کمپین"),
    "lost-reasons": ("Why deals were lost", f"دلایل ازدست{ZW}رفتن معامله{ZW}ها"),
    "campaigns": ("Campaigns: cost, revenue and ROI", f"کمپین{ZW}ها: هزینه، درآمد و بازده"),
    "tickets-sla": ("Tickets and response times", f"تیکت{ZW}ها و مهلت رسیدگی"),
    "activities-by-owner": ("Activities by owner", f"فعالیت{ZW}ها به تفکیک مسئول"),
    "birthdays": ("Birthdays", "تولدها"),
    "customers": ("Customers and their purchases", "مشتریان و خریدهایشان"),
}

#: column key -> (English, Persian); money columns get the unit added (money_title)
COLUMN_TITLES: dict[str, Texts] = {
    "owner": ("Owner", "مسئول"),
    "won_deals": ("Won deals", f"معامله{ZW}های موفق"),
    "lost_deals": ("Lost deals", f"معامله{ZW}های ناموفق"),
    "win_rate": ("Win rate", "نرخ موفقیت"),
    "revenue": ("Revenue", "درآمد"),
    "average_deal": ("Average deal", "میانگین هر معامله"),
    "product": ("Product or service", "کالا یا خدمت"),
    "sku": ("Code", "کد کالا"),
    "quantity": ("Quantity", "تعداد"),
    "proformas": ("Proformas", f"پیش{ZW}فاکتورها"),
    "gross": ("Sales before discount", "فروش پیش از تخفیف"),
    "discount": ("Discount", "تخفیف"),
    "net": ("Sales after discount", "فروش پس از تخفیف"),
    "share": ("Share", "سهم"),
    "source": ("Lead source", "منبع سرنخ"),
    "campaign": ("Campaign", "کمپین"),
    "new_contacts": ("New contacts", "مخاطبان جدید"),
    "reason": ("Reason", "دلیل"),
    "amount_lost": ("Amount of the lost deals", f"مبلغ معامله{ZW}های ازدست{ZW}رفته"),
    "channel": ("Channel", "کانال"),
    "status": ("Status", "وضعیت"),
    "start_date": ("Start date", "تاریخ شروع"),
    "members": ("Members", "اعضا"),
    "converted": ("Converted", f"مشتری{ZW}شده"),
    "cost": ("Actual cost", "هزینه واقعی"),
    "roi": ("ROI", "بازده سرمایه"),
    "acquired": ("Customers acquired", f"مشتریان جذب{ZW}شده"),
    "cost_per_customer": ("Cost per customer", "هزینه هر مشتری"),
    "category": ("Category", "دسته"),
    "priority": ("Priority", "اولویت"),
    "opened": ("Opened", f"ثبت{ZW}شده"),
    "closed": ("Closed", f"بسته{ZW}شده"),
    "breached": ("Closed late", f"بسته{ZW}شده پس از مهلت"),
    "breach_rate": ("Closed late, share", "سهم تأخیر"),
    "first_response_hours": ("First response, average hours",
                             "میانگین نخستین پاسخ (ساعت)"),
    "resolution_hours": ("Resolution, average hours", "میانگین زمان حل (ساعت)"),
    "csat": ("Satisfaction, average of 5", "میانگین رضایت (از ۵)"),
    "rated": ("Rated", f"امتیازداده{ZW}شده"),
    "kind": ("Kind", "نوع"),
    "due": ("Due in the period", "موعد در این دوره"),
    "done": ("Done", f"انجام{ZW}شده"),
    "overdue": ("Overdue", f"عقب{ZW}افتاده"),
    "name": ("Name", "نام"),
    "birthday": ("Birthday", "روز تولد"),
    "born": ("Date of birth", "تاریخ تولد"),
    "age": ("Turns", "سن"),
    "mobile": ("Mobile", "موبایل"),
    "customer": ("Customer", "مشتری"),
    "company": ("Company", "شرکت"),
    "last_purchase": ("Last purchase", "آخرین خرید"),
    "stage": ("Lifecycle stage", "مرحله مشتری"),
}

#: filter key -> (English, Persian) label of a report's filter
FILTER_TITLES: dict[str, Texts] = {
    "owner_id": ("Owner", "مسئول"),
    "source": ("Lead source", "منبع سرنخ"),
    "channel": ("Channel", "کانال"),
    "status": ("Status", "وضعیت"),
    "category": ("Category", "دسته"),
    "priority": ("Priority", "اولویت"),
    "ticket_channel": ("Channel", "راه ارتباطی"),
    "kind": ("Kind", "نوع"),
    "stage": ("Lifecycle stage", "مرحله مشتری"),
}

#: what a report shows for a value it has no record for
OTHER_TEXTS: dict[str, Texts] = {
    "total": ("Total", "جمع کل"),
    "no_owner": ("No owner", "بدون مسئول"),
    "no_source": ("Not recorded", "ثبت نشده"),
    "no_campaign": ("No campaign", "بدون کمپین"),
    "no_reason": ("No reason given", "بدون دلیل"),
    "others": ("The rest", "بقیه"),
    "no_product": ("(no product)", "(بدون کالا)"),
    "people": ("{n} people", "{n} نفر"),
    "customers": ("{n} customers", "{n} مشتری"),
    "period": ("Period: {label}", "دوره: {label}"),
    "chart_campaigns": ("Cost and revenue", "هزینه و درآمد"),
    "chart_tickets": ("Tickets by category", f"تیکت{ZW}ها به تفکیک دسته"),
    "chart_activities": ("Done and overdue, by owner",
                         f"انجام{ZW}شده و عقب{ZW}افتاده به تفکیک مسئول"),
    "filter": ("{name}: {value}", "{name}: {value}"),
}

#: stored code -> (English, Persian), per kind of code (as the window names them)
VALUE_NAMES: dict[str, dict[str, Texts]] = {
    "source": {
        "walk_in": ("Walked in", "مراجعه حضوری"),
        "referral": ("Referral", "معرفی دیگران"),
        "phone": ("Phone call", "تماس تلفنی"),
        "website": ("Website", f"وب{ZW}سایت"),
        "instagram": ("Instagram", "اینستاگرام"),
        "social": ("Other social media", f"سایر شبکه{ZW}های اجتماعی"),
        "exhibition": ("Exhibition", "نمایشگاه"),
        "campaign": ("Campaign", "کمپین"),
        "other": ("Other", "سایر"),
    },
    "channel": {
        "sms": ("SMS", "پیامک"),
        "email": ("E-mail", "ایمیل"),
        "call": ("Phone", "تلفن"),
        "social": ("Social", "شبکهٔ اجتماعی"),
        "event": ("Event", "رویداد"),
        "print": ("Print", "تبلیغ چاپی"),
        "other": ("Other", "سایر"),
    },
    "status": {
        "planned": ("Planned", f"برنامه{ZW}ریزی{ZW}شده"),
        "active": ("Running", "در حال اجرا"),
        "completed": ("Completed", f"پایان{ZW}یافته"),
        "cancelled": ("Cancelled", "لغوشده"),
    },
    "category": {
        "complaint": ("Complaint", "شکایت"),
        "request": ("Request", "درخواست"),
        "question": ("Question", "پرسش"),
        "technical": ("Technical", "فنی"),
    },
    "priority": {
        "urgent": ("Urgent", "فوری"),
        "high": ("High", "بالا"),
        "normal": ("Normal", "عادی"),
        "low": ("Low", "پایین"),
    },
    "ticket_channel": {
        "phone": ("Phone", "تلفن"),
        "in_person": ("In person", "حضوری"),
        "email": ("E-mail", "ایمیل"),
        "sms": ("SMS", "پیامک"),
        "social": ("Social media", f"شبکه{ZW}های اجتماعی"),
    },
    "kind": {
        "call": ("Call", "تماس"),
        "meeting": ("Meeting", "جلسه"),
        "task": ("Task", "وظیفه"),
        "email": ("E-mail", "ایمیل"),
        "sms": ("SMS", "پیامک"),
        "letter": ("Letter", "نامه"),
        "note": ("Note", "یادداشت"),
    },
    "stage": {
        "lead": ("Lead", "سرنخ"),
        "prospect": ("Prospect", "مشتری بالقوه"),
        "customer": ("Customer", "مشتری"),
        "loyal": ("Loyal customer", "مشتری وفادار"),
        "churned": ("Lost customer", f"مشتری ازدست{ZW}رفته"),
    },
}

UNIT_WORDS: dict[MoneyUnit, Texts] = {MoneyUnit.RIAL: ("Rial", "ریال"),
                                      MoneyUnit.TOMAN: ("Toman", "تومان")}


def report_title(name: str, lang: str) -> str:
    return pick(REPORT_TITLES[name], lang)


def column_title(key: str, lang: str) -> str:
    return pick(COLUMN_TITLES[key], lang)


def money_title(key: str, lang: str, unit: MoneyUnit = MoneyUnit.RIAL) -> str:
    """A money column's title with its unit: «درآمد (ریال)», "Revenue (Rial)"."""
    return f"{column_title(key, lang)} ({pick(UNIT_WORDS[unit], lang)})"


def value_name(kind: str, code: str | None, lang: str) -> str:
    """The name of a stored code; an unknown code shows as stored."""
    if code is None:
        return ""
    texts = VALUE_NAMES.get(kind, {}).get(code)
    return pick(texts, lang) if texts else code


def other_text(key: str, lang: str, **params: object) -> str:
    text = pick(OTHER_TEXTS[key], lang)
    values = {k: format_number(v, lang == "fa") if isinstance(v, int) else v
              for k, v in params.items()}
    return text.format(**values) if values else text
