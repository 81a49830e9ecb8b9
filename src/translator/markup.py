"""Inline markup kept away from the MT model: :func:`protect` before, :func:`restore` after.

Segments keep their inline Markdown (``*em*``, ``**strong**``, `` `code` ``,
``[anchor](https://example.kz/news/x)``) and may hold bare URLs, e-mail
addresses, hashtags and @mentions. A model would translate or mangle them,
and glossary enforcement would rewrite names inside link targets. So, as
careful MT pipelines do (Okapi hands engines its inline codes as numbered
XML-like tags; XLIFF calls them ``<g id>`` for paired codes and ``<x id/>``
for standalone ones):

* **the whole segment is one construct** (a "Latest news" headline that is a
  single link, a sentence that is all emphasis): the model gets the inside
  only and the result is wrapped again, exactly;
* **constructs inside a sentence**: the anchor or emphasised text stays in
  the sentence for the model to translate, between paired tokens
  (``<g1>anchor</g1>``); what must come back verbatim (link targets, code,
  URLs, e-mail addresses, hashtags, mentions, backslash escapes) is replaced
  by a standalone token (``<x2/>``) and never reaches the model.

:func:`restore` reads tokens back leniently (``< g1 >``, ``<G1>``, ``&lt;g1&gt;``,
a Cyrillic ``х``) and degrades safely when the model dropped, duplicated,
reordered or invented one: no token or token debris ever reaches the output,
no URL is lost (a link whose tokens broke is re-attached at the end of the
sentence, its anchor text stays in place unlinked), and every repair is
reported as a :class:`Problem` for the QA comment of the catalog entry.

Text with no markup is left exactly as it is (the model sees the sentence).

>>> p = protect("[Toqayev Opens a Bridge](https://example.kz/news/bridge)")
>>> p.text
'Toqayev Opens a Bridge'
>>> restore("Токаев открыл мост", p).text
'[Токаев открыл мост](https://example.kz/news/bridge)'
>>> p = protect("Read the [full plan](https://example.kz/plan) on #OskemenBridge.")
>>> p.text
'Read the <g1>full plan</g1> on <x2/>.'
>>> restore("Читайте <g1>полный план</g1> в <x2/>.", p).text
'Читайте [полный план](https://example.kz/plan) в #OskemenBridge.'
>>> r = restore("Читайте полный план в <x2/>.", p)
>>> r.text
'Читайте полный план в #OskemenBridge [https://example.kz/plan](https://example.kz/plan).'
>>> r.problems[0].severity
'error'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Span", "Protected", "Problem", "Restored", "protect", "restore", "trim_url", "TOKEN_RE", "CHECK",
           "URL_RE", "EMAIL_RE", "HASHTAG_RE", "MENTION_RE", "verbatim_spans"]

#: The check name problems carry into the QA comment (``qa: warning: placeholders: ...``).
CHECK = "placeholders"

#: Span kinds whose inside the model translates (between ``<gN>`` and ``</gN>``).
PAIRED = frozenset({"link", "image", "strong", "em"})
_LINKS = frozenset({"link", "image"})

#: A token as the model may give it back: spaced, upper-case, HTML-escaped, a Cyrillic х/г.
TOKEN_RE = re.compile(
    r"(?:<|&lt;)\s*(?P<slash>/?)\s*[gxгх]\s*(?P<id>\d{1,4})\s*(?P<self>/?)\s*(?:>|&gt;)",
    re.IGNORECASE,
)
_TOKEN = r"(?:<|&lt;)\s*/?\s*[gxгх]\s*\d{1,4}\s*/?\s*(?:>|&gt;)"  # the same, for _INLINE
# What is left of a token the model half-wrote: "<g1" with no ">", "g1>" or "/x2>" with no "<".
_DEBRIS_RE = re.compile(
    r"(?:<|&lt;)\s*/?\s*[gxгх]\s*\d{1,4}\s*/?|/?[gxгх]\d{1,4}\s*/?(?:>|&gt;)",
    re.IGNORECASE,
)

# What comes back verbatim, whatever the language: the one definition, also used by QA (the
# url/email/hashtag/mention checks, and masking them before number checks) and by the glossary
# (which never matches a name inside them).
_URL = r"(?:https?://|www\.)[^\s<>\"'«»“”]+"
_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}"
_HASHTAG = r"(?<![\w&#])#(?=\w*[^\W\d_])\w+"
_MENTION = r"(?<![\w.@])@(?=\w*[^\W\d_])\w+"
_CODE = r"`[^`\n]+`"
_AUTOLINK = r"<(?:(?:https?|mailto|ftp):[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>"
_DEST = r"[^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?"  # a link target, with its title
URL_RE = re.compile(_URL, re.IGNORECASE)
EMAIL_RE = re.compile(_EMAIL)
HASHTAG_RE = re.compile(_HASHTAG)
MENTION_RE = re.compile(_MENTION)

_URL_END_OK = "/-_#%&=~+$@"
_INLINE = re.compile(
    "|".join([
        r"\\(?P<esc>[\\`*_\[\]()#+\-.!<>{}|~])",
        rf"(?P<code>{_CODE})",
        rf"(?P<auto>{_AUTOLINK})",
        rf"(?P<literal>{_TOKEN})",
        r"(?P<bang>!?)\[(?P<ltext>(?:[^\[\]\\]|\\.)+)\]"
        rf"\((?P<dest>{_DEST})\)",
        # the target of a link the parser could not pair ("[[a](/x)](/y)"): still never for the model
        rf"(?P<target>\]\({_DEST}\))",
        r"\*\*(?P<s1>\S(?:.*?\S)?)\*\*|(?<!\w)__(?P<s2>\S(?:.*?\S)?)__(?!\w)",
        r"\*(?P<e1>[^*\s](?:[^*]*?[^*\s])?)\*|(?<!\w)_(?P<e2>[^_\s](?:[^_]*?[^_\s])?)_(?!\w)",
        rf"(?P<url>{_URL})",
        rf"(?P<email>{_EMAIL})",
        rf"(?P<hashtag>{_HASHTAG})",
        rf"(?P<mention>{_MENTION})",
    ]),
    re.S | re.IGNORECASE,
)
_ATOMS = ("esc", "code", "auto", "literal", "target", "url", "email", "hashtag", "mention")
_KIND = {"esc": "escape", "auto": "autolink"}
# Trailing punctuation that may stand outside a whole-segment construct: "*All of it*."
_TRAILING = re.compile(r"[.!?…:;,]*\s*\Z")
_END_PUNCT = re.compile(r"[.!?…]*\s*\Z")
_CLOSING_PUNCT = ".,;:!?…)]}»”’\"'"


@dataclass(frozen=True)
class Span:
    """One protected construct, numbered as its token.

    Paired (``link``, ``image``, ``strong``, ``em``): ``open`` and ``close``
    are its delimiters (``[`` and ``](https://...)``). Standalone (``code``,
    ``url``, ``email``, ``hashtag``, ``mention``, ``escape``, ``autolink``,
    ``literal`` for token look-alikes in the source, ``target`` for a link
    target left unpaired): ``open`` is the text itself.
    """

    id: int
    kind: str
    open: str
    close: str = ""

    @property
    def paired(self) -> bool:
        return self.kind in PAIRED

    @property
    def token(self) -> str:
        return f"<x{self.id}/>"

    @property
    def url(self) -> str:
        """A link's target without its title (``](url "title")`` -> ``url``)."""
        return self.close[2:-1].split(None, 1)[0] if self.kind in _LINKS and len(self.close) > 3 else ""


@dataclass(frozen=True)
class Protected:
    """What the model sees (``text``) and what :func:`restore` needs to put the markup back.

    ``head`` and ``tail`` wrap the whole translation (a segment that is one
    construct); ``spans`` are the constructs inside, by token number.
    """

    text: str
    spans: tuple[Span, ...] = ()
    head: str = ""
    tail: str = ""

    @property
    def changed(self) -> bool:
        """Whether the model sees anything other than the segment as written."""
        return bool(self.spans or self.head or self.tail)


@dataclass(frozen=True)
class Problem:
    """A repair :func:`restore` had to make; ``severity`` is ``error`` or ``warning`` as in QA."""

    severity: str
    message: str


@dataclass(frozen=True)
class Restored:
    """The translation with its markup back, and the repairs made on the way."""

    text: str
    problems: tuple[Problem, ...] = ()


# -- protect ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Pair:
    kind: str
    open: str
    close: str
    children: tuple  # of str | _Atom | _Pair


@dataclass(frozen=True)
class _Atom:
    kind: str
    text: str


def trim_url(url: str) -> str:
    """Drop the sentence punctuation a bare URL ran into, and a ")" it did not open.

    What :func:`protect` keeps verbatim, and what QA's ``url`` check compares.

    >>> trim_url("https://orda.kz/a_(b)).")
    'https://orda.kz/a_(b)'
    """
    while url and not url[-1].isalnum() and url[-1] not in _URL_END_OK:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


_VERBATIM = re.compile(
    "|".join([_CODE, _AUTOLINK, rf"\]\({_DEST}\)", _URL, _EMAIL, _HASHTAG, _MENTION]), re.IGNORECASE)
_VERBATIM_HINT = re.compile(r"[/@#`]|\]\(|www\.", re.IGNORECASE)


def verbatim_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of what in ``text`` is never words of the sentence, in order.

    That is what :func:`protect` keeps from the model as ``<xN/>``: URLs,
    e-mail addresses, hashtags, @mentions, code spans, autolinks and the
    target part of Markdown links (``](https://...)``; the anchor text is
    words). The glossary matches no name inside these.

    >>> t = "Deputies of the Mazhilis (@mazhilis_press) on https://example.kz/mazhilis"
    >>> [t[a:b] for a, b in verbatim_spans(t)]
    ['@mazhilis_press', 'https://example.kz/mazhilis']
    """
    if not _VERBATIM_HINT.search(text):  # the common case: plain prose
        return []
    return [m.span() for m in _VERBATIM.finditer(text)]


def _parse(text: str) -> list:
    """``text`` as a list of plain strings, atoms and pairs; joining them back gives ``text``."""
    nodes: list = []
    pos = plain = 0
    while True:
        m = _INLINE.search(text, pos)
        if m is None:
            break
        kind = m.lastgroup if m.lastgroup in _ATOMS else None
        end = m.end()
        if kind == "url":
            end = m.start() + len(trim_url(m.group()))
            if end == m.start():  # nothing of a URL left: plain text, look further on
                pos = m.start() + 1
                continue
        if m.start() > plain:
            nodes.append(text[plain:m.start()])
        if m.group("ltext") is not None:
            opening = m.group("bang") + "["
            nodes.append(_Pair("image" if m.group("bang") else "link", opening, f"]({m.group('dest')})",
                               tuple(_parse(m.group("ltext")))))
        elif m.group("s1") is not None or m.group("s2") is not None:
            inner = m.group("s1") if m.group("s1") is not None else m.group("s2")
            mark = m.group()[:2]
            nodes.append(_Pair("strong", mark, mark, tuple(_parse(inner))))
        elif m.group("e1") is not None or m.group("e2") is not None:
            inner = m.group("e1") if m.group("e1") is not None else m.group("e2")
            mark = m.group()[0]
            nodes.append(_Pair("em", mark, mark, tuple(_parse(inner))))
        else:
            kind = next(k for k in _ATOMS if m.group(k) is not None)
            nodes.append(_Atom(_KIND.get(kind, kind), text[m.start():end]))
        pos = plain = end
    if plain < len(text):
        nodes.append(text[plain:])
    return nodes


def _peel(nodes: list) -> tuple[str, list, str]:
    """Unwrap constructs that cover the whole segment: ``(head, inner nodes, tail)``."""
    head = tail = ""
    while True:
        lead = nodes[0] if nodes and isinstance(nodes[0], str) and not nodes[0].strip() else ""
        rest = nodes[1:] if lead else nodes
        trail = rest[-1] if len(rest) == 2 and isinstance(rest[-1], str) and _TRAILING.fullmatch(rest[-1]) else ""
        core = rest[:-1] if trail else rest
        if len(core) != 1 or not isinstance(core[0], _Pair):
            return head, nodes, tail
        pair = core[0]
        inner = list(pair.children)
        # the inside's own outer white space stays with the wrapping, so the model sees it stripped
        ws_in = ws_out = ""
        if inner and isinstance(inner[0], str):
            ws_in = inner[0][: len(inner[0]) - len(inner[0].lstrip())]
            inner[0] = inner[0][len(ws_in):]
        if inner and isinstance(inner[-1], str):
            stripped = inner[-1].rstrip()
            ws_out, inner[-1] = inner[-1][len(stripped):], stripped
        inner = [n for n in inner if n != ""]
        if not inner:  # nothing inside to translate: keep it as it is
            return head, nodes, tail
        head = head + lead + pair.open + ws_in
        tail = ws_out + pair.close + trail + tail
        nodes = inner


def protect(text: str) -> Protected:
    """Prepare one segment for the model (see the module docstring).

    >>> protect("Members of the *Mazhilis* met.").text
    'Members of the <g1>Mazhilis</g1> met.'
    >>> protect("No markup here.").changed
    False
    """
    nodes = _parse(text)
    if all(isinstance(n, str) for n in nodes):
        return Protected(text)
    head, nodes, tail = _peel(nodes)
    spans: list[Span] = []
    out: list[str] = []

    def emit(items) -> None:
        for n in items:
            if isinstance(n, str):
                out.append(n)
            elif isinstance(n, _Atom):
                spans.append(Span(len(spans) + 1, n.kind, n.text))
                out.append(spans[-1].token)
            else:
                span = Span(len(spans) + 1, n.kind, n.open, n.close)
                spans.append(span)
                out.append(f"<g{span.id}>")
                emit(n.children)
                out.append(f"</g{span.id}>")

    emit(nodes)
    return Protected("".join(out), tuple(spans), head, tail)


# -- restore ----------------------------------------------------------------------------

class _Repairs:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, severity: str, message: str) -> None:
        problem = Problem(severity, message)
        if problem not in self.problems:
            self.problems.append(problem)


_NAMES = {"email": "e-mail address", "url": "URL", "literal": "text", "escape": "escaped character",
          "target": "link target"}


def _describe(span: Span) -> str:
    """``link to https://...``, ``emphasis (*...*)``, ``hashtag #OskemenBridge``."""
    if span.kind in _LINKS:
        return f"{span.kind} to {span.url}"
    if span.paired:
        return f"{'strong text' if span.kind == 'strong' else 'emphasis'} ({span.open}...{span.close})"
    return f"{_NAMES.get(span.kind, span.kind)} {span.open}"


def _decide(matches: list[re.Match], spans: dict[int, Span], fix: _Repairs) -> dict[int, tuple[str, Span]]:
    """Which tokens count: match index -> (role, span); every other token is removed."""
    roles: dict[int, tuple[str, Span]] = {}
    seen_atoms: set[int] = set()
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for i, m in enumerate(matches):
        span = spans.get(int(m.group("id")))
        if span is None:
            fix.add("warning", f"the model invented placeholder {m.group()!r}; it was removed")
        elif not span.paired:
            if span.id in seen_atoms:
                fix.add("warning", f"the model repeated the placeholder of the {_describe(span)}; "
                                   "the copy was removed")
            else:
                seen_atoms.add(span.id)
                roles[i] = ("atom", span)
        elif m.group("slash"):
            closes.setdefault(span.id, []).append(i)
        elif not m.group("self"):
            opens.setdefault(span.id, []).append(i)
    pairs: list[tuple[int, int, Span]] = []
    for span in spans.values():
        if not span.paired:
            continue
        o = opens.get(span.id, [])
        c = [i for i in closes.get(span.id, []) if o and i > o[0]]
        if o and c:
            pairs.append((o[0], c[0], span))
            if len(o) > 1 or len(closes[span.id]) > 1:
                fix.add("warning", f"the model repeated the placeholders of the {_describe(span)}; "
                                   "the copies were removed")
    kept: list[tuple[int, int, Span]] = []
    for o, c, span in sorted(pairs, key=lambda p: p[0]):
        if any(ko < o < kc < c for ko, kc, _s in kept):  # crosses a pair kept already
            continue
        kept.append((o, c, span))
        roles[o] = ("open", span)
        roles[c] = ("close", span)
    return roles


def _tidy(text: str, sentinel: str) -> str:
    """Close the gap a removed token leaves (``a <x9/> b`` -> ``a b``, ``a <x9/>.`` -> ``a.``)."""
    if sentinel not in text:
        return text

    def gap(m: re.Match) -> str:
        after = m.string[m.end():m.end() + 1]
        if m.start() == 0 or not after or after in _CLOSING_PUNCT:
            return ""
        return m.group(1) or m.group(2)

    mark = re.escape(sentinel)
    return re.sub(rf"(\s*){mark}(?:\s*{mark})*(\s*)", gap, text)


def _between_tokens(text: str) -> list[str]:
    pieces, pos = [], 0
    for m in TOKEN_RE.finditer(text):
        pieces.append(text[pos:m.start()])
        pos = m.end()
    return [*pieces, text[pos:]]


def _pick_sentinel(text: str) -> str:
    return next(c for c in map(chr, range(0xE000, 0xF8FF)) if c not in text)


def _fill(body: str, protected: Protected, fix: _Repairs) -> str:
    spans = {s.id: s for s in protected.spans}
    matches = list(TOKEN_RE.finditer(body))
    roles = _decide(matches, spans, fix)
    removed = _pick_sentinel(body + "".join(s.open + s.close for s in protected.spans))
    # a source that holds something like token debris itself ("G7>") gets no cleaning
    clean_debris = not any(_DEBRIS_RE.search(piece) for piece in _between_tokens(protected.text))
    stack: list[list[str]] = [[]]
    used: set[int] = set()
    pos = 0

    def plain(piece: str) -> str:
        return _DEBRIS_RE.sub(removed, piece) if clean_debris else piece

    for i, m in enumerate(matches):
        stack[-1].append(plain(body[pos:m.start()]))
        pos = m.end()
        role, span = roles.get(i, ("removed", None))
        if span is None:
            stack[-1].append(removed)
            continue
        used.add(span.id)
        if role == "atom":
            stack[-1].append(span.open)
        elif role == "open":
            stack.append([])
        else:
            inner = _tidy("".join(stack.pop()), removed)
            before = "".join(stack[-1])[-1:]
            stack[-1].append(_render(span, inner, before, body[pos:pos + 1], fix))
    stack[-1].append(plain(body[pos:]))
    text = _tidy("".join(stack[0]), removed)
    lost = [s for s in protected.spans if s.id not in used]
    reattach = []
    for span in lost:
        if span.kind in _LINKS:
            reattach.append(f"{span.open}{span.url}{span.close}")
            fix.add("error", f"the model dropped or misplaced the placeholders of the {_describe(span)}; "
                             "its text is left unlinked and the link is added at the end of the sentence; "
                             "put it back on its text")
        elif span.paired:
            fix.add("warning", f"the model dropped or misplaced the placeholders of the {_describe(span)}; "
                               "the text is left without it")
        else:
            reattach.append(span.open)
            fix.add("warning", f"the model lost the placeholder of the {_describe(span)}; "
                               "it is added at the end of the sentence; move it")
    if reattach:
        end = _END_PUNCT.search(text).start()
        text = " ".join(p for p in (text[:end].rstrip(), *reattach) if p) + text[end:]
    return text


def _render(span: Span, inner: str, before: str, after: str, fix: _Repairs) -> str:
    if span.kind in _LINKS:
        if not inner.strip():
            fix.add("error", f"the model left the text of the {_describe(span)} empty; "
                             "the address stands in for it")
            inner = inner + span.url
        return f"{span.open}{inner}{span.close}"
    core = inner.strip()
    if not core:
        fix.add("warning", f"the model left the {_describe(span)} empty; it was removed")
        return inner
    # white space the model put inside the marks goes outside ("* x *" marks nothing), once
    lead = "" if not before or before.isspace() else inner[: len(inner) - len(inner.lstrip())]
    trail = "" if not after or after.isspace() or after in _CLOSING_PUNCT else inner[len(inner.rstrip()):]
    mark_open, mark_close = span.open, span.close
    # "_" marks nothing inside a word ("Мәжіліс_те"); "*" does
    if "_" in mark_open and (before.isalnum() and not lead or after.isalnum() and not trail):
        mark_open = mark_close = mark_open.replace("_", "*")
    return f"{lead}{mark_open}{core}{mark_close}{trail}"


def _frame(text: str) -> tuple[str, str, str]:
    """Pseudo output ``⟦ru: ...⟧``: the markers stay outermost (``is_pseudo`` must still see them)."""
    from .mt.pseudo import CLOSE, OPEN, is_pseudo

    if not is_pseudo(text):
        return "", text, ""
    m = re.match(rf"{re.escape(OPEN)}[\w-]+: ", text)
    start = m.end() if m else len(OPEN)
    return text[:start], text[start:len(text) - len(CLOSE)], CLOSE


def restore(translation: str, protected: Protected, *, pseudo: bool = False) -> Restored:
    """Put the markup of ``protected`` back into the model's ``translation``.

    ``pseudo``: the translation is pseudo-localised (``⟦ru: ...⟧``); its
    markers stay the outermost characters. Never raises on what a model
    returns; what it had to repair is in ``problems``.
    """
    fix = _Repairs()
    head, body, tail = _frame(translation) if pseudo else ("", translation, "")
    body = _fill(body, protected, fix)  # also with no spans: an invented token must not get through
    if protected.head or protected.tail:
        core = body.strip()
        if not core:
            fix.add("warning", "the model returned an empty translation")
        body = protected.head + core + protected.tail
    return Restored(head + body + tail, tuple(fix.problems))
