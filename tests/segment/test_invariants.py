"""Segmentation loses no character: segments and gaps rebuild every block (hypothesis)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translator.segment import parse_article, split_sentences

# Text built from pieces that exercise the splitter: words in three scripts,
# abbreviations, initials, figures, terminal marks, quotes, brackets, spaces.
PIECES = st.sampled_from([
    "Toqayev", "said", "the", "U.S.", "Dr.", "a.m.", "Ltd.", "Sept.", "7,000", "4.8", "2021",
    "Тоқаев", "келді", "Қ.Тоқаев", "Р.Т.Ердоған", "млн.", "ж.", "т.б.", "деді", "Бұл",
    "Токаев", "г.", "ул.", "т.е.", "т. д.", "О.К.", "сказал", "Он", "ASTANA.", "KAZINFORM",
    ".", "!", "?", "…", "...", ",", ":", ";", " – ", " — ", "«", "»", "“", "”", "\"", "'", "(", ")",
    "*", "**", "[", "](https://example.kz/a.b)", "#tag", "€44", "$", "18:00", "1.", "-",
    " ", "  ", "\t", "\u00a0", "\n",
    "К.-Ж.", "ок.", "УСТЬ-КАМЕНОГОРСК.", "Өскемен.", "12 ноября.", "ҚазАқпарат", "долл.", "США",
    "2010-х", "мың", "т.", "(Kazinform)", "Nov. 12", "12.11.2025",
])
TEXTS = st.lists(PIECES, max_size=40).map(" ".join) | st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, lang=st.sampled_from(["en", "ru", "kk"]))
def test_spans_and_gaps_rebuild_the_text(text, lang):
    spans = split_sentences(text, lang)
    pos, rebuilt = 0, []
    for start, end in spans:
        assert pos <= start < end <= len(text)
        gap = text[pos:start]
        assert gap.strip() == "", f"non-space text {gap!r} fell between sentences"
        sent = text[start:end]
        assert sent == sent.strip() and sent
        rebuilt += [gap, sent]
        pos = end
    assert text[pos:].strip() == ""
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(TEXTS, min_size=1, max_size=6), fmt=st.sampled_from(["text", "markdown"]))
def test_blocks_rebuild_from_segments(lines, fmt):
    article = parse_article("\n".join(lines), fmt=fmt)
    for block in article:
        assert block.rebuild() == block.text
        for seg in block:
            assert block.text[seg.start:seg.end] == seg.text
        assert all(gap.strip() == "" for gap in block.gaps())
