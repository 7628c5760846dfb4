"""The Jinja environment: the built-in theme, a site's overrides, filters, error reporting.

Lookup order for a template name: the site's `<root>/templates/`, then the built-in theme
(`digest.templates`). `!builtin/NAME` always means the built-in one, so an override can
`{% extends "!builtin/base.html" %}` and change one block.
"""
from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2

from ..core.errors import DigestError
from ..core.layout import SiteLayout
from ..text.arabic import has_arabic
from ..text.bidi import arabic_text, english_text, isolate_plain
from ..text.shellquote import review_command_filter, shell_quote, visible
from .recording import KEYS, note, note_read, recorded_getattr
from .templaterefs import record as record_references

BUILTIN_PREFIX = "!builtin"
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
ARABIC_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
PROVIDER_NAMES = {
    "google": "Google",
    "libre": "LibreTranslate",
    "mymemory": "MyMemory",
    "deepl": "DeepL",
    "microsoft": "Microsoft",
    "qcri": "QCRI",
    "chatgpt": "ChatGPT",
    "papago": "Papago",
    "yandex": "Yandex",
    "baidu": "Baidu",
    "pons": "PONS",
    "linguee": "Linguee",
}


class TemplateError(DigestError):
    """A theme template that does not compile or fails while rendering."""


@functools.cache
def is_theme_template(name: str) -> bool:
    """Theme files that are templates: not the static assets (copied as files), not the
    `!builtin/` aliases of the built-in theme, not Python package files."""
    if name.startswith(("static/", BUILTIN_PREFIX + "/")) or "__pycache__" in name:
        return False
    return not name.endswith((".py", ".pyc"))


def builtin_templates_dir() -> Path:
    """The installed `digest.templates` package's folder (found by its import spec, which
    costs nothing, where importlib.resources costs ~10 ms of start-up to import)."""
    try:
        spec = importlib.util.find_spec("digest.templates")
    except ModuleNotFoundError:
        spec = None
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parents[2] / "templates"  # an editable install made before templates/ existed


class ThemeEnvironment(jinja2.Environment):
    """Reports every template it parses to digest.render.templaterefs, so fingerprints know what a
    template references without parsing it a second time. Only public Jinja API: `compile`
    accepts a parsed tree as well as source (it parses the source itself otherwise), so the
    source is parsed here through `parse` and the tree handed on."""

    def parse(self, source: str, name: str | None = None, filename: str | None = None) -> jinja2.nodes.Template:
        tree = super().parse(source, name, filename)
        record_references(source, tree)
        return tree

    def compile(
        self,
        source: str | jinja2.nodes.Template,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        if isinstance(source, str):
            source = self.parse(source, name, filename)  # syntax errors reported as compile would
        if raw:
            return super().compile(source, name, filename, raw=True, defer_init=defer_init)
        return super().compile(source, name, filename, raw=False, defer_init=defer_init)

    # Dependency recording (digest.render.recording): Jinja routes every `a.b` and `a[b]` of
    # a template through these two public hooks, and every extends/include/import through
    # get_template, so what a page reads is noted as it renders.
    getattr = recorded_getattr

    def getitem(self, obj: Any, argument: Any) -> Any:
        note_read(obj, argument)
        return super().getitem(obj, argument)

    def get_template(self, name: Any, parent: str | None = None, globals: Any = None) -> jinja2.Template:
        if isinstance(name, str):
            note(KEYS["template"][name])
        return super().get_template(name, parent, globals)


def _refuse_built_pages(site_dir: Path) -> None:
    """A folder a build wrote holds article text: loaded as templates, that text would run
    as Jinja (a `{{ ... }}` in a headline executed). Never use one as the theme."""
    from ..core.sitetree import MARKER

    if (site_dir / MARKER).exists():
        raise TemplateError(
            f"this folder holds pages a digest build wrote ({MARKER}), not templates: "
            "move or delete it (a build's output is never used as a theme)",
            site_dir / MARKER,
        )


def make_environment(root: Path | None) -> jinja2.Environment:
    builtin = jinja2.FileSystemLoader(str(builtin_templates_dir()))
    loaders: list[jinja2.BaseLoader] = []
    site_dir = SiteLayout(root).templates if root is not None else None
    if site_dir is not None and site_dir.is_dir() and site_dir.resolve() != builtin_templates_dir().resolve():
        _refuse_built_pages(site_dir)
        loaders.append(jinja2.FileSystemLoader(str(site_dir)))
    loaders += [jinja2.PrefixLoader({BUILTIN_PREFIX: builtin}, delimiter="/"), builtin]
    env = ThemeEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(("html", "xml"), default_for_string=True, default=True),
        undefined=jinja2.StrictUndefined,  # a typo in a template is an error, not blank output
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=-1,
    )
    env.filters.update(
        date_ar=date_ar,
        date_en=date_en,
        isolate=isolate,
        provider_name=provider_name,
        month_ar=month_ar,
        month_en=month_en,
        ar=arabic_text,
        en=english_text,
        ar_plain=isolate_plain,
        shell_quote=shell_quote,  # commands shown for copy and paste (review panel)
        review_command=review_command_filter,
        visible=visible,  # file names with invisible/bidi characters shown as escapes
    )
    env.tests["arabic"] = has_arabic  # {% if tag.name is arabic %}: Latin tags get dir="ltr", not lang="ar"
    return env


def date_ar(value: dt.date) -> str:
    return f"{value.day} {ARABIC_MONTHS[value.month - 1]} {value.year}"


def date_en(value: dt.date) -> str:
    return f"{value.day} {ENGLISH_MONTHS[value.month - 1]} {value.year}"


def month_ar(value: dt.date) -> str:
    return f"{ARABIC_MONTHS[value.month - 1]} {value.year}"


def month_en(value: dt.date) -> str:
    return f"{ENGLISH_MONTHS[value.month - 1]} {value.year}"


def isolate(text: str) -> str:
    """Wrap in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: for <title> and meta tags,
    where <bdi> cannot be used, so a Latin run inside Arabic (or the reverse) keeps its order."""
    return f"\u2068{text}\u2069"


def provider_name(code: str | None) -> str:
    if not code:
        return "machine"
    return PROVIDER_NAMES.get(code.lower(), code)


def template_exists(env: jinja2.Environment, name: str) -> bool:
    try:
        env.get_template(name)
    except jinja2.TemplateNotFound:
        return False
    return True


def render_template(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render, turning any template problem into one line naming the template file and line."""
    try:
        return _render(env, env.get_template(name), context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template syntax error: {exc.message}", exc.filename or exc.name or name, exc.lineno) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}", name) from None
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError) as exc:
        filename, line = _template_frame(exc)
        message = getattr(exc, "message", None) or str(exc)
        raise TemplateError(f"template error: {type(exc).__name__}: {message}", filename or name, line) from None


def _render(env: jinja2.Environment, template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """`template.render(context)`, with the globals merged in by one plain dict copy: Jinja's
    own merge reads them one by one through a ChainMap, and each `{% import %}` compares
    them again, a fixed cost of every page. Our templates are loaded without template-level
    globals, so env.globals are all of them and an import never needs a module of its own."""
    if not hasattr(template, "root_render_func"):  # a Jinja without this internal: the public way
        return template.render(context)
    ctx = env.context_class(env, {**env.globals, **context}, template.name, template.blocks)
    try:
        return env.concat(template.root_render_func(ctx))
    except Exception:  # noqa: BLE001 - not swallowed: handle_exception re-raises it
        env.handle_exception()  # re-raises with the template's file and line in the traceback


def _template_frame(exc: BaseException) -> tuple[str | None, int | None]:
    """The innermost traceback frame that is template code (Jinja maps its line numbers)."""
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__ if exc.__traceback__ is not None else sys.exc_info()[2]
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt", ".js", ".css")):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
