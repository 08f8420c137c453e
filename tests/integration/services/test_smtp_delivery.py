"""E-mail over SMTP to a real local server (aiosmtpd on 127.0.0.1): delivered, wrong
password, refused recipient, unreachable server, STARTTLS and SSL; the password lives in
the keyring (a test backend), never in the database; without a keyring, a clear error."""

from __future__ import annotations

import socket
import ssl
from email import message_from_bytes, policy
from pathlib import Path

import keyring
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from crm_desktop.core import Core
from crm_desktop.services import delivery, secrets
from crm_desktop.services.delivery import Outgoing, SmtpDelivery
from tests.memory_keyring import MemoryKeyring

USER, PASSWORD = "shop@example.com", "s3cret-pass"


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("nobody@"):
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted"


def _check_login(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == USER
          and auth_data.password.decode() == PASSWORD)
    return AuthResult(success=ok, handled=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, made with `cryptography` (no openssl
    program needed on the machine)."""
    import ipaddress
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(key, hashes.SHA256()))
    folder = tmp_path_factory.mktemp("tls")
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.TraditionalOpenSSL,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def _server(mailbox: Mailbox, **kwargs) -> Controller:
    controller = Controller(mailbox, hostname="127.0.0.1", port=_free_port(),
                            authenticator=_check_login, **kwargs)
    controller.start()
    return controller


MAIL = Outgoing(1, "email", "ali@example.com", "تخفیف یلدا", "سلام علی، تخفیف ۲۰٪")


def test_delivered_with_login_and_persian_text() -> None:
    mailbox = Mailbox()
    server = _server(mailbox, auth_require_tls=False)
    try:
        smtp = SmtpDelivery("127.0.0.1", server.port, "none", USER, PASSWORD, USER, timeout=5)
        ref = smtp.send(MAIL)
        smtp.close()
    finally:
        server.stop()
    assert ref and ref.startswith("<")
    (rcpt, raw), = mailbox.messages
    mail = message_from_bytes(raw, policy=policy.default)
    assert rcpt == ["ali@example.com"]
    assert mail["Subject"] == "تخفیف یلدا"
    assert mail.get_content().strip() == "سلام علی، تخفیف ۲۰٪"


def test_wrong_password_refused_recipient_and_unreachable_server() -> None:
    mailbox = Mailbox()
    server = _server(mailbox, auth_require_tls=False)
    try:
        wrong = SmtpDelivery("127.0.0.1", server.port, "none", USER, "nope", USER, timeout=5)
        with pytest.raises(delivery.DeliveryError) as info:
            wrong.send(MAIL)
        assert info.value.code == "auth" and info.value.permanent
        good = SmtpDelivery("127.0.0.1", server.port, "none", USER, PASSWORD, USER, timeout=5)
        with pytest.raises(delivery.DeliveryError) as info:
            good.send(Outgoing(2, "email", "nobody@example.com", "x", "y"))
        assert info.value.code == "rejected" and info.value.permanent
        assert "550" in info.value.text
        # the connection is still good for the next recipient
        assert good.send(MAIL)
        good.close()
    finally:
        server.stop()
    closed = SmtpDelivery("127.0.0.1", _free_port(), "none", "", None, USER, timeout=2)
    with pytest.raises(delivery.DeliveryError) as info:
        closed.send(MAIL)
    assert info.value.code == "unreachable" and not info.value.permanent


def test_starttls_and_ssl(certificate: tuple[Path, Path]) -> None:
    cert, key = certificate
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    client_tls = ssl.create_default_context(cafile=str(cert))
    mailbox = Mailbox()
    server = _server(mailbox, tls_context=server_tls, require_starttls=True)
    try:
        smtp = SmtpDelivery("127.0.0.1", server.port, "starttls", USER, PASSWORD, USER,
                            timeout=5, context=client_tls)
        assert smtp.send(MAIL)
        smtp.close()
        # without STARTTLS the server refuses
        plain = SmtpDelivery("127.0.0.1", server.port, "none", USER, PASSWORD, USER,
                             timeout=5)
        with pytest.raises(delivery.DeliveryError):
            plain.send(MAIL)
    finally:
        server.stop()
    mailbox_ssl = Mailbox()
    server = Controller(mailbox_ssl, hostname="127.0.0.1", port=_free_port(),
                        ssl_context=server_tls, authenticator=_check_login,
                        auth_require_tls=False)  # implicit TLS: aiosmtpd does not see it
    server.start()
    try:
        smtp = SmtpDelivery("127.0.0.1", server.port, "ssl", USER, PASSWORD, USER,
                            timeout=5, context=client_tls)
        assert smtp.send(MAIL)
        smtp.close()
    finally:
        server.stop()
    assert len(mailbox.messages) == 1 and len(mailbox_ssl.messages) == 1


@pytest.mark.sqlite_only("reads the database file's bytes")
def test_sending_from_the_settings_with_the_password_in_the_keyring(
        core: Core, db_path: Path, memory_keyring: None) -> None:
    mailbox = Mailbox()
    server = _server(mailbox, auth_require_tls=False)
    try:
        core.settings.set_sending({"email_delivery": "smtp", "smtp_host": "127.0.0.1",
                                   "smtp_port": server.port, "smtp_security": "none",
                                   "smtp_username": USER, "smtp_sender": USER})
        secrets.store(secrets.smtp_name(USER, "127.0.0.1"), PASSWORD)
        contact = core.contacts.create({"first_name": "علی", "email": "ali@example.com",
                                        "email_consent": True})
        lid = core.lists.create({"name": "ایمیل"})
        core.lists.add_members(lid, [contact])
        cid = core.campaigns.create({"name": "خبرنامه", "channel": "email"})
        core.campaigns.add_target(cid, list_id=lid)
        core.campaigns.add_members_from_targets(cid)
        msg = core.outbox.save_message(cid, "email", "سلام {first_name}", "خبر {city}")
        core.outbox.queue(msg)
        report = core.outbox.send_due(delivery.deliveries(core.settings.sending()))
    finally:
        server.stop()
    assert report.sent == 1 and len(mailbox.messages) == 1
    core.close()
    assert PASSWORD.encode() not in db_path.read_bytes()


def test_without_a_keyring_nothing_is_stored_and_the_error_says_why(core: Core) -> None:
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    try:
        assert not secrets.available()
        with pytest.raises(secrets.NoKeyring):
            secrets.store(secrets.smtp_name(USER, "mail.example.com"), PASSWORD)
        core.settings.set_sending({"email_delivery": "smtp", "smtp_host": "mail.example.com",
                                   "smtp_username": USER, "smtp_sender": USER})
        smtp = delivery.deliveries(core.settings.sending())["email"]
        with pytest.raises(delivery.DeliveryError) as info:
            smtp.send(MAIL)
        assert info.value.code == "no_password" and info.value.permanent
    finally:
        keyring.set_keyring(MemoryKeyring())
