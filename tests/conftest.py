"""Shared fixtures: a small fact folder written per test, and the real fact base."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts"

SAMPLE_TEXT = "示例城市今年新建了12座公园。公园由市园林局负责管理。\n"
SAMPLE = {
    "source": {
        "id": "sample-doc",
        "title": "示例新闻",
        "date": "2020-01-02",
        "language": "zh",
        "path": "sample.txt",
    },
    "facts": [
        {
            "id": "parks-built",
            "questions": {
                "zh": ["示例城市今年新建了多少座公园?", "新建公园数量", "公园 新建 几座"],
                "en": ["How many parks were built this year?", "number of new parks"],
            },
            "answer": {"zh": "示例城市今年新建了12座公园。", "en": "The city built 12 new parks this year."},
            "source": "示例城市今年新建了12座公园。",
            "entities": ["12"],
        },
        {
            "id": "parks-managed-by",
            "questions": {
                "zh": ["公园由哪个部门管理?", "谁管理公园", "公园 管理 部门"],
                "en": ["Who manages the parks?", "park management department"],
            },
            "answer": {"zh": "公园由市园林局负责管理。", "en": "The parks are managed by the city's Landscaping Bureau."},
            "source": "公园由市园林局负责管理。",
        },
    ],
}


def write_facts(folder: Path, data: dict | None = None, text: str = SAMPLE_TEXT) -> Path:
    """Write a fact file and its source text into ``folder``; return the fact file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sample.txt").write_text(text, encoding="utf-8")
    path = folder / "sample.yaml"
    path.write_text(yaml.safe_dump(data or SAMPLE, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def sample_facts(tmp_path: Path) -> Path:
    """A folder holding a small, valid fact base of two facts."""
    write_facts(tmp_path / "facts")
    return tmp_path / "facts"


@pytest.fixture
def real_facts(tmp_path: Path) -> Path:
    """A copy of the repository's fact base that a test may edit."""
    target = tmp_path / "facts"
    shutil.copytree(FACTS, target)
    return target
