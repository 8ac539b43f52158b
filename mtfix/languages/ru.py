"""Russian, and the Russian→English pair: mtfix's first."""

from __future__ import annotations

from mtfix.languages.profile import Language, Pair

LANGUAGE = Language(code="ru", name="Russian", letters="абвгдеёжзийклмнопрстуфхцчшщъыьэюя")

PAIR = Pair(name="ru-en", source=LANGUAGE, policies=("kiev-policy",))
