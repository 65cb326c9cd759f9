"""Dates (D) kinds, with the date recognition and the fact sheet only they use."""
