"""An article's text as HTML with its quotes highlighted (speaker linked after each, as
displaCy's entity view labels a span) and its people and outlets linked.

Everything from the text is escaped and stripped of bidi controls; only the marks and
links added here are markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from server.views import plain


@dataclass(frozen=True)
class Span:
    begin: int
    end: int
    iri: str | None  # the quote (for a quote span) or the entity
    label: str = ""  # the speaker's name (quote) or the entity's name
    target: str | None = None  # the speaker (quote spans only)
    kind: str = "person"  # quote, person or outlet


def _non_overlapping(spans: list[Span]) -> list[Span]:
    """Longest first where spans overlap; the rest keep text order."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.begin), s.begin)):
        if all(span.end <= k.begin or span.begin >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.begin)


def _text(text: str) -> Markup:
    return escape(plain(text))


def _link(href: str | None, body: Markup, cls: str, title: str = "") -> Markup:
    if not href:
        return Markup('<span class="%s">%s</span>') % (cls, body)
    return Markup('<a class="%s" href="%s" title="%s">%s</a>') % (cls, href, plain(title), body)


def _mentions(text: str, begin: int, end: int, mentions: list[Span],
              link_for: Callable[[str], str | None]) -> Markup:
    out, at = Markup(), begin
    for span in mentions:
        if span.begin < begin or span.end > end:
            continue
        out += _text(text[at:span.begin])
        out += _link(link_for(span.iri) if span.iri else None,
                     _text(text[span.begin:span.end]), f"mention {span.kind}", span.label)
        at = span.end
    return out + _text(text[at:end])


def annotated(text: str, quotes: list[Span], mentions: list[Span],
              link_for: Callable[[str], str | None]) -> Markup:
    """The whole text with marks; mentions across a quote's edge are left plain."""
    quotes = _non_overlapping(quotes)
    mentions = [m for m in _non_overlapping(mentions)
                if all(m.end <= q.begin or m.begin >= q.end
                       or (q.begin <= m.begin and m.end <= q.end) for q in quotes)]
    out, at = Markup(), 0
    for span in quotes:
        out += _mentions(text, at, span.begin, mentions, link_for)
        body = _mentions(text, span.begin, span.end, mentions, link_for)
        quote_href = link_for(span.iri) if span.iri else None
        speaker_href = link_for(span.target) if span.target else None
        out += Markup('<mark class="quote" data-quote="%s">%s%s</mark>') % (
            quote_href or "", body,
            _link(speaker_href, _text(span.label or "unknown speaker"), "speaker"))
        at = span.end
    return out + _mentions(text, at, len(text), mentions, link_for)
