"""Encrypted backup files: a passphrase, scrypt, and AES-256-GCM in chunks (no Qt).

Layout (version 1), every integer big-endian:

    magic     8 bytes  b"CRMDBAK\\x00"
    version   1 byte   1
    log2 N    1 byte   scrypt cost (N = 2 ** log2 N), r 1 byte, p 1 byte
    chunk     4 bytes  plaintext bytes per chunk
    length    8 bytes  plaintext bytes in all (a file cut short is told from a damaged one)
    salt     16 bytes  scrypt salt
    prefix    7 bytes  random start of every chunk's nonce
    check    32 bytes  HMAC-SHA256 of the header above under the check key

then chunks of `chunk` plaintext bytes (the last one shorter, possibly empty), each
AES-GCM(ciphertext + 16-byte tag) under the data key with nonce = prefix + chunk index (4
bytes) + 1 if it is the last chunk else 0, and the header as associated data.

scrypt turns the passphrase into 64 bytes: the data key and the check key. The check tells
a wrong passphrase (or a changed header) apart from damaged data; the chunk index in the
nonce refuses reordered chunks; the "last" flag refuses a file cut at a chunk boundary. A
large database is never held in memory: one chunk at a time.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from crm_desktop.domain.errors import CrmError

MAGIC = b"CRMDBAK\x00"
VERSION = 1
CHUNK = 1024 * 1024
TAG = 16
#: scrypt cost: 2**15 x 8 x 1 (32 MB of memory, a tenth of a second here); read from the
#: header, so a later version may raise it and still read older files
LOG_N, R, P = 15, 8, 1
_FIXED = struct.Struct(">8sBBBBIQ16s7s")
HEADER_LEN = _FIXED.size + 32
#: the longest passphrase accepted (scrypt takes anything; a pasted file is a mistake)
MAX_PASSPHRASE = 1024
#: what an encrypted backup's name ends with
SUFFIX = ".crmbak"


class BackupFileError(CrmError):
    """A backup that cannot be read; `code` says why (text/backup_texts.py words it):
    not_backup, version, passphrase, damaged, truncated, not_database, newer, empty."""

    def __init__(self, code: str, detail: str = ""):
        from crm_desktop.text.backup_texts import error_text

        super().__init__(error_text(code, "en", detail))
        self.code = code
        self.detail = detail

    def message(self, lang: str = "en") -> str:
        from crm_desktop.text.backup_texts import error_text

        return error_text(self.code, lang, self.detail)


def is_encrypted(path: Path) -> bool:
    try:
        with Path(path).open("rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _keys(passphrase: str, salt: bytes, log_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    if not isinstance(passphrase, str) or not passphrase:
        raise BackupFileError("passphrase", "a passphrase is needed")
    if len(passphrase) > MAX_PASSPHRASE:
        raise BackupFileError("passphrase", "the passphrase is too long")
    if not (10 <= log_n <= 22 and 1 <= r <= 32 and 1 <= p <= 16):
        raise BackupFileError("version", "unsupported key-derivation settings")
    try:
        secret = passphrase.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no passphrase anyone could type
        raise BackupFileError("passphrase", "the passphrase is not valid text") from None
    key = hashlib.scrypt(secret, salt=salt, n=2 ** log_n, r=r, p=p,
                         maxmem=2 ** (log_n + 7) * r * 2 + 1024 * 1024, dklen=64)
    return key[:32], key[32:]


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


def encrypt_file(src: Path, dest: Path, passphrase: str, *,
                 cancel: Callable[[], bool] | None = None, chunk: int = CHUNK) -> None:
    """Write `src` encrypted to `dest` (which the caller created private)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, prefix = os.urandom(16), os.urandom(7)
    data_key, check_key = _keys(passphrase, salt, LOG_N, R, P)
    length = Path(src).stat().st_size
    fixed = _FIXED.pack(MAGIC, VERSION, LOG_N, R, P, chunk, length, salt, prefix)
    header = fixed + hmac.new(check_key, fixed, hashlib.sha256).digest()
    aead = AESGCM(data_key)
    with Path(src).open("rb") as fin, Path(dest).open("wb") as fout:
        fout.write(header)
        index = 0
        block = fin.read(chunk)
        while True:
            following = fin.read(chunk) if len(block) == chunk else b""
            last = not following
            fout.write(aead.encrypt(_nonce(prefix, index, last), block, header))
            if last:
                break
            if index >= 0xFFFFFFFE:
                raise BackupFileError("damaged", "the database is too large to encrypt")
            index, block = index + 1, following
            if cancel is not None and cancel():
                raise BackupFileError("damaged", "cancelled")
        fout.flush()
        os.fsync(fout.fileno())


def encrypted_size(length: int, chunk: int) -> int:
    """The size of an encrypted file holding `length` plaintext bytes."""
    chunks = length // chunk + 1 if length % chunk or not length else length // chunk
    return HEADER_LEN + length + chunks * TAG


def read_header(fh: BinaryIO, passphrase: str) -> tuple[bytes, int, bytes, bytes]:
    """(header, chunk size, prefix, data key) after checking magic, version, length and
    passphrase."""
    fixed = fh.read(_FIXED.size)
    if len(fixed) < len(MAGIC) or fixed[:len(MAGIC)] != MAGIC:
        raise BackupFileError("not_backup")
    if len(fixed) < _FIXED.size:
        raise BackupFileError("truncated")
    _magic, version, log_n, r, p, chunk, length, salt, prefix = _FIXED.unpack(fixed)
    if version != VERSION:
        raise BackupFileError("version", f"format version {version}")
    if not 1 <= chunk <= 64 * CHUNK:
        raise BackupFileError("damaged", "bad chunk size")
    check = fh.read(32)
    if len(check) < 32:
        raise BackupFileError("truncated")
    data_key, check_key = _keys(passphrase, salt, log_n, r, p)
    if not hmac.compare_digest(check, hmac.new(check_key, fixed, hashlib.sha256).digest()):
        raise BackupFileError("passphrase")
    size = os.fstat(fh.fileno()).st_size
    expected = encrypted_size(length, chunk)
    if size < expected:
        raise BackupFileError("truncated")
    if size > expected:
        raise BackupFileError("damaged", "bytes added at the end")
    return fixed + check, chunk, prefix, data_key


def decrypt_file(src: Path, dest: Path, passphrase: str) -> None:
    """Write the plaintext of `src` to `dest` (which the caller created private); a wrong
    passphrase, a changed byte or a cut file is a BackupFileError and `dest` is emptied."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        with Path(src).open("rb") as fin, Path(dest).open("wb") as fout:
            header, chunk, prefix, data_key = read_header(fin, passphrase)
            aead = AESGCM(data_key)
            index = 0
            block = fin.read(chunk + TAG)
            while True:
                if len(block) < TAG:
                    raise BackupFileError("truncated")
                following = fin.read(chunk + TAG) if len(block) == chunk + TAG else b""
                last = not following
                try:
                    plain = aead.decrypt(_nonce(prefix, index, last), block, header)
                except InvalidTag:
                    if last:
                        # the file ends here: either the last chunk was cut off (it was
                        # written as "not last") or a byte of it changed
                        try:
                            aead.decrypt(_nonce(prefix, index, False), block, header)
                        except InvalidTag:
                            raise BackupFileError("damaged") from None
                        raise BackupFileError("truncated") from None
                    raise BackupFileError("damaged") from None
                fout.write(plain)
                if last:
                    break
                index, block = index + 1, following
    except BackupFileError:
        Path(dest).write_bytes(b"")
        raise
    except OSError as exc:
        Path(dest).write_bytes(b"") if Path(dest).exists() else None
        raise BackupFileError("damaged", exc.strerror or str(exc)) from exc
