"""Calibration of framing.compare on simulated coverage: size, power and interval coverage, every method
side by side with the hit-level method, in one run.

    .venv/bin/python benchmarks/bench_inference.py [--reps 1000] [--n-perm 999] [--n-boot 999] [--seed 1]

Articles draw hits as ``Poisson(tokens / 1000 * rate * effect)`` with a gamma article effect of mean 1
(tests/simulate.py): shape 2 is about the dispersion of the demo corpus, shape 0.3 is bursty coverage.
Three frames (rates 10, 6 and 4 per 1,000 tokens, 200–600 tokens per article, so about 4, 2.4 and 1.6
hits per article on average).

- size: share of p < 0.05 when every outlet is the same process (pairwise: 2 outlets, one test per
  frame; independence: 3 outlets, one test per corpus), 30 articles per outlet;
- power: the same with one outlet's rates doubled (pairwise; rate ratio 2), or only its first frame's
  rate doubled (independence: the frame mix differs);
- clustered: the null again, but every story is published three times by its outlet (30 articles =
  10 stories); tests with and without ``cluster="copy_group"``;
- coverage: share of 95% rate intervals (``frame_rates``) that hold the true rate, one outlet, per
  interval method, next to the exact Poisson interval of the hits (the hit-level interval).

Every figure is a proportion over replicates; its Monte-Carlo standard error is printed beside it.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing import compare
from tests.simulate import RATES, binomial_se, coverage

SHAPES = (2.0, 0.3)


def proportion(hits: list[bool]) -> str:
    p = float(np.mean(hits)) if hits else float("nan")
    return f"{p:6.3f} ± {binomial_se(p, len(hits)):.3f}"


def run(reps: int, step: Callable[[np.random.Generator], list[bool]], seed: int) -> list[bool]:
    rng = np.random.default_rng(seed)
    out: list[bool] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(reps):
            out.extend(step(rng))
    return out


def pairwise_rejects(
    method: str, *, shape: float, ratio: float, n_perm: int, copies: int = 1, cluster: str | None = None
) -> Callable[[np.random.Generator], list[bool]]:
    def step(rng: np.random.Generator) -> list[bool]:
        corpus, scores = coverage(rng, articles=[30, 30], shape=shape, ratio=[1.0, ratio], copies=copies)
        seed = int(rng.integers(2**31))
        table = compare.pairwise(
            corpus,
            scores,
            method=method,
            n_perm=n_perm,
            seed=seed,  # type: ignore[arg-type]
            cluster=cluster,
            correction="none",
        )
        return (table["p_value"] < 0.05).tolist()

    return step


def independence_rejects(
    method: str,
    *,
    shape: float,
    frame_ratio: float,
    n_perm: int,
    monte_carlo: bool = False,
    copies: int = 1,
    cluster: str | None = None,
) -> Callable[[np.random.Generator], list[bool]]:
    rates = np.array([RATES, RATES, RATES])
    rates[2, 0] *= frame_ratio

    def step(rng: np.random.Generator) -> list[bool]:
        corpora = [coverage(rng, articles=[30], shape=shape, rates=list(r), copies=copies) for r in rates]
        corpus = pd.concat(
            [
                c.assign(outlet=f"o{g}", doc_id=f"g{g}-" + c["doc_id"], copy_group=f"g{g}-" + c["copy_group"])
                for g, (c, _) in enumerate(corpora)
            ]
        )
        scores = pd.concat([s.assign(doc_id=f"g{g}-" + s["doc_id"]) for g, (_, s) in enumerate(corpora)])
        seed = int(rng.integers(2**31))
        test = compare.independence(
            corpus,
            scores,
            method=method,
            n_perm=n_perm,
            seed=seed,  # type: ignore[arg-type]
            cluster=cluster,
        )
        return [bool(test.loc[0, "p_monte_carlo" if monte_carlo else "p_value"] < 0.05)]

    return step


def covers(
    interval: str, *, shape: float, articles: int, n_boot: int, copies: int = 1, cluster: str | None = None
) -> Callable[[np.random.Generator], list[bool]]:
    truth = np.asarray(RATES)

    def step(rng: np.random.Generator) -> list[bool]:
        corpus, scores = coverage(rng, articles=[articles], shape=shape, copies=copies)
        if interval == "hits":
            hits = scores.groupby("frame", sort=True)["count"].sum().to_numpy()
            tokens = int(scores.drop_duplicates("doc_id")["tokens"].sum())
            low, high = compare._poisson_interval(hits, tokens, 0.95)
        else:
            seed = int(rng.integers(2**31))
            rates = compare.frame_rates(
                corpus, scores, n_boot=n_boot, seed=seed, interval=interval, cluster=cluster
            )  # type: ignore[arg-type]
            low, high = rates["rate_low"].to_numpy(), rates["rate_high"].to_numpy()
        return ((low <= truth) & (truth <= high)).tolist()

    return step


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reps", type=int, default=1000, help="simulated corpora per cell")
    parser.add_argument("--n-perm", type=int, default=999)
    parser.add_argument("--n-boot", type=int, default=999)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=["tests", "coverage", "clusters"], default=None)
    args = parser.parse_args()
    reps, seed = args.reps, args.seed
    started = time.perf_counter()
    print(f"replicates per cell: {reps}; n_perm {args.n_perm}; n_boot {args.n_boot}; seed {seed}")
    print("figures: share ± Monte-Carlo standard error\n")

    if args.only in (None, "tests"):
        print("pairwise: p < 0.05, 30 articles per outlet (one test per frame, 3 frames per corpus)")
        print(
            f"{'method':<15}"
            + "".join(
                f"{h:>18}" for h in ("size shape 2", "size shape 0.3", "power RR2 sh 2", "power RR2 sh 0.3")
            )
        )
        for method in compare.TEST_METHODS:
            cells = []
            for ratio in (1.0, 2.0):
                for shape in SHAPES:
                    cells.append(
                        proportion(
                            run(
                                reps,
                                pairwise_rejects(method, shape=shape, ratio=ratio, n_perm=args.n_perm),
                                seed,
                            )
                        )
                    )
            print(f"{method:<15}" + "".join(f"{c:>18}" for c in cells), flush=True)

        print(
            "\npairwise power by frame (rate ratio 2, 30 articles per outlet): mean hits per article "
            "in the lower outlet 4, 2.4 and 1.6 (rates 10, 6, 4 per 1,000 tokens)"
        )
        print(
            f"{'method':<15}"
            + "".join(
                f"{h:>18}"
                for h in (
                    "sh 2, 4 hits",
                    "sh 2, 2.4 hits",
                    "sh 2, 1.6 hits",
                    "sh 0.3, 4 hits",
                    "sh 0.3, 2.4",
                    "sh 0.3, 1.6",
                )
            )
        )
        for method in compare.TEST_METHODS:
            cells = []
            for shape in SHAPES:
                flat = run(reps, pairwise_rejects(method, shape=shape, ratio=2.0, n_perm=args.n_perm), seed)
                cells += [proportion(flat[f::3]) for f in range(3)]
            print(f"{method:<15}" + "".join(f"{c:>18}" for c in cells), flush=True)

        print(
            "\nindependence: p < 0.05, 3 outlets x 30 articles (one test per corpus); power: one outlet's "
            "first frame x2"
        )
        print(
            f"{'method':<15}"
            + "".join(f"{h:>18}" for h in ("size shape 2", "size shape 0.3", "power sh 2", "power sh 0.3"))
        )
        variants = [("permutation", False), ("hits", False), ("hits", True)]
        for method, mc in variants:
            cells = []
            for frame_ratio in (1.0, 2.0):
                for shape in SHAPES:
                    cells.append(
                        proportion(
                            run(
                                reps,
                                independence_rejects(
                                    method,
                                    shape=shape,
                                    frame_ratio=frame_ratio,
                                    n_perm=args.n_perm,
                                    monte_carlo=mc,
                                ),
                                seed,
                            )
                        )
                    )
            name = "hits (MC p)" if mc else method
            print(f"{name:<15}" + "".join(f"{c:>18}" for c in cells), flush=True)

    if args.only in (None, "clusters"):
        print(
            "\nwire copies: every story published 3 times by its outlet (30 articles = 10 stories), null, "
            "shape 2; p < 0.05"
        )
        print(f"{'method':<15}{'pairwise':>18}{'+ cluster=':>18}{'independence':>18}{'+ cluster=':>18}")
        for method in ("permutation", "quasi_poisson", "hits"):
            cells = [
                proportion(
                    run(
                        reps,
                        pairwise_rejects(
                            method, shape=2.0, ratio=1.0, n_perm=args.n_perm, copies=3, cluster=cl
                        ),
                        seed,
                    )
                )
                for cl in (None, "copy_group")
            ]
            if method in compare.INDEPENDENCE_METHODS:
                cells += [
                    proportion(
                        run(
                            reps,
                            independence_rejects(
                                method, shape=2.0, frame_ratio=1.0, n_perm=args.n_perm, copies=3, cluster=cl
                            ),
                            seed,
                        )
                    )
                    for cl in (None, "copy_group")
                ]
            else:
                cells += ["", ""]
            print(f"{method:<15}" + "".join(f"{c:>18}" for c in cells), flush=True)

    if args.only in (None, "coverage"):
        print(
            "\nrate intervals (frame_rates, 95%): share holding the true rate, one outlet "
            "(3 frames per corpus)"
        )
        settings = [(3, 2.0), (10, 2.0), (30, 2.0), (3, 0.3), (10, 0.3), (30, 0.3)]
        print(f"{'interval':<15}" + "".join(f"{f'n={n} shape {s:g}':>18}" for n, s in settings))
        for interval in (*compare.INTERVALS, "hits"):
            cells = [
                proportion(run(reps, covers(interval, shape=s, articles=n, n_boot=args.n_boot), seed))
                for n, s in settings
            ]
            name = "hits (Poisson)" if interval == "hits" else interval
            print(f"{name:<15}" + "".join(f"{c:>18}" for c in cells), flush=True)
        print(
            "\nwire copies (3 per story), 30 articles, shape 2: coverage without / with cluster='copy_group'"
        )
        for interval in compare.INTERVALS:
            cells = [
                proportion(
                    run(
                        reps,
                        covers(interval, shape=2.0, articles=30, n_boot=args.n_boot, copies=3, cluster=cl),
                        seed,
                    )
                )
                for cl in (None, "copy_group")
            ]
            print(f"{interval:<15}" + "".join(f"{c:>18}" for c in cells), flush=True)

    print(f"\n{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
