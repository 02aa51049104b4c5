"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`. The runner
reads these from stdout; %, CR and LF are escaped everywhere, and `:` and `,` in properties.
"""
from __future__ import annotations

from attriblint.report import error_parts

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items()
                     if value is not None)
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def _finding(path: str, f) -> str:
    # GitHub ignores columns on annotations that span lines, so give them only on one line.
    one_line = f.end_line == f.line
    return command(COMMANDS[f.severity], f.message, file=path, line=f.line,
                   col=f.column if one_line else None, endLine=f.end_line,
                   endColumn=f.end_column if one_line else None, title=f.rule)


def render(results, run) -> str:
    lines = []
    for result in results:
        if result.error:
            line, message = error_parts(result)
            lines.append(command("error", message, file=result.path, line=line, title="unreadable draft"))
        lines += [_finding(result.path, f) for f in result.findings]
    return "\n".join(lines)
