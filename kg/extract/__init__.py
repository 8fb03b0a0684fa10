"""Extraction: pure functions from a parsed Doc (plus article metadata) to records.

``kg.extract.facts.extract_facts`` runs them all. This file imports nothing: every module of
the package runs it first, and a build's main process reads records, hashes and name rules
from here without importing spaCy and the extractors (its workers parse).
"""
