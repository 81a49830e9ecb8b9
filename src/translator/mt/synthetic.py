"""Real, tiny CTranslate2 models built from numpy, for tests and benchmarks.

No weights can be downloaded here, so tests and bench scripts build their
models: a SentencePiece model trained in memory on a few KB of text written
for this project, and a CTranslate2 Transformer whose weights are set with
``ctranslate2.specs`` (no PyTorch).

What the models do
------------------
Random weights translate nothing and never stop, so the models are *planted
copy models*: every weight is random noise except a few planted blocks that
make the decoder copy its source, one token per step, and stop by itself
when it reaches the source's end-of-sentence token. Output length is
therefore exactly the source length, in any batch and at any beam size, and
the detokenised output equals the (normalised) input, so tests can check
that text went through tokenising, the model and detokenising in the right
order. How the copy is planted (``d`` = model width, ``h`` = head width):

* the residual stream is split into *token* dims (``kc`` heads wide), a
  *position* block (one head wide) and unused dims;
* embeddings (tied: encoder = decoder = output projection) hold a random,
  zero-mean, unit-norm code per token in the token dims; learned position
  tables hold a random unit code per position in the position block
  (decoder position ``t`` carries the code of encoder position ``t - shift``,
  where ``shift`` is the number of forced target-prefix tokens);
* decoder layer 0, self-attention: ``kc`` heads attend to their own position
  and subtract the previous token's code (so the residual forgets it);
* decoder layer 0, cross-attention: the same heads match the decoder
  position code against the encoder's, attend to exactly one source
  position and write that source token's code into the token dims;
* the tied output projection then scores the copied token ~25 logits above
  any other: the source's ``</s>`` is copied as end of sentence.

LayerNorm only rescales because every code is zero-mean with a fixed norm.

>>> from translator.mt.synthetic import build_argos_package  # doctest: +SKIP
>>> build_argos_package(tmp / "en_ru", "en", "ru")            # doctest: +SKIP
"""

from __future__ import annotations

import io
import json
import logging
import zipfile
from pathlib import Path

__all__ = [
    "CORPUS",
    "train_sentencepiece",
    "build_copy_model",
    "build_argos_package",
    "build_multilingual_model",
    "build_benchmark_package",
    "zip_package",
]

log = logging.getLogger(__name__)

#: A few KB of text written for this project (en, ru, kk), to train tokenisers on.
CORPUS = """\
The city council met on Tuesday to discuss the new budget for public transport.
Officials said the bridge over the river will reopen in the spring after repairs.
Farmers in the north expect a good harvest of wheat and barley this year.
The minister of energy announced a plan to build three solar power stations.
Prices for bread and milk rose by four percent in the last quarter.
A new school for eight hundred pupils opened in the eastern district.
The national football team won its match against the visitors by two goals.
Scientists at the university published a study on water quality in the lakes.
The airport will add direct flights to Istanbul, Seoul and Frankfurt next month.
Heavy snow closed the mountain road for two days, the police reported.
The president signed a law on digital services and personal data.
Museum visitors can see an exhibition of old maps and photographs until June.
Городской совет во вторник обсудил новый бюджет общественного транспорта.
Чиновники сообщили, что мост через реку откроется весной после ремонта.
Фермеры на севере ожидают хороший урожай пшеницы и ячменя в этом году.
Министр энергетики объявил о плане построить три солнечные электростанции.
Цены на хлеб и молоко выросли на четыре процента за последний квартал.
В восточном районе открылась новая школа на восемьсот учеников.
Национальная сборная по футболу выиграла матч у гостей со счётом два ноль.
Учёные университета опубликовали исследование качества воды в озёрах.
Аэропорт в следующем месяце добавит прямые рейсы в Стамбул, Сеул и Франкфурт.
Сильный снегопад на два дня закрыл горную дорогу, сообщила полиция.
Қалалық кеңес сейсенбі күні қоғамдық көліктің жаңа бюджетін талқылады.
Шенеуніктер өзен үстіндегі көпір жөндеуден кейін көктемде ашылатынын айтты.
Солтүстіктегі фермерлер биыл бидай мен арпадан мол өнім күтеді.
Энергетика министрі үш күн электр станциясын салу жоспарын жариялады.
Соңғы тоқсанда нан мен сүттің бағасы төрт пайызға өсті.
Шығыс ауданда сегіз жүз оқушыға арналған жаңа мектеп ашылды.
Ұлттық футбол құрамасы қонақтарды екі голмен жеңді.
Университет ғалымдары көлдердегі су сапасы туралы зерттеу жариялады.
Әуежай келесі айда Стамбулға, Сеулге және Франкфуртқа тікелей рейстер қосады.
Қалың қар тау жолын екі күнге жауып тастады, деп хабарлады полиция.
"""

MANIFEST_NAME = "translator-model.json"  # kept equal to packages.MANIFEST_NAME
NLLB_TOKENS = ("eng_Latn", "rus_Cyrl", "kaz_Cyrl")


def train_sentencepiece(path: Path, text: str = CORPUS, vocab_size: int = 700, model_type: str = "unigram") -> Path:
    """Train a small SentencePiece model on ``text`` and write it to ``path``.

    Byte fallback is on, so any input text can be encoded (and copied back
    exactly); whitespace is kept as written (``identity`` normalisation).
    """
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(text.splitlines()),
        model_writer=buf,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        model_type=model_type,
        character_coverage=1.0,
        byte_fallback=True,
        normalization_rule_name="identity",
        minloglevel=2,
        num_threads=1,
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())
    return path


def _pieces(sp_path: Path) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_path))
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def _unit_codes(rng, n: int, dim: int):
    import numpy as np

    codes = rng.standard_normal((n, dim)).astype(np.float32)
    codes -= codes.mean(axis=1, keepdims=True)
    codes /= np.linalg.norm(codes, axis=1, keepdims=True)
    return codes


def _gap(codes, window: int | None = None) -> float:
    """Smallest margin between a code's self-similarity (1) and its best rival."""
    import numpy as np

    sims = codes @ codes.T
    np.fill_diagonal(sims, -np.inf)
    if window is not None:  # only nearby positions compete (a sentence's length)
        idx = np.arange(len(codes))
        sims[np.abs(idx[:, None] - idx[None, :]) > window] = -np.inf
    return float(1.0 - sims.max())


def build_copy_model(
    directory: Path,
    vocabulary: list[str],
    *,
    layers: tuple[int, int] = (1, 1),
    d_model: int = 128,
    heads: int = 4,
    ffn: int = 256,
    copy_heads: int = 2,
    shift: int = 0,
    max_positions: int = 320,
    noise: float = 1e-3,
    add_source_eos: bool = True,
    decoder_start_token: str = "<s>",
    quantization: str | None = "int8",
    seed: int = 1234,
    confidence: float = 25.0,
) -> Path:
    """Write a planted copy Transformer (see the module docstring) to ``directory``.

    ``noise`` is the relative scale of the random weights everywhere
    (``std = noise / sqrt(fan_in)``); the planted copy path dominates it.
    ``confidence`` is the least margin, in logits, of the copied token over
    any other: at 25 scores are ~0, lower values give scores that vary from
    sentence to sentence (useful to compare scores across batchings).
    """
    import ctranslate2
    import numpy as np

    rng = np.random.default_rng(seed)
    d, h = d_model, d_model // heads
    kc = copy_heads
    m = kc * h  # token dims [0, m), position dims [m, m + h)
    if m + h > d:
        raise ValueError("d_model too small for the copy heads and the position block")
    vocab_size = len(vocabulary)
    tok_codes = _unit_codes(rng, vocab_size, m)
    pos_codes = _unit_codes(rng, max_positions + shift, h)
    gap_tok = _gap(tok_codes[: min(vocab_size, 4096)])
    gap_pos = _gap(pos_codes, window=max_positions)
    if gap_tok < 0.2 or gap_pos < 0.2:
        raise ValueError(f"codes too close (token {gap_tok:.2f}, position {gap_pos:.2f}); widen the model")

    # Magnitudes: a (token codes), b (position codes), tau (copied token).
    b, tau = 1.0, 3.0
    a = confidence / (0.95 * np.sqrt(d) * gap_tok)
    g0 = np.sqrt(d / (a * a + b * b))  # LayerNorm gain on an embedding row
    target_logit = 30.0
    alpha_self = target_logit * np.sqrt(h) / (g0 * g0 * b * b * gap_pos)
    alpha_cross = target_logit * np.sqrt(h) / (np.sqrt(d) * g0 * b * gap_pos)
    gamma = tau / (g0 * a)

    def rand(rows: int, cols: int):
        return (rng.standard_normal((rows, cols)) * (noise / np.sqrt(cols))).astype(np.float32)

    T = slice(0, m)
    P = slice(m, m + h)

    embeddings = np.zeros((vocab_size, d), np.float32)
    embeddings[:, T] = a * tok_codes
    enc_pos = np.zeros((max_positions, d), np.float32)
    enc_pos[:, P] = b * pos_codes[shift:]
    dec_pos = np.zeros((max_positions, d), np.float32)
    # decoder position t looks for encoder position t - shift; the first
    # ``shift`` positions (forced prefix) get codes of their own.
    dec_pos[:, P] = b * pos_codes[:max_positions]

    spec = ctranslate2.specs.TransformerSpec.from_config(layers, heads)
    spec.config.add_source_eos = add_source_eos
    spec.config.decoder_start_token = decoder_start_token

    def norm(ln):
        ln.gamma = np.ones(d, np.float32)
        ln.beta = np.zeros(d, np.float32)

    def noise_layer(layer, cross: bool):
        norm(layer.self_attention.layer_norm)
        layer.self_attention.linear[0].weight = rand(3 * d, d)
        layer.self_attention.linear[1].weight = rand(d, d)
        if cross:
            norm(layer.attention.layer_norm)
            layer.attention.linear[0].weight = rand(d, d)
            layer.attention.linear[1].weight = rand(2 * d, d)
            layer.attention.linear[2].weight = rand(d, d)
        norm(layer.ffn.layer_norm)
        layer.ffn.linear_0.weight = rand(ffn, d)
        layer.ffn.linear_1.weight = rand(d, ffn)

    enc, dec = spec.encoder, spec.decoder
    enc.scale_embeddings = False
    dec.scale_embeddings = False
    enc.embeddings[0].weight = embeddings
    dec.embeddings.weight = embeddings
    dec.projection.weight = embeddings  # tied
    enc.position_encodings.encodings = enc_pos
    dec.position_encodings.encodings = dec_pos
    norm(enc.layer_norm)
    norm(dec.layer_norm)
    for layer in enc.layer:
        noise_layer(layer, cross=False)
    for layer in dec.layer:
        noise_layer(layer, cross=True)

    first = dec.layer[0]
    eye = np.eye(h, dtype=np.float32)
    qkv = first.self_attention.linear[0].weight
    out_self = first.self_attention.linear[1].weight
    q_cross = first.attention.linear[0].weight
    kv_cross = first.attention.linear[1].weight
    out_cross = first.attention.linear[2].weight
    for j in range(kc):
        rows = slice(j * h, (j + 1) * h)
        chunk = slice(j * h, (j + 1) * h)
        # self-attention: find own position, subtract the input token's code
        qkv[rows, P] += alpha_self * eye
        qkv[d + j * h: d + (j + 1) * h, P] += eye
        qkv[2 * d + j * h: 2 * d + (j + 1) * h, chunk] += eye
        out_self[chunk, rows] += -(1.0 / g0) * eye
        # cross-attention: find the source position, write its token's code
        q_cross[rows, P] += alpha_cross * eye
        kv_cross[j * h: (j + 1) * h, P] += eye
        kv_cross[d + j * h: d + (j + 1) * h, chunk] += eye
        out_cross[chunk, rows] += gamma * eye

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization=quantization)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    spec.save(str(directory))
    return directory


def _sentencepiece(sp_path: Path, sp_model: Path | None) -> list[str]:
    """Put a SentencePiece model at ``sp_path`` (a copy of ``sp_model``, or a fresh one); its pieces."""
    if sp_model is not None:
        sp_path.write_bytes(Path(sp_model).read_bytes())
    else:
        train_sentencepiece(sp_path)
    return _pieces(sp_path)


def build_argos_package(
    directory: Path,
    from_code: str = "en",
    to_code: str = "ru",
    *,
    version: str = "1.9",
    target_prefix: str = "",
    sp_model: Path | None = None,
    quantization: str | None = "int8",
    **model_options,
) -> Path:
    """Build an Argos Translate package folder (``metadata.json``, ``model/``, ``sentencepiece.model``).

    ``sp_model`` reuses a trained SentencePiece model (training one takes ~0.1 s).
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    vocabulary = _sentencepiece(directory / "sentencepiece.model", sp_model)
    prefix_tokens = target_prefix.split() if target_prefix else []
    vocabulary += [t for t in prefix_tokens if t not in vocabulary]
    build_copy_model(
        directory / "model", vocabulary, shift=len(prefix_tokens), quantization=quantization, **model_options
    )
    metadata = {
        "package_version": version,
        "argos_version": "1.9.0",
        "from_code": from_code,
        "from_name": from_code,
        "to_code": to_code,
        "to_name": to_code,
        "type": "translate",
        "source_languages": [{"code": from_code, "name": from_code}],
        "target_languages": [{"code": to_code, "name": to_code}],
    }
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    (directory / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    return directory


def build_multilingual_model(
    directory: Path,
    languages: dict[str, str] | None = None,
    *,
    name: str = "nllb-tiny",
    version: str = "0.1",
    sp_model: Path | None = None,
    source_format: str = "lang_first",
    **model_options,
) -> Path:
    """Build an NLLB-style multilingual model folder with its ``translator-model.json`` manifest.

    The source is ``[src_lang] pieces </s>`` (``source_format="lang_last"``:
    ``pieces </s> [src_lang]``, the legacy NLLB layout) and the decoder
    starts from ``</s>`` with the target language token forced as prefix, as
    NLLB does.
    """
    languages = languages or {"en": "eng_Latn", "ru": "rus_Cyrl", "kk": "kaz_Cyrl"}
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    vocabulary = _sentencepiece(directory / "sentencepiece.bpe.model", sp_model)
    vocabulary += [t for t in languages.values() if t not in vocabulary]
    build_copy_model(
        directory, vocabulary, shift=0 if source_format == "lang_first" else 1,
        add_source_eos=False, decoder_start_token="</s>", **model_options
    )
    manifest = {
        "format": "translator-multilingual/1",
        "name": name,
        "version": version,
        "model": ".",
        "sentencepiece": "sentencepiece.bpe.model",
        "languages": languages,
        "source_format": source_format,
    }
    (directory / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return directory


def build_benchmark_package(
    directory: Path,
    from_code: str = "en",
    to_code: str = "ru",
    *,
    text: str = CORPUS,
    sp_vocab_size: int = 2000,
    seed: int = 7,
) -> Path:
    """An Argos package with the compute of a transformer-base package.

    6+6 layers, d_model 512, 8 heads, ffn 2048, ReLU, one shared 50,000-entry
    vocabulary with tied embeddings, int8. The tokeniser is a small
    SentencePiece model trained on ``text`` (a few KB cannot give 50,000
    pieces; ``sp_vocab_size`` is an upper bound); the model's vocabulary is
    padded to 50,000 entries with pieces the tokeniser never produces, so the
    embedding and output layers cost what a real 50k vocabulary costs.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    sp_path = train_sentencepiece(directory / "sentencepiece.model", text=text, vocab_size=sp_vocab_size, model_type="bpe")
    vocabulary = _pieces(sp_path)
    vocabulary += [f"⦅unused{i}⦆" for i in range(50_000 - len(vocabulary))]
    build_copy_model(
        directory / "model", vocabulary, layers=(6, 6), d_model=512, heads=8, ffn=2048,
        copy_heads=3, max_positions=512, noise=0.05, seed=seed,
    )
    metadata = {"package_version": "bench", "from_code": from_code, "to_code": to_code, "type": "translate"}
    (directory / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    return directory


def zip_package(package_dir: Path, archive: Path) -> Path:
    """Zip an Argos package folder as a ``.argosmodel`` (one top folder, as Argos ships them)."""
    package_dir, archive = Path(package_dir), Path(archive)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(package_dir.rglob("*")):
            zf.write(path, f"{package_dir.name}/{path.relative_to(package_dir).as_posix()}")
    return archive
