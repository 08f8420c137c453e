"""What sign-in says (English + Persian): refusals with the wait, for the login dialog and
the command line. No Qt."""

from __future__ import annotations

from crm_desktop.text.digits import to_persian_digits

ZW = "\u200c"

REFUSALS: dict[str, tuple[str, str]] = {
    "wrong": ("The username or password is wrong.",
              "نام کاربری یا گذرواژه درست نیست."),
    "locked": ("Too many wrong passwords: try again in {wait}.",
               "گذرواژه چند بار اشتباه وارد شد؛ {wait} دیگر دوباره امتحان کنید."),
    "inactive": ("This account is deactivated. Ask your administrator.",
                 "این حساب غیرفعال شده است. از مدیر سیستم بخواهید."),
}


def wait_text(seconds: int, lang: str = "en") -> str:
    """"45 seconds", "2 minutes", "1 minute 30 seconds" (rounded up to whole seconds)."""
    seconds = max(1, int(seconds))
    minutes, secs = divmod(seconds, 60)
    if lang == "fa":
        parts = []
        if minutes:
            parts.append(f"{to_persian_digits(str(minutes))} دقیقه")
        if secs:
            parts.append(f"{to_persian_digits(str(secs))} ثانیه")
        return " و ".join(parts)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    if secs:
        parts.append(f"{secs} second{'s' if secs != 1 else ''}")
    return " ".join(parts)


def refused_message(reason: str, wait_seconds: int = 0, lang: str = "en") -> str:
    pair = REFUSALS.get(reason, REFUSALS["wrong"])
    text = pair[1] if lang == "fa" else pair[0]
    return text.replace("{wait}", wait_text(wait_seconds, lang))
