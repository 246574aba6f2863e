"""Write a CONSTRUCTED corpus of many fictional outlets (150 × 2 articles by default) with their outlets.yaml,
to try ``framing report`` at the scale of real collections of coverage (one to three articles per outlet).

    .venv/bin/python benchmarks/make_many_outlets.py /tmp/many_outlets [--outlets 150] [--articles 2]
    framing report /tmp/many_outlets --out /tmp/many_report

Every outlet is fictional (its name ends with "(fictional)", so every chart carries the demo note), and so
is every sentence: they are written for this script from a small pool (a ceasefire round in Geneva and
the fighting around it), each outlet picking the wording of its invented leaning. The facts in the
outlets.yaml written beside the pages (country, type, owner_type, languages, and a user field
``region``) are invented too. Nothing here describes a real outlet or real coverage.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

# Invented outlet names: a kind of outlet and a place-like word, numbered.
KINDS = {
    "newspaper": "صحيفة",
    "news site": "موقع",
    "broadcaster": "قناة",
    "wire agency": "وكالة",
    "aggregator": "بوابة",
    "forum": "منتدى",
}
WORDS = ["النخيل", "الغدير", "الرافدين", "السهل", "الجبل", "المنارة", "الضفة", "الواحة", "القلعة", "الوادي"]
WORDS_EN = ["Nakheel", "Ghadir", "Rafidain", "Sahl", "Jabal", "Manara", "Diffa", "Waha", "Qalaa", "Wadi"]
PLACES = {  # country -> (region, city of the dateline)
    "EG": ("Nile", "القاهرة"),
    "SY": ("Levant", "دمشق"),
    "LB": ("Levant", "بيروت"),
    "JO": ("Levant", "عمان"),
    "SA": ("Gulf", "الرياض"),
    "AE": ("Gulf", "أبوظبي"),
    "QA": ("Gulf", "الدوحة"),
    "IQ": ("Iraq", "بغداد"),
    "DZ": ("Maghreb", "الجزائر"),
    "RU": ("Russia", "موسكو"),
    "GB": ("Europe", "لندن"),
    "TR": ("Turkey", "إسطنبول"),
}
OWNER_TYPES = ["state", "private", "private", "public", "party", "nonprofit"]

# Sentences written for this script, by leaning: how the Syrian government and armed groups are named.
COMMON = [
    "وانطلقت في جنيف جولة جديدة من المفاوضات برعاية الأمم المتحدة لبحث تثبيت وقف إطلاق النار.",
    "وقال المبعوث الأممي إن الوفود ناقشت جدول أعمال الجولة وآليات مراقبة الهدنة.",
    "وأكد دبلوماسيون أن المحادثات تركز على المساعدات الإنسانية وفتح الممرات أمام القوافل.",
    "وتحدثت منظمات إغاثة عن نقص حاد في الغذاء والدواء في المناطق المحاصرة.",
    "وأشار مراقبون إلى أن نجاح الجولة مرهون بالتزام الأطراف على الأرض.",
    "وتتواصل الاتصالات بين موسكو وواشنطن بشأن التنسيق العسكري ضد الجماعات المتطرفة.",
]
LEANING = {
    "state_wording": [
        "وأكد وفد الحكومة السورية أن مكافحة الإرهاب يجب أن تتصدر جدول الأعمال.",
        "وقال مصدر عسكري إن الجيش العربي السوري تصدى لهجوم شنته المجموعات الإرهابية في ريف حماة.",
        "وشدد مسؤولون في الدولة السورية على أن أي اتفاق يجب أن يحترم السيادة الوطنية.",
        "واتهمت دمشق المسلحين بخرق الهدنة وقصف الأحياء السكنية.",
    ],
    "opposition_wording": [
        "وقال وفد المعارضة إن النظام السوري يواصل خرق الهدنة بقصف المناطق المحررة.",
        "وأفاد ناشطون بأن قوات الأسد استهدفت بلدات في ريف إدلب بالبراميل المتفجرة.",
        "وطالبت فصائل المعارضة المسلحة بضمانات دولية قبل أي تفاوض مع نظام الأسد.",
        "ووثقت منظمات حقوقية سقوط ضحايا مدنيين في غارات لطيران النظام.",
    ],
    "agency_wording": [
        "وقالت الحكومة السورية إنها ملتزمة بوقف الأعمال القتالية، فيما اتهمت المعارضة القوات الحكومية بخرقه.",
        "وأعلن تنظيم الدولة الإسلامية مسؤوليته عن تفجير قرب مدينة الباب.",
        "وقال الرئيس السوري بشار الأسد في مقابلة إن الحل يمر عبر مكافحة الإرهاب.",
        "وتقول المعارضة المعتدلة إن جبهة النصرة ليست طرفا في الاتفاق.",
    ],
}
HEADLINES = [
    "جولة جديدة من مفاوضات جنيف وسط شكوك في صمود الهدنة",
    "المبعوث الأممي يدعو الأطراف إلى تثبيت وقف إطلاق النار",
    "قوافل المساعدات تنتظر الضوء الأخضر لدخول المناطق المحاصرة",
    "خروقات متبادلة للهدنة في ريف حماة وإدلب",
]
DAYS = [
    "الاثنين 20 فبراير 2017",
    "الثلاثاء 21 فبراير 2017",
    "الأربعاء 22 فبراير 2017",
    "الخميس 23 فبراير 2017",
]


def make_corpus(folder: Path, *, outlets: int = 150, articles: int = 2, seed: int = 17) -> int:
    """Write the pages and outlets.yaml under ``folder``; return the number of pages written."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    profiles = [
        "# CONSTRUCTED: fictional outlets with invented facts, written by benchmarks/make_many_outlets.py.",
    ]
    pages = 0
    countries = list(PLACES)
    for i in range(outlets):
        kind = rng.choice(list(KINDS))
        country = countries[i % len(countries)]
        region, city = PLACES[country]
        owner_type = rng.choice(OWNER_TYPES)
        site = f"{KINDS[kind]} {WORDS[i % len(WORDS)]} {i + 1}"
        outlet_id = f"outlet_{i + 1:03d}"
        leaning = (
            "state_wording"
            if country in ("SY", "RU") or (owner_type == "state" and country in ("EG", "IQ", "DZ"))
            else "opposition_wording"
            if country in ("QA", "TR", "GB") or owner_type == "nonprofit"
            else "agency_wording"
        )
        profiles += [
            f"{outlet_id}:",
            f"  name: {WORDS_EN[i % len(WORDS_EN)]} {kind} {i + 1} (fictional)",
            f"  name_ar: {site}",
            f"  country: {country}",
            f"  site_names: [{site}]",
            f"  type: {kind}",
            f"  owner_type: {owner_type}",
            f"  languages: [ar{', en' if rng.random() < 0.3 else ''}]",
            "  source: constructed by benchmarks/make_many_outlets.py (fictional)",
            f"  fields: {{region: {region}}}",
        ]
        (folder / outlet_id).mkdir(exist_ok=True)
        for k in range(articles):
            sentences = rng.sample(LEANING[leaning], 3) + rng.sample(COMMON, 3)
            rng.shuffle(sentences)
            body = [f"{city} - {sentences[0].removeprefix('و')}", *sentences[1:]]
            page = [f"{rng.choice(HEADLINES)} - {site}", rng.choice(DAYS), "", *body, ""]
            (folder / outlet_id / f"{k + 1:02d}.txt").write_text("\n".join(page), encoding="utf-8")
            pages += 1
    (folder / "outlets.yaml").write_text("\n".join(profiles) + "\n", encoding="utf-8")
    (folder / "README.md").write_text(
        f"CONSTRUCTED corpus: {outlets} fictional outlets x {articles} invented articles, written by "
        "benchmarks/make_many_outlets.py to try framing at scale. Not real coverage.\n",
        encoding="utf-8",
    )
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--outlets", type=int, default=150)
    parser.add_argument("--articles", type=int, default=2)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    pages = make_corpus(args.folder, outlets=args.outlets, articles=args.articles, seed=args.seed)
    print(f"wrote {pages} constructed pages of {args.outlets} fictional outlets to {args.folder}")


if __name__ == "__main__":
    main()
