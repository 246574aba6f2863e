"""Python runs this at start-up when this folder is on PYTHONPATH (tests/conftest.py puts it there):
processes started by the test suite, notebook kernels included, get the suite's network guard."""

import os

if __name__ == "sitecustomize" and os.environ.get("FRAMING_TEST_NO_NETWORK") == "1":
    import netguard

    netguard.install()
