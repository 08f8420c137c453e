"""The password of a server database, and whether the server lets us in (no Qt).

Where the password comes from, in order: typed in the address itself; PGPASSWORD or
~/.pgpass (libpq reads both when no password is given: a connection that works without
one needs nothing more); this computer's keyring when the user asked to remember it
(services/secrets.py, under the database's key, never the password in a file or in the
program's settings); else the "connect to a server" dialog asks."""

from __future__ import annotations

import contextlib
import dataclasses
import os
from dataclasses import dataclass

from crm_desktop.db.location import DEFAULT_PORT, Location, is_server, parse_location
from crm_desktop.services import secrets

__all__ = ["DEFAULT_PORT", "ConnectFailed", "Location", "is_server", "parse_location",
           "server"]

#: what can go wrong when connecting, as the dialog says it (ui/dialogs/server_dialog.py)
REASONS = ("password", "unreachable", "no_database", "other")


@dataclass
class ConnectFailed(Exception):
    """The server did not let us in: `reason` is one of REASONS, `detail` the server's words."""

    reason: str
    detail: str

    def __str__(self) -> str:
        return self.detail


def server(host: str, port: int, name: str, user: str, password: str | None = None
           ) -> Location:
    """The Location of a database on a server, from the dialog's fields."""
    return Location("postgresql", host=host.strip() or "localhost", port=port,
                    name=name.strip(), user=user.strip() or None, password=password or None)


def key_name(location: Location) -> str:
    return f"server-password:{location.key()}"


def remembered(location: Location) -> str | None:
    """The password this computer's keyring keeps for the database, or None."""
    return secrets.load(key_name(location))


def remember(location: Location, password: str) -> None:
    """Keep the password in the keyring (secrets.NoKeyring when there is none)."""
    secrets.store(key_name(location), password)


def forget(location: Location) -> None:
    with contextlib.suppress(secrets.NoKeyring):
        secrets.store(key_name(location), "")


def _reason(message: str) -> str:
    text = message.lower()
    if "password" in text or "authentication" in text:
        return "password"
    if "does not exist" in text and "database" in text:
        return "no_database"
    if any(w in text for w in ("connection refused", "could not translate", "timeout",
                               "timed out", "no route", "name or service", "unreachable",
                               "could not connect", "network")):
        return "unreachable"
    return "other"


def probe(location: Location, timeout: int = 8) -> None:
    """Connect once and leave (ConnectFailed saying why when the server refuses or cannot
    be reached). Without a password in `location`, libpq tries PGPASSWORD and ~/.pgpass."""
    import psycopg

    try:
        conn = psycopg.connect(host=location.host, port=location.port, dbname=location.name,
                               user=location.user or None, password=location.password,
                               connect_timeout=timeout, application_name="crm-desktop")
    except psycopg.Error as exc:
        message = str(exc).strip() or type(exc).__name__
        raise ConnectFailed(_reason(message), message.splitlines()[-1]) from exc
    except (OSError, ValueError) as exc:
        raise ConnectFailed("unreachable", str(exc)) from exc
    conn.close()


def with_known_password(location: Location) -> tuple[Location, str | None]:
    """`location` with the password we know for it (the address's, else the keyring's),
    and where it came from: "address", "keyring", "libpq" (PGPASSWORD is set or a
    ~/.pgpass exists: libpq may know it) or None (nobody: the dialog asks, unless the
    server needs none)."""
    if location.password:
        return location, "address"
    kept = remembered(location)
    if kept:
        return dataclasses.replace(location, password=kept), "keyring"
    pgpass = os.environ.get("PGPASSFILE") or os.path.expanduser("~/.pgpass")
    if os.environ.get("PGPASSWORD") or os.path.isfile(pgpass):
        return location, "libpq"
    return location, None
