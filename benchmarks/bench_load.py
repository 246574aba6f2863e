"""Load speed: pages per second of ``read_corpus`` on a folder of page files, on one core and on two,
against the floor of just reading the files' text (the naive way: no parsing at all), in one run.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_load.py [--pages 10000] [--repeats 3] [--workers 2]

The pages are made from the bundled demo and seed pages and the layout fixtures of the regression
suite (constructed data; Arabic, English and Russian layouts), spread over one folder per outlet,
each one made unique the way real pages differ (``vary``): a word added to its headline, other dates
and times, a byline with another (fictional) name, another dateline place, and its paragraphs
shuffled with the words inside each long one reordered. So, as on real pages, the short lines repeat
only where they are page chrome, and caches keyed by line do not make the parser look faster than it
is (the run prints how many of the short lines are distinct). Each timed run starts with the
loader's caches of lines and words empty (``cold_caches``), as a first load in a new process does.

Reported per method: wall seconds, CPU seconds (this process and its worker processes, which
``os.times`` counts once they have ended), pages per wall second and pages per CPU second, and the
ratios that matter: CPU time against the naive floor, and wall time of ``--workers`` processes
against one. Medians of ``--repeats`` runs, the methods taking turns. The machine may be shared:
CPU-time figures and in-run ratios are the steadier ones; the load average is printed before and
after.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import read_corpus  # noqa: E402
from framing.load.pages import page_lines, split_title  # noqa: E402
from framing.load.resources import chrome, fast_key  # noqa: E402
from framing.load.wires import credit_wires  # noqa: E402
from tests.load.layouts.catalog import cases  # noqa: E402


def templates() -> list[tuple[str, str]]:
    """``(folder, text)`` of every page to copy: the demo and seed pages and the layout fixtures."""
    out = [(p.parent.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data").rglob("*.txt"))]
    out += [(case.folder, case.text) for case in cases()]
    return out


# Constructed person names (fictional) for the varied bylines, by script.
_FIRST = {
    "arabic": ["سامر", "ليلى", "هاني", "رنا", "وليد", "منى", "ماجد", "سلمى", "طارق", "نور"],
    "latin": ["Adam", "Nora", "Samuel", "Lina", "Omar", "Clara", "Peter", "Maya", "Jonas", "Dina"],
    "cyrillic": ["Иван", "Анна", "Олег", "Мария", "Павел", "Ольга", "Денис", "Вера", "Глеб", "Нина"],
}
_LAST = {
    "arabic": ["الحداد", "نصار", "العلي", "الخطيب", "حمدان", "السقا", "منصور", "الشامي", "عواد", "زيدان"],
    "latin": ["Holt", "Marsh", "Keller", "Brandt", "Ferris", "Dole", "Laine", "Carver", "Rowe", "Nyberg"],
    "cyrillic": [
        "Орлов",
        "Седова",
        "Крылов",
        "Лаптева",
        "Гусев",
        "Рябова",
        "Зуев",
        "Титова",
        "Ершов",
        "Бойко",
    ],
}
_NUMBER = re.compile(r"[0-9\u0660-\u0669]+")  # ASCII and Arabic-Indic digits
_ARABIC_INDIC = str.maketrans("0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")
_BYLINE_NAME = re.compile(
    r"^(?P<lead>(?:[^:\uff1a]{1,30}[:\uff1a]|(?i:by|\u0430\u0432\u0442\u043e\u0440)\s)\s*)"
)


def _script(text: str) -> str:
    if any("\u0600" <= c <= "\u06ff" for c in text):
        return "arabic"
    if any("\u0400" <= c <= "\u04ff" for c in text):
        return "cyrillic"
    return "latin"


def _places() -> dict[str, list[str]]:
    """Dateline place spellings by script (the loader's own list of places)."""
    data = yaml.safe_load(
        (ROOT / "framing" / "load" / "resources" / "places.yaml").read_text(encoding="utf-8")
    )
    out: dict[str, list[str]] = {"arabic": [], "latin": [], "cyrillic": []}
    for name, spellings in data.items():
        for spelling in (name, *spellings):
            out[_script(spelling)].append(spelling)
    return out


def _new_number(m: re.Match[str], rng: random.Random) -> str:
    """Another number of the same form: a year, a day or month (1-12, valid either way), minutes, digits."""
    old = m.group()
    ascii_old = old.translate(
        str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "0123456789")
    )
    before = m.string[m.start() - 1 : m.start()]
    if len(old) == 4 and ascii_old[:2] in ("19", "20"):
        new = str(rng.randint(2001, 2025))
    elif len(old) <= 2 and before == ":":
        new = f"{rng.randint(0, 59):02d}"
    elif len(old) <= 2:
        day = rng.randint(1, 12)
        new = f"{day:02d}" if len(old) == 2 else str(day)
    else:
        new = "".join(str(rng.randint(0, 9)) for _ in old)
    return new.translate(_ARABIC_INDIC) if ascii_old != old else new


def vary(text: str, rng: random.Random, places: dict[str, list[str]]) -> str:
    """A page made unique the way real pages differ: its own headline, dates and times, byline name,
    dateline place and body sentences (the words of each long line but its ends shuffled)."""
    lines = text.split("\n")
    headline = split_title(lines[0].strip())[0]
    pool = [w for line in lines if len(line.split()) > 12 for w in line.split()[2:-2]]
    if headline and pool and headline in lines[0]:
        words = headline.split()
        k = rng.randint(0, max(0, len(words) - 1))
        new_headline = " ".join([*words[:k], rng.choice(pool), *words[k:]])
        lines[0] = lines[0].replace(headline, new_headline, 1)
        lines[1:] = [new_headline if line.strip() == headline else line for line in lines[1:]]
    byline = chrome().byline
    for n, line in enumerate(lines[1:], start=1):
        words = line.split()
        if len(words) > 12:
            middle = words[6:-2]
            rng.shuffle(middle)
            line = " ".join([*words[:6], *middle, *words[-2:]])
        elif len(words) <= 20:
            line = _NUMBER.sub(lambda m: _new_number(m, rng), line)
            if byline.matches(fast_key(line)) and not credit_wires(line) and not _NUMBER.search(line):
                m = _BYLINE_NAME.match(line)
                script = _script(line)
                if m is not None:
                    line = f"{m['lead']}{rng.choice(_FIRST[script])} {rng.choice(_LAST[script])}"
        if len(words) <= 7 or len(words) > 12:  # a dateline, or the place at the start of the first paragraph
            stripped = line.lstrip()
            for spelling in sorted(places[_script(stripped[:20])], key=len, reverse=True):
                for written in (spelling, spelling.upper()):
                    if (
                        stripped.startswith(written)
                        and stripped[len(written) : len(written) + 1] in " -,:(\u2013\u2014"
                    ):
                        other = rng.choice(places[_script(spelling)])
                        line = (other.upper() if written.isupper() else other) + stripped[len(written) :]
                        break
                else:
                    continue
                break
        lines[n] = line
    return "\n".join(lines)


def make_pages(folder: Path, n: int, seed: int = 7) -> tuple[int, int, int]:
    """Write ``n`` unique page files under ``folder``; return their total size in bytes, and how many
    lines of up to 20 words (the ones the parser keys and reads dates in) they hold and how many of
    those are distinct."""
    rng = random.Random(seed)
    pool = templates()
    places = _places()
    short: set[str] = set()
    short_count = 0
    (folder / "outlets.yaml").write_bytes((ROOT / "data" / "demo" / "outlets.yaml").read_bytes())
    size = 0
    for i in range(n):
        name, text = pool[i % len(pool)]
        lines = text.split("\n")
        body = [k for k, line in enumerate(lines) if len(line.split()) > 12]
        shuffled = [lines[k] for k in body]
        rng.shuffle(shuffled)
        for k, line in zip(body, shuffled, strict=True):
            lines[k] = line
        page = vary("\n".join(lines), rng, places)
        for line in page_lines(page):
            if len(line.split()) <= 20:
                short.add(line)
                short_count += 1
        out = folder / name / f"{i:06d}.txt"
        out.parent.mkdir(exist_ok=True)
        data = page.encode("utf-8")
        out.write_bytes(data)
        size += len(data)
    return size, short_count, len(short)


def naive(folder: Path) -> int:
    """The floor: read and decode every file, split its lines, parse nothing."""
    return sum(len(page_lines(p.read_text(encoding="utf-8"))) for p in folder.rglob("*.txt"))


def cold_caches() -> int:
    """Empty the loader's caches of lines and words (its ``functools`` caches of 1,024 entries or more),
    as a first load in a new process finds them; compiled patterns and resource tables stay. Every timed
    run starts so: otherwise a run would find every line and word of the same pages kept by the last.
    Returns how many caches were emptied."""
    emptied = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("framing.load."):
            continue
        for value in vars(module).values():
            params = getattr(value, "cache_parameters", None)
            if params is not None and (params()["maxsize"] or 0) >= 1024:
                value.cache_clear()
                emptied += 1
    return emptied


def _cpu() -> float:
    """CPU seconds of this process and of its ended child processes (the parsing workers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size, short_count, distinct = make_pages(folder, args.pages)
        read_corpus(folder, progress=False, workers=1)  # warm: patterns compiled, file cache filled
        methods = {
            "read files only (naive floor)": lambda: naive(folder),
            "read_corpus, workers=1": lambda: read_corpus(folder, progress=False, workers=1),
            f"read_corpus, workers={args.workers}": lambda: read_corpus(
                folder, progress=False, workers=args.workers
            ),
        }
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in methods}
        outputs: dict[str, object] = {}
        for _ in range(args.repeats):
            for name, call in methods.items():
                emptied = cold_caches()
                wall, cpu = time.perf_counter(), _cpu()
                result = call()
                runs[name].append((time.perf_counter() - wall, _cpu() - cpu))
                if not isinstance(result, int):
                    assert len(result) == args.pages, result.attrs["load_report"]
                    outputs[name] = result
        one, many = (outputs[name] for name in list(methods)[1:])
        assert one.equals(many), "the corpus differs with more workers"  # type: ignore[attr-defined]
        print(
            f"{args.pages} pages, {size / 1e6:.1f} MB, {os.cpu_count()} cores, "
            f"median of {args.repeats} runs; "
            f"load average {load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after"
        )
        print(
            f"lines of up to 20 words: {short_count}, of which {distinct} distinct; "
            f"{emptied} caches of lines and words emptied before each run"
        )
        print(f"{'method':32} {'wall s':>7} {'pages/s':>8} {'CPU s':>7} {'pages/CPU-s':>11}")
        medians = {}
        for name, values in runs.items():
            wall = statistics.median(v[0] for v in values)
            cpu = statistics.median(v[1] for v in values)
            medians[name] = (wall, cpu)
            print(f"{name:32} {wall:7.2f} {args.pages / wall:8.0f} {cpu:7.2f} {args.pages / cpu:11.0f}")
        floor, serial, parallel = medians.values()
        ratio = serial[1] / floor[1]
        print(f"read_corpus on one core takes {ratio:.1f}x the CPU time of just reading the files")
        print(
            f"{args.workers} workers: {serial[0] / parallel[0]:.2f}x the speed of one (wall), "
            f"{parallel[1] / serial[1]:.2f}x its CPU time; same corpus"
        )


if __name__ == "__main__":
    main()
