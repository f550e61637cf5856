"""The benchmark's table goes between the markers of each README, and nowhere else."""

from __future__ import annotations

from pathlib import Path

from bench.run import replace_table


def test_the_table_replaces_what_was_between_the_markers_and_keeps_the_rest(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n\n<!-- bench table -->\nold table\n<!-- /bench table -->\n\nAfter.\n", "utf-8")
    replace_table(readme, "| figure | 1,000 docs |")
    assert readme.read_text("utf-8") == (
        "# Title\n\n<!-- bench table -->\n| figure | 1,000 docs |\n<!-- /bench table -->\n\nAfter.\n"
    )


def test_a_readme_without_the_markers_is_left_alone(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n", "utf-8")
    replace_table(readme, "| figure |")
    assert readme.read_text("utf-8") == "# Title\n"
