"""Benchmark: catalogs for 1,000 articles x 2 locales, from scratch and re-run unchanged.

Machine translation is excluded: a counting stub engine returns pseudo
output instantly and records every call, so the figures are the cost of
reading and segmenting articles, planning, merging and writing catalogs.

Figures, all measured in this run:

- ``scratch_s``: first run, every catalog written;
- ``rerun_s``: the same run again with nothing changed (target < 10 s for
  1,000 articles); it must make no engine call (``rerun_mt_calls``);
- ``polib_s``: the baseline, polib reading and writing the same 2,000
  catalogs with its own writer (``ratio_rerun_vs_polib``);
- peak traced memory of the unchanged re-run for a small and the full set of
  articles (``peak_rerun_small_mib``, ``peak_rerun_full_mib``): streaming
  means these stay about equal; the from-scratch run holds one direction's
  MT batch (all unique sentences), so its peak grows with the articles by
  design (``peak_scratch_small_mib`` and ``peak_scratch_mid_mib``, for the
  small set and three times as many articles).

Usage: ``PYTHONPATH=src python bench/catalog.py [--articles 1000] [--small 100]``.
The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

from translator.mt import Engine, Translation, pseudo_translate
from translator.pipeline import TranslateOptions, translate

PLACES = ["Astana", "Almaty", "Oskemen", "Shymkent", "Aktobe", "Karaganda", "Pavlodar", "Semey", "Taraz", "Atyrau"]
TOPICS = ["bridge", "school", "hospital", "water pipeline", "bus route", "park", "library", "stadium"]
RELATED = ["Latest news", "Tenge strengthens against the dollar", "Weather: snow expected in the north",
           "Akimat announces road repairs"]


def article_text(i: int) -> str:
    """A synthetic news article of ~25 sentences; the related-news list recurs in every article."""
    place, topic = PLACES[i % len(PLACES)], TOPICS[i % len(TOPICS)]
    lines = [f"{place} opens a new {topic} number {i}", "",
             f"Photo: press service of the {place} akimat, item {i}", ""]
    for p in range(6):
        lines.append(
            f"The new {topic} in {place} cost {i * 7 + p} million tenge, officials said on day {p + 1}. "
            f"Residents of district {i % 13} had waited for it for {p + 2} years. "
            f"Work on stage {p} of project {i} will finish before the end of the year.")
        lines.append("")
    lines += RELATED[:1] + [""] + [f"{t} ({i % 5})" if n else t for n, t in enumerate(RELATED[1:])]
    return "\n".join(lines) + "\n"


class CountingEngine(Engine):
    """Instant pseudo output; counts calls and texts."""

    name = "pseudo"

    def __init__(self) -> None:
        self.calls = 0
        self.texts = 0

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[Translation]:
        self.calls += 1
        self.texts += len(texts)
        return [Translation(pseudo_translate(t, target), None, ("pseudo",), pseudo=True) for t in texts]


def make_articles(root: Path, n: int) -> Path:
    src = root / "articles"
    src.mkdir(parents=True)
    for i in range(n):
        (src / f"article-{i:05d}.txt").write_text(article_text(i), encoding="utf-8")
    return src


def run(src: Path, out: Path, trace: bool = False) -> tuple[float, CountingEngine, object, float]:
    engine = CountingEngine()
    opts = TranslateOptions(output_dir=out, source_lang="en", engine="pseudo", qa=False, project_root=src.parent)
    if trace:
        tracemalloc.start()
    t0 = time.perf_counter()
    summary = translate([src], ["ru", "kk"], opts, engine=engine)
    elapsed = time.perf_counter() - t0
    peak = 0.0
    if trace:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    assert summary.ok, summary.failures
    return elapsed, engine, summary, peak


def polib_baseline(out: Path) -> float:
    """polib reading and writing every catalog with its own writer."""
    import polib

    files = sorted(out.rglob("*.po"))
    t0 = time.perf_counter()
    for f in files:
        po = polib.pofile(str(f), wrapwidth=76)
        po.save(str(f) + ".polib")
    elapsed = time.perf_counter() - t0
    for f in files:
        Path(str(f) + ".polib").unlink()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--small", type=int, default=100, help="articles in the small set for the memory comparison")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="bench-catalog-"))
    try:
        src = make_articles(tmp / "full", args.articles)
        out = tmp / "full" / "locales"
        scratch_s, eng1, s1, _ = run(src, out)
        print(f"from scratch: {args.articles} articles x 2 locales in {scratch_s:.2f} s; "
              f"{eng1.calls} engine calls, {eng1.texts} unique texts for {s1.segments} segments; "
              f"{s1.files_written} catalogs written", flush=True)
        rerun_s, eng2, s2, _ = run(src, out)
        print(f"unchanged re-run: {rerun_s:.2f} s; {eng2.calls} engine calls; {s2.files_written} files written",
              flush=True)
        polib_s = polib_baseline(out)
        print(f"baseline, polib read+write of the same {s1.catalogs} catalogs: {polib_s:.2f} s", flush=True)

        small_src = make_articles(tmp / "small", args.small)
        small_out = tmp / "small" / "locales"
        _, _, _, peak_scratch_small = run(small_src, small_out, trace=True)
        _, _, _, peak_rerun_small = run(small_src, small_out, trace=True)
        _, _, _, peak_rerun_full = run(src, out, trace=True)
        mid = min(args.articles, 3 * args.small)  # tracing a full from-scratch run would double the time
        mid_src = make_articles(tmp / "mid", mid)
        _, _, _, peak_scratch_mid = run(mid_src, tmp / "mid" / "locales", trace=True)
        print(f"peak traced memory, re-run: {peak_rerun_small:.1f} MiB ({args.small} articles) vs "
              f"{peak_rerun_full:.1f} MiB ({args.articles}); from scratch: {peak_scratch_small:.1f} MiB "
              f"({args.small}) vs {peak_scratch_mid:.1f} MiB ({mid}): it holds the MT batch", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    figures = {
        "articles": args.articles,
        "locales": 2,
        "catalogs": s1.catalogs,
        "segments": s1.segments,
        "unique_mt_texts": eng1.texts,
        "scratch_s": round(scratch_s, 3),
        "scratch_mt_calls": eng1.calls,
        "rerun_s": round(rerun_s, 3),
        "rerun_mt_calls": eng2.calls,
        "rerun_files_written": s2.files_written,
        "polib_s": round(polib_s, 3),
        "ratio_rerun_vs_polib": round(rerun_s / polib_s, 3),
        "ratio_rerun_vs_scratch": round(rerun_s / scratch_s, 3),
        "peak_rerun_small_mib": round(peak_rerun_small, 2),
        "peak_rerun_full_mib": round(peak_rerun_full, 2),
        "peak_scratch_small_mib": round(peak_scratch_small, 2),
        "peak_scratch_mid_mib": round(peak_scratch_mid, 2),
        "mid_articles": mid,
        "small_articles": args.small,
        "rerun_target_met": rerun_s < 10.0 and eng2.calls == 0,
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
