"""SiteLayout is the public layout of a site root (CONTRACT.md, README "Site root layout")."""
from __future__ import annotations

from pathlib import Path

from digest.core.layout import SiteLayout


def test_the_layout_names_the_documented_paths(tmp_path: Path) -> None:
    layout = SiteLayout(tmp_path)
    assert layout.config_file == tmp_path / "digest.toml"
    assert layout.glossary_files == (tmp_path / "glossary.toml", tmp_path / "glossary.yaml", tmp_path / "glossary.yml")
    assert (layout.seeds, layout.content, layout.templates, layout.site) == (
        tmp_path / "seeds", tmp_path / "content", tmp_path / "templates", tmp_path / "site"
    )
    assert layout.entry_file("خبر-عاجل") == tmp_path / "content" / "خبر-عاجل.md"
    assert layout.build_lock == tmp_path / ".digest" / "build.lock"
    assert layout.translation_memory == tmp_path / ".digest" / "tm.sqlite"
    assert layout.preview == tmp_path / ".digest" / "preview"


def test_only_caches_and_the_preview_are_disposable(tmp_path: Path) -> None:
    disposable = SiteLayout(tmp_path).disposable()
    assert disposable == (
        tmp_path / ".digest" / "cache",
        tmp_path / ".digest" / "inputs",
        tmp_path / ".digest" / "manifest",
        tmp_path / ".digest" / "preview",
    )
    layout = SiteLayout(tmp_path)
    for kept in (layout.content, layout.seeds, layout.templates, layout.site, layout.translation_memory, layout.config_file):
        assert not any(kept == path or path in kept.parents or kept in path.parents for path in disposable)
