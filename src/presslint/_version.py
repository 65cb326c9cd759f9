"""The version, written once: the package, pyproject.toml (hatch's dynamic version), the
YAML cache and the reports read it from here. A module of its own, so that reading it
imports nothing else (the package's __init__ would tie every module to the API's)."""

__version__ = "0.1.0"
