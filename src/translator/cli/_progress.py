"""Progress bars and run summaries for the CLI (the library only calls a callback).

:class:`ProgressBars` is the ``progress`` callback handed to
:func:`translator.pipeline.translate`: one click progress bar per direction
(``en→ru  [####    ]  120/300  14.2 seg/s  00:00:12``), drawn on stderr, and
only on a terminal. :func:`render_summary` turns the figures of a run into
the closing lines, in the UI language with its number format.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from typing import Any

import click

from .._i18n import N_, _, format_datetime, format_number, format_seconds, ngettext

__all__ = [
    "ProgressBars",
    "render_summary",
    "render_plan",
    "direction_label",
    "event_fields",
]

#: How the summary names each engine kind.
ENGINE_LABELS = {
    "auto": N_("installed models"),
    "argos": N_("installed models"),
    "pseudo": N_("pseudo (not a translation)"),
}

#: Pipeline stages that are not directions, shown with a translated label.
STAGES = {"read": N_("reading"), "write": N_("writing")}


def direction_label(source: str, target: str) -> str:
    return f"{source}→{target}"


def event_fields(*args: Any, **kwargs: Any) -> tuple[str, int, int] | None:
    """Read ``(label, done, total)`` from a progress call.

    Accepted shapes: ``progress(event)`` where the event has ``done``/``total``
    and ``direction`` (a label or a ``(source, target)`` pair) or
    ``source``/``target``; ``progress(direction, done, total)``; or the same
    as keyword arguments. Calls without counts (stage notices) give ``None``.
    """
    if len(args) == 1 and not kwargs and not isinstance(args[0], (str, tuple)):
        ev = args[0]
        fields = ev if isinstance(ev, Mapping) else {
            k: getattr(ev, k) for k in ("direction", "source", "target", "done", "total", "stage")
            if hasattr(ev, k)
        }
    else:
        fields = dict(kwargs)
        for name, value in zip(("direction", "done", "total"), args, strict=False):
            fields.setdefault(name, value)
    done, total = fields.get("done"), fields.get("total")
    if not isinstance(done, int) or not isinstance(total, int):
        return None
    direction = fields.get("direction")
    if isinstance(direction, (tuple, list)) and len(direction) == 2:
        label = direction_label(*direction)
    elif direction:
        label = str(direction)
    elif fields.get("source") and fields.get("target"):
        label = direction_label(fields["source"], fields["target"])
    else:
        label = str(fields.get("stage") or "")
    return label, done, total


class ProgressBars:
    """A progress callback drawing one bar per direction; silent when ``enabled`` is false.

    Use as a context manager so the last bar is closed (and the line ended).
    """

    def __init__(self, enabled: bool | None = None, file=None) -> None:
        self.file = file or sys.stderr
        self.enabled = self.file.isatty() if enabled is None else enabled
        self._bar = None
        self._label: str | None = None
        self._done = 0
        self._started = 0.0

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        if not self.enabled:
            return
        fields = event_fields(*args, **kwargs)
        if fields is None:
            return
        label, done, total = fields
        if label != self._label or self._bar is None:
            self._close()
            self._open(label, total)
        bar = self._bar
        if total != bar.length:
            bar.length = max(total, 1)
        if done > self._done:
            bar.update(done - self._done)
            self._done = done
        if done >= total:
            self._close()

    def _open(self, label: str, total: int) -> None:
        self._label, self._done, self._started = label, 0, time.monotonic()
        shown = _(STAGES[label]) if label in STAGES else label
        self._bar = click.progressbar(
            length=max(total, 1), label=f"{shown:>10}", file=self.file, show_pos=True,
            show_eta=True, show_percent=False, item_show_func=self._rate, width=24,
        )
        self._bar.__enter__()

    def _rate(self, _item: Any) -> str:
        elapsed = time.monotonic() - self._started
        if elapsed <= 0 or not self._done:
            return ""
        rate = format_number(self._done / elapsed, 1)
        if self._label in STAGES:  # reading and writing count articles
            return _("{rate} articles/s").format(rate=rate)
        return _("{rate} seg/s").format(rate=rate)

    def _close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
            self._label = None

    def clear(self) -> None:
        """End the bar being drawn (before a message is printed)."""
        self._close()

    def __enter__(self) -> ProgressBars:
        return self

    def __exit__(self, *exc: object) -> None:
        self._close()


def render_plan(plan: Mapping[str, Any]) -> str:
    """The ``--dry-run`` report: articles, then segments and words per direction."""
    n = plan["articles"]
    lines = [ngettext("{n} article would be processed.", "{n} articles would be processed.", n)
             .format(n=format_number(n))]
    if not plan["directions"]:
        lines.append(_("Nothing to translate: every segment has a translation."))
    for d in plan["directions"]:
        segs, words = d["segments"], d["words"]
        lines.append("  {label:>8}  {segs}  {words}".format(
            label=direction_label(d["source"], d["target"]),
            segs=ngettext("{n} segment", "{n} segments", segs).format(n=format_number(segs)),
            words=ngettext("{n} word", "{n} words", words).format(n=format_number(words)),
        ))
    for path, message in plan.get("failures", ()):
        lines.append(_("failed: {path}: {message}").format(path=path, message=message))
    return "\n".join(lines)


def render_summary(s: Mapping[str, Any]) -> str:
    """The closing summary of ``translator run``."""
    lines = [
        ngettext("{n} article", "{n} articles", s["articles"]).format(n=format_number(s["articles"]))
        + ", " + ngettext("{n} locale", "{n} locales", len(s["locales"])).format(n=len(s["locales"]))
        + f" ({', '.join(s['locales'])})",
        _("segments from memory: {n}").format(n=format_number(s["from_memory"])),
        _("segments from the MT engine: {n}").format(n=format_number(s["from_mt"])),
        _("QA errors: {errors}, warnings: {warnings}").format(
            errors=format_number(s["qa_errors"]), warnings=format_number(s["qa_warnings"])),
        _("files written: {n}").format(n=format_number(s["files_written"])),
        _("engine: {engine}").format(engine=_(ENGINE_LABELS.get(s["engine"], s["engine"]))),
        _("time: {duration} (finished {when})").format(
            duration=format_seconds(s["seconds"]), when=format_datetime(s["finished"])),
    ]
    if s["failures"]:
        lines.append(ngettext("{n} article failed", "{n} articles failed", len(s["failures"]))
                     .format(n=format_number(len(s["failures"]))))
    return "\n".join(lines)
