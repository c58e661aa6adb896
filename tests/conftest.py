"""Skip or fail the tests that need ../shared (see tests/paths.py)."""

from __future__ import annotations

import pytest

from tests.paths import HAVE_SHARED, REQUIRE_SHARED


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs_shared: the test reads ../shared (the shared corpus)")


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("needs_shared") and not HAVE_SHARED:
        if REQUIRE_SHARED:
            pytest.fail("../shared is absent and GOVMETA_REQUIRE_SHARED=1: this corpus test would have skipped")
        pytest.skip("../shared (the shared corpus) is absent")
