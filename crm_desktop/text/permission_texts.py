"""Names and refusal messages of the permissions (English + Persian), for the interface,
the command line and PermissionDenied."""

from __future__ import annotations

from crm_desktop.domain.permissions import Perm

NAMES: dict[str, tuple[str, str]] = {
    Perm.SEE_ALL: ("See every owner's records", "دیدن پرونده‌های همه"),
    Perm.EDIT_CONTACTS: ("Add and edit contacts and companies", "افزودن و ویرایش مخاطبان و شرکت‌ها"),
    Perm.EDIT_SALES: ("Add and edit deals and proformas", "افزودن و ویرایش معامله‌ها و پیش‌فاکتورها"),
    Perm.EDIT_WORK: ("Add and edit activities and tickets", "افزودن و ویرایش فعالیت‌ها و تیکت‌ها"),
    Perm.EDIT_CATALOG: ("Edit products and pipeline stages", "ویرایش کالاها و مراحل فروش"),
    Perm.DELETE_OWN: ("Delete their own records", "حذف پرونده‌های خود"),
    Perm.DELETE_ANY: ("Delete anyone's records", "حذف پرونده‌های همه"),
    Perm.RESTORE_TRASH: ("Restore from the Trash", "بازگرداندن از سطل بازیافت"),
    Perm.EXPORT: ("Export to Excel and PDF", "خروجی اکسل و PDF"),
    Perm.IMPORT: ("Import and merge duplicates", "ورود از فایل و ادغام تکراری‌ها"),
    Perm.REPORTS_ALL: ("Dashboard and reports of everyone", "داشبورد و گزارش‌های همه"),
    Perm.REPORTS_OWN: ("Dashboard and reports of their own work", "داشبورد و گزارش‌های کار خود"),
    Perm.CAMPAIGNS: ("Campaigns, automation and the club", "کمپین‌ها، خودکارسازی و باشگاه"),
    Perm.SETTINGS: ("Change settings", "تغییر تنظیمات"),
    Perm.USERS: ("Manage users and roles", "مدیریت کاربران و نقش‌ها"),
    Perm.RESTORE_DB: ("Restore a backup", "بازگردانی پشتیبان"),
    Perm.PURGE: ("Empty the Trash", "پاک‌کردن همیشگی از سطل بازیافت"),
}


def perm_name(perm: str, lang: str = "en") -> str:
    pair = NAMES.get(perm)
    if pair is None:
        return perm
    return pair[1] if lang == "fa" else pair[0]


def denied_message(perm: str, lang: str = "en") -> str:
    name = perm_name(perm, lang)
    if lang == "fa":
        return f"نقش شما اجازهٔ این کار را ندارد ({name}). از مدیر سیستم بخواهید."
    return f"Your role does not allow this ({name}). Ask your administrator."
