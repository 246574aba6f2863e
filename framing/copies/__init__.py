"""Wire-copy lineage: the same story across outlets, what each outlet changed, and a copy counted once.

- :func:`find_copies` — pairs of articles that share text (MinHash LSH candidates, verified exactly);
  :func:`source_pairs` keeps the pairs that join a copy to its group's likely source;
- :func:`copy_groups` — a ``copy_group`` per article and the group's likely source;
- :func:`copy_edits` — two copies aligned at sentence and word level, offsets into each text;
  :func:`edits_html` shows them side by side, right to left, edits marked;
- :func:`label_swaps` — where one copy's actor label is aligned with another label of the same referent;
- :func:`one_per_copy_group` — a corpus that counts each copy group once; :func:`with_copy_groups` adds the
  ``copy_group`` column that ``cluster="copy_group"`` reads; :func:`copy_summary` — which outlets ran which
  copies, and of which source.
"""

from framing.copies.align import copy_edits, edit_counts, edits_html
from framing.copies.lineage import (
    copy_groups,
    copy_summary,
    find_copies,
    one_per_copy_group,
    source_pairs,
    with_copy_groups,
)
from framing.copies.swaps import count_swaps, label_swaps

__all__ = [
    "copy_edits",
    "copy_groups",
    "copy_summary",
    "count_swaps",
    "edit_counts",
    "edits_html",
    "find_copies",
    "label_swaps",
    "one_per_copy_group",
    "source_pairs",
    "with_copy_groups",
]
