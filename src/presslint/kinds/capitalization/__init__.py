"""Capitalization (C) kinds, and the casing and proper-noun helpers only they use."""
