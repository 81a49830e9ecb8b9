"""Markdown with YAML front matter, as static site generators read it (Hugo, Jekyll, Eleventy).

The front matter is the article's metadata (:meth:`LocalArticle.metadata`);
the body keeps the source's block kinds: ``#`` headings, ``>`` quotes (a quote
of several paragraphs stays one quote), ``-`` lists, paragraphs. Inline
Markdown is kept; raw HTML is neutralised and unsafe links unlinked
(:func:`translator.publish.inline.safe_markdown`).
"""

from __future__ import annotations

from collections.abc import Iterator

from .inline import safe_markdown
from .model import LocalArticle, LocalBlock

__all__ = ["generate_markdown", "render_markdown", "front_matter"]


def front_matter(article: LocalArticle) -> str:
    """The metadata as YAML (libyaml's emitter when PyYAML has it: same output, faster)."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(
        article.metadata(), Dumper=dumper, allow_unicode=True, sort_keys=False,
        default_flow_style=False, width=4096,
    )


def _block_lines(block: LocalBlock) -> list[str]:
    text = safe_markdown(block.text.strip())
    lines = text.splitlines() or [""]
    if block.kind == "heading":
        level = block.level or (1 if block.role == "title" else 2)
        return ["#" * min(level, 6) + " " + " ".join(line.strip() for line in lines)]
    if block.kind == "quote":
        return ["> " + line if line else ">" for line in lines]
    if block.kind == "list_item":
        return ["- " + lines[0]] + ["  " + line for line in lines[1:]]
    return lines


def generate_markdown(article: LocalArticle) -> Iterator[str]:
    """Yield the Markdown file, piece by piece (front matter first)."""
    yield "---\n"
    yield front_matter(article)
    yield "---\n"
    prev: LocalBlock | None = None
    for block in article.blocks:
        if prev is None:
            yield "\n"
        elif block.kind == prev.kind == "list_item":
            pass
        elif block.kind == prev.kind == "quote":
            yield ">\n"
        else:
            yield "\n"
        for line in _block_lines(block):
            yield line + "\n"
        prev = block


def render_markdown(article: LocalArticle) -> str:
    """The Markdown file as one string."""
    return "".join(generate_markdown(article))
