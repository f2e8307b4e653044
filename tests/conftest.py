"""Fixtures shared by the test files."""

from __future__ import annotations

import pytest

from aeo_check.catalogue import get_catalogue


@pytest.fixture(scope="session")
def cat():
    """The packaged catalogue (loaded once; tests never change it)."""
    return get_catalogue()
