"""Curated tables shipped with the package (tab-separated, '#' starts a comment line)."""

from __future__ import annotations

from importlib import resources


def tsv_rows(name: str) -> list[list[str]]:
    """The rows of ``kg/data/NAME`` as lists of fields, comments and blank lines left out."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]
