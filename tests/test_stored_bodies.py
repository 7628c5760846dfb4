"""StoredBodies is one mapping over the bodies rendered in this process and the body store."""
from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path

import pytest

from digest.cache.buildcache import BodyStore, StoredBodies


def _store(tmp_path: Path) -> BodyStore:
    store = BodyStore(tmp_path / "bodies.sqlite", [])
    store.sync({"stored": "<p>from disk</p>"}, None)
    return BodyStore(tmp_path / "bodies.sqlite", [])  # a later process: keys known, nothing read


def test_every_read_falls_back_to_the_store(tmp_path: Path) -> None:
    bodies = StoredBodies({"fresh": "<p>rendered</p>"}, _store(tmp_path))
    assert isinstance(bodies, MutableMapping)
    assert bodies["stored"] == "<p>from disk</p>"  # a dict subclass raised KeyError here
    assert bodies.get("stored") == "<p>from disk</p>" and "stored" in bodies
    assert bodies["fresh"] == "<p>rendered</p>"
    assert sorted(bodies) == ["fresh", "stored"] and len(bodies) == 2
    assert dict(bodies.items()) == {"fresh": "<p>rendered</p>", "stored": "<p>from disk</p>"}
    with pytest.raises(KeyError):
        bodies["missing"]
    assert bodies.get("missing", "default") == "default" and "missing" not in bodies


def test_writes_go_to_the_rendered_bodies_and_sync_saves_only_those(tmp_path: Path) -> None:
    store = _store(tmp_path)
    bodies = StoredBodies({}, store)
    bodies["new"] = "<p>new</p>"
    assert bodies.rendered == {"new": "<p>new</p>"}
    store.sync(bodies, None)
    later = StoredBodies({}, BodyStore(tmp_path / "bodies.sqlite", []))
    assert later["new"] == "<p>new</p>" and later["stored"] == "<p>from disk</p>"


def test_without_a_store_it_is_a_plain_mapping() -> None:
    bodies = StoredBodies({"a": "<p>a</p>"}, None)
    assert bodies["a"] == "<p>a</p>" and list(bodies) == ["a"] and "b" not in bodies
    with pytest.raises(KeyError):
        bodies["b"]
