"""Reading PolNeAR's brat standoff attributions (Source, Cue, Content) as gold quotes.

For an article annotated by several annotators the annotation with most
attributions is used; a direct quote is an attribution whose Content holds a
quotation mark, or a transcript line ('NAME: words'). NYT-style texts write the double
mark as two apostrophes (``''...''``); these count as quotation marks unless the strict rule of the
issue (only ``"``, ``“``, ``”``) is asked for.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.extract.transcript import labelled

STRICT_MARKS = ('"', "“", "”")
QUOTE_MARKS = STRICT_MARKS + ("''",)

Pieces = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Attribution:
    """One annotated attribution; each part is a tuple of (begin, end) pieces."""

    content: Pieces
    cue: Pieces = ()
    source: Pieces = ()

    @property
    def begin(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    attributions: tuple[Attribution, ...]

    def piece_text(self, pieces: Pieces) -> str:
        return " ".join(self.text[b:e] for b, e in pieces)

    def direct_quotes(self, strict_marks: bool = False) -> list[Attribution]:
        """Contents holding a quotation mark, and transcript lines ('TAPPER: Do you ...'),
        which are verbatim speech without marks."""
        marks = STRICT_MARKS if strict_marks else QUOTE_MARKS
        return [a for a in self.attributions
                if any(m in self.piece_text(a.content) for m in marks)
                or labelled(self.text, a.begin)]


def _pieces(offsets: str) -> Pieces:
    pieces = []
    for part in offsets.split(";"):
        begin, end = part.split()
        pieces.append((int(begin), int(end)))
    return tuple(sorted(pieces))


def read_ann(path: Path) -> list[Attribution]:
    """Attributions of one .ann file; lines that do not parse are skipped."""
    spans: dict[str, Pieces] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if fields[0].startswith("T"):
            label, _, offsets = fields[1].partition(" ")
            try:
                spans[fields[0]] = _pieces(offsets)
            except ValueError:
                continue
        elif fields[0].startswith("E"):
            roles = dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg)
            events.append(roles)
    attributions = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if not content:
            continue
        attributions.append(Attribution(content, spans.get(roles.get("Cue", ""), ()),
                                        spans.get(roles.get("Source", ""), ())))
    return sorted(attributions, key=lambda a: a.content)


def read_gold(directory: Path) -> list[GoldArticle]:
    """Every annotated article of a PolNeAR split (``text/`` and ``attributions/``)."""
    text_dir, ann_dir = directory / "text", directory / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(f"'{directory}' has no text/ and attributions/ folders")
    by_article: dict[str, list[Path]] = defaultdict(list)
    stems = {p.stem for p in text_dir.glob("*.txt")}
    for ann in ann_dir.glob("*.ann"):
        stem = ann.stem
        while stem and stem not in stems and "_" in stem:
            stem = stem.rsplit("_", 1)[0]
        if stem in stems:
            by_article[stem].append(ann)
    articles = []
    for stem in sorted(by_article):
        best = max((read_ann(p) for p in sorted(by_article[stem])), key=len)
        text = (text_dir / f"{stem}.txt").read_text(encoding="utf-8")
        articles.append(GoldArticle(stem, text, tuple(best)))
    return articles
