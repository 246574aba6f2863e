"""Articles written for the layout fixtures (constructed: invented events, invented quotes, no real text).

Each story is a headline and its paragraphs, the agencies its sentences cite, and the date and time it
is published on the fixture pages. Stories are about ordinary news (water, weather, trade, sport,
culture), not the July 2016 Kerry–Putin talks that the demo corpus covers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Story:
    key: str
    language: str
    title: str
    paragraphs: tuple[str, ...]
    published: datetime
    cited: tuple[str, ...] = field(default=())  # agencies named inside the paragraphs


AR = [
    Story(
        "ar_desalination",
        "ar",
        "افتتاح محطة لتحلية مياه البحر جنوب العقبة بطاقة 300 ألف متر مكعب",
        (
            "افتتحت الحكومة صباح الأحد محطة جديدة لتحلية مياه البحر جنوب مدينة العقبة، قالت إنها ستغطي"
            " حاجة أربع محافظات من مياه الشرب خلال أشهر الصيف.",
            "وأوضح وزير المياه في كلمة خلال الافتتاح أن كلفة المشروع بلغت نحو 400 مليون دولار، وأن"
            " المرحلة الثانية ستبدأ مطلع العام المقبل.",
            "ونقلت وكالة رويترز عن مهندسين في الموقع أن المحطة تعمل بالطاقة الشمسية جزئياً، وهو ما يخفض"
            " كلفة إنتاج المتر المكعب الواحد.",
            "ويعاني البلد من شح مزمن في المياه، إذ يقل نصيب الفرد فيه عن مئة متر مكعب سنوياً.",
        ),
        datetime(2023, 5, 14, 10, 35),
        ("Reuters",),
    ),
    Story(
        "ar_heatwave",
        "ar",
        "موجة حر تضرب مدن الدلتا والأرصاد تحذّر من ذروتها يوم الثلاثاء",
        (
            "حذّرت هيئة الأرصاد الجوية من موجة حر شديدة تضرب مدن الدلتا والقاهرة الكبرى اعتباراً من"
            " الإثنين، على أن تبلغ درجات الحرارة ذروتها يوم الثلاثاء.",
            "وقالت الهيئة في بيان إن العظمى قد تتجاوز 43 درجة مئوية في بعض المناطق، ودعت المواطنين إلى"
            " تجنّب التعرض المباشر لأشعة الشمس وقت الظهيرة.",
            "وأعلنت وزارة الصحة رفع درجة الاستعداد في المستشفيات الحكومية، مؤكدة توافر أدوية ضربات الشمس"
            " في جميع الوحدات الصحية.",
        ),
        datetime(2021, 8, 9, 13, 5),
    ),
    Story(
        "ar_book_fair",
        "ar",
        "معرض الكتاب يفتح أبوابه بمشاركة 900 دار نشر من 40 دولة",
        (
            "فتح معرض الكتاب الدولي أبوابه أمام الزوار مساء الأربعاء بمشاركة أكثر من تسعمئة دار نشر عربية"
            " وأجنبية، في دورة تحمل شعار «القراءة جسر».",
            "وقال مدير المعرض إن البرنامج الثقافي يضم مئة وعشرين ندوة وأمسية شعرية، إضافة إلى ورش للأطفال"
            " وجناح خاص بالكتاب الرقمي.",
            "وتحل اليونان ضيف شرف على هذه الدورة، وتعرض دار النشر الوطنية فيها مخطوطات نادرة تُعرض للمرة"
            " الأولى خارج أثينا.",
            "ويستمر المعرض حتى 30 يناير المقبل، ويفتح أبوابه يومياً من العاشرة صباحاً حتى التاسعة مساءً.",
        ),
        datetime(2020, 1, 22, 19, 40),
    ),
    Story(
        "ar_wheat",
        "ar",
        "وصول شحنة قمح جديدة إلى ميناء الإسكندرية وسط تراجع الأسعار العالمية",
        (
            "رست في ميناء الإسكندرية فجر الخميس سفينة تحمل ستين ألف طن من القمح، ضمن صفقة وقعتها الهيئة"
            " العامة للسلع التموينية الشهر الماضي.",
            "وأفاد مسؤول في الهيئة لوكالة أنباء الشرق الأوسط بأن المخزون الاستراتيجي يكفي الاستهلاك المحلي"
            " لنحو خمسة أشهر.",
            "وتراجعت أسعار القمح في الأسواق العالمية خلال الأسابيع الأخيرة بعد توقعات بمحصول وفير في"
            " أستراليا وكندا، بحسب ما نقلته بلومبرغ عن تجار.",
        ),
        datetime(2022, 11, 17, 9, 12),
        ("MENA",),
    ),
    Story(
        "ar_floods",
        "ar",
        "سيول جارفة تقطع الطرق في ثلاث ولايات وتجبر مئات الأسر على النزوح",
        (
            "قطعت سيول جارفة الطرق الرئيسية في ثلاث ولايات شرقي البلاد يوم السبت، وأجبرت مئات الأسر على"
            " مغادرة منازلها إلى مدارس حُوّلت إلى مراكز إيواء.",
            "وقال المتحدث باسم الدفاع المدني إن فرق الإنقاذ انتشلت سبعة أشخاص من المياه، وإن البحث جارٍ"
            " عن مفقودين في قرى نائية.",
            "وذكرت وكالة فرانس برس أن منسوب النهر ارتفع بأكثر من مترين خلال أربع وعشرين ساعة، وهو أعلى"
            " مستوى يسجل منذ عقد.",
        ),
        datetime(2020, 9, 5, 16, 50),
        ("AFP",),
    ),
    Story(
        "ar_metro",
        "ar",
        "تشغيل الخط الثالث للمترو تجريبياً بعد تأخر دام عامين",
        (
            "بدأ التشغيل التجريبي للخط الثالث من شبكة المترو صباح اليوم، بعد تأخر دام عامين بسبب نقص"
            " التمويل وتعثر أعمال الحفر في وسط المدينة.",
            "ويمتد الخط على مسافة اثنين وعشرين كيلومتراً ويضم سبع عشرة محطة، ويُتوقع أن ينقل نحو ثلاثمئة"
            " ألف راكب يومياً عند اكتماله.",
            "وقالت الشركة المشغلة إن سعر التذكرة سيبقى ثابتاً خلال الأشهر الثلاثة الأولى، على أن تُراجع"
            " التعرفة في نهاية العام.",
        ),
        datetime(2019, 10, 1, 8, 0),
    ),
    Story(
        "ar_olives",
        "ar",
        "توقعات بموسم زيتون قياسي وصادرات تتجاوز 300 ألف طن",
        (
            "توقعت وزارة الفلاحة أن يبلغ إنتاج زيت الزيتون هذا الموسم مستوى قياسياً، مع صادرات قد تتجاوز"
            " ثلاثمئة ألف طن لأول مرة.",
            "وأرجعت الوزارة الزيادة إلى الأمطار الغزيرة التي شهدها الربيع، وإلى دخول آلاف الهكتارات من"
            " الغراسات الجديدة طور الإنتاج.",
            "غير أن المزارعين يشكون من نقص اليد العاملة وارتفاع كلفة الجني، مطالبين بدعم حكومي لأسعار"
            " الأسمدة والمحروقات.",
        ),
        datetime(2019, 11, 25, 11, 20),
    ),
    Story(
        "ar_football",
        "ar",
        "المنتخب يتأهل إلى نصف النهائي بعد فوز مثير بركلات الترجيح",
        (
            "تأهل المنتخب الوطني إلى الدور نصف النهائي من البطولة العربية بعد فوزه على نظيره بركلات"
            " الترجيح، إثر تعادل الفريقين 2-2 في الوقتين الأصلي والإضافي.",
            "وتألق حارس المرمى في التصدي لركلتين، فيما سجل قائد الفريق الركلة الحاسمة وسط احتفالات"
            " آلاف المشجعين في المدرجات.",
            "وقال المدرب في المؤتمر الصحفي بعد المباراة إن لاعبيه أظهروا «روحاً قتالية عالية»، مؤكداً أن"
            " الفريق سيستعيد جاهزيته قبل المواجهة المقبلة.",
        ),
        datetime(2021, 12, 11, 22, 15),
    ),
    Story(
        "ar_fuel",
        "ar",
        "لجنة التسعير ترفع أسعار البنزين للمرة الثانية هذا العام",
        (
            "قررت لجنة تسعير المنتجات البترولية رفع سعر لتر البنزين بنسبة سبعة في المئة، في ثاني زيادة"
            " تقرها منذ مطلع العام الجاري.",
            "وبررت اللجنة قرارها بارتفاع أسعار خام برنت وكلفة الشحن، مشيرة إلى أن سعر السولار المستخدم في"
            " النقل العام سيبقى دون تغيير.",
            "وذكرت وكالة الأناضول أن طوابير طويلة تشكلت أمام محطات الوقود ليلة تطبيق القرار، بينما انتقد"
            " نواب في البرلمان توقيت الزيادة.",
        ),
        datetime(2022, 3, 4, 0, 45),
        ("Anadolu",),
    ),
    Story(
        "ar_exams",
        "ar",
        "إعلان نتائج الثانوية العامة ونسبة النجاح تبلغ 74 بالمئة",
        (
            "أعلنت وزارة التربية والتعليم نتائج امتحانات الثانوية العامة، وبلغت نسبة النجاح أربعة وسبعين"
            " في المئة مقارنة بسبعين في المئة العام الماضي.",
            "وأوضح الوزير أن الطلاب يمكنهم الاطلاع على النتائج عبر الموقع الإلكتروني للوزارة أو برسالة"
            " نصية، وأن باب التظلمات يفتح الأسبوع المقبل.",
            "وتصدرت طالبة من محافظة الجنوب قائمة الأوائل بمعدل 99.6، وقالت في اتصال هاتفي إنها تحلم"
            " بدراسة الطب.",
        ),
        datetime(2023, 7, 20, 12, 30),
    ),
]

EN = [
    Story(
        "en_port",
        "en",
        "Port authority opens new container terminal as trade rebounds",
        (
            "The port authority opened a new container terminal on Tuesday, doubling the harbour's capacity"
            " as shipping volumes recover from two years of disruption.",
            "Officials said the terminal can handle 1.2 million containers a year and was built with loans"
            " from three regional development banks.",
            "Freight rates on the route to southern Europe have fallen by a third since January, Reuters"
            " reported last week, citing industry data.",
        ),
        datetime(2022, 6, 14, 9, 30),
        ("Reuters",),
    ),
    Story(
        "en_drought",
        "en",
        "Farmers warn of poor harvest after driest winter in decades",
        (
            "Farmers in the country's grain belt warned on Monday that this year's wheat harvest could be the"
            " smallest in a generation after the driest winter on record.",
            "The agriculture ministry said reservoirs stood at 23 percent of capacity and that irrigation"
            " quotas would be cut for a second season.",
            "Prices of bread and animal feed have already risen sharply in local markets, traders told the"
            " Associated Press.",
        ),
        datetime(2021, 3, 15, 18, 50),
        ("AP",),
    ),
    Story(
        "en_museum",
        "en",
        "Restored museum reopens with a hall of newly found mosaics",
        (
            "The national museum reopened its doors on Saturday after a four-year restoration, unveiling a"
            " hall"
            " of Roman-era mosaics discovered during road works.",
            "Curators said the mosaics, which show hunting scenes and sea creatures, had been cleaned and"
            " reassembled from more than 40,000 fragments.",
            "Entry will be free for schoolchildren until the end of the year, the culture minister told"
            " reporters at the ceremony.",
        ),
        datetime(2019, 4, 6, 11, 0),
    ),
    Story(
        "en_election",
        "en",
        "Turnout low as voters choose new municipal councils",
        (
            "Turnout was below 30 percent in municipal elections held on Sunday, according to preliminary"
            " figures from the electoral commission.",
            "Candidates had campaigned mostly on rubbish collection, water cuts and the cost of public"
            " transport, issues that dominate daily life in the capital.",
            "Final results are expected by May 18, 2022, the commission said, adding that observers had"
            " reported no major violations at any of the 1,400 polling stations.",
        ),
        datetime(2022, 5, 15, 21, 10),
    ),
    Story(
        "en_quake",
        "en",
        "Moderate earthquake shakes coastal towns, no casualties reported",
        (
            "A moderate earthquake shook several coastal towns early on Thursday, sending residents into the"
            " streets but causing no casualties, officials said.",
            "The quake had a magnitude of 5.1 and struck at a depth of ten kilometres, the national"
            " seismology"
            " centre said in a statement.",
            "Schools in the area will stay closed on Friday while engineers inspect older buildings, the"
            " regional governor told Anadolu Agency.",
        ),
        datetime(2020, 2, 27, 7, 40),
        ("Anadolu",),
    ),
]

RU = [
    Story(
        "ru_bridge",
        "ru",
        "Новый мост через реку откроют для движения в декабре",
        (
            "Новый автомобильный мост через реку откроют для движения в декабре, сообщили в пятницу в"
            " региональном министерстве транспорта.",
            "Длина моста составляет почти два километра, строительство обошлось бюджету в 14 миллиардов"
            " рублей.",
            "По словам министра, после открытия переправы время в пути между двумя районами города"
            " сократится вдвое.",
        ),
        datetime(2021, 9, 10, 14, 20),
    ),
    Story(
        "ru_wildfires",
        "ru",
        "Площадь лесных пожаров в регионе сократилась вдвое",
        (
            "Площадь лесных пожаров в регионе за сутки сократилась почти вдвое, сообщили в понедельник в"
            " местной службе авиационной охраны лесов.",
            "В тушении огня участвуют более 600 человек и 12 самолетов, режим чрезвычайной ситуации"
            " пока не отменен.",
            "Ранее Интерфакс со ссылкой на спасателей сообщал, что угрозы населенным пунктам нет.",
        ),
        datetime(2019, 7, 29, 9, 5),
        ("Interfax",),
    ),
    Story(
        "ru_theatre",
        "ru",
        "Драматический театр откроет сезон премьерой по Чехову",
        (
            "Драматический театр откроет новый сезон премьерой спектакля по рассказам Чехова, рассказал"
            " художественный руководитель труппы.",
            "Декорации для постановки создавали в мастерских театра почти полгода, а музыку написал молодой"
            " композитор из Казани.",
            "Билеты на первые показы были распроданы за два дня, поэтому театр добавил еще три вечера.",
        ),
        datetime(2022, 8, 30, 18, 45),
    ),
    Story(
        "ru_grain",
        "ru",
        "Экспорт зерна за сезон может превысить прогноз",
        (
            "Экспорт зерна по итогам сезона может превысить официальный прогноз на несколько миллионов"
            " тонн, считают аналитики отраслевого союза.",
            "Урожай пшеницы в этом году оказался выше ожиданий благодаря теплой осени и дождливой весне.",
            "Как сообщало агентство Рейтер, покупатели из Северной Африки увеличили закупки после снижения"
            " цен в августе.",
        ),
        datetime(2020, 10, 2, 11, 30),
        ("Reuters",),
    ),
    Story(
        "ru_metro",
        "ru",
        "В городе открыли пять новых станций метро",
        (
            "В городе в субботу открыли пять новых станций метро, которые соединили спальные районы на"
            " севере с центром.",
            "По оценкам мэрии, новым участком будут ежедневно пользоваться около 200 тысяч пассажиров.",
            "Строительство линии продолжится: еще три станции планируют ввести в эксплуатацию до конца"
            " следующего года.",
        ),
        datetime(2023, 3, 18, 12, 0),
    ),
]
