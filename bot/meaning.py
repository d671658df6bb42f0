"""How close two questions are in meaning: WordLlama's static word embeddings.

Word overlap cannot tell "How many floors does the building have?" from "What is on the third
floor?": both hold "floor" and the building's name. An embedding of the whole question can,
and WordLlama's (a Llama tokenizer's vocabulary with 256-dimensional vectors trained for
sentence similarity, MIT) costs a table look-up and a sum: tens of microseconds a question,
no network, no GPU. It was trained mostly on English, but the vocabulary holds the common
Chinese characters, and measured on the labelled sets it tells Chinese siblings apart too.

The package's files are read directly: importing ``wordllama`` itself takes a third of a
second and configures the root logger, and its loader looks for the bundled tokenizer in the
wrong folder and then tries the network.
"""

from __future__ import annotations

import importlib.util
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
from safetensors import safe_open
from threadpoolctl import threadpool_limits
from tokenizers import Tokenizer

from bot.errors import CitebotError
from bot.text import pinyin_shaped

_WEIGHTS = "weights/l2_supercat_256.safetensors"
_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"


class Meaning:
    """Unit vectors for texts; the dot product of two is their similarity (-1 to 1)."""

    def __init__(self, folder: Path):
        self._tokenizer = Tokenizer.from_file(str(folder / _TOKENIZER))
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()
        with safe_open(str(folder / _WEIGHTS), framework="np", device="cpu") as weights:
            # Kept in float16 as shipped (converting the table costs 70 ms of start-up); each sum is
            # taken in float32, which holds every float16 value exactly.
            self._table = weights.get_tensor("embedding.weight")

    @cached_property
    def words(self) -> frozenset[str]:
        """Return the lowercase English words that the vocabulary holds whole: four letters or more,
        or three that are no syllable of pinyin (old, yes; not cai or shi, which may be names).

        A tokenizer trained on a large corpus keeps common words whole and splits rare ones and
        misspellings: a word it holds whole is a word, not a typo of another.
        """
        whole = (token[1:] for token in self._tokenizer.get_vocab() if token.startswith("\u2581"))  # ▁ starts a word
        return frozenset(
            w for w in whole
            if w.isascii() and w.isalpha() and w.islower() and (len(w) >= 4 or len(w) == 3 and not pinyin_shaped(w))
        )

    def embed(self, texts: list[str]) -> np.ndarray:
        """Return one unit vector per text (a row of zeros for a text with no tokens)."""
        vectors = np.zeros((len(texts), self._table.shape[1]), dtype=np.float32)
        for row, encoding in enumerate(self._tokenizer.encode_batch(texts, add_special_tokens=False)):
            if encoding.ids:
                # The sum, not the mean: the length is lost anyway once normalised. A loop of
                # small sums is faster here than one np.add.reduceat over every token.
                vectors[row] = self._table[encoding.ids].sum(axis=0, dtype=np.float32)
        return unit(vectors)


def whitening(groups: list[np.ndarray], shrink: float) -> np.ndarray:
    """Return the linear map that evens out how the texts within each group vary.

    ``groups`` holds one matrix of unit vectors per fact (its phrasings). Two phrasings of one
    fact differ in wording: the directions in which they differ are noise for telling facts
    apart, and the map shrinks them (the inverse square root of the within-fact covariance,
    as in linear discriminant analysis), so that what tells facts apart counts for more.
    ``shrink`` times the mean variance is added in every direction first, so that directions
    no two phrasings happened to differ in are not blown up. Identity if no fact has two phrasings.
    """
    dimensions = groups[0].shape[1] if groups else 0
    centred = [g - g.mean(axis=0) for g in groups if len(g) > 1]
    if not centred:
        return np.eye(dimensions, dtype=np.float32)
    stacked = np.concatenate(centred)
    covariance = stacked.T @ stacked / len(stacked)
    covariance += shrink * np.trace(covariance) / dimensions * np.eye(dimensions)
    # One BLAS thread: a 256x256 eigendecomposition takes milliseconds on one, and OpenBLAS's
    # threads spinning against other work on a busy machine took it to a second or more.
    with threadpool_limits(limits=1, user_api="blas"):
        values, vectors = np.linalg.eigh(covariance)
    return ((vectors / np.sqrt(values)) @ vectors.T).astype(np.float32)


def unit(vectors: np.ndarray) -> np.ndarray:
    """Return ``vectors`` (one, or one per row) scaled to length 1; a zero vector stays zero."""
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


@lru_cache(maxsize=1)
def load_meaning() -> Meaning:
    """Return the model installed with the wordllama package, read once per process (immutable, so shared)."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise CitebotError("wordllama is not installed; install citebot with: pip install -e .")
    return read_meaning(Path(next(iter(spec.submodule_search_locations))))


def read_meaning(folder: Path) -> Meaning:
    """Return the model whose files are in ``folder``; CitebotError naming the first file missing."""
    for name in (_WEIGHTS, _TOKENIZER):
        if not (folder / name).is_file():
            raise CitebotError(f"{folder / name}: missing (wordllama's bundled model); reinstall with: pip install -e .")
    return Meaning(folder)
