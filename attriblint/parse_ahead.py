"""Parsing in a second process while this one starts up.

A cold check of one draft spends most of its time, one step after another, importing spaCy
(about 0.45 s), loading the model (0.2 s) and parsing (0.15 s). With a core to spare, a forked
child imports, loads and parses while this process imports spaCy only to read the parses back,
as the same bytes the parse cache stores. That pays only before this process has imported
spaCy, so it happens once, at the start of a run of a few drafts (a pool shares its model
instead); if the child fails for any reason, this process parses as it always does.
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
    """A forked child parsing `texts` with `pipeline`; `collect()` waits for its parses."""

    def __init__(self, pipeline, texts: list[str]):
        context = multiprocessing.get_context("fork")
        self.texts = texts
        self._receiver, sender = context.Pipe(duplex=False)
        self._child = context.Process(target=_parse_and_send, args=(pipeline, texts, sender, self._receiver),
                                      daemon=True)
        self._child.start()
        sender.close()

    def collect(self) -> dict[str, bytes]:
        """{text: stored parse} of every text the child parsed; {} when it failed or died."""
        payloads = None
        try:
            while not self._receiver.poll(0.5):
                if not self._child.is_alive():
                    break
            else:
                payloads = self._receiver.recv()
        except (EOFError, OSError):
            pass
        self._receiver.close()
        self._child.join()
        return dict(zip(self.texts, payloads)) if isinstance(payloads, list) else {}


def _parse_and_send(pipeline, texts: list[str], sender, parents_end) -> None:
    """The child: Ctrl-C is the parent's to report; and with the parent's end of the pipe closed
    here, sending to a parent that has died fails at once instead of waiting for ever."""
    from attriblint.nlp import NOT_STORED

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parents_end.close()
    try:
        payloads = [doc.to_bytes(exclude=NOT_STORED) for doc in pipeline.nlp.pipe(texts, batch_size=64)]
    except Exception:  # noqa: BLE001 - the parent parses itself and reports what goes wrong
        payloads = None
    try:
        sender.send(payloads)
    except OSError:
        pass  # the parent is gone
    sender.close()
