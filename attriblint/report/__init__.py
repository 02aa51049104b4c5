"""Reporters: one module per output format, each with `render(results, run) -> str`."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from attriblint.findings import severity_rank

FORMATS = ("pytest", "concise", "json", "sarif", "junit", "github")


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


def render(fmt: str, results, run: RunInfo) -> str:
    return import_module(f"attriblint.report.{fmt}_format").render(results, run)
