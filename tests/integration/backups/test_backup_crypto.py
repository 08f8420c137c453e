"""Encrypted backups: a round trip gives the same bytes; a wrong passphrase, a changed
byte, a cut file and a file that is no backup are each a distinct, clear error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.services import backup_crypto as crypto
from crm_desktop.services.backup_crypto import BackupFileError

SMALL = 64  # bytes per chunk in these tests: many chunks from a small file


def _encrypted(tmp_path: Path, data: bytes, passphrase: str = "رمز خوب") -> Path:
    src, dest = tmp_path / "plain", tmp_path / "enc.crmbak"
    src.write_bytes(data)
    crypto.encrypt_file(src, dest, passphrase, chunk=SMALL)
    return dest


def _decrypt(tmp_path: Path, path: Path, passphrase: str = "رمز خوب") -> bytes:
    out = tmp_path / "out"
    crypto.decrypt_file(path, out, passphrase)
    return out.read_bytes()


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.binary(max_size=5 * SMALL + 3))
def test_round_trip_of_any_size(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    tmp = tmp_path_factory.mktemp("rt")
    enc = _encrypted(tmp, data)
    assert crypto.is_encrypted(enc)
    assert len(data) < 24 or data not in enc.read_bytes()  # short ones occur by chance
    assert _decrypt(tmp, enc) == data


def test_wrong_passphrase_is_its_own_error(tmp_path: Path) -> None:
    enc = _encrypted(tmp_path, os.urandom(300))
    with pytest.raises(BackupFileError) as info:
        _decrypt(tmp_path, enc, "رمز بد")
    assert info.value.code == "passphrase"
    assert "Wrong passphrase" in str(info.value)
    assert "عبارت عبور نادرست" in info.value.message("fa")
    assert (tmp_path / "out").read_bytes() == b""  # nothing half-decrypted is left


@pytest.mark.parametrize("where", [crypto.HEADER_LEN + 5, crypto.HEADER_LEN + SMALL + 20,
                                   -1, -17])
def test_a_changed_byte_is_damage(tmp_path: Path, where: int) -> None:
    enc = _encrypted(tmp_path, os.urandom(3 * SMALL + 10))
    data = bytearray(enc.read_bytes())
    data[where] ^= 0x01
    enc.write_bytes(bytes(data))
    with pytest.raises(BackupFileError) as info:
        _decrypt(tmp_path, enc)
    assert info.value.code == "damaged"


@pytest.mark.parametrize("keep", [1, 10, crypto.HEADER_LEN - 1, crypto.HEADER_LEN,
                                  crypto.HEADER_LEN + SMALL + crypto.TAG,  # a chunk boundary
                                  crypto.HEADER_LEN + 2 * (SMALL + crypto.TAG) + 3])
def test_a_cut_file_is_truncated(tmp_path: Path, keep: int) -> None:
    enc = _encrypted(tmp_path, os.urandom(3 * SMALL + 10))
    enc.write_bytes(enc.read_bytes()[:keep])
    with pytest.raises(BackupFileError) as info:
        _decrypt(tmp_path, enc)
    assert info.value.code == ("not_backup" if keep < len(crypto.MAGIC) else "truncated")


def test_whole_chunks_dropped_with_the_length_edited_to_agree_are_refused(
        tmp_path: Path) -> None:
    """Dropping the last chunk and editing the header's length to match changes the
    header, which its check refuses (as a wrong passphrase: the header is what the
    passphrase is checked against)."""
    import struct

    enc = _encrypted(tmp_path, os.urandom(3 * SMALL))
    data = bytearray(enc.read_bytes()[:crypto.HEADER_LEN + 2 * (SMALL + crypto.TAG)])
    at = len(crypto.MAGIC) + 4 + 4  # magic, version, scrypt's three bytes, chunk size
    data[at:at + 8] = struct.pack(">Q", 2 * SMALL)
    enc.write_bytes(bytes(data))
    with pytest.raises(BackupFileError) as info:
        _decrypt(tmp_path, enc)
    assert info.value.code == "passphrase"


def test_bytes_added_at_the_end_are_damage(tmp_path: Path) -> None:
    enc = _encrypted(tmp_path, os.urandom(100))
    enc.write_bytes(enc.read_bytes() + b"x")
    with pytest.raises(BackupFileError) as info:
        _decrypt(tmp_path, enc)
    assert info.value.code == "damaged"


def test_chunks_swapped_are_damage(tmp_path: Path) -> None:
    enc = _encrypted(tmp_path, os.urandom(3 * SMALL))
    data = enc.read_bytes()
    h, c = crypto.HEADER_LEN, SMALL + crypto.TAG
    enc.write_bytes(data[:h] + data[h + c:h + 2 * c] + data[h:h + c] + data[h + 2 * c:])
    with pytest.raises(BackupFileError) as info:
        _decrypt(tmp_path, enc)
    assert info.value.code == "damaged"


def test_a_file_that_is_no_backup(tmp_path: Path) -> None:
    other = tmp_path / "photo.jpg"
    other.write_bytes(b"\xff\xd8\xff" + os.urandom(200))
    assert not crypto.is_encrypted(other)
    with pytest.raises(BackupFileError) as info:
        _decrypt(tmp_path, other)
    assert info.value.code == "not_backup"


def test_a_newer_format_version_is_named(tmp_path: Path) -> None:
    enc = _encrypted(tmp_path, b"data")
    data = bytearray(enc.read_bytes())
    data[len(crypto.MAGIC)] = 9
    enc.write_bytes(bytes(data))
    with pytest.raises(BackupFileError) as info:
        _decrypt(tmp_path, enc)
    assert info.value.code == "version"


def test_an_empty_passphrase_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "plain"
    src.write_bytes(b"x")
    with pytest.raises(BackupFileError):
        crypto.encrypt_file(src, tmp_path / "e", "")
