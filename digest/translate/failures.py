"""What a deep-translator failure means: retry, give up on this text, or stop the provider.

deep-translator 1.11.4 reports failures inconsistently: requests' ConnectionError and
Timeout escape unwrapped; a 429 is TooManyRequests (Google, MyMemory) or
ServerException (Libre) or a bare RequestError; a non-JSON body raises JSONDecodeError.
The HTTP status recorded by digest.translate.http disambiguates.
"""
from __future__ import annotations

from dataclasses import dataclass

import requests
from deep_translator import exceptions as dt_exc

RETRY, FAIL, STOP = "retry", "fail", "stop"


@dataclass(frozen=True)
class Failure:
    action: str  # RETRY (transient), FAIL (this text only), STOP (the provider is unusable)
    reason: str


def classify(exc: BaseException, status: int | None, timeout: float) -> Failure:
    if isinstance(exc, requests.exceptions.Timeout):
        return Failure(RETRY, f"no answer within {timeout:g} s")
    if isinstance(exc, (requests.exceptions.ConnectionError, ConnectionError)):
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
