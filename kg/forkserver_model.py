"""Imported once by the forkserver that a build's workers fork from (``kg.pipeline``): the
pipeline loaded here, and the word tables every article reads, are in every worker from its
first moment, shared copy-on-write, instead of each worker loading its own before it can
parse."""

from contextlib import suppress

from kg import nlp
from kg.errors import ModelNotInstalled
from kg.extract.first_names import is_first_name
from kg.extract.outlets import outlet_spans

with suppress(ModelNotInstalled):  # each worker raises it, with its hint, when it loads
    nlp.load_pipeline()
# gender-guesser's 40,000 first names (0.2 s) and the outlet patterns, read on first use
is_first_name("Jane")
outlet_spans("The New York Times")
