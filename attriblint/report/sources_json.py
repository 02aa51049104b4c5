"""`attriblint sources --format json`: who said what, per draft (DESIGN §6)."""
from __future__ import annotations

import json


def record(path: str, analysis) -> dict:
    """One draft's attributions, sources and side counts as the JSON contract has them."""
    document = analysis.document
    attributions = []
    for a in analysis.attributions:
        anchor = a.cue or a.content or a.source
        attributions.append({
            "kind": a.kind, "source": document.text[a.source[0]:a.source[1]] if a.source else None,
            "source_offset": list(a.source) if a.source else None,
            "cue": document.text[a.cue[0]:a.cue[1]] if a.cue else None,
            "cue_offset": list(a.cue) if a.cue else None,
            "content_offset": list(a.content) if a.content else None,
            "line": document.position(anchor[0])[0] if anchor else None,
            "side": a.side, "anonymous": a.anonymous, "named": a.named})
    sources = []
    for source in analysis.sources:
        cited = [a for a in analysis.attributions if a.source_id == source.id and a.kind != "reply"]
        lines = sorted({document.position((a.cue or a.source)[0])[0] for a in cited})
        sources.append({"name": source.name, "side": source.side, "attributions": len(cited), "lines": lines})
    sides = analysis.sides.counts([a for a in analysis.attributions if a.kind != "reply"])
    return {"path": path, "attributions": attributions, "sources": sources, "sides": sides}


def render(drafts: list) -> str:
    """`drafts` holds (path, Analysis) pairs, or (path, error message) for unreadable drafts."""
    files = [{"path": path, "error": analysis} if isinstance(analysis, str) else record(path, analysis)
             for path, analysis in drafts]
    return json.dumps({"files": files}, ensure_ascii=False)
