"""The network guard of the test suite: connections off this machine and host lookups fail.

Used twice: by the autouse fixture in ``tests/conftest.py`` for the test process, and by
``sitecustomize.py`` beside this file for every Python process the tests start (notebook kernels,
``python -m framing``), which find it on the ``PYTHONPATH`` that conftest sets.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from typing import Any

LOCAL_HOSTS = (None, "localhost", "127.0.0.1", "::1")


class NetworkBlocked(RuntimeError):
    """Code under test tried to open a connection off this machine."""


def is_local(address: Any) -> bool:
    if isinstance(address, str | bytes):  # AF_UNIX path
        return True
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def guarded() -> dict[str, tuple[Any, str, Callable[..., Any]]]:
    """The replacements, as {name: (owner, attribute, function)} around the real functions."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> Any:
        if not is_local(address):
            raise NetworkBlocked(f"tried to connect to {address!r}")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> Any:
        if not is_local(address):
            raise NetworkBlocked(f"tried to connect to {address!r}")
        return real_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in LOCAL_HOSTS:
            raise NetworkBlocked(f"tried to look up {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    return {
        "connect": (socket.socket, "connect", connect),
        "connect_ex": (socket.socket, "connect_ex", connect_ex),
        "getaddrinfo": (socket, "getaddrinfo", getaddrinfo),
    }


def install() -> None:
    """Guard this whole process (for processes started by the tests)."""
    for owner, attribute, function in guarded().values():
        setattr(owner, attribute, function)
