"""Press-release conventions (P): the kinds of the rules about a release's form."""
