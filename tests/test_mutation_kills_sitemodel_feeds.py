"""Tests that kill mutants of digest.sitemodel.feeds that the other tests let survive (issue 17,
benchmarks/mutation.sh sitemodel.feeds). Each asserts what a user sees, expected values written out."""
from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from libre_stub import LibreStub

from digest.cli import cli

ENTRY = (
    "---\ntitle: خبر عاجل\ndate: 2024-05-01\ntags:\n- العراق\ntitle_en: Breaking\nsummary_ar: ملخص الخبر.\n"
    "summary_en: Summary <of> it & more.\ntranslation:\n  status: edited\nreview:\n  state: approved\n---\n\nنص الخبر.\n"
)


def ok(root: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["-C", str(root), *args])
    assert result.exit_code == 0, result.output
    return result.output


def json_ld(page: Path) -> str:
    (script,) = re.findall(r'<script type="application/ld\+json">([^<]*)</script>', page.read_text(encoding="utf-8"))
    return script


def test_sitemap_and_robots_of_a_site_under_a_base_url_with_an_ampersand(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "khabar.md").write_text(ENTRY, encoding="utf-8")
    ok(tmp_path, "build", "--offline", "--base-url", "https://news.example.org/a&b/")
    base = "https://news.example.org/a&amp;b/"
    assert (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8") == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"  <url><loc>{base}</loc></url>\n"
        f"  <url><loc>{base}archive/</loc></url>\n"
        f"  <url><loc>{base}archive/2024/05/</loc></url>\n"
        f"  <url><loc>{base}articles/khabar/</loc><lastmod>2024-05-01</lastmod></url>\n"
        f"  <url><loc>{base}en/</loc></url>\n"
        f"  <url><loc>{base}tags/</loc></url>\n"
        f"  <url><loc>{base}tags/العراق/</loc></url>\n"
        "</urlset>\n"
    )
    assert (tmp_path / "site" / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\nSitemap: https://news.example.org/a&b/sitemap.xml\n"
    )
    # <, > and & of the English summary as \u escapes, so the text cannot close the <script>.
    assert '"description": "Summary \\u003cof\\u003e it \\u0026 more."' in json_ld(tmp_path / "site" / "articles" / "khabar" / "index.html")


def test_json_ld_names_the_machine_translator_of_machine_english(site_root: Path) -> None:
    ok(site_root, "ingest")
    with LibreStub() as stub:
        ok(site_root, "translate", "--provider", "libre", "--provider-url", stub.url)
    ok(site_root, "build", "--offline", "--drafts")
    (page,) = (site_root / "site" / "articles").glob("*/index.html")
    data = json.loads(json_ld(page))
    assert data["workTranslation"]["translator"] == {"@type": "Organization", "name": "Machine translation (LibreTranslate), not reviewed"}
