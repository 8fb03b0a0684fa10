"""Common English words by part of speech: the WordNet index the spaCy model's lemmatizer
carries. Rules about names and titles ask whether a capitalised word is an ordinary word.
"""

from __future__ import annotations

from functools import cache

from spacy.strings import get_string_id

_POS = ("adj", "adv", "noun", "verb")


@cache
def english_words_by_pos() -> dict[str, frozenset[str]]:
    """Lower-case English words of each part of speech; empty when the model carries no
    index (the rules that need it then never fire)."""
    from kg.nlp import load_pipeline

    try:
        table = load_pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError):
        return {}
    return {pos: frozenset(table[get_string_id(pos)]) for pos in _POS
            if get_string_id(pos) in table}


@cache
def english_words() -> frozenset[str]:
    return frozenset().union(*english_words_by_pos().values())


def is_only_a_verb(word: str) -> bool:
    """An English verb that is no noun or adjective ("Derail"): capitalised before a title,
    it starts an imperative sentence, not the title."""
    by_pos = english_words_by_pos()
    low = word.lower()
    return low in by_pos.get("verb", ()) and not any(
        low in by_pos.get(pos, ()) for pos in ("noun", "adj"))
