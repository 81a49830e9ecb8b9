"""The model engine: Argos packages and multilingual models through CTranslate2.

Routing
    For ``source → target`` the engine takes a direct model (an Argos
    package first, newest version first; else a multilingual model), else a
    pivot through English (``ru → en → kk``) whose legs are chosen the same
    way, else raises :class:`~translator.errors.ModelNotInstalled` naming
    the missing directions. Each :class:`~translator.mt.base.Translation`
    carries the legs taken as route labels, e.g. ``("argos:en-ru@1.9",)`` or
    ``("argos:ru-en@1.9", "nllb-200-distilled-600M:en-kk@1.0")``.

Throughput
    One call translates every text it is given through each leg's model in
    a few large batches: the inputs are sorted by length, taken in rounds of
    at most ``inter_threads × max_batch_tokens`` source tokens, and each
    round is dealt out to ``inter_threads`` batches with the same mix of
    lengths (see ``_balanced_batches``), which the ``inter_threads`` workers
    decode in parallel, each with ``intra_threads`` threads (default: one
    worker per core, one thread each). Tokenising and
    detokenising go through SentencePiece a whole list at a time. A model is
    loaded on first use, kept per model folder for the engine's life and
    released by :meth:`ModelEngine.close`.

Scores
    ``Translation.score`` is CTranslate2's score (``return_scores``): the
    hypothesis log-probability normalised by its length (``length_penalty``
    1), summed over pivot legs and averaged, weighted by tokens, over the
    pieces of a split sentence.
"""

from __future__ import annotations

import logging
import math
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import ModelError, ModelNotInstalled
from .base import Engine, EngineSettings, Translation
from .packages import ModelInfo
from .store import Inventory, scan
from .tokenize import Tokenizer, rejoin, split_long

__all__ = ["ModelEngine", "PIVOT"]

log = logging.getLogger(__name__)

#: The pivot language for directions with no direct model.
PIVOT = "en"


@dataclass
class _Loaded:
    translator: object  # ctranslate2.Translator
    tokenizer: Tokenizer


def _balanced_batches(sources: Sequence[Sequence[str]], workers: int, max_tokens: int) -> list[list[int]]:
    """Indices of ``sources`` cut into batches that keep ``workers`` workers equally busy.

    The sources are sorted by length and taken in rounds of about
    ``workers × max_tokens`` tokens (never fewer than ``workers`` batches
    for the whole call); each round is dealt out like cards, shortest first,
    to ``workers`` batches. Every batch of a round then holds the same mix of
    lengths, so the batches decoded in parallel finish together; cutting the
    sorted list into consecutive runs instead leaves one worker idle while
    the batch of longest sentences, which needs the most decoding steps,
    finishes (measured: see bench/mt.py). A batch stays within about
    ``max_tokens`` source tokens.
    """
    order = sorted(range(len(sources)), key=lambda j: len(sources[j]))
    total = sum(len(s) for s in sources)
    workers = max(1, min(workers, len(order)))
    rounds = max(1, math.ceil(total / (workers * max(1, max_tokens))))
    budget = math.ceil(total / rounds)  # tokens per round, <= workers * max_tokens
    batches: list[list[int]] = []
    chunk: list[int] = []
    tokens = 0
    for j in [*order, None]:
        if j is None or (chunk and tokens + len(sources[j]) > budget):
            batches += [b for b in (chunk[k::workers] for k in range(workers)) if b]
            chunk, tokens = [], 0
        if j is not None:
            chunk.append(j)
            tokens += len(sources[j])
    return batches


class ModelEngine(Engine):
    """Translate with installed models (see the module docstring).

    ``inventory`` replaces discovery (tests, or a caller that already scanned).
    """

    name = "models"

    def __init__(
        self,
        settings: EngineSettings | None = None,
        models_dir: Path | str | None = None,
        *,
        inventory: Inventory | None = None,
    ) -> None:
        self.settings = settings or EngineSettings()
        self.models_dir = models_dir
        self._inventory = inventory
        self._loaded: dict[Path, _Loaded] = {}
        #: Running totals: seconds loading models and inside CTranslate2, sentences, tokens.
        self.stats = {"load_seconds": 0.0, "ct2_seconds": 0.0, "sentences": 0, "output_tokens": 0}

    # -- routing ---------------------------------------------------------

    @property
    def inventory(self) -> Inventory:
        if self._inventory is None:
            self._inventory = scan(self.models_dir)
        return self._inventory

    def _best(self, source: str, target: str) -> ModelInfo | None:
        found = self.inventory.serving(source, target)
        return found[0] if found else None

    def plan(self, source: str, target: str) -> list[tuple[ModelInfo, str, str]]:
        """The legs ``(model, source, target)`` for a direction; raises ``ModelNotInstalled``."""
        direct = self._best(source, target)
        if direct is not None:
            return [(direct, source, target)]
        if PIVOT not in (source, target):
            first, second = self._best(source, PIVOT), self._best(PIVOT, target)
            if first is not None and second is not None:
                return [(first, source, PIVOT), (second, PIVOT, target)]
            missing = [(source, target)]
            missing += [d for d, m in (((source, PIVOT), first), ((PIVOT, target), second)) if m is None]
            raise ModelNotInstalled(missing)
        raise ModelNotInstalled([(source, target)])

    def check(self, source: str, target: str) -> tuple[str, ...]:
        if source == target:
            return ("identity",)
        return tuple(model.route(s, t) for model, s, t in self.plan(source, target))

    # -- loading ---------------------------------------------------------

    def _threads(self) -> tuple[int, int]:
        inter, intra = self.settings.inter_threads, self.settings.intra_threads
        if inter <= 0:  # auto: one worker per core, one thread each (no OpenMP waits)
            try:
                cores = len(os.sched_getaffinity(0))
            except AttributeError:  # not on Linux
                cores = os.cpu_count() or 1
            inter, intra = max(1, min(8, cores)), intra or 1
        return inter, intra

    def _load(self, model: ModelInfo) -> _Loaded:
        loaded = self._loaded.get(model.model_dir)
        if loaded is not None:
            return loaded
        import ctranslate2  # lazy: heavy import

        inter, intra = self._threads()
        started = time.perf_counter()
        try:
            translator = ctranslate2.Translator(
                str(model.model_dir),
                device=self.settings.device,
                compute_type=self.settings.compute_type,
                inter_threads=inter,
                intra_threads=intra,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(f"{model.folder}: cannot load the model ({exc}); reinstall it") from None
        loaded = _Loaded(translator, Tokenizer(model.sentencepiece))
        self.stats["load_seconds"] += time.perf_counter() - started
        self._loaded[model.model_dir] = loaded
        log.info("loaded %s (%s, %d×%d threads)", model.folder, self.settings.compute_type, inter, intra)
        return loaded

    def preload(self, source: str, target: str) -> None:
        """Load the model(s) of a direction now rather than on the first ``translate``."""
        if source != target:
            for model, _s, _t in self.plan(source, target):
                self._load(model)

    def close(self) -> None:
        for loaded in self._loaded.values():
            loaded.translator.unload_model()
        self._loaded.clear()

    # -- translating -----------------------------------------------------

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[Translation]:
        texts = list(texts)
        results: list[Translation] = [Translation(t, None, ()) for t in texts]
        todo = [i for i, t in enumerate(texts) if t.strip()]
        if not todo:
            return results
        if source == target:
            for i in todo:
                results[i] = Translation(texts[i], 0.0, ("identity",))
            return results
        legs = self.plan(source, target)
        current = [texts[i].strip() for i in todo]
        scores = [0.0] * len(todo)
        route = []
        for model, s, t in legs:
            current, leg_scores = self._translate_leg(model, s, t, current)
            scores = [a + b for a, b in zip(scores, leg_scores, strict=False)]
            route.append(model.route(s, t))
        for i, text, score in zip(todo, current, scores, strict=False):
            original = texts[i]  # keep the segment's own surrounding whitespace
            lead = original[: len(original) - len(original.lstrip())]
            trail = original[len(original.rstrip()):]
            results[i] = Translation(f"{lead}{text}{trail}", score, tuple(route))
        return results

    def _translate_leg(
        self, model: ModelInfo, source: str, target: str, texts: list[str]
    ) -> tuple[list[str], list[float]]:
        loaded = self._load(model)
        tok = loaded.tokenizer
        if model.kind == "multilingual":
            src_tok, tgt_tok = model.token(source), model.token(target)
            prefix = [tgt_tok]
            if model.source_format == "lang_first":
                def wrap(p):
                    return [src_tok, *p, "</s>"]
            else:
                def wrap(p):
                    return [*p, "</s>", src_tok]
            specials = 2
        else:
            prefix = list(model.target_prefix)

            def wrap(p):
                return p

            specials = 0
        limit = max(8, self.settings.max_input_length - specials)

        pieces = tok.encode(texts)
        sources: list[list[str]] = []
        owners: list[int] = []
        separators: list[str] = []
        for i, (text, p) in enumerate(zip(texts, pieces, strict=False)):
            if len(p) <= limit:
                sources.append(wrap(p))
                owners.append(i)
                separators.append("")
                continue
            parts = split_long(text, limit, tok.count)
            log.debug("split a %d-token sentence into %d pieces", len(p), len(parts))
            for (_part, sep), part_pieces in zip(parts, tok.encode([part for part, _ in parts]), strict=False):
                sources.append(wrap(part_pieces))
                owners.append(i)
                separators.append(sep)

        started = time.perf_counter()
        options = dict(
            target_prefix=None,
            beam_size=self.settings.beam_size,
            num_hypotheses=1,
            max_input_length=0,  # never truncate: long inputs were split above
            max_decoding_length=self.settings.max_decoding_length,
            return_scores=True,
            replace_unknowns=True,
        )
        results: list = [None] * len(sources)
        pending = []
        for batch in _balanced_batches(sources, self._threads()[0], self.settings.max_batch_tokens):
            options["target_prefix"] = [prefix] * len(batch) if prefix else None
            # One batch per call (max_batch_size=0: CTranslate2 does not cut it
            # again); asynchronous, so the workers decode batches in parallel.
            futures = loaded.translator.translate_batch(
                [sources[j] for j in batch], max_batch_size=0, asynchronous=True, **options
            )
            pending.append((batch, futures))
        for batch, futures in pending:
            for j, future in zip(batch, futures, strict=True):
                results[j] = future.result()
        self.stats["ct2_seconds"] += time.perf_counter() - started
        self.stats["sentences"] += len(sources)
        outputs, lengths = [], []
        for j, r in enumerate(results):
            hyp = r.hypotheses[0]
            if len(hyp) >= self.settings.max_decoding_length:
                log.warning(
                    "%s: a translation stopped at max_decoding_length (%d tokens) and may be cut: %.60s",
                    model.route(source, target), self.settings.max_decoding_length, texts[owners[j]],
                )
            if prefix and hyp[: len(prefix)] == prefix:
                hyp = hyp[len(prefix):]
            outputs.append(hyp)
            lengths.append(max(1, len(hyp)))
        self.stats["output_tokens"] += sum(len(h) for h in outputs)
        decoded = tok.decode(outputs)

        parts_of: list[list[int]] = [[] for _ in texts]
        for j, owner in enumerate(owners):
            parts_of[owner].append(j)
        out_texts, out_scores = [], []
        for idx in parts_of:
            if len(idx) == 1:
                j = idx[0]
                out_texts.append(decoded[j].strip())
                out_scores.append(float(results[j].scores[0]))
                continue
            out_texts.append(rejoin([decoded[j].strip() for j in idx], [separators[j] for j in idx]))
            total = sum(lengths[j] for j in idx)
            out_scores.append(sum(float(results[j].scores[0]) * lengths[j] for j in idx) / total)
        return out_texts, out_scores
