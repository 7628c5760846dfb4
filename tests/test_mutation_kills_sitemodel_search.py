"""Tests that kill mutants of digest.sitemodel.search that the other tests let survive (issue 17,
benchmarks/mutation.sh sitemodel.search). Each asserts what a user sees, expected values written out."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from digest.cli import cli


def test_search_index_is_compact_utf8_json_as_readers_download_it(tmp_path: Path) -> None:
    # Folded as search.js folds a query (أ → ا, ؤ → و). Raw UTF-8 without spaces: Arabic as \uXXXX escapes would make the file about three times larger.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "khabar.md").write_text(
        "---\ntitle: أربيل تستضيف المؤتمر\ndate: 2024-05-01\ntags:\n- العراق\nsummary_ar: ملخص الخبر.\n"
        "review:\n  state: approved\n---\n\nنص الخبر.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["-C", str(tmp_path), "build", "--offline"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site" / "search.json").read_text(encoding="utf-8") == (
        '{"version":1,"fields":["url","title","title_en","date","ar","en"],"entries":['
        '["articles/khabar/","أربيل تستضيف المؤتمر",null,"2024-05-01","اربيل تستضيف الموتمر ملخص الخبر. العراق",""]]}'
    )
