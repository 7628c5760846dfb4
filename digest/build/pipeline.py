"""`digest build`: the orchestrator. One stage after another, each timed:

ingest seeds/ → load entries → translate what is missing → review flags and publish gate →
taxonomy → plan pages → render into a staging directory → swap it in for site/.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cache.buildcache import (
    StoredBodies,
    load_cache,
    load_search_memo,
    save_cache,
    save_search_memo,
    snapshot_entries,
)
from ..cache.inputs import InputCheck, options_key
from ..cache.loading import load_content
from ..cache.seedscan import SeedScan, scan_seeds
from ..core.config import Config
from ..core.errors import DigestError
from ..core.model import Entry, body_hash
from ..core.sitetree import OutputError, check_replaceable
from ..render.markdown import BodyCache
from ..review.publish import is_public
from ..text.wording import plural
from ..translate.glossary import load_glossary
from .sitelock import LockHeld, exclusive_lock

if TYPE_CHECKING:
    import jinja2

    from ..review.flags import FlagMemo
    from ..sitemodel.pages import Page
    from ..sitemodel.stories import SiteModel


def _import_rendering_side() -> None:
    """Import what stages 5–8 use (Jinja, the site model, pages, renderer: ~50–80 ms). A
    build calls this while its workers parse content/, so the imports overlap the parsing
    instead of delaying it; each stage then imports its names from the loaded modules."""
    import slugify  # noqa: F401 - tag slugs (digest.text.slugs imports it where it is used)

    from ..cache import incremental, templatecache  # noqa: F401
    from ..render import pagerender  # noqa: F401
    from ..sitemodel import feeds, pages, search, stories, taxonomy  # noqa: F401

STATIC_FILES = ("style.css", "search.js")  # templates/static/* → assets/*
REVIEW_TEMPLATE = "review/dashboard.html"


class BuildLockedError(DigestError):
    """Another build of the same site root is running."""


@dataclass
class BuildReport:
    out: Path
    entries: int = 0  # entries published in this build
    held_back: int = 0  # drafts not published (publish = "approved" and no --drafts)
    tags: int = 0
    pages: int = 0  # rendered pages (HTML and feeds)
    files: int = 0  # every file written
    timings: dict[str, float] = field(default_factory=dict)  # stage → seconds
    warnings: list[str] = field(default_factory=list)
    errors: list[DigestError] = field(default_factory=list)  # bad seeds or entries (skipped)
    parsed: int = 0  # content files parsed (the others came from the build cache)
    ingest_line: str = ""
    translate_line: str = ""
    unchanged: bool = False  # nothing changed since the last build: nothing was written

    def summary_line(self) -> str:
        if self.unchanged:
            line = (
                f"build: nothing changed since the last build, nothing written "
                f"({plural(self.entries, 'entry')}, {plural(self.tags, 'tag')} published) → {self.out}"
            )
        else:
            total = sum(self.timings.values())
            line = (
                f"build: {plural(self.pages, 'page')}, {plural(self.entries, 'entry')}, {plural(self.tags, 'tag')}, "
                f"{plural(self.files, 'file')} in {total:.2f}s → {self.out}"
            )
        if self.held_back:
            # A new site's first build publishes nothing: say why and what to do.
            line += (
                f"\n{plural(self.held_back, 'draft')} not published (site.publish = \"approved\"): "
                "preview with `digest serve`, approve with `digest review approve SLUG` "
                "(or every draft: `digest review approve --state draft`)"
            )
        return line


def _silent(_message: str) -> None:
    pass


@contextmanager
def _stage(report: BuildReport, name: str, log: Callable[[str], None]) -> Iterator[None]:
    start = time.perf_counter()
    yield
    report.timings[name] = time.perf_counter() - start
    log(f"  {name}: {report.timings[name]:.3f}s")


def build_site(
    root: Path,
    config: Config,
    *,
    out: Path | None = None,
    base_url: str | None = None,
    drafts: bool = False,
    review: bool = False,
    offline: bool = False,
    provider: str | None = None,
    provider_url: str | None = None,
    log: Callable[[str], None] = _silent,
    cache: BodyCache | None = None,
    flag_memo: FlagMemo | None = None,
    preview: bool = False,
) -> BuildReport:
    """Build the site of `root` into `out` (default `<root>/site`), replacing it atomically.

    `review` renders the review panel and dashboard and implies `drafts`; neither is ever
    the default, so the public site never shows unapproved entries or review information.
    `cache` and `flag_memo`: what a long-running caller (digest serve) keeps between builds.
    `preview`: `out` is digest serve's preview folder, which may sit inside .digest/.
    """
    out = out or root / "site"
    report = BuildReport(out=out)
    check_replaceable(out, root, allow_preview=preview)
    lock_dir = root / ".digest"
    lock_dir.mkdir(parents=True, exist_ok=True)
    try:
        with exclusive_lock(lock_dir / "build.lock"):
            # 0. Nothing changed since the last build (by mtime and size): stop here.
            with _stage(report, "inputs", log):
                options = (str(out.resolve()), base_url, drafts or review, review, offline, provider, provider_url, repr(config))
                check = InputCheck(root, out, options_key(*options))
                last = check.unchanged()
            if last is not None:
                _repeat_last(report, last.summary, log)
                return report
            check.forget()
            try:
                _build(root, config, report, out, base_url, drafts or review, review, offline, provider, provider_url, log, cache, check, flag_memo)
            except OSError as exc:
                if isinstance(exc, DigestError):  # already names its file
                    raise
                shown, in_site = _shown_path(exc.filename, out)
                what = "cannot write the site" if in_site else "build stopped"
                raise OutputError(f"{what}: {exc.strerror or exc}", shown) from None
            if not report.errors and (offline or not report.warnings):
                check.record(_last_summary(report))
    except LockHeld:
        raise BuildLockedError("another build of this site root is running", lock_dir / "build.lock") from None
    return report


def _shown_path(filename: object, out: Path) -> tuple[Path | None, bool]:
    """The file an OSError names, as the user knows it, and whether it is part of the site:
    a page being written into the staging tree beside `out` (`.site.build-XXXX/a/b.html`)
    is shown as `site/a/b.html`."""
    if not isinstance(filename, (str, bytes)) or not filename:
        return None, False
    path = Path(os.fsdecode(filename))
    try:
        rel = path.absolute().relative_to(out.absolute().parent)
    except ValueError:
        return path, False
    if rel.parts and rel.parts[0].startswith(f".{out.name}.build-"):
        return out.joinpath(*rel.parts[1:]), True
    return path, rel.parts[:1] == (out.name,)


def _build(
    root: Path,
    config: Config,
    report: BuildReport,
    out: Path,
    base_url: str | None,
    drafts: bool,
    review: bool,
    offline: bool,
    provider: str | None,
    provider_url: str | None,
    log: Callable[[str], None],
    cache: BodyCache | None,
    check: InputCheck,
    flag_memo: FlagMemo | None = None,
) -> None:
    glossary = load_glossary(root)
    disk_cache = load_cache(root)
    report.warnings.extend(disk_cache.warnings)
    bodies = cache if cache is not None else BodyCache()
    bodies.data = StoredBodies(bodies.data, disk_cache.bodies)  # read from disk as pages need them
    content_dir = root / "content"

    # 1. Load the entries (unchanged files from the build cache; new ones parsed on both
    #    cores, bodies rendered as they are parsed), then ingest only the seeds that are new
    #    or changed since their entry was written.
    with _stage(report, "ingest", log):
        seeds: list[SeedScan] = []
        environments: list[jinja2.Environment] = []

        def meanwhile() -> None:  # serial work, done while the workers parse
            seeds.append(scan_seeds(root, check))
            _import_rendering_side()
            environments.append(_theme_environment(root, review))

        loaded = load_content(content_dir, config.build.workers, disk_cache, bodies.data, meanwhile, config.ingest.allow_outside_root)
        changed = seeds[0].changed(loaded.entries)
        if changed:
            from ..ingest.run import ingest  # the parser and summariser load only when a seed needs them

            ingested = ingest(root, changed, config, existing=loaded.entries)  # no second scan of content/
            report.errors.extend(ingested.errors)
            report.ingest_line = ingested.summary_line()

    # 2. Reload what ingest rewrote; a bad file is reported and left out, the rest build.
    with _stage(report, "load", log):
        if changed:
            loaded = load_content(content_dir, config.build.workers, disk_cache, bodies.data, None, config.ingest.allow_outside_root)
        entries = loaded.entries
        report.parsed = loaded.parsed
        seen = {str(e) for e in report.errors}
        report.errors.extend(e for e in loaded.errors if str(e) not in seen)
        # Taken before any stage edits an entry; None when every entry came from the cache as is.
        entry_snapshot = snapshot_entries(entries, loaded.stats, disk_cache, loaded.pickled)

    # 3. Translate what is missing or stale (offline: it stays "Translation pending").
    with _stage(report, "translate", log):
        candidates = [e for e in entries if e.review.state != "rejected"]
        report.translate_line, warnings, unsaved = _translate(root, candidates, config, provider, provider_url, offline)
        report.warnings.extend(warnings)
        report.errors.extend(unsaved)  # entries whose English could not be written: exit 1

    # 4. Review flags (review mode only) and the publish gate.
    with _stage(report, "review", log):
        flags = {}
        if review:
            from ..review.flags import compute_flags  # the checks load only for review builds

            flags = compute_flags(entries, glossary, config, flag_memo)
        published = [e for e in entries if _is_published(e, config, drafts)]
        published.sort(key=lambda e: (e.date, e.slug), reverse=True)

    from ..cache.incremental import render_site
    from ..cache.templatecache import save_theme_references
    from ..render.environment import provider_name, template_exists
    from ..render.pagerender import PageRenderer
    from ..sitemodel.pages import Page, plan_pages
    from ..sitemodel.stories import SiteModel, make_story
    from ..sitemodel.taxonomy import build_taxonomy

    env = environments[0]

    # 5. Tags of the published entries only (a draft's tags never leak into the public site).
    with _stage(report, "taxonomy", log):
        taxonomy = build_taxonomy(published, labels=glossary.by_key())
        provider_label = provider_name(provider or config.translate.provider)
        site = SiteModel(
            config=config,
            stories=[make_story(e, i, taxonomy, _provider_label(e, provider_label)) for i, e in enumerate(published)],
            taxonomy=taxonomy,
            base_url=_normalise_base_url(base_url if base_url is not None else config.site.base_url),
            review_mode=review,
            flags=flags,
            all_entries=sorted(entries, key=lambda e: (e.date, e.slug), reverse=True) if review else [],
        )

    # 6. Plan pages and the non-template files.
    with _stage(report, "plan", log):
        pages = plan_pages(site)
        if review and template_exists(env, REVIEW_TEMPLATE):
            pages.append(Page("review/index.html", REVIEW_TEMPLATE, "review"))
        extra = _extra_files(site, pages, env)
        search_memo = load_search_memo(root)
        normalised: dict[str, str] = {}

        def search_files() -> dict[str, bytes]:
            """The search index: normalising every Arabic text is its costly part, so a cold
            build makes it while the workers render (digest.cache.incremental)."""
            from ..sitemodel.search import INDEX_FILE, search_index_json

            index, used = search_index_json(site, search_memo)
            normalised.update(used)
            return {INDEX_FILE: index}

    # 8. Keep the parsed entries and rendered bodies for the next build (best effort; done
    #    alongside stage 7, while the workers render on a cold build).
    def save_caches() -> None:
        try:
            save_cache(root, entry_snapshot, bodies.data, lambda: {body_hash(e.body) for e in entries}, disk_cache.bodies)
            save_search_memo(root, normalised, search_memo)
            save_theme_references(env)  # templates the fingerprints parsed too
        except OSError as exc:
            report.warnings.append(f"build cache not saved: {exc}")

    # 7. Render the pages whose inputs changed since the last build (all of them the first
    #    time) into a staging tree, unchanged ones hard-linked, and swap it in; a failure
    #    leaves site/ as it was (digest.cache.incremental).
    with _stage(report, "render", log):
        renderer = PageRenderer(site, env, bodies)
        report.pages = render_site(
            root, out, renderer, pages, extra, config.build.workers, check.before, alongside=save_caches, late_extra=search_files
        ).rendered

    report.entries = len(published)
    report.held_back = sum(1 for e in entries if e.review.state == "draft" and not _is_published(e, config, drafts))
    report.tags = sum(1 for t in taxonomy if site.stories_by_tag[t.key])
    report.files = report.pages + len(extra) + 2  # + the search index and the marker file


def _last_summary(report: BuildReport) -> dict[str, Any]:
    """What a no-op build repeats of this one (digest.cache.inputs)."""
    # Only warnings that describe the content as it stands ("translate: 2 entries left
    # pending") are repeated; one about an event of that build (a corrupt cache rebuilt)
    # is not true of a build that did nothing.
    lasting = [w for w in report.warnings if w.startswith("translate: ")]
    return {"entries": report.entries, "held_back": report.held_back, "tags": report.tags, "warnings": lasting, "translate_line": report.translate_line}


def _repeat_last(report: BuildReport, summary: dict[str, Any], log: Callable[[str], None]) -> None:
    report.entries = summary.get("entries", 0)
    report.held_back = summary.get("held_back", 0)
    report.tags = summary.get("tags", 0)
    report.warnings.extend(summary.get("warnings", []))
    report.unchanged = True  # the translate step did not run: its line is not repeated
    log("  nothing changed since the last build")


def _theme_environment(root: Path, review: bool) -> jinja2.Environment:
    """The Jinja environment with the page templates compiled (or read from the bytecode
    cache) in this process, before any fork, so page renderers share the compiled code."""
    from ..cache.templatecache import attach_bytecode_cache, save_theme_references
    from ..render.environment import make_environment
    from ..render.fragments import MACROS, PARTIALS
    from ..render.pagerender import precompile_theme
    from ..sitemodel.pages import PAGE_TEMPLATES

    env = make_environment(root)
    attach_bytecode_cache(env, root)
    precompile_theme(env, None if review else (MACROS, *PARTIALS, *PAGE_TEMPLATES))  # a review build: all of them
    save_theme_references(env)
    return env


def _is_published(entry: Entry, config: Config, drafts: bool) -> bool:
    if entry.review.state == "rejected":
        return False
    return is_public(entry, config) or (drafts and entry.review.state == "draft")


def _provider_label(entry: Entry, default: str) -> str:
    from ..render.environment import provider_name

    return provider_name(entry.translation.provider) if entry.translation.provider else default


def _normalise_base_url(base_url: str) -> str:
    base_url = base_url.strip() or "/"
    return base_url if base_url.endswith("/") else base_url + "/"


def _translate(
    root: Path, entries: list[Entry], config: Config, provider: str | None, provider_url: str | None, offline: bool
) -> tuple[str, list[str], list[DigestError]]:
    from ..translate import translation_state  # not translate_entries yet: it imports the providers' HTTP stack
    from ..translate.memory import TM_FILE

    if offline and not (root / TM_FILE).exists():
        # Offline with no translation memory nothing can be filled in (tag labels come from
        # the glossary in the taxonomy stage), so skip the pass over every entry.
        pending = sum(1 for e in entries if translation_state(e) in ("pending", "stale"))
        if not pending:
            return "", [], []
        return "", [f"translate: {plural(pending, 'entry')} left pending (offline); run `digest translate` when online"], []

    from ..translate import translate_entries

    result = translate_entries(root, entries, config, provider=provider, provider_url=provider_url, offline=offline)
    return result.summary_line(), list(result.warnings), list(result.errors)


def _extra_files(site: SiteModel, pages: list[Page], env: Any) -> dict[str, bytes]:
    """sitemap.xml, robots.txt and the theme's static assets (the search index: search_files)."""
    from ..sitemodel.feeds import robots_txt, sitemap_xml
    from ..sitemodel.pages import iter_urls

    extra = {
        "sitemap.xml": sitemap_xml(site, iter_urls(pages)),
        "robots.txt": robots_txt(site),
    }
    for name in STATIC_FILES:
        extra[f"assets/{name}"] = _static_source(env, name)
    return extra


def _static_source(env: Any, name: str) -> bytes:
    """A static asset as-is (a site's templates/static/NAME overrides the built-in)."""
    try:
        source, _filename, _uptodate = env.loader.get_source(env, f"static/{name}")
        return source.encode("utf-8")
    except Exception:  # noqa: BLE001 - fall back to the packaged file
        from ..render.environment import builtin_templates_dir

        return (builtin_templates_dir() / "static" / name).read_bytes()
