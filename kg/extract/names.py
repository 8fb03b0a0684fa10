"""Person names: cleaning surface forms and deciding which forms name the same person.

Titles and honorifics never become part of a name. A middle initial may be left out ("Donald
J. Trump" is "Donald Trump"), but a different one is a different person ("Paul S. Ryan" is not
"Paul D. Ryan"), so canonical names keep it and resolution decides.
"""

from __future__ import annotations

import re
from functools import cache

from kg.data import tsv_rows

TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lady", "lord", "prof", "professor",
    "president", "vice", "sen", "senator", "rep", "representative", "gov", "governor",
    "secretary", "former", "first", "candidate", "nominee", "gen", "general", "lt", "col",
    "maj", "capt", "adm", "sgt", "judge", "justice", "mayor", "speaker", "rev", "reverend",
    "pope", "king", "queen", "prince", "princess", "chancellor", "minister", "premier",
    "ambassador", "attorney", "chairman", "chairwoman", "leader", "sheriff", "commissioner",
    "gop", "democratic", "republican", "democrat", "presidential", "press", "the", "then",
}
# A web page's furniture that the tagger glues before a caption's name or title: the video
# player ("CLOSE"), caption and credit lines ("AFP Image caption", "Credit"), share buttons
# ("Facebook Twitter Pinterest", "Email Sign Up") and section labels ("Opinion"). Never part of
# a name or title.
PAGE_WORDS = {
    "close", "caption", "copyright", "credit", "credits", "photo", "photos", "photograph",
    "image", "images", "getty", "reuters", "afp", "ap", "via", "shutterstock", "file", "watch",
    "video", "hide", "facebook", "twitter", "pinterest", "linkedin", "email", "share",
    "opinion", "analysis", "commentary", "editorial", "advertisement", "sign", "subscribe",
}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_STRIP = " ,.;:\"'“”‘’()[]–—-\n\t"
PARTICLES = {"de", "da", "di", "van", "von", "al", "el", "la", "le", "bin", "ibn", "du", "der",
             "den", "del", "dos", "st."}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text)


def clean_person(text: str) -> str:
    """The proper name in a surface form: no titles, possessive or punctuation."""
    words = strip_possessive(text.strip(_STRIP)).split()
    while words and words[0].rstrip(".").lower() in TITLE_WORDS:
        words.pop(0)
    if words and words[0][0].islower() and words[0] not in PARTICLES:
        return ""  # what is left of a title ("of State"), not a name
    name = " ".join(words).strip(_STRIP)
    if name.split() and name.split()[-1].lower() in ("jr", "sr") and \
            text.rstrip(_STRIP.replace(".", "")).endswith("."):
        name += "."  # "Donald Trump Jr." keeps its period
    return name


def is_honorific(word: str) -> bool:
    return word.rstrip(".").lower() in _HONORIFICS


def _is_initial(word: str) -> bool:
    """A middle initial or a run of them: 'W.', 'H.W.', and 'HW' as some sites write it (a
    middle word of two or three capitals is no name)."""
    return bool(re.fullmatch(r"[A-Z]\.?|(?:[A-Z]\.){2,}|[A-Z]{2,3}", word))


def _initials(name: str) -> list[str]:
    """Middle initials, one letter each ('George H.W. Bush' -> ['H', 'W'])."""
    words = name.split()
    return [c for w in words[1:-1] if _is_initial(w) for c in w if c.isalpha()]


def generation(name: str) -> str:
    """The generational suffix of a name ('jr', 'sr', 'iii'), or ''."""
    words = name.split()
    return words[-1].rstrip(".,").lower() if len(words) > 1 \
        and words[-1].rstrip(".,").lower() in _SUFFIXES else ""


def name_words(name: str) -> list[str]:
    """The words that identify a person: middle initials and suffixes left out."""
    words = name.split()
    core = [w for i, w in enumerate(words)
            if not (0 < i < len(words) - 1 and _is_initial(w))
            and w.rstrip(".").lower() not in _SUFFIXES]
    return core or words


def canonical_person(name: str) -> str:
    """The key form of a full name, with its middle initials and suffix: they tell people
    apart ('Paul D. Ryan', the speaker, and 'Paul S. Ryan', a campaign-finance lawyer; 'George
    H. W. Bush' and 'George W. Bush'); resolution joins 'Donald J. Trump' to 'Donald Trump'
    across articles."""
    words = name.split()
    suffix = [w for w in words[1:] if w.rstrip(".").lower() in _SUFFIXES]
    middle = [w for w in words[1:-1] if _is_initial(w)]
    core = name_words(name)
    return " ".join(core[:1] + middle + core[1:] + suffix)


def initials(name: str) -> tuple[str, ...]:
    """The middle initials of a name, one letter each ('George H.W. Bush' -> ('H', 'W'))."""
    return tuple(_initials(name))


def _same_generation(short: str, full: str) -> bool:
    """Different middle initials or suffixes are different people ('George W. Bush' /
    'George H. W. Bush', 'Donald Trump' / 'Donald Trump Jr.'); a bare surname is neither."""
    s_init, f_init = _initials(short), _initials(full)
    if s_init and f_init and s_init != f_init:
        return False
    return len(short.split()) == 1 or generation(short) == generation(full)


def shortens(short: str, full: str) -> bool:
    """Whether ``short`` can be a shorter way of writing the person named ``full``.

    'Trump' shortens 'Donald Trump'; 'Huckabee Sanders' and 'Sarah Sanders' shorten
    'Sarah Huckabee Sanders'; 'Bill Clinton' does not shorten 'Hillary Clinton', nor
    'Donald Trump' 'Donald Trump Jr.'.
    """
    if not _same_generation(short, full):
        return False
    s, f = name_words(short), name_words(full)
    if len(s) >= len(f) or not s:
        return len(s) == len(f) and [w.lower() for w in s] == [w.lower() for w in f]
    s_low, f_low = [w.lower() for w in s], [w.lower() for w in f]
    if f_low[-len(s_low):] == s_low:  # a surname (possibly double-barrelled)
        return True
    # first and last word agree, the full form adds middle names
    return len(s_low) >= 2 and s_low[0] == f_low[0] and s_low[-1] == f_low[-1]


@cache
def _nicknames() -> dict[str, frozenset[str]]:
    return {nick.strip(): frozenset(given.strip().split("|"))
            for nick, given in tsv_rows("nicknames.tsv")}


def is_nickname_of(nickname: str, given: str) -> bool:
    """Whether a first name is a nickname of another ("Larry" of Laurence, "Bill" of
    William: ``kg/data/nicknames.tsv``)."""
    return given.rstrip(".").lower() in _nicknames().get(nickname.rstrip(".").lower(), ())
