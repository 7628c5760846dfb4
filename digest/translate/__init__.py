"""Arabic → English translation of entries through deep-translator.

Public API: `translate_entries` (fill missing/stale English, write entries back),
`TranslateReport`, `translation_state` / `is_current` (pending | machine | stale | edited).
"""
from __future__ import annotations

from .entries import TranslateReport, translate_entries
from .providers import PROVIDERS, ProviderError
from .resilience import RetryPolicy
from .state import is_current, translation_state

__all__ = [
    "PROVIDERS",
    "ProviderError",
    "RetryPolicy",
    "TranslateReport",
    "is_current",
    "translate_entries",
    "translation_state",
]
