"""Outlet-published-article facts: from the input metadata, and from the text.

In the text an article is introduced with its outlet ("a New York Times op-ed", "an op-ed
in The New York Times", "The Times ... took the rare step of publishing an op-ed", "wrote in
The Atlantic") and later referred to ("the op-ed", "the piece", "the Times piece"); all those
spans go to one ``MentionedArticle``. Its key is the headline when the text gives one, else
outlet, kind and the citing article's date, so the same op-ed cited by several inputs is one
node (kg.resolve joins headline-less keys to the headline once the store knows it).
Speech channels ("told CNN", "in an interview with Fox News") are not publications.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.extract.doctext import doc_text
from kg.extract.outlets import outlet_name
from kg.extract.records import EntityRef, MentionedArticle, Publication, Span
from kg.extract.table import EntityTable
from kg.ingest.article import Article

# noun -> (kind used in keys, is it opinion)
_NOUNS = {
    "op-ed": ("op-ed", True), "oped": ("op-ed", True), "op-ed essay": ("op-ed", True),
    "editorial": ("editorial", True), "column": ("column", True), "essay": ("essay", True),
    "opinion piece": ("op-ed", True), "commentary": ("commentary", True),
    "piece": ("piece", False), "article": ("article", False), "story": ("story", False),
    "report": ("report", False), "exposé": ("report", False), "investigation": ("report", False),
}
# nouns that, definite and without an outlet, refer back to the article already introduced
_BACK_REFERENCE = {"op-ed", "editorial", "column", "essay", "piece", "opinion piece",
                   "op-ed essay", "commentary", "article"}
_NOUN_RE = re.compile(
    r"\b(op-?ed essay|op-?ed|opinion piece|editorial|column|essay|commentary|piece|article|"
    r"story|report|exposé|investigation)s?\b", re.IGNORECASE)
_TITLE_RE = re.compile(r"[\s,]*(?:which is |that is |was )?(?:titled|entitled|headlined)"
                       r"[\s,:]*[\"“‘']([^\"”’]{3,200}?)[,.]?[\"”’]")
_PUBLISH_VERBS = {"publish", "run", "print", "post", "carry", "release"}
_WRITE_IN_RE = re.compile(r"\b(?:wrote|writes|writing|written|write)\s+(?:\w+\s+){0,3}?"
                          r"(?:in|for)\s+$")
_DEFINITE = {"the", "this", "that", "its", "their"}


@dataclass
class _Draft:
    kind: str
    opinion: bool
    outlet: EntityRef | None
    evidence: Span
    headline: str | None = None
    spans: list[Span] = field(default_factory=list)


def metadata_publications(article: Article) -> list[Publication]:
    """The publisher named in the input published this article (the outlet node is shared
    with mentions of the outlet in text through the alias table)."""
    if not article.publisher:
        return []
    name = outlet_name(article.publisher) or article.publisher.strip()
    return [Publication(outlet=EntityRef("outlet", name))]


def _outlet_in(table: EntityTable, begin: int, end: int) -> EntityRef | None:
    for mention in table.mentions:
        if begin <= mention.span.begin and mention.span.end <= end \
                and mention.entity.kind == "outlet":
            return mention.entity
    return None


def _subtree_range(token: Token) -> tuple[int, int]:
    tokens = list(token.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _outlet_of(table: EntityTable, head: Token, begin: int) -> EntityRef | None:
    """The outlet the noun phrase names as publisher, or None."""
    np_start = min(t.idx for t in head.subtree)
    if outlet := _outlet_in(table, np_start, begin):  # "a New York Times op-ed"
        return outlet
    for child in head.children:  # "an op-ed in The New York Times", "published by"
        if child.dep_ in ("prep", "acl", "agent") and child.lower_ not in ("with", "to", "on") \
                and (outlet := _outlet_in(table, *_subtree_range(child))):
            return outlet
    node = head
    for _ in range(6):  # "The Times ... took the rare step of publishing an op-ed"
        if node.lemma_ in _PUBLISH_VERBS:
            for verb in (node, *node.ancestors):
                subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
                for subject in subjects:
                    if outlet := _outlet_in(table, *_subtree_range(subject)):
                        return outlet
                if verb.pos_ == "VERB" and verb.dep_ not in ("pcomp", "xcomp", "advcl"):
                    break
            return None
        if node.head is node:
            break
        node = node.head
    return None


def _headline_after(text: str, end: int) -> str | None:
    match = _TITLE_RE.match(text, end)
    return match.group(1).strip() if match else None


def _is_definite(head: Token, begin: int) -> bool:
    before = [t for t in head.lefts if t.idx < begin]
    return any(t.lower_ in _DEFINITE or t.dep_ == "poss" for t in before)


def mentioned_articles(doc: Doc, table: EntityTable) -> list[_Draft]:
    """Articles the text introduces or refers back to, in order of first mention."""
    drafts: list[_Draft] = []
    text = doc_text(doc)
    for match in _NOUN_RE.finditer(text):
        noun = match.group(1).lower().replace("oped", "op-ed")
        kind, opinion = _NOUNS.get(noun, (noun, False))
        chars = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if chars is None:
            continue
        head = chars[-1]
        span = Span(match.start(), match.end(), text[match.start():match.end()])
        outlet = _outlet_of(table, head, match.start())
        headline = _headline_after(text, match.end())
        current = drafts[-1] if drafts else None
        if outlet is None and headline is None:
            if current and noun in _BACK_REFERENCE and _is_definite(head, match.start()):
                current.spans.append(span)
            continue
        same = next((d for d in reversed(drafts)
                     if (outlet is None or d.outlet in (None, outlet))
                     and (headline is None or d.headline in (None, headline))
                     and (d.kind == kind or noun in _BACK_REFERENCE)), None)
        if same is None:
            if outlet is None and noun not in _BACK_REFERENCE:
                continue
            same = _Draft(kind, opinion, outlet, span)
            drafts.append(same)
        same.outlet = same.outlet or outlet
        same.headline = same.headline or headline
        same.opinion = same.opinion or opinion
        same.spans.append(span)
    drafts.extend(_written_in(doc, table, drafts))
    return drafts


def _written_in(doc: Doc, table: EntityTable, drafts: list[_Draft]) -> list[_Draft]:
    """'wrote in The Atlantic': a piece the outlet published, unless already introduced."""
    found = []
    known = {d.outlet for d in drafts}
    for mention in table.mentions:
        if mention.entity.kind != "outlet" or mention.entity in known:
            continue
        before = doc_text(doc)[max(0, mention.span.begin - 40):mention.span.begin]
        before = re.sub(r"(?:the|The)\s+$", "", before)
        if _WRITE_IN_RE.search(before):
            known.add(mention.entity)
            found.append(_Draft("piece", False, mention.entity, mention.span))
    return found


def _key(draft: _Draft, date: str | None) -> str:
    if draft.headline:
        return draft.headline
    outlet = draft.outlet.name if draft.outlet else "unknown outlet"
    return " ".join(p for p in (outlet, draft.kind, date) if p)


def freeze_articles(drafts: list[_Draft], date: str | None) -> list[MentionedArticle]:
    return [MentionedArticle(key=_key(d, date), headline=d.headline, opinion=d.opinion,
                             publisher=d.outlet, mentions=tuple(dict.fromkeys(d.spans)))
            for d in drafts]


def text_publications(doc: Doc, table: EntityTable,
                      date: str | None = None) -> tuple[list[Publication],
                                                        list[MentionedArticle]]:
    """Publications the text states, and every article it mentions (for reaction targets)."""
    drafts = mentioned_articles(doc, table)
    articles = freeze_articles(drafts, date)
    publications = [Publication(outlet=d.outlet, mentioned=a, evidence=d.evidence,
                                confidence=0.8)
                    for d, a in zip(drafts, articles) if d.outlet is not None]
    return publications, articles
