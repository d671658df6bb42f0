"""Scoring a question against every fact. The one module that calls rapidfuzz.

Two signals per fact, both on a 0-100 scale so thresholds mean the same for every fact base:
- coverage: how much of the question's content (IDF-weighted tokens) the fact's text holds;
- closeness: the best fuzzy similarity between the question and one of the fact's phrasings.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils  # noqa: F401  (utils kept out on purpose: see _PROCESSOR)

# rapidfuzz's default_process drops CJK punctuation badly (RapidFuzz #29); our text is already
# normalised, so no processor runs inside rapidfuzz.
_PROCESSOR = None
_TYPO_CUTOFF = 84.0  # an unknown English word within this ratio of a known one is taken as a typo of it


@dataclass(frozen=True)
class Scored:
    index: int
    coverage: float
    closeness: float


class Index:
    """Token postings and phrasing strings of a list of documents, built once."""

    def __init__(self, doc_tokens: list[set[str]], phrasings: list[list[str]]):
        self.size = len(doc_tokens)
        self.doc_tokens = doc_tokens
        df = Counter(t for tokens in doc_tokens for t in tokens)
        self.idf = {t: math.log((self.size + 1) / (n + 0.5)) for t, n in df.items()}
        self.unknown_idf = math.log((self.size + 1) / 0.5)
        self.doc_freq = {t: n / max(self.size, 1) for t, n in df.items()}
        self._latin_vocab = sorted(t for t in df if t.isascii() and t.isalpha() and len(t) >= 4)
        self._phrasings = [p for ps in phrasings for p in ps]
        self._owner = [i for i, ps in enumerate(phrasings) for _ in ps]

    def correct(self, tokens: list[str]) -> list[str]:
        """Return ``tokens`` with unknown English words replaced by the known word they are a typo of."""
        out = []
        for token in tokens:
            if token not in self.idf and token.isascii() and token.isalpha() and len(token) >= 4:
                hit = process.extractOne(
                    token, self._latin_vocab, scorer=fuzz.ratio, processor=_PROCESSOR, score_cutoff=_TYPO_CUTOFF
                )
                if hit:
                    token = hit[0]
            out.append(token)
        return out

    def score(self, tokens: list[str], phrase: str) -> list[Scored]:
        """Return coverage and closeness of every document for a tokenised, normalised question."""
        unique = set(tokens)
        weights = {t: self.idf.get(t, self.unknown_idf) for t in unique}
        total = sum(weights.values()) or 1.0
        closeness = [0.0] * self.size
        if phrase:
            matches = process.extract(
                phrase, self._phrasings, scorer=fuzz.token_set_ratio, processor=_PROCESSOR, limit=None, score_cutoff=1
            )
            for _, value, position in matches:
                owner = self._owner[position]
                if value > closeness[owner]:
                    closeness[owner] = value
        out = []
        for i, doc in enumerate(self.doc_tokens):
            held = sum(w for t, w in weights.items() if t in doc)
            out.append(Scored(i, 100.0 * held / total, closeness[i]))
        return out
