"""Words of the backups shared by the command line and the window (no Qt): why a backup
cannot be read, and why a verification failed, in English and Persian."""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {
    "not_backup": ("This file is not a crm-desktop backup.",
                   "این فایل پشتیبان crm-desktop نیست."),
    "version": ("This backup was written in a format this version cannot read; update the "
                "program.",
                "این پشتیبان با قالبی نوشته شده که این نسخه نمی‌تواند بخواند؛ برنامه را به‌روز "
                "کنید."),
    "passphrase": ("Wrong passphrase: this encrypted backup cannot be opened with it.",
                   "عبارت عبور نادرست است: این پشتیبان رمزگذاری‌شده با آن باز نمی‌شود."),
    "damaged": ("This backup is damaged: its content has changed since it was written.",
                "این پشتیبان آسیب دیده است: محتوای آن پس از نوشتن تغییر کرده است."),
    "truncated": ("This backup is incomplete: the file was cut short (an interrupted copy?).",
                  "این پشتیبان ناقص است: فایل کوتاه شده است (کپی نیمه‌کاره؟)."),
    "not_database": ("This file is not a crm-desktop database.",
                     "این فایل پایگاه داده crm-desktop نیست."),
    "newer": ("This backup was made by a newer version of crm-desktop; update the program to "
              "restore it.",
              "این پشتیبان با نسخه جدیدتری از crm-desktop ساخته شده است؛ برای بازگردانی آن "
              "برنامه را به‌روز کنید."),
    "empty": ("This file is empty.", "این فایل خالی است."),
    "needs_passphrase": ("This backup is encrypted: enter its passphrase.",
                         "این پشتیبان رمزگذاری شده است: عبارت عبور آن را وارد کنید."),
}


def error_text(code: str, lang: str = "en", detail: str = "") -> str:
    en, fa = ERRORS.get(code, ERRORS["damaged"])
    text = fa if lang == "fa" else en
    return f"{text} ({detail})" if detail and detail != code and lang != "fa" else text
