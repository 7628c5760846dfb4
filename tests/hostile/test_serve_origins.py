"""Issue 13.9: the preview server's one check of Host and Origin (digest.serve.server.check_request),
on the requests a hostile page or a DNS-rebinding attack can make. The same check over real
HTTP and WebSocket is in tests/test_serve.py::test_serve_answers_only_its_own_host_and_origin."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from tornado.httputil import HTTPHeaders

from digest.serve.server import AllowedOrigins, check_request

PORT = 8000
LOCAL = AllowedOrigins.for_address("127.0.0.1", PORT)
WILDCARD = AllowedOrigins.for_address("0.0.0.0", PORT)


def _request(method: str = "GET", **headers: str) -> SimpleNamespace:
    """What check_request reads of tornado's HTTPServerRequest (which itself refuses some
    malformed Host values with 400 before any handler runs)."""
    return SimpleNamespace(method=method, headers=HTTPHeaders({k.replace("_", "-"): v for k, v in headers.items()}))


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000", "[::1]:8000"])
def test_own_hosts_accepted(host: str) -> None:
    assert check_request(_request(Host=host), LOCAL) is None


@pytest.mark.parametrize(
    "host",
    [
        "evil.example", "evil.example:8000", "127.0.0.1.nip.io:8000", "localhost.:8000", "127.0.0.1", "127.0.0.1:80",
        "127.0.0.1:8001", "127.0.0.1:08000x", "localhost:8000@evil.example", "evil.example#@localhost:8000",
        "::1:8000", "[::1]", "[::1", "192.168.1.20:8000", "0.0.0.0:8000", "",
    ],
)
def test_other_hosts_refused(host: str) -> None:
    reason = check_request(_request(Host=host), LOCAL)
    assert reason == ("no Host header" if host == "" else f"Host {host!r} is not an address of this preview")


def test_missing_host_refused() -> None:
    assert check_request(_request(), LOCAL) == "no Host header"


def test_served_on_a_named_address_or_a_wildcard() -> None:
    named = AllowedOrigins.for_address("mybox.lan", PORT)
    assert check_request(_request(Host="mybox.lan:8000"), named) is None
    assert check_request(_request(Host="localhost:8000"), named) is None
    assert check_request(_request(Host="evil.example:8000"), named) is not None
    # 0.0.0.0: other machines use this one's address; a name (rebinding) is still refused.
    assert check_request(_request(Host="192.168.1.20:8000"), WILDCARD) is None
    assert check_request(_request(Host="[fe80::1]:8000"), WILDCARD) is None
    assert check_request(_request(Host="evil.example:8000"), WILDCARD) == "Host 'evil.example:8000' is not an address of this preview"
    v6 = AllowedOrigins.for_address("::1", 0)
    assert v6 == AllowedOrigins(port=0, names=frozenset({"localhost", "127.0.0.1", "::1"}))


@pytest.mark.parametrize("origin", ["http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"])
def test_same_origin_accepted(origin: str) -> None:
    assert check_request(_request(Host="127.0.0.1:8000", Origin=origin), LOCAL) is None
    assert check_request(_request("POST", Host="127.0.0.1:8000", Origin=origin, Sec_Fetch_Site="same-origin"), LOCAL) is None


@pytest.mark.parametrize(
    "origin",
    ["http://evil.example", "null", "https://127.0.0.1:8000", "http://127.0.0.1:8001", "http://127.0.0.1", "http://127.0.0.1:8000/x", "file://", "127.0.0.1:8000"],
)
def test_cross_origin_refused(origin: str) -> None:
    assert check_request(_request(Host="127.0.0.1:8000", Origin=origin), LOCAL) == f"Origin {origin!r} is not this preview"


def test_actions_that_change_files_need_a_same_origin_origin() -> None:
    """For the POST actions a later step adds: no Origin, or a browser saying cross-site, is refused."""
    assert check_request(_request("POST", Host="127.0.0.1:8000"), LOCAL) == "POST without an Origin header"
    assert check_request(_request("DELETE", Host="localhost:8000"), LOCAL) == "DELETE without an Origin header"
    assert (
        check_request(_request("POST", Host="127.0.0.1:8000", Origin="http://127.0.0.1:8000", Sec_Fetch_Site="same-site"), LOCAL)
        == "POST from another site (Sec-Fetch-Site: same-site)"
    )
    assert check_request(_request("POST", Host="127.0.0.1:8000", Origin="http://127.0.0.1:8000"), LOCAL) is None
    # A GET is a read: a link from another site (Sec-Fetch-Site: cross-site, no Origin) still opens the page.
    assert check_request(_request(Host="127.0.0.1:8000", Sec_Fetch_Site="cross-site"), LOCAL) is None
    assert check_request(_request(Host="127.0.0.1:8000"), LOCAL, changes_state=True) == "GET without an Origin header"
