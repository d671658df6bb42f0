"""Building the Bolt app: from settings, a runtime and a Web API client, so tests can hand in a fake Slack."""

from __future__ import annotations

import logging
import urllib.error

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.errors import SettingsError
from bot.runtime import Runtime
from bot.settings import Settings
from bot.slack.dedupe import Dedupe
from bot.slack.listeners import register

# A 429 from chat.postMessage is waited out (Retry-After) this many times before giving up.
RATE_LIMIT_RETRIES = 3


class _SameTokenNotice(logging.Filter):
    """Drop Bolt's warning that SLACK_BOT_TOKEN goes unused: our client was built from that very token."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


_BOLT_LOG = logging.getLogger("citebot.slack.bolt")
_BOLT_LOG.addFilter(_SameTokenNotice())


def build_client(settings: Settings) -> WebClient:
    """Return a Web API client for the bot token, at SLACK_API_URL if set, retrying 429s and dropped connections."""
    settings.require("slack_bot_token")
    options = {"base_url": settings.slack_api_url} if settings.slack_api_url else {}
    return WebClient(
        token=settings.slack_bot_token.get_secret_value(),  # type: ignore[union-attr]
        retry_handlers=[ConnectionErrorRetryHandler(), RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)],
        **options,
    )


def verify_token(client: WebClient) -> None:
    """Call auth.test once; raise SettingsError if Slack rejects the token or cannot be reached."""
    try:
        client.auth_test()
    except SlackApiError as err:
        raise SettingsError(f"SLACK_BOT_TOKEN was rejected by Slack: {err.response.get('error')}") from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise SettingsError(f"cannot reach the Slack Web API at {client.base_url} (SLACK_API_URL): {reason}") from None


def build_app(settings: Settings, runtime: Runtime, client: WebClient, dedupe: Dedupe | None = None) -> App:
    """Return the Bolt app answering through ``runtime`` and replying through ``client``.

    Calls auth.test (Bolt caches the bot's user and bot ids to ignore its own messages), so the
    Slack behind ``client`` must be reachable. ``dedupe`` defaults to the host-wide SQLite file.
    """
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    app = App(
        client=client,
        # Without a secret every HTTP request fails verification (401); Socket Mode needs none.
        signing_secret=secret,
        logger=_BOLT_LOG,
    )
    register(app, runtime, dedupe or Dedupe())
    return app
