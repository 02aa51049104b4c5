"""`--format concise`: `path:line:col: rule message`, one a line, for editors and grep."""
from __future__ import annotations


def render(results, run) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(f"{result.path}: error: {result.error}")
        for f in result.findings:
            lines.append(f"{result.path}:{f.line}:{f.column}: {f.rule} {f.message}")
    return "\n".join(lines)
