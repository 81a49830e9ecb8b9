"""The translation run: articles in, one reviewed-work-preserving PO catalog per article per locale out.

:func:`translate` streams articles in three passes, so that memory does not
grow with the number of articles beyond what one direction's MT batch needs:

1. **plan**: read and segment each article, read its catalogs, feed the
   reviewed entries to the translation memory, and note which sentences need
   a translation (:func:`translator.catalog.make_plan`). Articles that need
   nothing are merged and written (usually: left alone) right away; nothing
   of them is kept. For the others only the path is kept, and the sentences
   to translate go into one de-duplicated set per direction (``en→ru``):
   the "Latest news" headline shared by 500 articles is one entry.
2. **translate**, per direction: exact memory matches first, then ONE
   ``engine.translate`` call with every remaining sentence, glossary
   enforcement on the output and QA on the result.
3. **merge**: re-read each pending article and its catalogs (a reviewer may
   have saved meanwhile; their work is merged, not lost) and write them.

The trade-off: pending articles are segmented twice, which costs time, but
no Article or Catalog outlives its own step; what stays in memory is the
set of unique sentences and their translations, which the engine call needs
anyway. An unchanged re-run makes no engine call and does not even open
the engine (no model is loaded).

The memory, glossary, QA and engine are each optional: None (or ``qa=False``)
in the options leaves that step out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ._fs import sync_dirs
from .article import Article
from .catalog import (
    DEFAULT_LAYOUT,
    Catalog,
    OutputLock,
    Proposal,
    catalog_path,
    make_plan,
    normalise,
    read_catalog,
    update_catalog,
)
from .config import SOURCE_SUFFIXES, source_files_in
from .errors import ConfigError, ModelError, TranslatorError
from .locales import LocaleInfo, parse_locales
from .markup import CHECK as MARKUP_CHECK
from .markup import protect, restore
from .mt.pseudo import is_pseudo

__all__ = ["TranslateOptions", "RunSummary", "Failure", "translate", "expand_paths", "SOURCE_SUFFIXES"]

log = logging.getLogger(__name__)

#: ``progress(stage, done, total)``: stage is ``read``, a direction such as ``en→ru``, or ``write``.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class TranslateOptions:
    """Settings of a run (from the command line or the project configuration).

    ``engine``: ``auto``, ``argos``, ``pseudo``, or None for no machine
    translation (entries stay empty). ``tm_path``: the SQLite memory, None
    for none. ``glossary``: termbase files; an empty tuple means the
    project's starter glossary (``i18n/glossary.tsv`` under ``project_root``,
    when there is one), None no glossary. ``replace_pseudo``: None means "when the
    engine is not pseudo": pseudo output left by a trial run is then
    replaced by real machine translation.
    """

    output_dir: Path = Path("locales")
    layout: str = DEFAULT_LAYOUT
    source_lang: str | None = None
    engine: str | None = "auto"
    engine_settings: Any = None  # translator.mt.EngineSettings
    models_dir: Path | None = None
    tm_path: Path | None = None
    glossary: tuple[Path, ...] | None = None
    qa: bool = True
    tm_fuzzy: bool = False
    replace_pseudo: bool | None = None
    project_root: Path | None = None
    project: str = "translator"
    lock: bool = True


@dataclass(frozen=True)
class Failure:
    """An article (or one of its catalogs) that could not be processed, and why, on one line."""

    path: str
    message: str


@dataclass(frozen=True)
class RunSummary:
    """What a run did. ``segments`` counts segment occurrences per locale; ``mt_texts`` unique texts sent."""

    articles: int = 0
    catalogs: int = 0
    segments: int = 0
    planned: int = 0
    from_tm: int = 0
    from_mt: int = 0
    mt_texts: int = 0
    mt_calls: int = 0
    qa_errors: int = 0
    qa_warnings: int = 0
    written: tuple[str, ...] = ()
    failures: tuple[Failure, ...] = ()
    directions: tuple[tuple[str, int], ...] = ()  # (label, unique texts sent to MT)

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def files_written(self) -> int:
        return len(self.written)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["failures"] = [asdict(f) for f in self.failures]
        d["directions"] = dict(self.directions)
        d["files_written"] = self.files_written
        d["ok"] = self.ok
        return d


def expand_paths(paths: Iterable[Path], exclude: Iterable[Path] = ()) -> list[Path]:
    """Files as given; directories replaced by their source files (sorted, recursively); no repeats.

    Inside a directory, hidden files and folders (``.git``, ``.translator``)
    and the ``exclude`` trees (the output tree, whose published ``.md`` files
    must not come back as sources) are skipped (:func:`translator.config.source_files_in`).
    Files named explicitly are kept.
    """
    exclude = tuple(exclude)
    out: list[Path] = []
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        found = source_files_in(p, exclude) if p.is_dir() else [p]
        if p.is_dir() and not found:
            log.warning("%s: no source files (%s) in this folder", p, " ".join(SOURCE_SUFFIXES))
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


class _Run:
    """The state of one :func:`translate` call."""

    def __init__(self, targets: tuple[LocaleInfo, ...], options: TranslateOptions,
                 progress: Progress | None, engine, memory, termbase) -> None:
        self.targets = targets
        self.o = options
        self.progress = progress or (lambda stage, done, total: None)
        self.engine = engine
        self.memory = memory
        self.termbase = termbase
        # options.engine names the kind even when an opened (maybe wrapped) engine is passed in
        self.replace_pseudo = (options.engine not in ("pseudo", None)
                               if options.replace_pseudo is None else options.replace_pseudo)
        self.counts = dict(articles=0, catalogs=0, segments=0, planned=0, from_tm=0, from_mt=0,
                           mt_texts=0, mt_calls=0, qa_errors=0, qa_warnings=0)
        self.written: list[str] = []
        self.failures: list[Failure] = []
        # direction -> normalised source -> source text (the first spelling seen)
        self.pending: dict[tuple[str, str], dict[str, str]] = {}
        self.needs_mt: dict[tuple[str, str], set[str]] = {}
        self.results: dict[tuple[str, str], dict[str, Proposal]] = {}
        self.pending_articles: list[tuple[Path, tuple[LocaleInfo, ...]]] = []
        self.fed: set[int] = set()  # hashes of (sentence, direction) already given to the memory
        self.slugs: dict[str, str] = {}  # slug -> file: the one per-article record a run keeps
        self.directions: dict[str, int] = {}

    def fail(self, path: Path | str, exc: BaseException | str) -> None:
        message = " ".join(str(exc).split())
        log.error("%s", message)
        self.failures.append(Failure(str(path), message))

    # -- pass 1 --------------------------------------------------------------------------
    def read_article(self, path: Path) -> Article | None:
        from .segment import read_article

        try:
            return read_article(path, lang=self.o.source_lang)
        except TranslatorError as exc:
            self.fail(path, exc)
            return None

    def catalog_file(self, article: Article, info: LocaleInfo) -> Path:
        return catalog_path(self.o.output_dir, info.code, article.slug, self.o.layout)

    def read_existing(self, path: Path) -> tuple[bool, Catalog | None]:
        if not path.exists():
            return True, None
        try:
            return True, read_catalog(path)
        except TranslatorError as exc:
            self.fail(path, exc)
            return False, None

    def feed_memory(self, catalog: Catalog, article: Article, info: LocaleInfo) -> None:
        if self.memory is None:
            return
        try:
            origin = catalog.path.relative_to(self.o.output_dir).as_posix()
        except ValueError:
            origin = str(catalog.path)
        rows = []
        for e in catalog.active:
            # judged by its text: a reviewed rewrite of pseudo output still carries its
            # '#. engine: pseudo' line until the next merge, and belongs in the memory
            if e.reviewed and not is_pseudo(e.msgstr):
                # the first reviewed copy of a sentence in a run feeds the memory; later copies
                # ("Latest news" in 500 catalogs) would only rewrite its origin back and forth
                key = hash((normalise(e.msgid), article.lang, info.language))
                if key not in self.fed:
                    self.fed.add(key)
                    rows.append((e.msgid, e.msgstr, article.lang, info.language,
                                 f"{origin}#{e.msgctxt}" if e.msgctxt else origin))
        if rows:
            self.memory.add_many(rows)

    def plan_article(self, path: Path) -> None:
        article = self.read_article(path)
        if article is None:
            return
        other = self.slugs.setdefault(article.slug, str(path))
        if other != str(path):
            self.fail(path, f"{path}: slug {article.slug!r} is already used by {other}; rename one of the files")
            return
        self.counts["articles"] += 1
        later = []
        for info in self.targets:
            if info.language == article.lang:
                log.info("%s: already in %s, skipped for that locale", path, info.code)
                continue
            cpath = self.catalog_file(article, info)
            ok, existing = self.read_existing(cpath)
            if not ok:
                continue
            if existing is not None:
                self.feed_memory(existing, article, info)
            the_plan = make_plan(article, existing, replace_pseudo=self.replace_pseudo)
            need = the_plan.needs_translation()
            self.counts["segments"] += len(the_plan.items)
            if not need:
                self.write(cpath, article, info, {}, existing)
                continue
            self.counts["planned"] += len(need)
            direction = (article.lang, info.language)
            texts = self.pending.setdefault(direction, {})
            for s in need:
                texts.setdefault(normalise(s.text), s.text)
            mt = self.needs_mt.setdefault(direction, set())
            mt.update(normalise(s.text) for s in the_plan.needs_mt())
            later.append(info)
        if later:
            self.pending_articles.append((path, tuple(later)))

    def write(self, cpath: Path, article: Article, info: LocaleInfo, proposals: dict[str, Proposal],
              existing: Catalog | None) -> None:
        try:
            changed = update_catalog(cpath, article, info, proposals, project_root=self.o.project_root,
                                     project=self.o.project, replace_pseudo=self.replace_pseudo,
                                     existing=existing, sync_dir=False)
        except TranslatorError as exc:
            self.fail(cpath, exc)
            return
        self.counts["catalogs"] += 1
        if changed:
            self.written.append(str(cpath))
            log.info("wrote %s", cpath)

    # -- pass 2 --------------------------------------------------------------------------
    def open_engine(self, stack: ExitStack, directions: list[tuple[str, str]]):
        if self.engine is None:
            if self.o.engine is None:
                return None
            from .mt import open_engine

            engine = open_engine(self.o.engine, self.o.engine_settings, models_dir=self.o.models_dir)
            self.engine = stack.enter_context(engine)
        for sl, tl in directions:
            self.engine.check(sl, tl)  # fail before any model runs, naming the direction
        return self.engine

    def translate_all(self, stack: ExitStack) -> None:
        mt_dirs = [d for d, texts in self.pending.items()
                   if any(n in self.needs_mt.get(d, ()) for n in texts)]
        for direction, texts in self.pending.items():
            sl, tl = direction
            results = self.results.setdefault(direction, {})
            hits = self.memory.lookup_many(list(texts.values()), sl, tl) if self.memory is not None else {}
            for norm, text in texts.items():
                hit = hits.get(text)
                if hit is not None:
                    results[norm] = self.annotate(text, sl, tl, Proposal(hit.target, fuzzy=self.o.tm_fuzzy,
                                                                         tm=hit.origin))
            needs = self.needs_mt.get(direction, set())
            todo = [(n, t) for n, t in texts.items() if n not in results and n in needs]
            for norm, text in texts.items():  # kept starting points: concepts and QA for the new source
                if norm not in results and norm not in needs:
                    results[norm] = self.annotate(text, sl, tl, Proposal(None))
            label = f"{sl}→{tl}"
            if not todo:
                continue
            engine = self.open_engine(stack, mt_dirs)
            if engine is None:
                continue
            self.progress(label, 0, len(todo))
            log.info("%s: translating %d unique segments in one batch", label, len(todo))
            # link targets, URLs, hashtags... never reach the model (see markup.py)
            protected = [protect(t) for _n, t in todo]
            translations = engine.translate([p.text for p in protected], sl, tl)
            self.counts["mt_calls"] += 1
            self.counts["mt_texts"] += len(todo)
            self.directions[label] = len(todo)
            if len(translations) != len(todo):
                raise ModelError(f"{label}: the engine returned {len(translations)} translations "
                                 f"for {len(todo)} segments; this is a bug in the engine")
            for (norm, text), prot, tr in zip(todo, protected, translations, strict=True):
                target = tr.text
                if self.termbase is not None:  # before restoring: names inside URLs stay as they are
                    try:
                        target = self.termbase.enforce(prot.text, target, sl, tl).target
                    except TranslatorError as exc:
                        log.warning("glossary: %s", exc)
                restored = restore(target, prot, pseudo=bool(tr.pseudo))
                proposal = Proposal(restored.text, fuzzy=True, engine=tr.route_label or engine.name,
                                    pseudo=bool(tr.pseudo))
                repairs = tuple((p.severity, f"{MARKUP_CHECK}: {p.message}") for p in restored.problems)
                results[norm] = self.annotate(text, sl, tl, proposal, repairs)
            self.progress(label, len(todo), len(todo))

    def annotate(self, source: str, sl: str, tl: str, p: Proposal,
                 findings: tuple[tuple[str, str], ...] = ()) -> Proposal:
        concepts: tuple[tuple[str, str], ...] = ()
        if self.termbase is not None:
            try:
                concepts = tuple((str(c), str(f)) for c, f in self.termbase.concepts_in(source, sl, tl))
            except TranslatorError as exc:
                log.warning("glossary: %s", exc)
        if self.o.qa and p.text:
            findings += tuple(_check(source, p.text, sl, tl, self.termbase))
        return Proposal(p.text, p.fuzzy, p.engine, p.tm, p.pseudo, concepts, findings)

    # -- pass 3 --------------------------------------------------------------------------
    def merge_pending(self) -> None:
        total = len(self.pending_articles)
        for done, (path, infos) in enumerate(self.pending_articles, 1):
            article = self.read_article(path)
            if article is not None:
                for info in infos:
                    self.merge_one(article, info)
            self.progress("write", done, total)

    def merge_one(self, article: Article, info: LocaleInfo) -> None:
        cpath = self.catalog_file(article, info)
        ok, existing = self.read_existing(cpath)
        if not ok:
            return
        results = self.results.get((article.lang, info.language), {})
        the_plan = make_plan(article, existing, replace_pseudo=self.replace_pseudo)
        proposals = {}
        for s in the_plan.needs_translation():
            p = results.get(normalise(s.text))
            if p is None:
                continue
            proposals[s.id] = p
            if p.from_tm:
                self.counts["from_tm"] += 1
            elif p.text is not None:
                self.counts["from_mt"] += 1
            if p.fuzzy or p.text is None:  # memory matches go in as reviewed, without QA lines
                for severity, _m in p.qa:
                    self.counts["qa_errors" if severity == "error" else "qa_warnings"] += 1
        self.write(cpath, article, info, proposals, existing)

    def summary(self) -> RunSummary:
        return RunSummary(**self.counts, written=tuple(self.written), failures=tuple(self.failures),
                          directions=tuple(self.directions.items()))


def _check(source: str, target: str, sl: str, tl: str, termbase) -> list[tuple[str, str]]:
    from .qa import check_pair

    return [(f.severity, f"{f.check}: {f.message}") for f in check_pair(source, target, sl, tl, termbase=termbase)]


def _open_memory(path: Path):
    from .memory import TranslationMemory

    return TranslationMemory(path)


def _open_termbase(paths: tuple[Path, ...], project_root: Path | None):
    from .glossary import default_glossary_paths, load_termbase

    if not paths:
        paths = default_glossary_paths(Path(project_root) if project_root is not None else Path.cwd())
        if not paths:
            log.info("no glossary named and no starter glossary under %s: the glossary step is left out",
                     project_root or Path.cwd())
            return None
    return load_termbase(list(paths))


def translate(paths: Sequence[Path], targets: str | Sequence[str] | Sequence[LocaleInfo],
              options: TranslateOptions | None = None, progress: Progress | None = None, *,
              engine=None, memory=None, termbase=None) -> RunSummary:
    """Translate articles into per-article, per-locale PO catalogs (see the module docstring).

    ``engine``, ``memory`` and ``termbase`` are opened objects that replace
    the ones the options name (tests and benchmarks pass stubs this way).
    One bad article or broken catalog is reported in the summary's
    ``failures`` and the run goes on; a missing model
    (:class:`~translator.errors.ModelNotInstalled`), a held lock
    (:class:`~translator.errors.LockError`) or a bad option stop the run.
    """
    options = options or TranslateOptions()
    infos = targets if targets and isinstance(targets[0], LocaleInfo) else parse_locales(targets)
    infos = tuple(infos)
    if not infos:
        raise ConfigError("no target locale; pass --to, e.g. --to ru,kk")
    for info in infos:
        if info.derived_from:
            raise ConfigError(f"{info.code} is made from {info.derived_from} when publishing; "
                              f"translate to {info.derived_from} instead")
    files = expand_paths(paths, exclude=[options.output_dir])
    with ExitStack() as stack:
        if options.lock:
            stack.enter_context(OutputLock(options.output_dir))
        if memory is None and options.tm_path is not None:
            memory = stack.enter_context(_open_memory(options.tm_path))
        if termbase is None and options.glossary is not None:
            termbase = _open_termbase(tuple(options.glossary), options.project_root)
        run = _Run(infos, options, progress, engine, memory, termbase)
        for done, path in enumerate(files, 1):
            run.plan_article(path)
            run.progress("read", done, len(files))
        run.translate_all(stack)
        run.merge_pending()
        sync_dirs(Path(p).parent for p in run.written)  # once per directory, not once per file
        return run.summary()
