"""`digest build`: the orchestrator. One stage after another over one BuildContext, each
timed under its name (`digest build -v` prints them):

inputs (nothing changed: stop) → ingest seeds/ → load entries → translate what is missing →
review flags and publish gate → taxonomy (the site model) → plan pages → render into a
staging directory and swap it in for site/.

`build_site` takes the lock and decides whether to build; `run_stages` reads as the list
above; each `*_stage` function takes the context and fills in what the next one needs.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cache.buildcache import EntrySnapshot, StoredBodies, snapshot_entries
from ..cache.layer import BuildCaches
from ..cache.loading import Loaded, load_content, with_changed_files, with_new_files
from ..cache.resident import ResidentState
from ..cache.seedscan import SeedScan, scan_seeds
from ..core.config import Config
from ..core.errors import DigestError
from ..core.forking import return_freed_memory
from ..core.layout import SiteLayout
from ..core.model import Entry, body_hash
from ..core.sitetree import OutputError, check_replaceable
from ..core.watch import Stamp, stamp_of
from ..render.markdown import BodyCache
from ..review.publish import is_public
from ..text.wording import plural
from ..translate.glossary import Glossary, load_glossary
from .sitelock import LockHeld, exclusive_lock

if TYPE_CHECKING:
    import jinja2

    from ..review.flags import FlagMemo
    from ..sitemodel.pages import Page
    from ..sitemodel.stories import SiteModel


def _import_rendering_side() -> None:
    """Import what the taxonomy, plan and render stages use (Jinja, the site model, pages, renderer). A
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
    # Input files this build wrote itself (ingest's entries), with their (mtime_ns, size)
    # right after: digest serve takes them as seen, not as an edit to build again.
    written_inputs: list[tuple[str, Stamp]] = field(default_factory=list)

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


@dataclass(frozen=True)
class BuildOptions:
    """What the command line asked for (`digest build`'s options, or digest serve's)."""

    out: Path
    base_url: str | None = None
    drafts: bool = False  # also publish drafts (review implies it)
    review: bool = False  # the review panel and dashboard
    offline: bool = False
    provider: str | None = None
    provider_url: str | None = None
    preview: bool = False  # `out` is digest serve's preview folder inside .digest/
    use_cache: bool = True  # False: --no-cache, a clean build from the inputs alone

    def key(self, config: Config) -> tuple[object, ...]:
        """Everything besides the input files that decides the output (a no-op build needs
        the same key as the last one)."""
        return (str(self.out.resolve()), self.base_url, self.drafts, self.review, self.offline, self.provider, self.provider_url, repr(config))


@dataclass
class BuildContext:
    """One build: its site root, settings and options, the caches, the report, and what each
    stage hands to the next (filled in stage by stage, in the order build_site runs them)."""

    layout: SiteLayout
    config: Config
    options: BuildOptions
    report: BuildReport
    caches: BuildCaches
    bodies: BodyCache  # rendered Markdown bodies (kept in memory by digest serve)
    log: Callable[[str], None] = _silent
    flag_memo: FlagMemo | None = None  # digest serve's memo of the review flags
    # Filled by the stages:
    glossary: Glossary | None = None
    seeds: SeedScan | None = None  # seeds/ as it stands (the ingest stage's input)
    environment: jinja2.Environment | None = None  # the theme, compiled before any fork
    loaded: Loaded | None = None  # content/ as parsed
    ingested: bool = False  # the ingest stage rewrote content/
    # Entries ingest may have changed in place (updated from their seed; all of them if it
    # failed anywhere): None for all. New entries are new objects, loaded again.
    ingest_touched: set[str] | None = None
    ingest_only_added: bool = False  # ... and all it did was write new entries
    ingest_written: list[Path] = field(default_factory=list)  # the entry files ingest wrote
    translated: bool = False  # the translate stage ran (it may have edited entries in place)
    entries: list[Entry] = field(default_factory=list)
    entry_snapshot: EntrySnapshot | None = None  # the parsed entries as the cache keeps them (digest serve)
    new_entry_base: bool = False  # the entries' whole cache table was rewritten this build
    flags: dict[str, Any] = field(default_factory=dict)
    published: list[Entry] = field(default_factory=list)
    site: SiteModel | None = None
    pages: list[Page] = field(default_factory=list)
    extra: dict[str, bytes] = field(default_factory=dict)  # sitemap, robots.txt, assets
    normalised: dict[str, str] = field(default_factory=dict)  # the search text made this build
    owns_bodies: bool = True  # False: the caller keeps `bodies` between builds (digest serve)

    @property
    def root(self) -> Path:
        return self.layout.root

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time one stage (printed with `digest build -v`, kept in the report)."""
        start = time.perf_counter()
        yield
        self.report.timings[name] = time.perf_counter() - start
        self.log(f"  {name}: {self.report.timings[name]:.3f}s")


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
    use_cache: bool = True,
    resident: ResidentState | None = None,
) -> BuildReport:
    """Build the site of `root` into `out` (default `<root>/site`), replacing it atomically.

    `review` renders the review panel and dashboard and implies `drafts`; neither is ever
    the default, so the public site never shows unapproved entries or review information.
    `cache` and `flag_memo`: what a long-running caller (digest serve) keeps between builds.
    `preview`: `out` is digest serve's preview folder, which may sit inside .digest/.
    `use_cache=False` (`--no-cache`): no cache is read or written; the output is the same.
    `resident`: digest serve's caches kept in memory between builds (digest.cache.resident);
    the output folder is then updated page by page, not swapped.
    """
    layout = SiteLayout(root)
    out = out or layout.site
    options = BuildOptions(out, base_url, drafts or review, review, offline, provider, provider_url, preview, use_cache)
    report = BuildReport(out=out)
    check_replaceable(out, root, allow_preview=preview)
    layout.state.mkdir(parents=True, exist_ok=True)
    ctx = BuildContext(
        layout, config, options, report, BuildCaches(layout, out, enabled=use_cache, resident=resident if use_cache else None), cache if cache is not None else BodyCache(), log, flag_memo,
        owns_bodies=cache is None,
    )
    try:
        with exclusive_lock(layout.build_lock):
            # 0. Nothing changed since the last build (by mtime and size): stop here.
            with ctx.stage("inputs"):
                last = ctx.caches.start(*options.key(config))
                if last is None and ctx.caches.resident is not None and ctx.caches.check is not None:
                    # digest serve: a file saved without a change is a no-op too.
                    last = ctx.caches.resident.only_touched(ctx.caches.check)
                    if last is not None:
                        ctx.caches.record(last.summary)
            if last is not None:
                _repeat_last(report, last.summary, log)
                return report
            try:
                run_stages(ctx)
                if ctx.caches.resident is not None and ctx.loaded is not None:
                    ctx.caches.resident.keep_entries(ctx.loaded, ctx.entry_snapshot)
            except OSError as exc:
                if isinstance(exc, DigestError):  # already names its file
                    raise
                shown, in_site = _shown_path(exc.filename, out)
                what = "cannot write the site" if in_site else "build stopped"
                raise OutputError(f"{what}: {exc.strerror or exc}", shown) from None
            if not report.errors and (offline or not report.warnings):
                ctx.caches.record(_last_summary(report))
    except LockHeld:
        raise BuildLockedError("another build of this site root is running", layout.build_lock) from None
    return report


def run_stages(ctx: BuildContext) -> None:
    """The pipeline, stage after stage (each timed under its name)."""
    ctx.glossary = load_glossary(ctx.root)
    ctx.caches.open()
    ctx.report.warnings.extend(ctx.caches.warnings)
    # Bodies rendered before (in this process, or stored on disk) are read as pages need them.
    ctx.bodies.data = StoredBodies(ctx.bodies.data, ctx.caches.disk.bodies)

    with ctx.stage("ingest"):  # seeds/ → content/ (only new or changed seeds)
        ingest_stage(ctx)
    with ctx.stage("load"):  # content/ → entries
        load_stage(ctx)
    with ctx.stage("translate"):  # missing or stale English
        translate_stage(ctx)
    with ctx.stage("review"):  # review flags and the publish gate
        review_stage(ctx)
    with ctx.stage("taxonomy"):  # published entries → tags, stories: the site model
        site_model_stage(ctx)
    with ctx.stage("plan"):  # the site model → the pages and files to write
        plan_stage(ctx)
    with ctx.stage("render"):  # pages → bytes in a staging tree → swapped in for site/
        render_stage(ctx)
    _count(ctx)


def ingest_stage(ctx: BuildContext) -> None:
    """Parse content/ (unchanged files from the build cache; the rest on every core, bodies
    rendered as they are parsed), then ingest only the seeds that are new or changed since
    their entry was written.

    Overlapping: while the workers parse, this process scans seeds/, imports the rendering
    side and compiles the theme — serial work that would otherwise wait for the parse."""

    def meanwhile() -> None:
        assert ctx.caches.check is not None
        ctx.seeds = scan_seeds(ctx.root, ctx.caches.check, ctx.caches.resident.seeds if ctx.caches.resident is not None else None)
        _import_rendering_side()
        ctx.environment = _theme_environment(ctx)

    ctx.loaded = _load(ctx, meanwhile, from_last=True)
    assert ctx.seeds is not None
    changed = ctx.seeds.changed(ctx.loaded.entries)
    if changed:
        from ..ingest.run import ingest  # the parser and summariser load only when a seed needs them

        ingested = ingest(ctx.root, changed, ctx.config, existing=ctx.loaded.entries)  # no second scan of content/
        ctx.report.errors.extend(ingested.errors)
        ctx.report.ingest_line = ingested.summary_line()
        ctx.ingested = True
        ctx.ingest_touched = None if ingested.errors else set(ingested.updated)
        # Only new entries written: no loaded entry was looked at, let alone edited in place.
        ctx.ingest_only_added = not (ingested.errors or ingested.updated or ingested.unchanged)
        written = [ctx.layout.entry_file(slug) for slug in (*ingested.new, *ingested.updated)]
        ctx.report.written_inputs.extend(_stamps(ctx.root, written))
        ctx.ingest_written = written


def _stamps(root: Path, paths: list[Path]) -> list[tuple[str, Stamp]]:
    """(path relative to the root, its stamp) of each file that exists."""
    return [(path.relative_to(root).as_posix(), stamp) for path in paths if (stamp := stamp_of(path)) is not None]


def load_stage(ctx: BuildContext) -> None:
    """Reload what ingest rewrote; a bad file is reported and left out, the rest build."""
    if ctx.ingested:
        assert ctx.loaded is not None
        # Only new entries written: those files are read, the rest are as loaded already.
        again = with_new_files(ctx.loaded, ctx.ingest_written) if ctx.ingest_only_added else None
        ctx.loaded = again if again is not None else _load(ctx, None)
    loaded = ctx.loaded
    assert loaded is not None
    ctx.entries = loaded.entries
    ctx.report.parsed = loaded.parsed
    seen = {str(e) for e in ctx.report.errors}
    ctx.report.errors.extend(e for e in loaded.errors if str(e) not in seen)
    # Taken before any stage edits an entry; None when every entry came from the cache as is.
    if ctx.options.use_cache:
        ctx.entry_snapshot = snapshot_entries(ctx.entries, loaded.stats, ctx.caches.disk, loaded.pickled)
        ctx.new_entry_base = ctx.entry_snapshot is not None and ctx.entry_snapshot.base is not None
        # Saved now, not while the pages render: the entries as the parse workers pickled
        # them (~22 MB at 4,000) are then freed before the render workers are forked, which
        # would each start with them in their memory. digest serve keeps them.
        _save_best_effort(ctx, lambda: ctx.caches.save_entry_table(ctx.entry_snapshot))
        if ctx.caches.resident is None:
            ctx.entry_snapshot = None  # the last reference to the pickled bytes but loaded.pickled
            loaded.pickled = {}
            return_freed_memory()


def translate_stage(ctx: BuildContext) -> None:
    """Fill missing or stale English (offline: it stays "Translation pending")."""
    candidates = [e for e in ctx.entries if e.review.state != "rejected"]
    ctx.report.translate_line, warnings, unsaved = _translate(ctx, candidates)
    ctx.report.warnings.extend(warnings)
    ctx.report.errors.extend(unsaved)  # entries whose English could not be written: exit 1


def review_stage(ctx: BuildContext) -> None:
    """The review flags (review builds only) and the publish gate, newest first."""
    if ctx.options.review:
        from ..review.flags import compute_flags  # the checks load only for review builds

        if ctx.flag_memo is not None and (ctx.ingested or ctx.translated):
            # Entries may have been edited in place. After ingest, content/ was loaded again:
            # a file it rewrote is a new object; only what it updated (or, after a failure,
            # everything) is forgotten. Translation edits the loaded objects themselves.
            ctx.flag_memo.forget_objects(None if ctx.translated else ctx.ingest_touched)

        assert ctx.glossary is not None
        ctx.flags = compute_flags(ctx.entries, ctx.glossary, ctx.config, ctx.flag_memo)
    ctx.published = [e for e in ctx.entries if _is_published(e, ctx.config, ctx.options.drafts)]
    ctx.published.sort(key=lambda e: (e.date, e.slug), reverse=True)


def site_model_stage(ctx: BuildContext) -> None:
    """Tags of the published entries only (a draft's tags never leak into the public site),
    and the stories the pages are made of."""
    from ..render.environment import provider_name
    from ..sitemodel.stories import build_site_model

    assert ctx.glossary is not None
    options = ctx.options
    provider_label = provider_name(options.provider or ctx.config.translate.provider)
    labels = ctx.glossary.by_key()
    base_url = _normalise_base_url(options.base_url if options.base_url is not None else ctx.config.site.base_url)
    all_entries = sorted(ctx.entries, key=lambda e: (e.date, e.slug), reverse=True) if options.review else []
    resident = ctx.caches.resident
    if resident is None:
        ctx.site = build_site_model(
            ctx.config, ctx.published, labels, _provider_labels(provider_label),
            base_url=base_url, review_mode=options.review, flags=ctx.flags, all_entries=all_entries,
        )
        return
    # digest serve: patch the last build's model where it still holds
    if ctx.translated or (ctx.ingested and not ctx.ingest_only_added):
        resident.model.forget()  # entries may have been edited in place
    ctx.site = resident.model.site_model(
        ctx.config, ctx.published, labels, _provider_labels(provider_label), provider_label,
        base_url=base_url, review_mode=options.review, flags=ctx.flags, all_entries=all_entries,
    )
    resident.digests.same_shape = resident.model.same_shape
    resident.digests.model, resident.digests.remade = resident.model.number, resident.model.remade
    resident.plan_before = None
    if not resident.model.same_shape:
        # The pages may differ: planned again — from the last plan where this build's model
        # is the one that plan was made for with one new article taken in.
        new, last = resident.model.new_entry, resident.plan
        if new is not None and last is not None and resident.digests.remade_since(resident.plan_model) is not None:
            resident.plan_before = (last[0], new)
        resident.plan = None


def plan_stage(ctx: BuildContext) -> None:
    """The pages to render and the files that need no template."""
    from ..render.environment import template_exists
    from ..sitemodel.pages import Page, plan_pages, plan_with_new_story

    assert ctx.site is not None and ctx.environment is not None
    resident = ctx.caches.resident
    # digest serve, the site model patched: the same stories, order, dates, tags and
    # settings, so the same pages and sitemap as the last build (site_model_stage drops the
    # kept plan otherwise); one new article taken in: the last plan with its pages.
    kept = resident.plan if resident is not None else None
    before = resident.plan_before if resident is not None else None
    if kept is not None:
        site_pages = kept[0]
    elif before is not None:
        site_pages = plan_with_new_story(before[0], ctx.site, before[1])
    else:
        site_pages = plan_pages(ctx.site)
    ctx.pages = list(site_pages)  # the kept list stays as planned: the review page is added to this copy
    if ctx.options.review and template_exists(ctx.environment, REVIEW_TEMPLATE):
        ctx.pages.append(Page("review/index.html", REVIEW_TEMPLATE, "review"))
    ctx.extra = _extra_files(ctx.site, ctx.pages, ctx.environment, kept[1] if kept is not None else None)
    if resident is not None:
        resident.plan, resident.plan_model, resident.plan_before = (site_pages, ctx.extra["sitemap.xml"]), resident.model.number, None
    ctx.caches.open_search_memo()


def render_stage(ctx: BuildContext) -> None:
    """Render the pages whose inputs changed since the last build (all of them the first
    time, or with --no-cache) into a staging tree, unchanged ones hard-linked, and swap it in;
    a failure leaves site/ as it was (digest.cache.incremental).

    Overlapping: on a cold build, the search index (normalising every Arabic text) and
    saving the caches run in this process while the forked workers render."""
    from ..cache.incremental import render_site
    from ..render.pagerender import PageRenderer

    assert ctx.site is not None and ctx.environment is not None
    site, env = ctx.site, ctx.environment

    def search_files() -> dict[str, bytes]:
        from ..sitemodel.search import INDEX_FILE, search_index_json

        kept_rows = ctx.caches.resident.search_rows if ctx.caches.resident is not None else None
        index, used = search_index_json(site, ctx.caches.search_memo, kept_rows)
        ctx.normalised.update(used)
        _save_best_effort(ctx, lambda: ctx.caches.save_search(ctx.normalised, env))
        if ctx.caches.resident is None:
            ctx.normalised = {}  # saved: only digest serve keeps it
        return {INDEX_FILE: index}

    def save_caches() -> None:
        entries = ctx.entries
        _save_best_effort(ctx, lambda: ctx.caches.save_bodies(ctx.bodies.data, lambda: {body_hash(e.body) for e in entries}, ctx.new_entry_base, env))
        _release_saved(ctx)

    assert ctx.caches.check is not None
    resident = ctx.caches.resident
    # --no-cache: no manifest, nothing to record; digest serve: the dashboard rows of the last build.
    renderer = PageRenderer(site, env, ctx.bodies, record=ctx.options.use_cache, kept_rows=resident.rows if resident is not None else None)
    ctx.report.pages = render_site(
        ctx.root,
        ctx.options.out,
        renderer,
        ctx.pages,
        ctx.extra,
        ctx.config.build.workers,
        ctx.caches.check.before,
        alongside=save_caches,
        late_extra=search_files,
        use_manifest=ctx.options.use_cache,
        resident=ctx.caches.resident,
    ).rendered


def _save_best_effort(ctx: BuildContext, save: Callable[[], None]) -> None:
    """A cache not saved makes the next build slower, not wrong: a warning, not an error."""
    try:
        save()
    except OSError as exc:
        ctx.report.warnings.append(f"build cache not saved: {exc}")


def _release_saved(ctx: BuildContext) -> None:
    """Drop the rendered bodies once they are saved (on a cold build: first thing while the
    workers render, which have their own copy; else after the pages), ~17 MB at 4,000
    entries: the search index and the fingerprints made next reuse that memory instead of
    raising the build's peak. digest serve keeps them between builds."""
    if ctx.caches.resident is None and ctx.owns_bodies:
        ctx.bodies.data = {}
        return_freed_memory()


def _count(ctx: BuildContext) -> None:
    assert ctx.site is not None
    report = ctx.report
    report.entries = len(ctx.published)
    report.held_back = sum(1 for e in ctx.entries if e.review.state == "draft" and not _is_published(e, ctx.config, ctx.options.drafts))
    report.tags = sum(1 for t in ctx.site.taxonomy if ctx.site.stories_by_tag[t.key])
    report.files = report.pages + len(ctx.extra) + 2  # + the search index and the marker file


def _load(ctx: BuildContext, meanwhile: Callable[[], None] | None, from_last: bool = False) -> Loaded:
    """content/ loaded. `from_last` (a build's first load): digest serve with its watcher
    makes it from the last build's, parsing only the files whose stamp changed."""
    known = _watched_content(ctx)
    resident = ctx.caches.resident
    if from_last and known is not None and resident is not None and resident.loaded is not None:
        again = with_changed_files(resident.loaded, ctx.layout.content, known, ctx.config.ingest.allow_outside_root)
        if again is not None:
            if meanwhile is not None:
                meanwhile()
            return again
    return load_content(
        ctx.layout.content, ctx.config.build.workers, ctx.caches.disk, ctx.bodies.data, meanwhile, ctx.config.ingest.allow_outside_root,
        known,
    )


def _watched_content(ctx: BuildContext) -> dict[str, tuple[int, int]] | None:
    """digest serve with its watcher: the stamps of content/*.md it keeps (taken at the
    build's start), so loading does not stat every entry file again."""
    resident, check = ctx.caches.resident, ctx.caches.check
    if resident is None or resident.watch is None or check is None:
        return None
    return {rel[8:]: stamp for rel, stamp in check.before.items() if rel.startswith("content/") and "/" not in rel[8:]}


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


def _theme_environment(ctx: BuildContext) -> jinja2.Environment:
    """The Jinja environment with the page templates compiled (or read from the bytecode
    cache) in this process, before any fork, so page renderers share the compiled code."""
    from ..cache.templatecache import save_theme_references
    from ..render.environment import make_environment
    from ..render.fragments import MACROS, PARTIALS
    from ..render.pagerender import precompile_theme
    from ..sitemodel.pages import PAGE_TEMPLATES

    env = make_environment(ctx.root)
    ctx.caches.attach_templates(env)
    precompile_theme(env, None if ctx.options.review else (MACROS, *PARTIALS, *PAGE_TEMPLATES))  # a review build: all of them
    save_theme_references(env)
    return env


def _is_published(entry: Entry, config: Config, drafts: bool) -> bool:
    if entry.review.state == "rejected":
        return False
    return is_public(entry, config) or (drafts and entry.review.state == "draft")


def _provider_labels(default: str) -> Callable[[Entry], str]:
    """An entry's provider's name (`default` when it names none); one function per build,
    made once: the site model asks for every story."""
    from ..render.environment import provider_name

    def label_of(entry: Entry) -> str:
        provider = entry.translation.provider
        return provider_name(provider) if provider else default

    return label_of


def _normalise_base_url(base_url: str) -> str:
    base_url = base_url.strip() or "/"
    return base_url if base_url.endswith("/") else base_url + "/"


def _translate(ctx: BuildContext, entries: list[Entry]) -> tuple[str, list[str], list[DigestError]]:
    from ..translate import translation_state  # not translate_entries yet: it imports the providers' HTTP stack
    options = ctx.options
    if options.offline and not ctx.layout.translation_memory.exists():
        # Offline with no translation memory nothing can be filled in (tag labels come from
        # the glossary in the taxonomy stage), so skip the pass over every entry.
        pending = sum(1 for e in entries if translation_state(e) in ("pending", "stale"))
        if not pending:
            return "", [], []
        return "", [f"translate: {plural(pending, 'entry')} left pending (offline); run `digest translate` when online"], []

    from ..translate import translate_entries

    ctx.translated = True  # it may edit entries in place
    result = translate_entries(
        ctx.root, entries, ctx.config, provider=options.provider, provider_url=options.provider_url, offline=options.offline
    )
    return result.summary_line(), list(result.warnings), list(result.errors)


def _extra_files(site: SiteModel, pages: list[Page], env: Any, sitemap: bytes | None = None) -> dict[str, bytes]:
    """sitemap.xml (`sitemap`: the last build's, still true), robots.txt and the theme's
    static assets (the search index: search_files)."""
    from ..sitemodel.feeds import robots_txt, sitemap_xml
    from ..sitemodel.pages import iter_urls

    extra = {
        "sitemap.xml": sitemap if sitemap is not None else sitemap_xml(site, iter_urls(pages)),
        "robots.txt": robots_txt(site),
    }
    for name in STATIC_FILES:
        extra[f"assets/{name}"] = _static_source(env, name)
    return extra


def _static_source(env: Any, name: str) -> bytes:
    """A static asset as-is (a site's templates/static/NAME overrides the built-in)."""
    try:
        source: str = env.loader.get_source(env, f"static/{name}")[0]
        return source.encode("utf-8")
    except Exception:  # noqa: BLE001 - fall back to the packaged file
        from ..render.environment import builtin_templates_dir

        return (builtin_templates_dir() / "static" / name).read_bytes()
