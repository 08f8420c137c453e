"""A small SMS panel on 127.0.0.1 (http.server in a thread) that answers like the common
Iranian panels: POST receptor, message, sender to /v1/{api_key}/sms/send.json, a JSON
reply. Its behaviour is chosen by the key and the receptor:

- key "good-key": 200 {"return": {"status": 200}, "entries": [{"messageid": n}]}
- any other key: 401 {"return": {"status": 401, "message": "API key not valid"}}
- receptor 09120000429: 429 with Retry-After: 120
- receptor 09120000411: 411 (receptor not valid)
- receptor 09120000500: 502
- receptor 09120000999: answers after `slow_seconds` (longer than the client's timeout)

Every request that reached it is recorded in `received` (receptor, message, sender)."""

from __future__ import annotations

import contextlib
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

GOOD_KEY = "good-key"


class Panel:
    def __init__(self, slow_seconds: float = 2.0):
        self.received: list[dict[str, str]] = []
        self.slow_seconds = slow_seconds
        self._lock = threading.Lock()
        panel = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                parts = self.path.split("/")
                key = parts[2] if len(parts) > 2 else ""
                receptor = form.get("receptor", "")
                with panel._lock:
                    panel.received.append(form)
                    number = len(panel.received)
                if key != GOOD_KEY:
                    return self._reply(401, {"return": {"status": 401,
                                                        "message": "API key not valid"}})
                if receptor == "09120000429":
                    return self._reply(429, {"return": {"status": 429}},
                                       {"Retry-After": "120"})
                if receptor == "09120000411":
                    return self._reply(411, {"return": {"status": 411}})
                if receptor == "09120000500":
                    return self._reply(502, {})
                if receptor == "09120000999":
                    time.sleep(panel.slow_seconds)
                return self._reply(200, {"return": {"status": 200, "message": "تایید شد"},
                                         "entries": [{"messageid": 1000 + number,
                                                      "receptor": receptor}]})

            def _reply(self, code: int, body: dict, headers: dict | None = None) -> None:
                data = json.dumps(body, ensure_ascii=False).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                with contextlib.suppress(OSError):  # the client gave up waiting (timeout case)
                    self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/v1/{{api_key}}/sms/send.json"

    def receptors(self) -> list[str]:
        with self._lock:
            return [r.get("receptor", "") for r in self.received]

    def __enter__(self) -> Panel:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
