"""Field labels and validation messages in English and Persian (no Qt)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from crm_desktop.text.digits import format_number, to_persian_digits

ZW = "\u200c"  # ZWNJ (نیم‌فاصله), spelled out so that it survives editors

#: field name -> (English, Persian)
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "full_name": ("Full name", "نام و نام خانوادگی"),
    "first_name": ("First name", "نام"),
    "last_name": ("Last name", "نام خانوادگی"),
    "name": ("Name", "نام"),
    "title": ("Title", "عنوان"),
    "subject": ("Subject", "موضوع"),
    # the version of a record an editor read (optimistic locking: services/versions.py)
    "record_version": ("Version of the record", "نسخهٔ پرونده"),
    "mobile": ("Mobile", "موبایل"),
    "mobile2": ("Second mobile", "موبایل دوم"),
    "phone": ("Phone", "تلفن"),
    "fax": ("Fax", "نمابر"),
    "email": ("E-mail", "ایمیل"),
    "national_code": ("National code", "کد ملی"),
    "legal_id": ("National ID of the company", "شناسه ملی"),
    "economic_code": ("Economic code", "کد اقتصادی"),
    "postal_code": ("Postal code", "کد پستی"),
    "birthday": ("Birthday", "تاریخ تولد"),
    "city": ("City", "شهر"),
    "address": ("Address", "نشانی"),
    "website": ("Website", f"وب{ZW}سایت"),
    "industry": ("Industry", "صنعت"),
    "job_title": ("Job title", "سمت"),
    "source": ("Source", "منبع"),
    "lifecycle_stage": ("Lifecycle stage", "مرحله مشتری"),
    "rfm_window_years": ("Years of purchases for segments", f"سال{ZW}های خرید برای بخش{ZW}بندی"),
    # the customer club (services/club/)
    "points": ("Points", "امتیاز"),
    "reason": ("Reason", "دلیل"),
    "enabled": ("On", "فعال"),
    "started_on": ("Points from", "امتیاز از تاریخ"),
    "rial_per_point": ("Rials for one point", "ریال برای هر امتیاز"),
    "point_value_rial": ("Value of one point", "ارزش هر امتیاز"),
    "basis": ("Tiers by", "سطح بر پایه"),
    "tiers": ("Tiers", "سطح" + ZW + "ها"),
    "key": ("Key", "کلید"),
    "min": ("From", "از"),
    "expiry_months": ("Points expire after (months)", "انقضای امتیاز پس از (ماه)"),
    "birthday_points": ("Birthday points", "امتیاز تولد"),
    "referral_points": ("Referral points", "امتیاز معرفی"),
    "referred_by": ("Referred by", "معرف"),
    "line_id": ("Line", "ردیف"),
    "now": ("Time", "زمان"),
    "gender": ("Gender", "جنسیت"),
    "notes": ("Notes", f"یادداشت{ZW}ها"),
    "sku": ("Product code", "کد کالا"),
    "unit": ("Unit", "واحد"),
    "unit_price": ("Unit price", "قیمت واحد"),
    "unit_price_toman": ("Unit price (Toman)", "قیمت واحد (تومان)"),
    "quantity": ("Quantity", "تعداد"),
    "discount": ("Discount", "تخفیف"),
    "amount": ("Amount", "مبلغ"),
    "total": ("Total", "جمع کل"),
    "stage": ("Stage", "مرحله"),
    "expected_close": ("Expected close date", f"تاریخ پیش{ZW}بینی بستن معامله"),
    "owner": ("Owner", "مسئول"),
    "account": ("Company", "شرکت"),
    "company": ("Company", "شرکت"),
    "contact": ("Contact", "مخاطب"),
    "deal": ("Deal", "معامله"),
    "ticket": ("Ticket", "تیکت"),
    "category": ("Category", "دسته"),
    "priority": ("Priority", "اولویت"),
    "status": ("Status", "وضعیت"),
    "channel": ("Channel", "راه ارتباطی"),
    "satisfaction": ("Satisfaction", "رضایت"),
    "description": ("Description", "شرح"),
    "resolution": ("Resolution", f"راه{ZW}حل"),
    "due_at": ("Due", "موعد"),
    "duration": ("Duration", "مدت"),
    "reminder_at": ("Reminder", "یادآوری"),
    "budget": ("Budget", "بودجه"),
    "actual_cost": ("Actual cost", "هزینه واقعی"),
    "expected_revenue": ("Expected revenue", f"درآمد پیش{ZW}بینی{ZW}شده"),
    "start_date": ("Start date", "تاریخ شروع"),
    "end_date": ("End date", "تاریخ پایان"),
    "username": ("Username", "نام کاربری"),
    "display_name": ("Display name", "نام نمایشی"),
    "password": ("Password", "گذرواژه"),
    "old_password": ("Current password", "گذرواژهٔ کنونی"),
    "password_again": ("Password again", "تکرار گذرواژه"),
    "role": ("Role", "نقش"),
    "permissions": ("Permissions", "دسترسی‌ها"),
    # backups (services/backups.py settings)
    "backup": ("Backups", "پشتیبان" + ZW + "گیری"),
    "folder": ("Backup folder", "پوشهٔ پشتیبان"),
    "on_exit": ("Back up on exit", "پشتیبان" + ZW + "گیری هنگام خروج"),
    "daily": ("Back up daily", "پشتیبان" + ZW + "گیری روزانه"),
    "keep_daily": ("Daily backups kept", "پشتیبان" + ZW + "های روزانهٔ نگه" + ZW + "داشته"),
    "keep_weekly": ("Weekly backups kept", "پشتیبان" + ZW + "های هفتگی نگه" + ZW + "داشته"),
    "keep_monthly": ("Monthly backups kept", "پشتیبان" + ZW + "های ماهانهٔ نگه" + ZW + "داشته"),
    "warn_days": ("Warn after (days)", "هشدار پس از (روز)"),
    "encrypt": ("Encrypt backups", "رمزگذاری پشتیبان" + ZW + "ها"),
    "vat_rate": ("VAT rate", "نرخ مالیات بر ارزش افزوده"),
    "display_unit": ("Currency shown", "واحد نمایش مبلغ"),
    "time_zone": ("Time zone of the business", "منطقه زمانی کسب" + ZW + "وکار"),
    "due_all_day": ("All day", "تمام روز"),
    "probability": ("Probability", "احتمال"),
    "tag": ("Tag", "برچسب"),
    "tags": ("Tags", f"برچسب{ZW}ها"),
    "records": ("Records", f"مورد{ZW}ها"),
    "issue_date": ("Issue date", "تاریخ صدور"),
    "period": ("Period", "دوره"),
    "report": ("Report", "گزارش"),
    "valid_until": ("Valid until", "معتبر تا"),
    "kind": ("Kind", "نوع"),
    "date": ("Date", "تاریخ"),
    "logo": ("Logo", "نشان (لوگو)"),
    "recurrence": ("Repeats", "تکرار"),
    "recur_every": ("Repeat every", "تکرار هر"),
    "recur_until": ("Repeat until", "تکرار تا"),
    "occurs_on": ("Occurrence", "نوبت"),
    "week": ("Working hours", "ساعت‌های کاری"),
    "holidays": ("Holidays", "تعطیلات"),
    "targets": ("Response and resolution targets", "مهلت‌های پاسخ و رسیدگی"),
    "lost_reason": ("Reason for losing", "دلیل از دست رفتن"),
    "number": ("Number", "شماره"),
    "position": ("Order", "ترتیب"),
    "outcome": ("Outcome", "نتیجه"),
    "product": ("Product", "کالا"),
    "list": ("List", "فهرست"),
    "campaign": ("Campaign", "کمپین"),
    "campaign_targets": ("Campaign audience", "مخاطبان کمپین"),
    "segment": ("Customer segment", "بخش مشتریان"),
    "from_status": ("Current status", "وضعیت فعلی"),
    "assignee": ("Assigned to", "کارشناس مسئول"),
    "filter_json": ("Filter", "شرط فهرست"),
    "done_at": ("Done at", "زمان انجام"),
    "sla_due_at": ("Response due", "مهلت پاسخ"),
    "registration_no": ("Registration number", "شماره ثبت"),
    "taxable": ("Taxable", "مشمول مالیات"),
    "active": ("Active", "فعال"),
    # the criteria of a list's contact filter (services.contact_filter)
    "version": ("Filter version", "نسخه شرط فهرست"),
    "stages": ("Lifecycle stages", f"مرحله{ZW}های مشتری"),
    "cities": ("Cities", "شهرها"),
    "tags_mode": ("Tags to match", f"تطبیق برچسب{ZW}ها"),
    "sources": ("Sources", "منابع"),
    "genders": ("Gender", "جنسیت"),
    "birth_months": ("Birthday month", "ماه تولد"),
    "created_from": ("Created from", "ایجادشده از"),
    "created_to": ("Created until", "ایجادشده تا"),
    "activity_after": ("Last activity from", "آخرین فعالیت از"),
    "activity_before": ("No activity since", "بدون فعالیت از"),
    "won_count_min": ("Won deals, at least", f"معامله{ZW}های موفق، دست{ZW}کم"),
    "won_count_max": ("Won deals, at most", f"معامله{ZW}های موفق، حداکثر"),
    "won_total_min": ("Total of won deals, at least", f"جمع معامله{ZW}های موفق، دست{ZW}کم"),
    "won_total_max": ("Total of won deals, at most", f"جمع معامله{ZW}های موفق، حداکثر"),
    "segments": ("RFM segments", f"بخش{ZW}های RFM"),
    "sms_consent": ("SMS consent", "رضایت پیامک"),
    "email_consent": ("E-mail consent", "رضایت ایمیل"),
    "owners": ("Owners", "مسئولان"),
    "body": ("Message", "متن پیام"),
    "file": ("File", "پرونده"),
    "format": ("File format", "قالب پرونده"),
    "message": ("Message", "پیام"),
    "sms_gateway_url": ("Gateway address", "نشانی درگاه پیامک"),
    "sms_api_key": ("API key", "کلید API"),
    "sms_sender": ("Sender line", "شماره خط فرستنده"),
    "smtp_host": ("SMTP server", "سرور SMTP"),
    "smtp_port": ("SMTP port", "درگاه SMTP"),
    "smtp_security": ("Connection security", "امنیت اتصال"),
    "smtp_username": ("SMTP user name", "نام کاربری SMTP"),
    "smtp_sender": ("Sender address", "نشانی فرستنده"),
    "sms_delivery": ("SMS delivery", "روش ارسال پیامک"),
    # exports (services/exports.py, export/)
    "rows": ("Rows", f"ردیف{ZW}ها"),
    "columns": ("Columns", f"ستون{ZW}ها"),
    "sort": ("Sort", f"مرتب{ZW}سازی"),
    "parent_id": ("Campaign or list", "کمپین یا فهرست"),
    # imports (services/imports/)
    "import": ("Import", "ورود اطلاعات"),
    "mapping": ("Columns to import", f"ستون{ZW}های ورود اطلاعات"),
}

#: column names that services report, shown with the label of the field they stand for
FIELD_ALIASES: dict[str, str] = {
    "owner_id": "owner", "account_id": "account", "contact_id": "contact",
    "deal_id": "deal", "ticket_id": "ticket", "stage_id": "stage", "product_id": "product",
    "list_id": "list", "source_campaign_id": "campaign", "assignee_id": "assignee",
    "referred_by_id": "referred_by",
    "unit_price_rial": "unit_price", "amount_rial": "amount", "budget_rial": "budget",
    "actual_cost_rial": "actual_cost", "expected_revenue_rial": "expected_revenue",
    "discount_value": "discount", "discount_kind": "discount",
    "duration_minutes": "duration",
}
#: "lines[3].quantity": a field of one row of a table (shown 1-based)
_ROW_FIELD = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)$")
ROW_LABELS: dict[str, tuple[str, str]] = {"lines": ("Line {n}", "ردیف {n}"),
                                          "tiers": ("Tier {n}", "سطح {n}")}

#: message code -> (English, Persian); "{name}" placeholders are filled from params.
MESSAGES: dict[str, tuple[str, str]] = {
    "required": (
        "this is required, please fill it in",
        "این مورد لازم است، لطفاً آن را پر کنید",
    ),
    "too_long": (
        "this is too long, please shorten it to at most {max} characters",
        "این متن طولانی است، لطفاً آن را به حداکثر {max} نویسه کوتاه کنید",
    ),
    "choice": (
        "please pick one of the options in the list",
        f"لطفاً یکی از گزینه{ZW}های فهرست را انتخاب کنید",
    ),
    "range": (
        "enter a value from {min} to {max}",
        "مقداری از {min} تا {max} وارد کنید",
    ),
    "duplicate": (
        "this value is already used by another record, please enter a different one",
        "این مقدار قبلاً برای مورد دیگری ثبت شده است، لطفاً مقدار دیگری وارد کنید",
    ),
    "target.one": (
        "choose one list or one customer segment",
        "یک فهرست یا یک بخش مشتریان انتخاب کنید",
    ),
    "target.duplicate": (
        "this campaign already targets it",
        "این کمپین از قبل آن را هدف گرفته است",
    ),
    "not_found": (
        "the selected item no longer exists, please pick another one",
        f"مورد انتخاب{ZW}شده دیگر وجود ندارد، لطفاً مورد دیگری انتخاب کنید",
    ),
    "number.invalid": (
        "enter a number in digits only, such as 1250",
        "فقط عدد وارد کنید، مانند ۱۲۵۰",
    ),
    "money.invalid": (
        "enter an amount in digits, such as 1,250,000",
        "مبلغ را با رقم وارد کنید، مانند ۱٬۲۵۰٬۰۰۰",
    ),
    "money.too_large": (
        "the amount is too large, enter at most {max} Rial",
        "مبلغ بیش از حد بزرگ است، حداکثر {max} ریال وارد کنید",
    ),
    "money.too_large.toman": (
        "the amount is too large, enter at most {max} Toman",
        "مبلغ بیش از حد بزرگ است، حداکثر {max} تومان وارد کنید",
    ),
    "money.negative": (
        "the amount cannot be negative, enter zero or more",
        f"مبلغ نمی{ZW}تواند منفی باشد، صفر یا بیشتر وارد کنید",
    ),
    "period.too_long": (
        "this report covers at most {max} days, choose a shorter period",
        "این گزارش حداکثر {max} روز را در بر می" + ZW + "گیرد، دوره کوتاه" + ZW + "تری انتخاب کنید",
    ),
    "period.invalid": (
        "enter a period such as 1405, 1405-Q3, 1405-07 or 1405-07-01..1405-09-30 "
        "(Jalali years 1300 to 1499)",
        "یک بازه مانند ۱۴۰۵، ۱۴۰۵-Q3، ۱۴۰۵-۰۷ یا ۱۴۰۵-۰۷-۰۱..۱۴۰۵-۰۹-۳۰ وارد کنید "
        f"(سال{ZW}های ۱۳۰۰ تا ۱۴۹۹)",
    ),
    "date.invalid": (
        "enter a valid Jalali date such as 1405/09/01",
        "یک تاریخ شمسی درست وارد کنید، مانند ۱۴۰۵/۰۹/۰۱",
    ),
    "date.range": (
        "enter a date from {min} to {max}",
        "تاریخی از {min} تا {max} وارد کنید",
    ),
    "date.order": (
        "this date is earlier than the date it must follow, please pick a later date",
        "این تاریخ زودتر از تاریخی است که باید پس از آن باشد، لطفاً تاریخ دیرتری انتخاب کنید",
    ),
    "mobile.invalid": (
        "enter an Iranian mobile number such as 0912 345 6789",
        "یک شماره موبایل ایرانی وارد کنید، مانند \u2066۰۹۱۲ ۳۴۵ ۶۷۸۹\u2069",
    ),
    "phone.invalid": (
        "enter a phone number with its area code, such as 021 8877 6655",
        f"یک شماره تلفن با پیش{ZW}شماره وارد کنید، مانند \u2066۰۲۱ ۸۸۷۷ ۶۶۵۵\u2069",
    ),
    "national_code.length": (
        "a national code has 10 digits, please enter all of them",
        "کد ملی ۱۰ رقم دارد، لطفاً همه ارقام آن را وارد کنید",
    ),
    "national_code.checksum": (
        "this national code is not valid, please check its digits against the national card",
        "این کد ملی درست نیست، لطفاً ارقام آن را با کارت ملی مقایسه کنید",
    ),
    "legal_id.length": (
        "a company's national ID has 11 digits, please enter all of them",
        "شناسه ملی ۱۱ رقم دارد، لطفاً همه ارقام آن را وارد کنید",
    ),
    "legal_id.checksum": (
        "this national ID is not valid, please check its digits against the company's papers",
        "این شناسه ملی درست نیست، لطفاً ارقام آن را با مدارک ثبتی شرکت مقایسه کنید",
    ),
    "postal_code.invalid": (
        "enter the 10-digit postal code, such as 1318564751",
        "کد پستی ۱۰ رقمی را وارد کنید، مانند ۱۳۱۸۵۶۴۷۵۱",
    ),
    "economic_code.invalid": (
        "enter the economic code, which has 10 to 14 digits",
        "کد اقتصادی را وارد کنید؛ این کد ۱۰ تا ۱۴ رقم دارد",
    ),
    "email.invalid": (
        "enter an email address such as name@example.com",
        "یک نشانی ایمیل وارد کنید، مانند name@example.com",
    ),
    "time.invalid": (
        "enter a time such as 08:30",
        "ساعت را مانند ۰۸:۳۰ وارد کنید",
    ),
    "time.order": (
        "the end must come after the start",
        "پایان باید بعد از شروع باشد",
    ),
    "time.overlap": (
        "these hours overlap other hours of the same day",
        "این ساعت‌ها با ساعت‌های دیگر همان روز هم‌پوشانی دارند",
    ),
    "file.too_big": (
        "the file is too large, please choose one smaller than {max} KB",
        "این پرونده بزرگ است، لطفاً پرونده‌ای کوچک‌تر از {max} کیلوبایت انتخاب کنید",
    ),
    "file.write": (
        "the file could not be written ({reason}); choose another folder",
        "پرونده نوشته نشد ({reason})؛ پوشه دیگری انتخاب کنید",
    ),
    "file.image": (
        "please choose a PNG or JPEG picture",
        "لطفاً یک تصویر PNG یا JPEG انتخاب کنید",
    ),
    "unknown_field": (
        "this field is not known here, so it cannot be saved",
        f"این مورد در این بخش شناخته{ZW}شده نیست و ذخیره نمی{ZW}شود",
    ),
    "number.order": (
        "the upper limit is smaller than the lower one, please raise it",
        "حد بالا از حد پایین کمتر است، لطفاً آن را بیشتر کنید",
    ),
    "filter.version": (
        "this filter was saved by a newer version of the program and cannot be read here",
        f"این شرط با نسخه تازه{ZW}تری از برنامه ذخیره شده و اینجا خوانده نمی{ZW}شود",
    ),
    "in_use": (
        "a campaign uses this list; take it off the campaign first",
        f"یک کمپین از این فهرست استفاده می{ZW}کند؛ اول آن را از کمپین بردارید",
    ),
    "placeholder.unknown": (
        "{names} is not a placeholder we know; pick one from the Insert menu, or write "
        "{{{{ and }}}} for a brace",
        "{names} جای\u200cنگهدار شناخته\u200cشده\u200cای نیست؛ یکی از فهرست «درج» را انتخاب "
        "کنید، یا برای نوشتن آکولاد {{{{ و }}}} بنویسید",
    ),
    "placeholder.brace": (
        "a brace opens or closes nothing; write {{{{ and }}}} for a brace in the text",
        "یک آکولاد بدون جفت مانده است؛ برای نوشتن آکولاد در متن {{{{ و }}}} بنویسید",
    ),
    "message.channel": (
        "this campaign message is not for this channel",
        "این پیام برای این راه ارتباطی نوشته نشده است",
    ),
    "export.too_many_rows": (
        "more rows than a spreadsheet can hold ({max}); narrow the list with a filter",
        "تعداد ردیف\u200cها از گنجایش صفحه\u200cگسترده ({max}) بیشتر است؛ با فیلتر فهرست را "
        "کوتاه کنید",
    ),
    "export.format": (
        "choose a file ending in {formats}",
        "پرونده\u200cای با پسوند {formats} انتخاب کنید",
    ),
    "list.not_static": (
        "a filter list's members are whoever its filter finds; choose a static list",
        f"اعضای فهرست شرطی را شرط آن تعیین می{ZW}کند؛ یک فهرست ثابت انتخاب کنید",
    ),
    "user.own_account": (
        "no one can change their own role, active state or user name; ask another "
        "administrator",
        f"هیچ کس نمی{ZW}تواند نقش، فعال بودن یا نام کاربری خود را تغییر دهد؛ از مدیر "
        f"دیگری بخواهید",
    ),
    "user.last_admin": (
        "this is the last active administrator: make another user an administrator first",
        "این آخرین مدیر فعال است؛ نخست کاربر دیگری را مدیر کنید",
    ),
    "import.nothing_to_undo": (
        "no import is left to undo",
        "ورود اطلاعاتی برای برگرداندن نمانده است",
    ),
    "import.changed_since": (
        "{count} of the records it wrote were changed since (edited, used in a deal, an "
        "activity, a ticket, a proforma or a campaign, or moved to the Trash); undoing it "
        "would lose that work, so it was left as it is",
        f"{{count}} مورد از رکوردهایی که وارد کرد از آن پس تغییر کرده است (ویرایش شده، در "
        f"معامله، فعالیت، تیکت، پیش{ZW}فاکتور یا کمپین به کار رفته یا به سطل بازیافت رفته)؛ "
        f"برگرداندن آن این کارها را از بین می{ZW}برد، پس دست نخورد",
    ),
    "import.stale": (
        "{count} of the records it would update were deleted or moved to the Trash since "
        "the file was checked; check the file again",
        f"{{count}} مورد از رکوردهایی که باید به{ZW}روز می{ZW}شد پس از بررسی پرونده حذف شده "
        f"یا به سطل بازیافت رفته است؛ پرونده را دوباره بررسی کنید",
    ),
    "merge.count": (
        "choose from {min} to {max} records to merge",
        "از {min} تا {max} مورد را برای ادغام انتخاب کنید",
    ),
    "merge.same": (
        "a record cannot be merged with itself, choose each record once",
        f"یک مورد را نمی{ZW}توان با خودش ادغام کرد، هر مورد را یک بار انتخاب کنید",
    ),
    "merge.source": (
        "the value must come from one of the records being merged",
        f"مقدار باید از یکی از مورد{ZW}های در حال ادغام باشد",
    ),
    "too_short": (
        "this is too short, please use at least {min} characters",
        f"این کوتاه است، لطفاً دست{ZW}کم {{min}} نویسه بنویسید",
    ),
    "password.wrong": (
        "this is not your current password",
        "این گذرواژهٔ کنونی شما نیست",
    ),
    "password.mismatch": (
        "the two passwords are not the same, please type them again",
        "دو گذرواژه یکی نیستند، لطفاً دوباره بنویسید",
    ),
    "invalid": (
        "this value is not valid, please check it",
        "این مقدار درست نیست، لطفاً آن را بررسی کنید",
    ),
    "club.balance": (
        "more than the balance: only {balance} points can be spent",
        "بیش از مانده است: فقط {balance} امتیاز قابل خرج است",
    ),
    "club.zero": ("enter a number of points other than zero", "تعداد امتیازی غیر از صفر وارد کنید"),
    "club.proforma_closed": (
        "points can be redeemed only on a draft or sent proforma",
        f"امتیاز فقط روی پیش{ZW}فاکتور پیش{ZW}نویس یا ارسال{ZW}شده خرج می{ZW}شود",
    ),
    "club.no_value": (
        "a point is worth nothing in Settings, so it cannot be a discount",
        f"در تنظیمات ارزش امتیاز صفر است، پس تخفیف نمی{ZW}شود",
    ),
    "referral.self": (
        "a contact cannot be their own referrer, choose someone else",
        "هیچ مخاطبی معرف خودش نیست، شخص دیگری را انتخاب کنید",
    ),
    "referral.cycle": (
        "this person was referred by this contact: two people cannot refer each other",
        f"این شخص را همین مخاطب معرفی کرده است: دو نفر نمی{ZW}توانند معرف یکدیگر باشند",
    ),
    "club.line_paid": (
        "this line costs nothing any more, choose another one",
        "این ردیف دیگر مبلغی ندارد، ردیف دیگری را انتخاب کنید",
    ),
}


def _lang_index(lang: str) -> int:
    return 1 if lang == "fa" else 0


def field_label(field: str, lang: str = "en") -> str:
    """The label of a field; an unknown field shows its name ("due_date" -> "Due date")."""
    row = _ROW_FIELD.match(field)
    if row:
        table, index, inner = row.groups()
        n = int(index) + 1
        template = ROW_LABELS.get(table, ("Row {n}", "ردیف {n}"))[_lang_index(lang)]
        prefix = template.format(n=_format_param(n, persian=lang == "fa"))
        return f"{prefix}، {field_label(inner, lang)}" if lang == "fa" else (
            f"{prefix}, {field_label(inner, lang).lower()}")
    labels = FIELD_LABELS.get(FIELD_ALIASES.get(field, field))
    if labels is None and "." in field:  # "week.sat.0": a part of a grouped setting
        labels = FIELD_LABELS.get(field.split(".", 1)[0])
    if labels is not None:
        return labels[_lang_index(lang)]
    return field.replace("_", " ").strip().capitalize()


def _format_param(value: Any, persian: bool) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | Decimal):
        return format_number(value, persian)
    text = str(value)
    return to_persian_digits(text) if persian else text


def field_message(field: str, code: str, lang: str = "en", **params: Any) -> str:
    """A full message: "Mobile: enter an Iranian mobile number such as 0912 345 6789."."""
    return f"{field_label(field, lang)}: {rule_message(code, lang, **params)}."


def rule_message(code: str, lang: str = "en", **params: Any) -> str:
    """The message of a code without the field's label or the full stop."""
    i = _lang_index(lang)
    template = MESSAGES.get(code, MESSAGES["invalid"])[i]
    values = {k: _format_param(v, persian=i == 1) for k, v in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a parameter is missing: say less, not nothing
        return MESSAGES["invalid"][i]


#: delivery problem code (the start of an outbox row's last_error) -> (English, Persian)
DELIVERY_MESSAGES: dict[str, tuple[str, str]] = {
    "auth": (
        "the gateway refused the API key or login; check it in Settings",
        "درگاه کلید API یا نام کاربری را نپذیرفت؛ آن را در تنظیمات بررسی کنید",
    ),
    "rate_limit": (
        "the gateway asked to slow down; it will be tried again",
        f"درگاه خواست آهسته{ZW}تر ارسال شود؛ دوباره امتحان می{ZW}شود",
    ),
    "timeout": (
        "no answer in time after the message was handed over; it may have gone out, so "
        "it is not sent again on its own: retry by hand if it did not arrive",
        f"پس از تحویل پیام پاسخی به{ZW}موقع نیامد؛ ممکن است رفته باشد، پس خودکار دوباره "
        f"فرستاده نمی{ZW}شود: اگر نرسیده، دستی دوباره بفرستید",
    ),
    "credit": (
        "the panel's credit has run out; top it up, then retry",
        "اعتبار سامانه پیامک تمام شده است؛ آن را شارژ کنید و دوباره بفرستید",
    ),
    "unreachable": (
        "the server cannot be reached; check the address and the network",
        "به سرور دسترسی نیست؛ نشانی و اتصال شبکه را بررسی کنید",
    ),
    "rejected": (
        "the recipient was refused (number or address not accepted)",
        "گیرنده پذیرفته نشد (شماره یا نشانی قبول نشد)",
    ),
    "server": (
        "the server had a problem; it will be tried again",
        f"سرور دچار مشکل شد؛ دوباره امتحان می{ZW}شود",
    ),
    "reply": (
        "the gateway's answer could not be understood",
        "پاسخ درگاه قابل فهم نبود",
    ),
    "not_configured": (
        "no delivery is set up for this channel; choose one in Settings",
        "برای این راه ارتباطی روش ارسالی تنظیم نشده است؛ در تنظیمات انتخاب کنید",
    ),
    "no_password": (
        "the SMTP password is not available (no keyring, or not stored)",
        "گذرواژه SMTP در دسترس نیست (کلیدستان وجود ندارد یا گذرواژه ذخیره نشده است)",
    ),
    "interrupted": (
        "sending was interrupted; it may have been sent. Retry by hand if it was not",
        f"ارسال نیمه{ZW}کاره ماند و ممکن است رفته باشد؛ اگر نرسیده، دستی دوباره بفرستید",
    ),
    "file_not_uploaded": (
        "the file was not uploaded to the panel",
        "پرونده در سامانه پیامک بارگذاری نشد",
    ),
    "error": (
        "it could not be sent",
        "ارسال نشد",
    ),
}


def delivery_message(last_error: str | None, lang: str = "en") -> str:
    """An outbox row's last_error ("auth: HTTP 401") as a sentence for the user."""
    if not last_error:
        return ""
    code, _, detail = last_error.partition(":")
    pair = DELIVERY_MESSAGES.get(code.strip())
    if pair is None:
        return last_error
    text = pair[_lang_index(lang)]
    detail = detail.strip()
    return f"{text} ({detail})" if detail else text
