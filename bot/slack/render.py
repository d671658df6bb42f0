"""Block Kit for the bot's replies: every reply is a ``Reply`` of blocks plus a plain ``text`` fallback.

Blocks are built with ``slack_sdk.models.blocks`` so Slack's limits are checked here, by
``to_dict()``, and not discovered as an ``invalid_blocks`` error at send time. All wording
comes from ``messages.yaml``; this module only lays it out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    MarkdownTextObject,
    SectionBlock,
)

from bot.answer import Answer, Language
from bot.messages import message

# Slack's limits (slack_sdk.models.blocks enforces them in to_dict()).
SECTION_CHARS = 3000
BUTTON_TEXT_CHARS = 75
BUTTON_VALUE_CHARS = 2000
# An answer scored this high (of 100) is labelled "high confidence"; below, "medium".
# Answers start at the engine's answer threshold (62), so there is no "low".
HIGH_CONFIDENCE = 80.0
# The question quoted above an answer posted from /ask: enough to recognise it.
QUOTED_QUESTION_CHARS = 300

ELLIPSIS = "…"

ACTION_HELPFUL = "feedback_helpful"
ACTION_NOT_HELPFUL = "feedback_not_helpful"
ACTION_SUGGESTION = "suggestion_{}"  # one action_id per button: they must differ within a block
ACTION_POST = "post_to_channel"


def escape(text: str) -> str:
    """Return ``text`` safe for mrkdwn: exactly ``&``, ``<`` and ``>`` escaped, as Slack asks."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    """Return ``text`` cut to at most ``limit`` characters, ending in "…", never inside an ``&...;`` escape."""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    amp = cut.rfind("&")
    if amp > cut.rfind(";"):  # a half-cut "&amp;" would show as literal text
        cut = cut[:amp]
    return cut.rstrip() + ELLIPSIS


@dataclass(frozen=True)
class ButtonValue:
    """What a button carries back to us: the question record, the fact, the language, maybe the question."""

    question_id: str
    fact_id: str | None
    language: Language
    question: str | None = None

    def dump(self) -> str:
        """Return the compact JSON string Slack stores in the button (at most 2000 characters)."""
        data = {"q": self.question_id, "f": self.fact_id, "l": self.language}
        if self.question:
            data["t"] = self.question[:QUOTED_QUESTION_CHARS]
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, raw: str) -> "ButtonValue":
        """Parse a button's value; raise ValueError (or KeyError) if it is not one of ours."""
        data = json.loads(raw)
        language = data["l"]
        if language not in ("zh", "en"):
            raise ValueError(f"unknown language {language!r}")
        return cls(question_id=str(data["q"]), fact_id=data.get("f"), language=language, question=data.get("t"))


@dataclass(frozen=True)
class Reply:
    """A message ready to send: ``text`` is the notification and accessibility fallback."""

    text: str
    blocks: list[dict]

    def as_message(self) -> dict:
        """Return the keyword arguments of chat.postMessage / respond / ack."""
        return {"text": self.text, "blocks": self.blocks}


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=clip(text, SECTION_CHARS)))


def _context(text: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=clip(text, SECTION_CHARS))])


def _button(label: str, action_id: str, value: ButtonValue, style: str | None = None) -> ButtonElement:
    return ButtonElement(
        text=clip(label, BUTTON_TEXT_CHARS), action_id=action_id, value=value.dump()[:BUTTON_VALUE_CHARS], style=style
    )


def _reply(text: str, blocks: list[Block]) -> Reply:
    # to_dict() is where slack_sdk checks the limits: a bad block fails here, in our tests.
    return Reply(text=clip(text, SECTION_CHARS), blocks=[b.to_dict() for b in blocks])


def _quote(text: str) -> str:
    return "\n".join("> " + line for line in text.splitlines() or [""])


def render_answer(
    answer: Answer, question_id: str, *, shareable: bool = False, asked_by: str | None = None
) -> Reply:
    """Return the reply for any decision: answered, "did you mean", or the polite unknown.

    ``shareable`` adds the "post to channel" button (for ephemeral /ask replies);
    ``asked_by`` (a user id) quotes who asked what, for an answer posted to a channel.
    """
    if answer.answered:
        return _render_answered(answer, question_id, shareable, asked_by)
    if answer.suggestions:
        return _render_suggestions(answer, question_id)
    return render_unknown(answer.language)


def _render_answered(answer: Answer, question_id: str, shareable: bool, asked_by: str | None) -> Reply:
    lang = answer.language
    label = message("source_label", lang)
    confidence = message("confidence_high" if answer.score >= HIGH_CONFIDENCE else "confidence_medium", lang)
    cited = f"_{escape(answer.source_title or '')}_ · {answer.source_date or ''} · {confidence}"
    blocks: list[Block] = []
    if asked_by:
        asked = message("asked_by", lang, user=f"<@{asked_by}>", question=escape(answer.question))
        blocks.append(_context(clip(asked, QUOTED_QUESTION_CHARS)))
    blocks += [
        _section(escape(answer.text or "")),
        _section(f"*{label}*\n" + _quote(clip(escape(answer.source or ""), SECTION_CHARS - 200))),
        _context(cited),
    ]
    value = ButtonValue(question_id, answer.fact_id, lang)
    buttons = [
        _button(message("helpful", lang), ACTION_HELPFUL, value),
        _button(message("not_helpful", lang), ACTION_NOT_HELPFUL, value),
    ]
    if shareable:
        shared = ButtonValue(question_id, answer.fact_id, lang, question=answer.question)
        buttons.append(_button(message("post_to_channel", lang), ACTION_POST, shared, style="primary"))
    blocks.append(ActionsBlock(elements=buttons))
    fallback = f"{escape(answer.text or '')}\n{label}: {escape(answer.source or '')}\n— {escape(answer.source_title or '')} ({answer.source_date or ''})"
    return _reply(fallback, blocks)


def _render_suggestions(answer: Answer, question_id: str) -> Reply:
    lang = answer.language
    buttons = [
        _button(s.question, ACTION_SUGGESTION.format(i), ButtonValue(question_id, s.fact_id, lang))
        for i, s in enumerate(answer.suggestions)
    ]
    did_you_mean, rephrase = escape(message("did_you_mean", lang)), escape(message("rephrase", lang))
    blocks: list[Block] = [_section(did_you_mean), ActionsBlock(elements=buttons), _context(rephrase)]
    listed = "\n".join(f"• {escape(s.question)}" for s in answer.suggestions)
    return _reply(f"{did_you_mean}\n{listed}\n{rephrase}", blocks)


def render_unknown(language: Language) -> Reply:
    """Return the polite "I don't know" with the help text."""
    unknown, help_text, usage = (escape(message(key, language)) for key in ("unknown", "help", "usage"))
    return _reply(f"{unknown}\n{help_text}", [_section(unknown), _context(f"{help_text}\n{usage}")])


def render_help() -> Reply:
    """Return how to ask, in both languages: an empty question tells us nothing about the asker's."""
    parts = [escape(f"{message('help', lang)}\n{message('usage', lang)}") for lang in ("zh", "en")]
    return _reply("\n\n".join(parts), [_section(p) for p in parts])


def render_notice(key: str, language: Language) -> Reply:
    """Return a one-line message from messages.yaml (the apology, the thanks for feedback)."""
    text = message(key, language)
    return _reply(text, [_section(escape(text))])
