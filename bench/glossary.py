"""Glossary benchmark: concept-occurrence precision/recall and matching speed.

Quality: the starter glossary (``i18n/glossary.tsv``) is run over the articles
in ``../shared/data`` (when that folder exists) and compared with a hand
annotation of the concept occurrences in them (``bench/data/glossary_gold.jsonl``:
file, line, offsets, the name as written and its concept; made by reading the
texts). *strict* counts a hit when span and concept are equal, *lenient* when
the spans overlap and the concept is equal.

Speed: sentences per second of ``Termbase.find`` with the starter glossary and
with the starter glossary plus 1,000 and 10,000 synthetic concepts, measured
in the same run, and the same for a naive matcher (every folded form searched
in every sentence) to show what linear growth looks like.

Run from the repository root::

    PYTHONPATH=src python bench/glossary.py

The last line is one JSON object with every figure.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from translator.glossary import Concept, Term, Termbase, load_termbase  # noqa: E402
from translator.glossary.text import fold  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "bench" / "data" / "glossary_gold.jsonl"
STARTER = ROOT / "i18n" / "glossary.tsv"

# Used for speed when ../shared/data is absent (written for this project).
OWN_SENTENCES = [
    ("en", "President Tokayev met the akim of East Kazakhstan Region in Oskemen on Monday."),
    ("en", "The Mazhilis passed the budget bill and sent it to the Senate."),
    ("en", "Prices in Almaty rose faster than in Astana, the National Bank said."),
    ("ru", "Токаев провёл встречу с акимом Восточно-Казахстанской области в Усть-Каменогорске."),
    ("ru", "Мажилис одобрил закон о бюджете, сообщает пресс-служба Акорды."),
    ("ru", "В Алматы и Шымкенте цены выросли на три процента."),
    ("kk", "Қасым-Жомарт Тоқаев Өскеменге жұмыс сапарымен барды."),
    ("kk", "Мәжіліс депутаттары Астанада бюджетті талқылады."),
    ("kk", "Алматыдағы баға Шымкенттегіден жоғары болды."),
]


def _rng_name(rng: random.Random, alphabet: list[str], endings: list[str]) -> str:
    syllables = rng.randint(2, 4)
    word = "".join(rng.choice(alphabet) for _ in range(syllables))
    return word[:1].upper() + word[1:] + rng.choice(endings)


def synthetic_concepts(n: int, seed: int = 7) -> list[Concept]:
    """``n`` random concepts with en/ru/kk forms, persons, places and multi-word names."""
    rng = random.Random(seed)
    latin = ["ka", "ra", "to", "ly", "men", "zha", "bek", "sul", "tan", "or", "da", "qa", "nur", "al"]
    cyr = ["ка", "ра", "то", "лы", "мен", "жа", "бек", "сул", "тан", "ор", "да", "на", "нур", "ал"]
    kaz = ["қа", "ра", "тө", "лы", "мен", "жа", "бек", "сұл", "тан", "ор", "да", "ға", "нұр", "әл"]
    out = []
    for i in range(n):
        ctype = rng.choice(["person", "place", "organisation", "other"])
        cid = f"syn{i}"
        end_en, end_ru, end_kk = (["ov", "ev", "in"], ["ов", "ев", "ин"], ["ов", "ев", "ұлы"]) \
            if ctype == "person" else ([""], ["", "ск", "а"], [""])
        en = _rng_name(rng, latin, end_en)
        ru = _rng_name(rng, cyr, end_ru)
        kk = _rng_name(rng, kaz, end_kk)
        terms = [Term(cid, "en", en, "preferred"), Term(cid, "ru", ru, "preferred"),
                 Term(cid, "kk", kk, "preferred"),
                 Term(cid, "en", en.replace("k", "q"), "variant"),
                 Term(cid, "ru", ru + "о" if ctype == "place" else ru[:-1] + "у", "variant")]
        if rng.random() < 0.3:
            first = _rng_name(rng, latin, [""])
            terms.append(Term(cid, "en", f"{first} {en}", "preferred"))
        out.append(Concept(cid, ctype, tuple(terms)))
    return out


def _lang_of(name: str) -> str:
    return name[:2] if name[:2] in ("en", "ru", "kk") else "en"


def _article_lines(path: Path) -> list[tuple[int, str]]:
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("# source:"):
            out.append((lineno, line))
    return out


def quality(tb: Termbase) -> dict | None:
    if not DATA.is_dir() or not GOLD.is_file():
        return None
    gold = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    files = sorted({g["file"] for g in gold} | {f"dev/{p.name}" for p in (DATA / "dev").glob("*.txt")})
    pred = []
    for rel in files:
        path = DATA / rel
        if not path.is_file():
            continue
        for lineno, line in _article_lines(path):
            for m in tb.find(line, _lang_of(path.name)):
                pred.append({"file": rel, "line": lineno, "start": m.start, "end": m.end,
                             "text": m.text, "concept": m.concept_id})
    for g in gold:  # the annotation must point at the name it quotes
        line = (DATA / g["file"]).read_text(encoding="utf-8").splitlines()[g["line"] - 1]
        assert line[g["start"]:g["end"]] == g["text"], g

    def key(x):
        return (x["file"], x["line"], x["start"], x["end"], x["concept"])

    def overlaps(a, b):
        return (a["file"], a["line"], a["concept"]) == (b["file"], b["line"], b["concept"]) and \
            a["start"] < b["end"] and b["start"] < a["end"]

    def prf(gold_rows, pred_rows):
        gk, pk = {key(g) for g in gold_rows}, {key(p) for p in pred_rows}
        tp = len(gk & pk)
        lp = sum(any(overlaps(p, g) for g in gold_rows) for p in pred_rows)
        lr = sum(any(overlaps(p, g) for p in pred_rows) for g in gold_rows)
        return {
            "gold": len(gk), "predicted": len(pk),
            "precision": round(tp / len(pk), 3) if pk else 0.0,
            "recall": round(tp / len(gk), 3) if gk else 0.0,
            "lenient_precision": round(lp / len(pred_rows), 3) if pred_rows else 0.0,
            "lenient_recall": round(lr / len(gold_rows), 3) if gold_rows else 0.0,
        }

    result = {"all": prf(gold, pred)}
    for lang in ("en", "ru", "kk"):
        result[lang] = prf([g for g in gold if _lang_of(Path(g["file"]).name) == lang],
                           [p for p in pred if _lang_of(Path(p["file"]).name) == lang])
    gk = {key(g) for g in gold}
    pk = {key(p) for p in pred}
    result["missed"] = [f"{g['file']}:{g['line']} {g['text']} ({g['concept']})" for g in gold if key(g) not in pk]
    result["spurious"] = [f"{p['file']}:{p['line']} {p['text']} ({p['concept']})" for p in pred if key(p) not in gk]
    return result


def sentences() -> list[tuple[str, str]]:
    out = []
    for gold in (DATA / "dev" / "gold.jsonl", DATA / "seed" / "gold.jsonl"):
        if gold.is_file():
            for row in map(json.loads, gold.read_text(encoding="utf-8").splitlines()):
                lang = _lang_of(row.get("file", "en"))
                out.extend((lang, s) for s in row["sentences"] if s.strip())
    return out or OWN_SENTENCES


def speed(tb: Termbase, corpus: list[tuple[str, str]], repeats: int = 3) -> float:
    for lang, text in corpus[:200]:
        tb.find(text, lang)  # indexes and suffix tables are built outside the timing
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for lang, text in corpus:
            tb.find(text, lang)
        best = min(best, time.perf_counter() - t0)
    return len(corpus) / best


def naive_speed(tb: Termbase, corpus: list[tuple[str, str]]) -> float:
    """Every folded form looked for in every sentence: the cost grows with the glossary."""
    forms = [fold(t.text) for c in tb for t in c.terms]
    t0 = time.perf_counter()
    found = 0
    for _lang, text in corpus:
        key = fold(text)
        found += sum(1 for f in forms if f in key)
    return len(corpus) / (time.perf_counter() - t0)


def main() -> None:
    starter = load_termbase([STARTER])
    figures: dict = {"starter_concepts": len(starter)}
    q = quality(starter)
    if q is None:
        print("../shared/data not found: precision/recall skipped")
    else:
        for lang in ("all", "en", "ru", "kk"):
            r = q[lang]
            print(f"{lang:>3}: gold {r['gold']:3d} predicted {r['predicted']:3d} "
                  f"P {r['precision']:.3f} R {r['recall']:.3f} "
                  f"(lenient P {r['lenient_precision']:.3f} R {r['lenient_recall']:.3f})")
        for row in q["missed"]:
            print(f"  missed:   {row}")
        for row in q["spurious"]:
            print(f"  spurious: {row}")
        figures["quality"] = {k: v for k, v in q.items() if k in ("all", "en", "ru", "kk")}
    base = sentences()
    corpus = (base * (2000 // len(base) + 1))[:2000]
    figures["sentences"] = len(corpus)
    sizes = {}
    for extra in (0, 1000, 10000):
        tb = Termbase(list(starter) + synthetic_concepts(extra))
        t0 = time.perf_counter()
        for lang in ("en", "ru", "kk"):
            tb.index(lang)
        build = time.perf_counter() - t0
        sps = speed(tb, corpus)
        naive = naive_speed(tb, corpus[:300])
        sizes[len(tb)] = {"sentences_per_s": round(sps), "index_build_s": round(build, 2),
                          "naive_sentences_per_s": round(naive)}
        print(f"{len(tb):6d} concepts: {sps:8.0f} sentences/s (index built in {build:.2f} s); "
              f"naive scan {naive:8.0f} sentences/s")
    pairs = corpus[:1000]
    t0 = time.perf_counter()
    for lang, text in pairs:
        starter.enforce(text, text, lang, lang)
    figures["enforce_pairs_per_s"] = round(len(pairs) / (time.perf_counter() - t0))
    print(f"enforce (source and target scanned, target rewritten): "
          f"{figures['enforce_pairs_per_s']} pairs/s with the starter glossary")
    small, big = sizes[min(sizes)], sizes[max(sizes)]
    figures["speed"] = {str(k): v for k, v in sizes.items()}
    figures["size_ratio"] = round(max(sizes) / len(starter), 1)
    figures["slowdown_indexed"] = round(small["sentences_per_s"] / big["sentences_per_s"], 2)
    figures["slowdown_naive"] = round(small["naive_sentences_per_s"] / big["naive_sentences_per_s"], 2)
    print(f"glossary {figures['size_ratio']}x larger: indexed matching {figures['slowdown_indexed']}x "
          f"slower, naive scan {figures['slowdown_naive']}x slower")
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
