"""The answering engine: from a question to a decision, with no Slack and no environment.

    engine = Engine(load_factbase(Path("facts")))
    answer = engine.ask("2018年有多少在职党员回社区报到?")
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from pypinyin import Style, lazy_pinyin

from bot.answer import Answer, Language, Suggestion
from bot.factbase import FactBase, LoadedFact, load_factbase
from bot.matcher import Index, Scored
from bot.meaning import Meaning, load_meaning, unit, whitening
from bot.text import (
    EN_STOPWORDS, TOP_FLOOR, Vocabulary, alternatives, aside, asked_figures, asked_kind, asked_part, asking_sentences, asks_name, asks_quantity, asks_what,
    bigrams, capitalised_names, clean, counted_thing, detect_language, enumerated_numbers, every_floor, floors, latin_words,
    mentions, normalize, numbers, ordinal_numbers, place_names, quoted_names, referred_numbers, respell, rough_numbers, set_aside, uncontrasted,
    stem, states_quantity, tagged_names, tagged_words, unmet_request, unquoted, wade_giles, with_bigrams, words,
)

# Characters that end a Chinese place name: part of the name, never glued to it by the segmenter.
_PLACE_ENDINGS = frozenset("区市省县镇乡村路街道园里楼门内外")
# Longest question the engine reads; the rest of a 100 kB paste is noise, not a question.
MAX_QUESTION_CHARS = 500


@dataclass(frozen=True)
class Thresholds:
    """Where a score becomes an answer. Calibrated by ``bench/calibrate.py``; see the README."""

    answer: float = 50.0  # at or above: answer, if the runner-up is far enough behind
    margin: float = 8.0  # how far ahead of the runner-up a confident answer must be
    suggest: float = 40.0  # at or above: offer as "did you mean"
    coverage_weight: float = 0.6  # share of coverage in the score; the rest is phrasing closeness
    generic_share: float = 0.3  # a name in this share of facts or more is background, not a conflict
    shared_source_weight: float = 0.3  # weight of a source sentence's words in a fact that shares it
    meaning_lead: float = 0.40  # how much closer in meaning (cosine, shared subject taken away) wins a tie within the margin
    covered_lead: float = 0.25  # the same when the best fact holds all but a sliver of the question's words
    covered: float = 90.0  # coverage at or above which the best fact holds the whole question
    meaning_shrink: float = 1.0  # ridge on the within-fact covariance before whitening (bot/meaning.py)
    word_alike: float = 0.5  # cosine at which a thing asked is the one a fact leaves unnamed in other words
    overtake_lead: float = 0.35  # how much closer in meaning than every other close fact a runner-up answers instead
    order_lead: float = 10.0  # how much closer in word order (plain ratio) than every close fact the best one answers ...
    order_meaning: float = 0.15  # ... if also at least this much nearer in meaning (a third of the 0.45 lead it was swept at)
    order_coverage: float = 60.0  # ... and holding at least this share of the question
    counting: float = 0.6  # share of a fact's phrasings asking how many at which it is a count's fact


DEFAULT_THRESHOLDS = Thresholds()
_NO_QUANTITY = "asks for a quantity the fact does not state"
_UNCOUNTED = "counts {}, which the fact does not speak of"
# Why a best fact cannot answer a count at all (no quantity, none of the thing counted, or a
# span of time only the sentence it shares gives):
# a close runner-up that can is no rival of it.
_SHARED_DURATION = "asks for a duration, which only the sentence it shares with another fact states"
_CANNOT_COUNT = (_NO_QUANTITY, _UNCOUNTED.split("{}")[0], _SHARED_DURATION)


@dataclass(frozen=True)
class _Query:
    normalized: str
    spelt: str  # the same, its English typos corrected: for the floors it names and its meaning
    words: list[str]  # content words as asked
    content: list[str]  # the same, typos corrected
    numbers: set[str]  # the numbers it gives that a fact must hold
    specific: frozenset[str]  # those that name one thing (9175, 673: see _specific)
    floors: frozenset[str]  # the floors of a building it names (3 for 三楼, 3F, the third floor)
    alternatives: tuple[frozenset[str], ...]  # what it offers to choose from: {637, 673}, {dongcheng, xicheng}

    @property
    def several(self) -> bool:
        """True for a question of more than one word: one word ("library") asks nothing beyond a
        subject the facts it finds share, and has no word order."""
        return len(set(self.content)) > 1


@dataclass(frozen=True)
class _Entry:
    loaded: LoadedFact
    text: str  # every text of the fact, normalised, for entity look-ups
    numbers: frozenset[str]
    quantitative: bool  # its source or Chinese answer states a quantity
    claims: str  # its source and answers, normalised: what the fact itself says
    claim_names: dict[str, frozenset[str]]  # by language: the names its source and answers give
    words: frozenset[str]  # its words as matched (English ones stemmed)
    latin: frozenset[str]  # its English words as written, for names' typos
    initials: frozenset[str]  # its Chinese names by the first letters of their syllables: BJ, XC
    wade_giles: frozenset[str]  # its Chinese names' runs of syllables in Wade-Giles: tsai, chi, hsicheng
    floors: frozenset[str]  # the floors of a building its source and answers name: 3 for 三楼, the third floor
    every_floor: bool  # its source or answers speak of every floor (每1层都挂着党旗): of any one
    own_numbers: frozenset[str]  # the numbers of its answers and phrasings (not of its source sentence)
    shares_source: bool  # another fact quotes its source sentence too
    answers: str  # its answers alone, normalised: what it says, where the sentence says more


class Engine:
    """Answers questions from one fact base. Immutable once built, so threads may share it."""

    def __init__(self, base: FactBase, thresholds: Thresholds = DEFAULT_THRESHOLDS, meaning: Meaning | None = None):
        self.base = base
        self.thresholds = thresholds
        self._meaning = meaning or load_meaning()
        entries, doc_tokens, phrasings, latin, texts = [], [], [], set(), []
        asked_by_language: dict[Language, list[list[str]]] = {"zh": [], "en": []}
        # Single-word entities of any fact: a gazetteer, so 东城区 in a question about a 西城区
        # fact is seen as a name even where jieba's tagger does not flag it.
        entity_words: set[str] = set()
        quoted = Counter(loaded.fact.source for loaded in base.facts)
        for loaded in base.facts:
            fact = loaded.fact
            for language in asked_by_language:
                asked_by_language[language].append([normalize(q) for q in getattr(fact.questions, language)])
            asked = [*asked_by_language["zh"][-1], *asked_by_language["en"][-1]]
            source = normalize(fact.source)
            others = [normalize(t) for t in (fact.answer.zh, fact.answer.en, *fact.keywords, *fact.entities)]
            normalised = [*asked, source, *others]
            joined = "\n".join(normalised)
            # Each text cut into words once: jieba and the stemmer are most of the start-up.
            cut = {text: words(text) for text in normalised}
            said_zh = fact.source + "\n" + fact.answer.zh
            said_zh_normalised = normalize(said_zh)
            quantitative = states_quantity(said_zh_normalised)
            claims = normalize("\n".join((fact.source, fact.answer.zh, fact.answer.en)))
            # By language, so that 张颖 is not news to a question that says "Zhang Ying".
            # jieba tags common words as names too (城市, 胡同, 党组织): a tagged name is the fact's
            # only if its curator listed it among the entities; a quoted name always is.
            listed = [normalize(entity) for entity in fact.entities]
            claim_names = {
                "zh": frozenset([
                    *(name for name in tagged_names(said_zh_normalised) if any(name in entity for entity in listed)),
                    *(normalize(n) for n in quoted_names(said_zh) if not _idiom(n)),
                ]),
                "en": frozenset(normalize(n) for n in [*capitalised_names(fact.answer.en), *quoted_names(fact.answer.en)]),
            }
            held_words = frozenset(w for content in cut.values() for w in content)
            initials = frozenset(_initials(name) for name in [*claim_names["zh"], *listed] if not name.isascii())
            fact_latin = frozenset(w for n in normalised for w in latin_words(n))
            entries.append(_Entry(
                loaded, joined, frozenset(numbers(joined)), quantitative, claims, claim_names, held_words, fact_latin,
                initials, _wade_giles_names(fact.entities), frozenset(floors(claims)), every_floor(claims),
                frozenset(numbers("\n".join([*asked, *others]))),
                quoted[fact.source] > 1, normalize(fact.answer.zh + "\n" + fact.answer.en),
            ))
            for entity in fact.entities:
                parts = cut[normalize(entity)]
                # A lowercase English entity (subdistrict, department) is a common noun, not a name;
                # so is a Chinese one jieba tags a common noun or adverb (街道, 首都, 一楼).
                if len(parts) == 1 and not parts[0][0].isdigit() and (not entity.isascii() or entity[:1].isupper()):
                    if entity.isascii() or tagged_words(parts[0]).get(parts[0]) not in ("n", "vn", "d"):
                        entity_words.add(parts[0])
            # A source sentence several facts quote tells none of them apart (each takes one detail
            # of it): its words count less for them, so their own phrasings and answers decide.
            own = normalised if quoted[fact.source] == 1 else [*asked, *others]
            held = dict.fromkeys(with_bigrams(cut[source]), self.thresholds.shared_source_weight)
            held.update(dict.fromkeys((t for n in own for t in with_bigrams(cut[n])), 1.0))
            doc_tokens.append(held)
            latin.update(fact_latin)
            texts.extend(normalised)
            phrasings.append([" ".join(cut[q]) for q in asked])
        self._entries = entries
        # Each language's phrasings whitened by how the phrasings of one fact vary (see whitening).
        self._phrasing_vectors, self._whitening = {}, {}
        for language, lists in asked_by_language.items():
            vectors = self._embed(lists)
            self._whitening[language] = whitening(vectors, self.thresholds.meaning_shrink)
            self._phrasing_vectors[language] = [unit(v @ self._whitening[language]) for v in vectors]
        self._index = Index(doc_tokens, phrasings, latin, self._meaning.words | EN_STOPWORDS, texts)
        # Whether each fact's phrasings ask why or how long, by language (see asked_kind).
        self._kinds = {
            language: [frozenset(filter(None, map(asked_kind, qs))) for qs in lists]
            for language, lists in asked_by_language.items()
        }
        # The share of each fact's phrasings that ask how many, by language: a fact asked mostly
        # for its count ("How many working members reported in 2018?") answers little else.
        self._counting = {
            language: [sum(map(asks_quantity, qs)) / len(qs) if qs else 0.0 for qs in lists]
            for language, lists in asked_by_language.items()
        }
        # English names by the Chinese the facts list beside them (see _translations).
        self._translations = _translations(base)
        self._entity_words = frozenset(entity_words)
        # How many facts hold each number: one that a single fact holds names it (_named_by_number).
        self._number_holders = Counter(n for entry in entries for n in entry.numbers)
        # The model's English words in any form: a common word opening a question is no name.
        self._common_words = Vocabulary(self._meaning.words)
        # A scan of every fact per name asked: cached (thread-safe, bounded) since names recur.
        self._share = lru_cache(maxsize=4096)(self._share_of_facts)

    def _ranked(self, question: str, asked: str | None = None) -> tuple[_Query, list[tuple[float, Scored]]]:
        """Return the parsed question and every candidate fact's (score, signals), best first.

        Scored on ``asked`` if given (the sentences of ``question`` that ask), else on what
        follows a colon of context; the guards still read all of it (a name in the context counts).
        """
        question = question[:MAX_QUESTION_CHARS]
        normalized = normalize(question)
        asked = normalize(asked) if asked else asked_part(normalize(unquoted(question)))
        raw = words(self._index.from_pinyin(asked), spell=self._index.spell)
        given = _given_numbers(normalized)
        spelt = respell(normalized, self._index.spell)
        query = _Query(
            normalized, spelt, raw, self._index.correct(raw), given, frozenset(filter(_specific, given)),
            # A floor is read once typos are corrected: "the thrid floor" is the third.
            frozenset(floors(spelt)), tuple(alternatives(normalized)),
        )
        if not raw:
            return query, []
        weight = self.thresholds.coverage_weight
        scored = self._index.score(query.content, self._index.correct(bigrams(raw)))
        ranked = [(weight * s.coverage + (1 - weight) * s.closeness, s) for s in scored]
        ranked.sort(key=lambda pair: pair[0], reverse=True)
        # A large number the question gives names one thing: where some candidates hold every such
        # number ("What does 9,175 refer to?"), those that lack one are no candidates.
        if query.specific:
            holding = [
                pair for pair in ranked if not _missing_numbers(normalized, query.specific, self._entries[pair[1].index])
            ]
            if holding and len(holding) < len(ranked):
                ranked = holding
        # The top floor is the highest that the candidates name (their building's, in a fact base
        # of one article; a question names the building too, or its candidates would be others).
        if TOP_FLOOR in query.floors:
            named = [int(f) for _, s in ranked for f in self._entries[s.index].floors if f.isdigit()]
            top = {str(max(named))} if named else set()
            query = replace(query, floors=frozenset(query.floors - {TOP_FLOOR} | top))
        # A floor asked about ("一楼是干嘛的") is what the facts that name that floor (or every
        # floor) are about: the building's own fact names none, and ranked first on its words.
        if query.floors:
            on_floor = [pair for pair in ranked if self._on_floor(self._entries[pair[1].index], query.floors)]
            if on_floor and len(on_floor) < len(ranked):
                ranked = on_floor
        # A figure asked about as such ("What's the 31 in the campaign?", 31指的是什么) is what the
        # fact that gives it in its own answer or phrasings is about; facts that only quote it in a
        # sentence they share are no candidates.
        asked = asked_figures(normalized)
        if asked:
            owning = [pair for pair in ranked if all(n in self._entries[pair[1].index].own_numbers for n in asked)]
            if owning and len(owning) < len(ranked):
                ranked = owning
        return query, ranked

    @staticmethod
    def _on_floor(entry: _Entry, asked: frozenset[str]) -> bool:
        return bool(entry.floors & asked) or entry.every_floor

    def rank(self, question: str) -> list[tuple[str, float]]:
        """Return (fact id, score) for the best-covered facts, best first: for curators' checks and calibration."""
        _, ranked = self._ranked(question)
        return [(self._entries[s.index].loaded.id, score) for score, s in ranked]

    def ask(self, question: str) -> Answer:
        """Return the decision for ``question``: answered, suggested or unknown. Never raises on text."""
        text = question[:MAX_QUESTION_CHARS]
        language = detect_language(text)
        answer = self._decide(question, language)
        besides = self._besides(question, language, answer)
        if besides is not None:
            return replace(besides, question=question)
        if not answer.answered:
            # A sentence of context ("I'm writing a report on Beijing.", "My grandpa lives near
            # Guang'anmennei.") dilutes the words scored, may pull in a sibling, and its names and
            # numbers are the asker's, not what is asked: the sentences that ask are asked alone.
            # Only when the whole is not answered: measured, the context more often helps where
            # the whole already answers ("My dad's ex-army. Is there anything for veterans ...?").
            # A question that points back into its context ("... there?") is scored alone but
            # guarded whole: the context's names and numbers are then part of what is asked.
            asking = asking_sentences(text)
            if asking:
                alone, refers_back = asking
                # (A line quoted from the article is its words, not the asker's: not guarded.)
                if refers_back:
                    second = self._decide(unquoted(question), language, alone)
                else:
                    second = self._decide(alone, language)
                if second.answered:
                    return replace(second, question=question)
        return answer

    def _besides(self, question: str, language: Language, whole: Answer) -> Answer | None:
        """Return the answer to "Besides X, what ...?" where the whole question found the fact about
        X: another fact, if the question without X answers it, or None.

        The words of X pull the fact about X to the top. Scored without them (and guarded
        whole), the question asks for another fact. X is the fact its own words point at by the
        margin, and the answer must be one they do not. Either the whole question answered X
        (and only an answer to the rest replaces it: refusing there lost 78 labelled answers,
        since the fact asked about often holds what is set aside too, "Apart from individual
        members, how many employer Party organisations reported?"), or it left two facts, and
        no third, in doubt, X one of them, and the answer is the other (letting the rest answer
        any fact there gave confident wrong answers: "besides members reporting to their
        communities, what's the other reporting arrangement?" is about both kinds).
        """
        text = question[:MAX_QUESTION_CHARS]
        rest = set_aside(text)
        if rest == text or len(words(normalize(rest))) < 2:
            return None
        margin = self.thresholds.margin
        doubt = whole.suggestions[:3]
        if not whole.answered and (len(doubt) < 2 or len(doubt) > 2 and doubt[2].score > whole.score - margin):
            return None
        scores = dict(self.rank(aside(text)))
        excluded = next(iter(scores), None)  # X
        if whole.answered:
            if whole.fact_id != excluded:
                return None
            allowed = None  # any fact but X
        else:
            allowed = {s.fact_id for s in doubt[:2]} - {excluded}
            if len(allowed) != 1:
                return None
        answer = self._decide(question, language, rest)
        if not answer.answered or answer.fact_id == excluded or (allowed is not None and answer.fact_id not in allowed):
            return None
        return answer if scores.get(answer.fact_id, 0.0) <= scores[excluded] - margin else None

    def _decide(self, question: str, language: Language, asked: str | None = None) -> Answer:
        """Return the decision for ``question``, scored on ``asked`` if given (see ``_ranked``)."""
        query, ranked = self._ranked(question, asked)
        if not ranked:
            return Answer(question=question, language=language, decision="unknown")
        best_score, best = ranked[0]
        reason = self._doubt(question, language, query, ranked[0])
        if reason is None:
            reason, closer = self._rival(query, language, self._rivals(question, language, query, ranked))
            if reason is None:
                return self._answer(question, language, self._entries[best.index].loaded, best_score)
            # The best fact by words is no answer, but a close runner-up clearly nearer in meaning
            # than every other close fact is, if it passes its own guards ("Hetaoyuan building
            # floors": the first floor's fact by words, the building's by meaning).
            if closer is not None and self._doubt(question, language, query, closer) is None:
                return self._answer(question, language, self._entries[closer[1].index].loaded, closer[0])
        if reason.startswith(_CANNOT_COUNT) and len(ranked) > 1 and ranked[1][0] > best_score - self.thresholds.margin:
            # The best fact cannot answer a count at all, so it is no rival to the close one that
            # can ("How many floors does the Hetaoyuan building have?" ranks the third floor's fact
            # first on its words; "How many years has Shi Feng ..." his post's fact, which counts no
            # years): that one answers if it passes every guard and clears its own rivals. Only for
            # these guards: measured, the others' refusals also hold near-misses back.
            rest = ranked[1:]
            if self._doubt(question, language, query, rest[0]) is None and self._rival(query, language, rest)[0] is None:
                return self._answer(question, language, self._entries[rest[0][1].index].loaded, rest[0][0])
        suggestions = tuple(
            self._suggestion(self._entries[s.index].loaded, language, score)
            for score, s in ranked[:3]
            if score >= self.thresholds.suggest
        )
        decision = "suggested" if suggestions else "unknown"
        return Answer(
            question=question, language=language, decision=decision, score=best_score,
            suggestions=suggestions, reason=reason,
        )

    def _rivals(
        self, question: str, language: Language, query: _Query, ranked: list[tuple[float, Scored]]
    ) -> list[tuple[float, Scored]]:
        """Return ``ranked`` without the close runners-up that could not answer the question anyway:
        a count's fact, for a question that asks no count; and, where the best fact holds the whole
        question, one that fails a guard.

        A runner-up that fails a guard ("How many unit Party organisations reported?": the
        reporting reform's fact states no quantity) leaves no doubt about which fact is meant.
        Only where the best fact holds the whole question: measured, below that the tie is what
        holds near-misses back ("When did Cai Qi become party secretary?" answered by his visits:
        -25 and 27 wrong answers when applied to every question).
        """
        t = self.thresholds
        best_score, best = ranked[0]
        # A count's fact is no rival to a question that asks no count and gives no number, where
        # the best fact is not one ("What do working members do once they have registered where
        # they live?": the fact of how many registered holds the same words). A number the best
        # fact holds too names who is meant in a question ("what do the 717,000 members do?"),
        # but may be what keywords are about (社区减负 31项), or what is asked (was it 150 tasks?).
        counting = self._counting[language]
        given = query.numbers and not (asks_what(query.normalized) and query.numbers <= self._entries[best.index].numbers)
        if query.several and not given and not asks_quantity(query.normalized):
            if counting[best.index] < t.counting / 2:
                ranked = [ranked[0]] + [pair for pair in ranked[1:] if counting[pair[1].index] < t.counting]
        if best.coverage < t.covered:
            return ranked
        return [ranked[0]] + [
            pair for pair in ranked[1:]
            # A runner-up's own score is not held against it: only what it fails to hold.
            if pair[0] <= best_score - t.margin or self._doubt(question, language, query, (max(pair[0], t.answer), pair[1])) is None
        ]

    def answer_fact(self, fact_id: str, language: Language) -> Answer:
        """Return the answer of a chosen fact (a "did you mean" click); KeyError if there is none."""
        loaded = self.base.get(fact_id)
        question = (loaded.fact.questions.zh if language == "zh" else loaded.fact.questions.en)[0]
        return self._answer(question, language, loaded, 100.0)

    def _doubt(self, question: str, language: Language, query: _Query, best: tuple[float, Scored]) -> str | None:
        """Return why the best fact is not a confident answer, or None if it is.

        Too low a score, or something in the question the fact does not hold: a kind of
        quantity, a title or a level it does not state (``unmet_request``), a thing counted it
        does not speak of, a name when a name is asked, a number, a name it does not hold.
        (A guard on words no fact uses was measured and dropped: it refused paraphrases and
        caught no near-miss.)
        """
        t = self.thresholds
        score, scored = best
        entry = self._entries[scored.index]
        normalized = query.normalized
        if score < t.answer and not (score >= t.suggest and self._named_by_number(query, entry)):
            return f"score {score:.0f} below {t.answer:.0f}"
        if asks_quantity(normalized) and not entry.quantitative:
            return _NO_QUANTITY
        # "How many of the 9,175 ... are state-owned?", 那212名科级领导分到了多少个街道: a count within a
        # figure the question refers back to, which a fact stating only that figure does not give.
        within = referred_numbers(normalized) & query.numbers
        if within and asks_quantity(normalized) and _counts(entry.claims) <= within:
            return f"asks for a count within {min(within)}, which the fact does not state"
        counted = counted_thing(normalized)
        if counted and not any(self._speaks_of(entry, word) for word in counted):
            return _UNCOUNTED.format(" ".join(counted))
        unmet = unmet_request(
            normalized, entry.claims, self._alike, entry.claim_names["en"], entry.loaded.document.source.date.year
        )
        if unmet:
            return f"asks for {unmet}, which the fact does not state"
        # How long, asked of a fact whose sentence gives the span only for a sibling that quotes
        # it too ("今年是他在这个岗位任职的第3年" in the fact of Shi Feng's post): the fact's own
        # answers must. Only for a duration: for every kind, measured, it refused answers.
        if entry.shares_source and asked_kind(normalized) == "duration":
            year = entry.loaded.document.source.date.year
            if unmet_request(normalized, entry.answers, self._alike, entry.claim_names["en"], year) == "a duration":
                return _SHARED_DURATION
        if asks_name(normalized) and not self._gives_a_name(entry, query, language):
            return "asks for a name the fact does not give"
        # "Is it 637 or 673?": a fact that holds one of the two answers which it is.
        offered = {
            word for pair in query.alternatives
            if any(w in entry.numbers or (not w[0].isdigit() and self._holds_name(entry, w)) for w in pair) for word in pair
        }
        missing = _missing_numbers(normalized, query.numbers, entry) - offered
        if missing:
            return f"number {min(missing)} not in the fact"
        # A floor asked is held as a floor: "floor 3" is not answered by the second floor's fact
        # for its children aged 0 to 3. A fact of no floor is left to the other guards.
        other_floors = query.floors - entry.floors
        if entry.floors and other_floors:
            return f"floor {min(other_floors)} not in the fact"
        # A name set aside ("Apart from Hualongyuan Beili, which other estates ...") is not asked about;
        # a sentence's first word ("Measuring the reach: ...") is none when it is a common English word.
        names = set(tagged_names(uncontrasted(normalized))) | (set(query.words) & self._entity_words)
        names |= {normalize(n) for n in capitalised_names(uncontrasted(clean(question)), self._common_words)}
        names |= set(place_names(uncontrasted(normalized), self._common_words))
        # A district or county no fact speaks of (平谷区), which jieba's tagger takes for a noun.
        names |= {w for w in query.words if len(w) == 3 and w[-1] in "区县" and self._share(w) == 0}
        for name in sorted(names - offered):
            if self._holds_name(entry, name):
                continue
            if not self._names_background(name):
                return f"name {name} not in the fact"
        return None

    def _named_by_number(self, query: _Query, entry: _Entry) -> bool:
        """True if the question gives a large number (9,175) that this fact holds and no other does."""
        return bool(query.specific) and all(n in entry.numbers and self._number_holders[n] == 1 for n in query.specific)

    def _speaks_of(self, entry: _Entry, word: str) -> bool:
        """True if the fact speaks of the thing a question counts (``counted_thing``), allowing for a typo.

        A Chinese word no fact holds is taken for a typo (评必 for 评比), not for another thing:
        only a thing other facts speak of (街道, 门禁) is one this fact does not.
        """
        if word.isascii():
            return stem(self._index.spell(word)) in entry.words
        return word in entry.text or self._share(word) == 0

    def _embed(self, asked: list[list[str]]) -> list[np.ndarray]:
        """Return each fact's (normalised) phrasings as unit vectors, one matrix per fact (one batch for all)."""
        vectors = self._meaning.embed([q for qs in asked for q in qs])
        ends = np.cumsum([len(qs) for qs in asked])
        return np.split(vectors, ends[:-1])

    def _rival(
        self, query: _Query, language: Language, ranked: list[tuple[float, Scored]]
    ) -> tuple[str | None, tuple[float, Scored] | None]:
        """Return why a fact within the margin of the best one leaves the answer in doubt (None if none
        does), and the close runner-up that is then clearly the nearest in meaning, if one is.

        Facts that share a subject (three floors of one building) score alike on words, and
        alike in meaning too: most of a phrasing's meaning is the subject they share. So the
        subject is taken away first (the mean of the close facts' phrasings), and the question
        is compared with what is left of each phrasing: what it asks beyond the subject. The
        best fact still answers if what is left of one of its phrasings is clearly the closest.
        All of it in the whitened space, where the ways one fact's phrasings differ from each
        other (wording) weigh less than the ways facts differ (bot/meaning.py, whitening).

        A runner-up clearly nearer (``overtake_lead``) than every other close fact, the best one
        included, is returned: words nearly tie there, and meaning tells them apart. Its lead is
        smaller than the best fact's own (calibrated: at the best fact's, it answers almost nothing
        more; at the smaller, the best fact itself answers near-misses).
        """
        t = self.thresholds
        close = [pair for pair in ranked[1:] if pair[0] > ranked[0][0] - t.margin]
        if not close:
            return None, None
        facts = [self._phrasing_vectors[language][s.index] for _, s in (ranked[0], *close)]
        subject = np.mean([vectors.mean(axis=0) for vectors in facts], axis=0)
        # Typos corrected first: a misspelt word is a different token to the model, not a near one.
        asked = unit(unit(self._meaning.embed([query.spelt])[0] @ self._whitening[language]) - subject)
        nearness = [float((unit(vectors - subject) @ asked).max()) for vectors in facts]
        best, others = nearness[0], nearness[1:]
        # A best fact that holds the whole question leaves only which sibling is meant in doubt,
        # not whether the question asks something else: a smaller lead in meaning settles it.
        lead = t.covered_lead if ranked[0][1].coverage >= t.covered else t.meaning_lead
        if best - max(others) >= lead:
            return None, None
        # A question that asks why (or how long) and of the close facts only the best one's
        # phrasings ever ask it: the question word tells the siblings apart where meaning did not.
        kind, kinds = asked_kind(query.normalized), self._kinds[language]
        if kind and kind in kinds[ranked[0][1].index] and not any(kind in kinds[s.index] for _, s in close):
            return None, None
        # Word order: the closeness ratios compare words as a set or sorted, so a question in the
        # order of one fact's phrasing ("物业公司对业主有什么不满", who complains about whom) looks
        # as close to a sibling that holds the same words the other way round. Where the best fact
        # is clearly the closest in order, holds most of the question and is nearer in meaning
        # too (if by less than the lead), it answers. Not a question of one word: it has no order,
        # and its ratio to a phrasing says only how short that phrasing is.
        if query.several and ranked[0][1].coverage >= t.order_coverage and best - max(others) >= t.order_meaning:
            order = self._index.in_order(query.content, [s.index for _, s in (ranked[0], *close)])
            if order[0] - max(order[1:]) >= t.order_lead:
                return None, None
        # A question of one word ("library") asks nothing beyond a subject the close facts share:
        # what is left of it once the subject is taken away says nothing of which one is meant.
        closer = None
        if query.several:
            nearest = max(range(len(others)), key=others.__getitem__)
            rest = [best, *others[:nearest], *others[nearest + 1:]]
            closer = close[nearest] if others[nearest] - max(rest) >= t.overtake_lead else None
        # And the other way round: of the close facts only one runner-up's phrasings ever ask how
        # long, which the question asks and the best one's never do: the question word points at it.
        # (Not why: a point or a purpose is asked of aims and goals too, measured: two wrong answers.)
        if closer is None and kind == "duration" and kind not in kinds[ranked[0][1].index]:
            asking = [pair for pair in close if kind in kinds[pair[1].index]]
            closer = asking[0] if len(asking) == 1 else None
        return f"runner-up {self._entries[close[0][1].index].loaded.id} within {t.margin:.0f}", closer

    def _alike(self, word: str, others: list[str]) -> bool:
        """True if ``word`` is close in meaning to one of ``others`` (singer, vocal)."""
        vectors = self._meaning.embed([word, *others])
        return float((vectors[1:] @ vectors[0]).max()) >= self.thresholds.word_alike

    def _gives_a_name(self, entry: _Entry, query: _Query, language: Language) -> bool:
        """True if the fact names someone or something the question does not already name."""
        for name in entry.claim_names[language]:
            if name in query.normalized:
                continue
            if not self._is_background(name):
                return True
        return False

    def _is_background(self, name: str) -> bool:
        """True if ``name`` is in so many facts (北京 here) that it tells them apart from nothing."""
        return self._share(name) >= self.thresholds.generic_share

    def _names_background(self, name: str) -> bool:
        """True if a name asked is background, or a Chinese one that jieba's dictionary glues to a
        word of description (首都北京, the capital Beijing) around a background name; not to
        another name (北京海淀 names Haidian)."""
        if self._is_background(name):
            return True
        if name.isascii() or len(name) < 4:
            return False
        for i in range(len(name)):
            for j in range(i + 2, len(name) + 1):
                rest = name[:i] + name[j:]
                if 0 < len(rest) <= 2 and self._is_background(name[i:j]) and not tagged_names(rest):
                    return True
        return False

    def _share_of_facts(self, name: str) -> float:
        if name.isascii() and len(name) <= 3:
            # Letters as short as SH or BJ are a word or initials, not the start of a word (Shi Feng);
            # as a name asked they may start one (Lao for Laojiefang), which mentions() allows.
            word = re.compile(rf"\b{re.escape(name)}\b")
            held = sum(1 for e in self._entries if word.search(e.text) or _by_initials(e, name))
            return held / len(self._entries)
        return sum(1 for e in self._entries if name in e.text) / len(self._entries)

    def _holds_name(self, entry: _Entry, name: str) -> bool:
        """True if the fact holds ``name``, allowing for a typo."""
        if name.isascii():
            if mentions(entry.text, name) or mentions(entry.text, self._index.spell(name)):
                return True
            if name.replace(" ", "").replace("'", "") in entry.wade_giles:
                return True
            if name in self._translations and self._translations[name] in entry.text:
                return True
            if len(name) < 2:
                return False
            # A name's short typo the spell-corrector leaves alone (Yng, Fung): one slip from a word of the fact.
            if len(name) >= 3 and self._index.slip_of(name, entry.latin):
                return True
            return _by_initials(entry, name)
        if name in entry.text or self._index.correct([name])[0] in entry.text:  # 蔡琪 is a typo of 蔡奇
            return True
        # jieba glues the next character to a name it does not know (蔡琦回社区: 蔡琦回): the name
        # is what comes before, if that is a typo of the fact's. Not a place's last character (东城区).
        head = name[:-1]
        return len(head) >= 2 and name[-1] not in _PLACE_ENDINGS and self._index.correct([head])[0] in entry.text

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


def _given_numbers(normalized: str) -> set[str]:
    """Return the numbers a question gives that a fact must hold (not 0 or 1, nor a count of items to list)."""
    given = (numbers(normalized) - enumerated_numbers(normalized)) | ordinal_numbers(normalized)
    return {n for n in given if n not in ("0", "1")}


def _missing_numbers(normalized: str, given: set[str], entry: _Entry) -> set[str]:
    """Return the numbers of ``given`` (read from the question ``normalized``) that the fact does not hold."""
    missing = given - entry.numbers
    if missing:
        # A number given roughly (七十多万, about 670) is held by any number in its range.
        rough = rough_numbers(normalized)
        missing = {
            n for n in missing
            if n not in rough or not any(rough[n][0] <= float(held) < rough[n][1] for held in entry.numbers)
        }
    return missing


def _idiom(phrase: str) -> bool:
    """True for a quoted Chinese idiom (“寸土寸金”, every inch is gold): a figure of speech, not a name."""
    return list(tagged_words(phrase).values()) == ["i"]


def _translations(base: FactBase) -> dict[str, str]:
    """Return English name words by the one Chinese entity the facts list beside them (olympics: 冬奥组委).

    A word every fact listing it in an English entity also lists one Chinese entity with, which
    every fact listing that entity lists the word beside: a fact whose Chinese text holds the
    entity holds the name, though its English never says it (the dryland teams' source calls the
    school 冬奥组委's neighbour).
    """
    listing: dict[str, list[set[str]]] = {}
    listed_with: dict[str, list[set[str]]] = {}
    for loaded in base.facts:
        chinese = {normalize(e) for e in loaded.fact.entities if not e.isascii()}
        english = {w for e in loaded.fact.entities if e.isascii() for w in latin_words(normalize(e)) if len(w) >= 4}
        for word in english:
            listing.setdefault(word, []).append(chinese)
        for name in chinese:
            listed_with.setdefault(name, []).append(english)
    return {
        word: chinese for word, sets in listing.items() if len(shared := set.intersection(*sets)) == 1
        for chinese in shared if all(word in words for words in listed_with[chinese])
    }


def _counts(claims: str) -> set[str]:
    """Return the numbers a fact's texts state, other than years and 0 or 1."""
    return {n for n in numbers(claims) if n not in ("0", "1") and not _year(n)}


def _specific(number: str) -> bool:
    """True for a number that names one thing (9175, 673), not a small count or a year."""
    return float(number) >= 100 and not _year(number)


def _year(number: str) -> bool:
    """True for a number that reads as a year (2018), not a count."""
    value = float(number)
    return 1900 <= value <= 2100 and value.is_integer()


def _wade_giles_names(entities: list[str]) -> frozenset[str]:
    """Return every run of whole syllables of the Chinese ``entities`` in Wade-Giles, joined: 蔡奇 gives
    tsai, chi and tsaichi. Whole syllables only: "Chen" is no part of 西城 (hsi cheng)."""
    runs = set()
    for entity in entities:
        syllables = wade_giles(lazy_pinyin(entity, errors="ignore")) if not entity.isascii() else []
        for start in range(len(syllables)):
            for end in range(start + 1, len(syllables) + 1):
                runs.add("".join(syllables[start:end]))
    return frozenset(runs)


def _by_initials(entry: _Entry, name: str) -> bool:
    """True if ``name`` is the initials a Chinese name of the fact begins with (BJ, XC: 北京, 西城区)."""
    return any(held.startswith(name) for held in entry.initials)


def _initials(name: str) -> str:
    """Return a Chinese name's initials as typed in English chat: 北京 is bj, 西城区 xcq."""
    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER))


def load_engine(facts_dir: Path, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> Engine:
    """Load, validate and index the fact files under ``facts_dir``; raise FactErrors if any is bad."""
    return Engine(load_factbase(facts_dir), thresholds)


class EngineRef:
    """The engine currently serving. Live reload swaps it whole, so a question sees one fact base."""

    def __init__(self, engine: Engine):
        self._engine = engine

    @property
    def current(self) -> Engine:
        return self._engine

    def replace(self, engine: Engine) -> None:
        """Serve ``engine`` from the next question on (one reference assignment: atomic in CPython)."""
        self._engine = engine
