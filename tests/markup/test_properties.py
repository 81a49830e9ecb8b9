"""Invariants of protect/restore under hypothesis: lossless with a copying model, safe with a mangling one."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from translator.markup import TOKEN_RE, protect, restore

# Pieces that make markup, almost-markup and things that look like tokens, to stress the parser.
NASTY = st.sampled_from([
    "a", "b", "Мажилис", " ", "  ", "\n", "*", "**", "_", "__", "`", "[", "]", "(", ")", "!", "#", "@", ".",
    ",", "\\", "<", ">", "/", "g1", "x2", "<g1>", "</g2>", "<x3/>", "&lt;", "&gt;", "https://example.kz/a",
    "www.example.kz", "info@example.kz", '"t"', "\ue000", "⟦ru: ", "⟧", "1",
])


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(NASTY, max_size=40).map("".join)))
def test_a_copying_model_gives_back_the_source_exactly(text):
    p = protect(text)
    r = restore(p.text, p)
    assert r.text == text
    assert r.problems == ()


PLAIN = st.text(st.characters(blacklist_characters="*_`[]()!#@<>&\\/:."), max_size=60)


@settings(max_examples=300, deadline=None)
@given(PLAIN)
def test_text_without_markup_is_left_alone(text):
    p = protect(text)
    assert p.text == text and not p.changed
    assert protect(p.text) == p
    assert restore(text, p).text == text


# -- a mangling model ---------------------------------------------------------------------

WORDS = st.sampled_from(["the", "bridge", "Mazhilis", "opened", "7,000", "in", "Oskemen", "on", "Friday"])
URLS = st.sampled_from(["https://example.kz/news/mazhilis-budget", "/news/bridge", "https://example.kz/a?b=1&c=2",
                        "www.example.kz/x"])


@st.composite
def sentences(draw) -> str:
    """Sentences of words and every construct protect knows, nested a little."""

    def phrase(depth: int) -> str:
        parts = []
        for _ in range(draw(st.integers(1, 5))):
            kind = draw(st.sampled_from(["word"] * 4 + ["link", "em", "strong", "url", "email", "hashtag",
                                                          "mention", "code"]))
            if kind == "word" or depth > 1 and kind in ("link", "em", "strong"):
                parts.append(draw(WORDS))
            elif kind == "link":
                parts.append(f"[{phrase(depth + 1)}]({draw(URLS).removeprefix('www.')})")
            elif kind == "em":
                parts.append(f"*{phrase(depth + 1)}*")
            elif kind == "strong":
                parts.append(f"**{phrase(depth + 1)}**")
            elif kind == "url":
                parts.append(draw(URLS))
            elif kind == "email":
                parts.append("press@example.kz")
            elif kind == "hashtag":
                parts.append(draw(st.sampled_from(["#OskemenBridge", "#Мажилис"])))
            elif kind == "mention":
                parts.append("@akorda_press")
            else:
                parts.append("`translator run`")
        return " ".join(parts)

    return phrase(0) + draw(st.sampled_from(["", ".", "!"]))


MANGLE = st.sampled_from(["drop", "duplicate", "move", "swap", "cyrillic", "escape", "space", "invent",
                          "cut", "empty_pair", "translate_words"])


@st.composite
def mangled(draw, model_text: str) -> str:
    """``model_text`` after a model that mistreats its tokens (and translates the words)."""
    pieces = re.split(f"({TOKEN_RE.pattern})", model_text, flags=TOKEN_RE.flags)
    # re.split with groups: keep only the full-token captures and the text between them
    step = 1 + TOKEN_RE.groups + 1
    items = []
    for i in range(0, len(pieces), step):
        items.append(("text", pieces[i]))
        if i + 1 < len(pieces):
            items.append(("token", pieces[i + 1]))
    for _ in range(draw(st.integers(0, 4))):
        op = draw(MANGLE)
        tokens = [i for i, (k, _v) in enumerate(items) if k == "token"]
        if op == "translate_words":
            items = [(k, v.upper() if k == "text" else v) for k, v in items]
        elif op == "invent":
            items.insert(draw(st.integers(0, len(items))), ("token", draw(st.sampled_from(["<x99/>", "<g42>",
                                                                                             "</g7>"]))))
        if not tokens:
            continue
        t = draw(st.sampled_from(tokens))
        value = items[t][1]
        if op == "drop":
            del items[t]
        elif op == "duplicate":
            items.insert(draw(st.integers(0, len(items))), ("token", value))
        elif op == "move":
            del items[t]
            items.insert(draw(st.integers(0, len(items))), ("token", value))
        elif op == "swap":
            u = draw(st.sampled_from(tokens))
            items[t], items[u] = items[u], items[t]
        elif op == "cyrillic":
            items[t] = ("token", value.replace("x", "х").replace("g", "г"))
        elif op == "escape":
            items[t] = ("token", value.replace("<", "&lt;").replace(">", "&gt;"))
        elif op == "space":
            items[t] = ("token", value.replace("<", "< ").replace(">", " >").upper())
        elif op == "cut":
            items[t] = ("text", value[:-1] if draw(st.booleans()) else value[1:])
        elif op == "empty_pair" and value.startswith("<g"):
            close = value.replace("<g", "</g")
            items = [(k, "" if k == "text" and _inside(items, value, close, j) else v)
                     for j, (k, v) in enumerate(items)]
    return "".join(v for _k, v in items)


def _inside(items, open_token: str, close_token: str, j: int) -> bool:
    values = [v for _k, v in items]
    if open_token not in values or close_token not in values:
        return False
    return values.index(open_token) < j < values.index(close_token)


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_a_mangling_model_never_leaks_a_token_and_never_loses_an_address(data):
    text = data.draw(sentences())
    p = protect(text)
    translation = data.draw(mangled(p.text))
    r = restore(translation, p)
    assert not TOKEN_RE.search(r.text), (translation, r)
    assert not re.search(r"<\s*/?\s*[gxгх]\s*\d|[gxгх]\d+\s*/?>", r.text, re.I), (translation, r)
    for span in p.spans:
        kept = span.url if span.kind in ("link", "image") else (span.open if not span.paired else "")
        assert kept in r.text, (span, translation, r)
        if span.kind in ("link", "image"):
            assert f"]({span.url})" in r.text  # still a link target, not loose text
    assert p.head in r.text and p.tail in r.text
    if translation == p.text:
        assert r.text == text and not r.problems
    for problem in r.problems:
        assert problem.severity in ("error", "warning") and problem.message


@settings(max_examples=200, deadline=None)
@given(sentences())
def test_each_link_target_comes_back_as_often_as_in_the_source(text):
    p = protect(text)
    r = restore(p.text.upper(), p)  # a "translation" that keeps every token
    for url in {s.url for s in p.spans if s.kind == "link"}:
        assert r.text.count(f"]({url})") == text.count(f"]({url})")
    assert r.problems == ()
