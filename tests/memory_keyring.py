"""A keyring backend that keeps secrets in this process only: every test uses it
(PYTHON_KEYRING_BACKEND in tests/conftest.py), never the developer's real keyring."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

STORE: dict[tuple[str, str], str] = {}


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]  # keyring declares it as a class property

    def get_password(self, service: str, username: str) -> str | None:
        return STORE.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        STORE[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if STORE.pop((service, username), None) is None:
            raise PasswordDeleteError(username)
