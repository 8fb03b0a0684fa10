"""The curated outlet alias table (kg/data/outlets.tsv): easy to extend, shipped as data.

Two uses: ``outlet_name`` maps a metadata publisher or an entity's text to the canonical
outlet (ignoring case and a leading "the"), and ``outlet_spans`` finds outlets in article
text as written, where context aliases ("the Times") count only when the article also names
the outlet in full or was published by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.data import tsv_rows


@dataclass(frozen=True)
class OutletSpan:
    begin: int
    end: int
    outlet: str  # canonical name
    contextual: bool  # matched a context alias


@dataclass(frozen=True)
class _Table:
    by_key: dict[str, str]
    aliases: dict[str, str]  # alias as written -> canonical
    context: dict[str, str]  # context alias as written -> canonical


def _key(text: str) -> str:
    words = text.replace("’s", "").replace("'s", "").lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _split(field: str) -> list[str]:
    return [alias.strip() for alias in field.split("|") if alias.strip()]


@lru_cache(maxsize=1)
def _table() -> _Table:
    by_key: dict[str, str] = {}
    aliases: dict[str, str] = {}
    context: dict[str, str] = {}
    for row in tsv_rows("outlets.tsv"):
        canonical, full, contextual = (row + ["", ""])[:3]
        canonical = canonical.strip()
        for alias in [canonical, *_split(full)]:
            by_key[_key(alias)] = canonical
            aliases[alias] = canonical
        for alias in _split(contextual):
            context[alias] = canonical
    return _Table(by_key, aliases, context)


def outlet_name(text: str) -> str | None:
    """Canonical outlet name for a full surface form, or None when it is no known outlet."""
    return _table().by_key.get(_key(text))


def _pattern(aliases: list[str]) -> re.Pattern[str]:
    ordered = sorted(aliases, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w|-[a-z])")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = _table()
    return _pattern(list(table.aliases)), _pattern(list(table.context))


def _inside_another_name(text: str, begin: int, end: int) -> bool:
    """Whether a capitalised word runs into the alias ('Tampa Bay Times', 'Times Square'):
    it is part of another name, not an outlet's short name."""
    before = text[max(0, begin - 40):begin]
    word = before.split()[-1] if before.endswith(" ") and before.split() else ""
    after = text[end:end + 40]
    following = after.split()[0] if after.startswith(" ") and after.split() else ""
    return word[:1].isupper() and word.lower() not in {"the", "a", "an"} or \
        following[:1].isupper()


def outlet_spans(text: str, publisher: str | None = None) -> list[OutletSpan]:
    """Every outlet named in ``text`` (longest alias wins), context aliases included only
    for outlets the article names in full or that published it."""
    table = _table()
    full_re, context_re = _patterns()
    found = [OutletSpan(m.start(), m.end(), table.aliases[m.group()], False)
             for m in full_re.finditer(text)]
    named = {span.outlet for span in found}
    if publisher and (home := outlet_name(publisher)):
        named.add(home)
    taken = [(span.begin, span.end) for span in found]
    for match in context_re.finditer(text):
        outlet = table.context[match.group()]
        overlaps = any(b < match.end() and match.start() < e for b, e in taken)
        if outlet in named and not overlaps and not _inside_another_name(text, *match.span()):
            found.append(OutletSpan(match.start(), match.end(), outlet, True))
    return sorted(found, key=lambda span: span.begin)
