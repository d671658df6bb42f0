"""Normalising: the same question written any common way reaches the same matching form."""

import pytest

from bot.text import canonical_numbers, clean, detect_language, normalize, numbers, tokens


@pytest.mark.parametrize(
    "a, b",
    [
        ("２０１８年北京市有多少在职党员", "2018年北京市有多少在职党员"),  # full-width digits
        ("２０１８年北京市有多少在職黨員", "2018年北京市有多少在职党员"),  # Traditional characters
        ("ＷＨＯ is Cai Qi？", "who is cai qi?"),  # full-width letters and punctuation, case
        ("71.7万名党员", "717000名党员"),  # 万 as a multiplier
        ("717,000 members", "717000 members"),  # thousands separators
        ("一百五十项", "150项"),
        ("两度迎来", "2度迎来"),
        ("蔡\u200b奇", "蔡奇"),  # zero-width space
        ("蔡\x07奇", "蔡 奇"),  # control character
        ("<@U123ABC> 蔡奇是谁", "蔡奇是谁"),  # Slack user mention
        ("see <#C1|general> &amp; <https://x.example|the page>", "see general & the page"),
        ("<!here> 蔡奇", "蔡奇"),
    ],
)
def test_normalize_equates_common_forms(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_clean_drops_markup_but_keeps_labels() -> None:
    assert clean("<https://a.example/x|链接> <mailto:a@b.c> &lt;b&gt;") == "链接 <b>"


@pytest.mark.parametrize(
    "text, expected",
    [("1~2个", {"1", "2"}), ("9175个法人单位", {"9175"}), ("三楼", set()), ("三层小楼", {"3"})],
)
def test_numbers_are_read_in_their_common_forms(text: str, expected: set[str]) -> None:
    assert numbers(normalize(text)) == expected


@pytest.mark.parametrize(
    "question, language",
    [
        ("蔡奇是谁?", "zh"),
        ("Who is Cai Qi?", "en"),
        ("What is 街乡吹哨?", "en"),
        ("Cai Qi 是谁", "zh"),
        ("蔡奇是誰", "zh"),
        ("", "en"),
        ("😀", "en"),
    ],
)
def test_detect_language(question: str, language: str) -> None:
    assert detect_language(question) == language


def test_tokens_drop_question_words_and_stem_english() -> None:
    assert "多少" not in tokens(normalize("北京有多少党员"))
    assert tokens(normalize("How many members reported?")) == ["member", "report"]


def test_canonical_numbers_leaves_words_that_only_contain_numerals() -> None:
    # 统一 and 一线 are words, not numbers: only numerals before a measure word are converted.
    assert canonical_numbers("统一换门禁,下沉到一线") == "统一换门禁,下沉到一线"
