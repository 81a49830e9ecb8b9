"""Markdown reader: a ``.md`` article into raw blocks.

Block structure is read (ATX and setext headings, bullet and numbered
lists, block quotes, paragraphs, thematic breaks, YAML-style front matter);
inline markup (``*em*``, ``**strong**``, ``[text](url)``, ``code``) stays in
the block text verbatim, so that it survives translation and publishing.
Block-level markers (``#``, ``-``, ``>``) do not: they are recorded in
``kind`` and ``level``.
"""

from __future__ import annotations

import re

from .plaintext import RawBlock, split_source_line

__all__ = ["read_markdown_blocks"]

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(?P<text>.*))?$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?(?P<text>.*)$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
_META_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")


def _front_matter(lines: list[str]) -> tuple[list[tuple[str, str]], int]:
    """``key: value`` pairs of a leading ``---`` front matter block, and where content starts."""
    if not lines or lines[0].strip() != "---":
        return [], 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            pairs = []
            for line in lines[1:end]:
                if m := _META_LINE.match(line):
                    pairs.append((m.group("key"), m.group("value").strip("\"'")))
            return pairs, end + 1
    return [], 0


def read_markdown_blocks(text: str) -> tuple[list[RawBlock], list[tuple[str, str]]]:
    """Blocks and metadata of a Markdown article."""
    lines = text.split("\n")
    meta, first = _front_matter(lines)
    if not meta:
        meta, first = split_source_line(lines)

    blocks: list[RawBlock] = []
    # The block being collected: kind, level, first line, text lines.
    cur: list = []

    def flush() -> None:
        if cur and any(part.strip() for part in cur[3]):
            body = "\n".join(part.strip() for part in cur[3] if part.strip())
            blocks.append(RawBlock(body, cur[2], kind=cur[0], level=cur[1]))
        cur.clear()

    fence: str | None = None
    for i in range(first, len(lines)):
        raw = lines[i].rstrip("\r")
        lineno = i + 1
        if fence is not None:
            # Code is not translated prose; keep it out of the article.
            if raw.strip().startswith(fence):
                fence = None
            continue
        if m := _FENCE.match(raw):
            flush()
            fence = m.group(1)
            continue
        if not raw.strip():
            flush()
            continue
        if _COMMENT.match(raw):
            continue
        if (m := _SETEXT.match(raw)) and cur and cur[0] == "paragraph":
            cur[0], cur[1] = "heading", 1 if m.group(1)[0] == "=" else 2
            flush()
            continue
        if _HR.match(raw):
            flush()
            continue
        if m := _ATX.match(raw):
            flush()
            if (m.group(2) or "").strip():
                blocks.append(RawBlock(m.group(2).strip(), lineno, kind="heading", level=len(m.group(1))))
            continue
        if m := _QUOTE.match(raw):
            inner = m.group("text")
            if cur and cur[0] != "quote":
                flush()
            if not inner.strip():
                flush()  # ``>`` alone separates paragraphs inside a quote
                continue
            if not cur:
                cur.extend(["quote", 0, lineno, []])
            cur[3].append(inner)
            continue
        if (m := _ITEM.match(raw)) and m.group("text"):
            flush()
            cur.extend(["list_item", 0, lineno, [m.group("text")]])
            continue
        if cur and cur[0] in ("paragraph", "list_item", "quote"):
            cur[3].append(raw)  # continuation (lazy for items and quotes)
            continue
        flush()
        cur.extend(["paragraph", 0, lineno, [raw]])
    flush()
    return blocks, meta
