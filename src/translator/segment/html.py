"""HTML reader: a saved web page (``.html``) into raw blocks.

Block elements (``h1``-``h6``, ``p``, ``li``, ``blockquote``, ``figcaption``,
table cells, ``div`` boundaries) become blocks; inline markup becomes the
Markdown the other readers keep (``<em>`` → ``*em*``, ``<strong>`` →
``**strong**``, ``<a href>`` → ``[text](href)``), so every format reaches the
later stages in the same shape. Scripts, styles, forms and code are
dropped; text inside ``nav``, ``header``, ``footer`` and ``aside`` is kept but
marked as page furniture. Standard library only (:mod:`html.parser`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .plaintext import RawBlock

__all__ = ["read_html_blocks"]

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "form", "button",
                   "select", "textarea", "pre", "head", "object", "canvas", "map"})
_FURNITURE = frozenset({"nav", "header", "footer", "aside", "menu"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = frozenset({"p", "li", "blockquote", "figcaption", "td", "th", "dt", "dd", "div",
                     "section", "article", "main", "figure", "ul", "ol", "table", "tr", "caption",
                     "address", "hr", "body", "html", "dl", "center"} | set(_HEADINGS))
_INLINE = {"em": "*", "i": "*", "strong": "**", "b": "**", "code": "`"}
_BR = "\x1e"  # stands for <br> while whitespace is collapsed
_SPACE = re.compile(r"[ \t\r\n\f\u200b]+")


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[RawBlock] = []
        self.meta: list[tuple[str, str]] = []
        self.parts: list[str] = []
        self.start_line = 0
        self.kind, self.level = "paragraph", 0
        self.skip = 0
        self.furniture = 0
        self.quote = 0
        self.links: list[str | None] = []
        self.in_title = False
        self.title: list[str] = []

    # -- block handling -------------------------------------------------
    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.parts)).strip(" " + _BR)
        text = re.sub(f" ?{_BR}+ ?", "\n", text)
        if text and re.search(r"\w", text):
            kind = "quote" if self.quote and self.kind == "paragraph" else self.kind
            self.blocks.append(RawBlock(text, self.start_line, kind=kind, level=self.level,
                                        hint="furniture" if self.furniture else ""))
        self.parts = []
        self.kind, self.level = "paragraph", 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag in _FURNITURE:
            self.flush()
            self.furniture += 1
        elif tag in _BLOCKS:
            self.flush()
            self.start_line = self.getpos()[0]
            if tag in _HEADINGS:
                self.kind, self.level = "heading", _HEADINGS[tag]
            elif tag == "li":
                self.kind = "list_item"
            elif tag == "blockquote":
                self.quote += 1
        elif tag == "br":
            self.parts.append(_BR)
        elif tag in _INLINE:
            self._inline(_INLINE[tag])
        elif tag == "a":
            href = dict(attrs).get("href")
            self.links.append(href)
            if href:
                self._inline("[")
        elif tag == "img":
            alt = (dict(attrs).get("alt") or "").strip()
            if alt:
                self.flush()
                self.start_line = self.getpos()[0]
                self.parts.append(alt)
                self.flush()

    def _inline(self, mark: str) -> None:
        if not self.parts:
            self.start_line = self.getpos()[0]
        self.parts.append(mark)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in _FURNITURE:
            self.flush()
            self.furniture = max(0, self.furniture - 1)
        elif tag in _BLOCKS:
            self.flush()
            if tag == "blockquote":
                self.quote = max(0, self.quote - 1)
        elif tag in _INLINE:
            self.parts.append(_INLINE[tag])
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href:
                self.parts.append(f"]({href})")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.skip:
            return
        if not self.parts and data.strip():
            self.start_line = self.getpos()[0]
        self.parts.append(data)


def read_html_blocks(text: str) -> tuple[list[RawBlock], list[tuple[str, str]]]:
    """Blocks and metadata (the page ``<title>``) of an HTML page."""
    parser = _Parser()
    parser.feed(text)
    parser.close()
    parser.flush()
    meta = []
    title = _SPACE.sub(" ", "".join(parser.title)).strip()
    if title:
        meta.append(("html_title", title))
    return parser.blocks, meta
