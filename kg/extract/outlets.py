"""The curated outlet alias table (kg/data/outlets.tsv): easy to extend, shipped as data."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _key(text: str) -> str:
    words = text.replace("’s", "").replace("'s", "").lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    text = resources.files("kg.data").joinpath("outlets.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, aliases = line.partition("\t")
        for alias in [canonical, *aliases.split("|")]:
            if alias.strip():
                table[_key(alias)] = canonical.strip()
    return table


def outlet_name(text: str) -> str | None:
    """Canonical outlet name for a surface form, or None when it is no known outlet."""
    return _aliases().get(_key(text))
