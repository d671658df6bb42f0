"""The answering engine: from a question to a decision, with no Slack and no environment.

    engine = Engine(load_factbase(Path("facts")))
    answer = engine.ask("2018年有多少在职党员回社区报到?")
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from bot.answer import Answer, Language, Suggestion
from bot.factbase import FactBase, LoadedFact, load_factbase
from bot.matcher import Index, Scored
from bot.text import (
    NAME_FLAGS, asks_quantity, bigrams, capitalised_names, clean, detect_language, is_noun, normalize, numbers,
    states_quantity, tagged_words, tokens, words,
)

# Longest question the engine reads; the rest of a 100 kB paste is noise, not a question.
MAX_QUESTION_CHARS = 500


@dataclass(frozen=True)
class Thresholds:
    """Where a score becomes an answer. Calibrated by ``bench/calibrate.py``; see the README."""

    answer: float = 62.0  # at or above: answer, if the runner-up is far enough behind
    margin: float = 6.0  # how far ahead of the runner-up a confident answer must be
    suggest: float = 40.0  # at or above: offer as "did you mean"
    coverage_weight: float = 0.6  # share of coverage in the score; the rest is phrasing closeness
    generic_share: float = 0.3  # a name in this share of facts or more is background, not a conflict
    guard_unknown_words: bool = True  # a noun (or English word) no fact uses blocks a confident answer


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class _Query:
    normalized: str
    words: list[str]  # content words as asked
    content: list[str]  # the same, typos corrected


@dataclass(frozen=True)
class _Entry:
    loaded: LoadedFact
    text: str  # every text of the fact, normalised, for entity look-ups
    numbers: frozenset[str]
    quantitative: bool  # its source or Chinese answer states a quantity


class Engine:
    """Answers questions from one fact base. Immutable once built, so threads may share it."""

    def __init__(self, base: FactBase, thresholds: Thresholds = DEFAULT_THRESHOLDS):
        self.base = base
        self.thresholds = thresholds
        entries, doc_tokens, phrasings = [], [], []
        for loaded in base.facts:
            fact = loaded.fact
            texts = [
                *fact.questions.zh, *fact.questions.en, fact.answer.zh, fact.answer.en, fact.source,
                *fact.keywords, *fact.entities,
            ]
            normalised = [normalize(t) for t in texts]
            joined = "\n".join(normalised)
            quantitative = states_quantity(normalize(fact.source + fact.answer.zh))
            entries.append(_Entry(loaded, joined, frozenset(numbers(joined)), quantitative))
            doc_tokens.append({t for n in normalised for t in tokens(n)})
            phrasings.append([" ".join(words(normalize(q))) for q in (*fact.questions.zh, *fact.questions.en)])
        self._entries = entries
        self._index = Index(doc_tokens, phrasings)

    def _ranked(self, question: str) -> tuple[_Query, list[tuple[float, Scored]]]:
        """Return the parsed question and every candidate fact's (score, signals), best first."""
        normalized = normalize(question[:MAX_QUESTION_CHARS])
        raw = words(normalized)
        query = _Query(normalized, raw, self._index.correct(raw))
        if not raw:
            return query, []
        weight = self.thresholds.coverage_weight
        scored = self._index.score(query.content, self._index.correct(bigrams(raw)))
        ranked = [(weight * s.coverage + (1 - weight) * s.closeness, s) for s in scored]
        ranked.sort(key=lambda pair: pair[0], reverse=True)
        return query, ranked

    def rank(self, question: str) -> list[tuple[str, float]]:
        """Return (fact id, score) for every fact, best first: for curators' checks and calibration."""
        _, ranked = self._ranked(question)
        return [(self._entries[s.index].loaded.id, score) for score, s in ranked]

    def ask(self, question: str) -> Answer:
        """Return the decision for ``question``: answered, suggested or unknown. Never raises on text."""
        question = question[:MAX_QUESTION_CHARS] if len(question) > MAX_QUESTION_CHARS else question
        language = detect_language(question)
        query, ranked = self._ranked(question)
        if not ranked:
            return Answer(question=question, language=language, decision="unknown")
        best_score, best = ranked[0]
        runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
        t = self.thresholds
        if (
            best_score >= t.answer
            and best_score - runner_up >= t.margin
            and not self._conflicts(question, query, best)
        ):
            return self._answer(question, language, self._entries[best.index].loaded, best_score)
        suggestions = tuple(
            self._suggestion(self._entries[s.index].loaded, language, score)
            for score, s in ranked[:3]
            if score >= t.suggest
        )
        decision = "suggested" if suggestions else "unknown"
        return Answer(
            question=question, language=language, decision=decision, score=best_score, suggestions=suggestions
        )

    def answer_fact(self, fact_id: str, language: Language) -> Answer:
        """Return the answer of a chosen fact (a "did you mean" click); KeyError if there is none."""
        loaded = self.base.get(fact_id)
        question = (loaded.fact.questions.zh if language == "zh" else loaded.fact.questions.en)[0]
        return self._answer(question, language, loaded, 100.0)

    def _conflicts(self, question: str, query: _Query, best: Scored) -> bool:
        """True when the question holds something the best fact does not: a number or a name
        it does not hold, a noun no fact knows, or a request for a quantity it does not state."""
        entry = self._entries[best.index]
        normalized = query.normalized
        if asks_quantity(normalized) and not entry.quantitative:
            return True
        asked_numbers = {n for n in numbers(normalized) if n not in ("0", "1")}
        if asked_numbers - entry.numbers:
            return True
        flags = tagged_words(normalized)
        names = {w for w, flag in flags.items() if flag.startswith(NAME_FLAGS) and len(w) > 1}
        names |= {normalize(n) for n in capitalised_names(clean(question))}
        names = set(self._index.correct(sorted(names)))  # 蔡琪 is a typo of 蔡奇, not another person
        for name in names:
            if name in entry.text:
                continue
            share = sum(1 for e in self._entries if name in e.text) / len(self._entries)
            if share < self.thresholds.generic_share:
                return True
        if self.thresholds.guard_unknown_words:
            for word, corrected in zip(query.words, query.content):
                if corrected in self._index.idf or self._index.unknown_share(word) < 1:
                    continue
                if word.isascii() and len(word) >= 4 and not word.isdigit():
                    return True  # an English word no fact uses, even allowing for a typo
                if not word.isascii() and len(word) >= 2 and is_noun(flags.get(word, "x")):
                    return True  # a Chinese noun no fact uses: the question is about something else
        return False

    def _answer(self, question: str, language: Language, loaded: LoadedFact, score: float) -> Answer:
        fact = loaded.fact
        return Answer(
            question=question,
            language=language,
            decision="answered",
            score=score,
            fact_id=fact.id,
            text=fact.answer.zh if language == "zh" else fact.answer.en,
            source=fact.source,
            source_title=loaded.document.source.title,
            source_date=loaded.document.source.date,
        )

    @staticmethod
    def _suggestion(loaded: LoadedFact, language: Language, score: float) -> Suggestion:
        phrasings = loaded.fact.questions.zh if language == "zh" else loaded.fact.questions.en
        return Suggestion(loaded.id, phrasings[0], score)


def load_engine(facts_dir: Path, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> Engine:
    """Load, validate and index the fact files under ``facts_dir``; raise FactErrors if any is bad."""
    return Engine(load_factbase(facts_dir), thresholds)


class EngineRef:
    """The engine currently serving. Live reload swaps it whole, so a question sees one fact base."""

    def __init__(self, engine: Engine):
        self._engine = engine
        self._lock = threading.Lock()

    @property
    def current(self) -> Engine:
        return self._engine

    def replace(self, engine: Engine) -> None:
        """Serve ``engine`` from the next question on."""
        with self._lock:
            self._engine = engine
