"""What a user reads matches what the code does: every ``KG_*`` setting is in the README's Settings table."""

from __future__ import annotations

import re

import pytest

from common.settings import PROJECT_ROOT, VARIABLES

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def _settings_rows() -> dict[str, str]:
    section = README.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    return {
        m["name"]: m["default"]
        for m in re.finditer(r"^\| `(?P<name>KG_\w+)` \| `(?P<default>[^`]*)` \|", section, re.M)
    }


@pytest.mark.parametrize("name", sorted(VARIABLES))
def test_the_readme_documents_each_setting_with_its_default(name: str) -> None:
    assert _settings_rows().get(name) == VARIABLES[name][0]


def test_the_readme_documents_no_setting_the_code_does_not_have() -> None:
    assert set(_settings_rows()) == set(VARIABLES)
    assert set(re.findall(r"\bKG_[A-Z_]+\b", README)) <= set(VARIABLES)
