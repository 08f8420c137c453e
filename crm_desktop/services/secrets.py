"""Passwords and API keys of the deliveries, kept in the operating system's keyring
(Windows Credential Manager, macOS Keychain, Secret Service on Linux) through the `keyring`
package, never in the database.

Where no keyring exists (a Linux machine without a desktop session: keyring's "fail"
backend), nothing is stored: `store` raises NoKeyring with a message saying so, and the
delivery that needs the secret fails with a readable "no_password" error.
"""

from __future__ import annotations

import contextlib

SERVICE = "crm-desktop"


class NoKeyring(Exception):
    """The system offers no keyring: the secret was not stored."""


def _backend():
    import keyring  # imported when a secret is first needed (start-up stays light)

    return keyring.get_keyring()


def available() -> bool:
    """True when a usable keyring backend exists."""
    try:
        backend = _backend()
    except Exception:  # a broken keyring configuration is no keyring
        return False
    from keyring.backends import fail

    return not isinstance(backend, fail.Keyring) and backend.priority > 0


def store(name: str, secret: str) -> None:
    """Keep `secret` under `name`; an empty secret removes it. Raises NoKeyring."""
    if not available():
        raise NoKeyring(name)
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        if secret:
            keyring.set_password(SERVICE, name, secret)
        else:
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(SERVICE, name)
    except KeyringError as exc:
        raise NoKeyring(name) from exc


def load(name: str) -> str | None:
    """The secret kept under `name`, or None (none stored, or no keyring)."""
    if not available():
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, name)
    except KeyringError:
        return None


def smtp_name(username: str, host: str) -> str:
    return f"smtp:{username}@{host}"


def sms_key_name(url: str) -> str:
    return f"sms-api-key:{url}"
