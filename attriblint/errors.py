"""Errors that end as one clear line for the user, never a traceback."""


class AttriblintError(Exception):
    """Base class: str(error) is the whole message shown to the user."""


class ConfigError(AttriblintError):
    """A bad config file, rule pack or option: exit code 2."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        where = ""
        if path:
            where = f"{path}:{line}: " if line else f"{path}: "
        super().__init__(where + message)
        self.path, self.line = path, line


class InputError(AttriblintError):
    """A draft that cannot be read or decoded: exit code 3, the other drafts go on."""


class ModelError(AttriblintError):
    """No usable spaCy model: exit code 2 with an install hint."""
