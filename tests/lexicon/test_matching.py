"""The matching semantics of ``find_matches`` and ``score``, pinned case by case (issue 3).

Every expectation below is written by hand from the contract (the lexicon and matching notes of
issue 3), not read off the implementation. A case is ``(entries_by_frame, text, expected)``: the lexicon
in its plain mapping form, one document's text, and the hits as ``(frame, entry, surface)`` in order of
position (start offset; hits of different frames at the same start are listed by frame id). ``entry`` is
the entry as written in the lexicon, ``surface`` the span of the text as written.

Reading of the contract used here:

- text and entries are normalized alike (diacritics, tatweel, invisibles removed; أ إ آ ٱ -> ا;
  ى -> ي; ة -> ه; Persian ک ی -> ك ي; presentation forms decomposed; Arabic-Indic and Persian digits ->
  ASCII) and split into word forms: runs of letters and digits, lower-cased;
- the FIRST word of an entry matches a token through a proclitic chain: optional و/ف, then optional
  ب/ل/ك, then optional ال (``لل`` = ل + ال), and the stem left after the chain has at least 3 characters;
- later words of a phrase match exactly (or by glob when they end in ``*``); ``=`` entries match exactly;
- within a frame the scan goes left to right, the longest entry (in tokens) wins at each token, ties go
  to the earlier entry, and the scan resumes after the match; frames are independent.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any

import pandas as pd
import pytest

import framing

Entries = Mapping[str, Sequence[Any]]
Hit = tuple[str, str, str]

MATCH_COLUMNS = ["doc_id", "frame", "entry", "surface", "start", "end"]
SCORE_COLUMNS = ["doc_id", "frame", "count", "tokens", "rate"]


def lexicon(entries: Entries) -> Any:
    """The lexicon of a plain mapping; warnings (e.g. an entry that is a stopword) are not under test here."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return framing.load_lexicon(dict(entries))


def corpus_of(texts: Sequence[str], *, outlets: Sequence[str] | None = None) -> pd.DataFrame:
    n = len(texts)
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "outlet": list(outlets) if outlets is not None else ["shorouk"] * n,
            "title": [""] * n,
            "published": pd.Series([pd.NaT] * n, dtype="datetime64[ns]"),
            "text": list(texts),
        }
    )


def case(id_: str, entries: Entries, text: str, expected: list[Hit]) -> Any:
    return pytest.param(entries, text, expected, id=id_)


F = "f"  # the frame of single-frame cases

CASES = [
    # ------------------------------------------------------------------ clitic chains (first word only)
    case("clitic-wa-al", {F: ["معارضة"]}, "الحكومة والمعارضة", [(F, "معارضة", "والمعارضة")]),
    case("clitic-fa-al", {F: ["معارضة"]}, "فالمعارضة رفضت", [(F, "معارضة", "فالمعارضة")]),
    case("clitic-bi-al", {F: ["النظام"]}, "ندد بالنظام", [(F, "النظام", "بالنظام")]),
    case("clitic-ka-al", {F: ["نظام"]}, "تصرف كالنظام", [(F, "نظام", "كالنظام")]),
    # لل = ل + ال: the candidates of للمعارضة include المعارضه (article kept) and معارضه (article removed)
    case("clitic-lil-entry-with-al", {F: ["المعارضة"]}, "دعم للمعارضة", [(F, "المعارضة", "للمعارضة")]),
    case("clitic-lil-entry-without-al", {F: ["معارضة"]}, "دعم للمعارضة", [(F, "معارضة", "للمعارضة")]),
    case("clitic-wa-bi-al", {F: ["النظام"]}, "وبالنظام نفسه", [(F, "النظام", "وبالنظام")]),
    case("clitic-fa-lil", {F: ["المعارضة"]}, "فللمعارضة مطالب", [(F, "المعارضة", "فللمعارضة")]),
    case("clitic-wa-lil", {F: ["معارضة"]}, "وللمعارضة مطالب", [(F, "معارضة", "وللمعارضة")]),
    case("clitic-wa-ka-al", {F: ["إرهاب"]}, "وكالإرهاب تماما", [(F, "إرهاب", "وكالإرهاب")]),
    case("clitic-wa-li-no-article", {F: ["روسيا"]}, "ولروسيا مصالح", [(F, "روسيا", "ولروسيا")]),
    case("clitic-fa-bi-no-article", {F: ["موسكو"]}, "فبموسكو اجتماع", [(F, "موسكو", "فبموسكو")]),
    case("clitic-wa-only", {F: ["موسكو"]}, "واشنطن وموسكو", [(F, "موسكو", "وموسكو")]),
    case("clitic-li-only", {F: ["سوريا"]}, "زيارة لسوريا", [(F, "سوريا", "لسوريا")]),
    case("clitic-ka-only", {F: ["موسكو"]}, "مدينة كموسكو", [(F, "موسكو", "كموسكو")]),
    # the chain has an order: conjunction, then preposition, then article — ب before و is no chain
    case("clitic-wrong-order-bi-wa", {F: ["نظام"]}, "بوالنظام", []),
    case("clitic-two-conjunctions", {F: ["موسكو"]}, "ووموسكو", []),
    case("clitic-two-prepositions", {F: ["موسكو"]}, "بلموسكو", []),
    # a plain word never matches a token that only contains it
    case("no-substring-inside-word", {F: ["نظام"]}, "انتظام", []),
    case("no-suffix-without-glob", {F: ["نظام"]}, "النظامي", []),
    # ------------------------------------------------------------------ entries with and without ال
    case("al-entry-matches-al-token", {F: ["المعارضة"]}, "المعارضة", [(F, "المعارضة", "المعارضة")]),
    case("al-entry-not-bare-token", {F: ["المعارضة"]}, "معارضة", []),
    case("al-entry-bi-al-token", {F: ["المعارضة"]}, "بالمعارضة", [(F, "المعارضة", "بالمعارضة")]),
    case("bare-entry-matches-bare", {F: ["معارضة"]}, "معارضة", [(F, "معارضة", "معارضة")]),
    case("bare-entry-matches-al", {F: ["معارضة"]}, "المعارضة", [(F, "معارضة", "المعارضة")]),
    # ------------------------------------------------------------------ minimum stem length (3)
    case("guard-walad", {F: ["لد"]}, "ولد", []),
    case("guard-walad-whole-word", {F: ["ولد"]}, "ولد في حلب", [(F, "ولد", "ولد")]),
    case("guard-baan", {F: ["ان"]}, "بان الخلاف", []),
    case("guard-fiil", {F: ["يل"]}, "فيل", []),
    case("guard-kama", {F: ["ما"]}, "كما قال", []),
    case("guard-lana", {F: ["نا"]}, "قال لنا", []),
    # ب + ال + يد leaves a 2-letter stem: not allowed; ب + اليد leaves 4: allowed
    case("guard-bil-yad-stem-2", {F: ["يد"]}, "باليد", []),
    case("guard-bi-alyad-stem-4", {F: ["اليد"]}, "باليد", [(F, "اليد", "باليد")]),
    # exactly 3 letters left is enough
    case("guard-stem-exactly-3", {F: ["أمن"]}, "والأمن", [(F, "أمن", "والأمن")]),
    case("guard-wali-al", {F: ["والي"]}, "عين الوالي الجديد", [(F, "والي", "الوالي")]),
    case("guard-wali-whole", {F: ["والي"]}, "والي حلب", [(F, "والي", "والي")]),
    # والي: و + الي leaves 3 letters, so the guard allows it; and وإلى normalizes to the same form والي.
    # The contract therefore makes an entry إلى match the token والي (و + إلى): a known false friend.
    case("guard-wali-is-wa-ila", {F: ["إلى"]}, "والي حلب", [(F, "إلى", "والي")]),
    # the guard applies to globs too: و + لد is refused, but و + لدي (3 letters) starts with لد
    case("guard-glob-short", {F: ["لد*"]}, "ولد", []),
    case("guard-glob-stem-3", {F: ["لد*"]}, "ولدي", [(F, "لد*", "ولدي")]),
    # ------------------------------------------------------------------ spelling variants
    case("alef-hamza-below-entry", {F: ["إرهاب"]}, "ارهاب", [(F, "إرهاب", "ارهاب")]),
    case("alef-hamza-below-text", {F: ["ارهاب"]}, "الإرهاب", [(F, "ارهاب", "الإرهاب")]),
    case("alef-madda-entry", {F: ["آذار"]}, "في اذار", [(F, "آذار", "اذار")]),
    case("alef-madda-text", {F: ["اذار"]}, "في آذار", [(F, "اذار", "آذار")]),
    case("alef-hamza-above-lil", {F: ["الاسد"]}, "للأسد", [(F, "الاسد", "للأسد")]),
    case("alef-wasla", {F: ["استقرار"]}, "ٱستقرار", [(F, "استقرار", "ٱستقرار")]),
    case("teh-marbuta-entry", {F: ["سورية"]}, "سوريه", [(F, "سورية", "سوريه")]),
    case("teh-marbuta-text", {F: ["المعارضه"]}, "والمعارضة", [(F, "المعارضه", "والمعارضة")]),
    case("alef-maqsura-text", {F: ["كيري"]}, "قال كيرى", [(F, "كيري", "كيرى")]),
    case("alef-maqsura-entry", {F: ["موسى"]}, "موسي", [(F, "موسى", "موسي")]),
    case("diacritics-in-text", {F: ["إرهاب"]}, "الإِرْهَابُ", [(F, "إرهاب", "الإِرْهَابُ")]),
    case("diacritics-in-entry", {F: ["النِّظامُ"]}, "النظام", [(F, "النِّظامُ", "النظام")]),
    case("tatweel-inside", {F: ["موسكو"]}, "وصل إلى مـــوسكو", [(F, "موسكو", "مـــوسكو")]),
    case("tatweel-word-end", {F: ["موسكو"]}, "موسكوـــ اليوم", [(F, "موسكو", "موسكوـــ")]),
    case("tatweel-in-entry", {F: ["مـوسكو"]}, "موسكو", [(F, "مـوسكو", "موسكو")]),
    case("tatweel-after-clitic", {F: ["النظام"]}, "والـــنظام", [(F, "النظام", "والـــنظام")]),
    case("digits-indic-in-text", {F: ["14 يوليو"]}, "في ١٤ يوليو", [(F, "14 يوليو", "١٤ يوليو")]),
    case("digits-indic-in-entry", {F: ["١٤ يوليو"]}, "في 14 يوليو", [(F, "١٤ يوليو", "14 يوليو")]),
    case("digits-persian", {F: ["2016"]}, "عام ۲۰۱۶", [(F, "2016", "۲۰۱۶")]),
    case("persian-letters-text", {F: ["كيري"]}, "کیری", [(F, "كيري", "کیری")]),
    case("persian-letters-entry", {F: ["کیری"]}, "كيري", [(F, "کیری", "كيري")]),
    case("presentation-form-lam-alef", {F: ["لافروف"]}, "ﻻفروف", [(F, "لافروف", "ﻻفروف")]),
    case(
        "variants-in-phrase", {F: ["الأمم المتحدة"]}, "الامم المتحده", [(F, "الأمم المتحدة", "الامم المتحده")]
    ),
    # ------------------------------------------------------------------ phrases
    case("phrase", {F: ["النظام السوري"]}, "قصف النظام السوري حلب", [(F, "النظام السوري", "النظام السوري")]),
    case(
        "phrase-wa-first", {F: ["النظام السوري"]}, "والنظام السوري", [(F, "النظام السوري", "والنظام السوري")]
    ),
    case(
        "phrase-lil-first",
        {F: ["النظام السوري"]},
        "دعم للنظام السوري",
        [(F, "النظام السوري", "للنظام السوري")],
    ),
    case("phrase-clitic-on-second-word", {F: ["النظام السوري"]}, "النظام والسوري", []),
    # punctuation splits tokens but the two tokens stay consecutive, so the phrase matches; the span runs
    # from the first word's start to the last word's end and so contains the comma
    case(
        "phrase-across-comma",
        {F: ["النظام السوري"]},
        "النظام، السوري",
        [(F, "النظام السوري", "النظام، السوري")],
    ),
    case(
        "phrase-across-newline",
        {F: ["النظام السوري"]},
        "النظام  \n السوري",
        [(F, "النظام السوري", "النظام  \n السوري")],
    ),
    case(
        "phrase-in-guillemets",
        {F: ["النظام السوري"]},
        "«النظام السوري»",
        [(F, "النظام السوري", "النظام السوري")],
    ),
    case("phrase-not-consecutive", {F: ["النظام السوري"]}, "النظام الحاكم السوري", []),
    case("phrase-truncated-at-end", {F: ["النظام السوري"]}, "أيد النظام", []),
    case(
        "phrase-variant-second-word", {F: ["جبهة النصرة"]}, "جبهه النُّصرة", [(F, "جبهة النصرة", "جبهه النُّصرة")]
    ),
    case(
        "phrase-li-first-no-article",
        {F: ["جبهة النصرة"]},
        "لجبهة النصرة",
        [(F, "جبهة النصرة", "لجبهة النصرة")],
    ),
    # later words match exactly: no article stripped (نصره != النصره, السوري != سوري)
    case("phrase-second-word-needs-article", {F: ["جبهة النصرة"]}, "جبهة نصرة", []),
    case("phrase-second-word-no-article-strip", {F: ["النظام سوري"]}, "النظام السوري", []),
    case(
        "phrase-three-words",
        {F: ["مجلس الأمن الدولي"]},
        "أمام مجلس الأمن الدولي",
        [(F, "مجلس الأمن الدولي", "مجلس الأمن الدولي")],
    ),
    case(
        "phrase-twice",
        {F: ["النظام السوري"]},
        "النظام السوري قال إن النظام السوري",
        [(F, "النظام السوري", "النظام السوري"), (F, "النظام السوري", "النظام السوري")],
    ),
    # ------------------------------------------------------------------ trailing * globs
    case("glob-base-itself", {F: ["إرهاب*"]}, "إرهاب", [(F, "إرهاب*", "إرهاب")]),
    case("glob-suffix", {F: ["إرهاب*"]}, "إرهابي", [(F, "إرهاب*", "إرهابي")]),
    case("glob-al", {F: ["إرهاب*"]}, "الإرهابيين", [(F, "إرهاب*", "الإرهابيين")]),
    case("glob-wa-al-shadda", {F: ["إرهاب*"]}, "والإرهابيّين", [(F, "إرهاب*", "والإرهابيّين")]),
    case("glob-bi-al", {F: ["إرهاب*"]}, "بالإرهاب", [(F, "إرهاب*", "بالإرهاب")]),
    case("glob-al-entry-not-bare", {F: ["الإرهاب*"]}, "إرهابيين", []),
    case("glob-al-entry-wa-lil", {F: ["الإرهاب*"]}, "وللإرهابيين", [(F, "الإرهاب*", "وللإرهابيين")]),
    case("glob-not-infix", {F: ["نظام*"]}, "الانتظام", []),
    case(
        "glob-phrase-last-word",
        {F: ["المعارضة المسلح*"]},
        "المعارضة المسلحة",
        [(F, "المعارضة المسلح*", "المعارضة المسلحة")],
    ),
    case(
        "glob-phrase-last-word-clitic-first",
        {F: ["المعارضة المسلح*"]},
        "والمعارضة المسلحين",
        [(F, "المعارضة المسلح*", "والمعارضة المسلحين")],
    ),
    case("glob-phrase-no-clitic-on-last", {F: ["المعارضة المسلح*"]}, "المعارضة والمسلحين", []),
    case("glob-latin", {F: ["terror*"]}, "Terrorists", [(F, "terror*", "Terrorists")]),
    # ------------------------------------------------------------------ exact = entries
    case("exact", {F: ["=داعش"]}, "تنظيم داعش", [(F, "=داعش", "داعش")]),
    case("exact-no-wa", {F: ["=داعش"]}, "وداعش", []),
    case("exact-no-li", {F: ["=داعش"]}, "لداعش", []),
    case("exact-no-suffix", {F: ["=داعش"]}, "داعشي", []),
    case("exact-still-normalized", {F: ["=إدلب"]}, "ادلب", [(F, "=إدلب", "ادلب")]),
    case("exact-normalized-no-wa", {F: ["=إدلب"]}, "وإدلب", []),
    case("exact-al-no-bare", {F: ["=الأسد"]}, "أسد", []),
    case("exact-al-no-wa", {F: ["=الأسد"]}, "والأسد", []),
    case("exact-diacritics-tatweel", {F: ["=داعش"]}, "دَاعِـــش", [(F, "=داعش", "دَاعِـــش")]),
    case("exact-phrase", {F: ["=النظام السوري"]}, "النظام السوري", [(F, "=النظام السوري", "النظام السوري")]),
    case("exact-phrase-no-clitic", {F: ["=النظام السوري"]}, "والنظام السوري", []),
    case(
        "exact-vs-plain-two-frames",
        {"a": ["داعش"], "b": ["=داعش"]},
        "داعش وداعش",
        [("a", "داعش", "داعش"), ("b", "=داعش", "داعش"), ("a", "داعش", "وداعش")],
    ),
    # ------------------------------------------------------------------ longest match, no double counting
    case(
        "longest-phrase-wins",
        {F: ["الجيش السوري", "الجيش السوري الحر"]},
        "الجيش السوري الحر",
        [(F, "الجيش السوري الحر", "الجيش السوري الحر")],
    ),
    case(
        "longest-phrase-wins-order-reversed",
        {F: ["الجيش السوري الحر", "الجيش السوري"]},
        "الجيش السوري الحر",
        [(F, "الجيش السوري الحر", "الجيش السوري الحر")],
    ),
    case(
        "longest-shorter-where-longer-fails",
        {F: ["الجيش السوري", "الجيش السوري الحر"]},
        "انشق عن الجيش السوري وانضم إلى الجيش السوري الحر",
        [(F, "الجيش السوري", "الجيش السوري"), (F, "الجيش السوري الحر", "الجيش السوري الحر")],
    ),
    # left to right: at النظام the phrase النظام السوري matches, the scan resumes at الحر
    case(
        "overlap-leftmost-wins",
        {F: ["النظام السوري", "السوري الحر"]},
        "النظام السوري الحر",
        [(F, "النظام السوري", "النظام السوري")],
    ),
    case(
        "overlap-second-phrase-alone",
        {F: ["النظام السوري", "السوري الحر"]},
        "الجيش السوري الحر",
        [(F, "السوري الحر", "السوري الحر")],
    ),
    case(
        "word-inside-phrase-not-counted",
        {F: ["السوري", "النظام السوري"]},
        "النظام السوري",
        [(F, "النظام السوري", "النظام السوري")],
    ),
    case(
        "word-then-phrase",
        {F: ["السوري", "النظام السوري"]},
        "السوري والنظام السوري",
        [(F, "السوري", "السوري"), (F, "النظام السوري", "والنظام السوري")],
    ),
    case(
        "longest-phrase-over-word-with-clitic",
        {F: ["معارضة", "المعارضة المسلحة"]},
        "والمعارضة المسلحة",
        [(F, "المعارضة المسلحة", "والمعارضة المسلحة")],
    ),
    case("tie-earlier-entry-plain", {F: ["داعش", "=داعش"]}, "داعش", [(F, "داعش", "داعش")]),
    case("tie-earlier-entry-exact", {F: ["=داعش", "داعش"]}, "داعش", [(F, "=داعش", "داعش")]),
    case("tie-earlier-entry-glob", {F: ["إرهاب*", "إرهابي"]}, "إرهابي", [(F, "إرهاب*", "إرهابي")]),
    case("tie-earlier-entry-word", {F: ["إرهابي", "إرهاب*"]}, "إرهابي", [(F, "إرهابي", "إرهابي")]),
    case("repeated-token", {F: ["داعش"]}, "داعش داعش", [(F, "داعش", "داعش"), (F, "داعش", "داعش")]),
    # ------------------------------------------------------------------ frames are independent
    case(
        "frames-phrase-and-word",
        {"a": ["النظام السوري"], "b": ["السوري"]},
        "النظام السوري",
        [("a", "النظام السوري", "النظام السوري"), ("b", "السوري", "السوري")],
    ),
    case(
        "frames-same-entry",
        {"a": ["داعش"], "b": ["داعش"]},
        "«داعش»",
        [("a", "داعش", "داعش"), ("b", "داعش", "داعش")],
    ),
    case(
        "frames-three",
        {"a": ["إرهاب*"], "b": ["الإرهابيين"], "c": ["موسكو"]},
        "والإرهابيين في موسكو",
        [("a", "إرهاب*", "والإرهابيين"), ("b", "الإرهابيين", "والإرهابيين"), ("c", "موسكو", "موسكو")],
    ),
    # ------------------------------------------------------------------ punctuation outside the span
    case("punct-guillemets", {F: ["داعش"]}, "«داعش»", [(F, "داعش", "داعش")]),
    case("punct-parens-comma", {F: ["داعش"]}, "(داعش)،", [(F, "داعش", "داعش")]),
    case("punct-quotes-dot", {F: ["داعش"]}, '"داعش".', [(F, "داعش", "داعش")]),
    case("punct-arabic-question", {F: ["داعش"]}, "داعش؟", [(F, "داعش", "داعش")]),
    case("punct-trailing-diacritic-kept", {F: ["داعش"]}, "«داعشٌ»", [(F, "داعش", "داعشٌ")]),
    case(
        "punct-hyphen-splits",
        {F: ["داعش", "النصرة"]},
        "داعش-النصرة",
        [(F, "داعش", "داعش"), (F, "النصرة", "النصرة")],
    ),
    # ------------------------------------------------------------------ Latin tokens next to Arabic
    case("latin-isis", {F: ["ISIS"]}, "تنظيم ISIS في سوريا", [(F, "ISIS", "ISIS")]),
    case("latin-entry-lower", {F: ["isis"]}, "تنظيم ISIS", [(F, "isis", "ISIS")]),
    case("latin-text-lower", {F: ["ISIS"]}, "قال isis", [(F, "ISIS", "isis")]),
    case("latin-nbc", {F: ["NBC"]}, "لشبكة NBC الأمريكية", [(F, "NBC", "NBC")]),
    case("latin-in-guillemets", {F: ["NBC"]}, "«NBC»", [(F, "NBC", "NBC")]),
    # Arabic and Latin letters are both letters: قناةNBC is one run, one token, and no clitic chain
    case("latin-glued-to-arabic-word", {F: ["NBC"]}, "قناةNBC", []),
    # the chain rule is about the token form, whatever the script: وisis is و + isis (4 letters left)
    case("latin-with-wa", {F: ["ISIS"]}, "وISIS", [(F, "ISIS", "وISIS")]),
    case(
        "latin-phrase",
        {F: ["Islamic State"]},
        "the islamic STATE group",
        [(F, "Islamic State", "islamic STATE")],
    ),
    case("latin-no-substring", {F: ["IS"]}, "ISIS", []),
    # ------------------------------------------------------------------ numbers
    case("number-indic", {F: ["2254"]}, "القرار ٢٢٥٤", [(F, "2254", "٢٢٥٤")]),
    case("number-no-substring", {F: ["14"]}, "عام 2014", []),
    case("number-slash-splits", {F: ["14"]}, "يوم 14/7", [(F, "14", "14")]),
    case("number-glob", {F: ["201*"]}, "عامي 2015 و2016", [(F, "201*", "2015"), (F, "201*", "و2016")]),
    # ------------------------------------------------------------------ empty and punctuation-only text
    case("empty-text", {F: ["داعش"]}, "", []),
    case("whitespace-only", {F: ["داعش"]}, "   \n\t ", []),
    case("punctuation-only", {F: ["داعش"]}, "«»،؛؟!... - () ؟", []),
    # ------------------------------------------------------------------ a tagged entry: entry = its pattern
    case(
        "tagged-entry-mapping",
        {F: [{"pattern": "إرهاب*", "stance": "regime"}]},
        "الإرهابيين",
        [(F, "إرهاب*", "الإرهابيين")],
    ),
]


def _rows(matches: pd.DataFrame) -> list[dict[str, Any]]:
    rows = [{str(k): v for k, v in r.items()} for r in matches.to_dict("records")]
    return sorted(rows, key=lambda r: (int(r["start"]), str(r["frame"]), int(r["end"])))


@pytest.mark.parametrize(("entries", "text", "expected"), CASES)
def test_matching_table(entries: Entries, text: str, expected: list[Hit]) -> None:
    corpus = corpus_of([text])
    matches = framing.find_matches(corpus, lexicon(entries))
    rows = _rows(matches)
    assert [(r["frame"], r["entry"], r["surface"]) for r in rows] == expected
    for r in rows:
        assert r["doc_id"] == "d0"
        assert r["surface"] == text[int(r["start"]) : int(r["end"])]
        assert 0 <= int(r["start"]) < int(r["end"]) <= len(text)
    # no token counts twice within a frame: the spans of one frame never overlap
    for frame in {r["frame"] for r in rows}:
        spans = [(int(r["start"]), int(r["end"])) for r in rows if r["frame"] == frame]
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans))


def test_enough_cases() -> None:
    assert len(CASES) >= 50


# ---------------------------------------------------------------------------------- find_matches frame
def test_matches_columns_doc_id_and_outlet() -> None:
    corpus = corpus_of(["قصف النظام السوري", "لا شيء هنا", "وبالنظام السوري"], outlets=["ahram", "x", "bbc"])
    matches = framing.find_matches(corpus, lexicon({"regime": ["النظام السوري"]}))
    assert set(MATCH_COLUMNS) <= set(matches.columns)
    assert "outlet" in matches.columns
    got = sorted(zip(matches["doc_id"], matches["outlet"], matches["surface"], strict=True))
    assert got == [("d0", "ahram", "النظام السوري"), ("d2", "bbc", "وبالنظام السوري")]


def test_phrase_does_not_cross_documents() -> None:
    corpus = corpus_of(["قال النظام", "السوري"])
    matches = framing.find_matches(corpus, lexicon({"regime": ["النظام السوري"]}))
    assert len(matches) == 0


def test_no_hits_still_has_the_columns() -> None:
    matches = framing.find_matches(corpus_of(["", "نص بلا إشارة"]), lexicon({"f": ["داعش"]}))
    assert len(matches) == 0
    assert set(MATCH_COLUMNS) <= set(matches.columns)


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param("*إرهاب", id="leading-star"),
        pytest.param("إر*هاب", id="inner-star"),
        pytest.param("إرهاب* دولي", id="star-on-first-word-of-phrase"),
    ],
)
def test_star_not_trailing_is_an_error(entry: str) -> None:
    with pytest.raises(framing.LexiconError, match=r"\*"):
        lexicon({"f": [entry]})


# ---------------------------------------------------------------------------------- score
SCORE_LEXICON = {"terror": ["إرهاب*"], "regime": ["النظام السوري", "=داعش"], "media": ["NBC", "لافروف"]}
SCORE_TEXTS = [
    # قال | لافروف | ان | nbc | والارهابيين  -> 5 word forms; terror 1, media 2
    "قال «لافروف»، إنّ NBC والإرهابيين",
    # النظام | السوري | قصف | 14 | موقعا | في | 2016  -> 7 word forms; regime 1
    "النظام السوري، قصف ١٤ موقعاً في ٢٠١٦.",
    # ا | ف | ب  -> 3 word forms (the dots split); no hits
    "أ.ف.ب",
    "",  # 0 word forms
    "«»،؛ — !!",  # 0 word forms
]
HAND_TOKENS = {"d0": 5, "d1": 7, "d2": 3, "d3": 0, "d4": 0}
HAND_COUNTS = {("d0", "terror"): 1, ("d0", "media"): 2, ("d1", "regime"): 1}  # every other pair is 0


@pytest.fixture
def scored() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    corpus = corpus_of(SCORE_TEXTS)
    lex = lexicon(SCORE_LEXICON)
    return corpus, framing.find_matches(corpus, lex), framing.score(corpus, lex)


def test_score_columns(scored: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]) -> None:
    _, _, scores = scored
    assert set(SCORE_COLUMNS) <= set(scores.columns)


def test_score_every_doc_frame_pair(scored: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]) -> None:
    _, _, scores = scored
    pairs = list(zip(scores["doc_id"], scores["frame"], strict=True))
    assert len(pairs) == len(set(pairs)) == 5 * 3
    assert set(pairs) == {(d, f) for d in HAND_TOKENS for f in SCORE_LEXICON}


def test_score_counts_by_hand(scored: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]) -> None:
    _, _, scores = scored
    got = {(r["doc_id"], r["frame"]): int(r["count"]) for r in scores.to_dict("records")}
    assert got == {(d, f): HAND_COUNTS.get((d, f), 0) for d in HAND_TOKENS for f in SCORE_LEXICON}


def test_score_counts_equal_match_rows(scored: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]) -> None:
    _, matches, scores = scored
    per_pair = matches.groupby(["doc_id", "frame"]).size().to_dict()
    for r in scores.to_dict("records"):
        assert int(r["count"]) == per_pair.get((r["doc_id"], r["frame"]), 0)


def test_score_tokens_by_hand(scored: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]) -> None:
    _, _, scores = scored
    for r in scores.to_dict("records"):
        assert int(r["tokens"]) == HAND_TOKENS[r["doc_id"]], r


def test_score_rate(scored: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]) -> None:
    _, _, scores = scored
    assert scores["rate"].notna().all()
    rates = {(r["doc_id"], r["frame"]): float(r["rate"]) for r in scores.to_dict("records")}
    assert rates[("d0", "terror")] == pytest.approx(200.0)
    assert rates[("d0", "media")] == pytest.approx(400.0)
    assert rates[("d1", "regime")] == pytest.approx(1000 / 7)
    for r in scores.to_dict("records"):
        tokens, count = int(r["tokens"]), int(r["count"])
        expected = 1000 * count / tokens if tokens else 0.0
        assert float(r["rate"]) == pytest.approx(expected)


def test_score_zero_tokens_rate_zero() -> None:
    scores = framing.score(corpus_of(["", "؟؟ «» ،"]), lexicon({"f": ["داعش"]}))
    assert len(scores) == 2
    assert (scores["tokens"] == 0).all()
    assert (scores["count"] == 0).all()
    assert scores["rate"].notna().all()
    assert (scores["rate"] == 0).all()


def test_corpus_not_modified() -> None:
    corpus = corpus_of(SCORE_TEXTS)
    corpus.index = pd.Index([10, 20, 30, 40, 50])
    before = corpus.copy(deep=True)
    lex = lexicon(SCORE_LEXICON)
    framing.find_matches(corpus, lex)
    framing.score(corpus, lex)
    pd.testing.assert_frame_equal(corpus, before)
    assert list(corpus.columns) == list(before.columns)
