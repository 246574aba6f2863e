"""A constructed corpus for the streaming and Dask tests: fictional outlets, sentences written for the
tests (a flood and its relief in a fictional river town), with the spellings real pages mix —
proclitics, hamza and alef forms, ة/ه, ى/ي, diacritics, tatweel, Arabic-Indic digits, Latin words."""

from __future__ import annotations

import numpy as np
import pandas as pd

import framing
from framing.lexicon.model import Lexicon

OUTLETS = ("wadi_post", "sahil_daily", "nahr_news")  # fictional

SENTENCES = (
    "غمرت الفيضانات أحياء مدينة النهر الجديدة بعد ١٢ ساعة من الأمطار.",
    "وقال مسؤول إن الفَيَضانات هي الأسوأ منذ عشرين عاما.",
    "وصلت قوافل الإغاثة إلى القرى المعزولة صباح الثلاثاء.",
    "وتوزع جمعية الهلال الأحمر المساعدات على الأسر النازحة.",
    "اتهم نواب في البرلمان الحكومة بسوء الإدارة والإهمال.",
    "وردت الحكومه بأن الاغاثه بدأت في الساعات الأولى.",  # ة written as ه, hamza dropped
    "نقل الجرحى إلى مستشفي المدينة المركزي.",  # ى written as ي
    "وبالإغــاثة العاجلة تعهدت منظمة UNICEF بإرسال مياه الشرب.",  # tatweel, a Latin word
    "قالت الأرصاد إن السيول قد تعود خلال 48 ساعة.",
    "للحكومة خطة لإعادة بناء الجسور التي جرفتها السيول.",
    "وانتقد معلقون إهمال صيانة السدود طوال سنوات.",
    "أعلن البرلمان جلسة طارئة لمناقشة سوء الإدارة في البلدية.",
    "ووزعت فرق الهلال الأحمر ٣٠٠ خيمة على العائلات.",
    "لا تزال المدارس مغلقة في الأحياء المنكوبة.",
    "وأكد سكان أن المساعدات لم تصل بعد إلى أطراف المدينة.",
)

LEXICON_SPEC = {
    "flood": ["فيضان*", "سيول", "=السدود"],
    "relief": ["إغاثة*", "مساعدات", "الهلال الأحمر"],
    "blame": ["إهمال*", "سوء الإدارة", "اتهم"],
    "government": ["حكومة*", "البرلمان"],
}


def lexicon() -> Lexicon:
    return framing.load_lexicon(LEXICON_SPEC)


def corpus(n: int = 60, *, seed: int = 7) -> pd.DataFrame:
    """``n`` articles of 1–8 sentences each (one empty text, one with no word), spread over 3 outlets."""
    rng = np.random.default_rng(seed)
    texts = []
    for _ in range(n):
        picked = rng.integers(0, len(SENTENCES), size=int(rng.integers(1, 9)))
        texts.append(" ".join(SENTENCES[i] for i in picked))
    texts[5] = ""
    texts[11] = "« » ، ."
    return pd.DataFrame(
        {
            "doc_id": [f"doc{i:03d}" for i in range(n)],
            "outlet": [OUTLETS[i % 3] if i % 7 else OUTLETS[0] for i in range(n)],
            "title": [f"عنوان {i}" for i in range(n)],
            "published": pd.to_datetime("2025-03-01") + pd.to_timedelta(np.arange(n) % 9, unit="D"),
            "text": texts,
        }
    )
