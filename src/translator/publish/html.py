"""A complete, self-contained HTML page per article and locale.

``<html lang>``, ``<meta charset>``, ``<link rel="alternate" hreflang>`` for
the same article in the other locales, and semantic elements: ``article``,
``header`` with ``h1`` (and the standfirst), ``p.credit`` for a photo credit
(there is no image to put a ``figure`` around), ``blockquote`` (one for a
quote of several paragraphs), ``footer``/``address`` for the byline, and
``aside``/``nav`` for the "Latest news" list.

Every text is escaped; inline Markdown becomes only links (http, https,
mailto or relative), emphasis and code (:mod:`translator.publish.inline`).
Machine output is marked with ``data-mt`` on the element holding it; text
left in the source language carries that language in ``lang``.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from ..locales import get_locale
from .inline import to_html
from .model import LocalArticle, LocalBlock, Run

__all__ = ["generate_html", "render_html"]

_CSS = (
    "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:42rem;margin:2rem auto;padding:0 1rem}"
    ".standfirst{font-size:1.15em}.credit,.meta{color:#555;font-size:.9em}"
    "blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1rem}"
    "[data-mt]{background:#fff8e1}"
)

_RELATED = {"related_header", "related_title", "related_meta", "related_body"}


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _attrs(block: LocalBlock, locale: str, classes: str = "") -> str:
    """``lang``/``data-mt``/``class`` attributes for a block element whose runs agree."""
    parts = []
    if classes:
        parts.append(f' class="{classes}"')
    states = block.states - {"gap"}
    if states and states <= {"untranslated", "original"}:
        langs = {r.lang for r in block.segments}
        if len(langs) == 1:
            parts.append(f' lang="{_esc(langs.pop())}"')
    if block.machine:
        parts.append(" data-mt")
    return "".join(parts)


def _run_html(run: Run, block_uniform: bool) -> str:
    inner = to_html(run.text)
    if block_uniform or run.state in ("gap", "reviewed"):
        return inner
    if run.state == "machine":
        return f"<span data-mt>{inner}</span>"
    return f'<span lang="{_esc(run.lang)}">{inner}</span>'


def _inline(block: LocalBlock) -> str:
    """The block's content: one pass over the whole text when its segments agree, else run by run.

    Rendering run by run lets a machine sentence or a source-language sentence
    be marked inside a paragraph; markup that spans two sentences of
    different states is then shown as text (safe, only less pretty).
    """
    states = block.states - {"gap"}
    langs = {r.lang for r in block.segments}
    if len(states) <= 1 and len(langs) <= 1:
        return to_html(block.text.strip())
    runs = list(block.runs)
    while runs and runs[0].state == "gap" and not runs[0].text.strip():
        runs.pop(0)
    while runs and runs[-1].state == "gap" and not runs[-1].text.strip():
        runs.pop()
    return "".join(_run_html(r, False) for r in runs)


def _element(block: LocalBlock, locale: str, tag: str, classes: str = "") -> str:
    return f"<{tag}{_attrs(block, locale, classes)}>{_inline(block)}</{tag}>"


def _heading_tag(block: LocalBlock) -> str:
    if block.role == "title":
        return "h1"
    level = block.level if block.level >= 2 else 2
    return f"h{min(level, 6)}"


def _group(blocks: tuple[LocalBlock, ...]) -> Iterator[tuple[str, list[LocalBlock]]]:
    """Group consecutive blocks that share one container: header, quote, list, related, byline."""
    i, n = 0, len(blocks)
    while i < n:
        b = blocks[i]
        if b.role == "title":
            j = i + 1
            while j < n and blocks[j].role in ("standfirst", "photo_credit", "meta", "duplicate"):
                j += 1
            yield "header", list(blocks[i:j])
        elif b.role in _RELATED:
            j = i + 1
            while j < n and blocks[j].role in _RELATED:
                j += 1
            yield "related", list(blocks[i:j])
        elif b.kind in ("quote", "list_item"):
            j = i + 1
            while j < n and blocks[j].kind == b.kind and blocks[j].role not in _RELATED:
                j += 1
            yield b.kind, list(blocks[i:j])
        elif b.role == "byline":
            j = i + 1
            while j < n and blocks[j].role == "byline":
                j += 1
            yield "byline", list(blocks[i:j])
        else:
            j = i + 1
            yield "single", [b]
        i = j


def _single(block: LocalBlock, locale: str) -> str:
    if block.kind == "heading":
        return _element(block, locale, _heading_tag(block))
    if block.role == "photo_credit":
        return _element(block, locale, "p", "credit")
    if block.role == "standfirst":
        return _element(block, locale, "p", "standfirst")
    if block.role in ("meta", "furniture", "duplicate", "source_note"):
        return _element(block, locale, "p", block.role.replace("_", "-"))
    return _element(block, locale, "p")


def _lists(blocks: list[LocalBlock], locale: str) -> Iterator[str]:
    """Items of a list as ``<ul>``; other blocks as themselves."""
    items: list[LocalBlock] = []
    for b in blocks + [None]:  # type: ignore[list-item]
        if b is not None and b.kind == "list_item":
            items.append(b)
            continue
        if items:
            yield "<ul>"
            for item in items:
                yield "  " + _element(item, locale, "li")
            yield "</ul>"
            items = []
        if b is not None:
            if b.role == "related_header":
                yield _element(b, locale, "h2")
            else:
                yield _single(b, locale)


def _body(article: LocalArticle) -> Iterator[str]:
    locale = article.locale
    for kind, blocks in _group(article.blocks):
        if kind == "header":
            yield "<header>"
            for b in blocks:
                yield "  " + (_element(b, locale, "h1") if b.role == "title" else _single(b, locale))
            if article.date and article.date_display:
                yield f'  <p class="meta"><time datetime="{_esc(article.date)}">{_esc(article.date_display)}</time></p>'
            yield "</header>"
        elif kind == "quote":
            yield "<blockquote>"
            for b in blocks:
                yield "  " + _element(b, locale, "p")
            yield "</blockquote>"
        elif kind == "list_item":
            yield from _lists(blocks, locale)
        elif kind == "related":
            yield "<aside>"
            yield "<nav>"
            for line in _lists(blocks, locale):
                yield "  " + line
            yield "</nav>"
            yield "</aside>"
        elif kind == "byline":
            yield "<footer>"
            for b in blocks:
                yield "  " + _element(b, locale, "address", "byline")
            yield "</footer>"
        else:
            yield _single(blocks[0], locale)


def generate_html(article: LocalArticle) -> Iterator[str]:
    """Yield the page, line by line (each with its newline)."""
    info = get_locale(article.locale)
    meta = article.metadata()
    yield "<!DOCTYPE html>\n"
    yield f'<html lang="{_esc(info.html_lang)}" dir="ltr">\n'
    yield "<head>\n"
    yield '<meta charset="utf-8">\n'
    yield '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    yield f"<title>{_esc(article.title)}</title>\n"
    yield '<meta name="generator" content="translator">\n'
    yield f'<meta name="translation-state" content="{_esc(article.state)}">\n'
    if article.engines:
        yield f'<meta name="translation-engine" content="{_esc(", ".join(article.engines))}">\n'
    yield (
        f'<link rel="alternate" hreflang="{_esc(info.html_lang)}" '
        f'href="{_esc(article.slug)}.html">\n'
    )
    for alt in meta["alternates"]:
        yield (
            f'<link rel="alternate" hreflang="{_esc(alt["language"])}" '
            f'href="../../{_esc(alt["path"])}.html">\n'
        )
    yield f"<style>{_CSS}</style>\n"
    yield "</head>\n"
    yield "<body>\n"
    attrs = f' data-state="{_esc(article.state)}"'
    if article.counts.machine:
        attrs += " data-mt"
    yield f"<article{attrs}>\n"
    for line in _body(article):
        yield line + "\n"
    yield "</article>\n"
    yield "</body>\n"
    yield "</html>\n"


def render_html(article: LocalArticle) -> str:
    return "".join(generate_html(article))
