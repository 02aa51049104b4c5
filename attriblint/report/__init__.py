"""Reporters: one module per output format, each with `render(results, run) -> str`."""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import import_module

from attriblint.findings import severity_rank

@dataclass
class RunInfo:
    """What every reporter may print besides the findings."""

    version: str
    fail_on: str
    elapsed: float = 0.0
    color: bool = False
    rules: dict | None = None  # rule id → RuleSpec, for formats that describe rules


def failing(finding, run: RunInfo) -> bool:
    return severity_rank(finding.severity) >= severity_rank(run.fail_on)


def by_rule(results) -> dict[str, int]:
    counts: dict[str, int] = {}
    for result in results:
        for finding in result.findings:
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
    return dict(sorted(counts.items()))


def rule_summary(spec) -> str:
    """One line on what a rule flags: its `summary`, else the first sentence of its description."""
    if spec.summary:
        return spec.summary
    first = spec.description.strip().split(". ")[0].strip()
    return first.rstrip(".") + "." if first else ""


def error_parts(result) -> tuple[int | None, str]:
    """(line or None, message) of an unreadable draft's error, without the leading `path:line:`."""
    match = re.match(re.escape(result.path) + r":(?:(\d+):)?\s*", result.error)
    if not match:
        return None, result.error
    return (int(match.group(1)) if match.group(1) else None), result.error[match.end():]


def render(fmt: str, results, run: RunInfo) -> str:
    return import_module(f"attriblint.report.{fmt}_format").render(results, run)
