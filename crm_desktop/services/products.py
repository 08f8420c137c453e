"""The product and service catalogue."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.models.base import nullable_sort
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import fields as f
from crm_desktop.services.base import EntityService
from crm_desktop.text.collation import sort_key
from crm_desktop.text.normalize import clean_text


class ProductService(EntityService[m.Product]):
    model = m.Product
    edit_perm = Perm.EDIT_CATALOG
    fields: ClassVar = {
        "name": f.Field(f.text(200), required=True),
        "sku": f.Field(f.text(64)),
        "unit": f.Field(f.text(30), empty=""),
        "unit_price_rial": f.Field(f.money, empty=0),
        "taxable": f.Field(f.boolean, empty=True),
        "active": f.Field(f.boolean, empty=True),
        "description": f.Field(f.multiline(2000)),
    }
    sort_columns: ClassVar = {
        "name": m.Product.sort_key,
        "sku": nullable_sort(m.Product.sku),
        "price": m.Product.unit_price_rial,
        "created": m.Product.created_at,
    }
    filter_columns: ClassVar = {"active": m.Product.active, "taxable": m.Product.taxable}

    def _check(self, session: Session, values: dict, current: Any | None) -> None:
        sku = values.get("sku")
        if sku:
            q = select(m.Product.id).where(m.Product.sku == sku)
            if current is not None:
                q = q.where(m.Product.id != current.id)
            if session.scalar(q) is not None:
                raise ValidationError(FieldError("sku", "duplicate"))

    def _derive(self, obj: Any) -> None:
        obj.sort_key = sort_key(obj.name)

    def _apply_text(self, q: Any, raw: str) -> Any:
        # The catalogue is small (hundreds of rows): a substring match is enough. `%` and `_`
        # are text here, not LIKE wildcards.
        needle = clean_text(raw)
        return q.where(or_(m.Product.name.contains(needle, autoescape=True),
                           m.Product.sku.contains(needle, autoescape=True)))
