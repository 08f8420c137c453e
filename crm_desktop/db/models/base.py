"""Declarative base and the column groups most tables share."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from crm_desktop.db.types import UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Integer primary keys that SQLite turns into the rowid (BigInteger would not); 64 bits on
#: PostgreSQL as on SQLite (its INTEGER is 32 bits: an id the services accept, up to
#: 2**63 - 1, must be a number the column can be compared with, found or not).
#: db/dialects.finish_upgrade widens the columns the migrations made.
IdColumn = Integer().with_variant(BigInteger(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar = {datetime: UTCDateTime(), int: BigInteger()}


def nullable_sort(column: Any) -> ColumnElement[str]:
    """A nullable column as a list sort key: NULL sorts as '' (first when ascending).

    Rendered as `coalesce(col, '')` so that SQLite uses the matching expression index
    (see `sort_index`); the result is read as text, whatever the column type (on
    PostgreSQL a date or an instant is turned into the text SQLite stores: db/sql.py).
    """
    from crm_desktop.db.sql import sort_text

    return sort_text(column)


#: Lists show live records only: their indexes leave the Trash out (partial indexes), so
#: counting and paging walk small covering indexes.
LIVE = "deleted_at IS NULL"


def live_index(*columns: str) -> Index:
    """An index over the live (not soft-deleted) rows, used by list sorts and filters."""
    return Index(None, *columns, sqlite_where=text(LIVE))


def sort_index(table: str, column: str, *, live: bool = False) -> Index:
    """The expression index that pages sorted by `nullable_sort(column)` walk."""
    where = {"sqlite_where": text(LIVE)} if live else {}
    return Index(f"ix_{table}_{column}_sort", text(f"coalesce({column}, '')"), "id", **where)


class IdMixin:
    id: Mapped[int] = mapped_column(IdColumn, primary_key=True)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CreatorMixin:
    @declared_attr
    def created_by_id(cls) -> Mapped[int | None]:
        return mapped_column(IdColumn, ForeignKey("users.id", ondelete="SET NULL"))


class OwnedMixin(CreatorMixin):
    @declared_attr
    def owner_id(cls) -> Mapped[int | None]:
        return mapped_column(IdColumn, ForeignKey("users.id", ondelete="SET NULL"), index=True)


class VersionMixin:
    """A record a user edits in a form: `version` goes up by one with every write of the
    row (SQLAlchemy's version counter: the UPDATE says WHERE version = :as_read and a row
    changed meanwhile raises StaleDataError), so a form that sends the version it loaded
    is refused when someone saved the record after it opened (services/versions.py).
    Core UPDATEs of these tables add `version = version + 1` themselves."""

    version: Mapped[int] = mapped_column(BigInteger, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class SoftDeleteMixin:
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class SearchMixin:
    """Normalised text the FTS5 index is built from (see db/search_index.py)."""

    search_name: Mapped[str] = mapped_column(Text, default="")
    search_other: Mapped[str] = mapped_column(Text, default="")


class SortKeyMixin:
    """A precomputed Persian collation key: ORDER BY on it is plain and indexed."""

    sort_key: Mapped[str] = mapped_column(String(400), default="")
