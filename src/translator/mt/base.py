"""The engine interface the rest of the toolkit uses.

An engine translates a batch of sentences from one language to another and
returns, for each, a :class:`Translation`: the text, a score and the route
taken. The pipeline hands an engine *every* segment of a run for one
direction in one call; batching, sorting and pivoting are the engine's job.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Translation", "EngineSettings", "Engine"]


@dataclass(frozen=True)
class Translation:
    """One machine translation.

    ``route`` names the model(s) used, in order, e.g. ``("argos:en-ru@1.9",)``
    or, through a pivot, ``("argos:ru-en@1.9", "nllb-200:en-kk")``.
    ``score`` is the model's log-probability per token (``None`` when the
    engine has none). ``pseudo`` is true for pseudo-localised output, which
    must never pass for a translation.
    """

    text: str
    score: float | None
    route: tuple[str, ...]
    pseudo: bool = False

    @property
    def route_label(self) -> str:
        return " → ".join(self.route)


@dataclass(frozen=True)
class EngineSettings:
    """Decoding and runtime settings (from the configuration or the command line).

    ``max_batch_tokens`` bounds a batch in source tokens; ``max_input_length``
    is the longest source (in tokens) a model is given: longer sentences are
    split and rejoined, never truncated.
    """

    beam_size: int = 4
    compute_type: str = "int8"
    device: str = "cpu"
    #: Batches decoded in parallel; 0 (default): one worker per available core (at most 8),
    #: one thread each: measured faster than OpenMP threads inside one batch (bench/mt.py).
    inter_threads: int = 0
    #: Threads per worker; 0: one per worker when inter_threads is 0, else CTranslate2's default.
    intra_threads: int = 0
    #: Source tokens per batch. 1024 (about 40 news sentences, 160 rows at
    #: beam 4) measured best on a 2-core CPU with a transformer-base model:
    #: 4096 cost 8% more CPU (50,000-wide logits of 600 rows stop fitting in
    #: cache), 512 5% more (bench/mt.py's docstring).
    max_batch_tokens: int = 1024
    max_input_length: int = 256
    max_decoding_length: int = 512


class Engine(ABC):
    """A machine-translation engine. Use it as a context manager to release models."""

    name: str = "engine"

    @abstractmethod
    def translate(self, texts: Sequence[str], source: str, target: str) -> list[Translation]:
        """Translate ``texts`` from ``source`` to ``target`` (bare language codes: en, ru, kk).

        Returns one :class:`Translation` per input, in input order. Empty and
        whitespace-only inputs come back unchanged and never reach a model.
        Raises :class:`~translator.errors.ModelNotInstalled` when no route exists.
        """

    def check(self, source: str, target: str) -> tuple[str, ...]:
        """The route this engine would take for a direction; raises ``ModelNotInstalled`` if none."""
        return (self.name,)

    def close(self) -> None:  # noqa: B027 - optional hook, a no-op by default
        """Release loaded models."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
