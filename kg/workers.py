"""The processes a build parses in (``--workers N``).

They fork from a forkserver that imported the pipeline code and loaded the default pipeline
once (``kg.forkserver_model``), instead of each importing spaCy and the extractors and
loading the model anew, as spawned workers did. The forkserver is a fresh process, so
nothing of the build's own (an open store) is inherited; started as the build starts, it
gets ready while the build imports its own modules and opens the store.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing import forkserver
from multiprocessing.context import ForkServerContext


def worker_context(model: str | None = None) -> ForkServerContext:
    """The context to make the worker pool from (the first call's preload is the one kept)."""
    context = multiprocessing.get_context("forkserver")
    # kg.pipeline imports the parser and the extractors only where it parses: named here
    context.set_forkserver_preload(["kg.pipeline", "kg.nlp", "kg.chunking"]
                                   + (["kg.forkserver_model"] if model is None else []))
    return context


def start_workers(model: str | None = None) -> None:
    """Start the forkserver now, so that it loads while the build does other things."""
    worker_context(model)
    forkserver.ensure_running()
