"""Settings stored in the database as JSON: company profile, VAT rate, display unit."""

from __future__ import annotations

import base64
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.services import fields as f
from crm_desktop.text.money import MoneyUnit

COMPANY_FIELDS = (
    "name", "legal_id", "economic_code", "address", "postal_code", "phone", "email", "website",
)
#: the seller's details printed on proformas
COMPANY_SPECS: dict[str, f.Field] = {
    "name": f.Field(f.text(200), empty=""),
    "legal_id": f.Field(f.legal_id, empty=""),
    "economic_code": f.Field(f.economic_code, empty=""),
    "address": f.Field(f.multiline(500), empty=""),
    "postal_code": f.Field(f.postal_code, empty=""),
    "phone": f.Field(f.phone, empty=""),
    "email": f.Field(f.email, empty=""),
    "website": f.Field(f.text(200), empty=""),
}
#: a logo is a small picture; a larger file is refused rather than bloating the database
MAX_LOGO_BYTES = 512 * 1024
LOGO_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")

DEFAULTS: dict[str, Any] = {
    "vat_rate": "10",
    "display_unit": MoneyUnit.RIAL.value,
    "company": {key: "" for key in COMPANY_FIELDS},
}


class SettingsService:
    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    def get(self, key: str) -> Any:
        with self.db.read() as session:
            raw = session.scalar(select(m.Setting.value).where(m.Setting.key == key))
        if raw is None:
            return DEFAULTS.get(key)
        return json.loads(raw)

    def set(self, key: str, value: Any) -> None:
        with self.db.write(self.actor_id) as session:
            row = session.get(m.Setting, key)
            encoded = json.dumps(value, ensure_ascii=False)
            if row is None:
                session.add(m.Setting(key=key, value=encoded))
            else:
                row.value = encoded

    @property
    def vat_rate(self) -> Decimal:
        return Decimal(str(self.get("vat_rate")))

    def set_vat_rate(self, value: Any) -> None:
        rate = f.clean({"vat_rate": f.Field(f.decimal(0, 100), required=True)},
                       {"vat_rate": value})["vat_rate"]
        self.set("vat_rate", format(rate.normalize(), "f"))

    @property
    def display_unit(self) -> MoneyUnit:
        return MoneyUnit(self.get("display_unit"))

    def set_display_unit(self, value: str) -> None:
        try:
            self.set("display_unit", MoneyUnit(value).value)
        except ValueError:
            raise ValidationError(FieldError("display_unit", "choice")) from None

    def company(self) -> dict[str, str]:
        return {**DEFAULTS["company"], **(self.get("company") or {})}

    def set_company(self, profile: dict[str, Any]) -> None:
        cleaned = f.clean(COMPANY_SPECS, profile, partial=True)
        self.set("company", {**self.company(), **cleaned})

    def logo(self) -> bytes | None:
        """The company logo (PNG or JPEG bytes), kept in the database so backups carry it."""
        encoded = self.get("company_logo")
        return base64.b64decode(encoded) if encoded else None

    def set_logo(self, data: bytes | None) -> None:
        if data is not None:
            if len(data) > MAX_LOGO_BYTES:
                raise ValidationError(
                    FieldError("logo", "file.too_big", {"max": MAX_LOGO_BYTES // 1024}))
            if not data.startswith(LOGO_MAGIC):
                raise ValidationError(FieldError("logo", "file.image"))
        self.set("company_logo", base64.b64encode(data).decode("ascii") if data else None)
