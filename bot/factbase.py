"""Loading and validating fact files: the curated content the engine answers from."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from bot.errors import FactError, FactErrors
from bot.models import Fact, FactFile, Source

# libyaml's loader when PyYAML was built with it: five times faster on a large fact file.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A sentence of the source text ends at one of these (both widths: the seed uses ASCII too).
SENTENCE_END = re.compile(r"(?<=[。!?!?;;])")


@dataclass(frozen=True)
class Document:
    """A source document: its metadata, the file it was declared in, and its full text."""

    source: Source
    file: Path
    text: str


@dataclass(frozen=True)
class LoadedFact:
    fact: Fact
    document: Document
    file: Path

    @property
    def id(self) -> str:
        return self.fact.id


@dataclass(frozen=True)
class FactBase:
    """Every fact of every fact file in a folder, in file order."""

    facts: tuple[LoadedFact, ...]
    documents: tuple[Document, ...]

    def get(self, fact_id: str) -> LoadedFact:
        """Return the fact with this id; KeyError if there is none."""
        for loaded in self.facts:
            if loaded.id == fact_id:
                return loaded
        raise KeyError(fact_id)


def fact_files(folder: Path) -> list[Path]:
    """Return the fact files (``*.yaml``/``*.yml``) under ``folder``, sorted."""
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def _field_error(file: str, raw: object, err: ValidationError) -> FactError:
    first = err.errors()[0]
    loc = list(first.get("loc", ()))
    fact_id = None
    if len(loc) >= 2 and loc[0] == "facts" and isinstance(loc[1], int) and isinstance(raw, dict):
        facts = raw.get("facts") or []
        if loc[1] < len(facts) and isinstance(facts[loc[1]], dict):
            fact_id = str(facts[loc[1]].get("id") or f"#{loc[1] + 1}")
        loc = loc[2:]
    field = ".".join(str(part) for part in loc) or None
    message = first["msg"]
    if first["type"] == "extra_forbidden":
        message = "unknown field (not part of the fact-file format)"
    elif first["type"] == "missing":
        message = "missing"
    return FactError(file, message, fact_id=fact_id, field=field)


def load_fact_file(path: Path) -> tuple[FactFile, Document]:
    """Parse and validate one fact file; raise FactError naming file, fact id and field."""
    name = str(path)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except OSError as err:
        raise FactError(name, f"cannot read: {err.strerror}") from None
    except UnicodeDecodeError:
        raise FactError(name, "not UTF-8 text") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise FactError(name, f"{where}not valid YAML ({getattr(err, 'problem', None) or err})") from None
    if not isinstance(raw, dict):
        raise FactError(name, "must be a mapping with 'source' and 'facts'")
    try:
        parsed = FactFile.model_validate(raw)
    except ValidationError as err:
        raise _field_error(name, raw, err) from None
    text_path = path.parent / parsed.source.path
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise FactError(name, f"cannot read source text {text_path}", field="source.path") from None
    return parsed, Document(parsed.source, path, text)


def load_factbase(folder: Path) -> FactBase:
    """Load every fact file under ``folder``; raise FactErrors listing every problem found.

    Checks the schema, that fact ids are unique across files and that every source
    sentence is verbatim in its document's text.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FactErrors([FactError(str(folder), "no such folder of fact files")])
    files = fact_files(folder)
    if not files:
        raise FactErrors([FactError(str(folder), "no fact files (*.yaml) in this folder")])
    errors: list[FactError] = []
    facts: list[LoadedFact] = []
    documents: list[Document] = []
    seen: dict[str, Path] = {}
    for path in files:
        try:
            parsed, document = load_fact_file(path)
        except FactError as err:
            errors.append(err)
            continue
        documents.append(document)
        for fact in parsed.facts:
            if fact.id in seen:
                errors.append(FactError(str(path), f"id already used in {seen[fact.id]}", fact.id, "id"))
                continue
            seen[fact.id] = path
            if fact.source not in document.text:
                errors.append(
                    FactError(str(path), f"not verbatim in {parsed.source.path}", fact.id, "source")
                )
                continue
            facts.append(LoadedFact(fact, document, path))
    if errors:
        raise FactErrors(errors)
    return FactBase(tuple(facts), tuple(documents))


def split_sentences(text: str) -> list[str]:
    """Return the sentences of a source text, stripped, without blank ones."""
    out = []
    for paragraph in text.splitlines():
        for sentence in SENTENCE_END.split(paragraph):
            sentence = sentence.strip().strip("\u00a0\u3000 ")
            if sentence:
                out.append(sentence)
    return out


def uncited_sentences(base: FactBase) -> list[tuple[Document, str]]:
    """Return the source sentences that no fact quotes (in whole or in part)."""
    out = []
    for document in base.documents:
        cited = [f.fact.source for f in base.facts if f.document.source.id == document.source.id]
        for sentence in split_sentences(document.text):
            if not any(c in sentence or sentence in c for c in cited):
                out.append((document, sentence))
    return out


