"""Russian, and the Russian→English pair: mtfix's first."""

from __future__ import annotations

from mtfix.languages.profile import Language, Pair

LANGUAGE = Language(
    code="ru",
    name="Russian",
    letters="а-яёА-ЯЁ",
    own_letters="ёыэъЁЫЭЪ",
    quotes=("«", "»", "„", "“"),
)

PAIR = Pair(name="ru-en", source=LANGUAGE, packs="ru-en", pack_names=("calques", "boilerplate"))
