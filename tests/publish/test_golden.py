"""Golden files: the sample article published in ru, kk and kk-Latn, in every format.

The expected files were generated once and then read line by line against
the sample's structure and translations (tests/publish/data/). Regenerate
after a deliberate change with ``UPDATE_GOLDEN=1`` and review the diff.
"""

import json
import os
from pathlib import Path

import pytest

from translator.publish import PublishOptions, publish

DATA = Path(__file__).parent / "data"
SLUG = "shymkent-library"
GOLDEN = DATA / "golden"
FILES = [
    f"{locale}/articles/{SLUG}.{fmt}" for locale in ("ru", "kk", "kk-Latn") for fmt in ("md", "json", "html")
] + [f"{locale}/index.json" for locale in ("ru", "kk", "kk-Latn")]


@pytest.fixture
def published(project, gold_reader):
    options = PublishOptions(include_machine=True, reader=gold_reader)
    summary = publish(Path("locales"), Path("out"), options=options)
    assert summary.ok and summary.problems == ()
    return project / "out"


@pytest.mark.parametrize("name", FILES)
def test_golden(published, name):
    got = (published / name).read_bytes()
    expected = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(got)
    assert got.decode("utf-8") == expected.read_text(encoding="utf-8")


def test_golden_set_is_complete(published):
    made = sorted(str(p.relative_to(published)) for p in published.rglob("*") if p.is_file())
    assert made == sorted(FILES)


def test_golden_json_validates_against_the_schema():
    from jsonschema import Draft202012Validator

    from translator.publish.check import load_schema

    validator = Draft202012Validator(load_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    for name in FILES:
        if name.endswith(".json") and not name.endswith("index.json"):
            data = json.loads((GOLDEN / name).read_text(encoding="utf-8"))
            assert list(validator.iter_errors(data)) == [], name
