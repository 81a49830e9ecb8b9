"""Fixtures for the pipeline tests: every catalog a test writes is checked (tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _every_catalog_is_valid(every_catalog_is_valid):
    """Every PO file a test leaves under its ``tmp_path`` is checked (see tests/conftest.py)."""
