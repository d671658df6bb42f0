"""The Bolt app over HTTP: really signed requests to a loopback server, replies read off the fake Slack."""

from __future__ import annotations

from conftest import BOT_TOKEN, HttpBot, new_ts
from slack_fakes import direct_message, mention


def test_mention_is_answered_in_its_thread(http_bot: HttpBot) -> None:
    ts = new_ts()
    status, _ = http_bot.event(mention("How many readers did the Qingshi library have in 2020?", ts))
    assert status == 200
    [post] = http_bot.fake.wait_for("chat.postMessage")
    assert post.body["channel"] == "C1"
    assert post.body["thread_ts"] == ts
    assert "30,000 readers" in post.body["text"]
    assert post.headers["Authorization"] == f"Bearer {BOT_TOKEN}"
