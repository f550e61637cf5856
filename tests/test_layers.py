"""The import contracts of pyproject.toml hold, so `make test` enforces the layers as `make check` does.

The contracts say imports follow the data: ``ui | reports | queries | graph | loaders | common`` (a layer imports
only layers below it), the loader stages in their order, and no database driver in ``loaders``.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(config), "--no-cache"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip


def test_the_import_contracts_are_kept() -> None:
    run = _lint_imports(ROOT / "pyproject.toml")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_the_contract_would_see_an_import_against_the_data(tmp_path: Path) -> None:
    """The same checker with loaders put above graph reports graph.model's imports of loaders as broken."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    reversed_layers = {
        "id": "reversed",
        "name": "graph below loaders (false on purpose)",
        "type": "layers",
        "layers": ["loaders", "graph"],
    }
    roots = ", ".join(f'"{p}"' for p in config["root_packages"])
    (tmp_path / "contracts.toml").write_text(
        f"[tool.importlinter]\nroot_packages = [{roots}]\n\n[[tool.importlinter.contracts]]\n"
        + "\n".join(f'{k} = "{v}"' if isinstance(v, str) else f"{k} = {v!r}" for k, v in reversed_layers.items())
        + "\n",
        encoding="utf-8",
    )
    run = _lint_imports(tmp_path / "contracts.toml")
    assert run.returncode == 1 and "graph.model -> loaders." in run.stdout


def test_nothing_imports_the_app_entry_point() -> None:
    """``app.py`` is the top of the house (import-linter takes packages only, so this checks it)."""
    importers = []
    for path in sorted(ROOT.glob("*/**/*.py")):
        if path.relative_to(ROOT).parts[0].startswith("."):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        if "app" in imported:
            importers.append(str(path.relative_to(ROOT)))
    assert importers == []
