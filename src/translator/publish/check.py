"""``translator publish --check``: validate published files and report every problem.

- Markdown: the front matter is there, parses with ``yaml.safe_load`` and
  holds the article metadata (the ``meta`` part of the JSON Schema);
- JSON: valid against ``schema.json`` (articles) or ``index.schema.json``
  (``index.json``), language and slug matching the file's place;
- HTML: parses with :mod:`html.parser`, has a doctype, ``<html lang>`` equal
  to the locale, ``<meta charset="utf-8">``, a ``<title>``, balanced tags,
  and no ``<script>``, inline event handler or ``javascript:`` address.

Checks collect, they don't stop: every file is read and every finding kept.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

from . import FORMATS, Problem

__all__ = ["check_output", "load_schema", "check_markdown", "check_json", "check_html"]

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})


@lru_cache(maxsize=2)
def load_schema(name: str = "schema.json") -> dict:
    """The JSON Schema shipped with the package (``schema.json`` or ``index.schema.json``)."""
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


def _validator(name: str, part: str | None = None):
    from jsonschema import Draft202012Validator

    schema = load_schema(name)
    if part is not None:
        schema = {"$schema": schema["$schema"], "$defs": schema["$defs"], **schema["properties"][part]}
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _schema_problems(path: Path, data, name: str, part: str | None = None) -> list[Problem]:
    out = []
    for err in sorted(_validator(name, part).iter_errors(data), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in err.absolute_path) or "(top)"
        out.append(Problem(path, f"{where}: {err.message}"))
    return out


def _place_problems(path: Path, meta, locale: str) -> list[Problem]:
    out = []
    if isinstance(meta, dict):
        if meta.get("language") != locale:
            out.append(Problem(path, f"language is {meta.get('language')!r}, but the file is in {locale}/"))
        if meta.get("slug") != path.stem:
            out.append(Problem(path, f"slug is {meta.get('slug')!r}, but the file is named {path.name}"))
    return out


def check_markdown(path: Path, text: str, locale: str) -> list[Problem]:
    import yaml

    if not text.startswith("---\n"):
        return [Problem(path, "no front matter (the file must start with a '---' line)")]
    end = text.find("\n---\n", 3)
    if end < 0:
        return [Problem(path, "front matter is not closed by a '---' line")]
    try:
        meta = yaml.safe_load(text[4:end + 1])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 2}" if mark else ""
        return [Problem(path, f"front matter is not valid YAML{line}: {getattr(exc, 'problem', exc)}")]
    if not isinstance(meta, dict):
        return [Problem(path, "front matter is not a mapping")]
    return _schema_problems(path, meta, "schema.json", "meta") + _place_problems(path, meta, locale)


def check_json(path: Path, text: str, locale: str) -> list[Problem]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        return [Problem(path, f"not valid JSON: {exc}")]
    if path.name == "index.json":
        out = _schema_problems(path, data, "index.schema.json")
        if isinstance(data, dict) and data.get("language") != locale:
            out.append(Problem(path, f"language is {data.get('language')!r}, but the file is in {locale}/"))
        for item in data.get("articles", []) if isinstance(data, dict) else []:
            for rel in (item.get("files") or {}).values() if isinstance(item, dict) else []:
                if isinstance(rel, str) and not (path.parent / rel).is_file():
                    out.append(Problem(path, f"lists {rel}, which does not exist"))
        return out
    out = _schema_problems(path, data, "schema.json")
    return out + _place_problems(path, data.get("meta") if isinstance(data, dict) else None, locale)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doctype = False
        self.lang: str | None = None
        self.charset: str | None = None
        self.title = False
        self.stack: list[str] = []
        self.findings: list[str] = []

    def handle_decl(self, decl: str) -> None:
        if decl.lower() == "doctype html":
            self.doctype = True

    def handle_starttag(self, tag: str, attrs) -> None:
        line = self.getpos()[0]
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag == "meta" and dict(attrs).get("charset"):
            self.charset = dict(attrs)["charset"]
        if tag == "title":
            self.title = True
        if tag == "script":
            self.findings.append(f"line {line}: a <script> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"line {line}: an event handler attribute {name}")
            if name in ("href", "src") and value and value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.findings.append(f"line {line}: an unsafe address in {name}")
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        line = self.getpos()[0]
        if tag in _VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            open_tag = self.stack[-1] if self.stack else "nothing"
            self.findings.append(f"line {line}: </{tag}> closes {open_tag}")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()


def check_html(path: Path, text: str, locale: str) -> list[Problem]:
    parser = _PageParser()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # html.parser raises only on internal errors; report, don't stop
        return [Problem(path, f"does not parse as HTML: {exc}")]
    out = [Problem(path, f) for f in parser.findings]
    if not parser.doctype:
        out.append(Problem(path, "no <!DOCTYPE html>"))
    if parser.lang != locale:
        out.append(Problem(path, f"<html lang> is {parser.lang!r}, expected {locale!r}"))
    if (parser.charset or "").lower() != "utf-8":
        out.append(Problem(path, "no <meta charset=\"utf-8\">"))
    if not parser.title:
        out.append(Problem(path, "no <title>"))
    if parser.stack:
        out.append(Problem(path, f"unclosed elements at the end: {', '.join(parser.stack)}"))
    return out


_CHECKERS = {"md": check_markdown, "json": check_json, "html": check_html}


def check_output(output_root: Path, locales: Sequence[str] | None = None) -> list[Problem]:
    """Check every published file under ``output_root`` (or only ``locales``); return every problem."""
    from ..locales import get_locale

    root = Path(output_root)
    problems: list[Problem] = []
    if not root.is_dir():
        return [Problem(root, "no such folder; publish first with: translator publish")]
    wanted = {get_locale(c).code for c in locales} if locales else None
    checked = 0
    for child in sorted(root.iterdir()):
        if not child.is_dir() or not ((child / "articles").is_dir() or (child / "index.json").is_file()):
            continue
        if wanted is not None and child.name not in wanted:
            continue
        files = sorted(p for p in (child / "articles").glob("*") if p.suffix[1:] in FORMATS)
        if (child / "index.json").is_file():
            files.append(child / "index.json")
        else:
            problems.append(Problem(child, "no index.json"))
        for path in files:
            checked += 1
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(Problem(path, f"cannot read: {exc}"))
                continue
            problems.extend(_CHECKERS[path.suffix[1:]](path, text, child.name))
    if checked == 0:
        problems.append(Problem(root, "no published files found; publish first with: translator publish"))
    return problems
