"""What a deep-translator failure means: retry, give up on this text, or stop the provider.

deep-translator 1.11.4 reports failures inconsistently: requests' ConnectionError and
Timeout escape unwrapped; a 429 is TooManyRequests (Google, MyMemory) or
ServerException (Libre) or a bare RequestError; a non-JSON body raises JSONDecodeError.
The HTTP status recorded by digest.translate.http disambiguates.
"""
from __future__ import annotations

import re
import socket
from dataclasses import dataclass

import requests
from deep_translator import exceptions as dt_exc

RETRY, FAIL, STOP = "retry", "fail", "stop"

# Answers that are a provider's error message dressed as a translation (HTTP 200):
# MyMemory reports its daily quota and bad requests this way.
_QUOTA_MESSAGES = ("MYMEMORY WARNING: YOU USED ALL AVAILABLE FREE TRANSLATIONS",)
_ERROR_MESSAGES = ("QUERY LENGTH LIMIT EXCEEDED", "PLEASE SELECT TWO DISTINCT LANGUAGES", "INVALID LANGUAGE PAIR")


class QuotaExhausted(Exception):
    """The provider answered with its quota message instead of a translation."""


class ErrorAnswer(Exception):
    """The provider answered with an error message instead of a translation."""


class RejectedAnswer(Exception):
    """The answer is not text that can be published: rejected, the source stays pending."""


# An answer longer than this many times its source (plus the slack, for short texts whose
# English is naturally longer: "مصر" → "Egypt") is a provider's chatter or a loop, not a
# translation. English runs about 1-1.5 times the characters of its Arabic.
MAX_GROWTH = 4
GROWTH_SLACK = 100


# Lone surrogates (not encodable as UTF-8 at all), C0 controls but tab/LF/CR, DEL, C1, and
# the noncharacters U+FFFE/U+FFFF: none belongs in an entry, a page or a feed.
_UNPUBLISHABLE = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def first_unpublishable(text: str) -> str | None:
    """The first character no entry, page or feed may hold, described, or None."""
    found = _UNPUBLISHABLE.search(text)
    if found is None:
        return None
    code = ord(found.group())
    kind = "lone surrogate" if 0xD800 <= code <= 0xDFFF else "noncharacter" if code >= 0xFFFE else "control character"
    return f"U+{code:04X} ({kind})"


def check_answer(text: str, source: str | None = None) -> None:
    """Raise for an answer that is not a translation: a quota or error message, text that
    is not well-formed (surrogates, control characters), or one absurdly longer than `source`."""
    upper = text.lstrip().upper()
    if upper.startswith(_QUOTA_MESSAGES):
        raise QuotaExhausted(text.strip()[:120])
    if upper.startswith(_ERROR_MESSAGES):
        raise ErrorAnswer(text.strip()[:120])
    bad = first_unpublishable(text)
    if bad is not None:
        raise RejectedAnswer(f"the answer holds {bad}")
    if source is not None and len(text.strip()) > MAX_GROWTH * len(source) + GROWTH_SLACK:
        raise RejectedAnswer(f"the answer is {len(text.strip())} characters long for a {len(source)}-character text")


@dataclass(frozen=True)
class Failure:
    action: str  # RETRY (transient), FAIL (this text only), STOP (the provider is unusable)
    reason: str


def _name_not_resolved(exc: BaseException) -> bool:
    """True if a connection failed because the host name could not be resolved."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, socket.gaierror) or type(current).__name__ == "NameResolutionError":
            return True
        stack.extend([current.__cause__, current.__context__, getattr(current, "reason", None)])
        stack.extend(arg for arg in getattr(current, "args", ()) if isinstance(arg, BaseException))
    return False


def classify(exc: BaseException, status: int | None, timeout: float) -> Failure:
    if isinstance(exc, QuotaExhausted):
        return Failure(STOP, "the provider's free quota is used up")
    if isinstance(exc, RejectedAnswer):
        return Failure(FAIL, f"answer rejected: {exc}")
    if isinstance(exc, ErrorAnswer):
        return Failure(FAIL, f"the provider answered with an error: {exc}")
    if isinstance(exc, requests.exceptions.Timeout):
        return Failure(RETRY, f"no answer within {timeout:g} s")
    if isinstance(exc, (requests.exceptions.ConnectionError, ConnectionError)):
        if _name_not_resolved(exc):
            # No DNS answer means this machine is offline: retrying only delays the build.
            return Failure(STOP, "cannot resolve the provider's host name (offline?)")
        return Failure(RETRY, "cannot connect to the provider")
    if isinstance(exc, (requests.exceptions.JSONDecodeError, KeyError, TypeError, AttributeError)):
        return Failure(RETRY, f"malformed response ({type(exc).__name__})")
    if isinstance(exc, dt_exc.TooManyRequests):
        return Failure(RETRY, "rate limited (HTTP 429)")
    if isinstance(exc, (dt_exc.AuthorizationException, dt_exc.ApiKeyException)):
        return Failure(STOP, "the provider refused the API key")
    if isinstance(exc, (dt_exc.ServerException, dt_exc.RequestError, dt_exc.MicrosoftAPIerror)):
        if status in (401, 403):
            return Failure(STOP, f"the provider refused access (HTTP {status})")
        if status is None or status == 429 or status >= 500:
            label = f"HTTP {status}" if status else str(exc) or type(exc).__name__
            return Failure(RETRY, f"server error ({label})")
        return Failure(FAIL, f"request refused (HTTP {status})")
    if isinstance(exc, requests.exceptions.RequestException):
        return Failure(RETRY, f"request failed ({type(exc).__name__})")
    if isinstance(exc, (dt_exc.TranslationNotFound, dt_exc.NotValidLength, dt_exc.NotValidPayload)):
        return Failure(FAIL, f"no translation ({type(exc).__name__})")
    if isinstance(exc, dt_exc.LanguageNotSupportedException):
        return Failure(STOP, "the provider does not support Arabic → English")
    return Failure(FAIL, f"{type(exc).__name__}: {exc}")
