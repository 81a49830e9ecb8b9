"""Benchmark `translator publish`: N articles x 3 locales (ru, kk, kk-Latn), full and unchanged.

Builds a throw-away project (articles written from a few template sentences,
ru and kk catalogs through polib, half reviewed and half machine output),
then measures in one run:

- baseline: reading the inputs only (every catalog with read_catalog and
  every source article with read_article), the floor any publisher pays;
- full publish into an empty output folder (md, json, html + indexes);
- unchanged re-publish: must write no file (the count is printed);
- peak Python memory of a full publish (tracemalloc, in a separate pass so
  that its overhead does not touch the times).

Ratios are against the baseline measured in the same run. The last line is
one JSON object with every figure.

    PYTHONPATH=src python bench/publish.py --articles 1000
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

SENTENCES = [
    "The akimat of {city} approved a budget of {n} million tenge for new schools.",
    "Work on the {n}-kilometre road between {city} and Almaty will start in spring.",
    "The ministry said that **{n} families** received new flats this year.",
    "Residents can read the full plan on the [city website](https://example.kz/{city}/{n}).",
    "Officials in {city} expect the project to be finished by {year}.",
    "The regional governor met farmers to discuss water supply in {city}.",
]
CITIES = ["Astana", "Almaty", "Shymkent", "Oskemen", "Aktobe", "Karaganda", "Pavlodar", "Taraz"]


def article_text(i: int) -> str:
    city = CITIES[i % len(CITIES)]
    fill = {"city": city, "n": 100 + i, "year": 2027 + i % 5}
    paras = []
    for p in range(4):
        sents = [SENTENCES[(i + p + k) % len(SENTENCES)].format(**fill) for k in range(3)]
        paras.append(" ".join(sents))
    return (
        f"# {city} Plans Project Number {i}\n\nPhoto: Example News\n\n"
        + "\n\n".join(paras)
        + f"\n\nAuthor: Reporter {i % 17}\n\n## Latest news\n\n"
        + f"- [Story {i + 1} from {city}](https://example.kz/news/{i + 1})\n"
        + f"- [Story {i + 2} from {city}](https://example.kz/news/{i + 2})\n"
    )


def build_project(root: Path, n: int) -> int:
    import polib

    from translator.segment import read_article

    (root / "articles").mkdir(parents=True)
    entries = 0
    for i in range(n):
        src = root / "articles" / f"story-{i:05d}.md"
        src.write_text(article_text(i), encoding="utf-8")
        article = read_article(src)
        for loc in ("ru", "kk"):
            po = polib.POFile(wrapwidth=76)
            po.metadata = {
                "POT-Creation-Date": "2026-11-29 10:00+0000", "PO-Revision-Date": "2026-11-29 12:00+0000",
                "Language": loc, "Content-Type": "text/plain; charset=UTF-8",
                "X-Source-File": f"articles/{src.name}", "X-Source-Language": "en",
                "X-Article-Slug": article.slug,
            }
            for k, (block, seg) in enumerate(article.translatable_segments()):
                po.append(polib.POEntry(
                    msgctxt=seg.id, msgid=seg.text, msgstr=f"[{loc}] {seg.text}",
                    comment=f"role: {block.role}\nblock: {block.index}\nengine: bench:en>{loc}",
                    flags=["fuzzy"] if k % 2 else [],
                ))
                entries += 1
            path = root / "locales" / loc / "LC_MESSAGES" / f"{article.slug}.po"
            path.parent.mkdir(parents=True, exist_ok=True)
            po.save(str(path))
    return entries


def baseline(root: Path) -> float:
    from translator.catalog import read_catalog
    from translator.segment import read_article

    t = time.perf_counter()
    for po in sorted((root / "locales").glob("*/LC_MESSAGES/*.po")):
        read_catalog(po)
    for src in sorted((root / "articles").glob("*.md")):
        read_article(src)
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    args = ap.parse_args(argv)

    from translator.publish import PublishOptions, publish

    tmp = Path(tempfile.mkdtemp(prefix="bench-publish-"))
    try:
        t = time.perf_counter()
        entries = build_project(tmp, args.articles)
        setup_s = time.perf_counter() - t
        print(f"setup: {args.articles} articles, {entries} catalog entries in {setup_s:.1f} s", file=sys.stderr)
        options = PublishOptions(include_machine=True, source_root=tmp)
        base_s = baseline(tmp)
        print(f"baseline (read inputs): {base_s:.2f} s", file=sys.stderr)

        t = time.perf_counter()
        full = publish(tmp / "locales", tmp / "site", options=options)
        full_s = time.perf_counter() - t
        assert full.ok, full.problems[:3]
        print(f"full publish: {full.articles} articles, {len(full.written)} files written in {full_s:.2f} s",
              file=sys.stderr)

        t = time.perf_counter()
        again = publish(tmp / "locales", tmp / "site", options=options)
        again_s = time.perf_counter() - t
        print(f"unchanged re-publish: {len(again.written)} files written, {again.unchanged} unchanged "
              f"in {again_s:.2f} s", file=sys.stderr)

        tracemalloc.start()
        publish(tmp / "locales", tmp / "site-mem", options=options)
        _cur, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak Python memory of a full publish: {peak / 2**20:.1f} MiB", file=sys.stderr)

        figures = {
            "bench": "publish",
            "articles": args.articles,
            "locales": 3,
            "catalog_entries": entries,
            "baseline_read_inputs_s": round(base_s, 3),
            "full_publish_s": round(full_s, 3),
            "full_files_written": len(full.written),
            "full_ratio_vs_baseline": round(full_s / base_s, 2),
            "republish_s": round(again_s, 3),
            "republish_files_written": len(again.written),
            "republish_files_unchanged": again.unchanged,
            "republish_ratio_vs_baseline": round(again_s / base_s, 2),
            "articles_per_s_full": round(full.articles / full_s, 1),
            "peak_mib_full": round(peak / 2**20, 1),
        }
        print(json.dumps(figures))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
