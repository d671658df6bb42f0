"""The meaning model: WordLlama's vectors, read from the installed package without the network."""

from __future__ import annotations

import numpy as np
import pytest

from bot.errors import CitebotError
from bot.meaning import load_meaning, read_meaning


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


def test_a_missing_model_file_is_one_clear_error_naming_it(tmp_path) -> None:
    with pytest.raises(CitebotError, match=r"l2_supercat_256\.safetensors: missing"):
        read_meaning(tmp_path)
