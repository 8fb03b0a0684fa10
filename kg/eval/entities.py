"""Scoring entity resolution, labels, speakers, officials and roles against hand annotations.

Gold files (tests/data/entity_gold/NAME.json, format in docs/entities.md) name the entity
of every annotated person and outlet mention; the same gold name in two articles is the same
real-world entity. The system side is the resolved graph of those articles (built, then
``resolve_store``), so cross-article merges are scored too. Merges are scored pairwise over
gold mentions: a pair the system puts in one node is right when gold does too; a gold
mention the system missed loses its pairs from recall.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from spacy.language import Language

from kg.eval.brat import read_gold
from kg.extract.facts import extract_facts
from kg.ingest import read_articles
from kg.ingest.metadata import read_metadata
from kg.rdf.namespaces import DEFAULT_BASE

DEFAULT_TEXTS = Path(__file__).resolve().parents[2].parent / "shared" / "polnear" / "dev" / "text"
_SPANS = """SELECT ?id ?b ?e ?entity WHERE {
  VALUES ?t { schema:Person schema:NewsMediaOrganization }
  ?entity a ?t ; gaf:denotedBy ?s . ?s nif:beginIndex ?b ; nif:endIndex ?e ;
  nif:referenceContext ?a . ?a dcterms:identifier ?id }"""


def _pairs(sizes: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def _gold_mentions(gold: list[dict]) -> list[tuple[str, int, int, str]]:
    return [(g["article"], b, e, ent["name"]) for g in gold for ent in g["entities"]
            for b, e, _ in ent["mentions"]]


def _system_at(spans: dict[str, list[tuple[int, int, str]]], article: str, begin: int,
               end: int) -> str | None:
    """The system entity of the longest mention overlapping a gold mention."""
    best = None
    for b, e, entity in spans.get(article, []):
        overlap = min(e, end) - max(b, begin)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, entity)
    return best[1] if best else None


def merge_scores(gold: list[dict], spans: dict[str, list[tuple[int, int, str]]],
                 within_article: bool) -> dict[str, float]:
    """Pairwise precision and recall of 'these two mentions are one entity'."""
    mentions = _gold_mentions(gold)
    scope = (lambda m: m[0]) if within_article else (lambda m: "")
    gold_sizes: Counter = Counter((scope(m), m[3]) for m in mentions)
    system, both = Counter(), Counter()
    for m in mentions:
        entity = _system_at(spans, m[0], m[1], m[2])
        if entity is not None:
            system[(scope(m), entity)] += 1
            both[(scope(m), entity, m[3])] += 1
    right = _pairs(both)
    found, expected = _pairs(system), _pairs(gold_sizes)
    return {"precision": right / found if found else 0.0,
            "recall": right / expected if expected else 0.0,
            "pairs_gold": expected, "pairs_system": found}


def _gold_name_of(gold_doc: dict, mentions: list[tuple[int, int]]) -> str | None:
    votes: Counter = Counter()
    for ent in gold_doc["entities"]:
        for b, e, _ in ent["mentions"]:
            if any(min(e, e2) > max(b, b2) for b2, e2 in mentions):
                votes[ent["name"]] += 1
    return votes.most_common(1)[0][0] if votes else None


def _role_scores(gold: list[dict], facts_by_id: dict) -> dict[str, float]:
    """Share of the job titles the system gives annotated people that the gold accepts."""
    roles_right = roles_all = 0
    for doc in gold:
        facts = facts_by_id[doc["article"]]
        spans_of: dict = {}
        for mention in facts.mentions:
            spans_of.setdefault(mention.entity, []).append((mention.span.begin,
                                                            mention.span.end))
        for entity in facts.entities:
            if not entity.job_title or entity.ref.kind != "person":
                continue
            name = _gold_name_of(doc, spans_of.get(entity.ref, []))
            gold_entity = next((e for e in doc["entities"] if e["name"] == name), None)
            if gold_entity is None:
                continue
            roles_all += 1
            roles_right += entity.job_title.lower() in {r.lower() for r in gold_entity["roles"]}
    return {"role_precision": roles_right / roles_all if roles_all else 0.0,
            "roles": roles_all}


_PEOPLE = """SELECT ?entity ?label ?official ?id ?b ?e WHERE {
  ?entity a schema:Person ; rdfs:label ?label ; gaf:denotedBy ?s .
  ?s nif:beginIndex ?b ; nif:endIndex ?e ; nif:referenceContext ?a . ?a dcterms:identifier ?id
  BIND (EXISTS { ?entity a nkg:Official } AS ?official) }"""
_OCCURRENCES = """SELECT ?id ?b ?e ?speaker WHERE {
  ?speaker nkg:said ?q . ?q gaf:denotedBy ?s .
  ?s nif:beginIndex ?b ; nif:endIndex ?e ; nif:referenceContext ?a ;
     nkg:speakerMention/itsrdf:taIdentRef ?speaker . ?a dcterms:identifier ?id }"""


def _words(text: str) -> set[str]:
    return {w.strip(".,'’") for w in text.split()} - {""}


def _node_people(gold: list[dict], dataset) -> dict[str, dict]:
    """Each person node of the entity-annotated articles: its label, whether it is typed
    official, and the gold people its mentions overlap (with counts)."""
    gold_by_id = {g["article"]: g for g in gold if g.get("scope") != "reactions"}
    nodes: dict[str, dict] = {}
    for entity, label, official, article, b, e in dataset.query(_PEOPLE):
        doc = gold_by_id.get(str(article))
        if doc is None:
            continue
        node = nodes.setdefault(str(entity), {"label": str(label), "people": Counter(),
                                              "official": bool(official.toPython())})
        name = _gold_name_of(doc, [(int(b), int(e))])
        if name is not None:
            node["people"][name] += 1
    return nodes


def label_scores(gold: list[dict], nodes: dict[str, dict]) -> dict[str, float]:
    """Share of person nodes whose label is a clean name of one real person: every gold
    mention the node holds is one person's, and every word of the label is a word of that
    person's name as the gold gives it (name or surface forms, case kept)."""
    forms: dict[str, set[str]] = {}
    for doc in gold:
        for ent in doc["entities"]:
            if ent["kind"] == "person":
                known = forms.setdefault(ent["name"], _words(ent["name"]))
                for *_, surface in ent["mentions"]:
                    known |= _words(surface)
    right = 0
    wrong: list[str] = []
    for node in nodes.values():
        people = node["people"]
        person = next(iter(people)) if len(people) == 1 else None
        if person in forms and _words(node["label"]) <= forms[person]:
            right += 1
        else:
            wrong.append(f"{node['label']} ({', '.join(people) or 'no gold person'})")
    return {"label_precision": right / len(nodes) if nodes else 0.0, "person_nodes": len(nodes),
            "bad_labels": sorted(wrong)}


def _majority(node: dict | None) -> str | None:
    return node["people"].most_common(1)[0][0] if node and node["people"] else None


def _gold_source_person(doc: dict, text: str, source: tuple[tuple[int, int], ...]) -> str | None:
    """The real person a PolNeAR Source span names: the first gold person mention in it that
    is not a modifier ("Clinton communication director Jennifer Palmieri" is Palmieri,
    "Trump lawyer Marc Kasowitz" Kasowitz), or the annotated referent of a pronoun or
    description (``sources``)."""
    if not source:
        return None
    inside = sorted((b, e, ent["name"]) for ent in doc["entities"] if ent["kind"] == "person"
                    for b, e, _ in ent["mentions"]
                    if any(b2 <= b and e <= e2 for b2, e2 in source))
    end = max(e for _, e in source)
    # a head is followed by the end of the source, a comma, a bracket or a dash (not by a
    # noun it modifies or a possessive)
    heads = [m for m in inside if m[1] >= end or re.match(r"\s*[,(–—]|\s+--", text[m[1]:m[1] + 3])]
    if heads or inside:
        return (heads or inside)[0][2]
    for b, e, _, person in doc.get("sources", []):
        if any(min(e, e2) > max(b, b2) for b2, e2 in source):
            return person
    return None


def speaker_scores(gold: list[dict], dataset, nodes: dict[str, dict],
                   attributions: dict[str, list], texts: dict[str, str]) -> dict[str, float]:
    """Share of system quote occurrences, matched to a gold attribution whose source is one
    person, whose speaker node is that person (the node's majority gold person)."""
    gold_by_id = {g["article"]: g for g in gold if g.get("scope") != "reactions"}
    right = matched = 0
    for article, b, e, speaker in dataset.query(_OCCURRENCES):
        doc = gold_by_id.get(str(article))
        if doc is None:
            continue
        begin, end = int(b), int(e)
        best = max(attributions.get(str(article), []), default=None,
                   key=lambda a: min(end, a.end) - max(begin, a.begin))
        if best is None or min(end, best.end) <= max(begin, best.begin):
            continue
        person = _gold_source_person(doc, texts[str(article)], best.source)
        if person is None:
            continue
        matched += 1
        right += _majority(nodes.get(str(speaker))) == person
    return {"speaker_entity_accuracy": right / matched if matched else 0.0,
            "speaker_quotes": matched}


def official_scores(gold: list[dict], nodes: dict[str, dict]) -> dict[str, float]:
    """Share of person nodes typed nkg:Official that are officials by the gold."""
    flags = {ent["name"]: ent["official"] for doc in gold for ent in doc["entities"]
             if "official" in ent}
    judged = [flags[p] for node in nodes.values() if node["official"]
              and (p := _majority(node)) in flags]
    return {"official_precision": sum(judged) / len(judged) if judged else 0.0,
            "officials": len(judged)}


def build_gold_store(gold: list[dict], nlp: Language, texts: Path = DEFAULT_TEXTS):
    """The facts of every gold article and the resolved store built from them (with the
    corpus's metadata table when it has one, as a user would build it)."""
    from kg.nlp import parse
    from kg.pipeline import settle, store_facts
    from kg.store import open_store

    paths = [texts / f"{g['article']}.txt" for g in gold]
    table = texts.parent.parent / "metadata.tsv"  # PolNeAR's: headlines, outlets, dates
    articles = list(read_articles(paths, [], metadata=read_metadata(table)
                                  if table.exists() else None))
    docs = parse((a.text for a in articles), nlp)
    facts = {a.id: extract_facts(doc, a) for doc, a in zip(docs, articles)}
    dataset = open_store(None)
    for article_facts in facts.values():
        store_facts(dataset, article_facts, DEFAULT_BASE)
    settle(dataset, DEFAULT_BASE)
    return facts, dataset


def evaluate_entities(gold_dir: Path, nlp: Language, texts: Path = DEFAULT_TEXTS) -> dict:
    """Merge precision/recall (all pairs and within articles), labels, speakers, officials and
    roles (reactions: ``kg eval --reactions``)."""
    gold = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    facts, dataset = build_gold_store(gold, nlp, texts)
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for article, b, e, entity in dataset.query(_SPANS):
        spans.setdefault(str(article), []).append((int(b), int(e), str(entity)))
    entity_gold = [g for g in gold if g.get("scope") != "reactions"]
    nodes = _node_people(gold, dataset)
    annotated = [a for a in read_gold(texts.parent) if a.name in facts]
    attributions = {a.name: list(a.attributions) for a in annotated}
    return {"articles": len(gold),
            "entity_articles": len(entity_gold),
            "merge": merge_scores(entity_gold, spans, within_article=False),
            "merge_within_article": merge_scores(entity_gold, spans, within_article=True),
            **label_scores(entity_gold, nodes),
            **speaker_scores(gold, dataset, nodes, attributions,
                             {a.name: a.text for a in annotated}),
            **official_scores(entity_gold, nodes),
            **_role_scores(entity_gold, facts)}


def format_entity_report(scores: dict, show_labels: int = 0) -> str:
    merge, within = scores["merge"], scores["merge_within_article"]
    lines = [
        f"entity gold: {scores['articles']} articles ({scores['entity_articles']} with entity "
        f"clusters and roles)",
        f"merges (all pairs):      precision {merge['precision']:.3f}  recall "
        f"{merge['recall']:.3f}  ({merge['pairs_gold']} gold pairs)",
        f"merges (within article): precision {within['precision']:.3f}  recall "
        f"{within['recall']:.3f}  ({within['pairs_gold']} gold pairs)",
        f"labels:    precision {scores['label_precision']:.3f}  ({scores['person_nodes']} "
        f"person nodes)",
        f"speakers:  entity accuracy {scores['speaker_entity_accuracy']:.3f}  "
        f"({scores['speaker_quotes']} quotes matched to a gold person source)",
        f"officials: precision {scores['official_precision']:.3f}  ({scores['officials']} "
        f"judged)",
        f"roles:     precision {scores['role_precision']:.3f}  ({scores['roles']} system roles)",
    ]
    lines += [f"  bad label: {label}" for label in scores["bad_labels"][:show_labels]]
    return "\n".join(lines)
