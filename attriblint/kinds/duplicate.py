"""Kind `duplicate`: text that repeats earlier text — in the same draft, in another draft
of the same run, or in a reference archive of earlier stories and wire copy.

Paragraphs are compared by shingle containment (how much of the later paragraph's word
runs the earlier one holds), sentences by containment both ways. The first occurrence is
never flagged; a run of repeated paragraphs that follows its original in order is one
finding for the whole block.
"""
from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from attriblint.fingerprint import Unit, eligible, sentences, unit
from attriblint.kinds.base import Rule
from attriblint.yamlfile import Field, at_least_one, regex, string_list


def _share(value: float) -> float:
    if not 0 < value <= 1:
        raise ValueError("must be a share between 0 and 1, e.g. 0.6")
    return value


POSTINGS_CAP = 64  # a shingle in more paragraphs than this says nothing about any one of them


@dataclass
class Draft:
    """One draft's paragraphs as fingerprints: what `summarise` hands to `check_across`."""

    path: str
    paragraphs: list[Unit]
    lines: list[tuple[int, int]]
    eligible: list[bool]
    flagged: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Match:
    """Paragraph (or sentence) `index` repeats item `other` of `source` (None: the same draft)."""

    index: int
    source: object
    other: int
    exact: bool


class ShingleIndex:
    """Earlier units by shingle, to find what a new unit repeats without comparing it to all."""

    def __init__(self):
        self.units: dict[object, Unit] = {}
        self._postings: dict[int, list] = defaultdict(list)

    def add(self, key, item: Unit) -> None:
        self.units[key] = item
        for shingle in item.shingles:
            postings = self._postings[shingle]
            if len(postings) < POSTINGS_CAP:
                postings.append(key)

    def matches(self, item: Unit, threshold: float, both_ways: bool = False) -> list:
        """Keys of earlier units holding at least `threshold` of `item` (and it of them, if both_ways)."""
        counts = Counter(k for s in item.shingles for k in self._postings.get(s, ()))
        size = len(item.shingles)
        return sorted(k for k, shared in counts.items() if shared >= threshold * size and
                      (not both_ways or shared >= threshold * len(self.units[k].shingles)))


def runs(matches: list[Match]) -> list[list[Match]]:
    """Group matches whose copies and originals both follow on, item after item."""
    out: list[list[Match]] = []
    for match in matches:
        last = out[-1][-1] if out else None
        if last and match.index == last.index + 1 and match.source == last.source and match.other == last.other + 1:
            out[-1].append(match)
        else:
            out.append([match])
    return out


def _lines(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}–{last}"


class DuplicateRule(Rule):
    kind = "duplicate"
    message_fields = frozenset({"copy", "verb", "original"})
    options = {
        "min-words": Field(int, default=8, check=at_least_one),
        "min-sentence-words": Field(int, default=12, check=at_least_one),
        "min-near-words": Field(int, default=20, check=at_least_one),
        "similarity": Field(float, default=0.6, check=_share),
        "sentence-similarity": Field(float, default=0.8, check=_share),
        "shingle-words": Field(int, default=3, check=at_least_one),
        "version-share": Field(float, default=0.6, check=_share),
        "boilerplate": Field(list, default=list, items=Field(str, check=regex)),
        "agencies": Field((str, list), default=list, check=string_list),
        "archive-message": Field(str, default=""),
    }
    needs = frozenset()

    def __init__(self, spec):
        super().__init__(spec)
        self.o = {k.replace("-", "_"): v for k, v in spec.options.items()}
        names = "|".join(re.escape(a) for a in self.o["agencies"])
        self._agency = re.compile(rf"\b(?:{names})\b") if names else None
        self._last: tuple[object, Draft] | None = None
        self._archives: dict[tuple, object] = {}

    # ------------------------------------------------------------ one draft
    def _draft(self, analysis) -> Draft:
        if self._last is None or self._last[0] is not analysis:
            doc = analysis.document
            paragraphs = [unit(doc.prose, p.start, p.end, self.o["shingle_words"]) for p in doc.paragraphs]
            lines = [(doc.position(u.start)[0], doc.position(max(u.start, u.end - 1))[0]) for u in paragraphs]
            worth = [eligible(u, doc.prose, self.o["min_words"], self.o["boilerplate"]) for u in paragraphs]
            self._last = (analysis, Draft(doc.path, paragraphs, lines, worth))
        return self._last[1]

    def check(self, analysis):
        draft = self._draft(analysis)
        findings = []
        matches = self._repeats(draft, draft, ShingleIndex(), within=True)
        originals, pairs = Counter(m.other for m in matches), set()
        for run in runs(matches):
            if len(run) == 1 and originals[run[0].other] == 1:
                run = [_slipped_one_first(analysis.document.prose, draft, run[0])]
            draft.flagged.update(m.index for m in run)
            pairs.update((m.index, m.other) for m in run)
            findings.append(self._paragraph_finding(draft, run, draft))
        findings += self._sentence_findings(analysis.document, draft, pairs | {(b, a) for a, b in pairs})
        settings = analysis.settings.get("duplicates")
        if isinstance(settings, dict) and settings.get("reference"):
            findings += self._archive_findings(analysis.document, draft, settings)
        return findings

    def _near_enough(self, item: Unit, key: int, shingles: frozenset[int]) -> bool:
        """A repeat word for word; or a near one long enough that shared word runs mean copying,
        not a shared template, with no new sentence (then only the repeated sentences are reported)."""
        return item.key == key or item.words >= self.o["min_near_words"] and not item.new_sentences(shingles)

    def _paragraph_finding(self, draft: Draft, run: list[Match], origin: Draft):
        """One finding for a run of paragraphs repeating paragraphs of `origin` (this draft or another)."""
        line, end_line = origin.lines[run[0].other][0], origin.lines[run[-1].other][1]
        original = _lines(line, end_line) + ("" if origin is draft else f" of {origin.path}")
        return self._finding(draft.paragraphs[run[0].index].start, draft.paragraphs[run[-1].index].end, run,
                             "paragraph", original, {"path": origin.path, "line": line, "end_line": end_line})

    def _finding(self, start, end, run, what, original, duplicate_of, message=None):
        copy = f"this {what}" if len(run) == 1 else f"these {len(run)} {what}s"
        exact = all(m.exact for m in run)
        verb = ("repeat" if len(run) > 1 else "repeats") if exact else ("nearly repeat" if len(run) > 1
                                                                          else "nearly repeats")
        return self.finding(start, end, message, copy=copy, verb=verb, original=original,
                            extra={"duplicate_of": duplicate_of})

    def _sentence_findings(self, doc, draft: Draft, pairs: set[tuple[int, int]]):
        """Sentences that repeat an earlier sentence, unless their paragraphs were reported as a pair."""
        index, matches, units, owners = ShingleIndex(), [], [], []
        size, threshold = self.o["shingle_words"], self.o["sentence_similarity"]
        for number, paragraph in enumerate(draft.paragraphs):
            for start, end in sentences(doc.prose, paragraph.start, paragraph.end):
                item = unit(doc.prose, start, end, size)
                position = len(units)
                units.append(item)
                owners.append(number)
                if not eligible(item, doc.prose, self.o["min_sentence_words"], self.o["boilerplate"]):
                    continue
                earlier = [k for k in index.matches(item, threshold, both_ways=True)
                           if self._near_enough(item, units[k].key, units[k].shingles)]
                if earlier and number not in draft.flagged and (number, owners[earlier[0]]) not in pairs:
                    matches.append(Match(position, None, earlier[0], item.key == units[earlier[0]].key))
                index.add(position, item)
        found = []
        for run in runs(matches):
            first, last = units[run[0].other], units[run[-1].other]
            line, end_line = doc.position(first.start)[0], doc.position(max(first.start, last.end - 1))[0]
            found.append(self._finding(units[run[0].index].start, units[run[-1].index].end, run, "sentence",
                                       _lines(line, end_line), {"path": doc.path, "line": line, "end_line": end_line}))
        return found

    def _repeats(self, draft: Draft, sources, index: ShingleIndex, within: bool, source=None) -> list[Match]:
        """Paragraphs of `draft` that repeat an earlier paragraph held in `index` (keys: (source, number));
        they then join the index. A short paragraph that repeats, word for word, the one after
        the previous match's original continues that run (a pasted block keeps its short lines)."""
        matches: list[Match] = []
        for number, item in enumerate(draft.paragraphs):
            found = None
            if draft.eligible[number]:
                earlier = [k for k in index.matches(item, self.o["similarity"])
                           if self._near_enough(item, index.units[k].key, index.units[k].shingles)]
                if earlier:
                    where, other = earlier[0]
                    origin = draft if within else sources[where]
                    found = Match(number, where if not within else None, other,
                                  origin.paragraphs[other].key == item.key)
            elif matches and matches[-1].index == number - 1:
                found = _short_twin(draft, number, matches[-1], draft if within else sources[matches[-1].source], +1)
            if found:
                matches.append(found)
            if within and draft.eligible[number]:
                index.add((None, number), item)
        if not within:  # added after, so a draft's paragraphs never match each other here
            for number, item in enumerate(draft.paragraphs):
                if draft.eligible[number]:
                    index.add((source, number), item)
        return _with_short_lead_ins(draft, matches, sources if not within else None)

    # ------------------------------------------------------------ reference archive
    def _archive(self, settings: dict):
        from attriblint.archive import ReferenceArchive

        key = (tuple(map(str, settings["reference"])), str(settings.get("cache")))
        if key not in self._archives:
            self._archives[key] = ReferenceArchive.open(
                settings["reference"], settings.get("cache"), self.o["shingle_words"], self.o["min_words"],
                self.o["boilerplate"])
        return self._archives[key]

    def _archive_findings(self, doc, draft: Draft, settings: dict):
        """Paragraphs lifted from the archive without credit: not naming the agency, not quoted."""
        archive = self._archive(settings)
        matches, origins = [], {}
        for number, item in enumerate(draft.paragraphs):
            if not draft.eligible[number] or number in draft.flagged or self._attributed(doc, item):
                continue
            hits = [h for h in archive.matches(item, self.o["similarity"]) if self._near_enough(item, h.key, h.shingles)]
            if hits:
                hit = hits[0]
                origins[(hit.path, hit.index)] = hit
                matches.append(Match(number, hit.path, hit.index, hit.key == item.key))
        found = []
        for run in runs(matches):
            first, last = origins[(run[0].source, run[0].other)], origins[(run[-1].source, run[-1].other)]
            shown = _shown(first.path)
            original = f"{_lines(first.line, last.end_line)} of {shown}"
            draft.flagged.update(m.index for m in run)
            found.append(self._finding(draft.paragraphs[run[0].index].start, draft.paragraphs[run[-1].index].end,
                                       run, "paragraph", original,
                                       {"path": shown, "line": first.line, "end_line": last.end_line},
                                       self.o["archive_message"] or None))
        return found

    def _attributed(self, doc, item: Unit) -> bool:
        """Credited: the paragraph names a wire agency, or it is mostly a direct quotation."""
        text = doc.text[item.start:item.end]
        return bool(self._agency and self._agency.search(text)) or doc.quote_at(item.start, item.end) is not None

    # ------------------------------------------------------------ across the drafts of a run
    def summarise(self, analysis) -> Draft:
        return self._draft(analysis)

    def check_across(self, digests):
        """A paragraph copied from an earlier draft of the run, unless the two drafts are versions
        of one story (most of the later one repeats the earlier: story.md and story-v2.md)."""
        index, drafts, out = ShingleIndex(), {}, {}
        for number, (path, draft) in enumerate(digests):
            drafts[number] = draft
            matches = self._repeats(draft, drafts, index, within=False, source=number)
            versions = _versions(draft, matches, self.o["version_share"])
            kept = [m for m in matches if m.source not in versions and m.index not in draft.flagged]
            found = [self._paragraph_finding(draft, run, drafts[run[0].source])
                     for run in runs(kept)]
            if found:
                out[path] = found
        return out


def _short_twin(draft: Draft, number: int, neighbour: Match, origin: Draft, step: int) -> Match | None:
    """Paragraph `number` (too short to compare alone) as the word-for-word twin of the paragraph
    `step` away from its matched neighbour's original: the short lines of a pasted block."""
    other = neighbour.other + step
    if draft.eligible[number] or not 0 <= other < len(origin.paragraphs):
        return None
    if origin.paragraphs[other].key != draft.paragraphs[number].key or origin is draft and other >= number:
        return None
    return Match(number, neighbour.source, other, True)


def _with_short_lead_ins(draft: Draft, matches: list[Match], sources) -> list[Match]:
    """Take in the short paragraphs (a heading, a "Tickets:" line) that open a pasted block."""
    matched = {m.index for m in matches}
    out = list(matches)
    for match in matches:
        first = match
        while first.index - 1 >= 0 and first.index - 1 not in matched:
            origin = draft if sources is None else sources[first.source]
            lead = _short_twin(draft, first.index - 1, first, origin, -1)
            if lead is None:
                break
            out.append(lead)
            matched.add(lead.index)
            first = lead
    return sorted(out, key=lambda m: m.index)


def _slipped_one_first(prose: str, draft: Draft, match: Match) -> Match:
    """Of two near twins, the one whose changed words are slips of the other's (in capitals, or
    with stray punctuation: caps lock, a half-finished edit) is the copy to delete, even when
    it stands first; the finding then points to the clean twin."""
    first, second = (prose[p.start:p.end] for p in (draft.paragraphs[match.other], draft.paragraphs[match.index]))
    if _slips(first, second) > _slips(second, first):
        return Match(match.other, match.source, match.index, match.exact)
    return match


def _slips(text: str, twin: str) -> int:
    mine, theirs = Counter(text.split()), Counter(twin.split())
    other = theirs - mine
    return sum(n for word, n in (mine - theirs).items()
               if any(word != w and (word == w.upper() or word.startswith(w) and not word[len(w):].strip(_STRAY))
                      for w in other))


_STRAY = ",.;:!?"


def _versions(draft: Draft, matches: list[Match], share: float) -> set:
    """Earlier drafts that this one mostly repeats: versions of one story, not copies."""
    eligible = sum(draft.eligible)
    per_source = Counter(m.source for m in matches)
    return {s for s, n in per_source.items() if eligible and n >= share * eligible}


def _shown(path: str) -> str:
    """A path as the user would type it: relative when it lies below the current folder."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative
