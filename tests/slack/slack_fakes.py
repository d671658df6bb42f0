"""A local fake of Slack for tests and the load benchmark: the Web API, response_url, Socket Mode,
with helpers to sign requests like Slack and to run ``python -m bot serve`` as a process.

Modelled on bolt-python's tests/mock_web_api_server and python-slack-sdk's mock handlers: a
real HTTP server on 127.0.0.1 that records every request body, answers like Slack, and
injects faults on demand (a one-time 429 with Retry-After). Nothing of ours is mocked.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any, Callable
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_sdk.signature import SignatureVerifier
from websockets.exceptions import ConnectionClosed
from websockets.sync.server import ServerConnection, serve as ws_serve

from bot.questionlog import FeedbackRecord, QuestionRecord

SECRET = "test-signing-secret-0123456789"
BOT_TOKEN = "xoxb-test-bot-token-abcdef"
APP_TOKEN = "xapp-test-app-token-abcdef"
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy")
ROOT = Path(__file__).resolve().parents[2]
FACTS = Path(__file__).with_name("facts")  # a small invented fact file, so tests do not follow facts/
BOT_USER_ID = "UCITEBOT"
BOT_ID = "BCITEBOT"
TEAM_ID = "T0CITE"


@dataclass
class Call:
    """One request that reached the fake: ``method`` is the API method, or "response_url"."""

    method: str
    body: dict
    headers: dict
    path: str
    status: int = 200  # what the fake answered


@dataclass
class Fault:
    status: int
    headers: dict = field(default_factory=dict)
    body: dict = field(default_factory=lambda: {"ok": False, "error": "ratelimited"})


class FakeSlack:
    """A fake Slack Web API (``url + "api/"``) and response_url endpoint (``response_url(name)``)."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.socket_url: str | None = None  # apps.connections.open answers with this
        self._faults: dict[str, list[Fault]] = {}
        self._changed = threading.Condition()
        self._ts = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, headers, reply = fake._handle(self.path, dict(self.headers), raw)
                data = json.dumps(reply).encode()
                self.send_response(status)
                for name, value in {**headers, "Content-Type": "application/json"}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    # -- what tests call -------------------------------------------------------------------------

    @property
    def api_url(self) -> str:
        return self.url + "api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.url}response/{name}"

    def fail_once(self, method: str, status: int = 429, retry_after: int = 1) -> None:
        """Make the next call of ``method`` fail with ``status`` (429: with Retry-After)."""
        headers = {"Retry-After": str(retry_after)} if status == 429 else {}
        self._faults.setdefault(method, []).append(Fault(status, headers))

    def of(self, method: str) -> list[Call]:
        """Return the recorded calls of ``method`` (successful or not)."""
        with self._changed:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 15.0, where: Callable[[Call], bool] | None = None) -> list[Call]:
        """Wait until ``count`` calls of ``method`` (matching ``where``) arrived; return them."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [c for c in self.calls if c.method == method and (where is None or where(c))]
                if len(found) >= count or time.monotonic() > deadline:
                    return found
                self._changed.wait(timeout=0.05)

    def settle(self, quiet: float = 0.5) -> None:
        """Wait until no request arrived for ``quiet`` seconds: for asserting that nothing more comes."""
        while True:
            before = len(self.calls)
            time.sleep(quiet)
            if len(self.calls) == before:
                return

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- the fake's behaviour --------------------------------------------------------------------

    def _handle(self, path: str, headers: dict, raw: bytes) -> tuple[int, dict, dict]:
        body = _parse(raw, headers.get("Content-Type", ""))
        method = "response_url" if path.startswith("/response/") else path.rsplit("/", 1)[-1]
        with self._changed:
            fault = self._faults.get(method, []).pop(0) if self._faults.get(method) else None
            self.calls.append(Call(method, body, headers, path, fault.status if fault else 200))
            self._changed.notify_all()
            self._ts += 1
            ts = f"1700000000.{self._ts:06d}"
        if fault:
            return fault.status, fault.headers, fault.body
        if method == "auth.test":
            token = headers.get("Authorization", "")
            if "invalid" in token:
                return 200, {}, {"ok": False, "error": "invalid_auth"}
            return 200, {}, {
                "ok": True, "url": "https://citebot-test.slack.com/", "team": "Cite Test", "user": "citebot",
                "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID, "is_enterprise_install": False,
            }
        if method == "apps.connections.open":
            return 200, {}, {"ok": True, "url": self.socket_url}
        if method in ("chat.postMessage", "chat.update"):
            return 200, {}, {"ok": True, "channel": body.get("channel"), "ts": body.get("ts") or ts, "message": body}
        if method == "response_url":
            return 200, {}, {"ok": True}
        return 200, {}, {"ok": False, "error": "unknown_method"}


def _parse(raw: bytes, content_type: str) -> dict:
    if not raw:
        return {}
    text = raw.decode("utf-8")
    if "json" in content_type:
        return json.loads(text)
    return {k: v[0] for k, v in urllib.parse.parse_qs(text).items()}


class FakeSocketMode:
    """A fake Socket Mode WebSocket server: says hello, sends envelopes, records the acks."""

    def __init__(self) -> None:
        self.acks: dict[str, dict] = {}
        self._connections: list[ServerConnection] = []
        self._changed = threading.Condition()
        self._server = ws_serve(self._session, "127.0.0.1", 0)
        self.url = f"ws://127.0.0.1:{self._server.socket.getsockname()[1]}/link/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def _session(self, connection: ServerConnection) -> None:
        connection.send(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}}))
        with self._changed:
            self._connections.append(connection)
            self._changed.notify_all()
        try:
            for frame in connection:
                ack = json.loads(frame)
                with self._changed:
                    self.acks[ack["envelope_id"]] = ack
                    self._changed.notify_all()
        except ConnectionClosed:  # the bot went away: the end of the test
            pass

    def wait_connected(self, timeout: float = 10.0) -> None:
        with self._changed:
            if not self._changed.wait_for(lambda: self._connections, timeout=timeout):
                raise TimeoutError("the bot never connected over Socket Mode")

    def send(self, envelope: dict) -> None:
        """Send one envelope (events_api, slash_commands, interactive) to the connected bot."""
        self.wait_connected()
        self._connections[-1].send(json.dumps(envelope))

    def wait_ack(self, envelope_id: str, timeout: float = 10.0) -> dict | None:
        """Return the bot's ack of ``envelope_id`` (with its payload, if any), or None if none came."""
        with self._changed:
            self._changed.wait_for(lambda: envelope_id in self.acks, timeout=timeout)
            return self.acks.get(envelope_id)

    def close(self) -> None:
        self._server.shutdown()


# -- building Slack's payloads -------------------------------------------------------------------


def event_body(event: dict, event_id: str, team_id: str = TEAM_ID) -> dict:
    """Return an Events API ``event_callback`` body around ``event``."""
    return {
        "token": "legacy", "team_id": team_id, "api_app_id": "A1", "event": event, "type": "event_callback",
        "event_id": event_id, "event_time": int(time.time()),
        "authorizations": [{"team_id": team_id, "user_id": BOT_USER_ID, "is_bot": True}],
    }


def mention(text: str, ts: str, channel: str = "C1", user: str = "UASKER", thread_ts: str | None = None) -> dict:
    """Return an ``app_mention`` event: "<@bot> text"."""
    event = {"type": "app_mention", "user": user, "text": f"<@{BOT_USER_ID}> {text}", "ts": ts, "channel": channel,
             "event_ts": ts}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def direct_message(text: str, ts: str, channel: str = "D1", user: str = "UASKER", **extra: Any) -> dict:
    """Return a ``message.im`` event (extra keys such as subtype or bot_id are added as given)."""
    return {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": ts, "channel": channel,
            "event_ts": ts, **extra}


def slash_command(text: str, response_url: str, user: str = "UASKER", channel: str = "C1") -> dict:
    """Return the form fields of a ``/ask`` invocation."""
    return {"token": "legacy", "team_id": TEAM_ID, "channel_id": channel, "user_id": user, "command": "/ask",
            "text": text, "response_url": response_url, "trigger_id": "1.2.3", "api_app_id": "A1"}


def click(blocks: list[dict], action_id: str, response_url: str, ephemeral: bool = False, user: str = "UCLICKER",
          channel: str = "C1") -> dict:
    """Return the ``block_actions`` payload of clicking the button ``action_id`` found in ``blocks``."""
    for block in blocks:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                action = {**element, "block_id": block.get("block_id", "b"), "action_ts": "1.1"}
                return {
                    "type": "block_actions", "team": {"id": TEAM_ID}, "user": {"id": user}, "api_app_id": "A1",
                    "channel": {"id": channel}, "container": {"type": "message", "is_ephemeral": ephemeral},
                    "response_url": response_url, "trigger_id": "1.2.3", "actions": [action],
                }
    raise AssertionError(f"no button {action_id!r} in the blocks")


# -- signing, as Slack does ----------------------------------------------------------------------


def sign(secret: str, body: bytes, timestamp: int | None = None) -> dict:
    """Return Slack's signature headers for ``body``, made by slack_sdk's own SignatureVerifier."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signature = SignatureVerifier(secret).generate_signature(timestamp=str(timestamp), body=body)
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": signature}


def post_signed(url: str, secret: str, body: bytes, content_type: str, timestamp: int | None = None,
                extra_headers: dict | None = None, timeout: float = 10.0) -> tuple[int, bytes]:
    """POST ``body`` to ``url`` signed with ``secret``; return (status, response body). No proxies."""
    headers = {"Content-Type": content_type, **sign(secret, body, timestamp), **(extra_headers or {})}
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def encode_event(body: dict) -> tuple[bytes, str]:
    return json.dumps(body).encode(), "application/json"


def encode_form(fields: dict) -> tuple[bytes, str]:
    return urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded"


def encode_interaction(payload: dict) -> tuple[bytes, str]:
    return encode_form({"payload": json.dumps(payload)})


# -- a bot process -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bot_env(tmp: Path, api_url: str, facts: Path, **overrides: str) -> dict:
    """The environment of a bot process: the fake Slack, ``facts``, files under ``tmp``, no proxies."""
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARIABLES and not k.startswith("SLACK_")}
    env.update(
        SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=api_url, FACTS_DIR=str(facts),
        DATABASE_URL=f"sqlite:///{tmp / 'questions.db'}", WATCH_FACTS="false", TMPDIR=str(tmp),
        PYTHONPATH=str(ROOT),
    )
    env.update(overrides)
    return {k: v for k, v in env.items() if v != ""}


def start_bot(args: list[str], env: dict, cwd: Path) -> subprocess.Popen:
    """Start ``python -m bot serve ARGS`` in ``cwd``; its stderr goes to a file (a full pipe would block it)."""
    log = cwd / "bot-stderr.log"
    with log.open("w") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "bot", "serve", *args], env=env, cwd=cwd,
                                   stdout=subprocess.DEVNULL, stderr=stderr)
    process.stderr_log = log  # type: ignore[attr-defined]
    return process


def stderr_of(process: subprocess.Popen) -> str:
    return process.stderr_log.read_text(errors="replace")  # type: ignore[attr-defined]


def get(url: str) -> int:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def wait_healthy(process: subprocess.Popen, url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the bot exited with {process.returncode}: {stderr_of(process)}")
        try:
            if get(url + "health") == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError("the bot never became healthy")


def stop(process: subprocess.Popen) -> tuple[int, str]:
    """SIGTERM the bot (as a container runtime would); return its exit code and stderr."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    return process.returncode, stderr_of(process)


# -- the bot served in this process ----------------------------------------------------------------


class ListRecorder:
    """A question log kept in lists, with a switch to fail the next question (fault injection)."""

    def __init__(self) -> None:
        self.questions: list[QuestionRecord] = []
        self.feedback: list[FeedbackRecord] = []
        self.fail_next = False

    def record_question(self, record: QuestionRecord) -> None:
        if self.fail_next:
            self.fail_next = False
            raise RuntimeError("the question log is broken (injected)")
        self.questions.append(record)

    def record_feedback(self, record: FeedbackRecord) -> None:
        self.feedback.append(record)

    def close(self) -> None:
        pass


_ids = itertools.count(1)


def new_ts() -> str:
    """Return a fresh message ts (and event id suffix) for this test session."""
    return f"1710000000.{next(_ids):06d}"


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@dataclass
class HttpBot:
    """The bot's WSGI app served on loopback, with signed-request helpers."""

    url: str
    fake: FakeSlack

    def post(self, body: bytes, content_type: str, **kwargs: object) -> tuple[int, bytes]:
        return post_signed(self.url + "slack/events", SECRET, body, content_type, **kwargs)  # type: ignore[arg-type]

    def event(self, event: dict, event_id: str | None = None, **kwargs: object) -> tuple[int, bytes]:
        return self.post(*encode_event(event_body(event, event_id or f"Ev{new_ts()}")), **kwargs)

    def command(self, fields: dict) -> tuple[int, bytes]:
        return self.post(*encode_form(fields))

    def click(self, payload: dict) -> tuple[int, bytes]:
        return self.post(*encode_interaction(payload))


def serve_wsgi(wsgi) -> tuple[_ThreadingWSGIServer, str]:
    """Serve ``wsgi`` on a free loopback port in a thread; return the server and its base URL."""
    server = make_server("127.0.0.1", 0, wsgi, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@dataclass
class SocketBot:
    """The bot connected over Socket Mode to the fake WebSocket server."""

    socket: FakeSocketMode
    fake: FakeSlack

    def send(self, envelope_type: str, payload: dict, retry_attempt: int = 0) -> str:
        envelope_id = f"env-{new_ts()}"
        envelope = {"envelope_id": envelope_id, "type": envelope_type, "payload": payload,
                    "accepts_response_payload": envelope_type != "events_api"}
        if envelope_type == "events_api":
            envelope.update(retry_attempt=retry_attempt, retry_reason="timeout" if retry_attempt else "")
        self.socket.send(envelope)
        return envelope_id
