"""The Bolt app over HTTP: really signed requests to a loopback server, replies read off the fake Slack."""

from __future__ import annotations

import json
import time
import urllib.request

import pytest

from bot.messages import message
from slack_fakes import (
    BOT_ID,
    BOT_TOKEN,
    BOT_USER_ID,
    SECRET,
    HttpBot,
    ListRecorder,
    click,
    direct_message,
    encode_event,
    event_body,
    mention,
    new_ts,
    post_signed,
    slash_command,
)

ANSWERED_EN = "How many readers did the Qingshi library have in 2020?"
ANSWERED_ZH = "青石镇图书馆2020年有多少读者?"
SUGGESTED = "library"  # close to several facts: "did you mean"
UNKNOWN = "What is the weather like?"


def test_mention_is_answered_in_its_thread(http_bot: HttpBot) -> None:
    ts = new_ts()
    status, _ = http_bot.event(mention(ANSWERED_EN, ts))
    assert status == 200
    [post] = http_bot.fake.wait_for("chat.postMessage")
    assert post.body["channel"] == "C1"
    assert post.body["thread_ts"] == ts
    assert "30,000 readers" in post.body["text"]
    assert post.headers["Authorization"] == f"Bearer {BOT_TOKEN}"
    sections = [b["text"]["text"] for b in post.body["blocks"] if b["type"] == "section"]
    assert "30,000 readers" in sections[0]
    assert "> 青石镇图书馆2020年迎来了3万名读者,比前一年多了一倍。" in sections[1]
    context = [e["text"] for b in post.body["blocks"] if b["type"] == "context" for e in b["elements"]]
    assert any("青石镇图书馆的一年" in c and "2021-06-01" in c and "confidence" in c for c in context)


def test_mention_inside_a_thread_is_answered_in_that_thread(http_bot: HttpBot) -> None:
    parent, ts = new_ts(), new_ts()
    http_bot.event(mention(ANSWERED_EN, ts, thread_ts=parent))
    [post] = http_bot.fake.wait_for("chat.postMessage")
    assert post.body["thread_ts"] == parent


def test_direct_message_is_answered_in_the_dm_in_the_askers_language(http_bot: HttpBot) -> None:
    http_bot.event(direct_message(ANSWERED_ZH, new_ts(), channel="D42"))
    [post] = http_bot.fake.wait_for("chat.postMessage")
    assert post.body["channel"] == "D42"
    assert "thread_ts" not in post.body
    assert "3万名读者" in post.body["text"]
    assert message("source_label", "zh") in post.body["text"]


def test_retries_of_one_event_are_answered_once(http_bot: HttpBot) -> None:
    body = encode_event(event_body(mention(ANSWERED_EN, new_ts()), "EvRETRY" + new_ts()))
    assert http_bot.post(*body)[0] == 200
    for attempt in (1, 2, 3):
        headers = {"X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": "http_timeout"}
        assert http_bot.post(*body, extra_headers=headers)[0] == 200
    http_bot.fake.wait_for("chat.postMessage")
    http_bot.fake.settle()
    assert len(http_bot.fake.of("chat.postMessage")) == 1


def test_a_mention_delivered_as_app_mention_and_as_message_is_answered_once(http_bot: HttpBot) -> None:
    ts = new_ts()
    as_mention = mention(ANSWERED_EN, ts)
    as_message = {**as_mention, "type": "message", "channel_type": "channel"}
    http_bot.event(as_mention, f"EvA{ts}")
    http_bot.event(as_message, f"EvB{ts}")
    http_bot.fake.wait_for("chat.postMessage")
    http_bot.fake.settle()
    [post] = http_bot.fake.of("chat.postMessage")
    assert post.body["thread_ts"] == ts


@pytest.mark.parametrize(
    "event",
    [
        pytest.param(direct_message(ANSWERED_EN, "1.1", bot_id="BOTHER", user="UOTHERBOT"), id="another bot"),
        pytest.param(direct_message(ANSWERED_EN, "1.2", bot_id="BOTHER", subtype="bot_message"), id="bot_message"),
        pytest.param(direct_message(ANSWERED_EN, "1.3", user=BOT_USER_ID, bot_id=BOT_ID), id="itself"),
        pytest.param(
            {"type": "message", "subtype": "message_changed", "channel": "D1", "channel_type": "im", "ts": "1.4",
             "message": {"user": "UASKER", "text": ANSWERED_EN, "ts": "1.0"}},
            id="edit",
        ),
        pytest.param(
            {"type": "message", "subtype": "message_deleted", "channel": "D1", "channel_type": "im", "ts": "1.5",
             "deleted_ts": "1.0"},
            id="deletion",
        ),
        pytest.param(direct_message(ANSWERED_EN, "1.6", subtype="channel_join"), id="other subtype"),
        pytest.param({**direct_message(ANSWERED_EN, "1.7"), "channel_type": "channel"}, id="channel chatter"),
        pytest.param({**mention(ANSWERED_EN, "1.8"), "bot_id": "BOTHER"}, id="a bot mentioning us"),
    ],
)
def test_bots_edits_deletions_and_other_subtypes_are_ignored(http_bot: HttpBot, event: dict) -> None:
    status, _ = http_bot.event(event)
    assert status == 200  # acknowledged, so Slack does not retry
    http_bot.fake.settle(0.3)
    assert http_bot.fake.of("chat.postMessage") == []


def test_a_rate_limited_reply_is_retried_after_retry_after_and_arrives_once(http_bot: HttpBot) -> None:
    http_bot.fake.fail_once("chat.postMessage", status=429, retry_after=1)
    http_bot.event(mention(ANSWERED_EN, new_ts()))
    posts = http_bot.fake.wait_for("chat.postMessage", count=2)
    http_bot.fake.settle()
    posts = http_bot.fake.of("chat.postMessage")
    assert [p.status for p in posts] == [429, 200]
    assert posts[0].body == posts[1].body


@pytest.mark.parametrize(
    "timestamp, secret",
    [
        pytest.param(None, "not-the-secret", id="bad signature"),
        pytest.param(int(time.time()) - 600, SECRET, id="stale timestamp"),
        pytest.param(int(time.time()) + 600, SECRET, id="future timestamp"),
    ],
)
def test_bad_or_stale_signatures_get_401_and_no_reply(http_bot: HttpBot, timestamp: int | None, secret: str) -> None:
    body, content_type = encode_event(event_body(mention(ANSWERED_EN, new_ts()), "EvSIG" + new_ts()))
    status, _ = post_signed(http_bot.url + "slack/events", secret, body, content_type, timestamp=timestamp)
    assert status == 401
    http_bot.fake.settle(0.3)
    assert http_bot.fake.of("chat.postMessage") == []


def test_an_unsigned_request_gets_401(http_bot: HttpBot) -> None:
    body, content_type = encode_event(event_body(mention(ANSWERED_EN, new_ts()), "EvNOSIG"))
    request = urllib.request.Request(http_bot.url + "slack/events", data=body, headers={"Content-Type": content_type})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with pytest.raises(urllib.error.HTTPError) as err:
        opener.open(request, timeout=10)
    assert err.value.code == 401


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="only a mention"),
        pytest.param("   \n\t ", id="blank"),
        pytest.param("读者" * 20_000, id="40 kB"),
        pytest.param("📚🤔❓" * 50, id="emoji"),
        pytest.param("\x00\x07\x1b[31m readers \u202e\ufeff", id="control characters"),
        pytest.param("<!here> <#C9|general> <https://example.com|link> &lt;script&gt; &amp;", id="markup"),
        pytest.param("\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"), id="replacement char"),
    ],
)
def test_any_input_gets_exactly_one_reply(http_bot: HttpBot, text: str) -> None:
    status, _ = http_bot.event(mention(text, new_ts()))
    assert status == 200
    http_bot.fake.wait_for("chat.postMessage")
    http_bot.fake.settle(0.3)
    [post] = http_bot.fake.of("chat.postMessage")
    assert post.body["text"].strip()
    assert message("apology", "en") not in post.body["text"] and message("apology", "zh") not in post.body["text"]


def test_only_a_mention_gets_the_help(http_bot: HttpBot) -> None:
    http_bot.event(mention("", new_ts()))
    [post] = http_bot.fake.wait_for("chat.postMessage")
    assert message("help", "en") in post.body["text"]
    assert message("help", "zh") in post.body["text"]


def test_unknown_gets_the_polite_unknown_and_the_help(http_bot: HttpBot) -> None:
    http_bot.event(mention(UNKNOWN, new_ts()))
    [post] = http_bot.fake.wait_for("chat.postMessage")
    assert message("unknown", "en") in post.body["text"]
    assert message("help", "en") in post.body["text"]
    assert not [b for b in post.body["blocks"] if b["type"] == "actions"]


def test_an_unexpected_error_gets_one_apology_and_the_next_question_is_answered(
    http_bot: HttpBot, recorder: ListRecorder, caplog: pytest.LogCaptureFixture
) -> None:
    recorder.fail_next = True
    first = new_ts()
    http_bot.event(mention(ANSWERED_EN, first))
    [apology] = http_bot.fake.wait_for("chat.postMessage")
    assert apology.body["text"] == message("apology", "en")
    assert apology.body["thread_ts"] == first
    assert any(r.exc_info and "injected" in str(r.exc_info[1]) for r in caplog.records)

    http_bot.event(mention(ANSWERED_EN, new_ts()))
    posts = http_bot.fake.wait_for("chat.postMessage", count=2)
    http_bot.fake.settle(0.3)
    assert len(http_bot.fake.of("chat.postMessage")) == 2
    assert "30,000 readers" in posts[1].body["text"]


def test_did_you_mean_buttons_answer_in_place_and_record_the_choice(http_bot: HttpBot, recorder: ListRecorder) -> None:
    http_bot.event(mention(SUGGESTED, new_ts()))
    [post] = http_bot.fake.wait_for("chat.postMessage")
    assert message("did_you_mean", "en") in post.body["text"]
    assert message("rephrase", "en") in post.body["text"]
    [asked] = recorder.questions
    assert asked.decision == "suggested"

    http_bot.click(click(post.body["blocks"], "suggestion_0", http_bot.fake.response_url()))
    [replaced] = http_bot.fake.wait_for("response_url")
    assert replaced.body["replace_original"] is True
    chosen = asked.suggestions[0]
    assert recorder.feedback[0].kind == "chose_suggestion"
    assert recorder.feedback[0].fact_id == chosen
    assert recorder.feedback[0].question_id == asked.id
    assert message("source_label", "en") in replaced.body["text"]
    buttons = [e["action_id"] for b in replaced.body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons == ["feedback_helpful", "feedback_not_helpful"]


@pytest.mark.parametrize("action_id, kind", [("feedback_helpful", "helpful"), ("feedback_not_helpful", "not_helpful")])
def test_feedback_buttons_record_against_the_question(
    http_bot: HttpBot, recorder: ListRecorder, action_id: str, kind: str
) -> None:
    http_bot.event(mention(ANSWERED_EN, new_ts()))
    [post] = http_bot.fake.wait_for("chat.postMessage")
    status, _ = http_bot.click(click(post.body["blocks"], action_id, http_bot.fake.response_url(), user="UFAN"))
    assert status == 200
    [thanks] = http_bot.fake.wait_for("response_url")
    assert thanks.body["text"] == message("thanks_feedback", "en")
    assert thanks.body["response_type"] == "ephemeral"
    [feedback] = recorder.feedback
    assert (feedback.question_id, feedback.kind, feedback.fact_id) == (recorder.questions[0].id, kind, "library-readers-2020")
    assert feedback.user_hash and "UFAN" not in feedback.user_hash


def test_a_click_with_a_mangled_value_gets_an_apology(http_bot: HttpBot) -> None:
    http_bot.event(mention(ANSWERED_EN, new_ts()))
    [post] = http_bot.fake.wait_for("chat.postMessage")
    payload = click(post.body["blocks"], "feedback_helpful", http_bot.fake.response_url())
    payload["actions"][0]["value"] = "{not json"
    assert http_bot.click(payload)[0] == 200
    [apology] = http_bot.fake.wait_for("response_url")
    assert apology.body["text"] == message("apology", "en")


def test_health_answers_200(http_bot: HttpBot) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(http_bot.url + "health", timeout=10) as response:
        assert response.status == 200


# -- /ask ----------------------------------------------------------------------------------------


def _ack(status_body: tuple[int, bytes]) -> dict:
    status, body = status_body
    assert status == 200
    return json.loads(body)


def test_ask_answers_ephemerally_in_the_ack_with_a_post_button(http_bot: HttpBot, recorder: ListRecorder) -> None:
    ack = _ack(http_bot.command(slash_command(ANSWERED_EN, http_bot.fake.response_url())))
    assert ack["response_type"] == "ephemeral"
    assert "30,000 readers" in ack["text"]
    assert recorder.questions[0].surface == "slash"
    buttons = [e["action_id"] for b in ack["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons == ["feedback_helpful", "feedback_not_helpful", "post_to_channel"]


def test_posting_an_ask_answer_to_the_channel(http_bot: HttpBot) -> None:
    ack = _ack(http_bot.command(slash_command(ANSWERED_EN, http_bot.fake.response_url("cmd"), user="UASKER")))
    http_bot.click(click(ack["blocks"], "post_to_channel", http_bot.fake.response_url("click"), ephemeral=True,
                         user="UASKER"))
    posted, deleted = http_bot.fake.wait_for("response_url", count=2)
    assert posted.body["response_type"] == "in_channel"
    assert "30,000 readers" in posted.body["text"]
    assert "<@UASKER>" in json.dumps(posted.body["blocks"])
    assert ANSWERED_EN in json.dumps(posted.body["blocks"])
    assert deleted.body["delete_original"] is True


@pytest.mark.parametrize("text", ["", "help", "  HELP "])
def test_ask_alone_or_help_explains_how_to_ask(http_bot: HttpBot, text: str) -> None:
    ack = _ack(http_bot.command(slash_command(text, http_bot.fake.response_url())))
    assert message("help", "en") in ack["text"]
    assert message("usage", "en") in ack["text"]


def test_ask_unsure_offers_suggestions_ephemerally(http_bot: HttpBot) -> None:
    ack = _ack(http_bot.command(slash_command(SUGGESTED, http_bot.fake.response_url())))
    assert ack["response_type"] == "ephemeral"
    assert message("did_you_mean", "en") in ack["text"]
    http_bot.click(click(ack["blocks"], "suggestion_1", http_bot.fake.response_url(), ephemeral=True))
    [replaced] = http_bot.fake.wait_for("response_url")
    assert replaced.body["replace_original"] is True
    buttons = [e["action_id"] for b in replaced.body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert "post_to_channel" in buttons  # still private, so still shareable


def test_ask_failure_gets_the_apology_in_the_ack(http_bot: HttpBot, recorder: ListRecorder) -> None:
    recorder.fail_next = True
    ack = _ack(http_bot.command(slash_command(ANSWERED_ZH, http_bot.fake.response_url())))
    assert ack["text"] == message("apology", "zh")
    assert "30,000" in _ack(http_bot.command(slash_command(ANSWERED_EN, http_bot.fake.response_url())))["text"]
