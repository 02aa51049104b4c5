"""Parsing in a second process while this one starts up.

A cold check of one draft spends most of its time, one step after another, importing spaCy
(about 0.35 s), loading the model (0.22 s, a third of it the tokenizer's rules) and parsing
(0.12 s). With a core to spare, a forked child imports spaCy and loads the pipes while this
process imports spaCy, loads only the tokenizer and splits the texts into words; the child
parses those and hands back the same bytes the parse cache stores. That pays only before this
process has imported spaCy, so it happens once, at the start of a run of a few drafts (a pool
shares its model instead); if the child fails for any reason, this process parses as it always does.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys


def worth_it(jobs: int) -> bool:
    """A second core is allowed (--jobs), the platform forks, and spaCy is not loaded yet."""
    return jobs > 1 and "spacy" not in sys.modules and os.name == "posix" and os.uname().sysname == "Linux"


class ParseAhead:
    """A forked child parsing `texts` with `pipeline`: this process splits them into words (a
    third of a model load is the tokenizer's) while the child loads the pipes, then hands the
    words over; `collect()` waits for the parses."""

    def __init__(self, pipeline, texts: list[str]):
        context = multiprocessing.get_context("fork")
        self.texts = texts
        self._connection, childs_end = context.Pipe()
        self._child = context.Process(target=_parse_and_send, args=(pipeline, childs_end, self._connection),
                                      daemon=True)
        self._child.start()
        childs_end.close()

    def hand_over(self, words: list[bytes] | None) -> None:
        """The texts as Docs split into words (Doc.to_bytes), or None to stop the child."""
        try:
            self._connection.send(words)
        except OSError:
            pass  # the child has died: collect() finds nothing

    def collect(self) -> dict[str, bytes]:
        """{text: stored parse} of every text the child parsed; {} when it failed or died."""
        payloads = None
        try:
            while not self._connection.poll(0.5):
                if not self._child.is_alive():
                    break
            else:
                payloads = self._connection.recv()
        except (EOFError, OSError):
            pass
        self._connection.close()
        self._child.join()
        return dict(zip(self.texts, payloads)) if isinstance(payloads, list) else {}


def _parse_and_send(pipeline, connection, parents_end) -> None:
    """The child: Ctrl-C is the parent's to report; and with the parent's end of the pipe closed
    here, the child learns at once when the parent dies instead of waiting for ever."""
    from attriblint.nlp import NOT_STORED

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parents_end.close()
    try:
        nlp = pipeline.pipes_only
        from spacy.tokens import Doc

        words = connection.recv()
        docs = [Doc(nlp.vocab).from_bytes(doc) for doc in words] if words is not None else None
        payloads = [doc.to_bytes(exclude=NOT_STORED) for doc in nlp.pipe(docs, batch_size=64)] if docs else None
    except Exception:  # noqa: BLE001 - the parent parses itself and reports what goes wrong
        payloads = None
    try:
        connection.send(payloads)
    except OSError:
        pass  # the parent is gone
    connection.close()
