"""Scoring official-reacted-to facts against hand annotations (tests/data/reaction_gold).

The system side is the resolved graph of the gold articles (``build_gold_store``): every
reaction node with its agent, target, stance and evidence span. A system reaction is right
when one unmatched gold reaction of the same article has overlapping evidence, the same agent
(the agent node's label is the gold name, or one of its mentions in the article overlaps the
gold ``agent_mention``) and the same target (the target node's label, or its maker's, is the
gold target or ``target_maker``, or one of its mentions overlaps ``target_mention``). A topic
target (an event or unattributed statement node, labelled with its own noun phrase) can only
match by mention, and only a gold target that is an event, statement, decision or article:
its phrase may contain a person's name without being that person. Stance
is scored over the matched pairs. The README of the gold folder defines the shapes.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from kg.eval.entities import DEFAULT_TEXTS, build_gold_store

SHAPES = ("verb-object", "response", "said-of", "called-x", "quote-cue", "statement-about")
_STANCES = {"ReactAction": "react", "AgreeAction": "agree", "DisagreeAction": "disagree"}
_REACTIONS = """SELECT ?type ?id ?b ?e ?agent ?target WHERE {
  ?r schema:agent ?agent ; schema:object ?target ; a ?type ; gaf:denotedBy ?s .
  ?agent nkg:reactedTo ?target .
  ?s nif:beginIndex ?b ; nif:endIndex ?e ; nif:referenceContext ?a . ?a dcterms:identifier ?id
  VALUES ?type { schema:ReactAction schema:AgreeAction schema:DisagreeAction } }"""
_NAMES = """SELECT ?n ?name WHERE { { ?n rdfs:label ?name } UNION { ?n schema:headline ?name }
  UNION { ?n schema:creator|schema:publisher ?m . ?m rdfs:label ?name } }"""
_TOPICS = "SELECT ?n WHERE { VALUES ?t { schema:Event nkg:Statement } ?n a ?t }"
_TOPIC_KINDS = {"event", "statement", "decision", "article"}
_SPANS = """SELECT ?n ?id ?b ?e WHERE { ?n gaf:denotedBy ?s . ?s nif:beginIndex ?b ;
  nif:endIndex ?e ; nif:referenceContext ?a . ?a dcterms:identifier ?id }"""


@dataclass(frozen=True)
class SystemReaction:
    """One reaction node as the graph holds it, with what is needed to compare it."""

    article: str
    evidence: tuple[int, int]
    stance: str
    shape: str
    agent_names: frozenset[str]
    agent_spans: tuple[tuple[int, int], ...]
    target_names: frozenset[str]
    target_spans: tuple[tuple[int, int], ...]
    target_topic: bool = False  # an event or statement node, not an entity or article


@dataclass
class ReactionScore:
    """Counts per shape (gold shape for recall, system shape for precision) and errors."""

    gold: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)  # gold reactions matched, by gold shape
    system: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)  # system reactions matched, by own shape
    stance_right: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    stance_wrong: list[str] = field(default_factory=list)

    @property
    def matched(self) -> int:
        return sum(self.found.values())

    def figures(self, shape: str | None = None) -> tuple[float, float]:
        """(precision, recall) for one shape or overall."""
        pick = (lambda c: c[shape]) if shape else (lambda c: sum(c.values()))
        precision = pick(self.right) / pick(self.system) if pick(self.system) else 0.0
        recall = pick(self.found) / pick(self.gold) if pick(self.gold) else 0.0
        return precision, recall

    @property
    def stance_accuracy(self) -> float:
        return self.stance_right / self.matched if self.matched else 0.0


def _overlaps(a: tuple[int, int], b: tuple[int, int] | list) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _norm(name: str | None) -> str:
    return " ".join((name or "").lower().split())


def is_match(system: SystemReaction, gold: dict) -> bool:
    """Whether a system reaction states a gold reaction: evidence, agent and target agree."""
    if not _overlaps(system.evidence, gold["evidence"]):
        return False
    agent_right = _norm(gold["agent"]) in system.agent_names or any(
        _overlaps(s, gold["agent_mention"]) for s in system.agent_spans)
    mention_right = any(_overlaps(s, gold["target_mention"]) for s in system.target_spans)
    if system.target_topic:
        return agent_right and mention_right and gold["target_kind"] in _TOPIC_KINDS
    names = {_norm(gold["target"]), _norm(gold.get("target_maker"))} - {""}
    target_right = bool(names & system.target_names) or mention_right
    return agent_right and target_right


def score_article(gold: dict, text: str, system: list[SystemReaction],
                  score: ReactionScore) -> None:
    """Match one article's system reactions to its gold ones (each gold at most once)."""
    left = list(enumerate(gold["reactions"]))
    for g in gold["reactions"]:
        score.gold[g["shape"]] += 1
    for reaction in sorted(system, key=lambda r: r.evidence):
        score.system[reaction.shape] += 1
        hit = next((i for i, (_, g) in enumerate(left) if is_match(reaction, g)), None)
        if hit is None:
            b, e = reaction.evidence
            score.wrong.append(f"{gold['article']} [{reaction.shape}] "
                               f"{sorted(reaction.agent_names)} -> "
                               f"{sorted(reaction.target_names)}: {text[b:e]!r}")
            continue
        _, g = left.pop(hit)
        score.right[reaction.shape] += 1
        score.found[g["shape"]] += 1
        score.stance_right += g["stance"] == reaction.stance
        if g["stance"] != reaction.stance:
            score.stance_wrong.append(f"{gold['article']} {reaction.stance} for {g['stance']} "
                                      f"({g['cue']!r}): {g['evidence'][2]!r}")
    for _, g in left:
        score.missed.append(f"{gold['article']} [{g['shape']}] {g['agent']} -> {g['target']} "
                            f"({g['stance']}, {g['cue']!r}): {g['evidence'][2]!r}")


def system_reactions(facts: dict, dataset) -> dict[str, list[SystemReaction]]:
    """The reaction nodes of the resolved store, by article id; the shape comes from the
    extraction record with the same evidence span."""
    names: dict = defaultdict(set)
    for node, name in dataset.query(_NAMES):
        names[node].add(_norm(str(name)))
    spans: dict = defaultdict(list)
    for node, article, b, e in dataset.query(_SPANS):
        spans[(node, str(article))].append((int(b), int(e)))
    topics = {node for (node,) in dataset.query(_TOPICS)}
    out: dict[str, list[SystemReaction]] = defaultdict(list)
    for rdf_type, article, b, e, agent, target in dataset.query(_REACTIONS):
        article, evidence = str(article), (int(b), int(e))
        shape = next((r.shape for r in facts[article].reactions
                      if (r.evidence.begin, r.evidence.end) == evidence), "verb-object")
        out[article].append(SystemReaction(
            article, evidence, _STANCES[str(rdf_type).rsplit("/", 1)[-1]], shape,
            frozenset(names[agent]), tuple(spans[(agent, article)]),
            frozenset(names[target]), tuple(spans[(target, article)]), target in topics))
    return out


def read_reaction_gold(gold_dir: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]


def evaluate_reactions(gold_dir: Path, nlp: Language,
                       polnear: Path = DEFAULT_TEXTS.parent.parent) -> tuple[ReactionScore,
                                                                             set[str]]:
    """Build each split's gold articles into a resolved store and score its reactions;
    returns the score and the splits seen."""
    gold = read_reaction_gold(gold_dir)
    score = ReactionScore()
    splits = sorted({g["split"] for g in gold})
    for split in splits:
        part = [g for g in gold if g["split"] == split]
        facts, dataset = build_gold_store(part, nlp, polnear / split / "text")
        found = system_reactions(facts, dataset)
        for doc in part:
            score_article(doc, facts[doc["article"]].text, found.get(doc["article"], []),
                          score)
    return score, set(splits)


def format_reaction_report(score: ReactionScore, errors: int = 0) -> str:
    lines = [f"{'shape':<16}{'gold':>6}{'recall':>8}{'system':>8}{'precision':>11}"]
    for shape in (*SHAPES, None):
        precision, recall = score.figures(shape)
        gold = score.gold[shape] if shape else sum(score.gold.values())
        system = score.system[shape] if shape else sum(score.system.values())
        lines.append(f"{shape or 'overall':<16}{gold:>6}{recall:>8.3f}{system:>8}"
                     f"{precision:>11.3f}")
    lines.append(f"stance right on {score.stance_accuracy:.3f} of {score.matched} matched")
    lines += [f"  missed: {m}" for m in score.missed[:errors]]
    lines += [f"  wrong:  {w}" for w in score.wrong[:errors]]
    lines += [f"  stance: {w}" for w in score.stance_wrong[:errors]]
    return "\n".join(lines)
