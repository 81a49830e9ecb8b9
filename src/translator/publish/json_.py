"""JSON for headless CMSs: the metadata and the blocks, each with its segments.

The shape is documented by ``schema.json`` beside this module (JSON Schema
2020-12); ``translator publish --check`` validates files against it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from .inline import to_html
from .model import LocalArticle, LocalBlock

__all__ = ["SCHEMA_VERSION", "article_dict", "generate_json", "render_json", "block_state"]

SCHEMA_VERSION = 1


def block_state(block: LocalBlock) -> str:
    """``reviewed``, ``machine``, ``untranslated``, ``original`` or ``mixed``."""
    states = block.states - {"gap"}
    if not states:
        return "reviewed"
    return states.pop() if len(states) == 1 else "mixed"


def _block(block: LocalBlock, locale: str) -> dict:
    state = block_state(block)
    lang = block.segments[0].lang if state in ("untranslated", "original") else locale
    return {
        "index": block.index,
        "role": block.role,
        "kind": block.kind,
        "level": block.level,
        "lang": lang,
        "state": state,
        "text": block.text.strip(),
        "html": to_html(block.text.strip()),
        "segments": [
            {"id": r.segment_id, "state": r.state, "lang": r.lang, "text": r.text}
            for r in block.segments
        ],
    }


def article_dict(article: LocalArticle) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "meta": article.metadata(),
        "blocks": [_block(b, article.locale) for b in article.blocks],
    }


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def generate_json(article: LocalArticle) -> Iterator[str]:
    """Yield the JSON file: the metadata on one line and one line per block.

    One block a line keeps diffs readable and lets ``json`` use its C encoder
    (``indent`` would force the pure-Python one, several times slower).
    """
    data = article_dict(article)
    yield "{\n"
    yield f'"schema_version": {_compact(data["schema_version"])},\n'
    yield f'"meta": {_compact(data["meta"])},\n'
    blocks = data["blocks"]
    if not blocks:
        yield '"blocks": []\n'
    else:
        yield '"blocks": [\n'
        for n, block in enumerate(blocks):
            yield _compact(block) + (",\n" if n + 1 < len(blocks) else "\n")
        yield "]\n"
    yield "}\n"


def render_json(article: LocalArticle) -> str:
    return "".join(generate_json(article))
