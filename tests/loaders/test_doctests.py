"""Every ``>>>`` example in ``loaders/`` runs and holds (the same run as ``pytest --doctest-modules loaders``)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import loaders


def _modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.walk_packages(loaders.__path__, "loaders.") if not m.name.endswith("__main__")
    )


MODULES = _modules()


def test_every_stage_package_is_found() -> None:
    assert {"loaders.reading", "loaders.text", "loaders.extract", "loaders.extract.body", "loaders.organs"} <= set(
        MODULES
    )


@pytest.mark.parametrize("name", MODULES)
def test_examples_hold(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
