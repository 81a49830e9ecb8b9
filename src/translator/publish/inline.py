"""Inline Markdown in block text: to safe HTML, to plain text, and made safe as Markdown.

Block text keeps the inline markup of the source (``*em*``, ``**strong**``,
``[text](url)``, `` `code` ``). For HTML, everything is escaped first and only
those constructs become elements; a link keeps its ``href`` only when the
address is ``http``, ``https``, ``mailto`` or relative (no scheme), so
``javascript:`` and ``data:`` links become plain text. Anything the parser
does not recognise stays visible as escaped text: nothing from the source can
open a tag or an attribute.

>>> to_html('See [the plan](https://example.kz/a?b=1&c=2) *now* <script>')
'See <a href="https://example.kz/a?b=1&amp;c=2">the plan</a> <em>now</em> &lt;script&gt;'
>>> to_html('[click](javascript:alert(1))')
'click'
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

__all__ = ["to_html", "to_plain", "safe_markdown", "safe_href", "tokens"]

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

_ESCAPE = r"\\(?P<esc>[\\`*_\[\]()#+\-.!<>{}|~])"
_CODE = r"`(?P<code>[^`\n]+)`"
_LINK = (
    r"\[(?P<ltext>(?:[^\[\]\\]|\\.)+)\]"
    r"\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\)"
)
_STRONG = r"\*\*(?P<s1>\S(?:.*?\S)?)\*\*|(?<!\w)__(?P<s2>\S(?:.*?\S)?)__(?!\w)"
_EM = r"\*(?P<e1>[^*\s](?:[^*]*?[^*\s])?)\*|(?<!\w)_(?P<e2>[^_\s](?:[^_]*?[^_\s])?)_(?!\w)"
_INLINE = re.compile("|".join([_ESCAPE, _CODE, _LINK, _STRONG, _EM]), re.S)

# Browsers ignore control characters and white space inside a scheme ("java\tscript:").
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def safe_href(url: str) -> str | None:
    """The address to link to, or ``None`` when it must not become a link."""
    cleaned = _URL_JUNK.sub("", html.unescape(url))
    m = _SCHEME.match(cleaned)
    if m and m.group(1).lower() not in SAFE_SCHEMES:
        return None
    return url


def tokens(text: str) -> Iterator[tuple[str, str, str | None]]:
    """``(kind, text, url)`` tokens: ``text``, ``escape``, ``code``, ``link``, ``strong``, ``em``.

    ``text`` of links, strong and em is itself inline Markdown (parse it again).
    """
    pos = 0
    for m in _INLINE.finditer(text):
        if m.start() > pos:
            yield "text", text[pos:m.start()], None
        pos = m.end()
        if m.group("esc") is not None:
            yield "escape", m.group("esc"), None
        elif m.group("code") is not None:
            yield "code", m.group("code"), None
        elif m.group("ltext") is not None:
            yield "link", m.group("ltext"), m.group("url")
        elif m.group("s1") is not None or m.group("s2") is not None:
            yield "strong", m.group("s1") or m.group("s2"), None
        else:
            yield "em", m.group("e1") or m.group("e2"), None
    if pos < len(text):
        yield "text", text[pos:], None


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def to_html(text: str) -> str:
    """Inline Markdown to HTML: everything escaped, then links, emphasis and code allowed."""
    out = []
    for kind, inner, url in tokens(text):
        if kind in ("text", "escape"):
            out.append(_esc(inner))
        elif kind == "code":
            out.append(f"<code>{_esc(inner)}</code>")
        elif kind == "link":
            href = safe_href(url or "")
            label = to_html(inner)
            out.append(f'<a href="{_esc(href)}">{label}</a>' if href else label)
        elif kind == "strong":
            out.append(f"<strong>{to_html(inner)}</strong>")
        else:
            out.append(f"<em>{to_html(inner)}</em>")
    return "".join(out)


def to_plain(text: str) -> str:
    """Inline Markdown to plain text (for titles and metadata)."""
    out = []
    for kind, inner, _url in tokens(text):
        out.append(inner if kind in ("text", "escape", "code") else to_plain(inner))
    return "".join(out)


def safe_markdown(text: str) -> str:
    """The same Markdown with raw HTML neutralised (``<`` as ``&lt;``) and unsafe links unlinked."""
    out = []
    for kind, inner, url in tokens(text):
        if kind == "link":
            label = safe_markdown(inner)
            href = safe_href(url or "")
            out.append(f"[{label}]({url})" if href else label)
        elif kind == "text":
            out.append(inner.replace("<", "&lt;"))
        elif kind == "escape":
            out.append("\\" + inner)
        elif kind == "code":
            out.append(f"`{inner}`")
        elif kind == "strong":
            out.append(f"**{safe_markdown(inner)}**")
        else:
            out.append(f"*{safe_markdown(inner)}*")
    return "".join(out)
