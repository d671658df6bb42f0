"""Block Kit rendering: escaping, Slack's limits (checked by slack_sdk's to_dict), every decision."""

from __future__ import annotations

import datetime as dt

import pytest
from slack_sdk.models.blocks import Block

from bot.answer import Answer, Suggestion
from bot.messages import message
from bot.slack.render import ButtonValue, clip, escape, render_answer, render_help, render_notice, render_unknown


def answered(text: str = "An answer.", source: str = "A source sentence.", title: str = "A title", **kw) -> Answer:
    return Answer(question=kw.pop("question", "q?"), language=kw.pop("language", "en"), decision="answered",
                  score=kw.pop("score", 90.0), fact_id="f-1", text=text, source=source, source_title=title,
                  source_date=dt.date(2021, 6, 1), **kw)


def suggested(*questions: str) -> Answer:
    return Answer(question="q", language="en", decision="suggested", score=50.0,
                  suggestions=tuple(Suggestion(f"fact-{i}", q, 50.0) for i, q in enumerate(questions)))


def sections(blocks: list[dict]) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section"]


def assert_valid(blocks: list[dict]) -> None:
    """Parse the blocks back with slack_sdk and validate them again: no SlackObjectFormationError."""
    assert 0 < len(blocks) <= 50
    for block in blocks:
        Block.parse(block).to_dict()


@pytest.mark.parametrize(
    "raw, escaped",
    [
        ("a & b", "a &amp; b"),
        ("<script>", "&lt;script&gt;"),
        ("<@U123> <!here>", "&lt;@U123&gt; &lt;!here&gt;"),
        ("&amp;", "&amp;amp;"),
        ("*bold* _it_ `code` \"quotes\" 'single'", "*bold* _it_ `code` \"quotes\" 'single'"),
        ("北京 · 2019", "北京 · 2019"),
    ],
)
def test_escape_touches_exactly_ampersand_and_angle_brackets(raw: str, escaped: str) -> None:
    assert escape(raw) == escaped


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        ("short", 10, "short"),
        ("abcdefghij", 10, "abcdefghij"),
        ("abcdefghijk", 10, "abcdefghi…"),
        ("abcdef&amp;gh", 10, "abcdef…"),  # never half an escape
        ("ab &lt; cdefghij", 8, "ab &lt;…"),
        ("读" * 20, 5, "读读读读…"),
    ],
)
def test_clip_cuts_cleanly(text: str, limit: int, expected: str) -> None:
    assert clip(text, limit) == expected
    assert len(clip(text, limit)) <= limit


def test_an_answer_has_text_quote_citation_confidence_and_feedback() -> None:
    reply = render_answer(answered(text="Tom & Jerry <3", source="x > y"), "qid-1")
    assert_valid(reply.blocks)
    first, quote = sections(reply.blocks)
    assert first == "Tom &amp; Jerry &lt;3"
    assert quote == f"*{message('source_label', 'en')}*\n> x &gt; y"
    context = reply.blocks[2]["elements"][0]["text"]
    assert "_A title_" in context and "2021-06-01" in context and message("confidence_high", "en") in context
    actions = reply.blocks[-1]["elements"]
    assert [a["action_id"] for a in actions] == ["feedback_helpful", "feedback_not_helpful"]
    assert ButtonValue.load(actions[0]["value"]) == ButtonValue("qid-1", "f-1", "en")
    assert "Tom &amp; Jerry &lt;3" in reply.text


def test_medium_confidence_and_chinese_wording() -> None:
    reply = render_answer(answered(score=65.0, language="zh"), "q")
    assert message("confidence_medium", "zh") in reply.blocks[2]["elements"][0]["text"]
    assert message("helpful", "zh") == reply.blocks[-1]["elements"][0]["text"]["text"]


@pytest.mark.parametrize("size", [2_999, 3_000, 3_001, 40_000])
def test_long_texts_are_cut_within_block_kit_limits(size: int) -> None:
    long = ("&<>" + "长" * 97) * (size // 100 + 1)
    reply = render_answer(answered(text=long, source=long, title=long, question=long), "q" * 40, shareable=True,
                          asked_by="U1")
    assert_valid(reply.blocks)
    assert all(len(s) <= 3000 for s in sections(reply.blocks))
    assert len(reply.text) <= 3000
    for button in reply.blocks[-1]["elements"]:
        assert len(button["value"]) <= 2000


def test_suggestions_are_buttons_with_long_phrasings_cut_to_75() -> None:
    reply = render_answer(suggested("Short?", "x" * 200, "<b>&"), "qid-2")
    assert_valid(reply.blocks)
    buttons = reply.blocks[1]["elements"]
    assert [b["action_id"] for b in buttons] == ["suggestion_0", "suggestion_1", "suggestion_2"]
    assert all(len(b["text"]["text"]) <= 75 for b in buttons)
    assert [ButtonValue.load(b["value"]).fact_id for b in buttons] == ["fact-0", "fact-1", "fact-2"]
    assert message("rephrase", "en") in reply.blocks[-1]["elements"][0]["text"]
    assert "&lt;b&gt;&amp;" in reply.text


def test_shareable_answer_carries_the_question_for_the_channel() -> None:
    reply = render_answer(answered(question="Who?"), "qid", shareable=True)
    post = reply.blocks[-1]["elements"][-1]
    assert post["action_id"] == "post_to_channel"
    assert ButtonValue.load(post["value"]).question == "Who?"


@pytest.mark.parametrize("reply", [render_help(), render_unknown("zh"), render_unknown("en"),
                                   render_notice("apology", "zh"), render_notice("thanks_feedback", "en")])
def test_fixed_replies_are_valid_block_kit_with_a_fallback(reply) -> None:
    assert_valid(reply.blocks)
    assert reply.text.strip()


@pytest.mark.parametrize("raw", ["", "{", "[]", '{"q": "x"}', '{"q": "x", "l": "fr"}'])
def test_button_values_that_are_not_ours_are_refused(raw: str) -> None:
    with pytest.raises((ValueError, KeyError, TypeError)):
        ButtonValue.load(raw)
