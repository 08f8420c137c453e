"""Automation texts shared by the program and the command line: the kinds' names, the
actions, why a rule skipped someone (English, Persian; no Qt)."""

from __future__ import annotations

ZW = "\u200c"

#: RuleKind value -> (English, Persian): the default name of a rule of that kind
KIND_NAMES: dict[str, tuple[str, str]] = {
    "birthday": ("Birthday greeting", "تبریک تولد"),
    "welcome": ("Welcome a new customer", "خوش‌آمد به مشتری تازه"),
    "appointment_reminder": ("Appointment reminder", "یادآوری نوبت"),
    "appointment_feedback": ("Feedback after an appointment", "نظرسنجی پس از نوبت"),
    "satisfaction": ("Satisfaction request", "نظرسنجی رضایت"),
    "follow_up": ("Follow up quiet deals", f"پیگیری معامله{ZW}های راکد"),
    "renewal": ("Renewal reminder", "یادآوری تمدید"),
    "lead_assignment": ("Assign new leads", f"واگذاری سرنخ{ZW}های تازه"),
    "tier_change": ("Club tier up", "ارتقای سطح باشگاه"),
}

#: AutomationAction value -> (English, Persian)
ACTION_NAMES: dict[str, tuple[str, str]] = {
    "sms": ("SMS", "پیامک"),
    "email": ("E-mail", "ایمیل"),
    "task": ("Task", "وظیفه"),
    "assign": ("Assignment", "واگذاری"),
    "skipped": ("Skipped", "انجام نشد"),
}

#: the detail of a "skipped" log row -> (English, Persian)
SKIP_REASONS: dict[str, tuple[str, str]] = {
    "no_mobile": ("no valid mobile number", "شماره موبایل معتبر ندارد"),
    "no_email": ("no valid e-mail address", "نشانی ایمیل معتبر ندارد"),
    "no_consent": ("has not agreed to receive such messages",
                   f"به دریافت این پیام{ZW}ها رضایت نداده است"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "fa" else pair[0]


def kind_name(kind: str, lang: str = "fa") -> str:
    return _pick(KIND_NAMES[kind], lang) if kind in KIND_NAMES else kind


def action_name(action: str, lang: str = "fa") -> str:
    return _pick(ACTION_NAMES[action], lang) if action in ACTION_NAMES else action


def detail_text(action: str, detail: str, lang: str = "fa") -> str:
    """A log row's detail as the user reads it (a skip reason in words)."""
    if action == "skipped" and detail in SKIP_REASONS:
        return _pick(SKIP_REASONS[detail], lang)
    return detail
