"""Scoring system quotes against gold attributions: matching, layouts and figures.

Units are attributions: the system quotes sharing one cue occurrence form one
attribution (``"A," he said. "B."`` is one gold attribution with two Content
pieces). A system attribution matches a gold one when their characters overlap
by at least half of the shorter (one-to-one, greedy, best overlap first).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from kg.eval.brat import QUOTE_MARKS, Attribution, GoldArticle, Pieces
from kg.extract.cues import names_reported_speech
from kg.extract.records import Quote

LAYOUTS = ("quote-cue-source", "quote-source-cue", "source-cue-quote", "split",
           "source-inside", "according-to", "no-source", "other")


@dataclass(frozen=True)
class SystemAttribution:
    """The direct quotes of one cue occurrence, with their speaker."""

    quotes: tuple[Quote, ...]

    @property
    def content(self) -> Pieces:
        return tuple((q.span.begin, q.span.end) for q in self.quotes)

    @property
    def head(self) -> Quote:
        return self.quotes[0]


def layout(content: Pieces, cue: Pieces, source: Pieces, cue_text: str = "") -> str:
    """Where the cue and source sit relative to the quoted words."""
    if not source:
        return "no-source"
    if cue_text.lower().startswith("according"):
        return "according-to"
    begin, end = content[0][0], content[-1][1]
    src = source[0][0]
    cue_at = cue[0][0] if cue else src
    if len(content) > 1 and begin < src < end:
        return "split"
    if begin < src < end:
        return "source-inside"
    if src >= end:
        return "quote-cue-source" if cue_at <= src else "quote-source-cue"
    if src < begin and cue_at < begin:
        return "source-cue-quote"
    return "other"


def _overlap(a: Pieces, b: Pieces) -> int:
    return sum(max(0, min(e1, e2) - max(b1, b2)) for b1, e1 in a for b2, e2 in b)


def _length(pieces: Pieces) -> int:
    return sum(e - b for b, e in pieces)


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP_WORDS and len(w) > 1}


def group_quotes(quotes: list[Quote]) -> list[SystemAttribution]:
    """Direct quotes grouped by cue occurrence (quotes without a cue stand alone)."""
    groups: dict[object, list[Quote]] = defaultdict(list)
    for index, quote in enumerate(q for q in quotes if q.direct):
        key = (quote.cue_span.begin, quote.cue_span.end) if quote.cue_span else index
        groups[key].append(quote)
    return sorted((SystemAttribution(tuple(sorted(g, key=lambda q: q.span.begin)))
                   for g in groups.values()), key=lambda s: s.content)


def speaker_right(system: SystemAttribution, gold: Attribution, article: GoldArticle) -> bool:
    """The speaker mention overlaps the gold Source, or the names share a content word."""
    return _speaker_matches(system.head, gold, article)


def _speaker_matches(quote: Quote, gold: Attribution, article: GoldArticle) -> bool:
    if quote.speaker_mention is not None:
        mention = ((quote.speaker_mention.begin, quote.speaker_mention.end),)
        if _overlap(mention, gold.source) > 0:
            return True
    if quote.speaker is not None:
        return bool(_content_words(quote.speaker.name)
                    & _content_words(article.piece_text(gold.source)))
    return False


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    matched: int = 0
    with_source: int = 0  # matched pairs whose gold has a Source
    speaker_right: int = 0
    end_to_end: int = 0  # matched and attributed right (or no gold Source)

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class Error:
    kind: str  # missed | spurious | wrong speaker
    article: str
    layout: str
    text: str
    detail: str = ""


@dataclass
class ArticleScore:
    by_layout: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[Error] = field(default_factory=list)


def _system_layout(system: SystemAttribution) -> str:
    quote = system.head
    cue = ((quote.cue_span.begin, quote.cue_span.end),) if quote.cue_span else ()
    source = ((quote.speaker_mention.begin, quote.speaker_mention.end),) \
        if quote.speaker_mention else ()
    return layout(system.content, cue, source, quote.cue or "")


def _snippet(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _strictly_marked(text: str, quote: Quote) -> bool:
    """Whether the strict rule can see this quote: it does not take NYT's ''...'' for
    quotation marks, so under that rule such quotes are left out on both sides (also a
    clause quoted with its marks inside: "it ''condemns the use of Twitter ...''")."""
    return not text[:quote.span.begin].rstrip().endswith(("''", "``")) \
        and "''" not in quote.span.text


def score_article(article: GoldArticle, quotes: list[Quote],
                  strict_marks: bool = False) -> ArticleScore:
    """Match one article's direct quotes to its gold direct quotes and count.

    By default ``''`` is a quotation mark on both sides; ``strict_marks`` keeps the
    issue's rule (gold marks ``"“”`` only, system quotes between ``''`` left out).
    """
    gold = article.direct_quotes(strict_marks)
    system = group_quotes([q for q in quotes
                           if not strict_marks or _strictly_marked(article.text, q)])
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = _overlap(g.content, s.content)
            shorter = min(_length(g.content), _length(s.content)) or 1
            if overlap * 2 >= shorter and overlap > 0:
                pairs.append((overlap / shorter, overlap, gi, si))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, si in sorted(pairs, reverse=True):
        if gi not in matched and si not in used:
            matched[gi] = si
            used.add(si)
    score = ArticleScore()
    for gi, g in enumerate(gold):
        name = layout(g.content, g.cue, g.source, article.piece_text(g.cue))
        counts = score.by_layout[name]
        counts.gold += 1
        if gi not in matched:
            score.errors.append(Error("missed", article.name, name,
                                      _snippet(article.piece_text(g.content)),
                                      f"source: {article.piece_text(g.source) or '-'}"))
            continue
        s = system[matched[gi]]
        counts.system += 1
        counts.matched += 1
        if not g.source:
            counts.end_to_end += 1
            continue
        counts.with_source += 1
        if speaker_right(s, g, article):
            counts.speaker_right += 1
            counts.end_to_end += 1
        else:
            head = s.head
            said = head.speaker_mention.text if head.speaker_mention else "-"
            score.errors.append(Error(
                "wrong speaker", article.name, name, _snippet(article.piece_text(g.content)),
                f"gold: {article.piece_text(g.source)}; system: {said} "
                f"-> {head.speaker.name if head.speaker else '-'}"))
    for si, s in enumerate(system):
        if si in used:
            continue
        name = _system_layout(s)
        score.by_layout[name].system += 1
        speaker = s.head.speaker.name if s.head.speaker else "-"
        score.errors.append(Error("spurious", article.name, name,
                                  _snippet(" | ".join(q.span.text for q in s.quotes)),
                                  f"speaker: {speaker}"))
    return score


@dataclass
class ReportedCounts:
    """Reported speech (``nkg:IndirectQuote``) against all gold attributions."""

    system: int = 0  # system indirect quotes
    right: int = 0  # overlapping a gold attribution whose Source the speaker matches
    gold: int = 0  # unquoted gold attributions whose cue is a verb of speech or writing
    found: int = 0  # of those, overlapped by a system indirect quote
    found_speaker: int = 0  # ... by one whose speaker matches its Source

    def add(self, other: ReportedCounts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _right_for(quote: Quote, gold: Attribution, article: GoldArticle) -> bool:
    """Attributed right: the speaker matches the Source (or gold names none)."""
    return not gold.source or _speaker_matches(quote, gold, article)


def score_reported(article: GoldArticle,
                   quotes: list[Quote]) -> tuple[ReportedCounts, list[Error]]:
    """Score one article's indirect quotes.

    Precision: a system indirect quote is right when it overlaps a gold attribution (any
    kind: PolNeAR annotates beliefs and polls too) and its speaker matches that
    attribution's Source. Recall: over the gold attributions with no quotation mark in
    their Content whose cue is a verb of speech or writing (``cues.REPORTED_SPEECH``);
    NYT's ``''`` marks a quotation here under either mark rule.
    """
    system = [q for q in quotes if not q.direct]
    counts, errors = ReportedCounts(system=len(system)), []
    for quote in system:
        piece = ((quote.span.begin, quote.span.end),)
        overlapping = [g for g in article.attributions if _overlap(g.content, piece)]
        if any(_right_for(quote, g, article) for g in overlapping):
            counts.right += 1
            continue
        said = quote.speaker_mention.text if quote.speaker_mention else "-"
        detail = (f"gold: {article.piece_text(overlapping[0].source) or '-'}; "
                  if overlapping else "no gold; ") + \
            f"system: {said} -> {quote.speaker.name if quote.speaker else '-'}"
        errors.append(Error("reported wrong" if overlapping else "reported spurious",
                            article.name, quote.cue or "-", _snippet(quote.span.text), detail))
    for gold in article.attributions:
        content = article.piece_text(gold.content)
        if any(m in content for m in QUOTE_MARKS) or \
                not names_reported_speech(article.piece_text(gold.cue),
                                          article.piece_text(gold.source)):
            continue
        counts.gold += 1
        hits = [q for q in system if _overlap(gold.content, ((q.span.begin, q.span.end),))]
        counts.found += bool(hits)
        counts.found_speaker += any(_right_for(q, gold, article) for q in hits)
        if not hits:
            errors.append(Error("reported missed", article.name,
                                article.piece_text(gold.cue), _snippet(content),
                                f"source: {article.piece_text(gold.source) or '-'}"))
    return counts, errors
