"""Issue 13, points 1, 5, 6 and 7: YAML alias bombs, ill-typed known keys, duplicate keys
and unsafe file names. Each is one line naming the file (and line), from every command
that reads front matter; the entry is left out, the rest is built, exit 1."""
from __future__ import annotations

from pathlib import Path

import pytest

from .sites import digest_in_process, html_problems, make_entry, run_digest, site_with_entries, snapshot

GOOD_HEAD = "---\ntitle: خبر مريب\ndate: 2024-03-01\ndate_source: editor\ntitle_en: A story\nsummary_en: A summary.\n"
# The reported bomb: nine levels of anchors, each level nine aliases of the one before.
LOL = "[" + ", ".join(["lol"] * 9) + "]"
BOMB_LEVELS = "\n".join(
    [f"  - &a0 {LOL}"] + [f"  - &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
)


def _root(tmp_path: Path) -> Path:
    return site_with_entries(tmp_path / "root", [make_entry("good-one", "خبر سليم", tags=["العراق"])])


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def _one_error_naming(stderr: str, path: str, line: int, *words: str) -> str:
    errors = _errors(stderr)
    assert len(errors) == 1, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    error = errors[0]
    # The file as given relative to the site root, or as an absolute path ending in it.
    assert error.startswith(f"error: {path}:{line}: ") or (error.startswith("error: /") and f"/{path}:{line}: " in error), error
    assert all(word in error for word in words), error
    return error


# --- point 1: anchors and aliases, size cap -------------------------------------------------


@pytest.mark.parametrize("where", ["review", "translation"])
def test_alias_bomb_is_refused_by_every_command_naming_file_and_line(tmp_path: Path, where: str) -> None:
    root = _root(tmp_path)
    if where == "review":
        text = GOOD_HEAD + "review:\n  state: approved\n  flags:\n" + BOMB_LEVELS + "\n---\nنص\n"
    else:
        text = GOOD_HEAD + "translation:\n  status: edited\n  source_hash:\n" + BOMB_LEVELS + "\n---\nنص\n"
    (root / "content" / "bomb.md").write_text(text, encoding="utf-8")
    assert len(text.encode("utf-8")) < 900  # a tiny file: gigabytes once expanded
    line = 10  # "- &a0 [...]", the first anchor
    expected = "YAML anchor '&a0' is not allowed in front matter (write the value out)"

    # One case runs every command as its own process (what a user sees, interpreter exit
    # included); the others run the same commands in this process (digest_in_process).
    digest = run_digest if where == "review" else digest_in_process
    built = digest("build", "--offline", cwd=root)
    assert built.returncode == 1
    assert _one_error_naming(built.stderr, "content/bomb.md", line, expected)
    assert (root / "site" / "articles" / "good-one" / "index.html").is_file()
    assert not (root / "site" / "articles" / "bomb").exists()
    for args in (("check", "--no-site"), ("list",), ("list", "--json"), ("review", "list"), ("translate", "--offline")):
        result = digest(*args, cwd=root)
        assert result.returncode == 1, args
        _one_error_naming(result.stderr, "content/bomb.md", line, expected)
    refused = digest("review", "approve", "bomb", "--force", cwd=root)
    assert refused.returncode == 1
    _one_error_naming(refused.stderr, "content/bomb.md", line, expected)
    assert (root / "content" / "bomb.md").read_text(encoding="utf-8") == text  # untouched


def test_an_alias_alone_is_refused_too(tmp_path: Path) -> None:
    root = _root(tmp_path)
    (root / "content" / "alias.md").write_text(GOOD_HEAD + "source: &s وكالات\nreview:\n  by: *s\n---\nنص\n", encoding="utf-8")
    result = digest_in_process("check", "--no-site", cwd=root)
    assert result.returncode == 1
    _one_error_naming(result.stderr, "content/alias.md", 7, "YAML anchor '&s' is not allowed")
    (root / "content" / "alias.md").write_text(GOOD_HEAD + "source: وكالات\nreview:\n  by: *s\n---\nنص\n", encoding="utf-8")
    result = digest_in_process("check", "--no-site", cwd=root)
    _one_error_naming(result.stderr, "content/alias.md", 9, "YAML alias '*s' is not allowed")


def test_text_with_ampersands_and_stars_is_no_anchor(tmp_path: Path) -> None:
    root = _root(tmp_path)
    (root / "content" / "amp.md").write_text(GOOD_HEAD + "source: 'AT&T *خاص*'\nreview: {state: approved}\n---\nنص\n", encoding="utf-8")
    result = digest_in_process("build", "--offline", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "AT&amp;T *خاص*" in (root / "site" / "articles" / "amp" / "index.html").read_text(encoding="utf-8")


def test_merge_keys_are_refused(tmp_path: Path) -> None:
    root = _root(tmp_path)
    (root / "content" / "merge.md").write_text(GOOD_HEAD + "review:\n  <<: {state: approved}\n---\nنص\n", encoding="utf-8")
    result = digest_in_process("check", "--no-site", cwd=root)
    assert result.returncode == 1
    _one_error_naming(result.stderr, "content/merge.md", 8, "YAML merge key '<<' is not allowed")


def test_front_matter_over_the_size_cap_is_refused_before_parsing(tmp_path: Path) -> None:
    root = _root(tmp_path)
    filler = "boilerplate:\n" + "".join(f"- text: {'حشو ' * 60}{i}\n  reason: footer\n" for i in range(3000))
    (root / "content" / "huge.md").write_text(GOOD_HEAD + filler + "---\nنص\n", encoding="utf-8")
    result = digest_in_process("build", "--offline", cwd=root)
    assert result.returncode == 1
    error = _one_error_naming(result.stderr, "content/huge.md", 1, "front matter is ", " bytes, over the limit of 1,000,000")
    assert error.count(",") >= 2
    assert (root / "site" / "articles" / "good-one" / "index.html").is_file()


# --- point 5: the types of every known key ------------------------------------------------

# (front-matter lines after GOOD_HEAD, line of the problem, words of the message)
ILL_TYPED: dict[str, tuple[str, int, str]] = {
    "provider-int": ("translation: {status: machine, provider: 5}\n", 7, "'translation.provider' must be a string or null"),
    "provider-list": ("translation:\n  status: machine\n  provider: [a, b]\n", 9, "'translation.provider' must be a string or null"),
    "provider-map": ("translation:\n  status: machine\n  provider: {a: 1}\n", 9, "'translation.provider' must be a string or null"),
    "translation-at": ("translation:\n  status: edited\n  at: [2024]\n", 9, "'translation.at' must be a date, a time stamp or null"),
    "source-hash": ("translation:\n  status: edited\n  source_hash: [12]\n", 9, "'translation.source_hash' must be a string or null"),
    "translation-list": ("translation: [machine]\n", 7, "'translation' must be a mapping"),
    "review-by": ("review:\n  state: approved\n  by: 7\n", 9, "'review.by' must be a string or null"),
    "review-at": ("review:\n  state: approved\n  at: {day: 1}\n", 9, "'review.at' must be a date, a time stamp or null"),
    "review-reason": ("review:\n  state: rejected\n  reason: [x]\n", 9, "'review.reason' must be a string or null"),
    "review-flags": ("review:\n  state: approved\n  flags: 5\n", 9, "'review.flags' must be a list of strings"),
    "review-flags-items": ("review:\n  state: approved\n  flags: [1, {a: b}]\n", 9, "'review.flags' must be a list of strings"),
    "review-text": ("review: approved\n", 7, "'review' must be a mapping"),
    "boilerplate-reason": ("boilerplate:\n- text: x\n  reason: [1]\n", 7, "'boilerplate' must be a list of {text, reason} mappings of strings"),
    "machine-key": ("machine:\n  1: abc\n", 7, "'machine' must map field names to hashes (strings)"),
    "source-url-number": ("source_url: 5\n", 7, "'source_url' must be an http:// or https:// URL"),
    "source-url-scheme": ("source_url: javascript:alert(1)\n", 7, "'source_url' must start with http:// or https://"),
    "extra-list": ("extra: [a]\n", 7, "'extra' must be a mapping of field names to values"),
    "extra-float": ("extra:\n  author: فلان\n  rating: 4.5\n", 9, "'extra.rating' holds a float"),
}


@pytest.mark.parametrize("stem", sorted(ILL_TYPED))
def test_ill_typed_known_keys_are_one_line_everywhere(tmp_path: Path, stem: str) -> None:
    root = _root(tmp_path)
    lines, line, words = ILL_TYPED[stem]
    path = root / "content" / f"{stem}.md"
    path.write_text(GOOD_HEAD + lines + "---\nنص\n", encoding="utf-8")
    built = digest_in_process("build", "--offline", cwd=root)
    assert built.returncode == 1
    _one_error_naming(built.stderr, f"content/{stem}.md", line, words)
    assert built.stdout.startswith("build: ") and " 1 entry," in built.stdout
    assert (root / "site" / "articles" / "good-one" / "index.html").is_file()
    assert not (root / "site" / "articles" / stem).exists()
    assert html_problems(root / "site") == []
    checked = digest_in_process("check", cwd=root)
    assert checked.returncode == 1
    _one_error_naming(checked.stderr, f"content/{stem}.md", line, words)


def test_a_well_typed_entry_with_every_key_builds(tmp_path: Path) -> None:
    root = _root(tmp_path)
    text = (
        GOOD_HEAD
        + "source: وكالات\ntags: [العراق]\ntags_en: {العراق: Iraq}\nsummary_ar: ملخص.\nsummary_version: 3\n"
        + "translation:\n  status: edited\n  provider: editors\n  at: 2024-03-02\n  source_hash: abc\n"
        + "review:\n  state: approved\n  by: سارة\n  at: 2024-03-02T10:00:00Z\n  reason: null\n  flags: [short]\n"
        + "seed: null\nseed_sha256: null\nboilerplate:\n- text: اشترك\n  reason: footer\nmachine: {title: abc}\n"
        + "source_url: https://example.com/a?b=1&c=2\nextra:\n  author: فلان\n  pages: 3\n  sections: [سياسة, اقتصاد]\n---\nنص\n"
    )
    (root / "content" / "every-key.md").write_text(text, encoding="utf-8")
    built = digest_in_process("build", "--offline", cwd=root)
    assert built.returncode == 0, built.stderr
    assert (root / "site" / "articles" / "every-key" / "index.html").is_file()
    assert digest_in_process("check", cwd=root).returncode == 0


# --- point 6: duplicate keys ----------------------------------------------------------------

DUPLICATES: dict[str, tuple[str, int, str]] = {
    "block": ("review:\n  state: rejected\nreview:\n  state: approved\n", 9, "duplicate key 'review' (lines 7 and 9): keep one"),
    "flow": ("review: {state: rejected}\nreview: {state: approved}\n", 8, "duplicate key 'review' (lines 7 and 8): keep one"),
    "nested": ("review:\n  state: rejected\n  by: a\n  state: approved\n", 10, "duplicate key 'review.state' (lines 8 and 10): keep one"),
    "same-line": ("review: {state: rejected, state: approved}\n", 7, "duplicate key 'review.state' (twice on line 7): keep one"),
    "top-level": ("source: أ\nsource: ب\nreview: {state: approved}\n", 8, "duplicate key 'source' (lines 7 and 8): keep one"),
}


@pytest.mark.parametrize("stem", sorted(DUPLICATES))
def test_duplicate_keys_are_one_error_naming_both_lines_everywhere(tmp_path: Path, stem: str) -> None:
    root = _root(tmp_path)
    lines, line, words = DUPLICATES[stem]
    path = root / "content" / f"dup-{stem}.md"
    text = GOOD_HEAD + lines + "---\nنص\n"
    path.write_text(text, encoding="utf-8")
    built = digest_in_process("build", "--offline", cwd=root)
    assert built.returncode == 1
    _one_error_naming(built.stderr, f"content/dup-{stem}.md", line, words)
    assert not (root / "site" / "articles" / f"dup-{stem}").exists()  # never published
    for args in (("check", "--no-site"), ("list", "--json"), ("review", "reject", f"dup-{stem}"), ("review", "approve", f"dup-{stem}", "--force")):
        result = digest_in_process(*args, cwd=root)
        assert result.returncode == 1, args
        _one_error_naming(result.stderr, f"content/dup-{stem}.md", line, words)
    assert path.read_text(encoding="utf-8") == text


def test_a_digest_written_file_with_a_repeated_key_is_refused_too(tmp_path: Path) -> None:
    """The fast reader (digest/content/fmread.py) reads digest's own form: it must not take the last
    of two `review:` blocks either."""
    root = _root(tmp_path)
    path = root / "content" / "good-one.md"
    text = path.read_text(encoding="utf-8")
    assert "review:\n  state: approved\n" in text
    path.write_text(text.replace("review:\n", "review:\n  state: rejected\nreview:\n", 1), encoding="utf-8")
    result = digest_in_process("list", cwd=root)
    assert result.returncode == 1
    _one_error_naming(result.stderr, "content/good-one.md", 20, "duplicate key 'review' (lines 18 and 20): keep one")


# --- point 7: unsafe file names ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("pct%2e%2e.md", "pct%2e%2e.md"),
        ("a#b.md", "a#b.md"),
        ("a\tb.md", "a\\tb.md"),
        ("a\nb.md", "a\\nb.md"),
        ("a\x7fb.md", "a\\x7fb.md"),
        ("a\x01b.md", "a\\x01b.md"),
        ("a\u202eb.md", "a\\u202eb.md"),
        ("a b.md", "a b.md"),
        ("a.b.md", "a.b.md"),
        ("a&b.md", "a&b.md"),
    ],
)
def test_unsafe_file_names_are_refused_and_feeds_stay_well_formed(tmp_path: Path, name: str, shown: str) -> None:
    root = _root(tmp_path)
    source = (root / "content" / "good-one.md").read_text(encoding="utf-8")
    (root / "content" / name).write_text(source.replace("خبر سليم", "خبر باسم غريب"), encoding="utf-8")
    built = digest_in_process("build", "--offline", cwd=root)
    assert built.returncode == 1
    _one_error_naming(built.stderr, f"content/{shown}", 2, "file name is not a safe slug (letters, digits and '-' only)")
    site = root / "site"
    assert html_problems(site) == []  # feed.xml and sitemap.xml (when written) parse as XML
    assert "خبر باسم غريب" not in (site / "feed.xml").read_text(encoding="utf-8")
    assert sorted(p.name for p in (site / "articles").iterdir()) == ["good-one"]
    checked = digest_in_process("check", cwd=root)
    assert checked.returncode == 1
    _one_error_naming(checked.stderr, f"content/{shown}", 2, "file name is not a safe slug")


def test_arabic_and_mixed_case_names_with_digits_are_safe(tmp_path: Path) -> None:
    root = site_with_entries(tmp_path / "root", [make_entry("خبر-عاجل-2024", "خبر"), make_entry("Iraq-News-3", "خبر آخر")])
    built = digest_in_process("build", "--offline", cwd=root)
    assert built.returncode == 0, built.stderr
    assert sorted(p.name for p in (root / "site" / "articles").iterdir()) == ["Iraq-News-3", "خبر-عاجل-2024"]


def test_a_failing_build_keeps_the_other_pages_byte_identical(tmp_path: Path) -> None:
    root = _root(tmp_path)
    assert digest_in_process("build", "--offline", cwd=root).returncode == 0
    before = snapshot(root / "site")
    (root / "content" / "later.md").write_text(GOOD_HEAD + "review: {state: approved, by: [x]}\n---\nنص\n", encoding="utf-8")
    assert digest_in_process("build", "--offline", cwd=root).returncode == 1
    assert snapshot(root / "site") == before


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        (lambda t: t.replace("review:\n", "review:\n  state: rejected\nreview:\n", 1), 20, "duplicate key 'review' (lines 18 and 20)"),
        (lambda t: t.replace("provider: editors", "provider: 5"), 15, "'translation.provider' must be a string or null"),
        (lambda t: t.replace("source: وكالات", "source: &a وكالات"), 4, "YAML anchor '&a' is not allowed"),
    ],
)
def test_an_incremental_build_checks_a_changed_file_again(tmp_path: Path, change: object, line: int, words: str) -> None:
    """The build cache keeps parsed entries of unchanged files: an edited one is read and
    checked again, whatever the cache holds."""
    root = _root(tmp_path)
    assert digest_in_process("build", "--offline", cwd=root).returncode == 0
    assert (root / ".digest" / "cache" / "entries.pickle").is_file()
    path = root / "content" / "good-one.md"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    built = digest_in_process("build", "--offline", cwd=root)
    assert built.returncode == 1
    _one_error_naming(built.stderr, "content/good-one.md", line, words)
    assert not (root / "site" / "articles" / "good-one").exists()


def test_the_preview_names_the_bad_file_and_keeps_serving(tmp_path: Path) -> None:
    """`digest serve`'s builder: a bomb or a duplicate key is one problem line on the
    terminal and on the preview's error page, decided without expanding anything."""
    from digest.serve.server import PreviewBuilder, error_page

    root = _root(tmp_path)
    (root / "content" / "bomb.md").write_text(GOOD_HEAD + "review:\n  flags:\n" + BOMB_LEVELS + "\n---\nنص\n", encoding="utf-8")
    printed: list[str] = []
    builder = PreviewBuilder(root, echo=lambda _line: None, echo_err=printed.append)
    assert builder.build() is False
    assert len(printed) == 1 and printed[0].startswith("error: ") and printed[0].endswith(
        "content/bomb.md:9: YAML anchor '&a0' is not allowed in front matter (write the value out)"
    ), printed
    assert b"YAML anchor &#x27;&amp;a0&#x27; is not allowed" in error_page(builder.state.problems)
    (root / "content" / "bomb.md").unlink()
    assert builder.build() is True
