"""Splitting sentences too long for a model: safe cut points, nothing lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from translator.mt.tokenize import Tokenizer, rejoin, split_long


def words(text: str) -> int:
    return len(text.split())


def test_prefers_a_cut_after_strong_punctuation():
    text = "one two three four; five six seven eight"
    assert split_long(text, 5, words) == [("one two three four;", " "), ("five six seven eight", "")]


def test_comma_before_plain_space_and_pieces_fit():
    text = "alpha beta gamma, delta epsilon zeta eta theta iota kappa lambda mu"
    parts = split_long(text, 4, words)
    assert parts[0] == ("alpha beta gamma,", " ")
    assert all(words(p) <= 4 for p, _ in parts)


def test_text_without_spaces_is_cut_between_characters():
    text = "x" * 50
    parts = split_long(text, 10, len)
    assert "".join(p + s for p, s in parts) == text
    assert all(len(p) <= 10 for p, _ in parts)


@given(st.text(alphabet=st.sampled_from("ab ,;.\n—é"), max_size=200), st.integers(1, 12))
def test_split_loses_no_character(text, limit):
    parts = split_long(text, limit, len)
    assert "".join(p + s for p, s in parts) == text
    assert all(len(p) <= limit or len(p) <= 1 for p, _ in parts)


def test_rejoin_uses_the_original_separators():
    assert rejoin(["A;", "B", "C"], ["\n", " ", ""]) == "A;\nB C"


def test_tokenizer_round_trip(built):
    tok = Tokenizer(built["sp"])
    texts = ["Қалалық кеңес сейсенбі күні жиналды.", "Hello ☃ world!"]
    assert tok.decode(tok.encode(texts)) == texts
