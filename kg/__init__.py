"""newskg: a knowledge graph of who said what, who published what, who reacted to what."""

from kg.api import build, export, open_dataset, query

__all__ = ["build", "export", "open_dataset", "query"]
