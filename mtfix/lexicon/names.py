"""First names and the gender they usually belong to, from gender-guesser's name dictionary.

gender-guesser parses its whole text file (some 50,000 lines) whenever a detector is made;
here each name's answer is worked out once and kept on disk as a compact table
(`mtfix.lexicon.store`), so a run looks names up without parsing anything.
"""

from __future__ import annotations

from array import array

from mtfix.lexicon import store

#: What gender-guesser answers for a listed name, by the code the table stores.
GENDERS = ("male", "female", "mostly_male", "mostly_female", "andy")


def _build() -> tuple[list[str], array, None]:
    import gender_guesser.detector

    detector = gender_guesser.detector.Detector(case_sensitive=False)
    names = list(detector.names)
    return names, array("B", [GENDERS.index(detector.get_gender(name)) for name in names]), None


SOURCE = store.Source("first-names", "gender-guesser", "gender_guesser", "data/nam_dict.txt", _build)


def gender(name: str) -> str:
    """What gender-guesser says of a first name in any case, over all countries: male, female,
    mostly_male, mostly_female, andy, or unknown (the answer of
    `Detector(case_sensitive=False).get_gender(name)`)."""
    code = store.table(SOURCE).get(name.lower())
    return "unknown" if code is None else GENDERS[code]
