"""Lexicons that rules consult: English words with their morphology, Russian words with
theirs, and the romanization that maps a Latin token back to the Russian words it may spell.

Everything here loads lazily, once per process, on first use.
"""
