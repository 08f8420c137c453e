"""What a refused save says when someone else saved the record first (English + Persian),
for the editor forms and the command line. No Qt."""

from __future__ import annotations

from datetime import datetime

from crm_desktop.text.jalali import format_jalali_datetime

#: who saved, as the audit log knows it: (English, Persian)
WHO: dict[str, tuple[str, str]] = {
    "name_time": ("Someone else ({name}, at {time})", "کس دیگری ({name}، در {time})"),
    "name": ("Someone else ({name})", "کس دیگری ({name})"),
    "time": ("Someone else (at {time})", "کس دیگری (در {time})"),
    "nobody": ("Someone else", "کس دیگری"),
}
MESSAGE = (
    "{who} saved this record after you opened it; your changes were not saved. "
    "The form shows their version now: make your change again and save.",
    "{who} پس از باز شدن این فرم همین پرونده را ذخیره کرده است؛ تغییرات شما ذخیره نشد. "
    "اکنون فرم نسخهٔ ذخیره‌شدهٔ او را نشان می‌دهد: تغییرتان را دوباره انجام دهید و ذخیره کنید.",
)


def conflict_message(by: str | None, at: datetime | None, lang: str = "en") -> str:
    """The refusal, naming who saved and when (on the business's clock) when known."""
    fa = lang == "fa"
    time = format_jalali_datetime(at, persian=fa) if at is not None else None
    key = ("name_time" if by and time else "name" if by
           else "time" if time else "nobody")
    who = WHO[key][fa].format(name=by or "", time=time or "")
    return MESSAGE[fa].format(who=who)
