"""Typed records that extraction produces and the RDF stage consumes.

Records are plain frozen dataclasses (picklable, so they travel between worker
processes and Dask workers). Offsets are character offsets into
``Article.text``, end exclusive. Entities are referred to by ``EntityRef``:
the kind plus the canonical name, from which ``kg.rdf.iris`` derives the IRI,
so the same name in two articles is the same node.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# person | org (any organisation) | gov (government body) | outlet (news media) | place
EntityKind = Literal["person", "org", "gov", "outlet", "place"]
Stance = Literal["react", "agree", "disagree"]


@dataclass(frozen=True)
class Span:
    """A stretch of the article text: ``text == article.text[begin:end]``."""

    begin: int
    end: int
    text: str


@dataclass(frozen=True)
class EntityRef:
    """Which real-world entity: its kind and canonical name (the label). ``qualifier`` tells
    apart people a bare surname names with different evidence ("Mrs. Clinton", "President
    Clinton"), so that resolution across articles decides each on its own."""

    kind: EntityKind
    name: str
    qualifier: str = ""


@dataclass(frozen=True)
class Entity:
    """An entity as described by one article: name variants, role, office."""

    ref: EntityRef
    alt_labels: tuple[str, ...] = ()
    job_title: str | None = None
    affiliation: EntityRef | None = None
    official: bool = False
    described: bool = False  # named only by a description ("a senior official")


@dataclass(frozen=True)
class Mention:
    """One place in the text that names (or refers to) an entity."""

    span: Span
    entity: EntityRef
    confidence: float = 1.0


@dataclass(frozen=True)
class Quote:
    """A direct quote or reported speech, with who said it when known."""

    span: Span  # the quoted words, without the marks around them (a quoted predicate:
    # its clause, marks inside, 'she is a "non-citizen terrorist" who "is not coming back."')
    direct: bool
    cue: str | None = None  # the speech verb or phrase as written ("said", "according to")
    cue_span: Span | None = None
    speaker: EntityRef | None = None
    speaker_mention: Span | None = None  # the name, pronoun or description in the text
    confidence: float = 1.0
    channel: EntityRef | None = None  # "told CNN": where it was said, not who published


@dataclass(frozen=True)
class MentionedArticle:
    """An article that this article talks about (an op-ed, an editorial)."""

    key: str  # stable identity across inputs: headline if known, else outlet + kind
    headline: str | None = None
    opinion: bool = False
    publisher: EntityRef | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Publication:
    """An outlet published an article: this one (metadata) or a mentioned one."""

    outlet: EntityRef
    mentioned: MentionedArticle | None = None  # None: the ingested article itself
    evidence: Span | None = None  # None when it comes from metadata
    confidence: float = 1.0


@dataclass(frozen=True)
class Topic:
    """An event, or a statement or decision with no named maker, that an official reacts to
    ("the GOP debates", "the report"): one node per mention, labelled with its noun phrase's
    head words ("GOP debates", "grave threat" for 'a "grave threat" to ...')."""

    span: Span
    kind: Literal["event", "statement"]
    label: str


@dataclass(frozen=True)
class Reaction:
    """An official or official body reacting to something."""

    agent: EntityRef
    evidence: Span
    cue: str
    target_entity: EntityRef | None = None
    target_article: MentionedArticle | None = None
    target_quote: Quote | None = None
    target_topic: Topic | None = None
    stance: Stance = "react"
    derived_from: Quote | None = None  # the quote that carries the reaction
    confidence: float = 1.0
    shape: str = "verb-object"  # which rule found it (docs/reactions.md); not written to RDF


@dataclass(frozen=True)
class ArticleFacts:
    """Everything extracted from one article: the unit workers send back."""

    article_id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    authors: tuple[str, ...] = ()
    content_hash: str = ""
    entities: tuple[Entity, ...] = field(default_factory=tuple)
    mentions: tuple[Mention, ...] = field(default_factory=tuple)
    quotes: tuple[Quote, ...] = field(default_factory=tuple)
    publications: tuple[Publication, ...] = field(default_factory=tuple)
    reactions: tuple[Reaction, ...] = field(default_factory=tuple)
