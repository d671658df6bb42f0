"""The meaning model: WordLlama's vectors, read from the installed package without the network."""

from __future__ import annotations

import numpy as np
import pytest

from bot.errors import CitebotError
from bot.meaning import load_meaning, read_meaning, unit, whitening


def test_vectors_are_unit_length_and_an_empty_text_is_zero() -> None:
    vectors = load_meaning().embed(["How many floors does the building have?", "三层小楼", ""])
    assert vectors.shape == (3, 256)
    assert np.allclose(np.linalg.norm(vectors[:2], axis=1), 1.0, atol=1e-5)
    assert not vectors[2].any()


def test_a_paraphrase_is_closer_than_a_question_about_something_else() -> None:
    asked, paraphrase, other = load_meaning().embed(
        ["Which parking lots were opened to residents?", "What car parks did they open to the public?", "How many volunteer teams should members join?"]
    )
    assert asked @ paraphrase > asked @ other + 0.3


def test_the_model_is_read_once_per_process() -> None:
    assert load_meaning() is load_meaning()


def test_words_the_vocabulary_holds_whole_are_words_and_typos_are_not() -> None:
    words = load_meaning().words
    assert {"weather", "whether", "members", "journalist"} <= words
    assert not {"memebrs", "thrid", "comunities", "xicheng"} & words
    # Three letters are a word unless they may be a syllable of a name (Cai Qi, Shi Feng).
    assert {"old", "yes", "new"} <= words
    assert not {"cai", "shi", "zhu"} & words


def test_a_missing_model_file_is_one_clear_error_naming_it(tmp_path) -> None:
    with pytest.raises(CitebotError, match=r"l2_supercat_256\.safetensors: missing"):
        read_meaning(tmp_path)


def test_whitening_shrinks_the_directions_one_facts_phrasings_vary_in() -> None:
    # Two facts whose phrasings vary along x (wording) and differ along y (what they say).
    rng = np.random.default_rng(0)
    groups = [np.column_stack([rng.normal(0, 1.0, 200), rng.normal(centre, 0.1, 200), rng.normal(0, 0.1, 200)]) for centre in (1, -1)]
    w = whitening(groups, shrink=0.0)
    wording, subject = unit(np.array([1.0, 0, 0]) @ w), unit(np.array([0, 1.0, 0]) @ w)
    assert np.linalg.norm(np.array([1.0, 0, 0]) @ w) < np.linalg.norm(np.array([0, 1.0, 0]) @ w) / 5
    assert abs(wording @ subject) < 0.2  # still separate directions
    # With no fact holding two phrasings there is nothing to learn: the identity.
    assert np.array_equal(whitening([np.ones((1, 3)), np.zeros((1, 3))], shrink=0.3), np.eye(3, dtype=np.float32))
