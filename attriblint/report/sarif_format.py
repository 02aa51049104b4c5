"""`--format sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps, IDEs).

SARIF counts columns in UTF-16 code units unless told otherwise; we declare that unit and
convert from our code-point columns, so an emoji earlier on the line does not shift a result.
"""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from attriblint.report import error_parts, rule_summary

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/attriblint/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def utf16_column(line_text: str, column: int) -> int:
    """1-based UTF-16 column of a 1-based code-point column in `line_text`."""
    return len(line_text[:column - 1].encode("utf-16-le")) // 2 + 1


def artifact_uri(path: str) -> str:
    """Relative paths stay relative (SARIF viewers resolve them against the checkout)."""
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix())


def _descriptor(rule_id: str, spec) -> dict:
    descriptor: dict = {"id": rule_id}
    if spec is None:
        return descriptor
    summary = rule_summary(spec) or rule_id
    descriptor["shortDescription"] = {"text": summary}
    descriptor["fullDescription"] = {"text": " ".join(spec.description.split()) or summary}
    if spec.link:
        descriptor["helpUri"] = spec.link
    if spec.instead.strip():
        descriptor["help"] = {"text": "Write instead: " + " ".join(spec.instead.split())}
    descriptor["defaultConfiguration"] = {"level": LEVELS[spec.severity], "enabled": spec.enabled}
    descriptor["properties"] = {"kind": spec.kind}
    return descriptor


def _region(document, finding) -> dict:
    start_line, end_line = document.line_text(finding.line), document.line_text(finding.end_line)
    return {"startLine": finding.line, "startColumn": utf16_column(start_line, finding.column),
            "endLine": finding.end_line, "endColumn": utf16_column(end_line, finding.end_column),
            "snippet": {"text": finding.text}}


def _result(result, finding, rule_index: dict[str, int]) -> dict:
    record = {
        "ruleId": finding.rule, "ruleIndex": rule_index[finding.rule], "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(result.path)},
                                            "region": _region(result.document, finding)}}],
    }
    properties = {"quoted": finding.quoted}
    if finding.suggestions:
        properties["suggestions"] = list(finding.suggestions)
    record["properties"] = properties
    return record


def _notification(result) -> dict:
    line, message = error_parts(result)
    location: dict = {"artifactLocation": {"uri": artifact_uri(result.path)}}
    if line:
        location["region"] = {"startLine": line}
    return {"level": "error", "message": {"text": message}, "locations": [{"physicalLocation": location}]}


def render(results, run) -> str:
    specs = dict(run.rules or {})
    for result in results:
        for finding in result.findings:
            specs.setdefault(finding.rule, None)
    rule_ids = sorted(specs)
    rule_index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    unreadable = [r for r in results if r.error]
    sarif = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "attriblint", "version": run.version, "semanticVersion": run.version,
                                "informationUri": INFORMATION_URI,
                                "rules": [_descriptor(rule_id, specs[rule_id]) for rule_id in rule_ids]}},
            "invocations": [{"executionSuccessful": not unreadable,
                             "toolExecutionNotifications": [_notification(r) for r in unreadable]}],
            "columnKind": "utf16CodeUnits",
            "results": [_result(r, f, rule_index) for r in results for f in r.findings],
        }],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2)
