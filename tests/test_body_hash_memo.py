"""digest.core.model.body_hash is memoised (each body hashed once per process, the render
workers inherit the memo) and seeded with the hashes the content-loading workers computed:
both must give exactly the digest of the text, or a rendered body would be filed under the
wrong key and a changed body missed."""
from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.cache import loading
from digest.content.entries import load_entries, write_entry
from digest.core import model
from digest.core.config import Config
from digest.ingest.run import ingest


def _plain(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


@given(st.lists(st.text(), max_size=8))
def test_the_memoised_hash_is_the_texts_digest_before_and_after_the_memo_empties(texts: list[str]) -> None:
    for text in texts + texts:  # the second time from the memo (or computed again once emptied)
        assert model.body_hash(text) == _plain(text)
    model._BODY_HASHES.clear()
    assert [model.body_hash(t) for t in texts] == [_plain(t) for t in texts]


def test_the_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model._BODY_HASHES, "limit", 10)
    for n in range(50):
        assert model.body_hash(f"نص {n}") == _plain(f"نص {n}")
    assert len(model._BODY_HASHES) <= 11


def test_the_hashes_the_loading_workers_send_are_the_bodies_digests(site_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest(site_root, [site_root / "seeds"], Config.for_test())
    entries, errors = load_entries(site_root / "content")
    assert not errors and entries
    for n in range(6):
        write_entry(dataclasses.replace(entries[0], slug=f"copy-{n}", seed=None, body=entries[0].body + f"\n\nنسخة {n}.\n"), site_root / "content")
    monkeypatch.setattr(loading, "MIN_FILES_PER_WORKER", 1)  # parse in forked workers
    seeded: dict[str, str] = {}
    monkeypatch.setattr(loading, "known_body_hash", lambda text, digest: seeded.__setitem__(text, digest))
    loaded = loading.load_content(site_root / "content", workers=2, bodies={})
    assert len(loaded.entries) == 7 and not loaded.errors
    if not seeded:
        pytest.skip("no fork on this platform: the entries were parsed in this process")
    assert seeded == {e.body: _plain(e.body) for e in loaded.entries}
