"""Who said what in one draft as plain records (the `sources` output contract): the
`sources` command turns each analysis into this as soon as it is made, and its reporters
only format it, so no reporter drives the NLP."""
from __future__ import annotations


def who_said_what(path: str, analysis) -> dict:
    """One draft's attributions, sources and side counts."""
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
        kind = "named" if source.named else "anonymous" if source.anonymous else "described"
        sources.append({"name": source.name, "type": kind, "side": source.side, "attributions": len(cited),
                        "lines": lines})
    sides = analysis.sides.counts([a for a in analysis.attributions if a.kind != "reply"])
    return {"path": path, "attributions": attributions, "sources": sources, "sides": sides}
