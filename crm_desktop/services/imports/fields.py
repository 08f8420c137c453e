"""Which fields an import fills, how a sheet's headers are matched to them, and the
mappings remembered for the next file with the same headers.

Headers are compared by `header_key`: folded (text.normalize.fold: Arabic ي/ك, case,
digits in any form), ZWNJ and spaces and punctuation («:», «*», «-», brackets) removed, so
«نام‌خانوادگی», «نام خانوادگی:» and «نام خانوادگي *» are one header. A money header that
names its unit («قیمت (تومان)», «Price in Toman») has the unit taken off its key and
noted: Toman goes to the import field `unit_price_toman`, whose values the plan
multiplies by 10 (the program stores Rials); Rial to `unit_price_rial`. A money header
without a unit («قیمت») is in the unit the program shows amounts in (the display-unit
setting): it is the unit the user sees everywhere else.

Names on contacts: «نام و نام خانوادگی» / "Full name" is `full_name` (split into first and
last name by the plan, see cells.split_full_name); «نام» / "Name" alone is the first name
when the sheet also has a last-name column, else the full name. A sheet may map a
full-name column and first/last-name columns both: each row takes its first and last name
from their own columns and falls back to splitting the full name only when both are blank.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.services.imports.model import IMPORT_KINDS, ImportKind
from crm_desktop.text.money import MoneyUnit
from crm_desktop.text.normalize import fold

CONTACT_FIELDS: tuple[str, ...] = (
    "full_name", "first_name", "last_name", "mobile", "mobile2", "phone", "email",
    "national_code", "birthday", "gender", "city", "address", "postal_code", "job_title",
    "company", "source", "lifecycle_stage", "tags", "notes", "sms_consent", "email_consent",
    "referred_by",
)
COMPANY_FIELDS: tuple[str, ...] = (
    "name", "legal_id", "economic_code", "registration_no", "phone", "fax", "email",
    "website", "industry", "city", "address", "postal_code", "notes",
)
PRODUCT_FIELDS: tuple[str, ...] = (
    "name", "sku", "unit", "unit_price_rial", "unit_price_toman", "taxable", "active",
    "description",
)
_FIELDS: dict[str, tuple[str, ...]] = {
    "contacts": CONTACT_FIELDS, "companies": COMPANY_FIELDS, "products": PRODUCT_FIELDS,
}
#: import fields that fill the same stored field: at most one of them per mapping
EXCLUSIVE: tuple[frozenset[str], ...] = (frozenset({"unit_price_rial", "unit_price_toman"}),)

#: the settings key of the remembered mappings (one JSON object: signature -> entry)
MAPPINGS_KEY = "import.mappings"
MAX_REMEMBERED = 50


def import_fields(kind: ImportKind) -> tuple[str, ...]:
    """The import fields of `kind` in the order a mapping menu lists them."""
    try:
        return _FIELDS[kind]
    except (KeyError, TypeError):
        raise ValidationError(FieldError("kind", "choice")) from None


# -- header keys ------------------------------------------------------------------------------
_NOT_WORD = re.compile(r"[^\w]|_")
_UNITS = {"ریال": MoneyUnit.RIAL, "rial": MoneyUnit.RIAL, "rials": MoneyUnit.RIAL,
          "irr": MoneyUnit.RIAL, "تومان": MoneyUnit.TOMAN, "تومن": MoneyUnit.TOMAN,
          "toman": MoneyUnit.TOMAN, "tomans": MoneyUnit.TOMAN}
#: words that only lead up to a unit («قیمت به تومان», «price in Rials»)
_UNIT_GLUE = {"به", "بر", "حسب", "in", "per"}


def header_words(header: Any) -> list[str]:
    """The folded words of a header (ZWNJ and punctuation are breaks, آ is ا)."""
    text = fold(str(header) if header is not None else "").replace("آ", "ا")
    return _NOT_WORD.sub(" ", text.replace("﷼", " ریال ")).split()  # ZWNJ is no \w


def header_unit(header: Any) -> tuple[str, MoneyUnit | None]:
    """(key, unit): the header's key without a money unit it names, and that unit."""
    words = header_words(header)
    units = [_UNITS[w] for w in words if w in _UNITS]
    if units:
        words = [w for w in words if w not in _UNITS and w not in _UNIT_GLUE]
    return "".join(words), (units[-1] if units else None)


def header_key(header: Any) -> str:
    """What two headers must share to be the same column name."""
    return header_unit(header)[0]


# -- aliases ------------------------------------------------------------------------------------
_NAME = ["نام", "name", "اسم"]  # contacts: first name beside a last-name column, else full
_MONEY = ["قیمت", "قیمت واحد", "مبلغ", "مبلغ واحد", "فی", "بها", "قیمت فروش", "price",
          "unit price", "amount", "sale price", "selling price", "rate"]
_EMAIL = ["ایمیل", "ای میل", "پست الکترونیک", "پست الکترونیکی", "نشانی ایمیل", "آدرس ایمیل",
          "رایانامه", "email", "e-mail", "mail", "email address", "e-mail address"]
_CITY = ["شهر", "شهرستان", "نام شهر", "city", "town"]
_ADDRESS = ["آدرس", "نشانی", "آدرس منزل", "آدرس محل کار", "نشانی پستی", "آدرس پستی",
            "address", "street address", "home address", "postal address"]
_POSTAL = ["کد پستی", "کدپستی", "postal code", "post code", "postcode", "zip", "zip code"]
_NOTES = ["توضیحات", "یادداشت", "یادداشت‌ها", "ملاحظات", "توضیح", "notes", "note",
          "comments", "comment", "remarks"]
_PHONE = ["تلفن", "تلفن ثابت", "شماره تلفن", "شماره تلفن ثابت", "تلفن منزل", "تلفن محل کار",
          "تلفن دفتر", "تلفن شرکت", "phone", "telephone", "tel", "landline", "phone number",
          "home phone", "work phone", "office phone"]

ALIASES: dict[str, dict[str, list[str]]] = {
    "contacts": {
        "full_name": ["نام و نام خانوادگی", "نام کامل", "نام و فامیل", "نام و فامیلی",
                      "نام مشتری", "نام مخاطب", "نام شخص", "مشتری", "مخاطب", "full name",
                      "fullname", "name and surname", "customer", "customer name", "contact",
                      "contact name", "client", "client name"],
        "first_name": ["نام کوچک", "اسم کوچک", "first name", "firstname", "given name",
                       "forename", "fname", "first"],
        "last_name": ["نام خانوادگی", "فامیل", "فامیلی", "نام فامیل", "نام فامیلی",
                      "last name", "lastname", "surname", "family name", "family", "lname",
                      "last"],
        "mobile": ["موبایل", "تلفن همراه", "شماره همراه", "شماره موبایل", "همراه",
                   "تلفن موبایل", "شماره تلفن همراه", "موبایل 1", "همراه 1", "mobile",
                   "mobile number", "mobile phone", "mobile no", "cell", "cell phone",
                   "cellphone", "mobile 1"],
        "mobile2": ["موبایل 2", "موبایل دوم", "شماره همراه دوم", "شماره همراه 2", "همراه 2",
                    "همراه دوم", "تلفن همراه 2", "تلفن همراه دوم", "شماره موبایل دوم",
                    "شماره موبایل 2", "mobile 2", "mobile2", "second mobile", "other mobile",
                    "alternate mobile", "cell 2"],
        "phone": _PHONE,
        "email": _EMAIL,
        "national_code": ["کد ملی", "شماره ملی", "کد ملی مشتری", "national code",
                          "national id", "national number", "melli code", "code melli"],
        "birthday": ["تاریخ تولد", "تولد", "روز تولد", "زادروز", "تاریخ تولد شمسی",
                     "birthday", "birth date", "birthdate", "date of birth", "dob"],
        "gender": ["جنسیت", "جنس", "gender", "sex"],
        "city": _CITY,
        "address": _ADDRESS,
        "postal_code": _POSTAL,
        "job_title": ["سمت", "شغل", "عنوان شغلی", "سمت شغلی", "پست سازمانی", "job title",
                      "job", "position", "occupation", "role"],
        "company": ["شرکت", "نام شرکت", "سازمان", "نام سازمان", "محل کار", "company",
                    "company name", "organization", "organisation", "employer", "account"],
        "source": ["منبع", "منبع آشنایی", "نحوه آشنایی", "روش آشنایی", "طریقه آشنایی",
                   "source", "lead source", "channel"],
        "lifecycle_stage": ["مرحله", "مرحله مشتری", "وضعیت مشتری", "نوع مشتری",
                            "lifecycle stage", "lifecycle", "stage"],
        "tags": ["برچسب", "برچسب‌ها", "تگ", "تگ‌ها", "گروه", "دسته", "دسته بندی", "tags",
                 "tag", "labels", "label", "group", "groups", "category"],
        "notes": [*_NOTES, "شرح", "description"],
        "sms_consent": ["رضایت پیامک", "اجازه پیامک", "ارسال پیامک", "پیامک", "sms consent",
                        "sms", "sms opt in"],
        "email_consent": ["رضایت ایمیل", "اجازه ایمیل", "ارسال ایمیل", "email consent",
                          "email opt in", "newsletter"],
        # a contact already in the database, by mobile or name (imports/referrers.py)
        "referred_by": ["معرف", "معرفی کننده", "معرفی شده توسط", "نام معرف", "موبایل معرف",
                        "referred by", "referrer", "referrer name", "referrer mobile"],
    },
    "companies": {
        "name": ["نام", "نام شرکت", "شرکت", "نام سازمان", "سازمان", "عنوان", "نام مشتری",
                 "name", "company", "company name", "organization", "organisation"],
        "legal_id": ["شناسه ملی", "شناسه ملی شرکت", "شناسه", "national id", "legal id",
                     "company national id"],
        "economic_code": ["کد اقتصادی", "شماره اقتصادی", "economic code", "economic number",
                          "tax id", "tax number"],
        "registration_no": ["شماره ثبت", "ثبت", "registration number", "registration no",
                            "reg no"],
        "phone": [*_PHONE, "شماره تماس", "تماس", "contact number"],
        "fax": ["فکس", "نمابر", "شماره فکس", "شماره نمابر", "fax", "fax number"],
        "email": _EMAIL,
        "website": ["وب سایت", "وبسایت", "سایت", "وب", "نشانی وب", "نشانی اینترنتی",
                    "website", "web site", "web", "url", "site", "homepage"],
        "industry": ["صنعت", "زمینه فعالیت", "حوزه فعالیت", "نوع فعالیت", "رسته", "industry",
                     "sector", "business"],
        "city": _CITY,
        "address": _ADDRESS,
        "postal_code": _POSTAL,
        "notes": [*_NOTES, "شرح", "description"],
    },
    "products": {
        "name": ["نام", "نام کالا", "کالا", "شرح کالا", "نام محصول", "محصول", "عنوان",
                 "نام خدمت", "خدمت", "خدمات", "کالا/خدمات", "شرح کالا/خدمات", "name",
                 "product", "product name", "item", "item name", "title", "service"],
        "sku": ["کد کالا", "کد", "شناسه کالا", "کد محصول", "بارکد", "sku", "code",
                "product code", "item code", "barcode"],
        "unit": ["واحد", "واحد اندازه گیری", "واحد شمارش", "unit", "uom"],
        "unit_price_rial": _MONEY,
        "taxable": ["مشمول مالیات", "مالیات", "مشمول ارزش افزوده", "ارزش افزوده",
                    "مشمول مالیات بر ارزش افزوده", "taxable", "vat", "tax"],
        "active": ["فعال", "وضعیت", "active", "status", "enabled"],
        "description": [*_NOTES, "شرح", "description", "details"],
    },
}
#: contacts: a number header that is the mobile when the sheet has no mobile column, else
#: the phone («شماره تماس» holds mobiles in most sheets, landlines beside a mobile column)
_CONTACT_NUMBER = ["شماره تماس", "تماس", "شماره", "contact number", "number"]
#: words that name a field inside a longer header («شماره موبایل مشتری»), tried after
#: the whole-header aliases, in this order
_STEMS: dict[str, list[tuple[str, str]]] = {
    "contacts": [("موبایل", "mobile"), ("همراه", "mobile"), ("mobile", "mobile"),
                 ("ایمیل", "email"), ("email", "email"), ("کدملی", "national_code"),
                 ("کدپستی", "postal_code"), ("تولد", "birthday"), ("birth", "birthday"),
                 ("نامخانوادگی", "last_name"), ("فامیل", "last_name"), ("ادرس", "address"),
                 ("نشانی", "address"), ("تلفن", "phone"), ("phone", "phone"),
                 ("جنسیت", "gender"), ("شهر", "city")],
    "companies": [("شناسهملی", "legal_id"), ("کداقتصادی", "economic_code"),
                  ("ایمیل", "email"), ("email", "email"), ("کدپستی", "postal_code"),
                  ("نمابر", "fax"), ("فکس", "fax"), ("تلفن", "phone"), ("phone", "phone"),
                  ("ادرس", "address"), ("نشانی", "address"), ("شهر", "city")],
    "products": [("کدکالا", "sku"), ("قیمت", "unit_price_rial"), ("price", "unit_price_rial"),
                 ("مبلغ", "unit_price_rial"), ("مالیات", "taxable"), ("واحد", "unit")],
}


def _keyed(kind: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for field, aliases in ALIASES[kind].items():
        for alias in aliases:
            out.setdefault(header_key(alias), field)
    return out


_ALIAS_KEYS: dict[str, dict[str, str]] = {kind: _keyed(kind) for kind in IMPORT_KINDS}
_NAME_KEYS = {header_key(a) for a in _NAME}
_NUMBER_KEYS = {header_key(a) for a in _CONTACT_NUMBER}
_MONEY_FIELDS = {"unit_price_rial", "unit_price_toman"}


def _money_field(unit: MoneyUnit | None, default: MoneyUnit) -> str:
    return "unit_price_toman" if (unit or default) is MoneyUnit.TOMAN else "unit_price_rial"


def alias_mapping(kind: ImportKind, headers: Sequence[Any],
                  default_unit: MoneyUnit = MoneyUnit.RIAL) -> tuple[str | None, ...]:
    """One field (or None) per header from the headers' names alone: whole-header aliases
    first (the first column of a field wins; a second mobile column is the second
    mobile), then the contacts' «نام» and «شماره تماس» (see the module's docstring), then
    a field's word inside a longer header that names no field itself."""
    import_fields(kind)
    keyed = [header_unit(h) for h in headers]
    out: list[str | None] = [None] * len(keyed)
    taken: set[str] = set()

    def give(i: int, field: str, unit: MoneyUnit | None) -> None:
        if field in _MONEY_FIELDS:
            field = _money_field(unit, default_unit)
            if taken & _MONEY_FIELDS:
                return
        if out[i] is None and field not in taken:
            out[i] = field
            taken.add(field)

    aliases = _ALIAS_KEYS[kind]
    named: set[int] = set()  # columns whose header names a field (taken or not)
    for i, (key, unit) in enumerate(keyed):
        field = aliases.get(key)
        if field is not None:
            named.add(i)
            if field == "mobile" and "mobile" in taken and kind == "contacts":
                field = "mobile2"  # a second mobile column
            give(i, field, unit)
    if kind == "contacts":
        for i, (key, unit) in enumerate(keyed):
            if out[i] is None and key in _NAME_KEYS:
                field = "first_name" if "last_name" in taken else \
                    "full_name" if "full_name" not in taken else "first_name"
                give(i, field, unit)
        for i, (key, unit) in enumerate(keyed):
            if out[i] is None and key in _NUMBER_KEYS:
                give(i, "phone" if "mobile" in taken else "mobile", unit)
    for i, (key, unit) in enumerate(keyed):
        if out[i] is None and key and i not in named:
            for stem, field in _STEMS[kind]:
                if stem in key and field not in taken:
                    give(i, field, unit)
                    break
    return tuple(out)


# -- checking a mapping ---------------------------------------------------------------------
def check_mapping(kind: ImportKind, headers: Sequence[Any],
                  mapping: Sequence[str | None]) -> tuple[str | None, ...]:
    """The mapping as a tuple, or ValidationError on "mapping": not one entry per column
    ("invalid"), a field `kind` does not have ("choice"), a field given to two columns
    (or both unit prices: "duplicate")."""
    fields = import_fields(kind)
    if isinstance(mapping, str | bytes) or not isinstance(mapping, Sequence) \
            or len(mapping) != len(headers):
        raise ValidationError(FieldError("mapping", "invalid"))
    out = tuple(mapping)
    used = [f for f in out if f is not None]
    if any(not isinstance(f, str) or f not in fields for f in used):
        raise ValidationError(FieldError("mapping", "choice"))
    if len(set(used)) != len(used) or any(len(group & set(used)) > 1 for group in EXCLUSIVE):
        raise ValidationError(FieldError("mapping", "duplicate"))
    return out


# -- remembered mappings --------------------------------------------------------------------
def signature(kind: str, headers: Sequence[Any]) -> str:
    """Names one sheet layout: the kind and the folded headers in order (16 hex digits, so
    that the audit field "import.mappings.<signature>" stays short)."""
    text = "\x1f".join([kind, *(header_key(h) for h in headers)])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _stored(raw: str | None) -> dict[str, Any]:
    try:
        value = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def remembered_mapping(session: Session, kind: ImportKind,
                       headers: Sequence[Any]) -> tuple[str | None, ...] | None:
    """The mapping last used for these headers (after folding), if it is still valid."""
    raw = session.scalar(select(m.Setting.value).where(m.Setting.key == MAPPINGS_KEY))
    entry = _stored(raw).get(signature(kind, headers))
    if not isinstance(entry, dict) or entry.get("kind") != kind:
        return None
    try:
        return check_mapping(kind, headers, entry.get("mapping"))  # type: ignore[arg-type]
    except ValidationError:
        return None


def suggested_mapping(db: Database, kind: ImportKind,
                      headers: Sequence[Any]) -> tuple[str | None, ...]:
    """The mapping remembered for exactly these headers (after folding), else one found
    from their names (alias_mapping)."""
    import_fields(kind)
    with db.read() as session:
        remembered = remembered_mapping(session, kind, headers)
        if remembered is not None:
            return remembered
        raw = session.scalar(select(m.Setting.value).where(m.Setting.key == "display_unit"))
    try:
        unit = MoneyUnit(json.loads(raw)) if raw else MoneyUnit.RIAL
    except (ValueError, TypeError):
        unit = MoneyUnit.RIAL
    return alias_mapping(kind, headers, unit)


def remember_mapping_in(session: Session, kind: ImportKind, headers: Sequence[Any],
                        mapping: Sequence[str | None]) -> None:
    """Remember `mapping` for these headers, inside the caller's write transaction.

    Stored in the setting "import.mappings": one JSON object, signature -> {"kind",
    "mapping", "n"}, n counting up with each import; the 50 most recently used are kept.
    The settings audit logs a JSON object part by part, so an import adds one row
    ("import.mappings.<signature>": the entry before -> after) and one per layout
    forgotten; the same mapping used again right after itself changes nothing."""
    mapping = check_mapping(kind, headers, mapping)
    row = session.get(m.Setting, MAPPINGS_KEY)
    stored = _stored(row.value if row is not None else None)
    sig = signature(kind, headers)
    numbers = [e.get("n") for e in stored.values() if isinstance(e, dict)]
    newest = max((n for n in numbers if isinstance(n, int)), default=0)
    entry = stored.get(sig)
    if isinstance(entry, dict) and entry.get("kind") == kind and \
            entry.get("mapping") == list(mapping) and entry.get("n") == newest:
        return
    stored[sig] = {"kind": kind, "mapping": list(mapping), "n": newest + 1}

    def age(item: tuple[str, Any]) -> int:
        n = item[1].get("n") if isinstance(item[1], dict) else None
        return n if isinstance(n, int) else -1

    kept = dict(sorted(stored.items(), key=age, reverse=True)[:MAX_REMEMBERED])
    encoded = json.dumps(kept, ensure_ascii=False)
    if row is None:
        session.add(m.Setting(key=MAPPINGS_KEY, value=encoded))
    else:
        row.value = encoded
    session.flush()
