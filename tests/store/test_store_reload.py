"""Live reload under a running runtime: an edited fact file answers without a restart, a broken one is refused."""

from __future__ import annotations

import copy
import logging
from pathlib import Path

import pytest

from bot.runtime import build_runtime
from tests.conftest import SAMPLE, write_facts
from tests.store.conftest import make_settings, wait_for

QUESTION = "公园由哪个部门管理?"


def edited(answer_zh: str) -> dict:
    """The sample fact base with a new Chinese answer for parks-managed-by."""
    data = copy.deepcopy(SAMPLE)
    data["facts"][1]["answer"]["zh"] = answer_zh
    return data


def broken() -> dict:
    """The sample fact base with an unknown (misspelt) field in parks-managed-by: load_engine refuses it."""
    data = edited("这个版本不该被采用。")
    data["facts"][1]["sorce"] = "a typo of source"
    return data


def test_an_edited_fact_answers_at_once_and_a_broken_edit_is_refused(
    sample_facts: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings(database_url=f"sqlite:///{tmp_path}/log.db", facts_dir=sample_facts)
    runtime = build_runtime(settings)
    try:
        assert runtime.ask(QUESTION, "chat")[0].text == "公园由市园林局负责管理。"

        write_facts(sample_facts, edited("公园归市园林局管。"))
        wait_for(lambda: runtime.ask(QUESTION, "chat")[0].text == "公园归市园林局管。")
        assert runtime.watcher.reloads >= 1

        with caplog.at_level(logging.ERROR, logger="citebot.reload"):
            write_facts(sample_facts, broken())
            wait_for(lambda: runtime.watcher.refusals >= 1)
        answer = runtime.ask(QUESTION, "chat")[0]
        assert answer.text == "公园归市园林局管。" and answer.fact_id == "parks-managed-by"
        problems = [r.getMessage() for r in caplog.records if r.name == "citebot.reload"]
        assert any("sample.yaml" in p and "fact parks-managed-by" in p and "sorce: unknown field" in p for p in problems), problems
        assert any("previous fact base keeps serving" in p for p in problems)

        write_facts(sample_facts, edited("修好后的答案。"))  # fixing the file is picked up too
        wait_for(lambda: runtime.ask(QUESTION, "chat")[0].text == "修好后的答案。")
    finally:
        runtime.close()
    assert not runtime.watcher.running


def test_a_changed_source_text_is_checked_too(sample_facts: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # The quoted sentence must stay verbatim in its source text: editing the text alone can break a fact.
    runtime = build_runtime(make_settings(database_url=f"sqlite:///{tmp_path}/log.db", facts_dir=sample_facts))
    try:
        with caplog.at_level(logging.ERROR, logger="citebot.reload"):
            (sample_facts / "sample.txt").write_text("示例城市今年新建了12座公园。\n", encoding="utf-8")
            wait_for(lambda: runtime.watcher.refusals >= 1)
        assert runtime.ask(QUESTION, "chat")[0].fact_id == "parks-managed-by"
        assert any("not verbatim in sample.txt" in r.getMessage() and "source" in r.getMessage() for r in caplog.records)
    finally:
        runtime.close()


def test_no_watcher_when_watching_is_off(sample_facts: Path, tmp_path: Path) -> None:
    runtime = build_runtime(
        make_settings(database_url=f"sqlite:///{tmp_path}/log.db", facts_dir=sample_facts, watch_facts=False)
    )
    runtime.close()
    assert runtime.watcher is None
