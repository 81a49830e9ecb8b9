"""HTML reader: block elements, inline markup as Markdown, furniture regions, skipped code."""

from translator.segment import parse_article, read_article
from translator.segment.html import read_html_blocks

PAGE = """<!doctype html>
<html><head><title>Toqayev Opens Bridge | Example</title>
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article>
<h1>Toqayev Opens New Bridge in Oskemen</h1>
<figure><img src="a.jpg" alt=""><figcaption>Photo: Aliya Serikova</figcaption></figure>
<p>President <strong>Toqayev</strong> opened the bridge on Friday. It cost &euro;84 million.</p>
<p>Details are on the <a href="https://example.kz/a">akimat's <em>website</em></a>.<br>Second line.</p>
<blockquote><p>"We will build more," he said.</p></blockquote>
<h2>Latest news</h2>
<ul><li><a href="https://example.kz/n1">Mazhilis Approves Budget</a></li>
<li><a href="https://example.kz/n2">Almaty Metro Extends Hours</a></li></ul>
</article>
<footer>&copy; 2025 Example News. All rights reserved.</footer>
</body></html>
"""


def test_html_blocks_and_inline_markup():
    blocks, meta = read_html_blocks(PAGE)
    assert meta == [("html_title", "Toqayev Opens Bridge | Example")]
    got = [(b.kind, b.level, b.text) for b in blocks]
    assert got[1] == ("heading", 1, "Toqayev Opens New Bridge in Oskemen")
    assert got[3] == ("paragraph", 0, "President **Toqayev** opened the bridge on Friday. It cost €84 million.")
    assert got[4] == ("paragraph", 0,
                      "Details are on the [akimat's *website*](https://example.kz/a).\nSecond line.")
    assert got[5] == ("quote", 0, '"We will build more," he said.')
    assert got[7] == ("list_item", 0, "[Mazhilis Approves Budget](https://example.kz/n1)")
    assert not any("not text" in b.text or "color" in b.text for b in blocks)
    assert blocks[1].line == 7


def test_html_roles(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_article(path)
    assert article.lang == "en"
    assert [b.role for b in article] == [
        "furniture", "title", "photo_credit", "body", "body", "body", "related_header",
        "related_title", "related_title", "furniture"]


def test_html_segments_rebuild_blocks():
    for block in parse_article(PAGE, fmt="html", lang="en"):
        assert block.rebuild() == block.text
