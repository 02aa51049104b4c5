"""Errors that end as one clear line for the user, never a traceback."""
from __future__ import annotations

import os


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


def guarded(path: str, work):
    """(work(), None), or (None, a one-line report) when attriblint itself fails on this draft:
    one draft must not stop the others. Configuration and model errors concern every draft
    alike and are raised; ATTRIBLINT_DEBUG=1 raises everything, with its traceback."""
    try:
        return work(), None
    except AttriblintError:
        raise
    except Exception as exc:  # noqa: BLE001 - reported against this draft
        if os.environ.get("ATTRIBLINT_DEBUG"):
            raise
        return None, (f"{path}: internal error: {type(exc).__name__}: {exc} "
                      "(set ATTRIBLINT_DEBUG=1 for details and please report it)")
