"""Fact files: valid ones load; every bad one is refused with file, fact id and field named."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from bot.errors import FactErrors
from bot.factbase import load_factbase, split_sentences
from tests.conftest import SAMPLE, write_facts


def test_sample_loads(sample_facts: Path) -> None:
    base = load_factbase(sample_facts)
    assert [f.id for f in base.facts] == ["parks-built", "parks-managed-by"]
    assert base.get("parks-built").document.source.title == "示例新闻"


def _broken(mutate) -> dict:
    data = copy.deepcopy(SAMPLE)
    mutate(data)
    return data


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (lambda d: d["facts"][0].update(colour="red"), "fact parks-built: colour: unknown field"),
        (lambda d: d["facts"][1].pop("answer"), "fact parks-managed-by: answer: missing"),
        (lambda d: d["facts"][0]["questions"].update(en=["only one"]), "fact parks-built: questions.en"),
        (lambda d: d["facts"][0].update(source="示例城市今年新建了13座公园。"), "fact parks-built: source: not verbatim"),
        (lambda d: d["facts"][1].update(id="parks-built"), "used twice"),
        (lambda d: d["facts"][0].update(id="Bad Id"), "fact Bad Id: id"),
        (lambda d: d["source"].update(date="yesterday"), "source.date"),
        (lambda d: d["source"].update(path="missing.txt"), "source.path: cannot read source text"),
    ],
)
def test_bad_fact_file_names_file_fact_and_field(tmp_path: Path, mutate, expected: str) -> None:
    path = write_facts(tmp_path / "facts", _broken(mutate))
    with pytest.raises(FactErrors) as err:
        load_factbase(tmp_path / "facts")
    line = str(err.value)
    assert str(path) in line and expected in line
    assert "\n" not in line and "Traceback" not in line


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    folder = tmp_path / "facts"
    path = write_facts(folder)
    path.write_text("source: [unclosed\nfacts: []\n", encoding="utf-8")
    with pytest.raises(FactErrors, match=r"sample.yaml: line \d+: not valid YAML"):
        load_factbase(folder)


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    folder = tmp_path / "facts"
    write_facts(folder)
    (folder / "copy.yaml").write_text((folder / "sample.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(FactErrors, match="sample.yaml: fact parks-built: id: id already used in .*copy.yaml"):
        load_factbase(folder)


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FactErrors, match="no fact files"):
        load_factbase(tmp_path)


def test_split_sentences_keeps_clauses_ending_in_semicolons() -> None:
    assert split_sentences("\u00a0 一楼是活动室;二楼是活动区。三楼则是老兵之家。") == [
        "一楼是活动室;", "二楼是活动区。", "三楼则是老兵之家。"
    ]
