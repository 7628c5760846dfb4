"""Arabic → English translation of entries through deep-translator.

Public API: `translate_entries` (fill missing/stale English, write entries back),
`TranslateReport`, `translation_state` / `is_current` (pending | machine | stale | edited).

The names are imported on first use (PEP 562): deep-translator pulls in requests and
BeautifulSoup, which every `digest` command would otherwise pay for at start-up, even
those that never translate (a no-op `digest build` spent most of its time here).
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .entries import TranslateReport, translate_entries
    from .providers import PROVIDERS, ProviderError
    from .resilience import RetryPolicy
    from .state import is_current, translation_state

_WHERE = {
    "PROVIDERS": ".providers",
    "ProviderError": ".providers",
    "RetryPolicy": ".resilience",
    "TranslateReport": ".entries",
    "is_current": ".state",
    "translate_entries": ".entries",
    "translation_state": ".state",
}

# Spelled out (sorted(_WHERE) is the same list) so ruff and mypy see the public names.
__all__ = [
    "PROVIDERS",
    "ProviderError",
    "RetryPolicy",
    "TranslateReport",
    "is_current",
    "translate_entries",
    "translation_state",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value
