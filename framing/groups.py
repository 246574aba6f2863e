"""Groups of outlets: which column to compare by, which groups are large enough, which outlets each holds.

Researchers with many outlets compare groups first (state against private, one region against another)
and then look inside a group. The outlets' facts (``country``, ``outlet_type``, ``owner_type`` and the
user's own fields of ``outlets.yaml``) are corpus columns (see :mod:`framing.load.outlets`), so a group
is any column of the corpus; these helpers choose one and describe what it holds.

>>> import pandas as pd
>>> corpus = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["x", "x", "y", "z"],
...                        "owner_type": ["state", "state", "private", "private"]})
>>> resolve_by(corpus, "auto", many=2)
'owner_type'
>>> outlets_in_groups(corpus, "owner_type")[["owner_type", "outlets", "articles", "members"]].values.tolist()
[['private', 2, 2, 'y (1), z (1)'], ['state', 1, 2, 'x (2)']]
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from framing import schema as S

AUTO = "auto"
MANY_OUTLETS = 12  # by="auto" compares groups rather than outlets beyond this many outlets
MAX_GROUPS = 12  # by="auto" takes a column with 2 to this many groups
MIN_KNOWN = 0.5  # ... whose value is known for at least this share of the articles
# The columns by="auto" tries, after the user's own fields of outlets.yaml (the researcher's grouping)
_PREFERRED = (S.OWNER_TYPE, S.OUTLET_TYPE, S.COUNTRY)
MEMBERS = "members"
GROUP_COLUMNS = (S.OUTLETS, S.ARTICLES, MEMBERS)  # outlets_in_groups, after the `by` column


def _fields(corpus: pd.DataFrame) -> list[str]:
    """The user's own outlet fields: the corpus columns after the contract's (and its fact columns)."""
    known = set(S.CORPUS_COLUMNS)
    if S.COUNTRY not in corpus.columns:
        return []
    after = list(corpus.columns)[list(corpus.columns).index(S.COUNTRY) :]
    return [str(c) for c in after if c not in known]


def resolve_by(corpus: pd.DataFrame, by: str = AUTO, *, many: int = MANY_OUTLETS) -> str:
    """The column to compare by: ``by`` itself when it is a column of ``corpus``; for ``"auto"``, the
    outlet while there are at most ``many`` outlets, else the first column with 2 to 12 groups known for
    at least half of the articles, trying the user's own ``outlets.yaml`` fields, then ``owner_type``,
    ``outlet_type`` and ``country`` — the outlet again when none fits.

    >>> resolve_by(pd.DataFrame({"outlet": ["x"], "country": ["EG"]}), "country")
    'country'
    >>> resolve_by(pd.DataFrame({"outlet": ["x"]}), "region")
    Traceback (most recent call last):
    ...
    ValueError: BY 'region' is not a column of the corpus; choose 'auto' or one of ['outlet']
    """
    if by != AUTO:
        if by not in corpus.columns:
            raise ValueError(
                f"BY {by!r} is not a column of the corpus; choose {AUTO!r} or one of "
                f"{[str(c) for c in corpus.columns]}"
            )
        return by
    if S.OUTLET not in corpus.columns:
        raise ValueError(f"corpus lacks the {S.OUTLET!r} column; it has {[str(c) for c in corpus.columns]}")
    if corpus[S.OUTLET].nunique() <= many:
        return S.OUTLET
    for column in [*_fields(corpus), *_PREFERRED]:
        if column not in corpus.columns:
            continue
        values = corpus[column]
        if values.notna().mean() >= MIN_KNOWN and 2 <= values.nunique() <= MAX_GROUPS:
            return column
    return S.OUTLET


def _keys(corpus: pd.DataFrame, by: str) -> pd.Series:
    if by not in corpus.columns:
        raise ValueError(
            f"by {by!r} is not a column of the corpus; it has {[str(c) for c in corpus.columns]}"
        )
    return corpus[by].astype(object).where(corpus[by].notna(), "unknown")


def outlets_in_groups(corpus: pd.DataFrame, by: str) -> pd.DataFrame:
    """One row per group of ``by`` (missing values as ``"unknown"``), largest first: ``by, outlets,
    articles, members`` — ``members`` lists the group's outlets (``outlet_name`` when the corpus has it)
    with their articles, most articles first.

    >>> corpus = pd.DataFrame({"outlet": ["x", "y", "y"], "outlet_name": ["X", "Y", "Y"],
    ...                        "country": ["EG", None, None]})
    >>> outlets_in_groups(corpus, "country").values.tolist()
    [['unknown', 1, 2, 'Y (2)'], ['EG', 1, 1, 'X (1)']]
    """
    keys = _keys(corpus, by)
    name = S.OUTLET_NAME if S.OUTLET_NAME in corpus.columns else S.OUTLET
    names = corpus[name].astype(object).where(corpus[name].notna(), corpus[S.OUTLET]).astype(str)
    table = pd.DataFrame({by: keys, S.OUTLET: corpus[S.OUTLET].astype(str), "name": names})
    rows: list[dict[str, Any]] = []
    for group, part in table.groupby(by, sort=False):
        per = part.groupby(S.OUTLET, sort=False).size().sort_values(ascending=False, kind="stable")
        shown = dict(zip(part[S.OUTLET], part["name"], strict=True))
        rows.append(
            {
                by: group,
                S.OUTLETS: len(per),
                S.ARTICLES: int(per.sum()),
                MEMBERS: ", ".join(f"{shown[o]} ({k})" for o, k in per.items()),
            }
        )
    out = pd.DataFrame(rows, columns=[by, *GROUP_COLUMNS])
    return out.sort_values([S.ARTICLES, S.OUTLETS], ascending=False, kind="stable").reset_index(drop=True)


def largest_groups(corpus: pd.DataFrame, by: str, *, n: int = MAX_GROUPS, min_articles: int = 0) -> list[Any]:
    """The (at most ``n``) groups of ``by`` with most articles, each with at least ``min_articles``:
    the groups worth a figure of their own (e.g. distinctive words), largest first.

    >>> largest_groups(pd.DataFrame({"outlet": ["x", "y", "y", "z"]}), "outlet", n=2)
    ['y', 'x']
    """
    if n < 1:
        raise ValueError(f"n is {n!r}; it must be 1 or more")
    sizes = _keys(corpus, by).value_counts(sort=True)
    return [g for g, k in sizes.items() if k >= min_articles][:n]
