"""Fixtures: the real Bolt app from build_app, a fake Slack on loopback, and two ways in (HTTP, Socket Mode)."""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Iterator
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.engine import EngineRef, load_engine
from bot.questionlog import FeedbackRecord, QuestionRecord
from bot.runtime import Runtime
from bot.settings import Settings
from bot.slack.app import build_app, build_client
from bot.slack.dedupe import Dedupe
from bot.slack.server import build_wsgi
from slack_fakes import (
    APP_TOKEN,
    BOT_TOKEN,
    PROXY_VARIABLES,
    SECRET,
    FakeSlack,
    FakeSocketMode,
    encode_event,
    encode_form,
    encode_interaction,
    event_body,
    post_signed,
)

FACTS = Path(__file__).with_name("facts")


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """WebClient honours HTTP(S)_PROXY but not NO_PROXY: a loopback fake must be reached directly."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


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


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.close()


@pytest.fixture
def settings(fake_slack: FakeSlack) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        slack_bot_token=BOT_TOKEN,
        slack_app_token=APP_TOKEN,
        slack_signing_secret=SECRET,
        slack_api_url=fake_slack.api_url,
        facts_dir=FACTS,
    )


@pytest.fixture
def recorder() -> ListRecorder:
    return ListRecorder()


@pytest.fixture
def runtime(recorder: ListRecorder) -> Runtime:
    return Runtime(ref=EngineRef(load_engine(FACTS)), recorder=recorder)


@pytest.fixture
def bolt_app(settings: Settings, runtime: Runtime, tmp_path: Path):
    return build_app(settings, runtime, build_client(settings), Dedupe(tmp_path / "seen.sqlite3"))


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


@pytest.fixture
def http_bot(bolt_app, fake_slack: FakeSlack) -> Iterator[HttpBot]:
    server, url = serve_wsgi(build_wsgi(bolt_app))
    yield HttpBot(url, fake_slack)
    server.shutdown()
    server.server_close()


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


@pytest.fixture
def socket_bot(bolt_app, fake_slack: FakeSlack) -> Iterator[SocketBot]:
    socket = FakeSocketMode()
    fake_slack.socket_url = socket.url
    handler = SocketModeHandler(bolt_app, APP_TOKEN)
    handler.connect()
    socket.wait_connected()
    yield SocketBot(socket, fake_slack)
    handler.close()
    socket.close()
