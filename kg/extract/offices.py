"""Office words of a job title, read from its words alone: what resolution compares across
articles in a build's main process, which must not import spaCy (its workers parse), so they
live apart from ``kg.extract.roles``."""

from __future__ import annotations

CANDIDACY_WORDS = {"candidate", "nominee", "hopeful", "challenger", "mate", "front-runner",
                   "frontrunner"}
# words that date an office or a candidacy: it is over
PAST = {"former", "ex", "late", "then", "retired", "onetime", "one-time"}


def is_candidacy(title: str | None) -> bool:
    """Whether a job title says the person is running for office ("Republican presidential
    nominee", "running mate"), and not that they once did ("former presidential candidate")."""
    words = {w.strip(".,").lower() for w in (title or "").replace(" - ", "-").split()}
    return bool(words & CANDIDACY_WORDS) and not words & PAST


DOCTOR = "doctor"  # the office word of "Dr.": a doctor is a doctor in every article
_TITLE_KEYS = {
    "sen": "senator", "senator": "senator", "rep": "representative",
    "representative": "representative", "congressman": "representative",
    "congresswoman": "representative", "gov": "governor", "governor": "governor",
    "president": "president", "secretary": "secretary", "mayor": "mayor", "judge": "judge",
    "justice": "judge", "gen": "general", "general": "general", "lady": "first lady",
    "nominee": "nominee", "candidate": "nominee", "speaker": "speaker", "dr": DOCTOR,
    "chairman": "chairman", "chairwoman": "chairman", "attorney": "attorney",
}


def title_keys(title: str | None) -> frozenset[str]:
    """The office words of a job title, normalised ('Sen.' and 'senator' are one)."""
    words = (title or "").replace(".", " ").lower().split()
    return frozenset(_TITLE_KEYS[w] for w in words if w in _TITLE_KEYS)
