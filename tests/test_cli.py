"""The command line as a user runs it: a real process, its stdout, stderr and exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

JSON_KEYS = {"question", "answered", "fact_id", "answer", "source", "source_title", "score", "language", "suggestions"}


def run_bot(*args: str, stdin: bytes = b"", facts: Path | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("FACTS_DIR", None)
    prefix = ["--facts", str(facts)] if facts else []
    return subprocess.run(
        [sys.executable, "-m", "bot", *prefix, *args], input=stdin, capture_output=True, cwd=cwd, env=env, timeout=60
    )


def test_ask_prints_the_answer_and_its_quoted_source() -> None:
    out = run_bot("ask", "去年北京有多少在职党员回社区报到?")
    text = out.stdout.decode()
    assert out.returncode == 0
    assert "71.7万" in text and "「2018年,北京市有71.7万名在职党员回到居住地" in text and "2019-08-21" in text


def test_ask_json_writes_exactly_one_line_per_input_line_whatever_the_input() -> None:
    lines = [
        "去年北京有多少在职党员回社区报到?".encode(),
        b"",
        "How many parking spaces were added on West Chang'an Avenue?".encode(),
        b"x" * 100_000,
        b"\x00\x01\x1b[2J control",
        b"\xff\xfe invalid utf-8 \xc3",
        "\u2028 line separator inside a line \u0085".encode(),
        "上海有多少在职党员回社区报到?".encode(),
        b"\r",
    ]
    out = run_bot("ask", "--json", stdin=b"\n".join(lines) + b"\n")
    assert out.returncode == 0 and out.stderr == b""
    rows = [json.loads(line) for line in out.stdout.decode().split("\n") if line]
    assert len(rows) == len(lines)
    assert all(JSON_KEYS <= row.keys() for row in rows)
    assert rows[0]["answered"] and rows[0]["fact_id"] == "working-members-reported-2018" and rows[0]["language"] == "zh"
    assert "2018年,北京市有71.7万名在职党员" in rows[0]["source"]
    assert rows[2]["answered"] and rows[2]["language"] == "en" and "673" in rows[2]["answer"]
    assert not any(row["answered"] for row in rows[3:])
    assert all(isinstance(s["fact_id"], str) for row in rows for s in row["suggestions"])


def test_ask_json_without_trailing_newline_still_answers_the_last_line() -> None:
    out = run_bot("ask", "--json", stdin="第一个问题\n第二个问题".encode())
    assert len(out.stdout.decode().splitlines()) == 2


def test_facts_check_passes_on_the_real_fact_base_and_reports_coverage() -> None:
    out = run_bot("facts", "check")
    assert out.returncode == 0, out.stderr.decode()
    assert "source sentences cited" in out.stdout.decode()


def check_edited(sample_facts: Path, edit) -> tuple[subprocess.CompletedProcess, Path]:
    """Apply ``edit`` to the sample fact file's data, then run ``facts check`` on it."""
    path = sample_facts / "sample.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return run_bot("facts", "check", facts=sample_facts), path


def test_facts_check_names_file_fact_and_field_and_exits_non_zero(sample_facts: Path) -> None:
    out, path = check_edited(sample_facts, lambda d: d["facts"][1].update(source="公园由市政府管理。"))
    err = out.stderr.decode()
    assert out.returncode != 0
    assert f"{path}: fact parks-managed-by: source: not verbatim in sample.txt" in err
    assert "Traceback" not in err


def test_facts_check_reports_a_phrasing_that_finds_another_fact(sample_facts: Path) -> None:
    out, _ = check_edited(sample_facts, lambda d: d["facts"][0]["questions"]["en"].append("Who manages the parks?"))
    assert out.returncode != 0
    assert "fact parks-built: questions.en[2]:" in out.stderr.decode()


def test_facts_check_reports_a_phrasing_with_nothing_to_match_on(sample_facts: Path) -> None:
    out, _ = check_edited(sample_facts, lambda d: d["facts"][0]["questions"]["zh"].append("是什么?"))
    err = out.stderr.decode()
    assert out.returncode == 1
    assert "fact parks-built: questions.zh[3]: has no words to match on" in err and "Traceback" not in err


def test_facts_check_lists_uncited_sentences(sample_facts: Path) -> None:
    (sample_facts / "sample.txt").write_text(
        "示例城市今年新建了12座公园。公园由市园林局负责管理。园内禁止烧烤。\n", encoding="utf-8"
    )
    out = run_bot("facts", "check", facts=sample_facts)
    assert out.returncode == 0
    assert "园内禁止烧烤。" in out.stdout.decode()


def test_eval_prints_accuracy_by_category(tmp_path: Path, sample_facts: Path) -> None:
    labelled = tmp_path / "q.yaml"
    labelled.write_text(
        yaml.safe_dump(
            {"questions": [
                {"question": "示例城市今年新建了多少座公园?", "expect": "parks-built", "category": "zh"},
                {"question": "How many parks were built this year?", "expect": "parks-built", "category": "en"},
                {"question": "今天天气怎么样", "expect": None, "category": "out_of_scope"},
            ]},
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    out = run_bot("eval", str(labelled), "--json", facts=sample_facts)
    assert out.returncode == 0, out.stderr.decode()
    result = json.loads(out.stdout)
    assert result["groups"]["in-scope zh"]["correct"] == 1
    assert result["groups"]["in-scope en"]["correct"] == 1
    assert result["groups"]["out_of_scope"]["correct"] == 1
    assert result["confidently_wrong"] == 0


def test_eval_with_a_bad_file_is_one_line_and_non_zero(tmp_path: Path) -> None:
    labelled = tmp_path / "q.yaml"
    labelled.write_text("questions:\n  - question: hi\n    category: zh\n", encoding="utf-8")
    out = run_bot("eval", str(labelled))
    err = out.stderr.decode().strip()
    assert out.returncode != 0 and "\n" not in err and "questions.0.expect" in err


def test_chat_answers_and_takes_a_suggestion_by_number(sample_facts: Path, tmp_path: Path) -> None:
    # "公园" alone fits both facts: chat offers both, and "2" picks the second (parks-built).
    out = run_bot("chat", stdin="公园由哪个部门管理?\n公园\n2\n".encode(), facts=sample_facts, cwd=tmp_path)
    text = out.stdout.decode()
    assert out.returncode == 0, out.stderr.decode()
    assert "「公园由市园林局负责管理。」" in text
    assert "1. 公园由哪个部门管理?" in text and "2. 示例城市今年新建了多少座公园?" in text
    assert "「示例城市今年新建了12座公园。」" in text


def test_missing_facts_folder_is_one_line_and_non_zero(tmp_path: Path) -> None:
    out = run_bot("ask", "hi", facts=tmp_path / "nowhere")
    assert out.returncode != 0
    assert out.stderr.decode().strip() == f"error: {tmp_path / 'nowhere'}: no such folder of fact files"


def test_malformed_setting_names_the_variable(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RETENTION_DAYS": "soon"}
    out = subprocess.run([sys.executable, "-m", "bot", "ask", "hi"], capture_output=True, cwd=ROOT, env=env, timeout=60)
    assert out.returncode != 0
    assert out.stderr.decode().startswith("error: RETENTION_DAYS:")
