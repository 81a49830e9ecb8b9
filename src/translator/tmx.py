"""TMX 1.4 (Translation Memory eXchange) reading and writing, the format CAT tools exchange.

Written files have a ``<header>`` with ``creationtool``,
``creationtoolversion``, ``datatype="plaintext"``, ``segtype="sentence"``,
``adminlang="en"``, ``srclang`` (the source language, or ``*all*`` when the
file holds several) and ``o-tmf="translator-sqlite"``; one ``<tu>`` per unit
with ``srclang``, ``creationdate``, ``changedate``, a ``<prop
type="x-origin">`` and two ``<tuv xml:lang>`` holding a ``<seg>``.

Characters XML 1.0 cannot carry: the C0 controls other than tab, line feed
and carriage return, and U+FFFE/U+FFFF, are written as ``<ph
type="x-ctrl">U+0007</ph>`` inline elements (TMX's own way to hold native
codes; ``x-`` marks a user-defined type), and read back into the character.
A carriage return is written as ``&#13;`` so that XML line-end normalisation
does not turn it into a line feed. Everything else is written as itself,
escaped (``&amp;`` ``&lt;`` ``&gt;``), in UTF-8. In attributes and the
``x-origin`` property (metadata, not text) such characters become U+FFFD.
Lone surrogates never reach this module: the memory refuses them.

Reading accepts TMX 1.1-1.4: ``xml:lang`` or ``lang`` on ``<tuv>``; the
source side is the ``<tu>``'s ``srclang``, else the header's; with
``*all*`` every ordered pair of variants becomes a unit. Inline codes of
other tools (``<bpt>``, ``<ept>``, ``<it>``, ``<ph>``, ``<ut>``) contribute
their native code text, ``<hi>`` its content, ``<sub>`` nothing. Files are
read incrementally, so large memories do not need to fit in memory.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from ._fs import atomic_write
from .errors import InputError, MemoryStoreError, ParseError
from .memory import TMUnit, normalise_lang, utc_now

__all__ = ["read_tmx", "write_tmx", "generate_tmx", "escape_seg"]

log = logging.getLogger(__name__)

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CTRL = re.compile(r"U\+([0-9A-F]{4,6})\Z")
_CODES = {"bpt", "ept", "it", "ph", "ut"}


# -- writing -------------------------------------------------------------------

def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def escape_seg(text: str) -> str:
    """The content of a ``<seg>`` for ``text``: escaped, forbidden characters as ``<ph>``.

    >>> escape_seg("a < b\\x07")
    'a &lt; b<ph type="x-ctrl">U+0007</ph>'
    """
    out, pos = [], 0
    for m in _FORBIDDEN.finditer(text):
        out.append(_escape_text(text[pos:m.start()]))
        out.append(f'<ph type="x-ctrl">U+{ord(m.group()):04X}</ph>')
        pos = m.end()
    out.append(_escape_text(text[pos:]))
    return "".join(out)


def _attr(value: str) -> str:
    value = _FORBIDDEN.sub("\ufffd", value)
    return (_escape_text(value).replace('"', "&quot;")
            .replace("\n", "&#10;").replace("\t", "&#9;"))


def _tmx_date(iso: str | None) -> str:
    """``2026-11-29T17:08:51Z`` -> ``20261129T170851Z`` (TMX's form)."""
    return (iso or utc_now()).replace("-", "").replace(":", "")


def generate_tmx(units: Iterable[TMUnit], *, srclang: str | None = None) -> Iterator[str]:
    """Yield a TMX 1.4 document, piece by piece, for ``units``."""
    from . import __version__

    src = normalise_lang(srclang) if srclang else "*all*"
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield '<tmx version="1.4">\n'
    yield (f'  <header creationtool="translator" creationtoolversion="{_attr(__version__)}"'
           f' datatype="plaintext" segtype="sentence" adminlang="en" srclang="{_attr(src)}"'
           f' o-tmf="translator-sqlite" creationdate="{_tmx_date(None)}"/>\n')
    yield "  <body>\n"
    for u in units:
        yield (f'    <tu srclang="{_attr(u.source_lang)}" creationdate="{_tmx_date(u.created)}"'
               f' changedate="{_tmx_date(u.changed)}">\n')
        if u.origin:
            yield f'      <prop type="x-origin">{_escape_text(_FORBIDDEN.sub(chr(0xFFFD), u.origin))}</prop>\n'
        yield f'      <tuv xml:lang="{_attr(u.source_lang)}"><seg>{escape_seg(u.source)}</seg></tuv>\n'
        yield f'      <tuv xml:lang="{_attr(u.target_lang)}"><seg>{escape_seg(u.target)}</seg></tuv>\n'
        yield "    </tu>\n"
    yield "  </body>\n</tmx>\n"


def write_tmx(path: Path, units: Iterable[TMUnit], *, srclang: str | None = None) -> int:
    """Write ``units`` to ``path`` as TMX 1.4 atomically (temporary file + rename); returns the count."""
    path = Path(path)
    counted = _Counter(units)
    pieces = (piece.encode("utf-8") for piece in generate_tmx(counted, srclang=srclang))
    atomic_write(path, pieces, mkdir=False, error=MemoryStoreError, what="TMX")
    return counted.n


class _Counter:
    def __init__(self, items: Iterable[TMUnit]) -> None:
        self.items, self.n = items, 0

    def __iter__(self) -> Iterator[TMUnit]:
        for item in self.items:
            self.n += 1
            yield item


# -- reading -------------------------------------------------------------------

def _seg_text(el: ET.Element) -> str:
    """The plain text of a ``<seg>`` (or of an inline element inside one)."""
    parts = [el.text or ""]
    for child in el:
        tag = child.tag.rsplit("}", 1)[-1]
        m = _CTRL.match(child.text or "") if tag == "ph" and child.get("type") == "x-ctrl" else None
        if m:
            parts.append(chr(int(m.group(1), 16)))
        elif tag == "hi":
            parts.append(_seg_text(child))
        elif tag in _CODES:
            parts.append(child.text or "")
            parts.extend(sub.tail or "" for sub in child)  # code text around <sub>, without it
        parts.append(child.tail or "")
    return "".join(parts)


_TMX_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\Z")


def _iso_date(value: str | None) -> str | None:
    """``20261129T170851Z`` -> ``2026-11-29T17:08:51Z``; anything else -> None (the unit gets today)."""
    m = _TMX_DATE.match(value or "")
    if not m:
        return None
    y, mo, d, h, mi, sec = m.groups()
    if not ("01" <= mo <= "12" and "01" <= d <= "31" and h <= "23" and mi <= "59" and sec <= "60"):
        return None
    return f"{y}-{mo}-{d}T{h}:{mi}:{sec}Z"


def read_tmx(path: Path) -> Iterator[TMUnit]:
    """Yield the units of a TMX file, one per (source variant, target variant) pair.

    Raises :class:`InputError` for an unreadable file and :class:`ParseError`
    (with the line) for one that is not well-formed XML or not TMX.
    """
    path = Path(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed in finally; iterparse streams from it
    except OSError as exc:
        raise InputError(path, f"cannot read TMX file: {exc.strerror}") from None
    header_src = ""
    default_origin = f"tmx:{path.name}"
    skipped = 0
    try:
        # "end" events only (half the events of start+end); the root is the last element to
        # end, so a file that is not TMX fails there, and the caller's transaction rolls back.
        tag = ""
        for _event, el in ET.iterparse(fh, events=("end",)):
            tag = el.tag.rsplit("}", 1)[-1]
            if tag == "header":
                header_src = el.get("srclang", "")
            elif tag == "tu":
                units = list(_tu_units(el, header_src, default_origin))
                if not units:
                    skipped += 1
                yield from units
                el.clear()
        if tag != "tmx":
            raise ParseError(path, 1, f"not a TMX file (root element is <{tag}>, not <tmx>)")
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise ParseError(path, line, f"not well-formed TMX: {exc.msg if hasattr(exc, 'msg') else exc}") from None
    finally:
        fh.close()
    if skipped:
        log.warning("%s: skipped %d translation units without a source and a target variant", path, skipped)


def _tu_units(tu: ET.Element, header_src: str, default_origin: str) -> Iterator[TMUnit]:
    origin = default_origin
    for prop in tu.findall("prop"):
        if prop.get("type") == "x-origin" and prop.text:
            origin = prop.text
    created = _iso_date(tu.get("creationdate"))
    changed = _iso_date(tu.get("changedate")) or created
    variants: dict[str, str] = {}
    for tuv in tu.findall("tuv"):
        lang = tuv.get(XML_LANG) or tuv.get("lang")
        seg = tuv.find("seg")
        if not lang or seg is None:
            continue
        variants.setdefault(normalise_lang(lang), _seg_text(seg))
    src = tu.get("srclang") or header_src
    if src and src != "*all*":
        src = normalise_lang(src)
        if src not in variants:
            return
        sources = [src]
    else:
        sources = list(variants)
    for s in sources:
        for t, text in variants.items():
            if t != s:
                yield TMUnit(variants[s], text, s, t, origin, created, changed)
