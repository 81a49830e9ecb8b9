"""Invariants of the checks over arbitrary text (hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from translator.qa import check_pair

# News-like pieces: words in three scripts, numbers in every format, currency, percent,
# URLs, hashtags, quotes and brackets, markup, odd whitespace.
PIECES = st.sampled_from([
    "Toqayev", "said", "the", "Токаев", "заявил", "Тоқаев", "айтты", "7,000", "7 000", "7\u00a0000",
    "2.5", "2,5", "44", "€44", "$25m", "12,5 млрд", "1,5 тыс.", "30%", "percent", "процента", "пайыз",
    "https://example.kz/a_(b)", "www.orda.kz/news", "press@akorda.kz", "#NeMolchiKZ", "@kazinform",
    "«", "»", "„", "“", "”", "‘", "’", '"', "(", ")", "[", "](/news/1)", "**", "*", "`", "<b>", "</b>",
    " ", "\t", "\n", ".", ",", ":", "—", "⟦", "⟧",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=25).map(" ".join)
PAIRS = [("en", "ru"), ("ru", "en"), ("en", "kk"), ("kk", "en"), ("ru", "kk"), ("kk", "kk-Latn")]


@settings(max_examples=80, deadline=None)
@given(source=TEXT, target=TEXT, pair=st.sampled_from(PAIRS))
def test_checks_never_crash(source, target, pair):
    for finding in check_pair(source, target, *pair):
        assert finding.severity in ("error", "warning") and finding.message and "\n" not in finding.message


@settings(max_examples=80, deadline=None)
@given(text=TEXT, lang=st.sampled_from(["en", "ru", "kk"]))
def test_a_text_agrees_with_itself(text, lang):
    """The same text on both sides keeps every number, token, quote and mark: only 'untranslated' may fire."""
    checks = {f.check for f in check_pair(text, text, lang, lang)}
    assert checks <= {"untranslated", "pseudo", "wrong-language"}
