"""Finding: what a rule reports, located in the file, and the severity scale."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass
class Finding:
    """One problem at [offset, end_offset) of the file's decoded text.

    Rules fill in what they know; `locate` adds lines and columns from the Document.
    `extra` holds rule-specific JSON fields (e.g. `meaning`, `duplicate_of`).
    """

    rule: str
    severity: str
    message: str
    offset: int
    end_offset: int
    suggestions: list[str] = field(default_factory=list)
    quoted: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def locate(self, document) -> "Finding":
        self.text = document.text[self.offset:self.end_offset]
        self.line, self.column = document.position(self.offset)
        self.end_line, self.end_column = document.position(self.end_offset)
        return self

    def sort_key(self):
        return self.offset, self.end_offset, self.rule

    def to_json(self) -> dict:
        record = {
            "rule": self.rule, "severity": self.severity, "message": self.message,
            "line": self.line, "column": self.column, "end_line": self.end_line, "end_column": self.end_column,
            "offset": self.offset, "end_offset": self.end_offset, "text": self.text,
            "suggestions": list(self.suggestions), "quoted": self.quoted,
        }
        record.update(self.extra)
        return record


class MessageFields(dict):
    """format_map helper: unknown {fields} in a message template stay as written."""

    def __missing__(self, key):
        return "{" + key + "}"


def render(template: str, **fields) -> str:
    values = {k: (", ".join(map(str, v)) if isinstance(v, (list, tuple)) else v) for k, v in fields.items()}
    # A match may run over a line break or a tab: quote it as one line of text.
    values = {k: " ".join(v.split()) if isinstance(v, str) else v for k, v in values.items()}
    try:
        return template.format_map(MessageFields(values))
    except (ValueError, IndexError):
        return template
