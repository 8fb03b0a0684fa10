"""Which person nodes in the whole graph are shortenings of one fuller name.

Pure: person nodes in (name, gender, office words, mention count), a mapping short -> full
out, by node key. A name merges only when exactly one fullest name extends it once honorific
gender and title have ruled out the others ("Mrs. Clinton" is not Bill Clinton, "President
Clinton" not Hillary), or when one candidate is named at least ``DOMINANCE`` times as often
as all the others together. A bare surname never means a "Jr." while its father is a
candidate, and "Dr. Biden" never means a Biden the graph does not call a doctor. Nodes of one
full name are one person, except where their middle initials differ ("Paul S. Ryan" is not
"Paul D. Ryan"), or where one has a middle initial the other lacks and one is an official
while the other only works for organisations outside government ("Paul S. Ryan" of the
Campaign Legal Center is not the Speaker "Paul Ryan").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.names import generation, initials, name_words, shortens
from kg.extract.offices import DOCTOR

DOMINANCE = 10


@dataclass(frozen=True)
class PersonNode:
    """What the graph knows of one person node that resolution needs."""

    name: str
    gender: str | None = None  # 'm' / 'f', from an honorific or a first name
    titles: frozenset[str] = frozenset()  # office words, normalised (kg.extract.entities)
    mentions: int = 1
    key: str = field(default="")  # the node's identity (its IRI); the name when empty
    # True: the graph calls the person an official; False: never, and affiliates them only
    # with organisations outside government (a lawyer at the Campaign Legal Center); None:
    # neither (no affiliation, or a government body's former office holder)
    office: bool | None = None

    @property
    def id(self) -> str:
        return self.key or self.name


def surname_key(name: str) -> str | None:
    """The key names are compared within: a longer form of a name ends with the same word."""
    words = name_words(name)
    return words[-1].lower() if words else None


@lru_cache(maxsize=1 << 16)
def _longer(short: str, full: str) -> bool:
    """``full`` is a longer form of ``short``. Cached: the candidates of every short name
    of a surname group are compared with each other again (777,000 calls in one settle of
    100 articles into 10,100)."""
    return len(name_words(full)) > len(name_words(short)) and shortens(short, full)


def _fits(short: PersonNode, full: PersonNode) -> bool:
    """Honorific gender and office words must not contradict; a bare name with a title only
    goes to someone the graph gives that title."""
    if short.gender and full.gender and short.gender != full.gender:
        return False
    return not short.titles or bool(short.titles & full.titles)


def person_merges(people: Iterable[PersonNode | str]) -> dict[str, str]:
    """Map the id of each node whose name shortens exactly one fitting fullest other name to
    that node's id.

    A longer form always ends with the same word, so names are compared only within
    their surname's group (not every name with every other)."""
    by_surname: dict[str, list[PersonNode]] = defaultdict(list)
    for person in people:
        node = PersonNode(person) if isinstance(person, str) else person
        if key := surname_key(node.name):
            by_surname[key].append(node)
    merges: dict[str, str] = {}
    for known in by_surname.values():
        same, known = _same_full_names(known)
        merges.update(same)
        merges.update(_merges_among(known))
    return {short: _final(merges, full) for short, full in merges.items()}


def _final(merges: dict[str, str], node: str) -> str:
    """The node a chain of merges ends in: "Donald J. Trump" joins "Donald Trump", which joins
    "Donald John Trump"; renaming one step only would leave the middle node's IRI holding the
    first one's facts, unlabelled."""
    seen = {node}
    while node in merges and merges[node] not in seen:
        node = merges[node]
        seen.add(node)
    return node


def _same_full_names(known: list[PersonNode]) -> tuple[dict[str, str], list[PersonNode]]:
    """Nodes with one full name (two words or more, case aside) are one person: their IRIs
    differ only where a title or a caption word was minted into one ("President Donald
    Trump", labelled "Donald Trump" later), and they would otherwise split every shorter form
    between them. Each goes to the most mentioned of them whose gender it fits; the group is
    then that node, with everyone's titles and mentions. (A first name alone stays in its
    article: one word is never a full name.)"""
    by_name: dict[str, list[PersonNode]] = defaultdict(list)
    for node in known:
        if len(name_words(node.name)) > 1:
            by_name[" ".join([*name_words(node.name), generation(node.name) or ""]).lower()
                    ].append(node)  # ("Donald Trump Jr." is not Donald Trump)
    merges: dict[str, str] = {}
    collapsed: dict[str, PersonNode] = {}
    for nodes in by_name.values():
        top = max(nodes, key=lambda n: (n.mentions, n.id))
        middle = _middle_initials(nodes, top)
        joined = [n for n in nodes if n is top or not (
            n.gender and top.gender and n.gender != top.gender)
            and initials(n.name) in ((), middle)
            and not (initials(n.name) != initials(top.name) and _other_work(n, top))]
        if len(joined) < 2:
            continue
        merges.update({n.id: top.id for n in joined if n is not top})
        offices = {n.office for n in joined} - {None}
        collapsed[top.id] = PersonNode(top.name, next((n.gender for n in joined if n.gender),
                                                      None),
                                       frozenset().union(*(n.titles for n in joined)),
                                       sum(n.mentions for n in joined), top.key,
                                       (True in offices) if offices else None)
    rest = [collapsed.get(n.id, n) for n in known if n.id not in merges]
    return merges, rest


def _other_work(one: PersonNode, other: PersonNode) -> bool:
    """One is an official, the other only ever works for organisations outside government:
    "Paul S. Ryan" of the Campaign Legal Center is not the Speaker "Paul Ryan" whose middle
    initial the texts leave out (a middle initial alone does not tell, where the graph has
    no "Paul D. Ryan"). A job title alone tells too little: "Former National Security
    Adviser Susan E. Rice" is no official, and still the ambassador Susan Rice."""
    return one.office is not None and other.office is not None and one.office != other.office


def _middle_initials(nodes: list[PersonNode], top: PersonNode) -> tuple[str, ...] | None:
    """The middle initials the group's person goes by: the top node's, else those named at
    least ``DOMINANCE`` times as often as any other initials ("Paul D. Ryan", the speaker,
    beside a few "Paul S. Ryan", a lawyer); None when no initials stand out (only the nodes
    without initials then join)."""
    if initials(top.name):
        return initials(top.name)
    counts: dict[tuple[str, ...], int] = defaultdict(int)
    for node in nodes:
        if initials(node.name):
            counts[initials(node.name)] += node.mentions
    if not counts:
        return None
    best = max(counts, key=counts.__getitem__)
    rest = sum(n for i, n in counts.items() if i != best)
    return best if counts[best] >= DOMINANCE * rest else None


def _merges_among(known: list[PersonNode]) -> dict[str, str]:
    merges: dict[str, str] = {}
    for node in known:
        longer = [f for f in known if _longer(node.name, f.name) and _fits(node, f)]
        untitled = node.titles and not longer
        if untitled:  # a title nobody in the graph holds: only a dominant candidate may take it
            # ("Dr." is no office: a doctor stays a doctor)
            evidence = PersonNode(node.name, node.gender, node.titles & {DOCTOR})
            longer = [f for f in known if _longer(node.name, f.name) and _fits(evidence, f)]
        if len(node.name.split()) == 1 and any(not generation(f.name) for f in longer):
            longer = [f for f in longer if not generation(f.name)]
        fullest = [f for f in longer if not any(_longer(f.name, g.name) for g in longer)]
        if len(fullest) > 1 or untitled and fullest:
            top = max(fullest, key=lambda f: f.mentions)
            rest = sum(f.mentions for f in fullest if f is not top)
            fullest = [top] if top.mentions >= DOMINANCE * rest else fullest
        if len(fullest) == 1:
            merges[node.id] = fullest[0].id
    return merges
