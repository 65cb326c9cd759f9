"""The kinds of the Press-release conventions (P) family: what a release owes its form."""
