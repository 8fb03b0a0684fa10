"""Records become triples, exactly as the data model says; only this stage knows IRIs."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.extract.records import (
    ArticleFacts,
    Entity,
    EntityRef,
    MentionedArticle,
    Quote,
    Span,
    Topic,
)
from kg.rdf import iris
from kg.rdf.namespaces import DCTERMS, GAF, ITSRDF, NIF, NKG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

Triple = tuple[Node, Node, Node]

_ENTITY_TYPES = {
    "person": (SCHEMA.Person,),
    "org": (SCHEMA.Organization,),
    "gov": (SCHEMA.Organization, SCHEMA.GovernmentOrganization),
    "outlet": (SCHEMA.Organization, SCHEMA.NewsMediaOrganization),
    "place": (SCHEMA.Place,),
}
_TOPIC_TYPES = {"event": SCHEMA.Event, "statement": NKG.Statement}
_STANCE_TYPES = {"react": SCHEMA.ReactAction, "agree": SCHEMA.AgreeAction,
                 "disagree": SCHEMA.DisagreeAction}


def _decimal(value: float) -> Literal:
    return Literal(f"{max(0.0, min(1.0, value)):.3f}", datatype=XSD.decimal)


class _ArticleTriples:
    """Accumulates one article's triples; helpers keep each fact's shape in one place."""

    def __init__(self, facts: ArticleFacts, base: str) -> None:
        self.facts = facts
        self.base = base
        self.article = iris.article_iri(base, facts.article_id)
        self.out: list[Triple] = []
        self._seen_entities: set[EntityRef] = set()

    def add(self, s: Node, p: Node, o: Node) -> None:
        self.out.append((s, p, o))

    def span(self, span: Span) -> URIRef:
        node = iris.span_iri(self.base, self.facts.article_id, span.begin, span.end)
        self.add(node, RDF.type, NIF.OffsetBasedString)
        self.add(node, NIF.beginIndex, Literal(span.begin, datatype=XSD.nonNegativeInteger))
        self.add(node, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger))
        self.add(node, NIF.anchorOf, Literal(self.facts.text[span.begin:span.end]))
        self.add(node, NIF.referenceContext, self.article)
        return node

    def entity_node(self, ref: EntityRef) -> URIRef:
        node = iris.entity_iri(self.base, ref)
        if ref not in self._seen_entities:
            self._seen_entities.add(ref)
            for rdf_type in _ENTITY_TYPES[ref.kind]:
                self.add(node, RDF.type, rdf_type)
            self.add(node, RDFS.label, Literal(ref.name))
        return node

    def entity(self, entity: Entity) -> None:
        node = self.entity_node(entity.ref)
        for alt in entity.alt_labels:
            if alt != entity.ref.name:
                self.add(node, SKOS.altLabel, Literal(alt))
        if entity.job_title:
            self.add(node, SCHEMA.jobTitle, Literal(entity.job_title))
        if entity.affiliation:
            self.add(node, SCHEMA.affiliation, self.entity_node(entity.affiliation))
        if entity.official:
            self.add(node, RDF.type, NKG.Official)
        if entity.described:
            self.add(node, RDF.type, NKG.DescribedEntity)

    def topic(self, topic: Topic) -> URIRef:
        node = iris.topic_iri(self.base, self.facts.article_id, topic.span.begin,
                              topic.span.end)
        self.add(node, RDF.type, _TOPIC_TYPES[topic.kind])
        self.add(node, RDFS.label, Literal(topic.label))
        self.add(node, GAF.denotedBy, self.span(topic.span))
        return node

    def mentioned_article(self, mentioned: MentionedArticle) -> URIRef:
        node = iris.mentioned_article_iri(self.base, mentioned)
        self.add(node, RDF.type, SCHEMA.NewsArticle)
        if mentioned.opinion:
            self.add(node, RDF.type, SCHEMA.OpinionNewsArticle)
        if mentioned.headline:
            self.add(node, SCHEMA.headline, Literal(mentioned.headline))
        for span in mentioned.mentions:
            span_node = self.span(span)
            self.add(span_node, ITSRDF.taIdentRef, node)
            self.add(node, GAF.denotedBy, span_node)
        self.add(self.article, SCHEMA.mentions, node)
        return node

    def quote(self, quote: Quote) -> URIRef:
        speaker = self.entity_node(quote.speaker) if quote.speaker else None
        node = iris.quote_iri(self.base, quote.span.text, speaker)
        self.add(node, RDF.type, SCHEMA.Quotation)
        self.add(node, RDF.type, NKG.DirectQuote if quote.direct else NKG.IndirectQuote)
        self.add(node, SCHEMA.text, Literal(quote.span.text))
        occurrence = self.span(quote.span)
        self.add(node, GAF.denotedBy, occurrence)
        self.add(occurrence, NKG.confidence, _decimal(quote.confidence))
        if quote.cue:
            self.add(occurrence, NKG.cue, Literal(quote.cue))
        if quote.cue_span:
            self.add(occurrence, NKG.cueSpan, self.span(quote.cue_span))
        if speaker is not None:
            self.add(speaker, NKG.said, node)
            self.add(node, SCHEMA.creator, speaker)
        if quote.speaker_mention is not None:
            mention = self.span(quote.speaker_mention)
            self.add(occurrence, NKG.speakerMention, mention)
            if speaker is not None:
                self.add(mention, ITSRDF.taIdentRef, speaker)
        if quote.channel is not None:
            self.add(occurrence, NKG.channel, self.entity_node(quote.channel))
        return node

    def build(self) -> list[Triple]:
        facts, article = self.facts, self.article
        self.add(article, RDF.type, SCHEMA.NewsArticle)
        self.add(article, RDF.type, NIF.Context)
        self.add(article, DCTERMS.identifier, Literal(facts.article_id))
        self.add(article, NIF.isString, Literal(facts.text))
        if facts.content_hash:
            self.add(article, NKG.contentHash, Literal(facts.content_hash))
        if facts.title:
            self.add(article, SCHEMA.headline, Literal(facts.title))
        if facts.url:
            self.add(article, SCHEMA.url, Literal(facts.url, datatype=XSD.anyURI))
        if facts.date:
            self.add(article, SCHEMA.datePublished, Literal(facts.date, datatype=XSD.date))
        for author in facts.authors:
            self.add(article, SCHEMA.author, self.entity_node(EntityRef("person", author)))
        for entity in facts.entities:
            self.entity(entity)
        for mention in facts.mentions:
            node = self.entity_node(mention.entity)
            span = self.span(mention.span)
            self.add(span, ITSRDF.taIdentRef, node)
            self.add(node, GAF.denotedBy, span)
            self.add(article, SCHEMA.mentions, node)
        for quote in facts.quotes:
            self.quote(quote)
        for publication in facts.publications:
            outlet = self.entity_node(publication.outlet)
            target = (self.mentioned_article(publication.mentioned)
                      if publication.mentioned else article)
            self.add(outlet, NKG.published, target)
            self.add(target, SCHEMA.publisher, outlet)
            if publication.evidence is not None:
                self.add(target, NKG.publicationEvidence, self.span(publication.evidence))
        for reaction in facts.reactions:
            agent = self.entity_node(reaction.agent)
            if reaction.target_article is not None:
                target = self.mentioned_article(reaction.target_article)
            elif reaction.target_quote is not None:
                target = self.quote(reaction.target_quote)
            elif reaction.target_topic is not None:
                target = self.topic(reaction.target_topic)
            elif reaction.target_entity is not None:
                target = self.entity_node(reaction.target_entity)
            else:
                continue
            node = iris.reaction_iri(self.base, facts.article_id, reaction.evidence.begin,
                                     reaction.evidence.end, agent)
            self.add(agent, NKG.reactedTo, target)
            self.add(node, RDF.type, _STANCE_TYPES[reaction.stance])
            self.add(node, SCHEMA.agent, agent)
            self.add(node, SCHEMA.object, target)
            self.add(node, NKG.cue, Literal(reaction.cue))
            self.add(node, NKG.confidence, _decimal(reaction.confidence))
            self.add(node, GAF.denotedBy, self.span(reaction.evidence))
            if reaction.derived_from is not None:
                self.add(node, PROV.wasDerivedFrom, self.quote(reaction.derived_from))
        return self.out


def article_triples(facts: ArticleFacts, base: str) -> list[Triple]:
    """All triples one article contributes (they go into its named graph)."""
    return _ArticleTriples(facts, base).build()


def article_quads(facts: ArticleFacts, base: str) -> Iterator[tuple[Node, Node, Node, URIRef]]:
    graph = iris.article_graph_iri(base, facts.article_id)
    for s, p, o in dict.fromkeys(article_triples(facts, base)):
        yield s, p, o, graph
