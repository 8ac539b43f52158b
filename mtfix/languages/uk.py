"""Ukrainian, and the Ukrainian→English pair.

Ukrainian writes «…» quotation marks and the dash attribution as Russian does, and dates as
`13.04.2017`; its letters і ї є ґ and the apostrophe set it apart. The pair reads its own
glossaries (`glossaries/uk-en/`: national-system place names, state bodies, media) and the
page-boilerplate pack it shares with ru-en; the calque pack is Russian's and does not run.
Its glossaries forbid the Russian-style place names (Kiev, Kharkov) outright, so it reads no
`kiev-policy`.
"""

from __future__ import annotations

from mtfix.languages.profile import Language, Pair

LANGUAGE = Language(code="uk", name="Ukrainian", letters="абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'")

PAIR = Pair(name="uk-en", source=LANGUAGE)
