"""Plain-text reader: a ``.txt`` article into raw blocks.

Two layouts are common and both are read:

* one block per non-empty line (web pages copied as text, the project's dev
  data); blank lines between blocks are allowed and ignored;
* paragraphs separated by blank lines, with lines wrapped inside them
  (e-mail style). A file is read this way when most line breaks inside its
  paragraphs fall in the middle of a sentence.

A first line ``# source: ADDRESS`` is not a block; the address goes to the
article's metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["RawBlock", "read_text_blocks", "split_source_line"]

_SOURCE = re.compile(r"^#\s*source:\s*(?P<url>.*?)\s*$", re.IGNORECASE)
_LIST_MARK = re.compile(r"^(?:[-•*▪‣◦]|\d{1,3}[.)])\s+")


@dataclass(frozen=True)
class RawBlock:
    """A block as read from the file, before roles and sentences.

    ``body`` is where the translatable text starts inside ``text`` (after a
    list marker kept in the text, such as ``- `` in a plain-text list);
    ``hint`` is a role the reader already knows, or ``""``.
    """

    text: str
    line: int
    kind: str = "paragraph"
    level: int = 0
    body: int = 0
    #: a role the reader already knows (``furniture`` for an HTML ``<nav>``)
    hint: str = ""


def split_source_line(lines: list[str]) -> tuple[list[tuple[str, str]], int]:
    """Metadata from a leading ``# source:`` line, and the index of the first content line."""
    if lines and (m := _SOURCE.match(lines[0].strip())):
        return [("source_url", m.group("url"))], 1
    return [], 0


def _is_wrapped(groups: list[list[tuple[int, str]]]) -> bool:
    """Do line breaks inside blank-line separated groups fall mid-sentence?"""
    joins = wrapped = 0
    for group in groups:
        for (_, a), (_, b) in zip(group, group[1:], strict=False):
            joins += 1
            if b[:1].islower() or a.endswith(("-", ",")):
                wrapped += 1
    return joins >= 2 and wrapped * 2 >= joins


def read_text_blocks(text: str) -> tuple[list[RawBlock], list[tuple[str, str]]]:
    """Blocks and metadata of a plain-text article."""
    lines = text.split("\n")
    meta, first = split_source_line(lines)
    groups: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for lineno in range(first, len(lines)):
        line = lines[lineno].strip()
        if line:
            current.append((lineno + 1, line))
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)

    blocks: list[RawBlock] = []
    if _is_wrapped(groups):
        for group in groups:
            blocks.append(_block("\n".join(line for _, line in group), group[0][0]))
    else:
        for group in groups:
            for lineno, line in group:
                blocks.append(_block(line, lineno))
    return blocks, meta


def _block(text: str, line: int) -> RawBlock:
    # A list marker is structure, as in Markdown: it goes to ``kind``, not the text.
    m = _LIST_MARK.match(text)
    if m and len(text) > m.end():
        return RawBlock(text[m.end():], line, kind="list_item")
    return RawBlock(text, line)
