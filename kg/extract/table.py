"""The in-article registry of entities and mentions that extractors share.

Entity extraction fills it; quote, publication and reaction extraction look
speakers and targets up in it and add what they discover (a described speaker,
a pronoun mention). ``freeze`` turns it into the records of ``ArticleFacts``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from kg.extract.records import Entity, EntityRef, Mention, Span


def _length(mention: Mention) -> int:
    return mention.span.end - mention.span.begin


@dataclass
class EntityTable:
    entities: dict[EntityRef, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)  # kept sorted by begin offset
    _known: set[tuple[Span, EntityRef]] = field(default_factory=set, repr=False)

    def add_entity(self, entity: Entity) -> EntityRef:
        """Register an entity, merging alt labels and keeping the first role seen."""
        known = self.entities.get(entity.ref)
        if known is None:
            self.entities[entity.ref] = entity
        else:
            alts = tuple(dict.fromkeys(known.alt_labels + entity.alt_labels))
            self.entities[entity.ref] = replace(
                known,
                alt_labels=alts,
                job_title=known.job_title or entity.job_title,
                affiliation=known.affiliation or entity.affiliation,
                official=known.official or entity.official,
                described=known.described and entity.described,
            )
        return entity.ref

    def add_mention(self, span: Span, ref: EntityRef, confidence: float = 1.0) -> None:
        if ref not in self.entities:
            self.add_entity(Entity(ref))
        if (span, ref) in self._known:
            return
        self._known.add((span, ref))
        at = bisect.bisect_right(self.mentions, span.begin, key=lambda m: m.span.begin)
        self.mentions.insert(at, Mention(span, ref, confidence))

    def ref_at(self, begin: int, end: int) -> EntityRef | None:
        """The entity of the longest mention overlapping [begin, end), if any."""
        best: Mention | None = None
        for mention in self.mentions:
            overlaps = mention.span.begin < end and begin < mention.span.end
            if overlaps and (best is None or _length(mention) > _length(best)):
                best = mention
        return best.entity if best else None

    def mentions_before(self, offset: int) -> list[Mention]:
        """Mentions that start before ``offset``, nearest last."""
        return [m for m in self.mentions if m.span.begin < offset]

    def freeze(self) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
        return tuple(self.entities.values()), tuple(self.mentions)
