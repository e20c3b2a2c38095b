"""The rules without the people the lexicon names: how far the grammar alone finds a side.

The actors' `speakers` and `past_speakers` (and their member states') list hundreds of
officials by name, many of them added because a dev article named them. An article nobody has
read names officials the lists lack, and then only the grammar finds the side: the office
("Russia's foreign minister X said"), the title before a name, a lead that names the holder. So
the rules score higher on the dev articles than on unseen ones. `python -m reader.realset
--names-out` (`make eval-real-names-out`) scores the real-article sets with every person's name
taken out of the loaded configuration, the offices, bodies and acronyms kept: the drop from the
full lexicon is what the names buy on articles whose officials they know, and the score without
them is the grammar's, as on an article whose officials the lists lack.

A listed entry is a person's name (`is_person_name`) when all of these hold:

1. it is not one all-capitals word: an acronym ("SACEUR") is an office;
2. every word starts with a capital, but a name particle ("de", "von", "van der"): a lower-case
   word makes a phrase ("NATO chief", "President of Russia", "Speaker of the House");
3. no word is an office word (a word of the config's `roles` or of `BODY_NOUNS`, or its plural:
   "Senators", "Military Committee", "NATO Secretary General", "Supreme Allied Commander
   Europe"), but the first word of a longer entry, a given name there ("Bill Burns").

It works on the loaded `Config` (its files, `Config.sources`, read again and merged as they were,
the names dropped from the merged data, the lexicon compiled from what is left and put in with
`dataclasses.replace`); config.yaml is never touched.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from reader.config import Config, merged_data
from reader.rules.compile import build, pluralise

# Nouns of the offices and bodies the lists name that no role has: "Senator", "Congresswoman",
# "Speaker of the House", "Military Committee", "Supreme Allied Commander Europe".
BODY_NOUNS = frozenset(
    {
        *("alliance", "allied", "assembly", "bloc", "committee", "congress", "congressman"),
        *("congresswoman", "council", "duma", "europe", "house", "rada", "senate", "senator"),
        "speaker",
    }
)
# Lower-case words inside a person's name ("Nicolas de Rivière", "David van Weel", "Géza Andreas
# von Geyr", "Agnès von der Mühll").
PARTICLES = frozenset(
    {
        *("al", "bin", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "la"),
        *("le", "ten", "ter", "van", "von", "zu"),
    }
)
_SECTIONS = ("speakers", "past_speakers")


def office_words(roles: Iterable[str]) -> frozenset[str]:
    """The words of the config's roles and `BODY_NOUNS`, case folded, each also in the plural
    ("Senators", "Congressmen")."""
    words = {w for role in roles for w in role.casefold().split()} | BODY_NOUNS
    return frozenset(words | {pluralise(w) for w in words})


def is_person_name(entry: str, offices: frozenset[str]) -> bool:
    """Whether a `speakers` entry names a person rather than an office, a body or an acronym
    (the test in the module docstring); `offices` is `office_words(roles)`."""
    words = entry.split()
    if not words or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
        return False
    if not all(w[0].isupper() or w in PARTICLES for w in words):
        return False
    named = words[1:] if len(words) > 1 else words
    return not any(w.casefold() in offices for w in named)


@dataclasses.dataclass(frozen=True)
class NamesOut:
    """What `strip_names` took out of the speakers lists (people's names) and kept (offices,
    bodies and acronyms), each entry as often as it is listed."""

    removed: tuple[str, ...]
    kept: tuple[str, ...]

    def summary(self) -> str:
        return (
            f"names out: {len(self.removed)} people's names taken out of the speakers lists, "
            f"{len(self.kept)} offices, bodies and acronyms kept\n"
        )


def strip_names(data: Mapping[str, Any]) -> tuple[dict[str, Any], NamesOut]:
    """Merged config data without the people's names of its actors' and members' `speakers`
    and `past_speakers` (a new mapping; `data` stays as it was)."""
    offices = office_words(data.get("roles") or ())
    removed: list[str] = []
    kept: list[str] = []

    def sift(entry: Mapping[str, Any]) -> dict[str, Any]:
        sifted = dict(entry)
        for section in _SECTIONS:
            listed = entry.get(section) or ()
            sifted[section] = [t for t in listed if not is_person_name(t, offices)]
            removed.extend(t for t in listed if is_person_name(t, offices))
            kept.extend(sifted[section])
        if entry.get("members"):
            sifted["members"] = sift(entry["members"])
        return sifted

    stripped = dict(data)
    for key in ("actors", "extra_actors"):
        if key in data:
            stripped[key] = [sift(entry) for entry in data[key] or ()]
    return stripped, NamesOut(tuple(removed), tuple(kept))


def without_names(config: Config) -> tuple[Config, NamesOut]:
    """`config` with its lexicon compiled without any person's name (`strip_names`)."""
    _, data, origins = merged_data(config.sources)
    stripped, names = strip_names(data)
    rules = build(stripped, origins)
    return dataclasses.replace(config, actors=rules.actors, rules=rules), names
