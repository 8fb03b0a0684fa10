"""A speaker's gender as the text tells it: an honorific in one of their names ("Mr. Trump",
"Mrs. Clinton"), else the pronouns the text used for them ("he said"); unknown otherwise.

The graph stores no gender; this reads the name forms and pronoun mentions it does store.
Names are never used to guess (as the Gender Gap Tracker counts: evidence, not first names).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

HONORIFICS = {"mr": "men", "mrs": "women", "ms": "women", "miss": "women", "sir": "men",
              "madam": "women", "dame": "women", "lord": "men", "lady": "women"}
PRONOUNS = {"he": "men", "him": "men", "his": "men", "she": "women", "her": "women",
            "hers": "women"}
UNKNOWN = "unknown"
_HONORIFIC = re.compile(r"^(" + "|".join(HONORIFICS) + r")\b\.?\s+\S", re.IGNORECASE)


def gender_of(forms: Iterable[str]) -> str:
    """'men', 'women' or 'unknown' from name forms and pronouns (lower case)."""
    forms = list(forms)
    honorifics = Counter(HONORIFICS[m.group(1).lower()] for f in forms
                         if (m := _HONORIFIC.match(f.strip())))
    if len(honorifics) == 1:
        return next(iter(honorifics))
    if honorifics:
        return UNKNOWN  # the text says both: trust neither
    pronouns = Counter(PRONOUNS[f] for f in forms if f in PRONOUNS)
    if not pronouns:
        return UNKNOWN
    (top, count), *rest = pronouns.most_common()
    return top if not rest or count > rest[0][1] else UNKNOWN
