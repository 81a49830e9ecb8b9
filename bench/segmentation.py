"""Segmentation quality and speed against gold data, next to pysbd.

Usage (from the repository root)::

    PYTHONPATH=src python bench/segmentation.py [GOLD_DIR ...]

Each GOLD_DIR holds source ``.txt`` files and a ``gold.jsonl`` with lines
``{"file", "paragraph", "role", "sentences"}`` (the format of
``../shared/data/``; default: ``../shared/data/seed`` and
``../shared/data/dev``). Missing folders are skipped.

Scores:

* sentence boundaries: precision, recall and F1 per language, for ours and
  for pysbd on the same block texts. A boundary is the number of
  non-space characters before a sentence end, so whitespace and a leading
  list marker do not matter;
* roles: the share of blocks whose role equals the gold role;
* speed: articles/s and KB/s of sentence splitting (ours and pysbd on the
  same blocks) and of our whole ``parse_article`` (reading, roles,
  sentences, ids), measured in this run.

The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from translator.segment import parse_article, split_sentences  # noqa: E402

DEFAULT_DIRS = [ROOT.parent / "shared" / "data" / "seed", ROOT.parent / "shared" / "data" / "dev"]
_SPACE = re.compile(r"\s+")


def boundaries(sentences: list[str]) -> set[int]:
    """Sentence ends as counts of non-space characters (the last end excluded)."""
    out, pos = set(), 0
    for sent in sentences[:-1]:
        pos += len(_SPACE.sub("", sent))
        out.add(pos)
    return out


def load(dirs: list[Path]) -> list[dict]:
    """Articles with their gold blocks: ``{"path", "lang", "text", "gold": {index: row}}``."""
    articles = []
    for folder in dirs:
        gold_file = folder / "gold.jsonl"
        if not gold_file.is_file():
            print(f"skipped {folder}: no gold.jsonl", file=sys.stderr)
            continue
        rows: dict[str, dict[int, dict]] = defaultdict(dict)
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["file"]][row["paragraph"]] = row
        for name, gold in sorted(rows.items()):
            path = folder / name
            if path.is_file():
                lang = name[:2] if name[:2] in ("en", "ru", "kk") else None
                articles.append({"path": path, "lang": lang, "text": path.read_text(encoding="utf-8"),
                                 "gold": gold})
    return articles


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def timed(fn, min_seconds: float = 0.5) -> float:
    """Seconds per call of ``fn``, repeated for at least ``min_seconds``."""
    fn()
    n, start = 0, time.perf_counter()
    while True:
        fn()
        n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return elapsed / n


def main(argv: list[str]) -> int:
    dirs = [Path(a) for a in argv] or DEFAULT_DIRS
    articles = load(dirs)
    if not articles:
        print("no gold data found; nothing measured", file=sys.stderr)
        print(json.dumps({"articles": 0, "dirs": [str(d) for d in dirs]}))
        return 0
    try:
        import pysbd
    except ImportError:  # pragma: no cover - pysbd is in the test extra
        pysbd = None

    counts = {"ours": defaultdict(Counter), "pysbd": defaultdict(Counter)}
    roles_ok = roles_total = 0
    confusions: Counter[tuple[str, str]] = Counter()
    work = []  # (lang, [block texts]) for the speed runs
    for art in articles:
        parsed = parse_article(art["text"], fmt="text", lang=art["lang"], slug=art["path"].stem)
        lang = parsed.lang
        seg = pysbd.Segmenter(language=lang, clean=False) if pysbd else None
        texts = []
        for block in parsed:
            gold = art["gold"].get(block.index)
            texts.append(block.text)
            if gold is None:
                continue
            roles_total += 1
            if block.role == gold["role"]:
                roles_ok += 1
            else:
                confusions[(gold["role"], block.role)] += 1
            want = boundaries(gold["sentences"])
            results = {"ours": boundaries([s.text for s in block])}
            if seg is not None:
                results["pysbd"] = boundaries(seg.segment(block.text))
            for name, got in results.items():
                c = counts[name][lang]
                c["tp"] += len(got & want)
                c["fp"] += len(got - want)
                c["fn"] += len(want - got)
                if name == "ours" and got != want:
                    print(f"{art['path'].name}[{block.index}] boundaries differ: "
                          f"got {sorted(got)} want {sorted(want)}", file=sys.stderr)
        work.append((lang, texts, art))

    quality = {}
    for name, per_lang in counts.items():
        if not per_lang:
            continue
        quality[name] = {lang: prf(c["tp"], c["fp"], c["fn"]) for lang, c in sorted(per_lang.items())}
        total = sum(per_lang.values(), Counter())
        quality[name]["all"] = prf(total["tp"], total["fp"], total["fn"])

    size_kb = sum(len(a["text"].encode("utf-8")) for a in articles) / 1024
    n_art = len(articles)

    def ours_split():
        for lang, texts, _ in work:
            for t in texts:
                split_sentences(t, lang)

    def ours_full():
        for _lang, _texts, art in work:
            parse_article(art["text"], fmt="text", lang=None, slug="x")

    speed = {}
    for name, fn in (("ours_split", ours_split), ("ours_parse", ours_full)):
        sec = timed(fn)
        speed[name] = {"articles_per_s": round(n_art / sec, 1), "kb_per_s": round(size_kb / sec, 1)}
    if pysbd:
        segs = {lang: pysbd.Segmenter(language=lang, clean=False) for lang, _, _ in work}

        def pysbd_split():
            for lang, texts, _ in work:
                for t in texts:
                    segs[lang].segment(t)

        sec = timed(pysbd_split, 1.0)
        speed["pysbd_split"] = {"articles_per_s": round(n_art / sec, 1), "kb_per_s": round(size_kb / sec, 1)}
        speed["split_speedup_vs_pysbd"] = round(
            speed["ours_split"]["articles_per_s"] / speed["pysbd_split"]["articles_per_s"], 1)

    role_acc = roles_ok / roles_total if roles_total else 0.0
    print(f"{n_art} articles, {roles_total} gold blocks, {size_kb:.1f} KB")
    for name, per_lang in quality.items():
        for lang, q in per_lang.items():
            print(f"  {name:6} {lang:3} P={q['precision']:.3f} R={q['recall']:.3f} F1={q['f1']:.3f}")
    print(f"  roles: {roles_ok}/{roles_total} = {role_acc:.3f}")
    for (want, got), k in confusions.most_common():
        print(f"    gold {want} -> ours {got}: {k}")
    for name, s in speed.items():
        print(f"  speed {name}: {s}")
    print(json.dumps({
        "articles": n_art, "blocks": roles_total, "kb": round(size_kb, 1),
        "boundaries": quality, "role_accuracy": round(role_acc, 4),
        "role_errors": {f"{w}->{g}": k for (w, g), k in confusions.items()},
        "speed": speed,
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
