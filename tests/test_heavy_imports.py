"""The trimmed imports of spaCy and textstat: the parts left out stay out, and still work."""
import json
import subprocess
import sys

PROBE = """
import json, sys
from attriblint.heavy_imports import import_spacy, import_textstat
from attriblint.nlp import Pipeline
doc = Pipeline({"parse"}).parse(["The minister said the bridge was closed."])[0]
textstat = import_textstat()
report = {
    "subject": [t.text for t in doc if t.dep_ == "nsubj"],
    "left_out": sorted(m for m in ("typer", "requests", "weasel", "pkg_resources") if m in sys.modules),
    "difficult": textstat.difficult_words("The extraordinarily complicated bridge was closed."),
}
import spacy.cli  # the real command line still loads when someone asks for it
report["cli"] = callable(spacy.cli.info)
import catalogue
from importlib.metadata import entry_points
index = catalogue.AVAILABLE_ENTRY_POINTS
report["groups_selected"] = len(index.selections)
report["same_entry_points"] = all(list(index.select(group=g)) == list(entry_points().select(group=g))
                                  for g in ("spacy_factories", "spacy_architectures", "spacy_languages"))
from srsly import msgpack
report["hooks"] = sorted(msgpack.msgpack_decoders.get_all())
msgpack.msgpack_decoders.register("probe", func=lambda obj, chain=None: chain(obj) if chain else obj)
report["hooks_after_register"] = sorted(msgpack.msgpack_decoders.get_all())
replacement = lambda obj, chain=None: chain(obj) if chain else obj
msgpack.msgpack_decoders.register("probe", func=replacement)
report["replaced_hook_used"] = msgpack.msgpack_decoders.get_all()["probe"] is replacement
report["round_trip_same"] = [t.dep_ for t in type(doc)(doc.vocab).from_bytes(doc.to_bytes())] == [t.dep_ for t in doc]
print(json.dumps(report))
"""


def test_spacy_and_textstat_import_without_their_unused_parts():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    report = json.loads(done.stdout)
    assert report["subject"] == ["minister", "bridge"]
    assert report["left_out"] == []
    assert report["difficult"] == 2  # read from textstat's word list through the stand-in
    assert report["cli"] is True
    assert 0 < report["groups_selected"] < 100  # each group filtered once, not once per lookup
    assert report["same_entry_points"] is True
    assert report["hooks"] == ["numpy"]  # srsly's msgpack hooks, looked up once
    assert report["hooks_after_register"] == ["numpy", "probe"]  # and again when one is added
    assert report["replaced_hook_used"] is True  # or replaced
    assert report["round_trip_same"] is True
