import os
import threading

import pytest

from attriblint import nlp
from attriblint.config import load_config
from attriblint.engine import Checker, active_rules, load_ruleset
from attriblint.nlp import Pipeline
from attriblint.parse_cache import HEADER_BYTES, ParseCache

DRAFT = [
    "Troops moved to more advantageous positions near the river, a military spokesman said.",
    "The regional governor said two villages had been evacuated overnight.",
    "Officials in Moscow claimed control of a third settlement on Friday.",
    "Ukraine has not commented on these claims.",
]


def _entries(cache_dir):
    return sorted(p for p in (cache_dir / "parses").glob("*/*/*") if not p.name.startswith(".tmp-"))


def _euphemism_checker(cache_dir):
    """A fresh checker, as in a new run: empty memo, rules not yet indexed."""
    config = load_config()
    ruleset = load_ruleset(config)
    return Checker(config, ruleset, active_rules(ruleset, ["euphemism"], []), str(cache_dir))


def _lines(result):
    return [(f.rule, f.line, f.column, f.end_column) for f in result.findings]


def test_parses_round_trip_through_the_cache_without_loading_the_model(tmp_path, monkeypatch):
    fresh = Pipeline({"entities"}, cache_dir=tmp_path).parse(DRAFT)
    monkeypatch.setattr(nlp, "_load", lambda *args: pytest.fail("the model was loaded"))
    again = Pipeline({"entities"}, cache_dir=tmp_path)
    cached = again.parse(DRAFT)
    assert again.parsed == 0
    for one, other in zip(fresh, cached):
        assert [(t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.is_sent_start, t.ent_iob_, t.ent_type_,
                 t.is_stop, t.is_punct, t.like_num) for t in one] == \
               [(t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.is_sent_start, t.ent_iob_, t.ent_type_,
                 t.is_stop, t.is_punct, t.like_num) for t in other]
        assert [(e.text, e.label_) for e in one.ents] == [(e.text, e.label_) for e in other.ents]
        assert [c.text for c in one.noun_chunks] == [c.text for c in other.noun_chunks]
    assert [(e.text, e.label_) for e in cached[2].ents] == [("Moscow", "GPE"), ("third", "ORDINAL"),
                                                            ("Friday", "DATE")]


def test_each_pipe_set_has_its_own_entries(tmp_path):
    lemmas, entities = Pipeline({"lemmas"}, cache_dir=tmp_path), Pipeline({"entities"}, cache_dir=tmp_path)
    assert lemmas.namespace != entities.namespace
    assert lemmas.namespace.startswith(f"{lemmas.model_name}-3.8.0-")
    lemmas.parse(DRAFT[:1])
    entities.parse(DRAFT[:1])
    assert lemmas.parsed == entities.parsed == 1
    assert len(_entries(tmp_path)) == 2


def test_one_paragraph_edit_parses_one_paragraph(tmp_path):
    draft = tmp_path / "story.txt"
    draft.write_text("\n".join(DRAFT) + "\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = _euphemism_checker(cache)
    [before] = first.check_paths([str(draft)])
    assert first.pipeline.parsed >= len(DRAFT)  # the four paragraphs and the rule's phrases
    unchanged = _euphemism_checker(cache)
    assert _lines(unchanged.check_paths([str(draft)])[0]) == _lines(before) == [("euphemism", 1, 8, 44)]
    assert unchanged.pipeline.parsed == 0
    edited = DRAFT[:]
    edited[2] = "Officials in Moscow claimed control of a fourth settlement on Saturday."
    draft.write_text("\n".join(edited) + "\n", encoding="utf-8")
    after_edit = _euphemism_checker(cache)
    assert _lines(after_edit.check_paths([str(draft)])[0]) == [("euphemism", 1, 8, 44)]
    assert after_edit.pipeline.parsed == 1


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped byte", "foreign entry", "empty"])
def test_damaged_entries_are_ignored_and_rebuilt(tmp_path, damage):
    Pipeline({"lemmas"}, cache_dir=tmp_path).parse(DRAFT[:2])
    target, other = _entries(tmp_path)
    data = target.read_bytes()
    damaged = {"garbage": b"\x93NUMPY not a parse" * 40, "truncated": data[:len(data) // 2],
               "flipped byte": data[:-5] + bytes([data[-5] ^ 0xFF]) + data[-4:],
               "foreign entry": other.read_bytes(), "empty": b""}[damage]
    target.write_bytes(damaged)
    pipeline = Pipeline({"lemmas"}, cache_dir=tmp_path)
    docs = pipeline.parse(DRAFT[:2])
    assert [d.text for d in docs] == DRAFT[:2]
    assert pipeline.parsed == 1 and pipeline.cache.rejected == 1
    assert target.read_bytes() != damaged  # rebuilt
    rebuilt = Pipeline({"lemmas"}, cache_dir=tmp_path)
    rebuilt.parse(DRAFT[:2])
    assert rebuilt.parsed == 0 and rebuilt.cache.rejected == 0


def test_a_valid_entry_whose_doc_has_other_text_is_not_trusted(tmp_path):
    """Even a well-formed entry is checked against the block it claims to be."""
    lemmas = Pipeline({"lemmas"}, cache_dir=tmp_path)
    other_doc = lemmas.parse([DRAFT[1]])[0]
    lemmas.cache.put(DRAFT[0], other_doc.to_bytes(exclude=nlp.NOT_STORED))
    fresh = Pipeline({"lemmas"}, cache_dir=tmp_path)
    assert fresh.parse([DRAFT[0]])[0].text == DRAFT[0]
    assert fresh.parsed == 1 and fresh.cache.rejected == 1


def test_eviction_drops_least_recently_used_entries(tmp_path):
    cache = ParseCache(tmp_path, "model-1.0-abc", max_bytes=12_000)
    for number in range(10):
        cache.put(f"block {number}", os.urandom(1000))  # incompressible: ~1 kB a file
    files = _entries(tmp_path)
    assert len(files) == 10 and cache.evict() == 0
    for age, number in enumerate(range(10)):
        path = cache._path(cache._key(f"block {number}"))
        os.utime(path, (1_000_000 + age, 1_000_000 + age))  # block 0 is the oldest
    cache.get("block 0")  # a hit makes it the most recent
    for number in range(10, 14):
        cache.put(f"block {number}", os.urandom(1000))
    removed = cache.evict()
    assert sum(p.stat().st_size for p in _entries(tmp_path)) <= 9_600
    assert removed == 14 - len(_entries(tmp_path)) == 5
    assert cache.get("block 0") is not None and cache.get("block 1") is None
    assert cache.get("block 13") is not None


def test_concurrent_writers_and_readers_never_see_half_an_entry(tmp_path):
    payloads = [bytes([n]) * 50_000 for n in range(1, 5)]
    seen, stop = set(), threading.Event()
    writers = [ParseCache(tmp_path, "ns") for _ in payloads]

    def write(cache, payload):
        for _ in range(40):
            cache.put("same block", payload)

    def read():
        reader = ParseCache(tmp_path, "ns")
        while not stop.is_set():
            found = reader.get("same block")
            if found is not None:
                seen.add(found)
        assert reader.rejected == 0

    threads = [threading.Thread(target=write, args=pair) for pair in zip(writers, payloads)]
    watcher = threading.Thread(target=read)
    watcher.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stop.set()
    watcher.join()
    assert seen and seen <= set(payloads)
    assert [p.name for p in (tmp_path / "parses" / "ns").glob("*/.tmp-*")] == []


def test_cache_folder_defaults_beside_the_config_and_stays_out_of_git(run, isolated):
    (isolated / "drafts").mkdir()
    (isolated / "drafts" / "a.txt").write_text(DRAFT[0] + "\n", encoding="utf-8")
    assert run("check", "--select", "euphemism", "a.txt", cwd=isolated / "drafts").code == 1
    cache = isolated / ".attriblint_cache"
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (cache / "CACHEDIR.TAG").exists() and len(_entries(cache)) >= 1
    (isolated / "b.txt").write_text(DRAFT[3] + "\n", encoding="utf-8")
    before = len(_entries(cache))
    assert run("check", "--no-cache", "b.txt", cwd=isolated).code == 0
    assert len(_entries(cache)) == before
    assert run("check", "--select", "euphemism", "--cache-dir", isolated / "elsewhere", "b.txt").code == 0
    assert len(_entries(isolated / "elsewhere")) == before  # the rule's phrases and one paragraph


def test_with_every_parse_cached_no_rule_loads_the_model(tmp_path, monkeypatch):
    """Results gone (a new version, a changed setting) but parses kept: every rule, sides and
    word lists included, runs from the cache."""
    from attriblint.analysis import side_terms

    monkeypatch.setattr(side_terms, "_TERMS_MEMO", {})  # each run as in a new process
    draft = tmp_path / "story.txt"
    draft.write_text("\n\n".join(DRAFT) + "\n", encoding="utf-8")
    config = load_config()
    ruleset = load_ruleset(config)
    cold = Checker(config, ruleset, active_rules(ruleset, None, []), str(tmp_path / "cache"))
    first = cold.check_paths([str(draft)])
    for entry in (tmp_path / "cache" / "results").rglob("*"):
        if entry.is_file():
            entry.unlink()
    monkeypatch.setattr(nlp, "_load", lambda *args: pytest.fail("the model was loaded"))
    monkeypatch.setattr(side_terms, "_TERMS_MEMO", {})
    warm = Checker(config, ruleset, active_rules(ruleset, None, []), str(tmp_path / "cache"))
    again = warm.check_paths([str(draft)])
    assert warm.pipeline.parsed == 0 and warm.results.store.written == 1
    assert [f.to_json() for f in again[0].findings] == [f.to_json() for f in first[0].findings]
    assert [f.rule for f in again[0].findings] == ["euphemism"]
