"""`--format concise`: `path:line:col: rule message`, one a line, for editors and grep."""
from __future__ import annotations

from attriblint.report import error_parts


def render(results, run) -> str:
    lines = []
    for result in results:
        if result.error:
            line, message = error_parts(result)
            lines.append(f"{result.path}:{line}: error: {message}" if line else f"{result.path}: error: {message}")
        for f in result.findings:
            message = " ".join(f.message.splitlines())  # one line per finding, whatever the template says
            lines.append(f"{result.path}:{f.line}:{f.column}: {f.rule} {message}")
    return "\n".join(lines)
