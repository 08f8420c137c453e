"""Where a database lives: a file on this computer (SQLite) or a PostgreSQL server.

Everywhere a database path is accepted (`--db`, File > Open, the last opened database),
`postgresql://USER@HOST:PORT/NAME` names a database on a server instead. The password is
never part of what is shown or remembered: it comes from the URL as typed, PGPASSWORD or
~/.pgpass (libpq reads both), the keyring or a prompt (ui)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from crm_desktop.domain.errors import DatabaseError

SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
DEFAULT_PORT = 5432


def is_server(target: object) -> bool:
    """Whether `target` (a path, a URL or a Location) names a PostgreSQL database."""
    if isinstance(target, Location):
        return target.kind == "postgresql"
    return isinstance(target, str) and target.strip().lower().startswith(SCHEMES)


@dataclass(frozen=True)
class Location:
    """A database: `kind` "sqlite" with `path`, or "postgresql" with its server fields."""

    kind: Literal["sqlite", "postgresql"]
    path: Path | None = None
    user: str | None = None
    host: str | None = None
    port: int = DEFAULT_PORT
    name: str | None = None
    #: typed in the URL itself (kept for the connection only, never shown or stored)
    password: str | None = None

    @property
    def is_server(self) -> bool:
        return self.kind == "postgresql"

    def url(self, *, with_password: bool = True) -> str:
        """The SQLAlchemy URL (psycopg 3 for a server)."""
        if self.kind == "sqlite":
            return f"sqlite:///{self.path}"
        from sqlalchemy.engine import URL

        return URL.create("postgresql+psycopg", username=self.user,
                          password=self.password if with_password else None,
                          host=self.host, port=self.port, database=self.name
                          ).render_as_string(hide_password=False)

    def display(self) -> str:
        """What the window and messages show: the file, or postgresql://user@host:port/name
        (never the password)."""
        if self.kind == "sqlite":
            return str(self.path)
        who = f"{self.user}@" if self.user else ""
        return f"postgresql://{who}{self.host}:{self.port}/{self.name}"

    def key(self) -> str:
        """The same string for the same database however it was typed (per-database caches,
        the keyring, the user a process signed in as)."""
        return self.display()

    def __str__(self) -> str:
        return self.display()


def parse_location(target: str | Path | Location) -> Location:
    """A Location from what the user typed or a path. DatabaseError (naming what is wrong)
    for a malformed server address."""
    if isinstance(target, Location):
        return target
    if not is_server(target):
        return Location("sqlite", path=Path(target).expanduser().absolute())
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    text = str(target).strip()
    if "\x00" in text or len(text) > 2048:
        raise DatabaseError("the server address is not valid")
    try:
        url = make_url("postgresql" + text[text.index("://"):])
        port = url.port or DEFAULT_PORT
    except (ArgumentError, ValueError) as exc:
        raise DatabaseError(f"the server address is not valid: {exc}") from exc
    if not url.database or "/" in url.database:
        raise DatabaseError("the server address names no database: "
                            "postgresql://USER@HOST:PORT/NAME")
    if not 0 < port < 65536:
        raise DatabaseError(f"the server port {port} is not valid (1-65535)")
    return Location("postgresql", user=url.username, host=url.host or "localhost", port=port,
                    name=url.database, password=url.password)
