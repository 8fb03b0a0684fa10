"""Imported once by the forkserver that a build's workers fork from (``kg.pipeline``): the
pipeline loaded here is in every worker from its first moment, shared copy-on-write,
instead of each worker loading its own before it can parse."""

from contextlib import suppress

from kg import nlp
from kg.errors import ModelNotInstalled

with suppress(ModelNotInstalled):  # each worker raises it, with its hint, when it loads
    nlp.load_pipeline()
