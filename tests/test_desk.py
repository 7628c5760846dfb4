"""The review desk of `digest serve` over HTTP: forms served into preview pages, the
checks every change passes (token, Host, Origin, stale file), and the writes it makes."""
from __future__ import annotations

import hashlib
import html
import http.client
import re
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli as main
from tests.test_serve import Server, _free_port

ORIGIN = "http://127.0.0.1:{port}"


def _start_serve(root: Path, *extra: str, env: dict[str, str] | None = None) -> Server:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "digest.cli", "-C", str(root), "serve", "--no-browser", "--port", str(port), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    srv = Server(proc, port)
    srv.wait_for_line("serving the preview at")
    return srv


@pytest.fixture
def desk_root(site_root: Path) -> Path:
    result = CliRunner().invoke(main, ["-C", str(site_root), "ingest"])
    assert result.exit_code == 0, result.output
    return site_root


@pytest.fixture
def desk(desk_root: Path) -> Iterator[Server]:
    srv = _start_serve(desk_root, "--by", "Layla")
    try:
        yield srv
    finally:
        srv.proc.kill()
        srv.proc.wait()


def _slug(root: Path) -> str:
    return next((root / "content").glob("*.md")).stem


def _request(port: int, method: str, path: str, *, body: dict[str, str] | list[tuple[str, str]] | None = None, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    data = urllib.parse.urlencode(body).encode() if body is not None else None
    sent = {"Host": f"127.0.0.1:{port}"}
    if data is not None:
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    sent.update(headers or {})
    conn.request(method, urllib.parse.quote(path), body=data, headers=sent)
    response = conn.getresponse()
    text = response.read().decode("utf-8")
    conn.close()
    return response.status, dict(response.getheaders()), text


def _form(page: str, action: str = "approve") -> dict[str, str]:
    """The hidden fields of the desk's first form on a page."""
    form = page[page.index('<form class="desk-actions"') :]
    form = form[: form.index("</form>")]
    values = {m[1]: html.unescape(m[2]) for m in re.finditer(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form)}
    values["action"] = action
    return values


def _article(srv: Server, slug: str) -> str:
    status, _h, page = _request(srv.port, "GET", f"/articles/{slug}/")
    assert status == 200
    return page


def test_article_page_carries_the_desk_with_labelled_bidirectional_fields(desk: Server, desk_root: Path) -> None:
    slug = _slug(desk_root)
    page = _article(desk, slug)
    digest = hashlib.sha256((desk_root / "content" / f"{slug}.md").read_bytes()).hexdigest()
    assert f'data-hash="{digest}"' in page
    assert '<bdi id="desk-editor">Layla</bdi>' in page
    assert '<input id="desk-title-en" name="title_en" dir="ltr" lang="en"' in page
    assert '<textarea id="desk-summary-en" name="summary_en" dir="ltr" lang="en"' in page
    assert '<textarea id="desk-summary-ar" readonly dir="rtl" lang="ar"' in page
    for field_id in ("desk-title-en", "desk-summary-en", "desk-reason", "desk-date", "desk-source-url"):
        assert f'<label for="{field_id}">' in page
    assert 'id="desk-help"' in page
    # The file on disk never holds a form or a token: only the served page does.
    on_disk = (desk_root / ".digest" / "preview" / "articles" / slug / "index.html").read_text(encoding="utf-8")
    assert "desk-approve" not in on_disk and _form(page)["token"] not in on_disk


def test_approve_writes_through_the_cli_writer_and_the_page_is_rebuilt(desk: Server, desk_root: Path) -> None:
    slug = _slug(desk_root)
    path = desk_root / "content" / f"{slug}.md"
    before = path.read_text(encoding="utf-8")
    status, headers, _ = _request(
        desk.port, "POST", "/_desk/entry", body=_form(_article(desk, slug), "approve"),
        headers={"Origin": ORIGIN.format(port=desk.port)},
    )
    # The seed has no English (offline ingest): approving needs --force in the CLI, so here too.
    assert status == 400
    assert path.read_text(encoding="utf-8") == before
    status, headers, _ = _request(
        desk.port, "POST", "/_desk/entry", body=_form(_article(desk, slug), "reject") | {"reason": "duplicate"},
        headers={"Origin": ORIGIN.format(port=desk.port)},
    )
    assert status == 303 and headers["Location"] == "/review/"  # no page for a rejected entry; no other draft
    after = path.read_text(encoding="utf-8")
    assert "state: rejected" in after and "by: Layla" in after and "reason: duplicate" in after
    assert after.split("\n---\n", 1)[1] == before.split("\n---\n", 1)[1]  # the body, byte for byte
    dashboard = _request(desk.port, "GET", "/review/")[2]
    assert f"rejected {slug} (rejected by Layla)" in dashboard
    row = re.search(r'<tr data-state="(\w+)" data-flags="[^"]*"><td><input type="checkbox" class="desk-pick" form="desk-batch" name="slug" value="([^"]+)"', dashboard)
    assert row is not None and row.groups() == ("rejected", slug)


def test_save_marks_english_edited_and_keeps_the_machine_text(desk: Server, desk_root: Path) -> None:
    slug = _slug(desk_root)
    path = desk_root / "content" / f"{slug}.md"
    page = _article(desk, slug)
    values = _form(page, "save") | {
        "title_en": "Edited headline", "summary_en": "An editor's summary.\r\nSecond line.",
        "date": "2024-02-03", "source_url": "https://example.org/a",
    }
    status, _headers, _ = _request(desk.port, "POST", "/_desk/entry", body=values, headers={"Origin": ORIGIN.format(port=desk.port)})
    assert status == 303
    text = path.read_text(encoding="utf-8")
    assert "title_en: Edited headline" in text
    assert "date: 2024-02-03" in text and "date_source: editor" in text
    assert "source_url: https://example.org/a" in text
    assert "status: edited" in text
    assert "edited:\n  by: Layla\n" in text
    listed = CliRunner().invoke(main, ["-C", str(desk_root), "list", "--json"])
    import json

    entry = json.loads(listed.output)[0]
    assert entry["title_en"] == "Edited headline"
    assert entry["summary_en"] == "An editor's summary.\nSecond line."
    assert entry["translation"]["status"] == "edited"
    rebuilt = _article(desk, slug)
    assert "Edited headline" in rebuilt and "saved title_en, summary_en, date, source_url" in rebuilt


def _front_matter(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def _refused(srv: Server, path: Path, body: dict[str, str], headers: dict[str, str], expected: int, message: str) -> None:
    before = path.read_bytes()
    status, _h, text = _request(srv.port, "POST", "/_desk/entry", body=body, headers=headers)
    assert status == expected, text
    assert message in text
    assert path.read_bytes() == before


def test_token_host_origin_and_stale_hash_are_refused_and_nothing_written(desk: Server, desk_root: Path) -> None:
    slug = _slug(desk_root)
    path = desk_root / "content" / f"{slug}.md"
    origin = {"Origin": ORIGIN.format(port=desk.port)}
    form = _form(_article(desk, slug), "reject") | {"reason": "off topic"}
    _refused(desk, path, {k: v for k, v in form.items() if k != "token"}, origin, 403, "the form's token is missing or wrong")
    _refused(desk, path, form | {"token": "x" * 43}, origin, 403, "the form's token is missing or wrong")
    _refused(desk, path, form, {"Origin": "http://evil.example"}, 403, "Origin 'http://evil.example' is not this preview")
    _refused(desk, path, form, {}, 403, "POST without an Origin header")
    _refused(desk, path, form, origin | {"Host": f"evil.example:{desk.port}"}, 403, "is not an address of this preview")
    _refused(desk, path, form, origin | {"Sec-Fetch-Site": "cross-site"}, 403, "from another site")
    # Another editor changed the file after the form was made: 409, both versions shown.
    path.write_text(path.read_text(encoding="utf-8").replace("summary_en: null", "summary_en: By hand"), encoding="utf-8")
    save = _form(_article(desk, slug), "save")
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    before = path.read_bytes()
    status, _h, text = _request(desk.port, "POST", "/_desk/entry", body=save | {"summary_en": "My summary"}, headers=origin)
    assert status == 409
    assert "the file changed since this form was made" in text
    assert "My summary" in text  # the editor's version
    assert "One more line." in text  # the file's version
    assert path.read_bytes() == before


def test_network_bind_refuses_edits_without_the_key(desk_root: Path) -> None:
    srv = _start_serve(desk_root, "--host", "0.0.0.0")
    try:
        slug = _slug(desk_root)
        path = desk_root / "content" / f"{slug}.md"
        page = _article(srv, slug)
        assert "Edits are off" in page
        _refused(srv, path, _form(page, "reopen"), {"Origin": ORIGIN.format(port=srv.port)}, 403, "edits are off")
    finally:
        srv.proc.kill()
        srv.proc.wait()


def test_network_bind_with_a_key_needs_the_key_cookie(desk_root: Path) -> None:
    key = "correct-horse-battery"
    srv = _start_serve(desk_root, "--host", "0.0.0.0", "--allow-edits-from-network", key)
    try:
        slug = _slug(desk_root)
        path = desk_root / "content" / f"{slug}.md"
        origin = {"Origin": ORIGIN.format(port=srv.port)}
        form = _form(_article(srv, slug), "reject") | {"reason": "dup"}
        _refused(srv, path, form, origin, 403, "this desk needs its key")
        status, _h, _ = _request(srv.port, "POST", "/_desk/unlock", body={"token": form["token"], "key": "wrong"}, headers=origin)
        assert status == 403
        status, headers, _ = _request(srv.port, "POST", "/_desk/unlock", body={"token": form["token"], "key": key}, headers=origin)
        assert status == 303
        cookie = headers["Set-Cookie"].split(";")[0]
        status, _h, _ = _request(srv.port, "POST", "/_desk/entry", body=form, headers=origin | {"Cookie": cookie})
        assert status == 303
        assert "state: rejected" in path.read_text(encoding="utf-8")
    finally:
        srv.proc.kill()
        srv.proc.wait()


def test_short_network_key_is_a_usage_error(desk_root: Path) -> None:
    result = CliRunner().invoke(main, ["-C", str(desk_root), "serve", "--no-browser", "--allow-edits-from-network", "short"])
    assert result.exit_code == 2
    assert "the key must be at least 12 characters" in result.output


@pytest.fixture
def stub() -> Iterator[object]:
    from tests.libre_stub import LibreStub

    with LibreStub() as server:
        yield server


def _two_translated_entries(root: Path, stub_url: str) -> list[str]:
    """The seed's entry and a copy under another slug, both machine-translated (libre stub)."""
    first = next((root / "content").glob("*.md"))
    (root / "content" / "second-entry.md").write_bytes(first.read_bytes())
    (root / "digest.toml").write_text(f'[translate]\nprovider = "libre"\nprovider_url = "{stub_url}"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["-C", str(root), "translate"], env={"LIBRE_API_KEY": "test"})
    assert result.exit_code == 0, result.output
    return sorted(p.stem for p in (root / "content").glob("*.md"))


def test_batch_approve_from_the_dashboard_confirms_then_writes_all(desk_root: Path, stub: object) -> None:
    slugs = _two_translated_entries(desk_root, stub.url)  # type: ignore[attr-defined]
    srv = _start_serve(desk_root, "--by", "Omar")
    try:
        origin = {"Origin": ORIGIN.format(port=srv.port)}
        status, _h, dashboard = _request(srv.port, "GET", "/review/")
        assert status == 200
        assert '<ul class="desk-totals" id="desk-totals" aria-labelledby="desk-totals-title"><li><span class="state state-draft">draft</span> 2</li><li><span class="state state-approved">approved</span> 0</li><li><span class="state state-rejected">rejected</span> 0</li>' in dashboard
        token = re.search(r'<form id="desk-batch" method="post" action="/_desk/batch"><input type="hidden" name="token" value="([^"]+)">', dashboard)
        assert token is not None
        # Step 1: "all matching this filter" (state draft) → a confirmation page with the count.
        status, _h, confirm = _request(
            srv.port, "POST", "/_desk/batch",
            body={"token": token[1], "action": "approve", "scope": "filter", "filter_state": "draft", "filter_flag": ""},
            headers=origin,
        )
        assert status == 200
        assert "<h1 id=\"desk-confirm-title\">Approve 2 entries?</h1>" in confirm
        before = {s: (desk_root / "content" / f"{s}.md").read_bytes() for s in slugs}
        assert all(b"state: draft" in b for b in before.values())  # nothing written before confirming
        fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', confirm)
        assert sorted(name for name, _ in fields if name.startswith("h:")) == [f"h:{s}" for s in slugs]
        # Step 2: confirm.
        status, headers, _ = _request(srv.port, "POST", "/_desk/batch", body=[(n, html.unescape(v)) for n, v in fields], headers=origin)
        assert status == 303 and headers["Location"] == "/review/", "".join(srv.output)
        for slug in slugs:
            text = (desk_root / "content" / f"{slug}.md").read_text(encoding="utf-8")
            assert "review:\n  state: approved\n  by: Omar\n" in text
        dashboard = _request(srv.port, "GET", "/review/")[2]
        assert "approve: 2 entries changed by Omar" in dashboard
        assert re.findall(r'<tr data-state="(\w+)"', dashboard) == ["approved", "approved"]
    finally:
        srv.proc.kill()
        srv.proc.wait()


def test_batch_with_a_file_changed_since_confirmation_writes_nothing(desk_root: Path, stub: object) -> None:
    slugs = _two_translated_entries(desk_root, stub.url)  # type: ignore[attr-defined]
    srv = _start_serve(desk_root)
    try:
        origin = {"Origin": ORIGIN.format(port=srv.port)}
        token = _form(_article(srv, slugs[0]))["token"]
        confirm = _request(srv.port, "POST", "/_desk/batch", body=[("token", token), ("action", "approve"), ("slug", slugs[0]), ("slug", slugs[1])], headers=origin)[2]
        assert "<h1 id=\"desk-confirm-title\">Approve 2 entries?</h1>" in confirm
        fields = [(n, html.unescape(v)) for n, v in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', confirm)]
        changed = desk_root / "content" / f"{slugs[1]}.md"
        changed.write_text(changed.read_text(encoding="utf-8") + "\nBy hand.\n", encoding="utf-8")
        before = {s: (desk_root / "content" / f"{s}.md").read_bytes() for s in slugs}
        status, _h, text = _request(srv.port, "POST", "/_desk/batch", body=fields, headers=origin)
        assert status == 409 and f"content/{slugs[1]}.md: the file changed since this form was made" in text
        assert {s: (desk_root / "content" / f"{s}.md").read_bytes() for s in slugs} == before
    finally:
        srv.proc.kill()
        srv.proc.wait()


def test_translate_again_uses_the_configured_provider_and_says_so_offline(desk_root: Path, stub: object) -> None:
    slugs = _two_translated_entries(desk_root, stub.url)  # type: ignore[attr-defined]
    slug = slugs[0]
    path = desk_root / "content" / f"{slug}.md"
    env = {**__import__("os").environ, "LIBRE_API_KEY": "test"}
    srv = _start_serve(desk_root, "--by", "Layla", env=env)
    try:
        origin = {"Origin": ORIGIN.format(port=srv.port)}
        machine_title = _front_matter(path)["title_en"]
        assert machine_title.startswith("International Coalition w")  # the stub's translation
        form = _form(_article(srv, slug), "save") | {"title_en": "An editor's headline"}
        assert _request(srv.port, "POST", "/_desk/entry", body=form, headers=origin)[0] == 303
        edited = _front_matter(path)
        assert edited["title_en"] == "An editor's headline"
        assert edited["translation"]["status"] == "edited" and edited["translation"]["provider"] == "libre"
        assert edited["edited"]["by"] == "Layla"
        assert edited["edited"]["machine"] == {"title_en": machine_title}  # what the machine had said
        status, _h, _ = _request(srv.port, "POST", "/_desk/entry", body=_form(_article(srv, slug), "translate"), headers=origin)
        assert status == 303
        again = _front_matter(path)
        assert again["title_en"] == machine_title and again["translation"]["status"] == "machine"
        assert "translated again with libre" in _article(srv, slug)
    finally:
        srv.proc.kill()
        srv.proc.wait()
    # Offline (the provider's server is gone): a clear message, the file as it was.
    (desk_root / "digest.toml").write_text('[translate]\nprovider = "libre"\nprovider_url = "http://127.0.0.1:9"\n', encoding="utf-8")
    srv = _start_serve(desk_root, env=env)
    try:
        before = path.read_bytes()
        status, _h, _ = _request(srv.port, "POST", "/_desk/entry", body=_form(_article(srv, slug), "translate"), headers={"Origin": ORIGIN.format(port=srv.port)})
        assert status == 303
        assert path.read_bytes() == before
        page = _article(srv, slug)
        assert "not translated (" in page and "the file was left as it was" in page
    finally:
        srv.proc.kill()
        srv.proc.wait()


def test_corrections_keep_comments_key_order_and_body_and_set_tag_labels(desk: Server, desk_root: Path) -> None:
    slug = _slug(desk_root)
    path = desk_root / "content" / f"{slug}.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("\ntitle_en:", "\n# checked by the night desk\ntitle_en:", 1)
    path.write_text(text, encoding="utf-8")
    keys_before = re.findall(r"^([a-z_]+):", text.split("\n---\n", 1)[0], re.M)
    tags = _front_matter(path)["tags"]
    origin = {"Origin": ORIGIN.format(port=desk.port)}
    page = _article(desk, slug)
    assert f'name="tag_en:{html.escape(tags[0])}" dir="ltr" lang="en"' in page
    form = _form(page, "save") | {f"tag_en:{tags[0]}": "Daesh", f"tag_en:{tags[1]}": "Erbil"}
    assert _request(desk.port, "POST", "/_desk/entry", body=form, headers=origin)[0] == 303
    after = path.read_text(encoding="utf-8")
    assert "\n# checked by the night desk\ntitle_en:" in after
    assert after.split("\n---\n", 1)[1] == text.split("\n---\n", 1)[1]  # the body, byte for byte
    assert re.findall(r"^([a-z_]+):", after.split("\n---\n", 1)[0], re.M) == [*keys_before, "edited"]
    assert _front_matter(path)["tags_en"] == {tags[0]: "Daesh", tags[1]: "Erbil"}
    # Emptying a label removes it (the rest stays).
    form = _form(_article(desk, slug), "save") | {f"tag_en:{tags[1]}": ""}
    assert _request(desk.port, "POST", "/_desk/entry", body=form, headers=origin)[0] == 303
    assert _front_matter(path)["tags_en"] == {tags[0]: "Daesh"}
    # A bad date: one clear line naming the file relative to the site root; nothing written.
    before = path.read_bytes()
    form = _form(_article(desk, slug), "save") | {"date": "yesterday"}
    status, _h, text = _request(desk.port, "POST", "/_desk/entry", body=form, headers=origin)
    assert status == 400
    assert f"content/{slug}.md: the date must be YYYY-MM-DD, not &#x27;yesterday&#x27;" in text
    assert "/tmp/" not in text
    assert path.read_bytes() == before


def test_watcher_absorbs_the_desks_own_write_but_not_other_changes(tmp_path: Path) -> None:
    from digest.core.watch import DebouncedWatcher

    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("a", encoding="utf-8")
    (tmp_path / "content" / "b.md").write_text("b", encoding="utf-8")
    watcher = DebouncedWatcher(tmp_path, quiet=0.2)
    (tmp_path / "content" / "a.md").write_text("a, by the desk", encoding="utf-8")
    (tmp_path / "content" / "b.md").write_text("b, by a text editor", encoding="utf-8")
    watcher.absorb(["content/a.md"])
    assert watcher.poll(now=100.0) == []  # a change seen: waiting for quiet
    assert watcher.poll(now=101.0) == ["content/b.md"]


def test_an_unchanged_article_page_is_served_with_the_panel_made_once(desk_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The desk keeps each article page it made while what it was made from is unchanged: the
    page's file, the entry's file, the dashboard (the queue) and the page's notice. Any of
    those changed, the panel is made again and shows it."""
    from digest.build.pipeline import build_site
    from digest.core.config import load_config
    from digest.serve.desk import Desk

    out = tmp_path / "preview"
    build_site(desk_root, load_config(desk_root), out=out, review=True, offline=True, preview=True)
    desk = Desk(root=desk_root, out=out, editor="Layla", host="127.0.0.1")
    made: list[str] = []
    make = Desk._make_entry_desk
    monkeypatch.setattr(Desk, "_make_entry_desk", lambda self, slug, body: made.append(slug) or make(self, slug, body))
    slug = _slug(desk_root)
    path = f"articles/{slug}/index.html"

    def served() -> str:
        page = desk.page_filter(path, (out / path).read_bytes())
        assert page is not None
        return page.decode("utf-8")

    first = served()
    assert served() == first and len(made) == 1
    desk.notify(slug, "تمت الموافقة")  # a notice: shown
    assert "تمت الموافقة" in served() and len(made) == 2
    entry_file = desk_root / "content" / f"{slug}.md"
    entry_file.write_text(entry_file.read_text(encoding="utf-8").replace("title_en: null", "title_en: Edited headline"), encoding="utf-8")
    assert "Edited headline" in served() and len(made) == 3
    dashboard = out / "review" / "index.html"
    dashboard.write_bytes(dashboard.read_bytes() + b"\n")  # rebuilt: the queue may differ
    served()
    assert len(made) == 4
    assert served() and len(made) == 4
