"""Scoring a question against every fact. The one module that calls rapidfuzz.

Two signals per fact, both on a 0-100 scale so thresholds mean the same for every fact base:
- coverage: how much of the question's content (IDF-weighted tokens) the fact's text holds;
- closeness: the best fuzzy similarity between the question's words and one of the fact's
  phrasings (computed only for the facts with the best coverage, to keep a question under 1 ms).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from pypinyin import lazy_pinyin
from pypinyin.constants import PHRASES_DICT
from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from bot.text import wade_giles

# rapidfuzz's default_process mishandles CJK punctuation (RapidFuzz #29); our text is already
# normalised, so no processor runs inside rapidfuzz.
_PROCESSOR = None
_TYPO_CUTOFF = 84.0  # an unknown English word within this ratio of a known one is taken as a typo of it
_CANDIDATES = 12  # facts whose phrasings are compared; the rest cannot win on coverage
_LATIN_RUN = re.compile(r"[a-z]+(?: [a-z]+)*")  # English words one space apart: no punctuation between
_CHINESE_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_PINYIN_SPAN = 4  # a Chinese word of two to four characters may be typed as one to four words of pinyin


@dataclass(frozen=True)
class Scored:
    index: int
    coverage: float
    closeness: float


class Index:
    """Token postings and phrasing strings of a list of documents, built once."""

    def __init__(
        self, doc_tokens: list[dict[str, float]], phrasings: list[list[str]], latin_words: set[str] = frozenset(),
        dictionary: frozenset[str] = frozenset(), texts: Iterable[str] = (),
    ):
        self.size = len(doc_tokens)
        df = Counter(t for tokens in doc_tokens for t in tokens)
        self.idf = {t: math.log((self.size + 1) / (n + 0.5)) for t, n in df.items()}
        self.unknown_idf = math.log((self.size + 1) / 0.5)
        # Each document's tokens with the share of a token's weight it earns for holding it
        # (less than 1 for words it holds only through a sentence other documents quote too).
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, tokens in enumerate(doc_tokens):
            for t, share in tokens.items():
                self._postings[t].append((i, share))
        # English words as written in the documents: a typo is corrected to one of them, then stemmed.
        self.latin_words = frozenset(latin_words)
        # English words that are words in their own right (stopwords among them): "weather" is no typo of "whether".
        self._dictionary = dictionary
        self._latin_vocab = sorted(w for w in latin_words if len(w) >= 4)
        self._anagrams: dict[str, list[str]] = defaultdict(list)  # the known words by their letters, sorted
        for w in self._latin_vocab:
            self._anagrams["".join(sorted(w))].append(w)
        # Chinese is typed by sound: a wrong character is most often a homophone (党圆 for 党员).
        # Known words and bigrams by their toneless pinyin; the more common one wins a clash.
        self._sounds: dict[str, str] = {}
        # And by their Wade-Giles (Hsicheng, Tsai Chi), for letters typed only: a Chinese typo is
        # a slip of pinyin, never of Wade-Giles.
        self._wade_giles: dict[str, str] = {}
        # And by their initials, as chat shortens common words glued to Chinese (jd 街道, sq 社区, wy 物业).
        self._initials: dict[str, str] = {}
        self._typed = _Sounds(texts)
        chinese = [t for t, _ in sorted(df.items(), key=lambda pair: -pair[1]) if 2 <= len(t) <= 4 and not t.isascii()]
        # pypinyin reads two characters as a phrase it knows (长安, chang'an), else one character at a
        # time: so the phrases in one call, the rest from their characters' readings (read once, for
        # _Sounds). Longer words one by one, as the phrases inside them decide (长安 of 西长安街).
        phrases = [t for t in chinese if len(t) == 2 and t in PHRASES_DICT]
        flat = lazy_pinyin(phrases)
        read = {t: flat[2 * i : 2 * i + 2] for i, t in enumerate(phrases)}  # one syllable a character
        by_character = self._typed.reading
        for t in chinese:
            if t in read:
                syllables = read[t]
            elif len(t) == 2 and t[0] in by_character and t[1] in by_character:
                syllables = [by_character[t[0]], by_character[t[1]]]
            else:
                syllables = lazy_pinyin(t)
            self._sounds.setdefault("".join(syllables), t)
            self._wade_giles.setdefault("".join(wade_giles(syllables)), t)
            if len(t) <= 3 and all(s.isalpha() for s in syllables):
                self._initials.setdefault("".join(s[0] for s in syllables), t)
        # Every phrasing as its words, and as its words sorted (token_sort_ratio without re-sorting),
        # in one flat list so that rapidfuzz compares a question with many in one call;
        # document i owns the phrasings from self._starts[i] to self._starts[i + 1].
        self._phrasing_words = [p for ps in phrasings for p in ps]
        self._phrasing_sorted = [" ".join(sorted(p.split())) for p in self._phrasing_words]
        self._starts = np.cumsum([0, *(len(ps) for ps in phrasings)])
        # A question's words are spelt more than once (for matching, for the floors it names, for
        # meaning), and an unknown word costs a search of the vocabulary: cached (thread-safe, bounded).
        self.spell = lru_cache(maxsize=8192)(self._spell)

    def _spell(self, word: str) -> str:
        """Return the known English word that ``word`` is a typo of, or ``word`` itself."""
        if word in self.latin_words or word in self._dictionary or len(word) < 4 or not word.isalpha():
            return word
        # Two letters swapped (thrid, spcaes, Wnag, tiems) cost two edits in the ratio but are one
        # slip of the fingers, and keep every letter: the one known word so typed, first letter right.
        swapped = [w for w in self._anagrams.get("".join(sorted(word)), ()) if w[0] == word[0] and _swapped(w, word)]
        if len(swapped) == 1:
            return swapped[0]
        hit = process.extractOne(word, self._latin_vocab, scorer=fuzz.ratio, processor=_PROCESSOR, score_cutoff=_TYPO_CUTOFF)
        if hit:
            return hit[0]
        # Any other one slip only from five letters on, first letter right, so that "cost" never becomes "post".
        if len(word) >= 5:
            same_start = [w for w in self._latin_vocab if w[0] == word[0]]
            hit = process.extractOne(word, same_start, scorer=DamerauLevenshtein.distance, processor=_PROCESSOR, score_cutoff=1)
            if hit:
                return hit[0]
        return word

    @staticmethod
    def slip_of(word: str, words: frozenset[str]) -> bool:
        """True if ``word`` is one slip (a letter dropped, added, changed or two swapped) from one of
        ``words`` that starts with the same letter: "Yng" for Ying, "Fneg" for Feng."""
        same_start = [w for w in words if w[:1] == word[:1] and abs(len(w) - len(word)) <= 1]
        return bool(same_start) and process.extractOne(
            word, same_start, scorer=DamerauLevenshtein.distance, processor=_PROCESSOR, score_cutoff=1
        ) is not None

    def from_pinyin(self, normalized: str) -> str:
        """Return ``normalized`` with Chinese words typed in pinyin or Wade-Giles written in Chinese: shufa is 书法.

        Readers in China name local things by their sound (wuye, guozitou, jihe shao). A run of
        one to four words that are no English word (not a word of the facts, not in the
        dictionary), whose letters are the sound of two to four characters the facts
        hold, is those characters; the longest run wins. Two or three letters glued to Chinese
        are the initials of the facts' most common word so spelt (yz都嫌wy啥: 业主, 物业).
        """
        def replace(match: re.Match[str]) -> str:
            letters = match.group()
            # Two or three letters glued to Chinese (jd通知, 插到sq现成) are a word's initials.
            before, after = normalized[match.start() - 1 : match.start()], normalized[match.end() : match.end() + 1]
            if letters in self._initials and letters not in self._dictionary and _CHINESE_RUN.search(before + after):
                return self._initials[letters]
            parts, out, i = match.group().split(" "), [], 0
            while i < len(parts):
                for n in range(min(_PINYIN_SPAN, len(parts) - i), 0, -1):
                    span = parts[i : i + n]
                    if all(p not in self.latin_words and p not in self._dictionary for p in span):
                        letters = "".join(span)
                        chinese = self._sounds.get(letters) or self._typed.find(letters) or self._wade_giles.get(letters)
                        if chinese:
                            out.append(chinese)
                            i += n
                            break
                else:
                    out.append(parts[i])
                    i += 1
            return " ".join(out)

        return _LATIN_RUN.sub(replace, normalized)

    def correct(self, tokens: list[str]) -> list[str]:
        """Return ``tokens`` with unknown Chinese words replaced by the known word that sounds the same.

        Chinese is typed by sound, so a wrong character is most often a homophone (党圆 for 党员).
        """
        return [self._sounds.get(_sound(t), t) if t not in self.idf and len(t) >= 2 and not t.isascii() else t for t in tokens]

    def unknown_share(self, word: str) -> float:
        """Return the share of an unknown Chinese word's bigrams that no document holds, even corrected.

        A word the segmenter cut badly around a typo (党圆回) still has known bigrams and is
        mostly a typo; a word about something else (上海) has none.
        """
        if word.isascii() or len(word) < 3:
            return 1.0
        pairs = self.correct([word[i : i + 2] for i in range(len(word) - 1)])
        return sum(1 for p in pairs if p not in self.idf) / len(pairs)

    def closeness(self, phrase: str, ordered: str, indexes: list[int]) -> list[float]:
        """Return the best similarity (0-100) between ``phrase`` and a phrasing of each document in ``indexes``.

        ``ordered`` is ``phrase`` with its words sorted, made once per question.
        token_set_ratio alone is 100 whenever the question's words are a subset of a phrasing's,
        so every fact sharing those words would tie; the sorted-words ratio also rewards the
        phrasing that says no more than was asked.
        """
        spans, chosen = self._phrasings_of(indexes)
        if not chosen:
            return [0.0] * len(indexes)
        words = process.cdist(
            [phrase], [self._phrasing_words[k] for k in chosen], scorer=fuzz.token_set_ratio, processor=_PROCESSOR
        )[0]
        ordered_words = process.cdist(
            [ordered], [self._phrasing_sorted[k] for k in chosen], scorer=fuzz.ratio, processor=_PROCESSOR
        )[0]
        return _best_of_each((words + ordered_words) / 2, spans)

    def in_order(self, words: list[str], indexes: list[int]) -> list[float]:
        """Return the best similarity (0-100) of ``words`` in their order to a phrasing of each
        document in ``indexes``: 物业公司对业主 is far from 业主对物业公司, which the other ratios see as one."""
        spans, chosen = self._phrasings_of(indexes)
        if not chosen:
            return [0.0] * len(indexes)
        values = process.cdist(
            [" ".join(words)], [self._phrasing_words[k] for k in chosen], scorer=fuzz.ratio, processor=_PROCESSOR
        )[0]
        return _best_of_each(values, spans)

    def _phrasings_of(self, indexes: list[int]) -> tuple[list[range], list[int]]:
        """Return the span of each document's phrasings in the flat list, and all of them in one list."""
        spans = [range(self._starts[i], self._starts[i + 1]) for i in indexes]
        return spans, [k for span in spans for k in span]

    def score(self, words: list[str], bigrams: list[str]) -> list[Scored]:
        """Return the best-covered documents, best first by coverage, with their closeness.

        A word no document holds weighs as much as the rarest word: a question about
        something the facts never mention must not look covered. An unknown bigram weighs
        nothing: most span two words and say nothing about the question.
        """
        # In the question's order, not a set's: a set's order changes with each process's string
        # hashing, and so would the last digits of the sums, and a score on the margin with them.
        weights = {t: self.idf.get(t, 0.0) for t in dict.fromkeys(bigrams)}
        weights.update({t: self.idf.get(t, self.unknown_idf * self.unknown_share(t)) for t in dict.fromkeys(words)})
        phrase, ordered = " ".join(words), " ".join(sorted(words))
        total = sum(weights.values()) or 1.0
        held: dict[int, float] = defaultdict(float)
        for t, w in weights.items():
            for i, share in self._postings.get(t, ()):
                held[i] += w * share
        candidates = sorted(held.items(), key=lambda pair: pair[1], reverse=True)[:_CANDIDATES]
        near = self.closeness(phrase, ordered, [i for i, _ in candidates]) if phrase else [0.0] * len(candidates)
        return [Scored(i, 100.0 * h / total, c) for (i, h), c in zip(candidates, near)]


def _best_of_each(values: np.ndarray, spans: list[range]) -> list[float]:
    """Return the largest of ``values`` within each span (laid end to end), 0 for an empty one."""
    best, at = [], 0
    for span in spans:
        best.append(float(values[at : at + len(span)].max()) if len(span) else 0.0)
        at += len(span)
    return best


def group_similar(texts: list[str], cutoff: float = 80.0) -> list[list[int]]:
    """Return the indexes of ``texts`` (normalised) grouped as near-duplicates, groups in order of first member.

    Two texts within ``cutoff`` (sorted-words ratio, so word order does not matter) share a
    group, and so do their other near-duplicates: the grouping does not depend on input order.
    """
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, text in enumerate(texts[:-1]):
        later = texts[i + 1 :]
        for _, _, offset in process.extract(
            text, later, scorer=fuzz.token_sort_ratio, processor=_PROCESSOR, score_cutoff=cutoff, limit=None
        ):
            parent[root(i + 1 + offset)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(texts)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


class _Sounds:
    """The Chinese of some texts as pinyin: which characters a run of letters sounds like."""

    def __init__(self, texts: Iterable[str]):
        runs = sorted({run for text in texts for run in _CHINESE_RUN.findall(text)})
        chars = sorted({c for run in runs for c in run})
        # One reading per character, pypinyin's most common (a list: each item read on its own,
        # one call); a phrase's reading in context (长安, chang'an) is in Index._sounds, looked up first.
        self.reading = reading = dict(zip(chars, lazy_pinyin(chars)))
        # Every run's letters in one string, "|" between runs, and where each character's
        # syllable starts in it, so that a match is known to start and end between two characters.
        letters: list[str] = []
        self._chars: list[str] = []
        self._starts: dict[int, int] = {}
        at = 0
        for run in runs:
            for c in (*run, "|"):
                self._starts[at] = len(self._chars)
                self._chars.append(c)
                syllable = reading.get(c, c)
                letters.append(syllable)
                at += len(syllable)
        self._letters = "".join(letters)
        # Where each character's syllable starts, by the first four letters from there: a search
        # looks only at those places (a word typed in pinyin has four letters or more).
        self._by_prefix: dict[str, list[int]] = defaultdict(list)
        for start in self._starts:
            self._by_prefix[self._letters[start : start + 4]].append(start)

    def find(self, letters: str) -> str | None:
        """Return the two to four characters whose syllables are ``letters`` (the most frequent), or None."""
        found: Counter[str] = Counter()
        for at in self._by_prefix.get(letters[:4], ()) if len(letters) >= 4 else ():
            first, end = self._starts[at], self._starts.get(at + len(letters))
            if end is not None and 2 <= end - first <= _PINYIN_SPAN and self._letters.startswith(letters, at):
                found["".join(self._chars[first:end])] += 1
        return found.most_common(1)[0][0] if found else None


def _swapped(known: str, typed: str) -> bool:
    """True if ``typed`` is ``known`` with two neighbouring letters swapped."""
    at = [i for i, (a, b) in enumerate(zip(known, typed)) if a != b]
    return len(known) == len(typed) and len(at) == 2 and at[1] == at[0] + 1 and known[at[0]] == typed[at[1]]


def _sound(text: str) -> str:
    return "".join(lazy_pinyin(text))
