"""The project's own files: dependencies agree, the README's two commands and CI stay in step."""

from __future__ import annotations

import hashlib
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


# sha256 of the user's sample page (../shared/seed/000_bef5a855cbb79548.txt), so that the check runs in a
# clean clone too, where the shared folder is not beside the checkout.
SEED_SHA256 = "7589267ab1365041f5072172bc24eedecf2920ef09b2c18fea806a2b48fc49c3"


def test_seed_page_is_bundled_unchanged() -> None:
    bundled = ROOT / "data" / "raw" / "000_bef5a855cbb79548.txt"
    assert hashlib.sha256(bundled.read_bytes()).hexdigest() == SEED_SHA256
    seed = ROOT.parent / "shared" / "seed" / "000_bef5a855cbb79548.txt"
    if seed.exists():  # beside the checkout in development: the same bytes
        assert bundled.read_bytes() == seed.read_bytes()


def test_every_hypothesis_test_has_bounded_examples_and_an_explicit_deadline() -> None:
    """A test left with hypothesis's default 200 ms deadline flakes on a slow CI machine."""
    import ast

    missing = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        named = {  # module-level `NAME = settings(...)`
            target.id: node.value
            for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            decorators = node.decorator_list
            if not any(isinstance(d, ast.Call) and getattr(d.func, "id", "") == "given" for d in decorators):
                continue
            calls = [named.get(d.id) if isinstance(d, ast.Name) else d for d in decorators]
            keywords = {
                k.arg: k.value
                for c in calls
                if isinstance(c, ast.Call) and getattr(c.func, "id", "") == "settings"
                for k in c.keywords
            }
            deadline, examples = keywords.get("deadline"), keywords.get("max_examples")
            if (
                deadline is None
                or (isinstance(deadline, ast.Constant) and deadline.value is None)
                or examples is None
            ):
                missing.append(f"{path.relative_to(ROOT)}::{node.name}")
    assert missing == []


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
