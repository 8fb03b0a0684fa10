"""See the graph: a filtered subgraph (SPARQL + networkx) drawn as an offline pyvis page."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from kg.export import write_atomically
from kg.viz.filters import FilterError, Filters, filters_from
from kg.viz.render import page_html
from kg.viz.select import Subgraph, select_subgraph

__all__ = ["FilterError", "Filters", "Subgraph", "filters_from", "page_html", "select_subgraph",
           "write_page"]


def write_page(dataset: Dataset, path: str | Path, filters: Filters | None = None) -> Subgraph:
    """Write the self-contained page of the filtered graph to ``path`` (atomically)."""
    subgraph = select_subgraph(dataset, filters or Filters())
    write_atomically(path, page_html(subgraph).encode("utf-8"))
    return subgraph
