"""The socket guard in conftest.py really refuses connections off this machine."""

from __future__ import annotations

import os
import socket
import urllib.request

import pytest

from tests.conftest import NetworkBlocked


def test_outside_connection_is_refused() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, pytest.raises(NetworkBlocked):
        s.connect(("93.184.216.34", 80))


def test_host_lookup_is_refused() -> None:
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("pypi.org", 443)


def test_urllib_cannot_reach_out() -> None:
    with pytest.raises((NetworkBlocked, OSError)):
        urllib.request.urlopen("http://example.com", timeout=2)


def test_loopback_stays_open() -> None:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    with server, socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
        client.connect(server.getsockname())


def test_model_hubs_are_offline() -> None:
    assert os.environ["HF_HUB_OFFLINE"] == "1"
