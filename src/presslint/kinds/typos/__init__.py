"""Typos (T) kinds, with the helpers only they read: suspects, slips, the tagger and phrases."""
