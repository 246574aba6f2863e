"""The project's own files: dependencies agree, the README's two commands and CI stay in step."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ ;\[]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _bounds(spec: str) -> str:
    return re.sub(r"\s+", "", spec[len(re.split(r"[<>=!~ ;\[]", spec.strip(), maxsplit=1)[0]) :])


def _pyproject_specs() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"]) + list(project["optional-dependencies"]["dev"])
    nodeps = (ROOT / "requirements-nodeps.txt").read_text(encoding="utf-8").splitlines()
    specs += [s for s in nodeps if s.strip() and not s.startswith("#")]
    return {_name(s): _bounds(s) for s in specs}


def _conda_specs() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    specs: list[str] = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            specs += [s for s in dep["pip"] if not s.startswith("-")]
        elif _name(dep) not in {"python", "pip"}:
            specs.append(dep)
    return {_name(s): _bounds(s) for s in specs}


def test_environment_yml_names_the_same_dependencies_and_bounds_as_pyproject() -> None:
    assert _conda_specs() == _pyproject_specs()


def test_every_dependency_is_bounded_above() -> None:
    for name, bounds in _pyproject_specs().items():
        assert "<" in bounds, f"{name} has no upper bound: {bounds!r}"


def test_torch_is_never_required() -> None:
    names = set(_pyproject_specs())
    assert not names & {"torch", "sentence-transformers"}
    assert "bertopic" in names


def test_ci_runs_the_readme_test_command_and_nothing_else() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in ci.splitlines() if line.strip() and not line.startswith("#")]
    assert commands[-1] == "exec make test"
    assert "make test" in readme and "make report" in readme
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^test: \$\(STAMP\)$", makefile, re.MULTILINE)
    assert re.search(r"^report: \$\(STAMP\)$", makefile, re.MULTILINE)


def test_seed_page_is_bundled_unchanged() -> None:
    seed = ROOT.parent / "shared" / "seed" / "000_bef5a855cbb79548.txt"
    bundled = ROOT / "data" / "raw" / "000_bef5a855cbb79548.txt"
    if seed.exists():  # beside the checkout in development and CI
        assert bundled.read_bytes() == seed.read_bytes()
    assert bundled.stat().st_size > 0


def test_importing_framing_does_no_work(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys, framing; "
        "heavy = {'trafilatura', 'matplotlib', 'bertopic', 'sklearn', 'tqdm'} & set(sys.modules); "
        "print(sorted(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
    assert out.stderr == ""
    assert list(tmp_path.iterdir()) == []
