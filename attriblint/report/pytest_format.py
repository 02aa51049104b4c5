"""`--format pytest` (the default): a header, a progress line per draft, a FAILURES section
with each finding under its source line and a caret underline, and a closing summary line."""
from __future__ import annotations

import platform
import unicodedata

import click

from attriblint.report import by_rule, failing

_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _style(text: str, run, **kwargs) -> str:
    return click.style(text, **kwargs) if run.color else text


def _status(result, run) -> str:
    if result.error:
        return "ERROR"
    if any(failing(f, run) for f in result.findings):
        return "FAILED"
    return "PASSED"


def _cell_width(ch: str) -> int:
    """Terminal cells a character takes: 2 for wide (CJK, most emoji), 0 for combining marks."""
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


# A draft exported one paragraph to a line has long lines: show this many characters of
# context each side of the finding, and at most LONG_LINE characters of the line in all.
CONTEXT = 40
LONG_LINE = 120


def _caret_line(result, f) -> tuple[str, str]:
    """The finding's first source line (cut to the finding and some context when long) and a
    caret underline that lines up under it on a terminal (tabs are copied so they expand
    alike; wide characters take two cells)."""
    source = result.document.line_text(f.line) if result.document else ""
    start = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(source)
    if len(source) > LONG_LINE:
        left = max(0, start - CONTEXT)
        right = min(len(source), end + CONTEXT, max(start, left) + LONG_LINE - CONTEXT)
        shift = left - (1 if left else 0)
        source = ("…" if left else "") + source[left:right] + ("…" if right < len(source) else "")
        start, end = start - shift, min(end, right) - shift
    prefix = "".join(ch if ch == "\t" else " " * _cell_width(ch) for ch in source[:start])
    width = sum(max(1, _cell_width(ch)) if ch == "\t" else _cell_width(ch) for ch in source[start:end])
    return source, prefix + "^" * max(1, width)


def render(results, run) -> str:
    out = [_style("=" * 24 + " attriblint session starts " + "=" * 24, run, bold=True),
           f"platform {platform.system().lower()} -- Python {platform.python_version()}, attriblint {run.version}",
           f"collected {len(results)} draft{'s' if len(results) != 1 else ''}", ""]
    for result in results:
        status = _status(result, run)
        color = {"PASSED": "green", "FAILED": "red", "ERROR": "red"}[status]
        count = f" ({len(result.findings)} finding{'s' if len(result.findings) != 1 else ''})" if result.findings else ""
        out.append(f"{result.path} {_style(status, run, fg=color)}{count}")
    failed = [r for r in results if _status(r, run) != "PASSED"]
    noted = [r for r in results if _status(r, run) == "PASSED" and r.findings]
    sections = ((" FAILURES ", failed, "red"), (f" passed, with findings below --fail-on {run.fail_on} ", noted, "yellow"))
    for title, section, color in sections:
        if section:
            out += ([""] if out[-1] else []) + [_style(title.center(70, "="), run, bold=True)]
        for result in section:
            out += _details(result, run, color)
    table = _statistics_table(results, run)
    if table:
        out += ([""] if out[-1] else []) + table
    out += ([""] if out[-1] else []) + _short_summary(results, run)
    return "\n".join(out)


def _details(result, run, color: str) -> list[str]:
    """A draft's error or each finding with its source line and caret underline."""
    out = [_style(f"_____ {result.path} _____", run, fg=color, bold=True)]
    if result.error:
        out.append(_style(f"E   {result.error}", run, fg="red"))
    for f in result.findings:
        source, carets = _caret_line(result, f)
        severity = _style(f"[{f.severity}]", run, fg=_COLORS[f.severity])
        out.append(f"{result.path}:{f.line}:{f.column}: {f.rule} {severity} {f.message}")
        out.append(f"    {source}")
        out.append(f"    {_style(carets, run, fg=_COLORS[f.severity], bold=True)}")
    sides = next((f.extra["sides"] for f in result.findings if "sides" in f.extra), None)
    if sides is not None:  # sourcing findings: who the draft hears from, by side
        out.append("attributions by side: " + (", ".join(f"{side} {n}" for side, n in sides.items()) or "none"))
    out.append("")
    return out


def _statistics_table(results, run) -> list[str]:
    """`--statistics`: one row per draft, its reading measures and its findings by rule."""
    rows = [(r.path, str(s["words"]), str(s["sentences"]), str(s["words_per_sentence"]), str(s["grade"]),
             ", ".join(f"{rule} {n}" for rule, n in by_rule([r]).items()) or "-")
            for r in results if (s := r.statistics) is not None]
    if not rows:
        return []
    header = ("draft", "words", "sentences", "words/sentence", "grade", "findings")
    widths = [max(len(row[i]) for row in rows + [header]) for i in range(5)]
    lines = [_style("=" * 30 + " statistics " + "=" * 30, run, bold=True)]
    for row in [header] + rows:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(widths[i]) for i, cell in enumerate(row[1:5], 1)]
        lines.append("  ".join(cells + [row[5]]))
    return lines + [""]


def _short_summary(results, run) -> list[str]:
    counts = by_rule(results)
    lines = []
    if counts:
        lines.append(_style("=" * 24 + " short test summary info " + "=" * 24, run, bold=True))
        lines += [f"{rule}: {n}" for rule, n in counts.items()]
    failed = sum(1 for r in results if _status(r, run) == "FAILED")
    errors = sum(1 for r in results if r.error)
    passed = len(results) - failed - errors
    parts = [p for p in (f"{failed} failed" if failed else "", f"{passed} passed" if passed else "",
                         f"{errors} error{'s' if errors != 1 else ''}" if errors else "") if p]
    closing = f"{', '.join(parts) or 'no drafts checked'} in {run.elapsed:.2f}s"
    color = "red" if failed or errors else "green"
    lines.append(_style("=" * 20 + f" {closing} " + "=" * 20, run, fg=color, bold=True))
    return lines
