"""The command line: the local harness (ask, chat), curator tools (facts check, eval, report) and serve.

Every domain error becomes one line on stderr and a non-zero exit; anything unexpected is
logged with its traceback to the log file and the user sees one line.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Iterator

from bot.answer import Answer
from bot.errors import CitebotError, FactErrors
from bot.messages import message
from bot.settings import Settings, load_settings

log = logging.getLogger("citebot")
LOG_FILE = Path(tempfile.gettempdir()) / "citebot.log"


def _log_to_file() -> None:
    handler = logging.FileHandler(LOG_FILE, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def render_text(answer: Answer) -> str:
    """Return a readable, plain-text rendering of an answer for the terminal."""
    lang = answer.language
    if answer.answered:
        return (
            f"{answer.text}\n\n"
            f"  {message('source_label', lang)}: 「{answer.source}」\n"
            f"  — {answer.source_title} ({answer.source_date}) [{answer.fact_id}, {answer.score:.0f}]"
        )
    if answer.suggestions:
        lines = [message("did_you_mean", lang)]
        lines += [f"  {i}. {s.question}  [{s.fact_id}]" for i, s in enumerate(answer.suggestions, 1)]
        lines.append(message("rephrase", lang))
        return "\n".join(lines)
    return message("unknown", lang) + "\n" + message("help", lang)


def _read_lines(stream) -> Iterator[str]:
    """Yield stdin lines split on \\n only, invalid UTF-8 replaced: one question per input line."""
    for raw in stream.buffer if hasattr(stream, "buffer") else stream:
        if isinstance(raw, bytes):
            raw = raw.decode("utf-8", errors="replace")
        yield raw[:-1] if raw.endswith("\n") else raw


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.engine import load_engine

    engine = load_engine(settings.facts_dir)
    if args.question and not args.json:
        print(render_text(engine.ask(" ".join(args.question))))
        return 0
    questions = [" ".join(args.question)] if args.question else _read_lines(sys.stdin)
    for line in questions:
        question = line.rstrip("\r")
        try:
            answer = engine.ask(question)
            out = answer.to_json() if args.json else render_text(answer)
        except Exception:  # one bad line must not end the stream: log it, answer "unknown"
            log.exception("ask failed on a line")
            unknown = Answer(question=question, language="en", decision="unknown")
            out = unknown.to_json() | {"error": "internal error"} if args.json else message("apology", "en")
        print(json.dumps(out, ensure_ascii=False) if args.json else out, flush=True)
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.runtime import build_runtime

    runtime = build_runtime(settings)
    print(message("help", "zh") + "\n" + message("help", "en") + "\n(Ctrl-D to quit)")
    last: Answer | None = None
    last_id = ""
    try:
        while True:
            try:
                line = input("? ").strip()
            except EOFError:
                print()
                return 0
            if not line:
                continue
            if line in ("quit", "exit", "q"):
                return 0
            if last and last.suggestions and line.isdigit() and 1 <= int(line) <= len(last.suggestions):
                chosen = last.suggestions[int(line) - 1]
                runtime.feedback(last_id, "chose_suggestion", chosen.fact_id)
                print(render_text(runtime.ref.current.answer_fact(chosen.fact_id, last.language)))
                last = None
                continue
            last, last_id = runtime.ask(line, "chat")
            print(render_text(last))
    finally:
        runtime.close()


def cmd_facts_check(args: argparse.Namespace, settings: Settings) -> int:
    from bot.checks import check_factbase

    problems, report = check_factbase(settings.facts_dir)
    print(report)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from bot.evaluation import evaluate, load_labelled, render_report
    from bot.engine import load_engine

    cases = load_labelled(Path(args.file))
    result = evaluate(load_engine(settings.facts_dir), cases)
    print(json.dumps(result.to_json(), ensure_ascii=False, indent=2) if args.json else render_report(result, args.verbose))
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from bot.slack.server import serve

    return serve(settings, http=args.http, port=args.port, workers=args.workers, host=args.host)


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    from bot.report import run_report

    return run_report(settings, since=args.since, fmt=args.format, output=args.output)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="citebot: answers with its source sentence.")
    parser.add_argument("--facts", type=Path, help="folder of fact files (default: FACTS_DIR or ./facts)")
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer a question, or one question per stdin line")
    ask.add_argument("question", nargs="*", help="the question (omit to read stdin)")
    ask.add_argument("--json", action="store_true", help="one JSON object per input line")
    ask.set_defaults(run=cmd_ask)

    chat = sub.add_parser("chat", help="an interactive session")
    chat.set_defaults(run=cmd_chat)

    facts = sub.add_parser("facts", help="curator tools for fact files")
    facts_sub = facts.add_subparsers(dest="facts_command", required=True)
    check = facts_sub.add_parser("check", help="validate every fact file and print coverage")
    check.set_defaults(run=cmd_facts_check)

    ev = sub.add_parser("eval", help="accuracy on a labelled question file, by category")
    ev.add_argument("file")
    ev.add_argument("--json", action="store_true")
    ev.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    ev.set_defaults(run=cmd_eval)

    serve = sub.add_parser("serve", help="run the Slack bot (Socket Mode, or --http)")
    serve.add_argument("--http", action="store_true", help="Events API over HTTP instead of Socket Mode")
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument("--port", type=int, default=3000)
    serve.add_argument("--workers", type=int, default=2)
    serve.set_defaults(run=cmd_serve)

    report = sub.add_parser("report", help="the curator's report from the question log")
    report.add_argument("--since", default="7d", help="how far back: 7d, 24h, 30d")
    report.add_argument("--format", choices=["text", "csv", "json", "html"], default="text")
    report.add_argument("--output", "-o", help="write to this file instead of stdout")
    report.set_defaults(run=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    # Tracebacks go to the log file, never to the terminal; `serve` adds its own stderr log.
    logging.getLogger().setLevel(logging.INFO)
    _log_to_file()
    try:
        overrides = {"facts_dir": args.facts} if args.facts else {}
        settings = load_settings(**overrides)
        return args.run(args, settings)
    except FactErrors as err:
        for line in str(err).splitlines():
            print(f"error: {line}", file=sys.stderr)
        return 2
    except CitebotError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as err:
        log.exception("unexpected error")
        print(f"error: unexpected {type(err).__name__}; details in {LOG_FILE}", file=sys.stderr)
        return 1
