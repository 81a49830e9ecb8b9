"""TBX-Basic, the termbase format CAT tools exchange (ISO 30042).

Writes TBX v3 (``<tbx type="TBX-Basic">``, ``conceptEntry`` / ``langSec`` /
``termSec``); reads v3 and the older v2 ``martif`` files (``termEntry`` /
``langSet`` / ``tig``). The mapping:

====================  ==============================================
glossary              TBX
====================  ==============================================
concept id            ``conceptEntry/@id``
type                  ``descrip[@type="subjectField"]`` (concept level)
preferred             ``administrativeStatus`` ``preferredTerm-admn-sts``
variant               ``admittedTerm-admn-sts`` (``supersededTerm`` reads as variant)
forbidden             ``deprecatedTerm-admn-sts``
note                  ``note`` in the ``termSec``
====================  ==============================================
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError, ParseError
from .model import LANGUAGES, TYPES, Concept, Term, language
from .text import nfc
from .tsv import write_atomic

__all__ = ["read_tbx", "parse_tbx", "generate_tbx", "write_tbx", "TBX_NS"]

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_TO_TBX = {"preferred": "preferredTerm-admn-sts", "variant": "admittedTerm-admn-sts",
           "forbidden": "deprecatedTerm-admn-sts"}
_FROM_TBX = {"preferredterm-admn-sts": "preferred", "admittedterm-admn-sts": "variant",
             "deprecatedterm-admn-sts": "forbidden", "supersededterm-admn-sts": "variant",
             "preferredterm": "preferred", "admittedterm": "variant",
             "deprecatedterm": "forbidden", "supersededterm": "variant"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(el: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in el if _local(c.tag) == name]


def read_tbx(path: Path) -> list[Concept]:
    """Read a TBX file into concepts."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such TBX file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a TBX file") from None
    return parse_tbx(data, path)


def parse_tbx(data: bytes | str, path: Path | None = None) -> list[Concept]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise ParseError(path, line, f"not well-formed XML ({exc.msg if hasattr(exc, 'msg') else exc}); "
                         "is this a TBX file?") from None
    if _local(root.tag) not in ("tbx", "martif"):
        raise ParseError(path, None, f"root element is <{_local(root.tag)}>, not <tbx> or <martif>; "
                         "is this a TBX file?")
    entries = [el for el in root.iter() if _local(el.tag) in ("conceptEntry", "termEntry")]
    concepts = []
    for n, entry in enumerate(entries, 1):
        cid = entry.get("id") or f"c{n}"
        ctype = "other"
        for d in _children(entry, "descrip"):
            if d.get("type") == "subjectField" and (d.text or "").strip().lower() in TYPES:
                ctype = (d.text or "").strip().lower()
        terms = []
        for sec in (c for c in entry if _local(c.tag) in ("langSec", "langSet")):
            lang = language((sec.get(XML_LANG) or sec.get("lang") or "").lower())
            if lang not in LANGUAGES:
                raise ParseError(path, None, f"concept {cid!r}: unknown language {lang!r}; "
                                 f"use one of: {', '.join(LANGUAGES)}")
            for tsec in (c for c in sec if _local(c.tag) in ("termSec", "tig", "ntig")):
                term_el = next((e for e in tsec.iter() if _local(e.tag) == "term"), None)
                text = nfc("".join(term_el.itertext()).strip()) if term_el is not None else ""
                if not text:
                    raise ParseError(path, None, f"concept {cid!r}: a term in {lang} is empty")
                status, note = "variant", ""
                for e in tsec.iter():
                    name = _local(e.tag)
                    if name == "termNote" and e.get("type") == "administrativeStatus":
                        value = (e.text or "").strip().lower()
                        if value not in _FROM_TBX:
                            raise ParseError(path, None, f"concept {cid!r}: unknown administrative "
                                             f"status {e.text!r}; use one of: "
                                             f"{', '.join(sorted(set(_TO_TBX.values())))}")
                        status = _FROM_TBX[value]
                    elif name == "note":
                        note = " ".join("".join(e.itertext()).split())
                terms.append(Term(cid, lang, text, status, note, path))
        concepts.append(Concept(cid, ctype, tuple(terms)))
    return concepts


def generate_tbx(concepts: Iterable[Concept], source: str = "translator glossary") -> Iterator[str]:
    """The text of a TBX-Basic file for ``concepts``."""
    ET.register_namespace("", TBX_NS)
    root = ET.Element(f"{{{TBX_NS}}}tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
    header = ET.SubElement(root, f"{{{TBX_NS}}}tbxHeader")
    desc = ET.SubElement(ET.SubElement(header, f"{{{TBX_NS}}}fileDesc"), f"{{{TBX_NS}}}sourceDesc")
    ET.SubElement(desc, f"{{{TBX_NS}}}p").text = source
    body = ET.SubElement(ET.SubElement(root, f"{{{TBX_NS}}}text"), f"{{{TBX_NS}}}body")
    for concept in concepts:
        entry = ET.SubElement(body, f"{{{TBX_NS}}}conceptEntry", {"id": concept.id})
        ET.SubElement(entry, f"{{{TBX_NS}}}descrip", {"type": "subjectField"}).text = concept.type
        for lang in dict.fromkeys(t.lang for t in concept.terms):
            sec = ET.SubElement(entry, f"{{{TBX_NS}}}langSec", {XML_LANG: lang})
            for term in concept.forms(lang):
                tsec = ET.SubElement(sec, f"{{{TBX_NS}}}termSec")
                ET.SubElement(tsec, f"{{{TBX_NS}}}term").text = term.text
                ET.SubElement(tsec, f"{{{TBX_NS}}}termNote",
                              {"type": "administrativeStatus"}).text = _TO_TBX[term.status]
                if term.note:
                    ET.SubElement(tsec, f"{{{TBX_NS}}}note").text = term.note
    ET.indent(root)
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield ET.tostring(root, encoding="unicode")
    yield "\n"


def write_tbx(concepts: Iterable[Concept], path: Path) -> None:
    """Write a TBX-Basic file atomically."""
    write_atomic(path, "".join(generate_tbx(concepts)))
