"""Running the Slack bot: Socket Mode in one process, or the Events API under gunicorn.

    python -m bot serve                   Socket Mode (SLACK_APP_TOKEN, SLACK_BOT_TOKEN)
    python -m bot serve --http --port 3000   POST /slack/events, GET /health (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET)

Each gunicorn worker builds its own runtime and Bolt app after the fork (gunicorn loads the
application in the worker unless ``preload_app`` is set) and closes them when it exits.
"""

from __future__ import annotations

import logging
import re
import signal
import sys
import threading
from typing import Callable, Iterable

from gunicorn.app.base import BaseApplication
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.runtime import Runtime, build_runtime
from bot.settings import Settings
from bot.slack.app import build_app, build_client, verify_token
from bot.slack.dedupe import Dedupe

log = logging.getLogger("citebot.slack")

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/health"
# Threads per gunicorn worker: acks are fast, but a slow client must not block the others.
THREADS_PER_WORKER = 8
# Token shapes, redacted from every log line even if a library prints one.
_TOKEN = re.compile(r"\bx(?:ox[abeprs]|app)-[A-Za-z0-9-]+")


class RedactingFormatter(logging.Formatter):
    """A formatter that blanks Slack tokens and the given secrets, tracebacks included."""

    def __init__(self, fmt: str, secrets: Iterable[str]):
        super().__init__(fmt)
        self._secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        text = _TOKEN.sub("[redacted]", super().format(record))
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        return text


def log_to_stderr(settings: Settings) -> None:
    """Send INFO and above (tracebacks included) to stderr, with secrets redacted."""
    secrets = [
        s.get_secret_value()
        for s in (settings.slack_bot_token, settings.slack_app_token, settings.slack_signing_secret)
        if s is not None
    ]
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s", secrets))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(settings.log_level.upper())
    for other in root.handlers:  # cli.main's log file gets the same redaction
        if other is not handler:
            other.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets))


def with_health(slack: Callable) -> Callable:
    """Return a WSGI app answering GET /health with 200 and passing everything else to ``slack``."""

    def application(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "3")])
            return [b"ok\n"]
        return slack(environ, start_response)

    return application


def build_wsgi(app: App) -> Callable:
    """Return the WSGI application of HTTP mode: Bolt on /slack/events, /health for load balancers."""
    return with_health(SlackRequestHandler(app, path=EVENTS_PATH))


class Worker:
    """What one gunicorn worker serves, built after the fork: its runtime, its Bolt app, its WSGI app."""

    def __init__(self, settings: Settings):
        self.runtime: Runtime = build_runtime(settings)
        self.dedupe = Dedupe()
        self.app = build_app(settings, self.runtime, build_client(settings), self.dedupe)
        self.wsgi = build_wsgi(self.app)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        return self.wsgi(environ, start_response)

    def close(self) -> None:
        """Finish the replies still being written, then close the runtime and the dedupe file."""
        self.app.listener_runner.listener_executor.shutdown(wait=True)
        self.runtime.close()
        self.dedupe.close()


class _Gunicorn(BaseApplication):
    """gunicorn run from Python: our options only (no gunicorn.conf.py or GUNICORN_CMD_ARGS read)."""

    def __init__(self, settings: Settings, options: dict):
        self.settings = settings
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Worker:
        return Worker(self.settings)


def _close_worker(server: object, worker: object) -> None:
    """gunicorn's worker_exit hook: close what the worker built (nothing if it failed to boot)."""
    site = getattr(worker, "wsgi", None)
    if isinstance(site, Worker):
        site.close()


def serve_http(settings: Settings, host: str, port: int, workers: int) -> int:
    """Run the Events API under gunicorn until stopped; return gunicorn's exit code."""
    settings.require("slack_bot_token", "slack_signing_secret")
    # Check once in the master, so a bad token or fact file is one clear line, not N worker crashes;
    # this also migrates the question log once, before workers open it side by side.
    verify_token(build_client(settings))
    build_runtime(settings).close()
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": THREADS_PER_WORKER,
        "worker_exit": _close_worker,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": settings.log_level.lower(),
        "proc_name": "citebot",
        "graceful_timeout": 10,
    }
    log.info("serving the Events API on http://%s:%d%s with %d workers", host, port, EVENTS_PATH, workers)
    _Gunicorn(settings, options).run()  # exits the process through SystemExit when gunicorn halts
    return 0


def serve_socket_mode(settings: Settings) -> int:
    """Run over Socket Mode until SIGINT or SIGTERM; return 0."""
    settings.require("slack_app_token", "slack_bot_token")
    client = build_client(settings)
    verify_token(client)
    runtime = build_runtime(settings)
    app = build_app(settings, runtime, client)
    handler = SocketModeHandler(app, settings.slack_app_token.get_secret_value())  # type: ignore[union-attr]
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    handler.connect()
    log.info("connected to Slack over Socket Mode")
    try:
        stop.wait()
    finally:
        log.info("stopping")
        handler.close()
        app.listener_runner.listener_executor.shutdown(wait=True)
        runtime.close()
    return 0


def serve(settings: Settings, http: bool = False, port: int = 3000, workers: int = 2, host: str = "0.0.0.0") -> int:
    """Run the Slack bot (Socket Mode, or HTTP with ``http``); raise SettingsError naming a missing variable."""
    log_to_stderr(settings)
    if http:
        return serve_http(settings, host, port, workers)
    return serve_socket_mode(settings)
