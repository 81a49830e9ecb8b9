"""The localised article: the source structure with each segment replaced by what may be published.

:func:`localise` takes the re-read source :class:`~translator.article.Article`
and the locale's :class:`~translator.catalog.Catalog` and decides, segment by
segment, what goes in:

- a reviewed translation (``reviewed``);
- machine output (``machine``), only when machine output is included; pseudo
  output only when pseudo output is included;
- otherwise the source sentence (``untranslated``), in the source language.

The text between segments (spaces, markup the segmenter left outside
sentences) is kept from the source (``gap``). Blocks whose role is not
translated (furniture, meta, duplicates) are left out unless asked for, and
then published in the source language (``original``).

:func:`from_catalog` builds the article from the catalog alone (blocks from
the ``block:``/``role:`` comments, sentences joined by spaces): the "old"
layout used when the source article changed or is gone and the user chose
``--on-stale old``; it never mixes new source text with old translations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..article import ROLES, TRANSLATABLE_ROLES, Article, normalise
from ..catalog import Catalog, Entry
from . import inline

__all__ = [
    "Run",
    "LocalBlock",
    "Counts",
    "LocalArticle",
    "PublishRules",
    "localise",
    "from_catalog",
    "stale_reason",
]

#: Run states; ``gap`` and ``original`` are not segments and are not counted.
STATES = ("reviewed", "machine", "untranslated", "gap", "original")


@dataclass(frozen=True)
class PublishRules:
    """What may be published: machine output, pseudo output, furniture."""

    include_machine: bool = False
    include_pseudo: bool = False
    include_furniture: bool = False


@dataclass(frozen=True)
class Run:
    """A piece of a block's published text (inline Markdown) with its state and language."""

    text: str
    state: str
    lang: str
    segment_id: str | None = None
    pseudo: bool = False


@dataclass(frozen=True)
class LocalBlock:
    """One published block: the source block's role and kind, and its runs."""

    index: int
    role: str
    kind: str
    level: int
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def segments(self) -> list[Run]:
        return [r for r in self.runs if r.state not in ("gap",)]

    @property
    def states(self) -> set[str]:
        return {r.state for r in self.segments}

    @property
    def machine(self) -> bool:
        return "machine" in self.states

    def __iter__(self) -> Iterator[Run]:
        return iter(self.runs)

    def __len__(self) -> int:
        return len(self.runs)


@dataclass(frozen=True)
class Counts:
    """Segment counts of one published article."""

    segments: int = 0
    reviewed: int = 0
    machine: int = 0
    untranslated: int = 0
    pseudo: int = 0
    withheld: int = 0  # machine or pseudo output left out (its source was published instead)

    def as_dict(self) -> dict[str, int]:
        return {
            "segments": self.segments, "reviewed": self.reviewed, "machine": self.machine,
            "untranslated": self.untranslated, "pseudo": self.pseudo, "withheld": self.withheld,
        }


@dataclass(frozen=True)
class LocalArticle:
    """An article as published in one locale."""

    slug: str
    locale: str
    source_lang: str
    source_file: str
    blocks: tuple[LocalBlock, ...]
    counts: Counts
    engines: tuple[str, ...] = ()
    date: str | None = None  # ISO date
    date_display: str | None = None  # the date in the locale's own format
    alternates: tuple[str, ...] = ()
    layout: str = "source"  # "source", or "catalog" when published from the old catalog alone
    transliterated_from: str | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())

    @property
    def state(self) -> str:
        """``reviewed``, ``machine`` (some machine output) or ``partial`` (some source text)."""
        if self.counts.untranslated:
            return "partial"
        if self.counts.machine:
            return "machine"
        return "reviewed"

    @property
    def title(self) -> str:
        for role in ("title",):
            for b in self.blocks:
                if b.role == role:
                    return inline.to_plain(b.text).strip()
        for b in self.blocks:
            if b.kind == "heading":
                return inline.to_plain(b.text).strip()
        return self.slug

    def metadata(self) -> dict:
        """The article's metadata, as front matter and the JSON ``meta`` object carry it.

        Keys are in a fixed order and values depend only on the inputs, so the
        same catalogs give the same bytes.
        """
        return {
            "title": self.title,
            "slug": self.slug,
            "language": self.locale,
            "source_language": self.source_lang,
            "translated_from": self.source_file,
            "state": self.state,
            "machine_translated": bool(self.counts.machine),
            "counts": self.counts.as_dict(),
            "engines": list(self.engines),
            "date": self.date,
            "date_display": self.date_display,
            "alternates": [
                {"language": code, "path": f"{code}/articles/{self.slug}"} for code in self.alternates
            ],
            "transliterated_from": self.transliterated_from,
            "layout": self.layout,
            "generator": "translator",
        }

    def __iter__(self) -> Iterator[LocalBlock]:
        return iter(self.blocks)

    def __len__(self) -> int:
        return len(self.blocks)


def _key(segment_id: str | None, text: str) -> tuple[str | None, str]:
    return segment_id, normalise(text)


def stale_reason(article: Article, catalog: Catalog) -> str | None:
    """Why ``catalog`` no longer matches ``article``, or ``None`` when it does.

    Entries match segments by ``msgctxt`` (the segment id) and ``msgid`` up to
    white space and Unicode normalisation (a catalog may wrap or normalise).
    """
    wanted = {_key(s.id, s.text) for _b, s in article.translatable_segments()}
    have = {_key(e.msgctxt, e.msgid) for e in catalog.active}
    missing = wanted - have
    extra = have - wanted
    if not missing and not extra:
        return None
    parts = []
    if missing:
        parts.append(f"{len(missing)} source sentence(s) not in the catalog")
    if extra:
        parts.append(f"{len(extra)} catalog entr{'y' if len(extra) == 1 else 'ies'} not in the source")
    return "; ".join(parts)


def _decide(entry: Entry | None, source: str, rules: PublishRules) -> tuple[str, str, bool]:
    """(text, state, withheld) for one segment."""
    if entry is None or entry.state == "untranslated":
        return source, "untranslated", False
    if entry.pseudo:
        return (entry.msgstr, "machine", False) if rules.include_pseudo else (source, "untranslated", True)
    if entry.state == "reviewed":
        return entry.msgstr, "reviewed", False
    if rules.include_machine:
        return entry.msgstr, "machine", False
    return source, "untranslated", True


class _Tally:
    def __init__(self) -> None:
        self.c = {"segments": 0, "reviewed": 0, "machine": 0, "untranslated": 0, "pseudo": 0, "withheld": 0}
        self.engines: set[str] = set()

    def add(self, state: str, withheld: bool, entry: Entry | None) -> None:
        self.c["segments"] += 1
        self.c[state] += 1
        self.c["withheld"] += int(withheld)
        if state in ("reviewed", "machine") and entry is not None:
            if state == "machine" and entry.pseudo:
                self.c["pseudo"] += 1
            engine = entry.comment("engine") or ("pseudo" if entry.pseudo else None)
            if engine:
                self.engines.add(engine)

    def counts(self) -> Counts:
        return Counts(**self.c)


_HEADING_ROLES = {"title": 1, "subheading": 2, "related_header": 2}


def _kind_level(role: str, kind: str, level: int) -> tuple[str, int]:
    """The block's kind, from the role where the source had none (plain text is all paragraphs)."""
    if kind == "paragraph":
        if role in _HEADING_ROLES:
            return "heading", level or _HEADING_ROLES[role]
        if role in ("list_item", "related_title"):
            return "list_item", level
    if kind == "heading" and not level:
        return kind, _HEADING_ROLES.get(role, 2)
    return kind, level


def localise(article: Article, catalog: Catalog, locale: str, rules: PublishRules,
             source_file: str) -> LocalArticle:
    """Put the catalog's translations into the source structure (see the module docstring)."""
    entries = {_key(e.msgctxt, e.msgid): e for e in catalog.active}
    tally = _Tally()
    blocks = []
    for block in article.blocks:
        if not block.translatable:
            if rules.include_furniture and block.text.strip():
                runs = (Run(block.text, "original", article.lang),)
                blocks.append(LocalBlock(block.index, block.role, block.kind, block.level, runs))
            continue
        gaps = block.gaps()
        runs = [Run(gaps[0], "gap", locale)] if gaps[0] else []
        for seg, gap in zip(block.segments, gaps[1:], strict=True):
            if seg.text.strip():
                entry = entries.get(_key(seg.id, seg.text))
                text, state, withheld = _decide(entry, seg.text, rules)
                tally.add(state, withheld, entry)
                lang = locale if state != "untranslated" else article.lang
                runs.append(Run(text, state, lang, seg.id, bool(entry and entry.pseudo and state == "machine")))
            else:
                runs.append(Run(seg.text, "gap", locale))
            if gap:
                runs.append(Run(gap, "gap", locale))
        if any(r.text.strip() for r in runs):
            kind, level = _kind_level(block.role, block.kind, block.level)
            blocks.append(LocalBlock(block.index, block.role, kind, level, tuple(runs)))
    return LocalArticle(
        slug=article.slug, locale=locale, source_lang=article.lang, source_file=source_file,
        blocks=tuple(blocks), counts=tally.counts(), engines=tuple(sorted(tally.engines)),
    )




def from_catalog(catalog: Catalog, locale: str, rules: PublishRules, slug: str,
                 source_lang: str, source_file: str) -> LocalArticle:
    """Build the article from the catalog alone (the ``old`` layout; see the module docstring)."""
    groups: dict[int, list[Entry]] = {}
    roles: dict[int, str] = {}
    for n, e in enumerate(catalog.active):
        raw = e.comment("block")
        index = int(raw) if raw and re.fullmatch(r"\d+", raw.strip()) else 100000 + n
        groups.setdefault(index, []).append(e)
        role = (e.comment("role") or "body").strip()
        roles.setdefault(index, role if role in ROLES and role in TRANSLATABLE_ROLES else "body")
    tally = _Tally()
    blocks = []
    for index in sorted(groups):
        role = roles[index]
        runs: list[Run] = []
        for e in groups[index]:
            if runs:
                runs.append(Run(" ", "gap", locale))
            text, state, withheld = _decide(e, e.msgid, rules)
            tally.add(state, withheld, e)
            lang = locale if state != "untranslated" else source_lang
            runs.append(Run(text, state, lang, e.msgctxt, e.pseudo and state == "machine"))
        kind, level = _kind_level(role, "paragraph", 0)
        blocks.append(LocalBlock(index, role, kind, level, tuple(runs)))
    return LocalArticle(
        slug=slug, locale=locale, source_lang=source_lang, source_file=source_file,
        blocks=tuple(blocks), counts=tally.counts(), engines=tuple(sorted(tally.engines)),
        layout="catalog",
    )


def transliterate(article: LocalArticle, locale: str, convert) -> LocalArticle:
    """The article in a derived locale (``kk-Latn``): runs in the base language converted."""
    base = article.locale
    blocks = []
    for b in article.blocks:
        runs = tuple(
            replace(r, text=convert(r.text), lang=locale) if r.lang == base else r for r in b.runs
        )
        blocks.append(replace(b, runs=runs))
    return replace(
        article, locale=locale, blocks=tuple(blocks),
        date_display=convert(article.date_display) if article.date_display else None,
        transliterated_from=base,
    )
