"""Typos (T) kinds, and the tagger and phrase readings only they use."""
