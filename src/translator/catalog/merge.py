"""Planning and merging: what a run must translate, and how new work meets reviewed work.

The merge follows ``msgmerge``:

- a reviewed entry (translated, not fuzzy) is never overwritten;
- an unchanged segment keeps its entry (only the source-derived comments
  ``role``/``block`` and the reference follow the source);
- a changed sentence takes the entry it replaced as its starting point:
  the old translation, flagged ``fuzzy``, with the old source as ``#|``.
  Segment ids are hashes of the text, so the old entry is found by
  similarity (difflib ratio, with a bonus for the same block), not by id;
- removed segments become obsolete (``#~``), translated ones only; an
  obsolete entry whose sentence comes back is revived as it was;
- new segments take the proposal (machine translation, ``fuzzy``, or an
  exact translation-memory match).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from ..article import Article, Block, Segment, normalise
from ..locales import LocaleInfo, get_locale
from ..mt.pseudo import is_pseudo
from .files import atomic_write
from .po import Catalog, Entry, catalog_text, read_catalog

__all__ = [
    "Proposal",
    "Plan",
    "make_plan",
    "plan",
    "merge_catalog",
    "update_catalog",
    "normalise",
]

#: A changed sentence is matched to a removed entry when their similarity reaches this.
SIMILARITY = 0.6
SAME_BLOCK_BONUS = 0.15
#: Above this many (new x removed) pairs, only candidates in nearby blocks are compared.
MAX_PAIRS = 20000



def _clean(value: str) -> str:
    return " ".join(str(value).split())


@dataclass(frozen=True)
class Proposal:
    """A translation proposed for a segment, with what the comments should say about it.

    ``text`` is None for an annotation-only proposal: a changed sentence that
    keeps its old translation as the starting point still gets the concepts
    and QA findings of the new source.
    """

    text: str | None
    fuzzy: bool = True
    engine: str | None = None  # the model route, e.g. "argos:en-ru@1.9"
    tm: str | None = None  # where a memory match came from
    pseudo: bool = False
    concepts: tuple[tuple[str, str], ...] = ()  # (concept id, preferred target form)
    qa: tuple[tuple[str, str], ...] = ()  # (severity, message)

    @property
    def from_tm(self) -> bool:
        return self.tm is not None and self.text is not None

    def comments(self) -> list[str]:
        out = []
        if self.engine:
            out.append(f"engine: {_clean(self.engine)}")
        if self.pseudo:
            out.append("pseudo")
        if self.tm:
            out.append(f"tm: {_clean(self.tm)}")
        out += self.annotations()
        return out

    def annotations(self) -> list[str]:
        out = []
        if self.concepts:
            out.append("concepts: " + "; ".join(f"{_clean(c)}={_clean(p)}" for c, p in self.concepts))
        out += [f"qa: {_clean(sev)}: {_clean(msg)}" for sev, msg in self.qa]
        return out


_TRANSLATION_RE = re.compile(r"(?:engine|tm|concepts|qa): ")
_OURS_RE = re.compile(r"(?:engine|tm|concepts|qa|role|block): ")


def still_pseudo(e: Entry) -> bool:
    """Pseudo output nobody has edited: marked pseudo and still looking like it."""
    return e.pseudo and is_pseudo(e.msgstr)


def _translation_comments(e: Entry) -> list[str]:
    keep_marker = is_pseudo(e.msgstr)  # a reviewer replaced the pseudo text: the marker goes
    return [c for c in e.comments if (c == "pseudo" and keep_marker) or _TRANSLATION_RE.match(c)]


def _other_comments(e: Entry) -> list[str]:
    return [c for c in e.comments if c != "pseudo" and not _OURS_RE.match(c)]


@dataclass(frozen=True)
class Item:
    """One translatable segment and what the catalog already has for it.

    ``kind``: ``same`` (an entry with this id and text; ``entry`` may be an
    obsolete one coming back), ``changed`` (``entry`` is the old entry it
    replaces), ``new`` (no entry).
    """

    block: Block
    segment: Segment
    kind: str
    entry: Entry | None = None


@dataclass(frozen=True)
class Plan:
    """What a catalog has for each segment of an article, in reading order."""

    items: tuple[Item, ...]
    removed: tuple[Entry, ...]
    replace_pseudo: bool = False

    def _usable(self, e: Entry | None) -> bool:
        return e is not None and bool(e.msgstr) and not (self.replace_pseudo and still_pseudo(e) and not e.reviewed)

    def needs_translation(self) -> list[Segment]:
        """Segments to look up in the memory: new, changed, or with no usable translation."""
        return [i.segment for i in self.items
                if i.kind != "same" or not (i.entry.reviewed or self._usable(i.entry))]

    def needs_mt(self) -> list[Segment]:
        """Segments that have nothing to start from (a memory miss sends these to MT)."""
        return [i.segment for i in self.items
                if not (i.kind != "new" and (i.entry.reviewed or self._usable(i.entry)))]

    @property
    def unchanged(self) -> bool:
        return not self.removed and all(i.kind == "same" and not i.entry.obsolete for i in self.items)


def _block_of(e: Entry) -> int | None:
    value = e.comment("block")
    return int(value) if value and value.isdigit() else None


def make_plan(article: Article, catalog: Catalog | None, *, replace_pseudo: bool = False) -> Plan:
    """Match the article's segments with the catalog's entries (see the module docstring)."""
    pairs = article.translatable_segments()
    if catalog is None:
        return Plan(tuple(Item(b, s, "new") for b, s in pairs), (), replace_pseudo)
    active: dict[tuple[str | None, str], Entry] = {}
    obsolete: dict[tuple[str | None, str], Entry] = {}
    for e in catalog.entries:
        (obsolete if e.obsolete else active).setdefault((e.msgctxt, e.msgid), e)
    found: list[Entry | None] = []
    used: set[int] = set()
    for _b, s in pairs:
        e = active.get((s.id, s.text)) or obsolete.get((s.id, s.text))
        if e is not None and id(e) in used:
            e = None
        if e is not None:
            used.add(id(e))
        found.append(e)
    kinds = ["same" if e is not None else "new" for e in found]
    orphans = [e for e in active.values() if id(e) not in used]
    missing = [i for i, e in enumerate(found) if e is None]
    if orphans and missing:
        by_ctxt = {e.msgctxt: e for e in orphans}
        rest = []
        for i in missing:  # same id, different text: only whitespace changed
            e = by_ctxt.get(pairs[i][1].id)
            if e is not None and id(e) not in used:
                used.add(id(e))
                found[i], kinds[i] = e, "changed"
            else:
                rest.append(i)
        orphans = [e for e in orphans if id(e) not in used]
        for i, e in _similar(pairs, rest, orphans):
            used.add(id(e))
            found[i] = e
            kinds[i] = "same" if e.msgid == pairs[i][1].text else "changed"
    items = tuple(Item(b, s, k, e) for (b, s), k, e in zip(pairs, kinds, found, strict=True))
    removed = tuple(e for e in active.values() if id(e) not in used)
    return Plan(items, removed, replace_pseudo)


def _similar(pairs: list[tuple[Block, Segment]], rest: list[int],
             orphans: list[Entry]) -> list[tuple[int, Entry]]:
    """Greedy best-first pairing of new segments with removed entries by similarity."""
    near = len(rest) * len(orphans) > MAX_PAIRS
    scored = []
    for i in rest:
        block, seg = pairs[i]
        matcher = difflib.SequenceMatcher(None, "", seg.text, autojunk=False)
        for j, e in enumerate(orphans):
            old_block = _block_of(e)
            if near and (old_block is None or abs(old_block - block.index) > 1):
                continue
            bonus = SAME_BLOCK_BONUS if old_block == block.index else 0.0
            matcher.set_seq1(e.msgid)
            if matcher.real_quick_ratio() + bonus < SIMILARITY or matcher.quick_ratio() + bonus < SIMILARITY:
                continue
            score = matcher.ratio() + bonus
            if score >= SIMILARITY:
                scored.append((-score, i, j))
    scored.sort()
    taken_i: set[int] = set()
    taken_j: set[int] = set()
    out = []
    for _neg, i, j in scored:
        if i not in taken_i and j not in taken_j:
            taken_i.add(i)
            taken_j.add(j)
            out.append((i, orphans[j]))
    return out


def plan(article: Article, locale: str | LocaleInfo, catalog: Catalog | None, *,
         replace_pseudo: bool = False) -> list[Segment]:
    """Segments of ``article`` that need a translation for ``locale``.

    A segment needs one when the catalog has no entry for it, its source
    changed, or its entry is empty (or pseudo output, with ``replace_pseudo``).
    An unchanged article with a complete catalog plans nothing, so a re-run
    sends nothing to the memory or the engine.
    """
    return make_plan(article, catalog, replace_pseudo=replace_pseudo).needs_translation()


# -- merging -------------------------------------------------------------------------------

def _line_of_segment(block: Block, seg: Segment) -> int:
    return block.line + block.text.count("\n", 0, seg.start) if block.line else 0


def _source_comments(block: Block) -> list[str]:
    return [f"role: {block.role}", f"block: {block.index}"]


def _refs(source_file: str | None, block: Block, seg: Segment) -> tuple[tuple[str, int | None], ...]:
    if not source_file:
        return ()
    line = _line_of_segment(block, seg)
    return ((source_file, line or None),)


def _replaceable(e: Entry, p: Proposal | None) -> bool:
    """Whether proposal ``p`` may replace the translation of unreviewed entry ``e``."""
    return (p is not None and p.text is not None and not e.reviewed
            and (not e.msgstr or (still_pseudo(e) and not p.pseudo)))


def _new_entry(seg: Segment, p: Proposal | None, source: list[str], refs) -> Entry:
    if p is None or p.text is None:
        return Entry(seg.text, "", seg.id, comments=tuple(source + (p.annotations() if p else [])),
                     references=refs)
    fuzzy = p.fuzzy and bool(p.text)
    # a translation that goes in unfuzzied (a memory match) counts as reviewed, and reviewed
    # entries carry no QA lines (see _merge_item): writing them would change the file next run
    comments = [c for c in p.comments() if fuzzy or not c.startswith("qa: ")]
    return Entry(seg.text, p.text, seg.id, fuzzy=fuzzy, comments=tuple(source + comments), references=refs)


def _merge_item(item: Item, p: Proposal | None, source_file: str | None) -> Entry:
    block, seg, e = item.block, item.segment, item.entry
    source = _source_comments(block)
    refs = _refs(source_file, block, seg)
    if e is None:
        return _new_entry(seg, p, source, refs)
    keep = dict(translator_comments=e.translator_comments,
                flags=tuple(f for f in e.flags if f != "fuzzy"), references=refs)
    other = _other_comments(e)
    if item.kind == "same":
        if _replaceable(e, p):
            new = _new_entry(seg, p, source, refs)
            return replace(new, comments=new.comments + tuple(other), **keep)
        trans = _translation_comments(e)
        if e.reviewed:  # findings were about the machine proposal the reviewer has since accepted or fixed
            trans = [c for c in trans if not c.startswith("qa: ")]
        previous = (e.previous_msgid, e.previous_msgctxt) if e.fuzzy else (None, None)
        return replace(e, msgctxt=seg.id, msgid=seg.text, obsolete=False,
                       comments=tuple(source + trans + other), previous_msgid=previous[0],
                       previous_msgctxt=previous[1], line=0, **keep)
    # changed: an exact memory match beats the old translation, which beats fresh MT
    if p is not None and p.from_tm:
        new = _new_entry(seg, p, source, refs)
        prev = e.msgid if new.fuzzy else None
        return replace(new, comments=new.comments + tuple(other), previous_msgid=prev, **keep)
    if e.msgstr and not (still_pseudo(e) and p is not None and p.text is not None and not p.pseudo):
        trans = [c for c in _translation_comments(e) if not c.startswith(("qa: ", "concepts: "))]
        if p is not None:
            trans += p.annotations()
        return Entry(seg.text, e.msgstr, seg.id, fuzzy=True, comments=tuple(source + trans + other),
                     previous_msgid=e.msgid, **keep)
    new = _new_entry(seg, p, source, refs)
    return replace(new, comments=new.comments + tuple(other),
                   previous_msgid=e.msgid if new.fuzzy else None, **keep)


def _obsolete(e: Entry) -> Entry:
    return replace(e, obsolete=True, comments=(), references=(), previous_msgid=None,
                   previous_msgctxt=None, line=0)


def _pot_date(article: Article) -> str:
    """A creation date taken from the input, never from the clock.

    ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) wins; then
    the modification time of the source file; then the epoch.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = 0.0
    if epoch and epoch.strip().isdigit():
        stamp = float(epoch)
    elif article.source is not None:
        try:
            stamp = Path(article.source).stat().st_mtime
        except OSError:
            stamp = 0.0
    return datetime.fromtimestamp(int(stamp), tz=timezone.utc).strftime("%Y-%m-%d %H:%M+0000")


def _source_file(article: Article, project_root: Path | None) -> str | None:
    if article.source is None:
        return None
    src = Path(article.source)
    root = Path(project_root) if project_root is not None else Path.cwd()
    try:
        return src.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return src.resolve().as_posix() if src.is_absolute() else src.as_posix()


def _header(article: Article, info: LocaleInfo, existing: Catalog | None, entries: tuple[Entry, ...],
            source_file: str | None, project: str) -> tuple[tuple[str, str], ...]:
    from .. import __version__

    old = dict(existing.header) if existing is not None else {}
    keys_now = [(e.msgctxt, e.msgid) for e in entries if not e.obsolete]
    keys_before = [(e.msgctxt, e.msgid) for e in existing.active] if existing is not None else None
    pot = old.get("POT-Creation-Date") if keys_now == keys_before else None
    pot = pot or _pot_date(article)
    ours = [
        ("Project-Id-Version", project),
        ("POT-Creation-Date", pot),
        ("PO-Revision-Date", old.get("PO-Revision-Date") or pot),
        ("Last-Translator", old.get("Last-Translator", "")),
        ("Language-Team", old.get("Language-Team") or info.babel_locale.english_name or info.name),
        ("Language", info.po),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Plural-Forms", info.plural_forms),
        ("X-Generator", f"translator {__version__}"),
        ("X-Source-File", source_file or ""),
        ("X-Source-Language", article.lang),
        ("X-Article-Slug", article.slug),
    ]
    names = {k for k, _ in ours}
    return tuple(ours) + tuple((k, v) for k, v in old.items() if k not in names)


def merge_catalog(existing: Catalog | None, article: Article, locale: str | LocaleInfo,
                  proposals: Mapping[str, Proposal], *, path: Path | None = None,
                  project_root: Path | None = None, project: str = "translator",
                  replace_pseudo: bool = False, the_plan: Plan | None = None) -> Catalog:
    """The catalog ``existing`` becomes for ``article`` given ``proposals`` (keyed by segment id)."""
    info = locale if isinstance(locale, LocaleInfo) else get_locale(locale)
    p = the_plan or make_plan(article, existing, replace_pseudo=replace_pseudo)
    source_file = _source_file(article, project_root)
    entries = [_merge_item(item, proposals.get(item.segment.id), source_file) for item in p.items]
    active_keys = {(e.msgctxt, e.msgid) for e in entries}
    newly = [_obsolete(e) for e in p.removed if e.msgstr]
    newly_keys = {(e.msgctxt, e.msgid) for e in newly}
    kept = []
    if existing is not None:
        for e in existing.obsolete:
            key = (e.msgctxt, e.msgid)
            if key not in active_keys and key not in newly_keys and e not in kept:
                kept.append(replace(e, line=0))
    all_entries = tuple(entries + kept + newly)
    header = _header(article, info, existing, all_entries, source_file, project)
    if existing is not None and existing.comment:
        comment = existing.comment
    else:
        comment = (f"{info.babel_locale.english_name} translation of {article.slug!r}.\n"
                   "Machine output is marked fuzzy: review it, then clear the flag.")
    return Catalog(path or (existing.path if existing is not None else None), header, all_entries, comment)


def update_catalog(path: Path, article: Article, locale: str | LocaleInfo,
                   proposals: Mapping[str, Proposal], *, project_root: Path | None = None,
                   project: str = "translator", replace_pseudo: bool = False,
                   existing: Catalog | None = None, sync_dir: bool = True) -> bool:
    """Merge ``proposals`` into the catalog at ``path`` and write it atomically.

    Returns whether the file changed. A broken catalog raises
    :class:`~translator.errors.ParseError` and is left as it is. A catalog
    whose content would not change is not rewritten, even if its layout
    (wrapping, line ends, written by another tool) differs from ours; one
    with a byte-order mark is, because msgfmt rejects the mark.
    """
    path = Path(path)
    if existing is None and path.exists():
        existing = read_catalog(path)
    merged = merge_catalog(existing, article, locale, proposals, path=path, project_root=project_root,
                           project=project, replace_pseudo=replace_pseudo)
    if existing is not None and _same(existing, merged) and not _has_bom(path):
        return False
    atomic_write(path, catalog_text(merged).encode("utf-8"), sync_dir=sync_dir)
    return True


def _has_bom(path: Path) -> bool:
    """A byte-order mark (some Windows editors add one) makes msgfmt fail: such a file is rewritten."""
    try:
        with path.open("rb") as fh:
            return fh.read(3) == b"\xef\xbb\xbf"
    except OSError:
        return False


def _same(a: Catalog, b: Catalog) -> bool:
    return a.header == b.header and a.entries == b.entries and a.comment == b.comment


