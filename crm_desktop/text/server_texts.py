"""What the program says (English + Persian) when the database server cannot be reached.
No Qt: the desktop and the command line both use it."""

from __future__ import annotations

UNREACHABLE: tuple[str, str] = (
    "The database server cannot be reached ({where}): it may be stopped or the network "
    "may be down. Nothing of this action was saved. Try again once the server is back.",
    "به سرور پایگاه داده ({where}) دسترسی نیست: شاید خاموش باشد یا شبکه قطع شده باشد. "
    "چیزی از این کار ذخیره نشد. وقتی سرور دوباره در دسترس بود، دوباره امتحان کنید.",
)
TITLE: tuple[str, str] = ("Server unreachable", "سرور در دسترس نیست")


def unreachable_message(where: str, lang: str = "en") -> str:
    text = UNREACHABLE[1 if lang == "fa" else 0]
    if not where:
        text = text.replace(" ({where})", "")
    # the address reads left to right inside the Persian sentence
    return text.replace("{where}", f"\u2066{where}\u2069" if lang == "fa" else where)


def unreachable_title(lang: str = "en") -> str:
    return TITLE[1 if lang == "fa" else 0]
