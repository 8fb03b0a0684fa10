"""Common English words by part of speech: the WordNet index the lemmatizer of the pipeline
that parsed the text carries. Rules about names and titles ask whether a capitalised word is
an ordinary word.

The index is read from the parse's own vocabulary (``kg.nlp.load_pipeline`` puts it there),
so a build with ``--model`` never loads another pipeline to find it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.strings import get_string_id

from kg.nlp import WORD_INDEX

if TYPE_CHECKING:
    from spacy.tokens import Token
    from spacy.vocab import Vocab

_POS = ("adj", "adv", "noun", "verb")


@lru_cache(maxsize=4)
def english_words_by_pos(vocab: Vocab) -> dict[str, frozenset[str]]:
    """Lower-case English words of each part of speech in ``vocab``'s index; empty when it
    carries none."""
    if not vocab.lookups.has_table(WORD_INDEX):
        return {}
    table = vocab.lookups.get_table(WORD_INDEX)
    return {pos: frozenset(table[get_string_id(pos)]) for pos in _POS
            if get_string_id(pos) in table}


@lru_cache(maxsize=4)
def english_words(vocab: Vocab) -> frozenset[str]:
    return frozenset().union(*english_words_by_pos(vocab).values())


def is_only_a_verb(token: Token) -> bool:
    """An English verb that is no noun or adjective ("Derail"): capitalised before a title,
    it starts an imperative sentence, not the title."""
    by_pos = english_words_by_pos(token.vocab)
    low = token.lower_
    return low in by_pos.get("verb", ()) and not any(
        low in by_pos.get(pos, ()) for pos in ("noun", "adj"))
