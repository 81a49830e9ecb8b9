"""Benchmark ``translator run``: where the time goes, and what an unchanged re-run costs.

Generates N English articles (written by this script from word lists, seeded)
in a temporary project, builds the base-size benchmark model of the MT work
(:func:`translator.mt.synthetic.build_benchmark_package`: 6+6 layers,
d_model 512, ffn 2048, 50k vocabulary, int8; a planted copy model that stops
by itself) as en→ru and en→kk Argos packages, and runs the job the way
``translator run`` does (:func:`translator.job.run_job`: segment, memory,
MT, glossary, QA, catalogs, publish), with the engine wrapped so that the
time spent inside ``Engine.translate`` is measured. Then it runs again on the
unchanged project.

Figures: total time of the first run, time inside MT and everything else
(its share of the first run), peak resident memory, and the re-run's time,
MT calls and files written. Targets: everything except MT under 5 % of the
first run; the unchanged re-run under 3 s.

    PYTHONPATH=src python bench/run.py [--articles 200] [--engine model|pseudo]

Without ``translator.mt.synthetic`` (or with ``--engine pseudo``) the pseudo
engine stands in, and the MT share means little. The last line is one JSON
object with every figure.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from translator.config import load_config  # noqa: E402
from translator.mt.base import Engine  # noqa: E402

SUBJECTS = ["The city council", "The ministry of energy", "Farmers in the north", "The regional akimat",
            "A group of engineers", "The national bank", "Teachers in Oskemen", "The airport in Astana",
            "Local volunteers", "The water utility", "Doctors at the clinic", "The railway company"]
VERBS = ["approved", "announced", "discussed", "postponed", "started", "finished", "reviewed", "opened",
         "planned", "funded", "criticised", "welcomed"]
OBJECTS = ["a new budget for public transport", "repairs to the bridge over the Irtysh",
           "a plan for three solar power stations", "the school for eight hundred pupils",
           "a study of water quality in the lakes", "direct flights to Istanbul and Seoul",
           "the reconstruction of the central market", "a programme of grants for small farms",
           "new rules for parking in the old town", "a heating plant for the eastern district"]
TAILS = ["on Tuesday", "after a long debate", "earlier this month", "despite the cold weather",
         "with support from the region", "for the second time this year", "ahead of the winter",
         "at a meeting in the capital"]


def make_articles(folder: Path, count: int, sentences: int, seed: int = 11) -> list[Path]:
    """``count`` articles of a title and ``sentences`` body sentences, every sentence unique."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        lines = [f"# Report number {n + 1} from the regions", ""]
        para = []
        for k in range(sentences):
            figure = rng.randint(2, 9_000)
            para.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
                        f"{rng.choice(TAILS)}, worth {figure} million tenge (item {n}.{k}).")
            if len(para) == 3:
                lines += [" ".join(para), ""]
                para = []
        if para:
            lines += [" ".join(para), ""]
        path = folder / f"en-report-{n:04d}.md"
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    return paths


class TimedEngine(Engine):
    """Wraps an engine and adds up the seconds spent in ``translate``."""

    def __init__(self, inner: Engine) -> None:
        self.inner = inner
        self.name = inner.name
        self.seconds = 0.0
        self.calls = 0
        self.sentences = 0

    def check(self, source, target):
        return self.inner.check(source, target)

    def translate(self, texts, source, target):
        started = time.perf_counter()
        try:
            return self.inner.translate(texts, source, target)
        finally:
            self.seconds += time.perf_counter() - started
            self.calls += 1
            self.sentences += len(texts)

    def close(self) -> None:
        self.inner.close()


def build_models(models: Path) -> float:
    from translator.mt.synthetic import build_benchmark_package

    started = time.perf_counter()
    build_benchmark_package(models / "bench_en_ru", "en", "ru")
    shutil.copytree(models / "bench_en_ru", models / "bench_en_kk")
    meta = json.loads((models / "bench_en_kk" / "metadata.json").read_text(encoding="utf-8"))
    meta["to_code"] = "kk"
    (models / "bench_en_kk" / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    return time.perf_counter() - started


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--sentences", type=int, default=8, help="body sentences per article")
    parser.add_argument("--engine", choices=["model", "pseudo"], default="model")
    parser.add_argument("--device", choices=["cpu", "cuda", "auto"], default="cpu")
    parser.add_argument("--keep", type=Path, default=None, help="build the project here and keep it")
    args = parser.parse_args()

    from translator.job import run_job
    from translator.mt import open_engine

    kind = args.engine
    if kind == "model":
        try:
            import translator.mt.synthetic  # noqa: F401
        except ImportError:
            print("translator.mt.synthetic is not available: using the pseudo engine", file=sys.stderr)
            kind = "pseudo"

    tmp = Path(tempfile.mkdtemp(prefix="bench-run-")) if args.keep is None else args.keep
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        make_articles(tmp / "news", args.articles, args.sentences)
        build_s = build_models(tmp / "models") if kind == "model" else 0.0
        glossary = ROOT / "i18n" / "glossary.tsv"  # the project's termbase, as a real project has
        (tmp / "translator.toml").write_text(
            'sources = ["news"]\nsource_lang = "en"\ntargets = ["ru", "kk"]\n'
            + (f'glossary = ["{glossary.as_posix()}"]\n' if glossary.is_file() else "")
            + f'models_dir = "models"\n\n[engine]\nkind = "{"auto" if kind == "model" else "pseudo"}"\n'
            f'device = "{args.device}"\n\n'
            '[publish]\ninclude_machine = true\ninclude_pseudo = true\nlatin = false\n',
            encoding="utf-8")
        cfg = load_config(start=tmp, env={})
        engine_kind = cfg.engine.kind

        def one_run() -> tuple[float, TimedEngine, object, object]:
            engine = TimedEngine(open_engine(engine_kind, cfg.engine.settings(), models_dir=cfg.models_dir))
            started = time.perf_counter()
            with engine:
                job = run_job(cfg, cfg.source_files(), engine=engine)
            return time.perf_counter() - started, engine, job.translated, job.published

        first_s, first_engine, first, first_pub = one_run()
        if first.failures:
            raise SystemExit(f"the first run failed: {first.failures[:3]}")
        rss_first = peak_rss_mb()
        rerun_s, rerun_engine, rerun, rerun_pub = one_run()
        other_s = first_s - first_engine.seconds
        figures = {
            "bench": "run",
            "engine": "benchmark-base (6+6, d512, 50k, int8)" if kind == "model" else "pseudo",
            "articles": args.articles,
            "locales": 2,
            "device": args.device,
            "segments_to_mt": first_engine.sentences,
            "model_build_s": round(build_s, 2),
            "first_run_s": round(first_s, 3),
            "first_mt_s": round(first_engine.seconds, 3),
            "first_other_s": round(other_s, 3),
            "other_share": round(other_s / first_s, 4) if first_s else None,
            "mt_sentences_per_s": round(first_engine.sentences / first_engine.seconds, 1)
            if first_engine.seconds else None,
            "first_files_written": len(first.written) + (len(first_pub.written) if first_pub else 0),
            "first_qa_errors": first.qa_errors,
            "rerun_s": round(rerun_s, 3),
            "rerun_mt_calls": rerun_engine.calls,
            "rerun_files_written": len(rerun.written) + (len(rerun_pub.written) if rerun_pub else 0),
            "peak_rss_mb": round(max(rss_first, peak_rss_mb()), 1),
            "engine_stats": {k: round(v, 3) if isinstance(v, float) else v
                             for k, v in getattr(first_engine.inner, "stats", {}).items()},
            "target_other_share": 0.05,
            "target_rerun_s": 3.0,
        }
        figures["ok"] = bool(
            (figures["other_share"] or 0) < 0.05 and rerun_s < 3.0
            and figures["rerun_mt_calls"] == 0 and figures["rerun_files_written"] == 0
        )
        print(f"first run: {first_s:.2f} s, of which MT {first_engine.seconds:.2f} s "
              f"({first_engine.sentences} segments), everything else {other_s:.2f} s "
              f"= {100 * other_s / first_s:.1f} % (target < 5 %)")
        print(f"unchanged re-run: {rerun_s:.2f} s, {rerun_engine.calls} MT calls, "
              f"{figures['rerun_files_written']} files written (target < 3 s, 0, 0)")
        print(f"peak RSS: {figures['peak_rss_mb']} MB")
        print(json.dumps(figures, ensure_ascii=False))
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
