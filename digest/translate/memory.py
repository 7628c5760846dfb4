"""Translation memory: a SQLite store of every translation made, under <root>/.digest/.

Keyed by provider, language pair and normalised source text (NFC, whitespace collapsed),
so a run over unchanged content asks no provider anything. Each result is committed as
soon as it arrives, so work finished before a failure is never lost. A corrupt or
unreadable store is reported, moved aside and rebuilt: never fatal.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import threading
import unicodedata
from pathlib import Path

from ..core.layout import TM_FILE  # user data beside the caches, never removed by `digest clean`

_SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS tm (
    provider TEXT NOT NULL,
    pair TEXT NOT NULL,
    key TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (provider, pair, key)
)
"""


def normalise_source(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _key(text: str) -> str:
    return hashlib.sha256(normalise_source(text).encode("utf-8")).hexdigest()


class TranslationMemory:
    """Thread-safe (one connection, one lock): workers store results as they finish."""

    def __init__(self, path: Path | None):
        self.path = path
        self.warnings: list[str] = []
        self._lock = threading.Lock()
        self._conn = self._open()

    @classmethod
    def for_root(cls, root: Path) -> TranslationMemory:
        return cls(root / TM_FILE)

    @classmethod
    def in_memory(cls) -> TranslationMemory:
        return cls(None)

    def _connect(self) -> sqlite3.Connection:
        target = ":memory:" if self.path is None else str(self.path)
        conn = sqlite3.connect(target, check_same_thread=False, timeout=10)
        if self.path is not None:
            # WAL: a commit per result stays cheap, and readers never block the writer.
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, _SCHEMA_VERSION):
            raise sqlite3.DatabaseError(f"unknown schema version {version}")
        conn.execute(_SCHEMA)  # writes nothing when the table exists
        if version != _SCHEMA_VERSION:
            # Only a new store is stamped: setting user_version again would change the
            # file's mtime, and the build's no-op check treats the memory as an input.
            conn.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        conn.execute("SELECT count(*) FROM tm").fetchone()
        conn.commit()
        return conn

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._connect()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect()
        except sqlite3.OperationalError as exc:  # locked, read-only, cannot open: not corrupt
            return self._in_memory(f"{self.path}: translation memory unavailable ({exc}); this run keeps results in memory only")
        except sqlite3.DatabaseError as exc:  # not a database, malformed, foreign schema
            aside = self.path.with_name(self.path.name + ".corrupt")
            self.warnings.append(f"{self.path}: translation memory unreadable ({exc}); moved to {aside.name} and rebuilt")
            try:
                self.path.replace(aside)
                for suffix in ("-wal", "-shm", "-journal"):
                    self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
                return self._connect()
            except (OSError, sqlite3.DatabaseError) as again:
                return self._in_memory(f"{self.path}: cannot rebuild the translation memory ({again}); this run keeps results in memory only")
        except OSError as exc:
            return self._in_memory(f"{self.path}: translation memory unavailable ({exc.strerror or exc}); this run keeps results in memory only")

    def _in_memory(self, warning: str) -> sqlite3.Connection:
        self.warnings.append(warning)
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        conn.execute(_SCHEMA)
        return conn

    def get(self, provider: str, pair: str, text: str) -> str | None:
        with self._lock:
            try:
                row = self._conn.execute(
                    "SELECT target FROM tm WHERE provider = ? AND pair = ? AND key = ?",
                    (provider, pair, _key(text)),
                ).fetchone()
            except sqlite3.DatabaseError as exc:
                self._degrade(exc)
                return None
        return None if row is None else str(row[0])

    def put(self, provider: str, pair: str, text: str, translation: str) -> None:
        with self._lock:
            try:
                self._conn.execute(
                    "INSERT OR REPLACE INTO tm (provider, pair, key, source, target, created) VALUES (?, ?, ?, ?, ?, ?)",
                    (provider, pair, _key(text), normalise_source(text), translation, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
                )
                self._conn.commit()
            except sqlite3.DatabaseError as exc:
                self._degrade(exc)

    def _degrade(self, exc: sqlite3.DatabaseError) -> None:
        """The store broke mid-run: keep going on an in-memory store, report it once."""
        self._conn = self._in_memory(f"{self.path}: translation memory failed ({exc}); continuing without it for this run")

    def __len__(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM tm").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()
