"""The container HEALTHCHECK: which URL it checks for a command line, and that it sees a live bot."""

from __future__ import annotations

import pytest

from bot.slack.healthcheck import check, health_url
from slack_fakes import HttpBot


@pytest.mark.parametrize(
    "argv, url",
    [
        (["python", "-m", "bot", "serve"], None),
        (["python", "-m", "bot", "serve", "--http"], "http://127.0.0.1:3000/health"),
        (["python", "-m", "bot", "serve", "--http", "--port", "8080"], "http://127.0.0.1:8080/health"),
        (["python", "-m", "bot", "serve", "--port=9000", "--http"], "http://127.0.0.1:9000/health"),
    ],
)
def test_health_url_follows_the_command_line(argv: list[str], url: str | None) -> None:
    assert health_url(argv) == url


def test_check_sees_a_live_bot_and_a_dead_port(http_bot: HttpBot) -> None:
    port = http_bot.url.rstrip("/").rsplit(":", 1)[1]
    assert check(["serve", "--http", "--port", port])
    assert not check(["serve", "--http", "--port", "9"], timeout=1)
    assert check(["serve"])  # Socket Mode: nothing to ask
