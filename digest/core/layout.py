"""SiteLayout: the one place that knows every path of a site root.

A site root holds the editors' inputs (`digest.toml`, a glossary, `seeds/`, `content/`,
`templates/`), the published output (`site/`) and the tool's own state in `.digest/`:

    .digest/
      build.lock        held while a build runs
      tm.sqlite         the translation memory: user data (paid-for translations), not a cache
      cache/            build caches: parsed entries, rendered bodies, search text,
                        compiled site templates (safe to delete: `digest clean`)
      inputs/           what the last build of each output folder saw (a no-op build stops early)
      manifest/         what each output tree was built from (incremental rendering)
      preview/          digest serve's preview build (drafts and review shown)

Every other module asks a SiteLayout (or these names) for a path instead of joining
strings itself, so the layout can be read, documented and changed in one place.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CONFIG_FILE = "digest.toml"
GLOSSARY_FILE = "glossary.toml"
GLOSSARY_FILES = (GLOSSARY_FILE, "glossary.yaml", "glossary.yml")  # the first one found is read
SEEDS_DIR = "seeds"
CONTENT_DIR = "content"
TEMPLATES_DIR = "templates"
SITE_DIR = "site"
STATE_DIR = ".digest"

# Paths relative to the root, for the modules that record or compare relative names.
TM_FILE = Path(STATE_DIR) / "tm.sqlite"
BUILD_LOCK_FILE = Path(STATE_DIR) / "build.lock"
CACHE_DIR = Path(STATE_DIR) / "cache"
TEMPLATE_CACHE_DIR = CACHE_DIR / "templates"
INPUTS_DIR = Path(STATE_DIR) / "inputs"
MANIFEST_DIR = Path(STATE_DIR) / "manifest"
PREVIEW_DIR = Path(STATE_DIR) / "preview"

# The folders and files editors own: a build reads them and never writes over them.
INPUT_NAMES = (SEEDS_DIR, CONTENT_DIR, TEMPLATES_DIR, STATE_DIR, CONFIG_FILE, *GLOSSARY_FILES)
# What `digest clean` may remove: every cache and the preview; never tm.sqlite (user data).
DISPOSABLE = (CACHE_DIR, INPUTS_DIR, MANIFEST_DIR, PREVIEW_DIR)


@dataclass(frozen=True)
class SiteLayout:
    """The paths of one site root (nothing is created here)."""

    root: Path

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def glossary_files(self) -> tuple[Path, ...]:
        return tuple(self.root / name for name in GLOSSARY_FILES)

    @property
    def seeds(self) -> Path:
        return self.root / SEEDS_DIR

    @property
    def content(self) -> Path:
        return self.root / CONTENT_DIR

    @property
    def templates(self) -> Path:
        return self.root / TEMPLATES_DIR

    @property
    def site(self) -> Path:
        """The default output folder."""
        return self.root / SITE_DIR

    @property
    def state(self) -> Path:
        return self.root / STATE_DIR

    @property
    def build_lock(self) -> Path:
        return self.root / BUILD_LOCK_FILE

    @property
    def translation_memory(self) -> Path:
        return self.root / TM_FILE

    @property
    def cache(self) -> Path:
        return self.root / CACHE_DIR

    @property
    def template_cache(self) -> Path:
        return self.root / TEMPLATE_CACHE_DIR

    @property
    def inputs(self) -> Path:
        return self.root / INPUTS_DIR

    @property
    def manifests(self) -> Path:
        return self.root / MANIFEST_DIR

    @property
    def preview(self) -> Path:
        return self.root / PREVIEW_DIR

    def entry_file(self, slug: str) -> Path:
        return self.content / f"{slug}.md"

    def disposable(self) -> tuple[Path, ...]:
        """What `digest clean` removes (caches and the preview)."""
        return tuple(self.root / rel for rel in DISPOSABLE)
