"""digest.toml: a typed schema, one declaration per option with its documentation beside it.

Every setting has a default, so digest.toml is optional. Unknown sections or keys are errors
(a typo must not be silently ignored). `Config.for_test()` builds one without a file.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_type_hints
from urllib.parse import urlsplit

from .errors import ConfigError
from .layout import CONFIG_FILE


@dataclass
class SiteConfig:
    title: str = "الموجز"  # Arabic site title
    title_en: str = "The Digest"  # English site title
    description: str = "موجز إخباري ثنائي اللغة"  # Arabic description (feeds, meta)
    description_en: str = "A curated bilingual news digest"  # English description
    base_url: str = "/"  # absolute URL or path prefix the site is published under
    author: str = "Digest editors"  # feed author
    per_page: int = 20  # entries per page on the home, tag and English index pages
    publish: str = "approved"  # "approved": only approved entries are public; "all": drafts too (never rejected)


@dataclass
class IngestConfig:
    boilerplate_patterns: list[str] = field(default_factory=list)  # extra regexes for whole trailing paragraphs
    max_article_bytes: int = 20_000_000  # larger seed files are refused with a clear message
    max_hashtags: int = 200  # hashtags kept per entry (first-appearance order)
    allow_outside_root: bool = False  # accept seeds and content files whose real path (through symlinks) is outside the site root


@dataclass
class SummaryConfig:
    max_sentences: int = 3  # extractive summary length in sentences
    max_chars: int = 400  # and in characters (whole sentences only)


@dataclass
class TranslateConfig:
    provider: str = "google"  # a deep-translator provider: google, libre, mymemory, microsoft, deepl, qcri, ...
    provider_url: str = ""  # base URL for self-hosted providers (libre)
    workers: int = 4  # concurrent requests
    rate_limit: float = 0.0  # max requests per second per provider (0 = unlimited)
    timeout: float = 15.0  # seconds per HTTP request
    retries: int = 3  # retries on 429/5xx/timeouts, exponential backoff with jitter
    breaker_threshold: int = 5  # consecutive failures after which the provider is not called again this run


@dataclass
class BuildConfig:
    workers: int = 2  # processes used to render bodies on a cold build (1 = no subprocesses)


@dataclass
class ReviewConfig:
    summary_min_chars: int = 60  # flag summary-length when the English summary is shorter
    summary_max_chars: int = 600  # or longer than this
    near_duplicate: float = 0.6  # shingle (Jaccard) similarity above which two entries are flagged


@dataclass
class Config:
    site: SiteConfig = field(default_factory=SiteConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)
    summary: SummaryConfig = field(default_factory=SummaryConfig)
    translate: TranslateConfig = field(default_factory=TranslateConfig)
    build: BuildConfig = field(default_factory=BuildConfig)
    review: ReviewConfig = field(default_factory=ReviewConfig)
    path: Path | None = None  # the file it was read from (not an option)

    @classmethod
    def for_test(cls, **sections: dict[str, Any]) -> Config:
        return _from_mapping(sections, Path("<test>"))

    def fingerprint(self) -> str:
        """Hash of every option: a change means a full rebuild."""
        data = {f.name: dataclasses.asdict(getattr(self, f.name)) for f in dataclasses.fields(self) if f.name != "path"}
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]


_SECTIONS = {
    "site": SiteConfig,
    "ingest": IngestConfig,
    "summary": SummaryConfig,
    "translate": TranslateConfig,
    "build": BuildConfig,
    "review": ReviewConfig,
}


def _check_type(value: Any, annotation: Any) -> bool:
    text = str(annotation)
    if annotation is bool:
        return isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if annotation is str:
        return isinstance(value, str)
    if text.startswith("list[str]"):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return True


def _from_mapping(data: dict[str, Any], path: Path) -> Config:
    config = Config(path=path)
    for name, section in data.items():
        if name not in _SECTIONS:
            raise ConfigError(f"unknown section [{name}] (known: {', '.join(_SECTIONS)})", path)
        if not isinstance(section, dict):
            raise ConfigError(f"[{name}] must be a table", path)
        cls = _SECTIONS[name]
        hints = get_type_hints(cls)
        known = {f.name for f in dataclasses.fields(cls)}
        values = {}
        for key, value in section.items():
            if key not in known:
                raise ConfigError(f"unknown key {name}.{key} (known: {', '.join(sorted(known))})", path)
            if not _check_type(value, hints[key]):
                raise ConfigError(f"{name}.{key} must be of type {hints[key].__name__ if hasattr(hints[key], '__name__') else hints[key]}", path)
            values[key] = value
        setattr(config, name, cls(**values))
    _validate(config, path)
    return config


def _validate(config: Config, path: Path) -> None:
    if config.site.publish not in ("approved", "all"):
        raise ConfigError('site.publish must be "approved" or "all"', path)
    if config.site.per_page < 1:
        raise ConfigError("site.per_page must be at least 1", path)
    if config.translate.workers < 1:
        raise ConfigError("translate.workers must be at least 1", path)
    if config.summary.max_sentences < 1 or config.summary.max_chars < 40:
        raise ConfigError("summary.max_sentences must be ≥ 1 and summary.max_chars ≥ 40", path)
    check_base_url(config.site.base_url, "site.base_url", path)


_URL_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f\"'<>\\`{}|^]")


def base_url_problem(value: str) -> str | None:
    """Why `value` cannot be the base URL the site is published under (None: it can).

    Accepted: an absolute http(s) URL with a host (`https://example.org/digest/`) or a path
    starting with one `/` (`/digest/`). Anything else (`javascript:…`, `//host`, a relative
    path, a query or fragment) would end up in every canonical link, feed and sitemap."""
    value = value.strip()
    if not value:
        return None  # the default, "/"
    if _URL_FORBIDDEN.search(value):
        return "has a space, quote or other character that cannot be in a URL"
    if value.startswith(("http://", "https://")):
        parts = urlsplit(value)
        if not parts.hostname:
            return "has no host name"
    elif not value.startswith("/") or value.startswith("//"):
        return "must be an absolute http:// or https:// URL or a path starting with /"
    if "?" in value or "#" in value:
        return "must not have a query (?) or fragment (#): page paths are appended to it"
    return None


def check_base_url(value: str, where: str, path: Path | None = None) -> None:
    """Raise a one-line ConfigError if `value` is not a usable base URL (`where` names the
    setting: "site.base_url" or "--base-url")."""
    problem = base_url_problem(value)
    if problem is not None:
        raise ConfigError(f"{where} {value!r} {problem}", path)


def is_absolute_base_url(value: str) -> bool:
    """True for an http(s) URL: what sitemap <loc>s, og:url and canonical links need."""
    return value.strip().startswith(("http://", "https://"))


def relative_urls_warning(base_url: str) -> str:
    """The one line said when a public site is built (or checked) without an absolute base URL."""
    shown = base_url.strip() or "/"
    return (
        f"base URL {shown!r} is not an absolute http(s) URL, so sitemap.xml, canonical links and og:url "
        "are relative (search engines reject such a sitemap): before publishing, set site.base_url "
        "in digest.toml (or --base-url) to the site's public address, e.g. https://example.org/digest/"
    )


def load_config(root: Path) -> Config:
    path = root / CONFIG_FILE
    if not path.exists():
        return Config(path=None)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path) from None
    return _from_mapping(data, path)
