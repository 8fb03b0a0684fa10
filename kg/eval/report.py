"""The `kg eval` table: quote P/R/F1, speaker accuracy and end-to-end F1 per layout, and
the reported-speech figures."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from kg.eval.score import LAYOUTS, Counts, Error, ReportedCounts


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class Figures:
    """The headline figures of one row of the table."""

    precision: float
    recall: float
    f1: float
    speaker_accuracy: float
    e2e_precision: float
    e2e_recall: float
    e2e_f1: float

    @classmethod
    def of(cls, counts: Counts) -> Figures:
        precision = _ratio(counts.matched, counts.system)
        recall = _ratio(counts.matched, counts.gold)
        e2e_p = _ratio(counts.end_to_end, counts.system)
        e2e_r = _ratio(counts.end_to_end, counts.gold)
        return cls(precision, recall, _f1(precision, recall),
                   _ratio(counts.speaker_right, counts.with_source), e2e_p, e2e_r,
                   _f1(e2e_p, e2e_r))


@dataclass
class EvalResult:
    articles: int = 0
    seconds: float = 0.0
    by_layout: dict[str, Counts] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)
    strict_marks: bool = False  # the rule of the table: only "“” are quotation marks
    other_rule: Counts = field(default_factory=Counts)  # overall under the other rule
    reported: ReportedCounts = field(default_factory=ReportedCounts)

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.by_layout.values():
            total.add(counts)
        return total

    @property
    def figures(self) -> Figures:
        return Figures.of(self.overall)


_HEADER = (f"{'layout':<18}{'gold':>6}{'sys':>6}{'P':>7}{'R':>7}{'F1':>7}"
           f"{'spk acc':>9}{'e2e P':>7}{'e2e R':>7}{'e2e F1':>8}")


def _row(name: str, counts: Counts) -> str:
    f = Figures.of(counts)
    return (f"{name:<18}{counts.gold:>6}{counts.system:>6}{f.precision:>7.2f}{f.recall:>7.2f}"
            f"{f.f1:>7.2f}{f.speaker_accuracy:>9.2f}{f.e2e_precision:>7.2f}"
            f"{f.e2e_recall:>7.2f}{f.e2e_f1:>8.2f}")


def _reported_line(counts: ReportedCounts) -> str:
    return (f"\nreported speech: {counts.system} system, {counts.gold} gold (speech cues, "
            f"unquoted): P (speaker right) {_ratio(counts.right, counts.system):.3f}  "
            f"R {_ratio(counts.found, counts.gold):.3f}  "
            f"R (speaker right) {_ratio(counts.found_speaker, counts.gold):.3f}")


def format_report(result: EvalResult, errors: int = 10, seed: int = 0) -> str:
    """The table (overall first, then each layout seen) and a sample of errors of each kind."""
    rule, other = ("strict marks", "'' marks") if result.strict_marks else \
        ("'' marks", "strict marks")
    lines = [f"direct quotes ({rule}), {result.articles} articles, {result.seconds:.1f} s",
             _HEADER, _row("overall", result.overall)]
    lines += [_row(name, result.by_layout[name]) for name in LAYOUTS
              if name in result.by_layout]
    if result.other_rule.gold:
        lines.append(_row(other, result.other_rule))
    lines.append(_reported_line(result.reported))
    rng = random.Random(seed)
    for kind in ("missed", "spurious", "wrong speaker", "reported missed", "reported spurious",
                 "reported wrong"):
        found = [e for e in result.errors if e.kind == kind]
        if not found or errors <= 0:
            continue
        lines.append(f"\n{kind} ({len(found)}), a sample:")
        for error in sorted(rng.sample(found, min(errors, len(found))),
                            key=lambda e: (e.article, e.text)):
            lines.append(f"  [{error.layout}] {error.article}: \"{error.text}\" ({error.detail})")
    return "\n".join(lines)
