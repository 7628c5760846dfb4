"""Incremental output: render only the pages whose fingerprint changed, keep the rest.

The output stays atomic — site/ is always the old or the new complete tree:

- nothing changed (same fingerprints, no page added or removed): site/ is not touched;
- some pages changed: a staging tree beside site/ gets a hard link to every unchanged
  file (no bytes copied), the changed pages are rendered into it as new files (never
  written through a link, which would alter the old tree), and it is swapped in; the old
  tree is deleted in the background;
- no usable manifest (first build, site/ replaced or deleted, other settings or tool
  version): everything is rendered, as a cold build.

The manifest is removed before the swap and written after it, so an interrupted build
leaves either no manifest (next build is full) or one that matches site/.
"""
from __future__ import annotations

import hashlib
import operator
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..core.sitetree import StagingTree, exchange_paths
from ..core.watch import stamp_of
from ..render import templaterefs
from ..render.pagerender import PageRenderer, render_pages
from ..sitemodel.pages import Page
from .fingerprint import PreviousBuild, SiteFingerprints
from .manifest import Manifest, forget_manifest, load_manifest, save_manifest, tree_identity
from .resident import ResidentState


@dataclass
class RenderResult:
    rendered: int = 0  # pages rendered
    written: int = 0  # extra files (sitemap, search index, assets) written
    linked: int = 0  # files carried over from the previous tree
    removed: int = 0  # files of the previous tree that no longer belong
    full: bool = False  # no usable manifest: everything was rendered
    unchanged: bool = False  # nothing changed: the tree was left as it was


def render_site(
    root: Path,
    out: Path,
    renderer: PageRenderer,
    pages: Sequence[Page],
    extra: dict[str, bytes],
    workers: int,
    stamps: dict[str, tuple[int, int]] | None = None,
    alongside: Callable[[], object] | None = None,
    late_extra: Callable[[], dict[str, bytes]] | None = None,
    use_manifest: bool = True,
    resident: ResidentState | None = None,
) -> RenderResult:
    """Bring `out` up to date with `pages` and `extra` (see the module doc).

    `stamps`: (mtime_ns, size) of the input files taken before the build read them
    (digest.cache.inputs); they let unchanged entries skip hashing.
    `alongside`: work of the build that does not touch the output (saving its caches): run
    while the workers render on a cold build, else after the pages.
    `late_extra`: more files like `extra`, costly to make: made while the workers render on
    a cold build, else first (an incremental build compares them with the last ones).
    `use_manifest=False` (`--no-cache`): render everything and write no manifest.
    `resident` (digest serve's preview): the manifest is kept in memory, and the changed
    pages replace their files in `out` one by one (each atomically) instead of a staging
    tree being swapped in.
    """
    alongside = alongside or _nothing
    late_extra = late_extra or dict
    if not use_manifest:
        old = Manifest()
    elif resident is not None and resident.manifest is not None:
        old = resident.manifest
    else:
        old = load_manifest(root, out)
    usable = old.describes(out)
    templaterefs.remember(old.references)

    def fingerprints() -> SiteFingerprints:
        now = resident.watched_inputs(absorb=False) if resident is not None else None  # digest serve's watcher knows
        stable = _unchanged_since(root, stamps or {}, "content/", now)
        kept = resident.digests if resident is not None else None
        return SiteFingerprints(renderer.site, renderer.env, dict(old.entries), stable, old.related, kept)

    if not usable:
        if resident is not None:
            resident.manifest = None
        return _render_everything(root, out, renderer, pages, extra, workers, fingerprints, stamps or {}, alongside, late_extra, use_manifest, resident)
    prints = fingerprints()
    extra = {**extra, **late_extra()}
    files: dict[str, str | None] = dict(prints.of_pages(pages, PreviousBuild(old.structure, old.files, old.entries)))
    for rel, data in extra.items():
        files[rel] = hashlib.blake2b(data, digest_size=16).hexdigest()
    # A page is kept if its kind digest is the same and nothing its last rendering read changed.
    values, changed = _changed_values(old, prints)
    no_deps: frozenset[tuple[str, str]] = frozenset()
    kept = {
        rel for rel, fp in files.items()
        if fp is not None and old.files.get(rel) == fp and not (changed and not changed.isdisjoint(old.deps.get(rel, no_deps)))
    }
    stale = [rel for rel in old.files if rel not in files] if usable else []
    result = RenderResult(full=not usable)
    if usable and len(kept) == len(files) and not stale:
        result.unchanged = True
        _save(root, out, files, prints, stamps or {}, old.deps, values, resident)  # memo tables may have grown
        alongside()
        return result

    if resident is not None:
        todo = [page for page in pages if page.path not in kept]
        result.rendered, result.written = _update_in_place(root, out, renderer, todo, extra, kept, stale, workers, resident)
        result.removed = len(stale)
        resident.in_place += 1
        deps = {rel: old.deps[rel] for rel in kept if rel in old.deps}
        values = _with_new_keys(deps, [page.path for page in todo], renderer.recorded, prints, values, pruned=bool(stale))
        _save(root, out, files, prints, stamps or {}, deps, values, resident)
        alongside()
        return result

    forget_manifest(root, out)
    tree = StagingTree(out)
    try:
        result.linked = _link_unchanged(out, tree.dir, sorted(kept))
        for rel in sorted(extra):
            if rel not in kept:
                tree.write(rel, extra[rel])
                result.written += 1
        todo = [page for page in pages if page.path not in kept]
        result.rendered = render_pages(renderer, todo, tree.dir, workers)
        result.removed = len(stale)
        _swap(tree, out)
    except BaseException:
        tree.discard()
        raise
    deps = {rel: old.deps[rel] for rel in kept if rel in old.deps}
    values = _with_new_keys(deps, [page.path for page in todo], renderer.recorded, prints, values, pruned=bool(stale))
    _save(root, out, files, prints, stamps or {}, deps, values)
    alongside()
    return result


def _nothing() -> None:
    pass


def _render_everything(
    root: Path,
    out: Path,
    renderer: PageRenderer,
    pages: Sequence[Page],
    extra: dict[str, bytes],
    workers: int,
    fingerprints: Callable[[], SiteFingerprints],
    stamps: dict[str, tuple[int, int]],
    alongside: Callable[[], object],
    late_extra: Callable[[], dict[str, bytes]],
    use_manifest: bool = True,
    resident: ResidentState | None = None,
) -> RenderResult:
    """No usable manifest (a cold build): every page is rendered. The fingerprints only
    matter to the next build, so they are computed while the workers render; so are the
    late extra files, and the build's `alongside` work. `resident` (digest serve): the
    manifest is kept in memory for the next rebuild, and written when the server stops."""
    files: dict[str, str | None] = {}
    result = RenderResult(full=True)
    made: list[SiteFingerprints] = []
    here, elsewhere = _in_this_process(pages, resident)

    def meanwhile() -> None:
        alongside()  # first: what it saves, the build can then free before the rest is made
        if use_manifest:  # fingerprints only serve the next build's manifest
            made.append(fingerprints())
            files.update(made[0].of_pages(pages))
        late = late_extra()
        for rel in sorted(late):
            tree.write(rel, late[rel])
            result.written += 1
        for rel, data in {**extra, **late}.items():
            files[rel] = hashlib.blake2b(data, digest_size=16).hexdigest()

    # Related-story lists are needed by both the article pages and the fingerprints:
    # computed once here, the forked renderers inherit them.
    for story in renderer.site.stories:
        renderer.site.related(story)
    forget_manifest(root, out)
    tree = StagingTree(out)
    try:
        for rel in sorted(extra):
            tree.write(rel, extra[rel])
            result.written += 1
        result.rendered = render_pages(renderer, elsewhere, tree.dir, workers, meanwhile=meanwhile, here=here)
        _swap(tree, out)
    except BaseException:
        tree.discard()
        raise
    if use_manifest:
        deps: dict[str, frozenset[Key]] = {}
        values = _with_new_keys(deps, [page.path for page in pages], renderer.recorded, made[0], {}, pruned=True)
        _save(root, out, files, made[0], stamps, deps, values, resident)
    return result


def _in_this_process(pages: Sequence[Page], resident: ResidentState | None) -> tuple[list[Page], Sequence[Page]]:
    """digest serve: (the review dashboard, the other pages) — the dashboard is rendered in
    the server's process, never in a forked worker, so the rows kept between rebuilds (by
    entry and by row) are kept there. Otherwise: (none, every page)."""
    if resident is None:
        return [], pages
    here = [page for page in pages if page.kind == "review"]
    return here, [page for page in pages if page.kind != "review"] if here else pages


def _unchanged_since(
    root: Path, stamps: dict[str, tuple[int, int]], prefix: str, now: dict[str, tuple[int, int]] | None = None
) -> dict[str, tuple[int, int]]:
    """The stamped files under `prefix` that still have their stamp (nothing wrote them
    during the build: not ingest, not translation, not an editor). `now`: the current
    stamps, if a watcher keeps them (else every file is looked at)."""
    if now is not None:
        return {rel: stamp for rel, stamp in stamps.items() if rel.startswith(prefix) and now.get(rel) == stamp}
    stable = {}
    base = str(root)
    for rel, stamp in stamps.items():
        if rel.startswith(prefix) and stamp_of(os.path.join(base, rel)) == stamp:
            stable[rel] = stamp
    return stable


Key = tuple[str, str]


def _changed_values(old: Manifest, prints: SiteFingerprints) -> tuple[dict[Key, str | None], set[Key]]:
    """The current value of every key the last build's pages recorded, and the keys whose
    value changed. With the same structure digest as the last build (settings, templates,
    every card, tag and the order: see SiteFingerprints.structure) only bodies can differ,
    and with them what reads the whole model: only those keys are evaluated again. digest
    serve, the model patched: a story it kept has the card and body it had (`held_stories`)."""
    value = prints.dependency
    before = old.dep_values
    if old.structure is not None and old.structure == prints.structure_if_known():
        changed = {key for key, known in before.items() if key[0] == "body" and value(key) != known}
        if changed:
            changed.update(key for key in before if key[0] == "model")
    elif (held := prints.held_stories(old)) is not None:
        remade, by_slug = held
        changed = {
            key for key, known in before.items()
            if (key[0] not in _STORY_KEYS or key[1] in remade or key[1] not in by_slug) and value(key) != known
        }
    else:
        changed = {key for key, known in before.items() if value(key) != known}
    if not changed:
        return before, changed
    return {**before, **{key: value(key) for key in changed}}, changed


_STORY_KEYS = frozenset({"card", "body"})


def _with_new_keys(
    deps: dict[str, frozenset[Key]],
    rendered: list[str],
    recorded: dict[str, frozenset[Key]],
    prints: SiteFingerprints,
    known: dict[Key, str | None],
    pruned: bool,
) -> dict[Key, str | None]:
    """Add the rendered pages' recorded keys to `deps` (as the very key objects of the
    returned values, so pickle stores each key once) and return every key's value: those in
    `known` are current. `pruned`: pages went away, so keep only the keys still used."""
    value = prints.dependency
    values = dict(known)
    no_deps: frozenset[Key] = frozenset()
    fresh = [(rel, recorded.get(rel, no_deps)) for rel in rendered]
    # Set operations and map() run in C: a cold build at 4,000 entries records ~130,000 keys.
    for key in set().union(*(keys for _rel, keys in fresh)).difference(values):
        values[key] = value(key)
    if not known and not deps:
        # Every key came from these sets, which share their key objects (PageRenderer and
        # render_pages make them so): kept as they are, and every key is used.
        deps.update(fresh)
        return values
    canonical = {key: key for key in values}
    same = canonical.__getitem__
    for rel, keys in fresh:
        # A set already made of these very key objects is kept as is, not copied.
        deps[rel] = keys if all(map(operator.is_, map(same, keys), keys)) else frozenset(map(same, keys))
    if pruned:
        used: set[Key] = set().union(*deps.values()) if deps else set()
        values = {key: known_value for key, known_value in values.items() if key in used}
    return values


def _save(
    root: Path,
    out: Path,
    files: dict[str, str | None],
    prints: SiteFingerprints,
    stamps: dict[str, tuple[int, int]],
    deps: dict[str, frozenset[Key]],
    dep_values: dict[Key, str | None],
    resident: ResidentState | None = None,
) -> None:
    manifest = Manifest(
        tree=tree_identity(out),
        files=files,
        entries={slug: memo for slug, memo in prints.entry_memo.items() if f"content/{slug}.md" in stamps},
        related=(prints.related_key, prints.related_memo),
        references=templaterefs.known(),
        structure=prints.structure_if_known(),
        deps=deps,
        dep_values=dep_values,
    )
    if resident is not None:  # kept in memory; written when the server stops
        resident.keep_manifest(root, out, manifest)
        prints.values_kept_in(manifest)
        return
    try:
        save_manifest(root, out, manifest)
    except OSError:
        pass  # no manifest: the next build is a full one, still correct


def _update_in_place(
    root: Path,
    out: Path,
    renderer: PageRenderer,
    todo: list[Page],
    extra: dict[str, bytes],
    kept: set[str],
    stale: list[str],
    workers: int,
    resident: ResidentState,
) -> tuple[int, int]:
    """digest serve's preview: render the changed pages into a small staging folder beside
    `out`, then move each over its old file (os.replace: a browser reading a page gets the
    old or the new one, never half of it) and delete the files that no longer belong. The
    unchanged files are not touched. Returns (pages rendered, extra files written).

    A failure half way leaves some pages new and some old: the manifest is dropped, so the
    next build renders everything."""
    resident.keep_manifest(root, out, resident.manifest or Manifest())  # no manifest on disk while `out` changes
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))  # recover_leftovers removes a leftover
    try:
        written = [rel for rel in sorted(extra) if rel not in kept]
        for rel in written:
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(extra[rel])
        here, elsewhere = _in_this_process(todo, resident)
        rendered = render_pages(renderer, elsewhere, staging, workers, here=here)
        src, dst = str(staging) + os.sep, str(out) + os.sep
        made: set[str] = set()
        for rel in [*written, *(page.path for page in todo)]:
            parent = rel.rpartition("/")[0]
            if parent and parent not in made:
                os.makedirs(dst + parent, exist_ok=True)
                made.add(parent)
            os.replace(src + rel, dst + rel)
        for rel in stale:
            _remove_file(out, rel)
    except BaseException:
        resident.drop_manifest(root, out)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return rendered, len(written)


def _remove_file(out: Path, rel: str) -> None:
    """Delete a file of `out` and the folders it leaves empty (a fresh build has none)."""
    try:
        os.unlink(out / rel)
    except FileNotFoundError:
        pass
    parent = (out / rel).parent
    while parent != out:
        try:
            parent.rmdir()
        except OSError:  # not empty
            return
        parent = parent.parent


def _link_unchanged(old: Path, new: Path, paths: list[str]) -> int:
    """Hard-link each unchanged file of the old tree into the new one (parents first).

    Plain strings and os calls: this runs for every file of the site."""
    src, dst = str(old) + os.sep, str(new) + os.sep
    made: set[str] = {""}
    link = os.link
    for rel in paths:
        parent = rel.rpartition("/")[0]
        if parent not in made:
            os.makedirs(dst + parent, exist_ok=True)
            while parent and parent not in made:
                made.add(parent)
                parent = parent.rpartition("/")[0]
        try:
            link(src + rel, dst + rel)
        except OSError:  # another file system or no hard links: copy instead
            shutil.copy2(src + rel, dst + rel)
    return len(paths)


def _swap(tree: StagingTree, out: Path) -> None:
    """Swap the staging tree in; the old tree is deleted in the background."""
    if not out.exists():
        os.rename(tree.dir, out)
        return
    graveyard = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    if exchange_paths(tree.dir, out):  # one step: site/ is never missing, even if killed here
        os.rename(tree.dir, graveyard / "tree")
    else:  # two renames; a build killed between them is undone by recover_leftovers
        os.rename(out, graveyard / "tree")
        os.rename(tree.dir, out)
    _remove_later(graveyard)


def _remove_later(path: Path) -> None:
    """Delete a directory without making the build wait (thousands of unlinks)."""
    if sys.platform != "win32" and shutil.which("rm"):
        try:
            subprocess.Popen(["rm", "-rf", "--", str(path)], start_new_session=True,
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return
        except OSError:
            pass
    shutil.rmtree(path, ignore_errors=True)

