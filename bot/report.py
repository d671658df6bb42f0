"""The curator's report: what people asked that the bot could not answer, and how well it answered.

    python -m bot report --since 7d --format html --output report.html

``build_report`` is pure (logged rows and an engine in, a ``Report`` out); the renderers turn
a report into text, CSV, JSON or one self-contained HTML page; ``run_report`` does the I/O.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from string import Template

from sqlalchemy.exc import SQLAlchemyError

from bot.engine import Engine, load_engine
from bot.errors import CitebotError
from bot.matcher import group_similar
from bot.settings import Settings
from bot.store.database import StoreError, describe, first_line
from bot.store.queries import FactFeedback, LoggedQuestion, count_feedback, fetch_questions, open_log
from bot.text import normalize

TOP = 20  # rows per list: a curator's week of work, not a dump
MAX_VARIANTS = 5
_WORDS = re.compile(r"\w+")
_SINCE = re.compile(r"^\s*(\d+)\s*([hdw])\s*$")
_UNITS = {"h": "hours", "d": "days", "w": "weeks"}
TEMPLATE = Path(__file__).with_name("report.html")


class ReportError(CitebotError):
    """The report was asked for wrongly (e.g. a malformed ``--since``); the message says how."""


def parse_since(text: str, now: dt.datetime) -> dt.datetime:
    """Return the start of the window ``text`` ("7d", "24h", "2w") ends at ``now``; raise ReportError."""
    match = _SINCE.match(text or "")
    if not match or int(match.group(1)) == 0:
        raise ReportError(f"--since: expected a duration such as 7d, 24h or 2w, got {text!r}")
    return now - dt.timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


@dataclass(frozen=True)
class QuestionGroup:
    """Near-duplicate questions the bot did not answer confidently, with the fact nearest to them."""

    question: str  # the most frequent wording
    count: int
    unknown: int
    suggested: int
    variants: tuple[str, ...]
    nearest_fact: str | None  # the engine's best suggestion today, or the fact that answers it now
    nearest_question: str | None  # that fact's first phrasing in the question's language
    nearest_score: float
    answered_now: bool  # the fact base has changed since: today this question is answered

    @property
    def advice(self) -> str:
        if self.answered_now:
            return f"answered now by {self.nearest_fact}"
        if self.nearest_fact:
            return f"add a phrasing to {self.nearest_fact}?"
        return "write a new fact?"


@dataclass(frozen=True)
class FactRating:
    """A fact whose answers were clicked not helpful, with its first phrasing."""

    fact_id: str
    question: str | None  # None: the fact is no longer in the fact base
    not_helpful: int
    helpful: int


@dataclass(frozen=True)
class DayRate:
    """How many questions one day (UTC) brought, and how many were answered."""

    day: dt.date
    total: int
    answered: int

    @property
    def rate(self) -> float | None:
        return self.answered / self.total if self.total else None


@dataclass(frozen=True)
class Report:
    since: dt.datetime
    until: dt.datetime
    total: int
    answered: int
    groups: tuple[QuestionGroup, ...]
    ratings: tuple[FactRating, ...]
    days: tuple[DayRate, ...]


def group_questions(questions: list[LoggedQuestion], engine: Engine, top: int = TOP) -> list[QuestionGroup]:
    """Return the ``top`` most frequent groups of near-duplicate unanswered or suggested questions."""
    misses = [q for q in questions if q.decision in ("unknown", "suggested")]
    by_form: dict[str, list[LoggedQuestion]] = {}
    for q in misses:  # punctuation and spacing apart, the same question
        by_form.setdefault(" ".join(_WORDS.findall(normalize(q.question))), []).append(q)
    forms = sorted(by_form, key=lambda f: len(by_form[f]), reverse=True)  # stable: ties keep first-asked order
    groups = []
    for members in group_similar(forms):
        asked = [q for i in members for q in by_form[forms[i]]]
        wordings = Counter(q.question for q in asked)
        question = wordings.most_common(1)[0][0]
        groups.append((question, asked, tuple(w for w, _ in wordings.most_common(MAX_VARIANTS))))
    groups.sort(key=lambda g: len(g[1]), reverse=True)
    return [_with_nearest_fact(question, asked, variants, engine) for question, asked, variants in groups[:top]]


def _with_nearest_fact(question: str, asked: list[LoggedQuestion], variants: tuple[str, ...], engine: Engine) -> QuestionGroup:
    answer = engine.ask(question)
    if answer.answered:
        loaded = engine.base.get(answer.fact_id)
        phrasings = loaded.fact.questions.zh if answer.language == "zh" else loaded.fact.questions.en
        nearest = (answer.fact_id, phrasings[0], answer.score)
    elif answer.suggestions:
        best = answer.suggestions[0]
        nearest = (best.fact_id, best.question, best.score)
    else:
        nearest = (None, None, answer.score)
    decisions = Counter(q.decision for q in asked)
    return QuestionGroup(
        question, len(asked), decisions["unknown"], decisions["suggested"], variants, *nearest, answer.answered
    )


def rate_facts(feedback: list[FactFeedback], engine: Engine, top: int = TOP) -> list[FactRating]:
    """Return the facts clicked not helpful most often, with their first phrasing."""
    out = []
    for row in feedback:
        if row.not_helpful == 0:
            continue
        try:
            question = engine.base.get(row.fact_id).fact.questions.zh[0]
        except KeyError:
            question = None
        out.append(FactRating(row.fact_id, question, row.not_helpful, row.helpful))
    return out[:top]


def rate_days(questions: list[LoggedQuestion], since: dt.datetime, until: dt.datetime) -> list[DayRate]:
    """Return every UTC day of the window with its question count and answered count (zero days included)."""
    total: Counter[dt.date] = Counter()
    answered: Counter[dt.date] = Counter()
    for q in questions:
        day = q.asked_at.astimezone(dt.timezone.utc).date()
        total[day] += 1
        answered[day] += q.decision == "answered"
    first, last = since.astimezone(dt.timezone.utc).date(), until.astimezone(dt.timezone.utc).date()
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return [DayRate(day, total[day], answered[day]) for day in days]


def build_report(
    questions: list[LoggedQuestion], feedback: list[FactFeedback], engine: Engine, since: dt.datetime, until: dt.datetime
) -> Report:
    """Return the report of one window from the logged questions and clicks; the engine finds nearest facts."""
    return Report(
        since=since,
        until=until,
        total=len(questions),
        answered=sum(q.decision == "answered" for q in questions),
        groups=tuple(group_questions(questions, engine)),
        ratings=tuple(rate_facts(feedback, engine)),
        days=tuple(rate_days(questions, since, until)),
    )


def _percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate:.0%}"


def render_text(report: Report) -> str:
    """Return the report as plain text for the terminal."""
    lines = [
        f"Question log {report.since:%Y-%m-%d %H:%M} – {report.until:%Y-%m-%d %H:%M} UTC: "
        f"{report.total} questions, {report.answered} answered ({_percent(report.answered / report.total if report.total else None)})",
        "",
        "Most frequent unanswered and unsure questions:",
    ]
    for g in report.groups:
        near = f"{g.nearest_fact} 「{g.nearest_question}」 ({g.nearest_score:.0f})" if g.nearest_fact else "no fact near"
        lines.append(f"  {g.count:>4}×  {g.question}   [{g.unknown} unknown, {g.suggested} suggested]")
        lines.append(f"         nearest: {near} → {g.advice}")
        lines += [f"         also: {v}" for v in g.variants if v != g.question]
    if not report.groups:
        lines.append("  (none)")
    lines += ["", "Facts marked not helpful most often:"]
    for r in report.ratings:
        lines.append(f"  {r.not_helpful:>4}×  {r.fact_id}  「{r.question or 'no longer in the fact base'}」  ({r.helpful} helpful)")
    if not report.ratings:
        lines.append("  (none)")
    lines += ["", "Answered per day:"]
    lines += [f"  {d.day}  {d.answered:>4}/{d.total:<4} {_percent(d.rate):>5}" for d in report.days]
    return "\n".join(lines) + "\n"


CSV_COLUMNS = ["section", "key", "count", "answered", "rate", "unknown", "suggested", "fact_id", "fact_question", "score", "detail"]


def render_csv(report: Report) -> str:
    """Return the report as one CSV table; ``section`` says which list a row belongs to."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for g in report.groups:
        writer.writerow({
            "section": "question", "key": g.question, "count": g.count, "unknown": g.unknown, "suggested": g.suggested,
            "fact_id": g.nearest_fact or "", "fact_question": g.nearest_question or "", "score": f"{g.nearest_score:.1f}",
            "detail": g.advice + "; " + " | ".join(g.variants),
        })
    for r in report.ratings:
        writer.writerow({
            "section": "not_helpful", "key": r.fact_id, "count": r.not_helpful, "fact_id": r.fact_id,
            "fact_question": r.question or "", "detail": f"{r.helpful} helpful",
        })
    for d in report.days:
        writer.writerow({
            "section": "day", "key": d.day.isoformat(), "count": d.total, "answered": d.answered,
            "rate": "" if d.rate is None else f"{d.rate:.4f}",
        })
    return out.getvalue()


def report_json(report: Report) -> dict:
    """Return the report as JSON-ready data."""
    return {
        "since": report.since.isoformat(),
        "until": report.until.isoformat(),
        "total": report.total,
        "answered": report.answered,
        "questions": [
            {**asdict(g), "variants": list(g.variants), "nearest_score": round(g.nearest_score, 1), "advice": g.advice}
            for g in report.groups
        ],
        "not_helpful": [asdict(r) for r in report.ratings],
        "days": [{"day": d.day.isoformat(), "total": d.total, "answered": d.answered, "rate": d.rate} for d in report.days],
    }


def render_json(report: Report) -> str:
    """Return the report as a JSON document."""
    return json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"


CHART_HEIGHT = 160
BAR_WIDTH = 28
BAR_GAP = 8


def render_chart(days: tuple[DayRate, ...]) -> str:
    """Return an inline SVG bar chart of the answered rate per day; a day without questions has no bar."""
    e = html.escape
    width = len(days) * (BAR_WIDTH + BAR_GAP) + BAR_GAP
    top = 16  # room for the value over a full bar
    label_y = top + CHART_HEIGHT + 16
    parts = [
        f'<svg class="chart" role="img" aria-label="answered rate per day" width="{width}" height="{label_y + 8}" '
        f'viewBox="0 0 {width} {label_y + 8}">',
        f'<line class="axis" x1="0" y1="{top + CHART_HEIGHT}" x2="{width}" y2="{top + CHART_HEIGHT}"/>',
        f'<line class="full" x1="0" y1="{top}" x2="{width}" y2="{top}"/>',
    ]
    for n, day in enumerate(days):
        x = BAR_GAP + n * (BAR_WIDTH + BAR_GAP)
        label = f'<text class="day-label" x="{x + BAR_WIDTH / 2}" y="{label_y}">{day.day:%m-%d}</text>'
        if day.rate is None:
            parts.append(f'<g class="day empty" data-day="{day.day}">{label}</g>')
            continue
        height = round(day.rate * CHART_HEIGHT, 1)
        tip = e(f"{day.day}: {day.answered} of {day.total} answered ({_percent(day.rate)})")
        parts.append(
            f'<g class="day" data-day="{day.day}"><rect class="bar" data-rate="{day.rate:.4f}" data-total="{day.total}" '
            f'data-answered="{day.answered}" x="{x}" y="{top + CHART_HEIGHT - height}" width="{BAR_WIDTH}" '
            f'height="{height}"><title>{tip}</title></rect>'
            f'<text class="value" x="{x + BAR_WIDTH / 2}" y="{top + CHART_HEIGHT - height - 3}">{_percent(day.rate)}</text>'
            f"{label}</g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _rows(cells: list[list[str]]) -> str:
    return "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in cells)


def render_html(report: Report) -> str:
    """Return the report as one self-contained HTML page: inline CSS and SVG, nothing fetched, all text escaped."""
    e = html.escape
    groups = _rows([
        [
            str(g.count),
            e(g.question) + "".join(f'<div class="variant">{e(v)}</div>' for v in g.variants if v != g.question),
            f"{g.unknown} / {g.suggested}",
            (f'<code>{e(g.nearest_fact)}</code><div class="phrasing">{e(g.nearest_question or "")}</div>'
             if g.nearest_fact else "—"),
            f"{g.nearest_score:.0f}",
            e(g.advice),
        ]
        for g in report.groups
    ]) or '<tr><td colspan="6">none</td></tr>'
    ratings = _rows([
        [str(r.not_helpful), f"<code>{e(r.fact_id)}</code>", e(r.question or "no longer in the fact base"), str(r.helpful)]
        for r in report.ratings
    ]) or '<tr><td colspan="4">none</td></tr>'
    days = _rows([[str(d.day), str(d.total), str(d.answered), _percent(d.rate)] for d in report.days])
    overall = report.answered / report.total if report.total else None
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        since=e(f"{report.since:%Y-%m-%d %H:%M}"),
        until=e(f"{report.until:%Y-%m-%d %H:%M}"),
        total=report.total,
        answered=report.answered,
        rate=_percent(overall),
        groups=groups,
        ratings=ratings,
        chart=render_chart(report.days),
        days=days,
    )


RENDERERS = {"text": render_text, "csv": render_csv, "json": render_json, "html": render_html}


def run_report(settings: Settings, since: str = "7d", fmt: str = "text", output: str | None = None,
               now: dt.datetime | None = None) -> int:
    """Read the question log and write the report to ``output`` (or stdout); return the exit code.

    Raise ReportError for a bad ``since`` or format, StoreError if the log cannot be read, FactErrors for bad facts.
    """
    if fmt not in RENDERERS:
        raise ReportError(f"--format: expected one of {', '.join(RENDERERS)}, got {fmt!r}")
    until = now or dt.datetime.now(dt.timezone.utc)
    start = parse_since(since, until)
    db = open_log(settings.database_url)
    try:
        questions, feedback = fetch_questions(db, start), count_feedback(db, start)
    except SQLAlchemyError as err:  # the database went away between opening and reading
        raise StoreError(f"cannot read the question log at {describe(db.url)}: {first_line(err)}") from None
    finally:
        db.dispose()
    report = build_report(questions, feedback, load_engine(settings.facts_dir), start, until)
    rendered = RENDERERS[fmt](report)
    if output:
        try:
            Path(output).write_text(rendered, encoding="utf-8")
        except OSError as err:
            raise ReportError(f"--output: cannot write {output}: {err.strerror}") from None
    else:
        print(rendered, end="")
    return 0
