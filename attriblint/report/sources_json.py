"""`attriblint sources --format json`: who said what, per draft (README, JSON output)."""
from __future__ import annotations

import json


def render(drafts: list) -> str:
    """`drafts` holds each draft's record (analysis.records), or (path, error message)."""
    files = [{"path": draft[0], "error": draft[1]} if isinstance(draft, tuple) else draft for draft in drafts]
    return json.dumps({"files": files}, ensure_ascii=False)
