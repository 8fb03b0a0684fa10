"""Resolution across articles: one node per real-world entity in the whole graph."""

from kg.resolve.names import person_merges
from kg.resolve.store import resolve_store

__all__ = ["person_merges", "resolve_store"]
