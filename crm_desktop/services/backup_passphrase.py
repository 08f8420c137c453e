"""Where the passphrase of automatic encrypted backups is kept (no Qt).

Never in the database, never in a file. The user chooses, when turning encryption on: the
operating system's keyring (services/secrets.py: Windows Credential Manager, macOS
Keychain, Secret Service), so that backups on exit and daily need nobody at the keyboard;
or only this session's memory, asked for again after the next start. Where there is no
keyring the second is the only choice, said so, never a silent fallback to a file."""

from __future__ import annotations

import contextlib
from pathlib import Path

from crm_desktop.db.location import Location, parse_location
from crm_desktop.services import secrets


def key_name(db: Path | str | Location) -> str:
    """The keyring's name for a database's passphrase: its file, or the server database's
    key (user@host:port/name, never a password)."""
    location = parse_location(db)
    if location.is_server:
        return f"backup-passphrase:{location.key()}"
    return f"backup-passphrase:{Path(location.path).expanduser().absolute()}"  # type: ignore[arg-type]


class PassphraseKeeper:
    def __init__(self) -> None:
        self._session: dict[str, str] = {}

    def get(self, db_path: Path | Location) -> str | None:
        name = key_name(db_path)
        return self._session.get(name) or secrets.load(name)

    def remember(self, db_path: Path | Location, passphrase: str, *, in_keyring: bool) -> bool:
        """Keep `passphrase` for this session, and in the keyring when asked and possible;
        True when the keyring has it."""
        name = key_name(db_path)
        self._session[name] = passphrase
        if not in_keyring:
            return False
        try:
            secrets.store(name, passphrase)
        except secrets.NoKeyring:
            return False
        return True

    def forget(self, db_path: Path | Location) -> None:
        name = key_name(db_path)
        self._session.pop(name, None)
        with contextlib.suppress(secrets.NoKeyring):
            secrets.store(name, "")
