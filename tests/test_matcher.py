"""The index's reading of pinyin: which Chinese a run of letters stands for."""

from __future__ import annotations

import pytest

from bot.matcher import Index
from bot.text import EN_STOPWORDS

TEXTS = ["几乎每个周末,会书法的党员都给邻居上书法课。", "基层权力碎片化", "街道党工委强身健体", "冬奥组委吹响集合哨"]


@pytest.fixture(scope="module")
def index() -> Index:
    # One document per text; "party" is an English word the facts use, and the dictionary holds the stopwords.
    docs = [{t: 1.0} for t in TEXTS]
    return Index(docs, [[t] for t in TEXTS], latin_words={"party"}, dictionary=frozenset({"shine", "weekend"}) | EN_STOPWORDS, texts=TEXTS)


@pytest.mark.parametrize("question, read", [
    ("who teaches shufa", "who teaches 书法"),  # a word the segmenter keeps whole
    ("why is power suipianhua?", "why is power 碎片化?"),  # three characters no single token holds
    ("what is qiang shen jian ti", "what is 强身健体"),  # one syllable a word: the longest run wins
    ("who blew the jihe shao", "who blew the 集合哨"),
])
def test_pinyin_of_the_facts_chinese_is_read_as_that_chinese(index: Index, question: str, read: str) -> None:
    assert index.from_pinyin(question) == read


@pytest.mark.parametrize("question", [
    "the party shine on weekend",  # English words: the facts', the dictionary's
    "an he",  # stopwords are never syllables of a word
    "who teaches shu, fa",  # punctuation between: two words, not one
    "zhongguo jiaoyu",  # sounds the facts do not hold
])
def test_english_and_unknown_sounds_are_left_alone(index: Index, question: str) -> None:
    assert index.from_pinyin(question) == question


@pytest.mark.parametrize("question, read", [
    ("jd通知说哪些地能停车了?", "街道通知说哪些地能停车了?"),  # glued before Chinese
    ("插到sq现成的队里", "插到社区现成的队里"),  # glued after it
    ("jd notice", "jd notice"),  # not glued to Chinese: letters, not initials
    ("zz通知", "zz通知"),  # initials of no word the facts hold
    ("be街道", "be街道"),  # an English word
])
def test_initials_glued_to_chinese_are_the_facts_most_common_word_of_them(question: str, read: str) -> None:
    # 街道 is in two documents and 监督 in one: jd is 街道.
    docs = [{"街道": 1.0, "社区": 1.0}, {"街道": 1.0}, {"监督": 1.0}]
    index = Index(docs, [["街道"], ["街道"], ["监督"]], dictionary=EN_STOPWORDS | {"be"}, texts=["街道", "社区", "监督"])
    assert index.from_pinyin(question) == read


@pytest.mark.parametrize("typed, known", [
    ("tiems", "times"),  # two neighbouring letters swapped, though "ties" is nearer by ratio
    ("wnag", "wang"),  # four letters: only a swap is trusted
    ("thrid", "third"),
    ("memebrs", "members"),  # any one slip from five letters on
    ("wnga", "wnga"),  # two slips: left as typed
    ("post", "post"),  # one letter changed in four: not "cost"
    ("tsop", "tsop"),  # a swap that changes the first letter is not trusted
])
def test_a_typo_is_corrected_to_the_one_known_word_it_slips_from(typed: str, known: str) -> None:
    words = {"times", "ties", "wang", "ways", "third", "members", "cost", "stop", "past"}
    spelling = Index([{}], [[]], latin_words=words)
    assert spelling.spell(typed) == known


def test_in_order_tells_the_same_words_the_other_way_round_apart() -> None:
    phrasings = [["物业公司 对 业主 有 什么 不满"], ["业主 对 物业公司 有 什么 不满"]]
    index = Index([{}, {}], phrasings)
    question = ["物业公司", "对", "业主", "有", "什么", "不满"]
    in_order = index.in_order(question, [0, 1])
    assert in_order[0] == 100.0 and in_order[1] < 90.0
    # The sorted-words closeness the score uses cannot tell them apart.
    assert index.closeness(" ".join(question), " ".join(sorted(question)), [0, 1]) == [100.0, 100.0]


def test_a_known_word_of_two_characters_is_read_as_a_phrase_not_character_by_character() -> None:
    # 银行 is yinhang and 长安 changan as phrases; read a character at a time, 行 and 长 would be
    # xing and zhang. Words of two characters are read together in one call: each still a phrase.
    words = ["银行", "长安", "调解", "西长安街", "乐家"]
    index = Index([{w: 1.0} for w in words], [[w] for w in words], texts=words)
    assert index.correct(["银杭", "常安", "条解"]) == ["银行", "长安", "调解"]  # homophone typos
    # no phrase pypinyin knows: its characters' own readings (乐 is le alone, yue in 音乐)
    assert index.correct(["了家"]) == ["乐家"]
    assert index.from_pinyin("the xichanganjie car park") == "the 西长安街 car park"
