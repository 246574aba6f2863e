"""Which decoding tells Windows-1252 (Latin-1) pages from Windows-1256 (Arabic) pages: counts, one run.

    .venv/bin/python benchmarks/bench_encoding.py [--files 600] [--seed 3]

Files are generated here: Arabic pages cut from the constructed demo corpus (``data/demo``, Arabic-Indic
digits made ASCII, which Windows-1256 lacks), Arabic pages with Latin words (some accented:
Genève, élysée), and Western European texts
built from sentences written for this script (German, French, Spanish, Portuguese, Italian, Danish), from
a single word to many paragraphs. Each is encoded in its code page; a decoding is right when it gives the
original text back. Compared side by side:

- ``always-1256``: the loader before this change (every non-UTF-8 file read as Windows-1256);
- ``charset-normalizer``: ``from_bytes(data).best()``, free choice of code page;
- ``charset-normalizer 1256/1252``: the same, limited to ``cp1256`` and ``cp1252``;
- ``framing``: :func:`framing.load.encoding.decode_bytes` (plausible-word rule).

Also: random binary files (64 B to 4 KB, no NUL byte) that each method accepts as text.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from charset_normalizer import from_bytes  # noqa: E402

from framing.load.encoding import DecodeError, decode_bytes  # noqa: E402

LATIN = [  # written for this script
    "Die Straße vor dem Rathaus blieb am Montag wegen der Bauarbeiten gesperrt.",
    "Der Bürgermeister äußerte sich zunächst nicht zu den Plänen für die Brücke.",
    "Über Nacht fielen in Süddeutschland zwölf Zentimeter Schnee.",
    "Le ministre a annoncé jeudi une réforme très attendue des retraites.",
    "À Genève, les négociations se poursuivront malgré l'été caniculaire.",
    "Ce garçon a reçu un prix pour son œuvre, présentée à Noël.",
    "El año pasado, la compañía ganó más de cien millones de euros.",
    "La señora Núñez explicó que la sesión comenzará a las ocho.",
    "O governo português anunciou ações para a região da Galiza e não só.",
    "As eleições municipais serão realizadas em outubro, disse a organização.",
    "Il perché della crisi è ancora più complesso di quanto sembrò all'inizio.",
    "Københavns borgmester så ingen grund til at ændre planen før påske.",
    "Ærø og Møn får nye færger, oplyser ministeriet på fredag.",
    "Les coûts ont augmenté de 5 % — selon l'INSEE — au troisième trimestre.",
    "„Wir müssen schneller handeln“, sagte die Ministerin im Bundestag.",
    "Straße",
    "Größe",
    "São Paulo",
    "Málaga",
    "Ålborg",
]
ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def arabic_texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "data" / "demo").rglob("*.txt")):
        text = path.read_text(encoding="utf-8").translate(ARABIC_INDIC)
        texts.append(text.encode("cp1256", errors="ignore").decode("cp1256"))
    return texts


def make_files(n: int, seed: int) -> list[tuple[str, str, bytes]]:
    """``(kind, text, data)`` triples: a third Arabic, a third Arabic with Latin words, a third Latin."""
    rng = random.Random(seed)
    pages = arabic_texts()
    out: list[tuple[str, str, bytes]] = []
    for i in range(n):
        kind = ("arabic", "arabic+latin", "latin")[i % 3]
        if kind == "latin":
            k = rng.choice([1, 1, 2, 3, 5, 10, 30])
            text = " ".join(rng.choice(LATIN) for _ in range(k))
            encoding = "cp1252"
        else:
            page = rng.choice(pages)
            lines = [line for line in page.split("\n") if line.strip()]
            start = rng.randrange(len(lines))
            text = "\n".join(lines[start : start + rng.choice([1, 2, 5, 20, 200])])
            if kind == "arabic+latin":
                words = text.split(" ")
                for _ in range(max(1, len(words) // 15)):
                    words.insert(
                        rng.randrange(len(words) + 1),
                        rng.choice(["CNN", "Reuters", "AFP", "Genève", "café", "élysée"]),
                    )
                text = " ".join(words)
            encoding = "cp1256"
        out.append((kind, text, text.encode(encoding)))
    return out


def always_1256(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1256")


def charset_normalizer(data: bytes) -> str | None:
    best = from_bytes(data).best()
    return None if best is None else str(best)


def charset_normalizer_two(data: bytes) -> str | None:
    best = from_bytes(data, cp_isolation=["cp1256", "cp1252"]).best()
    return None if best is None else str(best)


def framing_rule(data: bytes) -> str | None:
    try:
        return decode_bytes(data)[0]
    except DecodeError:
        return None


METHODS: dict[str, Callable[[bytes], str | None]] = {
    "always-1256": always_1256,
    "charset-normalizer": charset_normalizer,
    "charset-normalizer 1256/1252": charset_normalizer_two,
    "framing": framing_rule,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=600)
    parser.add_argument("--binary", type=int, default=300)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    files = make_files(args.files, args.seed)
    rng = random.Random(args.seed)
    binary = [bytes(b for b in rng.randbytes(rng.randint(64, 4096)) if b) for _ in range(args.binary)]
    kinds = Counter(kind for kind, _, _ in files)
    size = sum(len(d) for _, _, d in files) / 1e6
    print(f"{len(files)} text files ({dict(kinds)}, {size:.1f} MB), {len(binary)} binary files")
    print(f"{'method':30} {'arabic':>8} {'ar+latin':>9} {'latin':>8} {'binary as text':>15} {'MB/s':>7}")
    for name, method in METHODS.items():
        right: Counter[str] = Counter()
        started = time.perf_counter()
        for kind, text, data in files:
            right[kind] += method(data) == text
        seconds = time.perf_counter() - started
        accepted = sum(method(data) is not None for data in binary)
        print(
            f"{name:30} {right['arabic']:>4}/{kinds['arabic']:<3} {right['arabic+latin']:>4}/"
            f"{kinds['arabic+latin']:<4} {right['latin']:>4}/{kinds['latin']:<3} "
            f"{accepted:>8}/{len(binary):<6} {size / seconds:>7.2f}"
        )


if __name__ == "__main__":
    main()
