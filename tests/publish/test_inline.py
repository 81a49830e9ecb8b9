from html.parser import HTMLParser

import pytest

from translator.publish.inline import safe_href, safe_markdown, to_html, to_plain


@pytest.mark.parametrize(
    "url, ok",
    [
        ("https://example.kz/a", True), ("http://example.kz", True), ("mailto:a@b.kz", True),
        ("../x.html", True), ("/news/a", True), ("#top", True),
        ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), ("java\tscript:alert(1)", False),
        ("data:text/html,<script>", False), ("vbscript:x", False), ("javascript&#58;alert(1)", False),
    ],
)
def test_safe_href(url, ok):
    assert (safe_href(url) is not None) == ok


def test_markup_constructs():
    assert to_html("*a* **b** _c_ `d<` [e](https://x.kz/?a=1&b=2)") == (
        '<em>a</em> <strong>b</strong> <em>c</em> <code>d&lt;</code> '
        '<a href="https://x.kz/?a=1&amp;b=2">e</a>'
    )
    assert to_html(r"\*not em\*") == "*not em*"
    assert to_html("snake_case_name") == "snake_case_name"


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        '[x](https://a.kz/" onmouseover="alert(1))',
        '[x](https://a.kz/"onmouseover="alert(1)")',
        "**<b>bold</b>** [<i>t</i>](https://a.kz)",
        '"><svg onload=alert(1)>',
    ],
)
def test_hostile_text_cannot_make_elements_or_attributes(hostile):
    parser = _Collect()
    parser.feed(to_html(hostile))
    assert set(parser.tags) <= {"a", "em", "strong", "code"}
    for name, value in parser.attrs:
        assert name == "href" and not value.lower().startswith("javascript")


def test_safe_markdown_neutralises_html_and_bad_links():
    assert safe_markdown("<script>x</script> [a](javascript:x) [b](https://a.kz)") == (
        "&lt;script>x&lt;/script> a [b](https://a.kz)"
    )
    assert safe_markdown(r"\*kept\* *em*") == r"\*kept\* *em*"


def test_plain():
    assert to_plain("The **new** [bridge](https://a.kz) *opens*") == "The new bridge opens"
