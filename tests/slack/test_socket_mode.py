"""The Bolt app over Socket Mode: envelopes from a local fake WebSocket server, replies read off the fake Slack."""

from __future__ import annotations

from bot.messages import message
from slack_fakes import APP_TOKEN, SocketBot, click, direct_message, event_body, mention, new_ts, slash_command

ANSWERED_EN = "How many readers did the Qingshi library have in 2020?"


def test_connection_is_opened_with_the_app_token(socket_bot: SocketBot) -> None:
    [opened] = socket_bot.fake.of("apps.connections.open")
    assert opened.headers["Authorization"] == f"Bearer {APP_TOKEN}"


def test_mention_is_acked_and_answered_in_its_thread(socket_bot: SocketBot) -> None:
    ts = new_ts()
    envelope_id = socket_bot.send("events_api", event_body(mention(ANSWERED_EN, ts), "EvS" + ts))
    assert socket_bot.socket.wait_ack(envelope_id) is not None
    [post] = socket_bot.fake.wait_for("chat.postMessage")
    assert (post.body["channel"], post.body["thread_ts"]) == ("C1", ts)
    assert "30,000 readers" in post.body["text"]


def test_a_retried_envelope_is_answered_once(socket_bot: SocketBot) -> None:
    ts = new_ts()
    body = event_body(direct_message(ANSWERED_EN, ts), "EvRS" + ts)
    first = socket_bot.send("events_api", body)
    again = socket_bot.send("events_api", body, retry_attempt=1)
    assert socket_bot.socket.wait_ack(first) and socket_bot.socket.wait_ack(again)
    socket_bot.fake.wait_for("chat.postMessage")
    socket_bot.fake.settle()
    assert len(socket_bot.fake.of("chat.postMessage")) == 1


def test_another_bots_message_is_acked_and_ignored(socket_bot: SocketBot) -> None:
    envelope_id = socket_bot.send("events_api", event_body(direct_message(ANSWERED_EN, new_ts(), bot_id="BX"), "EvB"))
    assert socket_bot.socket.wait_ack(envelope_id) is not None  # acked: Slack will not resend it
    socket_bot.fake.settle(0.3)
    assert socket_bot.fake.of("chat.postMessage") == []


def test_ask_is_answered_in_the_envelope_ack(socket_bot: SocketBot) -> None:
    envelope_id = socket_bot.send("slash_commands", slash_command(ANSWERED_EN, socket_bot.fake.response_url()))
    ack = socket_bot.socket.wait_ack(envelope_id)
    assert ack is not None
    assert ack["payload"]["response_type"] == "ephemeral"
    assert "30,000 readers" in ack["payload"]["text"]


def test_a_feedback_click_over_socket_mode_is_thanked(socket_bot: SocketBot) -> None:
    socket_bot.send("events_api", event_body(mention(ANSWERED_EN, new_ts()), "EvF" + new_ts()))
    [post] = socket_bot.fake.wait_for("chat.postMessage")
    envelope_id = socket_bot.send("interactive", click(post.body["blocks"], "feedback_helpful", socket_bot.fake.response_url()))
    assert socket_bot.socket.wait_ack(envelope_id) is not None
    [thanks] = socket_bot.fake.wait_for("response_url")
    assert thanks.body["text"] == message("thanks_feedback", "en")
