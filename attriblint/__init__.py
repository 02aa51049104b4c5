"""attriblint: a source-attribution and bias checker for news drafts."""

__version__ = "0.1.0"
