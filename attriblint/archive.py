"""Reference archive: earlier stories or wire copy, indexed once for `duplicate-text`.

Each paragraph of the archive gets a MinHash signature (datasketch) cut into LSH bands; the
band keys and the paragraph shingles live in an SQLite file in the cache folder. A query
looks up one indexed key per band and verifies the few candidates exactly, so its cost
does not grow with the archive. The file is keyed by the archive files' paths, sizes and
modification times plus the fingerprint settings; it is written to a temporary file and
moved into place (readers never see half an index), and rebuilt when stale or unreadable.
"""
from __future__ import annotations

import array
import hashlib
import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from attriblint import document as documents
from attriblint.errors import ConfigError, InputError
from attriblint.fingerprint import Unit, eligible, unit

FORMAT = 1
NUM_PERM, BANDS, ROWS = 96, 32, 3  # LSH candidates from a Jaccard of about (1/32)^(1/3) = 0.31
_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5)


@dataclass(frozen=True)
class Hit:
    """An archive paragraph that holds `similarity` of the queried paragraph."""

    path: str
    index: int  # paragraph number inside its file
    line: int
    end_line: int
    key: int
    similarity: float
    shingles: frozenset[int]


def _identity(value: int) -> int:
    return value


_UNSIGNED = (1 << 64) - 1


def _signed(value: int) -> int:
    """An unsigned 64-bit value as SQLite's signed INTEGER (two's complement)."""
    return value - (1 << 64) if value >= 1 << 63 else value


def _paragraphs(file: Path, shingle_words: int):
    """(fingerprint, line, end_line, prose) of each paragraph of an archive file; unreadable files add none."""
    try:
        doc = documents.load(file)
    except InputError:
        return
    for paragraph in doc.paragraphs:
        item = unit(doc.prose, paragraph.start, paragraph.end, shingle_words)
        yield item, doc.position(item.start)[0], doc.position(max(item.start, item.end - 1))[0], doc.prose


def archive_files(locations: list[Path]) -> list[Path]:
    files: list[Path] = []
    for location in (Path(p).resolve() for p in locations):
        if location.is_dir():
            files += sorted(p for p in location.rglob("*")
                            if p.suffix.lower() in documents.DRAFT_SUFFIXES and p.is_file())
        elif location.is_file():
            files.append(location)
        else:
            raise ConfigError(f"duplicates: reference archive {location} does not exist")
    return files


def band_keys(shingles, empty) -> list[int]:
    """The LSH band keys (signed 64-bit, for SQLite) of a shingle set's MinHash signature;
    `empty` is a fresh MinHash, copied so its permutations are drawn once."""
    import numpy as np

    signature = empty.copy()
    signature.update_batch([s & 0xFFFFFFFF for s in shingles])
    rows = signature.hashvalues.astype(np.uint64).reshape(BANDS, ROWS)
    with np.errstate(over="ignore"):
        mixed = rows[:, 0] * np.uint64(_MIX[0]) ^ rows[:, 1] * np.uint64(_MIX[1]) ^ rows[:, 2] * np.uint64(_MIX[2])
        mixed ^= np.arange(BANDS, dtype=np.uint64) * np.uint64(_MIX[3])
    return mixed.view(np.int64).tolist()


def _empty_signature():
    from datasketch import MinHash

    return MinHash(NUM_PERM, hashfunc=_identity)


class ReferenceArchive:
    def __init__(self, path: Path):
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._empty = _empty_signature()

    @classmethod
    def open(cls, locations: list[Path], cache: Path | None, shingle_words: int, min_words: int,
             boilerplate: list) -> "ReferenceArchive":
        """The archive's index from the cache, built first when missing, stale or unreadable."""
        import datasketch

        files = archive_files(locations)
        settings = {"format": FORMAT, "perm": [NUM_PERM, BANDS, ROWS], "datasketch": datasketch.__version__,
                    "shingle-words": shingle_words, "min-words": min_words, "boilerplate": [p.pattern for p in boilerplate]}
        stamp = [(str(f), stat.st_mtime_ns, stat.st_size) for f, stat in ((f, f.stat()) for f in files)]
        key = hashlib.sha256(json.dumps([settings, stamp]).encode()).hexdigest()
        folder = Path(cache or ".attriblint_cache")
        name = hashlib.sha256(json.dumps(sorted(str(Path(p).resolve()) for p in locations)).encode()).hexdigest()
        path = folder / f"archive-{name[:16]}.sqlite"
        if _stored_key(path) != key:
            build(path, files, key, shingle_words, min_words, boilerplate)
        return cls(path)

    def matches(self, item: Unit, threshold: float) -> list[Hit]:
        """Archive paragraphs holding at least `threshold` of the paragraph, best first."""
        if not item.shingles:
            return []
        keys = band_keys(item.shingles, self._empty)
        marks = ",".join("?" * len(keys))
        rows = self._db.execute(
            f"SELECT p.path, p.number, p.line, p.end_line, p.key, p.shingles FROM paragraphs p "
            f"WHERE p.id IN (SELECT paragraph FROM bands WHERE key IN ({marks}))", keys).fetchall()
        hits = []
        for path, number, line, end_line, key, blob in rows:
            shingles = frozenset(array.array("Q", blob))
            shared = len(item.shingles & shingles)
            if shared >= threshold * len(item.shingles):
                hits.append(Hit(path, number, line, end_line, key & _UNSIGNED, shared / len(item.shingles), shingles))
        return sorted(hits, key=lambda h: (-h.similarity, h.path, h.index))


def _stored_key(path: Path) -> str | None:
    """The key an index file was built for, or None when it is missing or not a readable index."""
    if not path.is_file():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE name = 'key'").fetchone()
            return row[0] if row else None
    except sqlite3.DatabaseError:
        return None


def build(path: Path, files: list[Path], key: str, shingle_words: int, min_words: int, boilerplate: list):
    """Index every paragraph of the archive into a new SQLite file, then move it into place."""
    empty = _empty_signature()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.stem, suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        db = sqlite3.connect(temporary)
        db.executescript("""
            CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE paragraphs (id INTEGER PRIMARY KEY, path TEXT, number INTEGER, line INTEGER,
                                     end_line INTEGER, key INTEGER, shingles BLOB);
            CREATE TABLE bands (key INTEGER, paragraph INTEGER, PRIMARY KEY (key, paragraph)) WITHOUT ROWID;
        """)
        number = 0
        for file in files:
            for index, (item, line, end_line, prose) in enumerate(_paragraphs(file, shingle_words)):
                if not eligible(item, prose, min_words, boilerplate):
                    continue
                number += 1
                db.execute("INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (number, str(file), index, line, end_line, _signed(item.key),
                            array.array("Q", item.shingles).tobytes()))
                db.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?)",
                               [(k, number) for k in band_keys(item.shingles, empty)])
        db.execute("INSERT INTO meta VALUES ('key', ?)", (key,))
        db.commit()
        db.close()
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
