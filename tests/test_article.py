import pytest

from translator.article import Block, Segment, segment_id, slugify


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Toqayev Arrives in Washington", "toqayev-arrives-in-washington"),
        ("Тоқаев Вашингтонға келді", "toqaev-vashingtonga-keldi"),
        ("../../etc/passwd", "etc-passwd"),
        ("", "article"),
    ],
    ids=["latin", "kazakh-cyrillic", "path-traversal", "empty"],
)
def test_slugify_is_a_safe_file_name(text, expected):
    assert slugify(text) == expected


def test_slug_length_is_bounded():
    slug = slugify("word " * 100)
    assert len(slug) <= 80 and "/" not in slug and ".." not in slug


def test_segment_id_ignores_whitespace_and_counts_repeats():
    assert segment_id("A  b.") == segment_id("A b.")
    assert segment_id("A b.", 2).endswith("-2")
    assert segment_id("A b.") != segment_id("A c.")


def test_block_rebuild_keeps_gaps():
    text = "One. Two!  Three"
    segs = (Segment("a", "One.", 0, 4), Segment("b", "Two!", 5, 9), Segment("c", "Three", 11, 16))
    block = Block(0, "body", text, segs)
    assert block.rebuild() == text
    assert block.rebuild(["1.", "2!", "3"]) == "1. 2!  3"


def test_unknown_role_is_rejected():
    with pytest.raises(ValueError, match="unknown role"):
        Block(0, "nonsense", "x")
