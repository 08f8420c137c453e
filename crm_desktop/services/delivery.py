"""How outbox messages leave the program (no Qt): an HTTP SMS gateway in the common Iranian
panel style, e-mail over SMTP, or (for SMS) a CSV/XLSX file the user uploads to a panel.

A delivery sends one message and returns the gateway's reference, or raises DeliveryError
with a code (the key of text.messages.DELIVERY_MESSAGES), a technical detail and whether
trying again later can help. Nothing here raises anything else for a network problem.

Timeouts: a connection that cannot be made (refused, no route, DNS, connect timeout) is
retried later. A request that was sent but got no answer in time may have been delivered,
so it is NOT retried automatically (the user retries it by hand), like a crash mid-send.
"""

from __future__ import annotations

import contextlib
import csv
import json
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.services import fields as f
from crm_desktop.services import secrets

if TYPE_CHECKING:  # the mail and web modules are imported when a message is first sent
    import smtplib
    import ssl
    import urllib.error
    import urllib.request

#: how long a failed message waits before it is tried again (doubling from the start)
BACKOFF_START = timedelta(minutes=1)
BACKOFF_MAX = timedelta(hours=1)


def backoff(attempts: int, retry_after: int | None = None) -> timedelta:
    """The wait before attempt `attempts + 1` (1, 2, 4 ... minutes, at most an hour)."""
    wait = min(BACKOFF_START * (2 ** max(0, min(attempts - 1, 20))), BACKOFF_MAX)
    if retry_after is not None:
        wait = max(wait, min(timedelta(seconds=retry_after), BACKOFF_MAX))
    return wait


SMS_DELIVERIES = ("none", "http", "file")
EMAIL_DELIVERIES = ("none", "smtp")
SMTP_SECURITY = ("starttls", "ssl", "none")
#: the settings key of the delivery choices (one JSON object, see SENDING_DEFAULTS)
SETTINGS_KEY = "sending"
SENDING_DEFAULTS: dict[str, Any] = {
    "sms_delivery": "file",
    "sms_gateway_url": "",
    "sms_sender": "",
    "email_delivery": "none",
    "smtp_host": "",
    "smtp_port": 587,
    "smtp_security": "starttls",
    "smtp_username": "",
    "smtp_sender": "",
    "timeout_seconds": 15,
    "max_attempts": 5,
}


def _one_of(options: Sequence[str]) -> f.Converter:
    def convert(value: Any) -> str:
        if value not in options:
            raise f.InvalidValue("choice")
        return str(value)

    return convert


def _url(value: Any) -> str:
    s = f.text(500)(value)
    if s and urllib.parse.urlsplit(s).scheme not in ("http", "https"):
        raise f.InvalidValue("invalid")
    return s


SENDING_FIELDS: dict[str, f.Field] = {
    "sms_delivery": f.Field(_one_of(SMS_DELIVERIES), empty="none"),
    "sms_gateway_url": f.Field(_url, empty=""),
    "sms_sender": f.Field(f.text(30), empty=""),
    "email_delivery": f.Field(_one_of(EMAIL_DELIVERIES), empty="none"),
    "smtp_host": f.Field(f.text(253), empty=""),
    "smtp_port": f.Field(f.integer(1, 65535), empty=587),
    "smtp_security": f.Field(_one_of(SMTP_SECURITY), empty="starttls"),
    "smtp_username": f.Field(f.text(254), empty=""),
    "smtp_sender": f.Field(f.email, empty=""),
    "timeout_seconds": f.Field(f.integer(1, 300), empty=15),
    "max_attempts": f.Field(f.integer(1, 20), empty=5),
}


def clean_sending(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """The delivery settings after `changes` (validated; every bad field named)."""
    if not isinstance(changes, Mapping):
        raise ValidationError(FieldError("sending", "invalid"))
    cleaned = f.clean(SENDING_FIELDS, changes, partial=True)
    return {**SENDING_DEFAULTS, **current, **cleaned}


@dataclass(frozen=True)
class Outgoing:
    """One outbox row as a delivery needs it."""

    id: int
    channel: str
    recipient: str
    subject: str | None
    body: str


class DeliveryError(Exception):
    def __init__(self, code: str, detail: str = "", *, permanent: bool = False,
                 retry_after: int | None = None):
        self.code = code
        self.detail = detail
        self.permanent = permanent
        #: seconds the gateway asked us to wait (HTTP Retry-After), if it said
        self.retry_after = retry_after
        super().__init__(self.text)

    @property
    def text(self) -> str:
        """What is stored in the row's last_error: "code: detail"."""
        return f"{self.code}: {self.detail}" if self.detail else self.code


class Delivery(Protocol):
    channel: str

    def send(self, message: Outgoing) -> str | None:
        """Send one message; returns the gateway's reference. Raises DeliveryError."""

    def close(self) -> None: ...


# -- HTTP SMS gateway ------------------------------------------------------------------------
class HttpSmsGateway:
    """POST receptor, message and sender (form-encoded) to the panel's URL; the API key goes
    in the URL where it has `{api_key}` (Kavenegar style: .../v1/{api_key}/sms/send.json),
    otherwise in an `apikey` header. A JSON reply; `return.status` (when present) must be
    200; the message id is taken from `entries[0].messageid` (or `messageid`/`id`)."""

    channel = "sms"

    def __init__(self, url: str, api_key: str | None, sender: str, timeout: float = 15):
        self.url = url
        self.api_key = api_key
        self.sender = sender
        self.timeout = timeout

    def _request(self, message: Outgoing) -> urllib.request.Request:
        import urllib.request

        key = self.api_key or ""
        url = self.url.replace("{api_key}", urllib.parse.quote(key, safe=""))
        data = urllib.parse.urlencode({"receptor": message.recipient,
                                       "message": message.body,
                                       "sender": self.sender}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                   "Accept": "application/json"}
        if "{api_key}" not in self.url:
            headers["apikey"] = key
        return urllib.request.Request(url, data=data, headers=headers, method="POST")

    def send(self, message: Outgoing) -> str | None:
        if not self.url:
            raise DeliveryError("not_configured", permanent=True)
        if not self.api_key:
            raise DeliveryError("no_password", "API key", permanent=True)
        try:
            request = self._request(message)
        except ValueError as exc:  # a URL urllib cannot use
            raise DeliveryError("not_configured", str(exc), permanent=True) from None
        import urllib.error
        import urllib.request

        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as exc:
            body = _read_quietly(exc)
            raise _http_error(exc.code, body, exc.headers.get("Retry-After")) from None
        except urllib.error.URLError as exc:
            # nothing reached the gateway (refused, no route, DNS, TLS, connect timeout)
            raise DeliveryError("unreachable", str(exc.reason)[:200]) from None
        except TimeoutError:
            raise DeliveryError("timeout", f"{self.timeout:g} s", permanent=True) from None
        except OSError as exc:  # the connection broke while the answer was read
            raise DeliveryError("timeout", str(exc)[:200], permanent=True) from None
        return _reply(status, raw)

    def close(self) -> None:
        pass


def _read_quietly(exc: urllib.error.HTTPError) -> bytes:
    try:
        return exc.read()[:2000]
    except (OSError, ValueError):
        return b""


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


def _panel_status(reply: Any) -> int | None:
    if isinstance(reply, dict) and isinstance(reply.get("return"), dict):
        status = reply["return"].get("status")
        if isinstance(status, int) and not isinstance(status, bool):
            return status
    return None


def _http_error(code: int, body: bytes, retry_after: str | None) -> DeliveryError:
    reply = _json(body)
    status = _panel_status(reply) or code
    detail = f"HTTP {code}" + (f", status {status}" if status != code else "")
    if status in (401, 403) or code in (401, 403):
        return DeliveryError("auth", detail, permanent=True)
    if code == 429 or status == 429:
        wait = int(retry_after) if retry_after and retry_after.isdigit() else None
        return DeliveryError("rate_limit", detail, retry_after=wait)
    if status in (400, 411, 412, 414, 422):  # the panel refused the receptor or the text
        return DeliveryError("rejected", detail, permanent=True)
    if status == 418:  # not enough credit
        return DeliveryError("credit", detail, permanent=True)
    if code >= 500:
        return DeliveryError("server", detail)
    return DeliveryError("rejected", detail, permanent=True)


def _reply(status: int, raw: bytes) -> str | None:
    reply = _json(raw)
    if reply is None:
        # the gateway took the request: the message may have gone, do not send it again
        raise DeliveryError("reply", f"HTTP {status}", permanent=True)
    panel = _panel_status(reply)
    if panel is not None and panel != 200:
        raise _http_error(panel, raw, None)
    entries = reply.get("entries") if isinstance(reply, dict) else None
    first = entries[0] if isinstance(entries, list) and entries else reply
    if isinstance(first, dict):
        for key in ("messageid", "messageId", "id"):
            if first.get(key) is not None:
                return str(first[key])[:100]
    return None


# -- SMTP --------------------------------------------------------------------------------------
class SmtpDelivery:
    """E-mail over SMTP (STARTTLS, SSL or plain); one connection for a whole run."""

    channel = "email"

    def __init__(self, host: str, port: int, security: str, username: str,
                 password: str | None, sender: str, timeout: float = 15,
                 context: ssl.SSLContext | None = None):
        self.host, self.port, self.security = host, port, security
        self.username, self.password, self.sender = username, password, sender
        self.timeout = timeout
        self.context = context
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        import smtplib
        import ssl

        if self._smtp is not None:
            return self._smtp
        if not self.host or not self.sender:
            raise DeliveryError("not_configured", permanent=True)
        if self.username and not self.password:
            raise DeliveryError("no_password", "SMTP", permanent=True)
        context = self.context or ssl.create_default_context()
        try:
            if self.security == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port,
                                                      timeout=self.timeout, context=context)
            else:
                smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
                if self.security == "starttls":
                    smtp.starttls(context=context)
            if self.username:
                smtp.login(self.username, self.password or "")
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError("auth", f"SMTP {exc.smtp_code}", permanent=True) from None
        except smtplib.SMTPNotSupportedError as exc:
            raise DeliveryError("not_configured", str(exc)[:200], permanent=True) from None
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError("unreachable", f"{type(exc).__name__}: {exc}"[:200]) from None
        self._smtp = smtp
        return smtp

    def send(self, message: Outgoing) -> str | None:
        import smtplib
        from email.message import EmailMessage
        from email.utils import make_msgid

        smtp = self._connect()
        mail = EmailMessage()
        mail["From"] = self.sender
        mail["To"] = message.recipient
        mail["Subject"] = message.subject or ""
        mail["Message-ID"] = ref = make_msgid(domain=self.sender.rpartition("@")[2] or None)
        mail.set_content(message.body)
        try:
            smtp.send_message(mail)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = ", ".join(str(c) for c, _ in exc.recipients.values())
            raise DeliveryError("rejected", f"SMTP {codes}", permanent=True) from None
        except smtplib.SMTPSenderRefused as exc:
            raise DeliveryError("rejected", f"SMTP {exc.smtp_code} (sender)",
                                permanent=True) from None
        except smtplib.SMTPResponseException as exc:
            self._drop()
            temporary = 400 <= exc.smtp_code < 500
            raise DeliveryError("server" if temporary else "rejected", f"SMTP {exc.smtp_code}",
                                permanent=not temporary) from None
        except smtplib.SMTPServerDisconnected as exc:
            self._drop()
            raise DeliveryError("timeout", str(exc)[:200], permanent=True) from None
        except TimeoutError:
            self._drop()
            raise DeliveryError("timeout", f"{self.timeout:g} s", permanent=True) from None
        except (smtplib.SMTPException, OSError) as exc:
            self._drop()
            raise DeliveryError("timeout", f"{type(exc).__name__}: {exc}"[:200],
                                permanent=True) from None
        return ref[:100]

    def _drop(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            with contextlib.suppress(OSError):
                smtp.close()

    def close(self) -> None:
        import smtplib

        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()


# -- built from the settings -----------------------------------------------------------------
def deliveries(sending: Mapping[str, Any]) -> dict[str, Delivery]:
    """The per-message deliveries the settings choose, by channel (the file delivery is
    not one: it is written and confirmed by the user, see OutboxService.export_file)."""
    s = {**SENDING_DEFAULTS, **sending}
    out: dict[str, Delivery] = {}
    timeout = float(s["timeout_seconds"])
    if s["sms_delivery"] == "http":
        url = s["sms_gateway_url"]
        out["sms"] = HttpSmsGateway(url, secrets.load(secrets.sms_key_name(url)),
                                    s["sms_sender"], timeout)
    if s["email_delivery"] == "smtp":
        password = (secrets.load(secrets.smtp_name(s["smtp_username"], s["smtp_host"]))
                    if s["smtp_username"] else None)
        out["email"] = SmtpDelivery(s["smtp_host"], int(s["smtp_port"]), s["smtp_security"],
                                    s["smtp_username"], password, s["smtp_sender"], timeout)
    return out


# -- the file for SMS panels ---------------------------------------------------------------
FILE_FORMATS = ("csv", "xlsx")


def write_panel_file(path: Path, rows: Sequence[tuple[str, str]], fmt: str) -> None:
    """`recipient,message` rows as UTF-8 CSV (with a header line) or XLSX (A = number,
    B = message, no header)."""
    if fmt == "csv":
        with open(path, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["recipient", "message"])
            writer.writerows(rows)
    elif fmt == "xlsx":
        from openpyxl import Workbook  # heavy: imported when a file is written

        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        for number, text in rows:
            sheet.append([number, text])
        book.save(path)
    else:
        raise ValidationError(FieldError("format", "choice"))
