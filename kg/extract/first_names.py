"""First names and their gender, and the case a name is printed in: the rules about names
that need no parse. Resolution uses them in a build's main process, which must not import
spaCy (its workers parse), so they live apart from ``kg.extract.person_names``."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.data import tsv_rows
from kg.extract.names import TITLE_WORDS, is_honorific

SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# capitals run into a lower-case letter ("BRep", "MItt")
RUN_TOGETHER = re.compile(r"[A-Z]{2,}[a-z]")


@cache
def _gender_table() -> dict[str, str]:
    return {word.strip(): gender.strip() for word, gender in tsv_rows("gender_words.tsv")}


@cache
def _detector():
    import gender_guesser.detector as gender_guesser

    return gender_guesser.Detector(case_sensitive=False)


def first_name_gender(word: str, guess: bool = True) -> str | None:
    """'m', 'f' or None for a first name (the project's table first, then, with ``guess``,
    gender-guesser's 40,000 names); None for a word that is not a known first name."""
    low = word.strip(".").lower()
    if not low.isalpha():
        return None
    if gender := _gender_table().get(low):
        return gender
    if not guess:
        return None
    guess = _detector().get_gender(low.capitalize())
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(guess)


@lru_cache(maxsize=65536)  # asked for every capitalised word of every name candidate
def is_first_name(word: str) -> bool:
    low = word.strip(".").lower()
    if low in _gender_table():
        return _gender_table()[low] in ("m", "f") and not is_honorific(low) \
            and low not in TITLE_WORDS
    return low.isalpha() and _detector().get_gender(low.capitalize()) != "unknown"


def honorific_gender(word: str) -> str | None:
    """'m' for Mr., 'f' for Mrs., Ms., Miss; None otherwise."""
    return {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}.get(word.strip(".").lower())


_SHOUTED = re.compile(r"(Mc|Mac)?([A-Z][A-Z'’\-]+)\.?$")


def _fold_word(word: str) -> str:
    """'TRUMP' -> 'Trump', 'McCONNELL' -> 'McConnell', 'HOLTZ-EAKIN' -> 'Holtz-Eakin'."""
    prefix, rest = _SHOUTED.match(word).groups()
    folded = "-".join(part.capitalize() for part in rest.split("-"))
    return (prefix or "") + folded + word[len(prefix or "") + len(rest):]


def fold_case(name: str) -> str:
    """'DONALD TRUMP' -> 'Donald Trump', 'MITCH McCONNELL' -> 'Mitch McConnell'; a surname in
    capitals after a first name as written ('Donald TRUMP', 'Michael COHEN', as dossiers and
    some wires print them) and a first name with its second letter in capitals ('MItt') too.
    Capitals at the start of a name written otherwise in mixed case stay ('AWR Hawkins')."""
    words = name.split()
    shouted = [bool(_SHOUTED.match(w)) and len(w.rstrip(".")) > 1
               and w.lower() not in SUFFIXES for w in words]  # "King III" stays
    if all(s or w.isupper() or not w.rstrip(".").isalpha() for w, s in zip(words, shouted)):
        if not any(len(w.rstrip(".")) > 2 for w in words):
            return name
        return " ".join(_fold_word(w) if s else w for w, s in zip(words, shouted))
    return " ".join(
        _fold_word(w) if s and i > 0 and len(w.rstrip(".")) > 2
        else w.capitalize() if RUN_TOGETHER.match(w) and is_first_name(w)
        else w for i, (w, s) in enumerate(zip(words, shouted)))
