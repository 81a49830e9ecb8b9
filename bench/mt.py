"""Throughput of the model engine against the way argostranslate drives CTranslate2.

Run: ``PYTHONPATH=src python bench/mt.py`` (about a minute on 2 cores).

The model
    :func:`translator.mt.synthetic.build_benchmark_package` builds, in a
    temporary folder, an Argos package with the compute of a real Argos
    transformer-base package (6+6 layers, d_model 512, 8 heads, ffn 2048,
    ReLU, one shared 50,000-entry vocabulary with tied embeddings, int8).
    Its weights are random (std 0.05/sqrt(fan_in)) except for a planted copy
    path: decoder layer 0 uses learned position codes to attend to exactly
    one source position per step (position t -> source token t) and copies
    that token, so each sentence ends when the decoder reaches the source's
    own end-of-sentence token: output length = source length, the same in
    any batch and at any beam size, with no shared maximum length. Every
    layer still runs in full (dense int8 GEMMs do not skip small weights),
    so the time per step is that of a real package. See synthetic.py.

The tokeniser (honestly)
    A real package has a 50,000-piece SentencePiece model; a few KB of text
    cannot train one. The tokeniser here is a 2,000-piece BPE SentencePiece
    model trained on this workload and the project's corpus, which cuts the
    English text into ~1.3 pieces per word (what a real English model does);
    the model's vocabulary is padded to 50,000 entries with pieces the
    tokeniser never produces, so embedding lookups, the output projection and
    the softmax/top-k over the vocabulary cost what they cost in a real
    package. What matters here is the model's compute, which is real.

argostranslate's way (cited from argos-translate 1.9, argostranslate/)
    * settings.py: ``inter_threads = int(os.environ.get("ARGOS_INTER_THREADS", "1"))``,
      ``intra_threads = int(os.environ.get("ARGOS_INTRA_THREADS", "0"))``, ``device`` "cpu";
    * translate.py, ``PackageTranslation.hypotheses``: the model is loaded once with
      ``ctranslate2.Translator(model_path, device=settings.device,
      inter_threads=settings.inter_threads, intra_threads=settings.intra_threads)``;
      text is split into paragraphs and each paragraph goes through
      ``apply_packaged_translation``, which calls, once per paragraph,
      ``translator.translate_batch(tokenized, target_prefix=target_prefix,
      replace_unknowns=True, max_batch_size=32, beam_size=max(num_hypotheses, 4),
      num_hypotheses=num_hypotheses, length_penalty=0.2, return_scores=True)``
      with ``num_hypotheses=1`` for ``translate()``.
    The sentences are handed to it already split (argostranslate would also
    run its sentence splitter, stanza or minisbd; that cost is left out, in
    its favour). Greedy figures replace ``beam_size`` by 1 in both ways.

The toolkit's way
    ``ModelEngine.translate`` on all 60 sentences in one call, with the
    engine's defaults: the model loaded beforehand (``preload``, as
    argos_way loads before its clock starts), two workers (one per core,
    one thread each), and the sentences sorted by length and dealt out like
    cards to two batches of 30 that decode in parallel and finish together.

Both ways use int8 weights: the model is saved int8; argostranslate passes
no ``compute_type`` ("default": CTranslate2 keeps int8, i.e. int8_float32 on
CPU), the toolkit passes its default ``"int8"`` (also int8_float32 on CPU).
Each repetition loads the model afresh in both ways; the two ways are
interleaved ``REPEATS`` times (so other load hits both alike) and reported
best-of and median, with CPU time (all threads) next to wall time and the
load average at start and end.

What limits the speedup here (measured 2026-11-29 on a 2-core AMD EPYC, AVX2
path, CTranslate2 4.8.5, load average 1.2-1.8 mostly from these probes;
60 sentences, beam 4 unless said; wall and CPU seconds, 2-3 runs each)

    =============================================  ============  ===========
    layout (inter x intra threads, batches)        wall s        CPU s
    =============================================  ============  ===========
    argos way, 1x0 (its default: 2 OpenMP thr.)    9.8-10.3      13.6-14.2
    argos way, 1x0, OMP_WAIT_POLICY=PASSIVE        9.8-10.0      9.7-10.1
    argos way, 1x1                                 8.0-8.2       8.0-8.2
    argos way, 1x4 (oversubscribed)                12.5-14.5     17.4-17.6
    one batch of 60, 1x1                           5.5-5.8       5.5-5.8
    one batch of 60, 1x2 (OpenMP)                  5.2-5.5       7.0-7.9
    four batches, 1x1                              7.3-7.4       7.3-7.4
    2x1, 2 batches cut by tokens (old default)     3.4-3.8       5.9-6.4
    2x1, 4 / 6 batches cut by tokens               3.7-3.8 / 4.0 7.1-7.4 / 7.8
    2x1, 2 batches dealt out (new default)         3.25-3.5      5.4-6.0
    4x1, 4 batches dealt out                       3.7-4.0       6.3-6.7
    new default, compute_type float32              8.4-9.4       14.3-14.5
    new default, compute_type int8_float32         3.35-3.5      5.5-6.0
    old default, CT2_FORCE_CPU_ISA=AVX512          3.6-3.9       6.0-6.7
    old default, CT2_USE_MKL=1 (+ packed GEMM)     59-65         110-120
    old default, return_scores=False               3.4-3.7       5.9-6.2
    diagnostic only: same model, 2,000-entry vocab 1.1-1.4       2.1-2.7
    greedy: argos way 1x0 / new default            4.9-5.3 / 1.0 6.2-6.5 / 1.8
    240 sentences (4x the 60), max_batch_tokens:
    ... 4096 (2 batches of 120)                    12.9-14.0     24.7-26.9
    ... 1024 (6 batches of 40, new default)        12.2-12.4     22.7-23.3
    ... 512 (12 batches of 20)                     12.7-13.1     24.5-25.3
    =============================================  ============  ===========

    * The work itself: the toolkit's best layout needs ~5.5 CPU s for what
      argostranslate does in 8.1 CPU s single-threaded: batching 60
      sentences instead of 5 per call saves only ~1.45x CPU at beam 4.
      The 50,000-entry vocabulary is why: at beam 4 every output token costs
      four rows of a 512x50,000 int8 GEMM plus softmax and top-k over 200,000
      logits; that part grows with the rows, not with the calls, and batching
      cannot share it. With the same model cut to a 2,000-entry vocabulary
      (diagnosis only, not a fair comparison) the toolkit needs 2.1 CPU s:
      about 60% of its work at beam 4 is the vocabulary.
    * Parallelism: on 2 cores the toolkit can at best halve its 5.5 CPU s
      (two batches in parallel reach ~1.65 busy cores); argostranslate's
      way keeps 1.35 cores busy, but intra_threads=0 gives 2 OpenMP threads
      (the process has 4 threads at 1x0, 2 at 1x1, 8 at 1x4: no
      oversubscription), and on 5-sentence batches those threads mostly
      spin: its CPU falls from 13.9 to 9.9 s with OMP_WAIT_POLICY=PASSIVE at
      the same wall time, and it is faster with one thread (8.1 s) than with
      two (10 s) on this machine.
    * Hence the honest ceiling at beam 4 on 2 cores is about
      10 s / (5.5 CPU s / 2 cores) = 3.6x; the bench measures ~2.9-3x.
      Greedy decoding has 4x fewer vocabulary rows, so batching saves more:
      ~5.5-5.9x. 7x at beam 4 would need the toolkit to do the model's work
      in under 3 CPU s, i.e. less model compute per output token than
      argostranslate's way (a smaller vocabulary or vocabulary map, a
      shorter decoding), which would no longer be the same translation.
    * What did not help: Intel MKL on this AMD CPU (17x slower; CTranslate2
      rightly uses oneDNN here), forcing the AVX-512 kernels, skipping
      ``return_scores``, more workers than cores, OpenMP threads inside a
      batch, more or smaller batches. This CTranslate2 build offers int8,
      int8_float32 and float32 on CPU (no bfloat16, although the CPU has
      AVX512-BF16); int8 is the fastest. So the engine sets no environment
      variable.
    * What helped: dealing each round of length-sorted sentences out to the
      workers (both batches then finish together: -12% wall, -10% CPU
      against two batches cut from the sorted list) and, for large runs,
      batches of ~1024 source tokens (-8% CPU against 4096).

Figures: sentences/s and output tokens/s for both ways, ``speedup`` (toolkit
throughput / argostranslate-way throughput, model loading excluded from both
and reported apart), peak memory (max RSS of this process), and the share of
the toolkit's wall time spent outside CTranslate2 (tokenising, batching,
bookkeeping). The last line is one JSON object.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

# News written for this benchmark: 12 paragraphs, 60 sentences of 10-40 words.
PARAGRAPHS = [
    [
        "The city council of Almaty approved a new transport budget on Tuesday after a debate that lasted more than six hours.",
        "Under the plan, the city will buy two hundred electric buses over the next three years and extend two tram lines to the northern districts.",
        "Officials said the money would come from the regional budget and from a loan by a development bank.",
        "Opposition members argued that ticket prices could rise sharply once the loan has to be repaid.",
        "The mayor promised that fares would stay at the current level until at least the end of next year.",
    ],
    [
        "Heavy snow closed the mountain road between the capital and the southern border for two days, the police reported on Sunday.",
        "About three hundred trucks were stuck at checkpoints while rescue teams cleared the pass.",
        "Drivers were given hot meals, blankets and fuel by volunteers from nearby villages.",
        "Meteorologists expect more snow in the east of the country later this week, with temperatures falling to minus twenty-five degrees at night.",
        "The ministry of emergencies asked residents to avoid unnecessary trips.",
    ],
    [
        "Farmers in the north of the country expect a record harvest of wheat and barley this autumn thanks to a wet spring.",
        "The agriculture ministry estimates that grain production could reach twenty million tonnes, three million more than last year.",
        "Exporters are already looking for new buyers in Central Asia, China and the Middle East.",
        "However, a shortage of railway wagons may slow deliveries, according to the national grain association.",
        "The government said it would lease additional wagons from neighbouring countries.",
    ],
    [
        "The national bank kept its base interest rate unchanged at its meeting on Friday.",
        "Analysts had expected the decision because inflation slowed for the fourth month in a row and reached eight percent in October.",
        "The bank said food prices were stable but warned that the cost of services was still rising quickly.",
        "The next decision on the rate is scheduled for early December.",
        "The national currency strengthened slightly against the dollar after the announcement.",
    ],
    [
        "A new school for eight hundred pupils opened in the eastern district of the city, which has grown quickly over the past decade.",
        "The building has laboratories for physics and chemistry, a swimming pool and a library with books in three languages.",
        "Parents said the old school nearby had been so crowded that children studied in three shifts.",
        "The education department plans to open four more schools in the district by the end of the decade.",
        "Teachers at the new school will receive training in digital teaching methods this winter.",
    ],
    [
        "Scientists at the national university published a study on Monday showing that water quality in several mountain lakes has improved markedly since the old metal factory upstream closed its doors twelve years ago.",
        "The researchers measured the level of heavy metals in water and fish over seven years.",
        "They found that the concentration of lead fell by more than half.",
        "The authors warned that tourism is now the main threat to the lakes, because visitors leave rubbish and drive cars close to the shore.",
        "Local authorities are considering a limit on the number of visitors during the summer.",
    ],
    [
        "The airport of the capital will add direct flights to Istanbul, Seoul and Frankfurt from next month.",
        "The airline said demand for international travel had grown by a fifth compared with last year, driven by business trips and tourism.",
        "A new terminal for domestic flights is due to open in the spring.",
        "Passengers complained on social media about long queues at passport control during the summer holidays.",
        "The airport said it had hired forty more border officers to cut waiting times.",
    ],
    [
        "The president signed a law on digital services that obliges all government agencies, courts and local administrations to accept applications, complaints and other documents online from the beginning of next year.",
        "Citizens will be able to register a company, apply for a passport or pay fines through a single portal without visiting an office.",
        "The law also sets new rules for the storage of personal data and introduces fines for leaks.",
        "Experts welcomed the reform but said many rural areas still lack a stable internet connection.",
        "The ministry promised to connect two thousand villages to fast internet within three years.",
    ],
    [
        "The national football team won its qualifying match against the visitors by two goals to one on Saturday evening.",
        "Both goals were scored in the second half by a young striker who joined the team only this season.",
        "More than thirty thousand fans filled the stadium despite the cold weather.",
        "The coach said the players still had to improve their defence before the next game away from home.",
        "The team now has ten points and is third in its group.",
    ],
    [
        "Prices for bread, milk and meat rose by four percent in the last quarter, the statistics agency said in its monthly report.",
        "The increase was smaller than in the same period last year, when prices of basic food jumped by almost ten percent.",
        "The government has frozen the price of flour in state reserves until the new harvest reaches the market.",
        "Retailers said higher electricity tariffs and transport costs were pushing prices up.",
        "Consumer groups called for more competition among large supermarket chains.",
    ],
    [
        "An exhibition of old maps and photographs of the steppe opened at the national museum and will run until June.",
        "The oldest map on display was drawn by a travelling merchant in the eighteenth century and shows the caravan routes that linked the cities of the Silk Road with the ports of the Caspian Sea and the markets of the east.",
        "Many of the photographs were taken by a local teacher who documented life in villages in the nineteen twenties.",
        "Admission is free for students and pensioners on weekdays, and tickets for other visitors cost one thousand tenge.",
        "The museum also offers guided tours in Kazakh, Russian and English.",
    ],
    [
        "The minister of energy announced a plan to build three solar power stations and a wind farm in the south of the country.",
        "Together they will produce enough electricity for about four hundred thousand homes when they are completed in three years.",
        "Foreign investors will cover most of the cost under long-term contracts to sell the power to the national grid.",
        "Environmental groups welcomed the plan but said the country still depends heavily on coal.",
        "The ministry said the share of renewable energy should reach fifteen percent by the end of the decade.",
    ],
]


BEAM = 4


def argos_way(package: Path, beam_size: int) -> dict:
    """Drive CTranslate2 exactly as argostranslate 1.9 does (see the module docstring)."""
    import ctranslate2
    import sentencepiece as spm

    started = time.perf_counter()
    translator = ctranslate2.Translator(str(package / "model"), device="cpu", inter_threads=1, intra_threads=0)
    tokenizer = spm.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))
    load = time.perf_counter() - started
    outputs, tokens = [], 0
    started, cpu = time.perf_counter(), time.process_time()
    for paragraph in PARAGRAPHS:
        tokenized = [tokenizer.encode(sentence, out_type=str) for sentence in paragraph]
        results = translator.translate_batch(
            tokenized,
            target_prefix=None,  # the package has no target_prefix
            replace_unknowns=True,
            max_batch_size=32,
            beam_size=beam_size,
            num_hypotheses=1,
            length_penalty=0.2,
            return_scores=True,
        )
        for result in results:
            tokens += len(result.hypotheses[0])
            outputs.append(tokenizer.decode(result.hypotheses[0]))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    del translator
    return {"load_s": load, "wall_s": wall, "cpu_s": cpu, "tokens": tokens, "outputs": outputs}


def toolkit_way(package: Path, beam_size: int) -> dict:
    from translator.mt import EngineSettings
    from translator.mt.ct2 import ModelEngine
    from translator.mt.packages import read_model
    from translator.mt.store import Inventory

    sentences = [s for paragraph in PARAGRAPHS for s in paragraph]
    engine = ModelEngine(EngineSettings(beam_size=beam_size), inventory=Inventory([read_model(package)]))
    engine.preload("en", "ru")  # load outside the timed call (its CPU time too), as argos_way does
    started, cpu = time.perf_counter(), time.process_time()
    out = engine.translate(sentences, "en", "ru")
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    stats = dict(engine.stats)
    engine.close()
    return {
        "load_s": stats["load_seconds"],
        "wall_s": wall,
        "ct2_s": stats["ct2_seconds"],
        "cpu_s": cpu,
        "tokens": stats["output_tokens"],
        "outputs": [t.text for t in out],
        "threads": engine._threads(),
    }


REPEATS = 3


def _median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from translator.mt.synthetic import CORPUS, build_benchmark_package

    sentences = [s for paragraph in PARAGRAPHS for s in paragraph]
    words = [len(s.split()) for s in sentences]
    load_start = os.getloadavg()
    print(f"load average at start: {load_start[0]:.2f} {load_start[1]:.2f} {load_start[2]:.2f} "
          f"on {len(os.sched_getaffinity(0))} cores")
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        package = build_benchmark_package(Path(tmp) / "translate-en_ru-bench", text="\n".join(sentences) + "\n" + CORPUS)
        build_s = time.perf_counter() - started
        print(f"workload: {len(PARAGRAPHS)} paragraphs, {len(sentences)} sentences, "
              f"{min(words)}-{max(words)} words (mean {sum(words) / len(words):.1f}); model built in {build_s:.1f} s")
        print(f"both ways: int8 weights; argostranslate's way passes no compute_type (CTranslate2 picks "
              f"int8_float32 for this int8 model on CPU), the toolkit passes its default compute_type "
              f"{EngineSettingsDefault().compute_type!r} (also int8_float32 on CPU); each way loads the model afresh "
              f"for each of {REPEATS} interleaved repetitions; wall and CPU figures are best-of and median")
        figures: dict[str, object] = {"sentences": len(sentences), "beam_size": BEAM, "repeats": REPEATS,
                                      "load_average_start": round(load_start[0], 2)}
        runs: dict[str, dict[str, list[dict]]] = {"beam": {"argos": [], "tool": []}, "greedy": {"argos": [], "tool": []}}
        for _ in range(REPEATS):  # interleaved, so that other load hits both ways alike
            for label, beam in (("beam", BEAM), ("greedy", 1)):
                runs[label]["argos"].append(argos_way(package, beam))
                runs[label]["tool"].append(toolkit_way(package, beam))
        for label, beam in (("beam", BEAM), ("greedy", 1)):
            argos_runs, tool_runs = runs[label]["argos"], runs[label]["tool"]
            for a, t in zip(argos_runs, tool_runs, strict=True):
                if a["outputs"] != t["outputs"] or t["outputs"] != sentences:
                    raise SystemExit("outputs differ between the two ways: the benchmark model is broken")
            a_best, t_best = min(r["wall_s"] for r in argos_runs), min(r["wall_s"] for r in tool_runs)
            a_med, t_med = _median([r["wall_s"] for r in argos_runs]), _median([r["wall_s"] for r in tool_runs])
            a_cpu, t_cpu = _median([r["cpu_s"] for r in argos_runs]), _median([r["cpu_s"] for r in tool_runs])
            tokens = tool_runs[0]["tokens"]
            speedup, speedup_median = a_best / t_best, a_med / t_med
            outside = _median([(r["wall_s"] - r["ct2_s"]) / r["wall_s"] for r in tool_runs])
            cpu_ratio = a_cpu / t_cpu
            threads = tool_runs[0]["threads"]
            print(f"[{label}, beam_size={beam}]  wall s best/median, CPU s median")
            print(f"  argostranslate way: {a_best:6.2f} / {a_med:6.2f} s  CPU {a_cpu:6.2f} s  "
                  f"{len(sentences) / a_best:6.2f} sentences/s  {tokens / a_best:7.1f} output tokens/s  "
                  f"(load {argos_runs[0]['load_s']:.2f} s, 1x0 threads)")
            print(f"  toolkit way:        {t_best:6.2f} / {t_med:6.2f} s  CPU {t_cpu:6.2f} s  "
                  f"{len(sentences) / t_best:6.2f} sentences/s  {tokens / t_best:7.1f} output tokens/s  "
                  f"(load {tool_runs[0]['load_s']:.2f} s, {threads[0]}x{threads[1]} threads)")
            print(f"  speedup {speedup:.2f}x best-of ({speedup_median:.2f}x median); CPU-time ratio {cpu_ratio:.2f}x; "
                  f"outside CTranslate2: {100 * outside:.2f}% of the toolkit's wall time")
            prefix = "" if label == "beam" else "greedy_"
            figures.update({
                f"{prefix}argos_sentences_per_s": round(len(sentences) / a_best, 3),
                f"{prefix}toolkit_sentences_per_s": round(len(sentences) / t_best, 3),
                f"{prefix}argos_tokens_per_s": round(tokens / a_best, 1),
                f"{prefix}toolkit_tokens_per_s": round(tokens / t_best, 1),
                f"{prefix}speedup": round(speedup, 2),
                f"{prefix}speedup_median": round(speedup_median, 2),
                f"{prefix}cpu_ratio": round(cpu_ratio, 2),
                f"{prefix}outside_ct2_share": round(outside, 4),
            })
            if label == "beam":
                figures.update({"argos_load_s": round(argos_runs[0]["load_s"], 3),
                                "toolkit_load_s": round(tool_runs[0]["load_s"], 3), "output_tokens": tokens})
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load_end = os.getloadavg()
    figures["load_average_end"] = round(load_end[0], 2)
    figures["peak_rss_mb"] = round(peak_mb, 1)
    figures["targets"] = {"speedup": 7.0, "outside_ct2_share": 0.03}
    figures["cpu_count"] = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"peak memory (max RSS): {peak_mb:.0f} MB; model build {build_s:.1f} s (not timed); "
          f"load average at end: {load_end[0]:.2f}")
    print(json.dumps(figures))


def EngineSettingsDefault():  # noqa: N802 - reads like the class it builds
    from translator.mt import EngineSettings

    return EngineSettings()


if __name__ == "__main__":
    main()
