"""The socket guard in conftest.py really refuses connections off this machine."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.offline_site.netguard import NetworkBlocked


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


def test_processes_started_by_the_tests_are_guarded_too() -> None:
    """Notebook kernels and `python -m framing` load tests/offline_site/sitecustomize.py."""
    code = (
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('93.184.216.34', 80), timeout=2)\n"
        "except Exception as exc:\n"
        "    print(type(exc).__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "NetworkBlocked"


def test_notebook_kernels_are_guarded(tmp_path: Path) -> None:
    import nbformat
    from nbclient import NotebookClient

    cell = nbformat.v4.new_code_cell(
        "import socket\n"
        "try:\n"
        "    socket.getaddrinfo('pypi.org', 443)\n"
        "    blocked = None\n"
        "except Exception as exc:\n"
        "    blocked = type(exc).__name__\n"
        "print(blocked)"
    )
    nb = nbformat.v4.new_notebook(cells=[cell])
    NotebookClient(nb, kernel_name="python3", timeout=120).execute()
    assert nb.cells[0].outputs[0]["text"].strip() == "NetworkBlocked"
