"""`python -m bot serve` as a real process: gunicorn workers over loopback, Socket Mode, and clean failures."""

from __future__ import annotations

import concurrent.futures
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from slack_fakes import (
    APP_TOKEN,
    BOT_TOKEN,
    FACTS,
    SECRET,
    FakeSlack,
    FakeSocketMode,
    bot_env,
    encode_event,
    event_body,
    free_port,
    get,
    mention,
    new_ts,
    post_signed,
    start_bot,
    stop,
    wait_healthy,
)

ANSWERED_EN = "How many readers did the Qingshi library have in 2020?"


class HttpProcess:
    def __init__(self, url: str, fake: FakeSlack, process: subprocess.Popen):
        self.url, self.fake, self.process = url, fake, process


@pytest.fixture(scope="module")
def http_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HttpProcess]:
    tmp = tmp_path_factory.mktemp("serve-http")
    fake = FakeSlack()
    port = free_port()
    process = start_bot(["--http", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
                        bot_env(tmp, fake.api_url, FACTS), cwd=tmp)
    url = f"http://127.0.0.1:{port}/"
    wait_healthy(process, url)
    yield HttpProcess(url, fake, process)
    if process.poll() is None:
        process.kill()
        process.wait()
    fake.close()


def test_served_process_answers_health_and_a_signed_mention(http_process: HttpProcess) -> None:
    assert get(http_process.url + "health") == 200
    assert get(http_process.url + "nowhere") == 404
    ts = new_ts()
    body, content_type = encode_event(event_body(mention(ANSWERED_EN, ts), "EvP" + ts))
    status, _ = post_signed(http_process.url + "slack/events", SECRET, body, content_type)
    assert status == 200
    [post] = http_process.fake.wait_for("chat.postMessage", where=lambda c: c.body.get("thread_ts") == ts)
    assert "30,000 readers" in post.body["text"]


def test_served_process_rejects_a_bad_signature(http_process: HttpProcess) -> None:
    body, content_type = encode_event(event_body(mention(ANSWERED_EN, new_ts()), "EvBad"))
    assert post_signed(http_process.url + "slack/events", "wrong", body, content_type)[0] == 401


def test_retries_spread_over_workers_are_answered_once(http_process: HttpProcess) -> None:
    ts = new_ts()
    body, content_type = encode_event(event_body(mention(ANSWERED_EN, ts), "EvW" + ts))
    headers = [{}] + [{"X-Slack-Retry-Num": str(n), "X-Slack-Retry-Reason": "http_timeout"} for n in (1, 2, 3)]
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(
            lambda h: post_signed(http_process.url + "slack/events", SECRET, body, content_type, extra_headers=h)[0],
            headers * 2,
        ))
    assert statuses == [200] * 8
    http_process.fake.wait_for("chat.postMessage", where=lambda c: c.body.get("thread_ts") == ts)
    http_process.fake.settle()
    assert len([c for c in http_process.fake.of("chat.postMessage") if c.body.get("thread_ts") == ts]) == 1


def test_served_process_stops_cleanly_and_never_logs_secrets(http_process: HttpProcess) -> None:
    code, stderr = stop(http_process.process)
    assert code == 0
    assert "Booting worker" in stderr or "serving the Events API" in stderr
    for secret in (BOT_TOKEN, SECRET):
        assert secret not in stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize(
    "args, overrides, variable",
    [
        (["--http"], {"SLACK_SIGNING_SECRET": ""}, "SLACK_SIGNING_SECRET"),
        (["--http"], {"SLACK_BOT_TOKEN": ""}, "SLACK_BOT_TOKEN"),
        (["--http"], {"SLACK_BOT_TOKEN": "not-a-token"}, "SLACK_BOT_TOKEN"),
        (["--http"], {"SLACK_BOT_TOKEN": "xoxb-invalid"}, "SLACK_BOT_TOKEN"),
        ([], {}, "SLACK_APP_TOKEN"),
        ([], {"SLACK_APP_TOKEN": "xoxb-wrong-kind"}, "SLACK_APP_TOKEN"),
        (["--http"], {"SLACK_API_URL": "http://127.0.0.1:9/api/"}, "SLACK_API_URL"),
    ],
)
def test_missing_or_malformed_settings_fail_with_one_line_naming_the_variable(
    tmp_path: Path, fake_slack: FakeSlack, args: list[str], overrides: dict, variable: str
) -> None:
    port = str(free_port())
    result = subprocess.run(
        [sys.executable, "-m", "bot", "serve", *args, "--port", port], env=bot_env(tmp_path, fake_slack.api_url, FACTS, **overrides),
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and variable in errors[0]
    assert "Traceback" not in result.stderr
    assert "xoxb-invalid" not in result.stderr


def test_socket_mode_process_answers_and_stops_on_sigterm(tmp_path: Path, fake_slack: FakeSlack) -> None:
    socket_server = FakeSocketMode()
    fake_slack.socket_url = socket_server.url
    process = start_bot([], bot_env(tmp_path, fake_slack.api_url, FACTS, SLACK_APP_TOKEN=APP_TOKEN), cwd=tmp_path)
    try:
        socket_server.wait_connected(timeout=60)
        ts = new_ts()
        envelope_id = f"env-{ts}"
        socket_server.send({"envelope_id": envelope_id, "type": "events_api", "accepts_response_payload": False,
                            "payload": event_body(mention(ANSWERED_EN, ts), "EvSM" + ts)})
        assert socket_server.wait_ack(envelope_id) is not None
        [post] = fake_slack.wait_for("chat.postMessage")
        assert post.body["thread_ts"] == ts
    finally:
        code, stderr = stop(process)
        socket_server.close()
    assert code == 0, stderr
    assert APP_TOKEN not in stderr and BOT_TOKEN not in stderr
