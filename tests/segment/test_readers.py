"""Plain-text and Markdown readers: blocks, kinds, levels, lines, metadata."""

from pathlib import Path

import pytest

from translator.segment import parse_article, read_article
from translator.segment.markdown import read_markdown_blocks
from translator.segment.plaintext import read_text_blocks

ARTICLES = Path(__file__).resolve().parents[2] / "i18n" / "articles"


def test_text_one_block_per_line_with_source_line():
    text = ("# source: https://example.kz/a\nTitle of the Piece\n\nFirst paragraph here.\n"
            "Second paragraph here.\n\n- Item one\n")
    blocks, meta = read_text_blocks(text)
    assert meta == [("source_url", "https://example.kz/a")]
    assert [b.text for b in blocks] == ["Title of the Piece", "First paragraph here.",
                                        "Second paragraph here.", "Item one"]
    assert [b.line for b in blocks] == [2, 4, 5, 7]
    assert blocks[3].kind == "list_item"


def test_text_wrapped_paragraphs_are_joined():
    text = ("The bridge opened on Friday and the city\nwas glad to see it, because it had\n"
            "waited ten years.\n\nA second paragraph that also\nwraps over lines.\n")
    blocks, _ = read_text_blocks(text)
    assert len(blocks) == 2
    assert blocks[0].text.startswith("The bridge") and blocks[0].text.endswith("ten years.")
    assert blocks[1].line == 5


def test_text_list_marker_goes_to_the_kind_as_in_markdown():
    article = parse_article("Latest news\n- Toqayev Arrives in Washington\n", lang="en")
    item = article.blocks[1]
    assert (item.kind, item.text) == ("list_item", "Toqayev Arrives in Washington")
    assert [s.text for s in item] == ["Toqayev Arrives in Washington"]


def test_markdown_structure():
    text = (
        "---\ntitle: Front matter title\nauthor: \"A. Writer\"\n---\n"
        "# The Title\n\nFirst *emphasised* paragraph with a [link](https://example.kz/x).\n"
        "It goes on.\n\n## Subheading ##\n\n> Quoted line one.\n> Quoted line two.\n>\n> Next.\n\n"
        "- item **one**\n  continued\n- item two\n\n1. first\n2) second\n\n***\n\n"
        "Setext Heading\n--------------\n\n```\ncode is skipped\n```\n<!-- comment -->\n"
    )
    blocks, meta = read_markdown_blocks(text)
    assert meta == [("title", "Front matter title"), ("author", "A. Writer")]
    got = [(b.kind, b.level, b.text) for b in blocks]
    assert got == [
        ("heading", 1, "The Title"),
        ("paragraph", 0, "First *emphasised* paragraph with a [link](https://example.kz/x).\nIt goes on."),
        ("heading", 2, "Subheading"),
        ("quote", 0, "Quoted line one.\nQuoted line two."),
        ("quote", 0, "Next."),
        ("list_item", 0, "item **one**\ncontinued"),
        ("list_item", 0, "item two"),
        ("list_item", 0, "first"),
        ("list_item", 0, "second"),
        ("heading", 2, "Setext Heading"),
    ]
    assert [b.line for b in blocks][:3] == [5, 7, 10]


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.glob("*.md")))
def test_sample_markdown_articles(name):
    article = read_article(ARTICLES / name)
    assert article.lang == name[:2]
    roles = [b.role for b in article]
    assert roles[:3] == ["title", "photo_credit", "body"]
    assert "byline" in roles and roles.count("related_header") == 1
    assert roles[roles.index("related_header") + 1:] == ["related_title"] * 6
    assert article.blocks[0].kind == "heading" and article.blocks[0].level == 1
    # inline markup survives in the text
    assert any("*" in b.text for b in article) and any("](https://" in b.text for b in article)


def test_sample_text_article():
    article = read_article(ARTICLES / "en-astana-water-forum.txt")
    assert dict(article.meta)["source_url"].startswith("https://example.kz/")
    assert [b.role for b in article] == [
        "title", "byline", "meta", "photo_credit", "body", "body", "body", "body", "furniture"]
    assert article.slug == "en-astana-water-forum"


def test_segment_ids_count_repeats_and_are_local_to_a_paragraph():
    text = "Title Of It\n\nSame sentence. Other one.\n\nSame sentence.\n"
    a = parse_article(text, lang="en")
    ids = [s.id for s in a.segments]
    assert ids[1] != ids[3] and ids[3] == ids[1] + "-2"
    b = parse_article(text.replace("Other one.", "Other one, edited."), lang="en")
    changed = [x != y for x, y in zip(ids, [s.id for s in b.segments], strict=True)]
    assert changed == [False, False, True, False]
