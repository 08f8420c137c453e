"""Password hashing (no Qt): Argon2id for every password set now; the PBKDF2-SHA256 hashes
written by earlier versions still verify, and are replaced by an Argon2id hash the next
time their user signs in (crm_desktop/services/auth.py). A password is never stored,
logged or put in an error message in clear.

Parameters: OWASP's Argon2id baseline (19 MiB of memory, 2 passes, 1 lane), about 0.2 s
per hash on the project's 2-core test machine: slow enough to make guessing expensive, fast
enough that a sign-in does not keep anyone waiting. A hash made with other parameters
verifies and is rehashed with these at the next sign-in.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
from typing import TYPE_CHECKING, Any

from crm_desktop.domain.errors import FieldError, ValidationError

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_PASSWORD = 6
MAX_PASSWORD = 1024
PBKDF2_PREFIX = "pbkdf2_sha256$"


# argon2 (a C library through cffi) and the dummy hash cost about a tenth of a second:
# paid at the first password hashed or checked, not when the program starts
@functools.cache
def _argon2() -> tuple[PasswordHasher, str]:
    """The hasher, and the hash verified against when a username is unknown, so that a
    wrong name takes as long as a wrong password (how long a refusal takes does not tell
    which names exist). Both are made together, whichever path asks first, so that even
    the first refusal costs the same either way."""
    from argon2 import PasswordHasher, Type

    hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, hash_len=32,
                            salt_len=16, type=Type.ID)
    return hasher, hasher.hash("not a password of anyone")


def argon2_hasher() -> PasswordHasher:
    return _argon2()[0]


def _encodable(s: str) -> bool:
    """False for text that UTF-8 cannot encode (a lone surrogate)."""
    try:
        s.encode()
    except UnicodeEncodeError:
        return False
    return True


def password_rule(password: Any, field: str = "password") -> str:
    """`password` when it can be a password (6 to 1,024 characters of text UTF-8 can
    encode, no NUL), else ValidationError naming `field` (the value is never quoted)."""
    if not isinstance(password, str) or not _encodable(password) or "\x00" in password:
        raise ValidationError(FieldError(field, "invalid"))
    if len(password) > MAX_PASSWORD:
        raise ValidationError(FieldError(field, "too_long", {"max": MAX_PASSWORD}))
    if len(password) < MIN_PASSWORD:
        raise ValidationError(FieldError(field, "too_short", {"min": MIN_PASSWORD}))
    return password


def hash_password(password: str) -> str:
    """An Argon2id hash of a password that passed `password_rule`."""
    return argon2_hasher().hash(password)


def _usable(password: Any) -> bool:
    return (isinstance(password, str) and 0 < len(password) <= MAX_PASSWORD
            and _encodable(password))


def verify_password(password: Any, stored: str | None) -> bool:
    """True when `password` matches the stored hash (Argon2id, or an older PBKDF2 one).
    Anything that cannot be a password (too long, not text, a lone surrogate) is False
    after the same work as a wrong one."""
    if not _usable(password):
        password = "\x00"  # still spend the time of one verification
    if not stored:
        _dummy(password)
        return False
    if stored.startswith(PBKDF2_PREFIX):
        return _verify_pbkdf2(password, stored)
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return argon2_hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _dummy(password: str) -> None:
    from argon2.exceptions import VerificationError

    with contextlib.suppress(VerificationError):
        argon2_hasher().verify(_argon2()[1], password)


def _verify_pbkdf2(password: str, stored: str) -> bool:
    try:
        _algo, rounds, salt, digest = stored.split("$")
        n = int(rounds)
        if not 1 <= n <= 10_000_000:
            return False
        check = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), n)
    except ValueError:  # a malformed hash
        return False
    return hmac.compare_digest(check.hex(), digest)


def needs_rehash(stored: str | None) -> bool:
    """True for a hash that is not Argon2id with today's parameters (an older PBKDF2 hash,
    or Argon2 made with other settings): replaced at the next successful sign-in."""
    if not stored or stored.startswith(PBKDF2_PREFIX):
        return True
    from argon2.exceptions import InvalidHashError

    try:
        return argon2_hasher().check_needs_rehash(stored)
    except (InvalidHashError, ValueError):
        return True


def verify_dummy(password: Any) -> None:
    """The work of one verification, for a name that does not exist."""
    _dummy(password if _usable(password) else "\x00")
