"""The curator's report: from a real question log to text, CSV, JSON and an HTML page Chromium draws."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bot.engine import load_engine
from bot.report import ReportError, build_report, parse_since, render_html, run_report
from bot.store import open_recorder
from bot.store.queries import FactFeedback, LoggedQuestion
from tests.conftest import ROOT
from tests.store.conftest import PostgresCluster, make_settings
from tests.store.records import NOW, feedback_record, question_record

DAY = dt.timedelta(days=1)

# (question, decision, days before NOW): three days of traffic in a seven-day window.
TRAFFIC = [
    ("火星上有几座山?", "unknown", 0),
    ("火星上有几座山", "unknown", 0),
    ("火星上有多少座山?", "unknown", 1),
    ("公园", "suggested", 1),
    ("公园?", "suggested", 3),
    ("<script>alert('x')</script> & 公园", "unknown", 3),
    ("公园由哪个部门管理?", "answered", 0),
    ("示例城市今年新建了多少座公园?", "answered", 1),
    ("示例城市今年新建了多少座公园?", "answered", 1),
    ("上个月的老问题", "unknown", 9),  # outside the window
]


def _asked(days_ago: int) -> dt.datetime:
    return NOW - days_ago * DAY - dt.timedelta(hours=1)


@pytest.fixture
def logged(database_url: str) -> str:
    """A question log holding TRAFFIC, two not-helpful clicks on one fact and one on another."""
    recorder = open_recorder(make_settings(database_url=database_url))
    ids = []
    for text, decision, days_ago in TRAFFIC:
        fact = "parks-built" if "新建" in text else "parks-managed-by"
        record = question_record(text, decision, asked_at=_asked(days_ago), fact_id=fact)
        recorder.record_question(record)
        ids.append(record.id)
    for position, kind in [(6, "not_helpful"), (6, "not_helpful"), (7, "not_helpful"), (7, "helpful"), (7, "helpful")]:
        recorder.record_feedback(feedback_record(ids[position], kind, fact_id=None, at=_asked(TRAFFIC[position][2])))
    recorder.close()
    return database_url


def _report(url: str, facts: Path, fmt: str, tmp_path: Path) -> str:
    output = tmp_path / f"report.{fmt}"
    settings = make_settings(database_url=url, facts_dir=facts)
    assert run_report(settings, since="7d", fmt=fmt, output=str(output), now=NOW) == 0
    return output.read_text(encoding="utf-8")


def test_json_report_groups_near_duplicates_and_names_the_nearest_fact(logged: str, sample_facts: Path, tmp_path: Path) -> None:
    report = json.loads(_report(logged, sample_facts, "json", tmp_path))
    assert (report["total"], report["answered"]) == (9, 3)
    groups = [(g["question"], g["count"], g["unknown"], g["suggested"], g["nearest_fact"]) for g in report["questions"]]
    assert groups == [
        ("火星上有几座山?", 3, 3, 0, None),
        ("公园?", 2, 0, 2, "parks-managed-by"),
        ("<script>alert('x')</script> & 公园", 1, 1, 0, None),
    ]
    mars, parks = report["questions"][:2]
    assert set(mars["variants"]) == {"火星上有几座山?", "火星上有几座山", "火星上有多少座山?"}
    assert mars["advice"] == "write a new fact?"
    assert parks["nearest_question"] == "公园由哪个部门管理?" and parks["advice"] == "add a phrasing to parks-managed-by?"
    assert [(r["fact_id"], r["not_helpful"], r["helpful"]) for r in report["not_helpful"]] == [
        ("parks-managed-by", 2, 0),
        ("parks-built", 1, 2),
    ]
    days = {d["day"]: (d["total"], d["answered"]) for d in report["days"]}
    assert len(days) == 8  # seven days back from NOW's hour touch eight calendar days
    assert days["2024-06-10"] == (3, 1) and days["2024-06-09"] == (4, 2) and days["2024-06-07"] == (2, 0)
    assert days["2024-06-08"] == (0, 0)


def test_text_and_csv_reports_carry_the_same_lists(logged: str, sample_facts: Path, tmp_path: Path) -> None:
    text = _report(logged, sample_facts, "text", tmp_path)
    assert "9 questions, 3 answered (33%)" in text
    assert "3×  火星上有几座山?" in text and "write a new fact?" in text
    assert "parks-managed-by 「公园由哪个部门管理?」" in text
    assert "2024-06-09     2/4      50%" in text

    rows = list(csv.DictReader(io.StringIO(_report(logged, sample_facts, "csv", tmp_path))))
    by_section = {section: [r for r in rows if r["section"] == section] for section in ("question", "not_helpful", "day")}
    assert [(r["key"], r["count"]) for r in by_section["question"]][:2] == [("火星上有几座山?", "3"), ("公园?", "2")]
    assert [(r["key"], r["count"]) for r in by_section["not_helpful"]] == [("parks-managed-by", "2"), ("parks-built", "1")]
    assert {r["key"]: r["rate"] for r in by_section["day"]}["2024-06-09"] == "0.5000"


def test_a_question_the_facts_now_answer_says_so(sample_facts: Path) -> None:
    # The log says "unknown", but a curator has since added the phrasing: the report shows it is done.
    logged = [LoggedQuestion(NOW, "新建公园", "unknown")]
    report = build_report(logged, [FactFeedback("gone-fact", 3, 0)], load_engine(sample_facts), NOW - DAY, NOW)
    (group,) = report.groups
    assert group.answered_now and group.nearest_fact == "parks-built" and group.advice == "answered now by parks-built"
    assert report.ratings[0].question is None  # a rated fact since removed from the fact base


@pytest.mark.parametrize(
    ("since", "back"),
    [("7d", dt.timedelta(days=7)), ("24h", dt.timedelta(hours=24)), ("2w", dt.timedelta(weeks=2)), (" 30d ", dt.timedelta(days=30))],
)
def test_since_is_a_duration_back_from_now(since: str, back: dt.timedelta) -> None:
    assert parse_since(since, NOW) == NOW - back


@pytest.mark.parametrize("since", ["7", "d", "0d", "-1d", "7 days", "2024-06-01", ""])
def test_a_bad_since_is_one_line_naming_the_option(since: str) -> None:
    with pytest.raises(ReportError) as err:
        parse_since(since, NOW)
    assert str(err.value).startswith("--since: ") and "\n" not in str(err.value)


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=ROOT, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )


def test_report_command_errors_are_one_line(postgres: PostgresCluster, sample_facts: Path, tmp_path: Path) -> None:
    facts = ["--facts", str(sample_facts)]
    cases = [
        (["report", "--since", "soon"], {"DATABASE_URL": f"sqlite:///{tmp_path}/x.db"}, "--since: expected a duration"),
        (["report"], {"DATABASE_URL": f"sqlite:///{tmp_path}/none.db"}, "no question log at"),
        (["report"], {"DATABASE_URL": f"postgresql://postgres:hunter2@127.0.0.1:{postgres.port + 1}/x"},
         "cannot reach the question log at postgresql+psycopg://postgres:***@127.0.0.1"),
    ]
    for args, env, expected in cases:
        done = run_cli(*facts, *args, env=env)
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.count("\n") == 1 and expected in done.stderr and "hunter2" not in done.stderr, done.stderr


def test_report_command_writes_the_file(logged: str, sample_facts: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    done = run_cli("--facts", str(sample_facts), "report", "--since", "3650d", "--format", "json", "-o", str(out),
                   env={"DATABASE_URL": logged})
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["total"] == len(TRAFFIC)


class _Dom(HTMLParser):
    """Collects the elements of Chromium's dumped DOM: (tag, attributes) and the text of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def dump_dom(page: Path) -> _Dom:
    """Return the DOM headless Chromium builds from ``page`` (offline: no network, no profile)."""
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=60,
        )
    assert done.returncode == 0 and "<svg" in done.stdout, done.stderr[-2000:]
    dom = _Dom()
    dom.feed(done.stdout)
    return dom


def test_html_report_draws_one_bar_per_day_with_questions(logged: str, sample_facts: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(_report(logged, sample_facts, "html", tmp_path), encoding="utf-8")
    html = page.read_text(encoding="utf-8")
    # Self-contained: nothing for the browser to fetch.
    for outside in ("src=", "href=", "url(", "@import", "<link", "http://", "https://"):
        assert outside not in html

    dom = dump_dom(page)
    scripts = [attrs for tag, attrs in dom.elements if tag == "script"]
    assert scripts == []  # the logged "<script>" question was escaped into text
    assert "<script>alert('x')</script> & 公园" in "".join(dom.text)

    days = [attrs["data-day"] for tag, attrs in dom.elements if tag == "g" and "day" in attrs.get("class", "").split()]
    assert days == [str(dt.date(2024, 6, 3) + n * DAY) for n in range(8)]
    drawn = [(attrs["data-total"], attrs["data-answered"], attrs["data-rate"], attrs["height"])
             for tag, attrs in dom.elements if tag == "rect" and attrs.get("class") == "bar"]
    assert drawn == [("2", "0", "0.0000", "0.0"), ("4", "2", "0.5000", "80.0"), ("3", "1", "0.3333", "53.3")]


def test_html_report_of_an_empty_window_still_renders(sample_facts: Path) -> None:
    report = build_report([], [], load_engine(sample_facts), NOW - 2 * DAY, NOW)
    page = render_html(report)
    assert page.count('class="bar"') == 0 and page.count('class="day empty"') == 3 and "none" in page
