"""Lexicons that rules consult: English words with their morphology, Russian words with
theirs, and the romanization that maps a Latin token back to the Russian words it may spell.

Everything here loads lazily, once per process, on first use. Word lists derived from other
libraries (wordfreq, gender-guesser) are kept in the cache folder as compact tables
(`mtfix.lexicon.store`), built by the first run that needs them.
"""
