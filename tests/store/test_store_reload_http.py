"""Live reload and the question log under a running HTTP-mode bot (`python -m bot serve --http`, gunicorn workers).

Reuses the Slack engineer's fake Slack and signing helpers (tests/slack/slack_fakes.py, conftest constants).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from tests.conftest import ROOT
from tests.store.conftest import wait_for
from tests.store.records import stored

sys.path.insert(0, str(ROOT / "tests" / "slack"))  # the Slack tests import their helpers as top-level modules
from slack_fakes import FakeSlack, encode_event, event_body, mention, post_signed  # noqa: E402
from tests.slack.conftest import BOT_TOKEN, FACTS, PROXY_VARIABLES, SECRET, new_ts  # noqa: E402

QUESTION = "How many readers did the Qingshi library have in 2020?"
OLD, NEW = "30,000 readers", "thirty thousand readers"


class HttpBot:
    """A `python -m bot serve --http` process with two workers, its fake Slack, facts and files in a temp dir."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.facts = tmp / "facts"
        shutil.copytree(FACTS, self.facts)
        self.database_url = f"sqlite:///{tmp / 'questions.db'}"
        self.fake = FakeSlack()
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/"
        env = {k: v for k, v in os.environ.items() if k not in PROXY_VARIABLES and not k.startswith("SLACK_")}
        env.update(
            SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=self.fake.api_url,
            FACTS_DIR=str(self.facts), DATABASE_URL=self.database_url, WATCH_FACTS="true", TMPDIR=str(tmp),
            PYTHONPATH=str(ROOT),
        )
        self.stderr = open(tmp / "stderr.log", "w+")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--http", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
            env=env, cwd=tmp, stdout=subprocess.DEVNULL, stderr=self.stderr,
        )
        wait_for(self.healthy, timeout_s=60)

    def healthy(self) -> bool:
        assert self.process.poll() is None, self.log()
        try:
            with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(self.url + "health", timeout=5) as r:
                return r.status == 200
        except OSError:
            return False

    def ask(self, text: str) -> str:
        """Mention the bot with ``text``; return the text of its threaded reply."""
        ts = new_ts()
        body, content_type = encode_event(event_body(mention(text, ts), "EvReload" + ts))
        assert post_signed(self.url + "slack/events", SECRET, body, content_type)[0] == 200
        [reply] = self.fake.wait_for("chat.postMessage", where=lambda c: c.body.get("thread_ts") == ts)
        return reply.body["text"]

    def log(self) -> str:
        """Everything the bot logged: its stderr and its log file."""
        self.stderr.flush()
        log_file = self.tmp / "citebot.log"
        return (self.tmp / "stderr.log").read_text() + (log_file.read_text() if log_file.exists() else "")

    def stop(self) -> int:
        """SIGTERM, as a container runtime would; return the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.fake.close()
        self.stderr.close()
        return self.process.returncode


@pytest.fixture
def http_bot(tmp_path: Path) -> Iterator[HttpBot]:
    bot = HttpBot(tmp_path)
    yield bot
    bot.stop()


def every_worker_says(bot: HttpBot, text: str) -> bool:
    """True when several replies in a row contain ``text``: both workers' engines say it, not just one."""
    return all(text in bot.ask(QUESTION) for _ in range(4))


def test_a_served_bot_reloads_edited_facts_refuses_broken_ones_and_logs_every_question(http_bot: HttpBot) -> None:
    fact_file = http_bot.facts / "qingshi-library-2021.yaml"
    original = fact_file.read_text(encoding="utf-8")
    assert OLD in http_bot.ask(QUESTION)

    fact_file.write_text(original.replace(OLD, NEW), encoding="utf-8")
    wait_for(lambda: every_worker_says(http_bot, NEW))

    broken = original.replace(OLD, "never served").replace("    keywords: [读者", "    keywordz: [读者", 1)
    fact_file.write_text(broken, encoding="utf-8")
    wait_for(lambda: http_bot.log().count("keywordz: unknown field") >= 2)  # each worker refused it
    assert every_worker_says(http_bot, NEW)
    assert "qingshi-library-2021.yaml: fact library-readers-2020: keywordz: unknown field" in http_bot.log()

    asked = len(http_bot.fake.of("chat.postMessage"))
    assert http_bot.stop() == 0
    log = stored(http_bot.database_url)
    assert log["count"] == asked and {q["surface"] for q in log["questions"]} == {"mention"}
