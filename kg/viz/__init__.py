"""See the graph: a filtered subgraph (SPARQL + networkx) drawn as an offline pyvis page."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset

from kg.viz.filters import FilterError, Filters, filters_from
from kg.viz.render import page_html
from kg.viz.select import Subgraph, select_subgraph

__all__ = ["FilterError", "Filters", "Subgraph", "filters_from", "page_html", "select_subgraph",
           "write_page"]


def write_page(dataset: Dataset, path: str | Path, filters: Filters | None = None) -> Subgraph:
    """Write the self-contained page of the filtered graph to ``path`` (atomically)."""
    subgraph = select_subgraph(dataset, filters or Filters())
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".html.tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(page_html(subgraph))
        os.chmod(temporary, 0o644)  # mkstemp makes it private; a page is for sharing
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return subgraph
