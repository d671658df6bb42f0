"""The bot's own sentences, loaded from ``messages.yaml`` beside this module."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from bot.answer import Language


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    return yaml.safe_load((Path(__file__).with_name("messages.yaml")).read_text(encoding="utf-8"))


def message(key: str, language: Language, **values: object) -> str:
    """Return the text for ``key`` in ``language``, with ``{placeholders}`` filled; KeyError if unknown."""
    text = _table()[key][language]
    return text.format(**values) if values else text
