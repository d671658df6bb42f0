"""Bolt listeners: one small function per concern, each pulling the question out, asking, replying.

The runtime and the dedupe memory reach listeners through Bolt's ``context`` (set by
``provide``), so listeners are plain functions Bolt can inject arguments into. None of them
catches exceptions: ``handle_error`` is the one place that logs and apologises.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
from typing import Callable

from slack_bolt import Ack, App, BoltContext, BoltResponse, Respond
from slack_sdk import WebClient

from bot.answer import Language
from bot.questionlog import FeedbackKind, Surface
from bot.runtime import Runtime
from bot.slack.dedupe import Dedupe
from bot.slack.render import (
    ACTION_HELPFUL,
    ACTION_NOT_HELPFUL,
    ACTION_POST,
    ButtonValue,
    Reply,
    render_answer,
    render_help,
    render_notice,
)
from bot.text import clean, detect_language

log = logging.getLogger(__name__)

FEEDBACK_KINDS: dict[str, FeedbackKind] = {ACTION_HELPFUL: "helpful", ACTION_NOT_HELPFUL: "not_helpful"}
HELP_WORDS = {"", "help", "帮助", "?", "?"}


def register(app: App, runtime: Runtime, dedupe: Dedupe) -> None:
    """Attach every listener, and the one error handler, to ``app``."""
    app.use(provide(runtime, dedupe))
    questions = [skip_unless_question, skip_repeats]
    app.event("app_mention", middleware=questions)(handle_app_mention)
    app.event("message", middleware=questions)(handle_message)
    app.command("/ask")(handle_ask_command)
    app.action({"type": "block_actions", "action_id": re.compile(r"^suggestion_\d+$")})(handle_suggestion_click)
    app.action({"type": "block_actions", "action_id": re.compile(r"^feedback_")})(handle_feedback_click)
    app.action(ACTION_POST)(handle_post_click)
    app.error(handle_error)


def provide(runtime: Runtime, dedupe: Dedupe) -> Callable:
    """Return a global middleware putting ``runtime`` and ``dedupe`` into every request's context."""

    def attach(context: BoltContext, next: Callable[[], None]) -> None:
        context["runtime"] = runtime
        context["dedupe"] = dedupe
        next()

    return attach


# -- which events are questions --------------------------------------------------------------


def skip_unless_question(event: dict, context: BoltContext, ack: Ack, next: Callable[[], None]) -> BoltResponse | None:
    """Pass on people's new messages to us; ack and drop bots, edits, deletions and other subtypes."""
    # Bolt's IgnoringSelfEvents drops our own posts; other bots' posts still arrive (bot_id set).
    # Acking matters: an unhandled event gets a 404 and Slack would retry it.
    if event.get("bot_id") or event.get("subtype") or not event.get("user"):
        return ack()
    if event["type"] == "message" and event.get("channel_type") != "im":
        # A channel message reaches us only if message.channels is subscribed; answer it only when it
        # mentions us (it then duplicates an app_mention, which skip_repeats catches).
        if f"<@{context.bot_user_id}>" not in (event.get("text") or ""):
            return ack()
    next()
    return None


def skip_repeats(body: dict, event: dict, context: BoltContext, ack: Ack, next: Callable[[], None]) -> BoltResponse | None:
    """Pass on a delivery only the first time: not Slack's retries, not a mention's second event type."""
    team = context.team_id or body.get("team_id") or ""
    keys = [f"message:{team}:{event.get('channel')}:{event.get('ts')}"]
    if body.get("event_id"):
        keys.append(f"event:{body['event_id']}")
    if not context["dedupe"].first_time(*keys):
        log.info("skipped a repeated delivery of %s", body.get("event_id"))
        return ack()
    next()
    return None


# -- questions ---------------------------------------------------------------------------------


def handle_app_mention(event: dict, context: BoltContext, client: WebClient) -> None:
    """Answer "@bot question" in the thread of the question."""
    _answer_event(event, context, client, "mention")


def handle_message(event: dict, context: BoltContext, client: WebClient) -> None:
    """Answer a direct message in the DM (in its thread if it was written in one)."""
    _answer_event(event, context, client, "dm" if event.get("channel_type") == "im" else "mention")


def _thread_of(event: dict) -> str | None:
    """Return where a reply to ``event`` goes: its thread, or a new thread under it (not in DMs)."""
    if event.get("channel_type") == "im" and event.get("type") == "message":
        return event.get("thread_ts")
    return event.get("thread_ts") or event.get("ts")


def _answer_event(event: dict, context: BoltContext, client: WebClient, surface: Surface) -> None:
    question = clean(event.get("text") or "")
    if question.casefold() in HELP_WORDS:
        reply = render_help()
    else:
        runtime: Runtime = context["runtime"]
        answer, question_id = runtime.ask(question, surface, event.get("user"), context.team_id, event.get("channel"))
        reply = render_answer(answer, question_id)
    client.chat_postMessage(channel=event["channel"], thread_ts=_thread_of(event), **reply.as_message())


def handle_ask_command(ack: Ack, command: dict, context: BoltContext) -> None:
    """Answer "/ask question" inside the acknowledgement (the engine takes a millisecond), ephemerally."""
    question = clean(command.get("text") or "")
    if question.casefold() in HELP_WORDS:
        ack(response_type="ephemeral", **render_help().as_message())
        return
    runtime: Runtime = context["runtime"]
    answer, question_id = runtime.ask(
        question, "slash", command.get("user_id"), command.get("team_id"), command.get("channel_id")
    )
    ack(response_type="ephemeral", **render_answer(answer, question_id, shareable=True).as_message())


# -- clicks ------------------------------------------------------------------------------------


def _clicked(body: dict) -> tuple[str, ButtonValue]:
    action = body["actions"][0]
    return action["action_id"], ButtonValue.load(action["value"])


def handle_suggestion_click(ack: Ack, body: dict, context: BoltContext, respond: Respond) -> None:
    """Answer the chosen "did you mean" fact in place of the suggestions, and record the choice."""
    # Work first, ack after: an error before ack() reaches handle_error with the request still open.
    _, value = _clicked(body)
    runtime: Runtime = context["runtime"]
    runtime.feedback(value.question_id, "chose_suggestion", value.fact_id, context.user_id)
    answer = runtime.ref.current.answer_fact(value.fact_id or "", value.language)
    ephemeral = bool(body.get("container", {}).get("is_ephemeral"))
    reply = render_answer(answer, value.question_id, shareable=ephemeral)
    ack()
    respond(replace_original=True, **reply.as_message())


def handle_feedback_click(ack: Ack, body: dict, context: BoltContext, respond: Respond) -> None:
    """Record "helpful" / "not helpful" against the question, and thank the clicker privately."""
    action_id, value = _clicked(body)
    context["runtime"].feedback(value.question_id, FEEDBACK_KINDS[action_id], value.fact_id, context.user_id)
    ack()
    respond(response_type="ephemeral", replace_original=False, **render_notice("thanks_feedback", value.language).as_message())


def handle_post_click(ack: Ack, body: dict, context: BoltContext, respond: Respond) -> None:
    """Post an ephemeral /ask answer to the channel for everyone, then remove the private copy."""
    _, value = _clicked(body)
    runtime: Runtime = context["runtime"]
    answer = runtime.ref.current.answer_fact(value.fact_id or "", value.language)
    if value.question:  # quote what was asked, not the fact's canonical phrasing
        answer = dataclasses.replace(answer, question=value.question)
    reply = render_answer(answer, value.question_id, asked_by=context.user_id)
    ack()
    respond(response_type="in_channel", replace_original=False, **reply.as_message())
    respond(delete_original=True)


# -- the one error handler -----------------------------------------------------------------------


def _language_of(body: dict) -> Language:
    """Guess the asker's language from whatever text the failed request carried."""
    text = (body.get("event") or {}).get("text") or body.get("text") or ""
    if not text and body.get("actions"):
        try:
            return ButtonValue.load(body["actions"][0].get("value") or "").language
        except (ValueError, KeyError, TypeError):
            pass
    return detect_language(clean(text)) if clean(text) else "en"


def handle_error(
    error: Exception, body: dict, response: BoltResponse | None, client: WebClient, respond: Respond, logger: logging.Logger
) -> BoltResponse | None:
    """Log the traceback and tell the asker one short apology, wherever the question came from."""
    log.error("a Slack listener failed: %s", error, exc_info=error)
    apology: Reply = render_notice("apology", _language_of(body))
    event = body.get("event") or {}
    try:
        if event.get("channel") and event.get("user") and not event.get("bot_id"):
            client.chat_postMessage(channel=event["channel"], thread_ts=_thread_of(event), **apology.as_message())
        elif body.get("command") and response is not None:
            # The slash command was not acknowledged yet: the apology goes in the acknowledgement.
            payload = {"response_type": "ephemeral", **apology.as_message()}
            return BoltResponse(status=200, body=json.dumps(payload), headers={"content-type": "application/json"})
        else:
            if body.get("response_url"):
                respond(response_type="ephemeral", replace_original=False, **apology.as_message())
            if response is not None:  # a click not acknowledged yet: ack it, the apology said the rest
                return BoltResponse(status=200, body="")
    except Exception:  # the apology is best effort; the original traceback is already logged
        log.exception("could not send the apology")
    return None
