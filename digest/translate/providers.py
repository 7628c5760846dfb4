"""Translation providers, all through deep-translator: which exist, what they need, limits.

Each provider is described once (class, language codes for ar → en, longest text it
accepts, the environment variable holding its key). A provider that cannot translate
Arabic into English is refused before any request, with a message saying why.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..core.errors import DigestError


class ProviderError(DigestError):
    """The chosen provider cannot be used (unknown, no ar → en, missing key or URL)."""


@dataclass(frozen=True)
class ProviderSpec:
    name: str
    class_name: str  # deep_translator.<class_name>
    source: str  # code deep-translator expects for Arabic
    target: str  # and for English
    max_chars: int  # longest text per request (we chunk at sentence boundaries below it)
    key_env: str | None = None  # environment variable with the API key
    needs_url: bool = False
    note: str = ""  # why a provider is refused, if it is

    def refusal(self) -> str | None:
        return self.note or None


# max_chars: Google refuses ≥ 5,000 characters but sends the text in a GET query string, and
# Arabic is 6 bytes per character once percent-encoded, so stay well below; LibreTranslate
# also puts the text in the query string (long text → HTTP 414); deep-translator refuses
# ≥ 500 characters for MyMemory, whose API limit is 500 *bytes* (Arabic: 2 bytes a letter).
PROVIDERS: dict[str, ProviderSpec] = {
    spec.name: spec
    for spec in (
        ProviderSpec("google", "GoogleTranslator", "ar", "en", 1800),
        ProviderSpec("libre", "LibreTranslator", "ar", "en", 1000, key_env="LIBRE_API_KEY", needs_url=True),
        ProviderSpec("mymemory", "MyMemoryTranslator", "ar-SA", "en-GB", 240),
        ProviderSpec("microsoft", "MicrosoftTranslator", "ar", "en", 4500, key_env="MICROSOFT_API_KEY"),
        ProviderSpec("qcri", "QcriTranslator", "ar", "en", 1000, key_env="QCRI_API_KEY"),
        ProviderSpec("chatgpt", "ChatGptTranslator", "arabic", "english", 2000, key_env="OPEN_API_KEY"),
        ProviderSpec("yandex", "YandexTranslator", "ar", "en", 4500, key_env="YANDEX_API_KEY"),
        ProviderSpec("deepl", "DeeplTranslator", "ar", "en", 4500, key_env="DEEPL_API_KEY",
                     note="DeepL in deep-translator 1.11.4 has no Arabic (its language list lacks it)"),
        ProviderSpec("papago", "PapagoTranslator", "ar", "en", 4500,
                     note="Papago does not translate Arabic"),
        ProviderSpec("baidu", "BaiduTranslator", "ara", "en", 4500,
                     note="Baidu needs an app id and key pair that digest does not pass; use another provider"),
        ProviderSpec("pons", "PonsTranslator", "ar", "en", 50,
                     note="PONS translates single words only, not headlines or summaries"),
        ProviderSpec("linguee", "LingueeTranslator", "ar", "en", 50,
                     note="Linguee translates single words only (and has no Arabic)"),
    )
}

# A placeholder key for private LibreTranslate servers that need none: deep-translator
# refuses to construct LibreTranslator without a non-empty key.
LIBRE_PLACEHOLDER_KEY = "none"


def resolve_provider(name: str, url: str | None) -> ProviderSpec:
    """The spec for `name`, or a ProviderError saying why it cannot be used."""
    spec = PROVIDERS.get(name.strip().lower())
    if spec is None:
        usable = ", ".join(n for n, s in PROVIDERS.items() if not s.note)
        raise ProviderError(f"unknown translation provider {name!r} (usable: {usable})")
    refusal = spec.refusal()
    if refusal:
        raise ProviderError(f"provider {spec.name!r} cannot translate Arabic → English: {refusal}")
    if spec.needs_url and not url:
        raise ProviderError(f"provider {spec.name!r} needs a server URL: --provider-url URL or translate.provider_url")
    if spec.key_env and spec.name != "libre" and not os.environ.get(spec.key_env):
        raise ProviderError(f"provider {spec.name!r} needs an API key in the environment variable {spec.key_env}")
    return spec


def translator_factory(spec: ProviderSpec, url: str | None) -> Callable[[], Any]:
    """A function that builds a new translator instance (one per thread: they are not thread-safe)."""
    import deep_translator

    cls = getattr(deep_translator, spec.class_name)
    kwargs: dict[str, Any] = {"source": spec.source, "target": spec.target}
    if spec.name == "libre":
        # deep-translator appends "translate" to custom_url: it needs the trailing slash.
        kwargs["custom_url"] = (url or "").rstrip("/") + "/"
        kwargs["api_key"] = os.environ.get("LIBRE_API_KEY") or LIBRE_PLACEHOLDER_KEY
    elif spec.key_env:
        kwargs["api_key"] = os.environ.get(spec.key_env)
    return lambda: cls(**kwargs)


def call_kwargs(spec: ProviderSpec) -> dict[str, Any]:
    """Extra arguments for translate(): QCRI needs a domain."""
    return {"domain": "general"} if spec.name == "qcri" else {}
