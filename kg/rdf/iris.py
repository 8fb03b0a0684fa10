"""Deterministic instance IRIs: the same input gives the same IRIs everywhere."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote as urlquote

from rdflib import URIRef

from kg.extract.records import EntityRef, MentionedArticle

_PATH_BY_KIND = {"person": "person", "org": "org", "gov": "org", "outlet": "outlet",
                 "place": "place"}


def slug(name: str) -> str:
    """Lower-case ASCII words joined by hyphens: 'The New York Times' -> 'the-new-york-times'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    return "-".join(words) or hashlib.sha1(name.encode()).hexdigest()[:12]


def normalise_quote_text(text: str) -> str:
    """Quote identity ignores case, punctuation and spacing."""
    return " ".join(re.findall(r"\w+", text.lower()))


def entity_iri(base: str, ref: EntityRef) -> URIRef:
    key = f"{ref.name} {ref.qualifier}" if ref.qualifier else ref.name
    return URIRef(f"{base}{_PATH_BY_KIND[ref.kind]}/{slug(key)}")


def article_iri(base: str, article_id: str) -> URIRef:
    return URIRef(f"{base}article/{urlquote(article_id, safe='-._~')}")


def mentioned_article_iri(base: str, mentioned: MentionedArticle) -> URIRef:
    """An article known only from other articles' text, one node across inputs."""
    return URIRef(f"{base}article/mentioned-{slug(mentioned.key)}")


def article_graph_iri(base: str, article_id: str) -> URIRef:
    return URIRef(f"{article_iri(base, article_id)}/graph")


def span_iri(base: str, article_id: str, begin: int, end: int) -> URIRef:
    return URIRef(f"{article_iri(base, article_id)}#char={begin},{end}")


def quote_iri(base: str, text: str, speaker: URIRef | None) -> URIRef:
    key = f"{normalise_quote_text(text)}|{speaker or ''}"
    return URIRef(f"{base}quote/{hashlib.sha256(key.encode()).hexdigest()[:16]}")


def reaction_iri(base: str, article_id: str, begin: int, end: int, agent: URIRef) -> URIRef:
    key = f"{article_id}|{begin}|{end}|{agent}"
    return URIRef(f"{base}reaction/{hashlib.sha256(key.encode()).hexdigest()[:16]}")


def topic_iri(base: str, article_id: str, begin: int, end: int) -> URIRef:
    """An event or unattributed statement a reaction targets: one node per article mention
    (the same words in two articles need not be the same event)."""
    return URIRef(f"{article_iri(base, article_id)}/topic/{begin}-{end}")
