"""The fact-file format, as pydantic models. Unknown keys are errors (``extra="forbid"``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

FACT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(Strict):
    """The document a fact file is curated from."""

    id: str = Field(pattern=FACT_ID.pattern)
    title: str = Field(min_length=1)
    title_en: str | None = None
    date: dt.date
    language: Literal["zh", "en"]
    path: str = Field(min_length=1, description="the source text, relative to the fact file")
    url: str | None = None
    notes: str | None = Field(None, description="what was dropped from the scraped page, and why")


class Phrasings(Strict):
    zh: list[str] = Field(min_length=3)
    en: list[str] = Field(min_length=2)

    @field_validator("zh", "en")
    @classmethod
    def _no_blank(cls, v: list[str]) -> list[str]:
        if any(not q.strip() for q in v):
            raise ValueError("a phrasing is empty")
        return v


class Bilingual(Strict):
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Fact(Strict):
    """One answerable claim of the source, with the sentence it is quoted from."""

    id: str
    questions: Phrasings
    answer: Bilingual
    source: str = Field(min_length=1, description="copied verbatim from the source text")
    keywords: list[str] = Field(default_factory=list, description="extra match terms, either language")
    entities: list[str] = Field(
        default_factory=list,
        description="names, places, years and numbers the fact is about, either language",
    )

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not FACT_ID.match(v):
            raise ValueError("must be 2-63 lowercase letters, digits or '-'")
        return v


class FactFile(Strict):
    source: Source
    facts: list[Fact] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> "FactFile":
        seen: set[str] = set()
        for fact in self.facts:
            if fact.id in seen:
                raise ValueError(f"fact id {fact.id!r} is used twice")
            seen.add(fact.id)
        return self
