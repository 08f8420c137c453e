"""Companies and organisations."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.models.base import nullable_sort
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import fields as f
from crm_desktop.services.base import EntityService
from crm_desktop.services.distinct import distinct_values
from crm_desktop.text.collation import sort_key
from crm_desktop.text.normalize import search_key, search_name_key

Owner = aliased(m.User)


def account_search_text(a: Any) -> tuple[str, str]:
    """(name part, other part) of the search index for a company."""
    numbers = [p for p in (a.phone, a.fax) if p]
    other = " ".join([*numbers, a.legal_id or "", a.economic_code or "", a.email or "",
                      a.city or ""])
    return search_name_key(a.name), search_key(other)


class AccountService(EntityService[m.Account]):
    model = m.Account
    edit_perm = Perm.EDIT_CONTACTS
    soft_delete = True
    searchable = True
    compiled_lists = True  # no filter reads the clock
    live_count = True  # db/live_counts.py
    fields: ClassVar = {
        "name": f.Field(f.text(200), required=True),
        "legal_id": f.Field(f.legal_id),
        "economic_code": f.Field(f.economic_code),
        "registration_no": f.Field(f.text(20)),
        "phone": f.Field(f.phone),
        "fax": f.Field(f.phone),
        "email": f.Field(f.email),
        "website": f.Field(f.text(200)),
        "industry": f.Field(f.text(100)),
        "city": f.Field(f.text(100)),
        "address": f.Field(f.multiline(500)),
        "postal_code": f.Field(f.postal_code),
        "owner_id": f.Field(f.reference),
        "notes": f.Field(f.multiline()),
    }
    references: ClassVar = {"owner_id": m.User}
    sort_columns: ClassVar = {
        "name": m.Account.sort_key,
        "city": nullable_sort(m.Account.city),
        "industry": nullable_sort(m.Account.industry),
        "owner": nullable_sort(Owner.display_name),
        "created": m.Account.created_at,
    }
    filter_columns: ClassVar = {
        "city": m.Account.city,
        "industry": m.Account.industry,
        "owner_id": m.Account.owner_id,
    }

    def _derive(self, obj: Any) -> None:
        obj.sort_key = sort_key(obj.name)
        obj.search_name, obj.search_other = account_search_text(obj)

    def _after_write(self, session: Session, obj: Any) -> None:
        # contacts sort by their company's name through a copy of its sort key
        session.execute(
            update(m.Contact)
            .where(m.Contact.account_id == obj.id, m.Contact.account_sort != obj.sort_key)
            .values(account_sort=obj.sort_key)
            .execution_options(synchronize_session=False)
        )

    def cities(self) -> list[str]:
        """The cities live companies are in, in Persian alphabetical order (for a filter)."""
        with self.db.read() as session:
            # a seek per city over the city index, not a DISTINCT over every row
            cities = distinct_values(session, "accounts", "city", "deleted_at IS NULL")
        return sorted(cities, key=sort_key)

    def options(self) -> list[tuple[int, str]]:
        """(id, name) of every live company in alphabetical order, for pickers."""
        a = m.Account
        q = select(a.id, a.name).where(a.deleted_at.is_(None)).order_by(a.sort_key, a.id)
        with self.db.read() as session:
            return [(r.id, r.name) for r in session.execute(q)]

    def _id_select(self) -> Select[Any]:
        # the owner sort reads the owner's name (a few thousand companies: no copy needed)
        return select(m.Account.id).outerjoin(Owner, Owner.id == m.Account.owner_id)

    def _list_select(self) -> Select[Any]:
        a = m.Account
        n_contacts = (
            select(func.count())
            .where(m.Contact.account_id == a.id, m.Contact.deleted_at.is_(None))
            .scalar_subquery()
        )
        return (
            select(
                a.id, a.name, a.phone, a.city, a.industry, a.owner_id, a.created_at,
                a.deleted_at, Owner.display_name.label("owner"),
                n_contacts.label("contacts"),
            )
            .select_from(a)
            .outerjoin(Owner, Owner.id == a.owner_id)
        )
