"""No network access, ever: every fixture is checked with socket connections forbidden, both
by an audit hook (which sees every connect and DNS lookup in the process) and by patching the
socket functions, and the extractor of registrable domains is exercised while they watch."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from hooklint.spam import SpamOptions, check_spam, domains

FIXTURES = Path(__file__).parent / "fixtures"
KINDS = {".md": "markdown", ".rst": "rst", ".html": "html", ".po": "po", ".txt": "text"}


class NetworkUsed(AssertionError):
    pass


def _refuse(*args: object, **kwargs: object) -> None:
    raise NetworkUsed(f"network access attempted: {args!r}")


def test_checking_every_fixture_touches_no_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    checked = 0
    for path in sorted(FIXTURES.iterdir()):
        kind = KINDS.get(path.suffix, "text")
        check_spam(path.read_text(encoding="utf-8"), kind, SpamOptions())
        checked += 1
    # The Public Suffix List is consulted, from tldextract's bundled snapshot.
    assert domains.registrable("docs.python.org") == "python.org"
    assert domains.registrable("user.github.io") == "user.github.io"
    assert checked == len(list(FIXTURES.iterdir()))


AUDITED = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    seen = []
    # Creating a socket object is not network access (urllib3, imported by tldextract, makes
    # one to ask whether IPv6 exists); connecting, looking up or sending is.
    NETWORK = {
        "socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
        "socket.gethostbyname_ex", "socket.gethostbyaddr", "socket.getnameinfo",
        "socket.sendto", "socket.sendmsg", "http.client.connect", "urllib.Request",
    }

    def hook(event, args):
        if event in NETWORK:
            seen.append(event)
            raise RuntimeError("network access: " + event)

    sys.addaudithook(hook)
    from hooklint.spam import check_spam, domains
    kinds = {".md": "markdown", ".rst": "rst", ".html": "html", ".po": "po", ".txt": "text"}
    for path in sorted(Path(sys.argv[1]).iterdir()):
        check_spam(path.read_text(encoding="utf-8"), kinds.get(path.suffix, "text"))
    assert domains.registrable("a.b.example.co.uk") == "example.co.uk"
    print("events:", seen)
    # The hook really stops a lookup: this one must fail before it leaves the process.
    import socket
    try:
        socket.getaddrinfo("example.com", 443)
    except RuntimeError:
        print("hook works")
    """
)


def test_audit_hook_sees_no_network_event() -> None:
    """In a fresh process, so that tldextract is imported and set up under the hook."""
    result = subprocess.run(
        [sys.executable, "-c", AUDITED, str(FIXTURES)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split("\n")[:2] == ["events: []", "hook works"]
