"""Where a database lives: a file, or postgresql://USER@HOST:PORT/NAME."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.db.location import is_server, parse_location
from crm_desktop.domain.errors import DatabaseError


def test_a_path_is_a_file():
    loc = parse_location("crm.sqlite3")
    assert loc.kind == "sqlite" and loc.path == Path("crm.sqlite3").absolute()
    assert not is_server("crm.sqlite3") and not is_server(Path("x"))


@pytest.mark.parametrize("typed", ["postgresql://crm@db.local:5433/shop",
                                   "postgres://crm@db.local:5433/shop",
                                   "postgresql+psycopg://crm@db.local:5433/shop"])
def test_a_server_address(typed):
    loc = parse_location(typed)
    assert is_server(typed) and loc.is_server
    assert (loc.user, loc.host, loc.port, loc.name) == ("crm", "db.local", 5433, "shop")
    assert loc.display() == "postgresql://crm@db.local:5433/shop"
    assert loc.url().startswith("postgresql+psycopg://crm@db.local:5433/shop")


def test_the_password_is_never_shown():
    loc = parse_location("postgresql://crm:s3cret@db.local/shop")
    assert loc.port == 5432 and loc.password == "s3cret"
    assert "s3cret" not in loc.display() and "s3cret" not in loc.key()
    assert "s3cret" not in loc.url(with_password=False) and "s3cret" in loc.url()


@pytest.mark.parametrize("typed", ["postgresql://crm@host", "postgresql://crm@host:99999/x",
                                   "postgresql://crm@host:port/x", "postgresql://h/a/b"])
def test_malformed_addresses_say_so(typed):
    with pytest.raises(DatabaseError):
        parse_location(typed)


@given(st.text(max_size=80))
def test_any_text_after_the_scheme_is_an_address_or_our_error(tail):
    try:
        loc = parse_location("postgresql://" + tail)
    except DatabaseError:
        return
    assert loc.is_server and loc.name
