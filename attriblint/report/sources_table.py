"""`attriblint sources`: a table per draft of who is cited, how, and on which lines."""
from __future__ import annotations


def render(drafts: list) -> str:
    """`drafts` holds each draft's record (analysis.records), or (path, error message)."""
    out = []
    for rec in drafts:
        if isinstance(rec, tuple):
            out.append(rec[1])  # the error message names the draft itself
            continue
        path = rec["path"]
        cited = [a for a in rec["attributions"] if a["kind"] not in ("reply", "agentless")]
        agentless = len(rec["attributions"]) - len(cited) - sum(a["kind"] == "reply" for a in rec["attributions"])
        out.append(f"{path}: {_count(len(rec['sources']), 'source')}, {_count(len(cited), 'attribution')}"
                   + (f" (and {agentless} with no one behind it)" if agentless else ""))
        rows = [("SOURCE", "TYPE", "SIDE", "CITED", "LINES")]
        for row in rec["sources"]:
            rows.append((row["name"], row["type"], row["side"] or "-", str(row["attributions"]),
                         ", ".join(map(str, row["lines"]))))
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        for row in rows:
            out.append(("  " + "  ".join(cell.ljust(widths[i]) if i < 4 else cell
                                         for i, cell in enumerate(row))).rstrip())
        replies = [str(a["line"]) for a in rec["attributions"] if a["kind"] == "reply"]
        if replies:
            out.append("  reply attempts on lines " + ", ".join(replies))
        out.append("  sides: " + (", ".join(f"{k} {v}" for k, v in rec["sides"].items()) or "none"))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
