"""On-disk cache of parsed prose blocks (DESIGN §7), one small file per block.

Why files per block: re-checking a draft after a one-paragraph edit finds every other
paragraph here and parses one. A file is written to a temporary name and renamed into
place, so concurrent runs never see half a file. Nothing read back is trusted: the header
names the key it was written for and carries a checksum, and the caller checks the text of
what it deserialises. Anything that fails is a miss, parsed again and overwritten.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import time
import zlib
from pathlib import Path

DEFAULT_DIR = ".attriblint_cache"
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
MAGIC = b"attriblint-parse-1\n"
KEY_BYTES = 20
CHECKSUM_BYTES = 16
HEADER_BYTES = len(MAGIC) + KEY_BYTES + CHECKSUM_BYTES
STALE_TEMP_SECONDS = 3600
IGNORE_EVERYTHING = "# written by attriblint: a cache, never commit it\n*\n"
CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# attriblint parse cache\n"


def _digest(data: bytes, size: int) -> bytes:
    return hashlib.blake2b(data, digest_size=size).digest()


class ParseCache:
    """Serialised parses of one model, version and pipe set (`namespace`), keyed by block text.

    `section` keeps other kinds of entry (result_cache) apart under the same root and bound.
    """

    def __init__(self, root: str | os.PathLike, namespace: str, max_bytes: int = DEFAULT_MAX_BYTES,
                 section: str = "parses"):
        self.root = Path(root)
        self.namespace = namespace
        self.folder = self.root / section / namespace
        self.max_bytes = max_bytes
        self.written = 0
        self.rejected = 0  # files found but not trusted (corrupt, foreign, truncated)

    def _key(self, text: str) -> bytes:
        return _digest(self.namespace.encode() + b"\0" + text.encode("utf-8", "surrogatepass"), KEY_BYTES)

    def _path(self, key: bytes) -> Path:
        name = key.hex()
        return self.folder / name[:2] / name[2:]

    def get(self, text: str) -> bytes | None:
        """The payload stored for `text`, or None when absent or not to be trusted."""
        key = self._key(text)
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        payload = self._unpack(data, key)
        if payload is None:
            self.rejected += 1
            return None
        try:
            os.utime(path)  # eviction removes the least recently used files first
        except OSError:
            pass
        return payload

    def holds(self, text: str) -> bool:
        """Whether an entry for `text` is on disk (not yet whether it can be trusted)."""
        return self._path(self._key(text)).is_file()

    def reject(self) -> None:
        """The caller could not use a payload `get` returned (e.g. it did not deserialise)."""
        self.rejected += 1

    @staticmethod
    def _unpack(data: bytes, key: bytes) -> bytes | None:
        if len(data) < HEADER_BYTES or not data.startswith(MAGIC):
            return None
        stored_key = data[len(MAGIC):len(MAGIC) + KEY_BYTES]
        checksum = data[len(MAGIC) + KEY_BYTES:HEADER_BYTES]
        body = data[HEADER_BYTES:]
        if stored_key != key or _digest(body, CHECKSUM_BYTES) != checksum:
            return None
        try:
            return zlib.decompress(body)
        except zlib.error:
            return None

    def put(self, text: str, payload: bytes) -> None:
        """Store atomically; a cache that cannot be written (read-only, full) is silently skipped."""
        key = self._key(text)
        body = zlib.compress(payload, 1)
        path = self._path(key)
        try:
            self._prepare(path.parent)
            handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(MAGIC + key + _digest(body, CHECKSUM_BYTES) + body)
                os.replace(temp, path)
            except BaseException:
                _remove(Path(temp))
                raise
        except OSError:
            return
        self.written += 1

    def _prepare(self, folder: Path) -> None:
        if folder.is_dir():
            return
        fresh = not self.root.exists()
        folder.mkdir(parents=True, exist_ok=True)
        if fresh:  # keep the cache out of version control and backups, as pytest and ruff do
            (self.root / ".gitignore").write_text(IGNORE_EVERYTHING, encoding="utf-8")
            (self.root / "CACHEDIR.TAG").write_text(CACHEDIR_TAG, encoding="utf-8")

    def evict(self) -> int:
        """Keep all sections and namespaces together under `max_bytes`: drop the least recently
        used files down to 80% of it, and temporary files left by killed runs. Returns how many."""
        files, total, removed = [], 0, 0
        now = time.time()
        for path in self.root.glob("*/*/*/*"):
            try:
                info = path.stat()
            except OSError:
                continue
            if path.name.startswith(".tmp-"):
                if now - info.st_mtime > STALE_TEMP_SECONDS:
                    removed += _remove(path)
                continue
            files.append((info.st_mtime, info.st_size, path))
            total += info.st_size
        if total <= self.max_bytes:
            return removed
        for _, size, path in sorted(files):
            if total <= self.max_bytes * 0.8:
                break
            removed += _remove(path)
            total -= size
        return removed


def _remove(path: Path) -> int:
    try:
        path.unlink()
    except OSError:  # another run removed it first
        return 0
    return 1
