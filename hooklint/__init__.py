"""hooklint: stop text that lies to its reader from entering a repository."""

__version__ = "0.1.0"
