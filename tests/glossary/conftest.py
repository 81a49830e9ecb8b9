from pathlib import Path

import pytest

from translator.glossary import load_termbase

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]
STARTER = ROOT / "i18n" / "glossary.tsv"


@pytest.fixture(scope="session")
def small():
    return load_termbase([DATA / "small.tsv"])


@pytest.fixture(scope="session")
def starter():
    return load_termbase([STARTER])
