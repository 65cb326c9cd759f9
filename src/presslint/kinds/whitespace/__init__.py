"""Whitespace and character (W) kinds."""
