"""Fixtures only (helpers live in slack_fakes.py): the real Bolt app from build_app, a fake Slack on loopback, and two ways in (HTTP, Socket Mode)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.engine import EngineRef, load_engine
from bot.runtime import Runtime
from bot.settings import Settings
from bot.slack.app import build_app, build_client
from bot.slack.dedupe import Dedupe
from bot.slack.server import build_wsgi
from slack_fakes import (
    APP_TOKEN,
    BOT_TOKEN,
    FACTS,
    PROXY_VARIABLES,
    SECRET,
    FakeSlack,
    FakeSocketMode,
    HttpBot,
    ListRecorder,
    SocketBot,
    new_ts,  # noqa: F401  (tests/store imports BOT_TOKEN, FACTS, PROXY_VARIABLES, SECRET, new_ts from here)
    serve_wsgi,
)

@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """WebClient honours HTTP(S)_PROXY but not NO_PROXY: a loopback fake must be reached directly."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


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


@pytest.fixture
def http_bot(bolt_app, fake_slack: FakeSlack) -> Iterator[HttpBot]:
    server, url = serve_wsgi(build_wsgi(bolt_app))
    yield HttpBot(url, fake_slack)
    server.shutdown()
    server.server_close()


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
