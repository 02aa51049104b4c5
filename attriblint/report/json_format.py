"""`--format json`: exactly one JSON object (DESIGN §6)."""
from __future__ import annotations

import json

from attriblint.report import by_rule


def render(results, run) -> str:
    files = [{"path": r.path, "error": r.error, "findings": [f.to_json() for f in r.findings]} for r in results]
    for record, result in zip(files, results):
        if result.statistics is not None:
            record["statistics"] = {**result.statistics, "by_rule": by_rule([result])}
    summary = {"files": len(results), "findings": sum(len(r.findings) for r in results),
               "errors": sum(1 for r in results if r.error), "by_rule": by_rule(results)}
    return json.dumps({"attriblint": run.version, "files": files, "summary": summary}, ensure_ascii=False)
