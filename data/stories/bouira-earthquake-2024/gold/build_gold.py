#!/usr/bin/env python3
"""Builds the gold files of the Bouira earthquake story (an invented story, April 2024) from hand-written specs.

Same conventions as data/gold (see data/gold/README.md and this folder's README.md). Every span is located
by a context string in which the annotated text is marked with [ ]; the script checks the number of
occurrences and verifies text == file[start:end] (Python str indices = Unicode code points).

Run:  python3 build_gold.py
"""
import csv
import datetime as dt
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "corpus")

FILES = {
    "101": "101_levant_afp.txt",
    "102": "102_egypt_news.txt",
    "103": "103_algeria_daily.txt",
    "104": "104_spa_relief.txt",
}
sys.path.insert(0, os.path.join(HERE, "..", "..", ".."))
from goldspec import Spec  # noqa: E402  (data/goldspec.py: locating spans, collecting and writing rows)

SPEC = Spec(HERE, CORPUS, FILES)
TEXT, X, E, R, K = SPEC.text, SPEC.timexes, SPEC.events, SPEC.relations, SPEC.conflicts
locate, span_ref, q, write_csv = SPEC.locate, SPEC.span_ref, SPEC.q, SPEC.write_csv
tx, ev, rel, conflict = SPEC.tx, SPEC.ev, SPEC.rel, SPEC.conflict

A = "+01:00"  # Algeria: CET all year, no daylight saving
CAIRO = "+03:00"  # Egypt: summer time from Fri 2024-04-26






def refs(*pairs):
    return ";".join(span_ref(d, c) for d, c in pairs)


# ---------------------------------------------------------------------------------------------
# 1. Publication dates
# ---------------------------------------------------------------------------------------------
DOCS = [
    ("101", "2024-04-25",
     "metadata (2024-04-25T18:30+01:00); the text agrees: 'فجر اليوم الخميس', the cabinet meets 'مساء اليوم' "
     "(ahead), the toll is 'حتى الساعة الرابعة عصراً'. The photo caption's '26 نيسان' is wrong (conflict C01)."),
    ("102", "2024-04-28", "metadata; the text agrees: 'صباح اليوم الأحد', 'أمس السبت'."),
    ("103", "2024-04-30", "metadata; the text agrees: 'أمس الاثنين', 'اليوم الثلاثاء'."),
    ("104", "2024-04-28",
     "inferred (docs.csv leaves it blank): the SPA dateline 'الجزائر 19 شوال 1445 هـ' is 2024-04-28 "
     "(Umm al-Qura, Sunday); 'أمس السبت 18 شوال 1445هـ' agrees (Saturday 2024-04-27 = 18 Shawwal). "
     "High confidence."),
]
DCT = {d: p for d, p, _ in DOCS}
assert dt.date(2024, 4, 25).strftime("%A") == "Thursday"
assert dt.date(2024, 4, 28).strftime("%A") == "Sunday"
assert dt.date(2024, 4, 30).strftime("%A") == "Tuesday"

WD = {"الأحد": 6, "السبت": 5, "الجمعة": 4, "الخميس": 3, "الأربعاء": 2, "الثلاثاء": 1, "الاثنين": 0}

# ---------------------------------------------------------------------------------------------
# 2. Temporal expressions
# ---------------------------------------------------------------------------------------------




# ---- 101 (Levantine wording via AFP; DCT Thursday 2024-04-25, 18:30) -------------------------------
tx("101", "ضرب [فجر اليوم الخميس] ولاية", "TIME", "2024-04-25TMO", "dct",
   "dawn (فجر = TMO) of today, Thursday; the weekday agrees with the DCT")
tx("101", "وقعت عند [الساعة 3:17 فجراً بالتوقيت المحلي] (", "TIME", "2024-04-25T03:17", "dct",
   "local time; 'عند' is a signal")
tx("101", "([2:17 بتوقيت غرينتش])", "TIME", "2024-04-25T02:17", "dct",
   "the same instant in GMT; the value keeps the clock as written, like the grammar's other zone examples")
tx("101", "ما تبقى من [الليل] في العراء", "TIME", "2024-04-24TNI", "event",
   "the rest of the night the quake (03:17 Thu) broke: the night of Wed 24 running into Thu 25")
tx("101", "انتشلت حتى [الساعة الرابعة عصراً] 37", "TIME", "2024-04-25T16:00", "dct", "'حتى' is a signal")
tx("101", "سُجّلت خلال [الساعات الست الأولى] التي", "DURATION", "PT6H", "event",
   "the first six hours after the quake (03:17-09:17)")
tx("101", "إلى [نحو ثماني ساعات] للوصول", "DURATION", "PT8H", "event",
   "time rescuers needed to reach the village, counted from the quake", mod="APPROX")
tx("101", "الوطني لمدة [ثلاثة أيام] اعتباراً", "DURATION", "P3D", "explicit",
   "length of the national mourning (disagrees with 103's four days, conflict C02)")
tx("101", "اعتباراً من [اليوم]، وتنكيس", "DATE", "2024-04-25", "dct", "'اعتباراً من' is a signal")
tx("101", "استثنائياً [مساء اليوم] لبحث", "TIME", "2024-04-25TEV", "dct", "scheduled (من المقرر)")
tx("101", "التعزية منذ [الصباح]، فيما", "TIME", "2024-04-25TMO", "dct",
   "'since the morning' of the DCT day; 'منذ' is a signal")
tx("101", "المنطقة [الأسبوع المقبل] بطلب", "DATE", "2024-W18", "dct", "next week: 29 April - 5 May 2024")
tx("101", "إن \"[الساعات الـ72 المقبلة] حاسمة", "DURATION", "PT72H", "dct",
   "the coming 72 hours, counted from the interview (same day)")
tx("101", "بعد انقضاء [الأيام الثلاثة الأولى].", "DURATION", "P3D", "event", "generic: the first three days after a quake")
tx("101", "قد شهدت [قبل نحو ثلاثة أشهر] هزة", "DATE", "2024-01", "dct",
   "'about three months ago' from the DCT (TimeML includes 'ago'); 103 dates that tremor 14 January 2024 "
   "(3 months 11 days earlier), which fits 'about'", mod="APPROX")
tx("101", "قد أطلقت [أواخر العام الماضي] برنامجاً", "DATE", "2023", "dct", "late 2023", mod="END")
tx("101", "بومرداس في [21 أيار/مايو 2003] قد", "DATE", "2003-05-21", "explicit", "Levantine/Egyptian pair")
tx("101", "(الشلف [حالياً])", "DATE", "PRESENT_REF", "dct", "'(now) Chlef': present reference")
tx("101", "حالياً) في [10 تشرين الأول/أكتوبر 1980] جزءاً", "DATE", "1980-10-10", "explicit")
tx("101", "الأخضرية، [الخميس 26 نيسان/أبريل 2024] (أ ف ب)", "DATE", "2024-04-26", "explicit",
   "weekday/date mismatch: 26 April 2024 was a Friday; the caption belongs to the Thursday DCT. The value keeps "
   "the explicit day (conflict C01)")

# ---- 102 (Egyptian wording; DCT Sunday 2024-04-28) ------------------------------------------------
tx("102", "أقلعت [صباح اليوم الأحد] من", "TIME", "2024-04-28TMO", "dct")
tx("102", "شمالي البلاد [فجر الخميس الماضي].", "TIME", "2024-04-25TMO", "dct", "last Thursday's dawn")
tx("102", "في تمام [الساعة التاسعة صباحاً بتوقيت القاهرة]، وتحمل", "TIME", "2024-04-28T09:00", "dct",
   "Cairo time (UTC+3 since Egypt's summer time began on Fri 2024-04-26) = 07:00 in Algiers; "
   "'في تمام' ('at exactly') is a signal")
tx("102", "الدولي في غضون [ساعات].", "DURATION", "PTXH", "dct", "'في غضون' = within; vague hours")
tx("102", "الجزائر [مساء الجمعة]، وعلى", "TIME", "2024-04-26TEV", "dct", "past perfect (كانت ... قد وصلت)")
tx("102", "هاتفياً [أمس السبت] بنظيره", "DATE", "2024-04-27", "dct")
tx("102", "متخصصة خلال [24 ساعة] إذا", "DURATION", "PT24H", "explicit", "'خلال' is a signal")
tx("102", "ووقع في [25 أبريل الجاري]، إلى", "DATE", "2024-04-25", "dct", "'الجاري' = of the current month")
tx("102", "وبعد [ثلاثة أيام] من الزلزال الرئيسي", "DURATION", "P3D", "event",
   "'three days after the main quake' - but the same sentence says Saturday evening, 2 days 18 hours after "
   "Thursday 03:17 (conflict C03)")
tx("102", "المنطقة نفسها [مساء السبت]، ما", "TIME", "2024-04-27TEV", "dct")
tx("102", "الوطني [ثلاثة أيام]، انتهى", "DURATION", "P3D", "explicit", "mourning (conflict C02)")
tx("102", "انتهى [أمس]، فيما", "DATE", "2024-04-27", "dct", "the last day of the mourning: Saturday")
tx("102", "العاصمة [يوم 2 مايو المقبل] مؤتمراً", "DATE", "2024-05-02", "dct", "a Thursday")
tx("102", "زلزال [12 أكتوبر 1992] الذي", "DATE", "1992-10-12", "explicit")
tx("102", "مصر منذ [أكثر من ثلاثين عاماً].", "DURATION", "P30Y", "dct",
   "'for more than thirty years' up to now; 'منذ' is a signal", mod="MORE_THAN")
tx("102", "تلفزيونية [مساء أمس] إن", "TIME", "2024-04-27TEV", "dct")
tx("102", "الزلزال بعد [نحو دقيقتين] من وقوعه", "DURATION", "PT2M", "event", "after the quake", mod="APPROX")

# ---- 103 (Algerian wording; DCT Tuesday 2024-04-30) -----------------------------------------------
tx("103", "أولى الشاليهات [منتصف ماي]\n", "DATE", "2024-05", "dct", "headline; mid-May (Maghrebi ماي)", mod="MID")
tx("103", "انطلقت، [أمس الاثنين]، عمليات", "DATE", "2024-04-29", "dct")
tx("103", "وذلك [غداة] إعلان", "DATE", "2024-04-29", "event",
   "the day after the civil protection's announcement of Sunday evening: Monday")
tx("103", "المدنية، [مساء الأحد]، انتهاء", "TIME", "2024-04-28TEV", "dct")
tx("103", "بعد [نحو 88 ساعة] من العمل", "DURATION", "PT88H", "event",
   "88 h of work from the quake (Thu 03:17) ends Sun ~19:17, in the Sunday evening", mod="APPROX")
tx("103", "ميدانية قادته [أمس] إلى", "DATE", "2024-04-29", "dct")
tx("103", "المنكوبة [منتصف ماي]، على", "DATE", "2024-05", "dct", "mid-May", mod="MID")
tx("103", "في غضون [ستة أشهر]، أي", "DURATION", "P6M", "dct", "'في غضون' = within")
tx("103", "أي قبل [نهاية السنة الجارية].", "DATE", "2024", "dct", "end of the current year", mod="END")
tx("103", "الولاية على [الساعة الثالثة و17 دقيقة فجرا من يوم الخميس 25 أفريل]، مخلفا", "TIME",
   "2024-04-25T03:17", "explicit",
   "one expression: clock time, part of day and date; Maghrebi 'على الساعة' ('على' is a signal); أفريل")
tx("103", "المنكوبة [غداة] الزلزال", "DATE", "2024-04-26", "event", "the day after the quake: Friday")
tx("103", "الاستثنائي [مساء الخميس]، على", "TIME", "2024-04-25TEV", "dct", "past perfect; Thursday 25")
tx("103", "الهلع [مساء السبت الماضي]، على", "TIME", "2024-04-27TEV", "dct")
tx("103", "الماضي، على [الساعة 21:40]، إثر", "TIME", "2024-04-27T21:40", "narrative",
   "the clock time belongs to the Saturday evening just named, not to the DCT")
tx("103", "المنطقة [هذا العام]، بعد", "DATE", "2024", "dct")
tx("103", "سجلت [يوم 14 جانفي الماضي] دون", "DATE", "2024-01-14", "dct", "Maghrebi جانفي; a Sunday")
tx("103", "دام [أربعة أيام]، نكست", "DURATION", "P4D", "explicit",
   "four days of mourning - 101 and 102 say three (conflict C02)")
tx("103", "الوطن [يوم الجمعة].", "DATE", "2024-04-26", "dct", "Friday prayer during the mourning")
tx("103", "المتضررة لمدة [أسبوع] ابتداء", "DURATION", "P1W", "explicit", "'لمدة' is a signal")
tx("103", "الدراسة [يوم الأحد 5 ماي]، بعد", "DATE", "2024-05-05", "explicit", "weekday agrees (Sunday)")
tx("103", "المحدد من [9] إلى 13 جوان", "DATE", "2024-06-09", "dct",
   "a range of days is two timexes, one per member, as every coordination ('من' and 'إلى' are signals "
   "outside); the first takes its month and year from the last (Maghrebi جوان)")
tx("103", "إلى [13 جوان المقبل].", "DATE", "2024-06-13", "dct", "the range's last member; 'المقبل' kept in the span")
tx("103", "العاصمة [الخميس المقبل]، على", "DATE", "2024-05-02", "dct", "next Thursday; 102 says 2 May, agrees")
tx("103", "للحكومة [عشية] المؤتمر", "DATE", "2024-05-01", "event", "the eve of the conference (Thu 2 May)")
tx("103", "الولاية [اليوم الثلاثاء] قافلة", "DATE", "2024-04-30", "dct")
tx("103", "بومرداس في [21 ماي 2003]، الذي", "DATE", "2003-05-21", "explicit", "Maghrebi ماي")
tx("103", "بعد [أكثر من عقدين] على صدور", "DURATION", "P2DE", "event",
   "'more than two decades after the law was issued'", mod="MORE_THAN")

# ---- 104 (Saudi Press Agency style; no publication date in docs.csv: inferred 2024-04-28) -------------
tx("104", "الجزائر [19 شوال 1445 هـ] (واس)", "DATE", "2024-04-28", "explicit",
   "dateline: 19 Shawwal 1445 = Sunday 2024-04-28 (Umm al-Qura)")
tx("104", "العاصمة [ظهر اليوم]، الطائرة", "TIME", "2024-04-28TMI", "dct", "midday of the (inferred) DCT; ظهر = TMI, the convention of ../shared/stories")
tx("104", "الشعبية [فجر الخميس 16 شوال 1445هـ الموافق 25 أبريل 2024م].", "TIME", "2024-04-25TMO", "explicit",
   "part of day + Hijri date + الموافق + Gregorian date: one expression; 16 Shawwal 1445 = 25 April 2024, "
   "a Thursday: all three agree")
tx("104", "قد وصلت [أمس السبت 18 شوال 1445هـ]، فيما", "DATE", "2024-04-27", "dct",
   "yesterday, Saturday, 18 Shawwal 1445: all agree with the dateline")
tx("104", "الثانية في [ساعة متأخرة من مساء أمس]، بالتزامن", "TIME", "2024-04-27TEV", "dct",
   "late on Saturday evening; the aftershock (21:40 per 103) fits")
tx("104", "سيستمر لمدة [عشرة أيام] بمعدل", "DURATION", "P10D", "explicit", "'لمدة' is a signal")
tx("104", "طائرة واحدة [يومياً]، إضافة", "SET", "P1D", "explicit", "daily")
tx("104", "تنطلق خلال [الأيام القليلة المقبلة]، مشيراً", "DURATION", "PXD", "dct", "the next few days: a vague duration from the DCT, as the real stories (الساعات الماضية، الأيام التالية) and TimeBank annotate it")
tx("104", "الميدانية لمدة [أسبوعين].", "DURATION", "P2W", "explicit")
tx("104", "وزع خلال [شهر رمضان] المبارك", "DATE", "H1445-09", "dct",
   "the Ramadan just past (March-April 2024); a Hijri month without a day keeps the Hijri calendar")
tx("104", "المبارك و[عيد الفطر] أكثر", "DATE", "2024-04-10", "dct",
   "Eid al-Fitr 1445 = 1 Shawwal 1445 = 2024-04-10 (Umm al-Qura); a holiday name is a date")
tx("104", "منذ إنشائه [عام 2015] أكثر", "DATE", "2015", "explicit")
tx("104", "منذ [الساعات الأولى] للكارثة", "TIME", "2024-04-25TMO", "event",
   "'since the first hours of the disaster': the morning of Thursday 25 April")


# ---------------------------------------------------------------------------------------------
# 3. Events
# ---------------------------------------------------------------------------------------------




def day(d, z=A):
    s = dt.date.fromisoformat(d)
    return f"{s}T00:00{z}", f"{s + dt.timedelta(days=1)}T00:00{z}"


ev("E01", "Magnitude 5.9 earthquake strikes Bouira province", "زلزال بقوة 5.9 درجات يضرب ولاية البويرة",
   "disaster", f"2024-04-25T03:17{A}", f"2024-04-25T03:17{A}", "instant",
   refs(("101", "جراء [زلزال بقوة 5.9 درجات على مقياس ريختر ضرب فجر اليوم الخميس ولاية البويرة]"),
        ("101", "وأفاد مركز البحث في علم الفلك والفيزياء الفلكية والجيوفيزياء بأن [الهزة وقعت عند الساعة 3:17 فجراً]"),
        ("102", "[الزلزال الذي ضرب ولاية البويرة شمالي البلاد فجر الخميس الماضي]"),
        ("103", "وكان [زلزال بقوة 5.9 درجات قد ضرب الولاية على الساعة الثالثة و17 دقيقة فجرا]"),
        ("104", "المتضررين من [الزلزال الذي ضرب ولاية البويرة شمال الجمهورية الجزائرية الديمقراطية الشعبية فجر الخميس]")),
   "03:17 local (02:17 GMT) on Thursday 25 April 2024 (101, 103); 104 gives 16 Shawwal 1445 = 25 April. "
   "101's caption says 'الخميس 26 نيسان' (conflict C01).",
   f"2024-04-25T03:17{A}", f"2024-04-25T03:17{A}", f"2024-04-25T03:17{A}", f"2024-04-25T03:17{A}")
ev("E02", "Strongest aftershock (magnitude 4.9)", "هزة ارتدادية بقوة 4.9 درجات", "disaster",
   f"2024-04-27T21:40{A}", f"2024-04-27T21:40{A}", "instant",
   refs(("102", "[ضربت هزة ارتدادية بقوة 4.9 درجة المنطقة نفسها مساء السبت]"),
        ("103", "إثر [هزة ارتدادية بقوة 4.9 درجات]"),
        ("104", "بالتزامن مع [الهزة الارتدادية القوية التي شهدتها المنطقة]")),
   "Saturday 27 April at 21:40 (103); 'مساء السبت' (102), 'مساء أمس' in 104 (with the inferred DCT). 102 also "
   "says 'three days after the main quake' (conflict C03).",
   f"2024-04-27T21:40{A}", f"2024-04-27T21:40{A}", f"2024-04-27T21:40{A}", f"2024-04-27T21:40{A}")
ev("E03", "Extraordinary cabinet meeting adopts an emergency plan", "اجتماع استثنائي لمجلس الوزراء",
   "meeting", "2024-04-25", "2024-04-25", "evening",
   refs(("101", "أن يعقد مجلس الوزراء [اجتماعاً استثنائياً مساء اليوم]"),
        ("103", "بعد أن صادق مجلس الوزراء، [في اجتماعه الاستثنائي مساء الخميس]")),
   "Thursday evening (scheduled in 101, past in 103)",
   f"2024-04-25T18:00{A}", f"2024-04-26T00:00{A}", f"2024-04-25T18:00{A}", f"2024-04-26T00:00{A}")
ev("E04", "National mourning", "الحداد الوطني", "mourning", "2024-04-25", "2024-04-27", "interval",
   refs(("101", "وأعلنت الرئاسة الجزائرية [الحداد الوطني لمدة ثلاثة أيام اعتباراً من اليوم]"),
        ("102", "وكانت الجزائر قد أعلنت [الحداد الوطني ثلاثة أيام، انتهى أمس]"),
        ("103", "وكانت البلاد قد عاشت [حدادا وطنيا دام أربعة أيام]")),
   "three days from Thursday 25 (101) ending Saturday 27 (102 'انتهى أمس'); 103 says four days (conflict C02). "
   "Two sources and an end date agree on three.",
   *day("2024-04-25"), *day("2024-04-27"))
ev("E05", "The president visits the stricken area", "زيارة رئيس الجمهورية للمنطقة المنكوبة", "visit",
   "2024-04-26", "2024-04-26", "day",
   refs(("103", "وقد [زار رئيس الجمهورية المنطقة المنكوبة غداة الزلزال]")),
   "'غداة الزلزال' = the day after the quake (Thu 25) -> Friday 26 April (inference through E01)",
   *day("2024-04-26"), *day("2024-04-26"))
ev("E06", "Search and rescue operations", "عمليات البحث والإنقاذ", "rescue",
   f"2024-04-25T03:17{A}", "2024-04-28", "interval",
   refs(("101", "موضحة أن [فرقها انتشلت حتى الساعة الرابعة عصراً 37 جثة]"),
        ("102", "فيما [تتواصل عمليات البحث عن المفقودين لليوم الرابع على التوالي]"),
        ("103", "مساء الأحد، [انتهاء عمليات البحث والإنقاذ]")),
   "from the quake (Thursday 03:17) to the announcement on Sunday evening, 'after about 88 hours' "
   "(Thu 03:17 + 88 h = Sun 19:17); 102 'the fourth day in a row' on Sunday agrees",
   f"2024-04-25T03:17{A}", f"2024-04-25T12:00{A}", f"2024-04-28T18:00{A}", f"2024-04-29T00:00{A}")
ev("E07", "Civil protection announces the end of search operations", "إعلان انتهاء عمليات البحث والإنقاذ",
   "statement", "2024-04-28", "2024-04-28", "evening",
   refs(("103", "غداة [إعلان المديرية العامة للحماية المدنية، مساء الأحد، انتهاء عمليات البحث والإنقاذ]")),
   "Sunday evening",
   f"2024-04-28T18:00{A}", f"2024-04-29T00:00{A}", f"2024-04-28T18:00{A}", f"2024-04-29T00:00{A}")
ev("E08", "Technical assessment of damaged housing begins; housing minister visits Lakhdaria",
   "انطلاق الخبرة التقنية للسكنات المتضررة وزيارة وزير السكن", "investigation", "2024-04-29", "", "day",
   refs(("103", "[انطلقت، أمس الاثنين، عمليات الخبرة التقنية للسكنات المتضررة]"),
        ("103", "وأوضح وزير السكن، خلال [زيارة ميدانية قادته أمس إلى بلدية الأخضرية]")),
   "Monday 29 April ('أمس الاثنين', and 'غداة' the Sunday-evening announcement); open-ended",
   *day("2024-04-29"), "", "")
ev("E09", "First Egyptian aid plane arrives in Algeria", "وصول الطائرة المصرية الأولى", "visit",
   "2024-04-26", "2024-04-26", "evening",
   refs(("102", "وكانت [الطائرة الأولى قد وصلت إلى الجزائر مساء الجمعة]")),
   "Friday evening (102's zone of reference is ambiguous; read as local evening)",
   f"2024-04-26T18:00{A}", f"2024-04-27T00:00{A}", f"2024-04-26T18:00{A}", f"2024-04-27T00:00{A}")
ev("E10", "Second Egyptian aid plane takes off from Cairo", "إقلاع طائرة المساعدات المصرية الثانية", "aid",
   f"2024-04-28T09:00{CAIRO}", f"2024-04-28T09:00{CAIRO}", "instant",
   refs(("102", "[أقلعت صباح اليوم الأحد من قاعدة شرق القاهرة الجوية طائرة عسكرية مصرية]"),
        ("102", "وقال المتحدث العسكري في بيان إن [الطائرة أقلعت في تمام الساعة التاسعة صباحاً بتوقيت القاهرة]")),
   "09:00 Cairo summer time (UTC+3) = 07:00 in Algiers",
   f"2024-04-28T09:00{CAIRO}", f"2024-04-28T09:00{CAIRO}", f"2024-04-28T09:00{CAIRO}", f"2024-04-28T09:00{CAIRO}")
ev("E11", "Egyptian foreign minister phones his Algerian counterpart", "اتصال هاتفي بين وزيري خارجية مصر والجزائر",
   "statement", "2024-04-27", "2024-04-27", "day",
   refs(("102", "قد [أجرى اتصالاً هاتفياً أمس السبت بنظيره الجزائري]")), "Saturday",
   *day("2024-04-27"), *day("2024-04-27"))
ev("E12", "International reconstruction conference in Algiers", "المؤتمر الدولي لدعم إعادة الإعمار", "meeting",
   "2024-05-02", "2024-05-02", "day",
   refs(("102", "العاصمة يوم 2 مايو المقبل [مؤتمراً دولياً لدعم إعادة إعمار المناطق المتضررة]"),
        ("103", "أمام [المؤتمر الدولي لدعم إعادة الإعمار الذي تحتضنه العاصمة الخميس المقبل]")),
   "Thursday 2 May 2024: '2 مايو المقبل' (102) and 'الخميس المقبل' from Tuesday 30 April (103) agree",
   *day("2024-05-02"), *day("2024-05-02"))
ev("E13", "Expert committee hands its final report to the government", "تسليم لجنة الخبراء تقريرها النهائي",
   "report", "2024-05-01", "2024-05-01", "day",
   refs(("103", "على أن [تسلم لجنة الخبراء تقريرها النهائي للحكومة عشية المؤتمر]")),
   "'عشية المؤتمر' = the eve of the conference (E12, Thu 2 May) -> Wednesday 1 May (inference chain: DCT -> "
   "'الخميس المقبل' -> عشية)",
   *day("2024-05-01"), *day("2024-05-01"))
ev("E14", "Earlier magnitude 4.1 tremor in the same area", "هزة سابقة بقوة 4.1 درجات", "disaster",
   "2024-01-14", "2024-01-14", "day",
   refs(("101", "قد شهدت قبل نحو ثلاثة أشهر [هزة بقوة 4.1 درجات لم تخلّف ضحايا]"),
        ("103", "بعد [هزة بقوة 4.1 درجات سجلت يوم 14 جانفي الماضي]")),
   "14 January 2024 (103); 101 'about three months ago' agrees",
   *day("2024-01-14"), *day("2024-01-14"))
ev("E15", "Boumerdes earthquake", "زلزال بومرداس", "disaster", "2003-05-21", "2003-05-21", "day",
   refs(("101", "وكان [زلزال بومرداس في 21 أيار/مايو 2003]"), ("103", "منذ [زلزال بومرداس في 21 ماي 2003]")),
   "21 May 2003 (evening, 19:44 local, outside knowledge not needed)", *day("2003-05-21"), *day("2003-05-21"))
ev("E16", "El Asnam (Chlef) earthquake", "زلزال الأصنام", "disaster", "1980-10-10", "1980-10-10", "day",
   refs(("101", "فيما دمّر [زلزال الأصنام (الشلف حالياً) في 10 تشرين الأول/أكتوبر 1980]")),
   "10 October 1980", *day("1980-10-10"), *day("1980-10-10"))
ev("E17", "Cairo earthquake", "زلزال القاهرة", "disaster", "1992-10-12", "1992-10-12", "day",
   refs(("102", "[زلزال 12 أكتوبر 1992 الذي ضرب القاهرة]")), "12 October 1992 (Cairo time)",
   *day("1992-10-12", "+02:00"), *day("1992-10-12", "+02:00"))
ev("E18", "UN disaster assessment team travels to the area", "توجه فريق أممي لتقييم الكوارث", "visit",
   "2024-W18", "2024-W18", "week",
   refs(("101", "أن [فريقاً لتقييم الكوارث سيتوجه إلى المنطقة الأسبوع المقبل]")),
   "next week from Thursday 25 April: Monday 29 April - Sunday 5 May",
   f"2024-04-29T00:00{A}", f"2024-05-06T00:00{A}", f"2024-04-29T00:00{A}", f"2024-05-06T00:00{A}")
ev("E19", "Schools in the affected municipalities closed", "غلق المؤسسات التربوية", "closure",
   "2024-04-25", "2024-05-05", "interval",
   refs(("103", "قررت الوزارة [غلق المؤسسات التربوية بالبلديات المتضررة لمدة أسبوع ابتداء من تاريخ الزلزال]"),
        ("103", "على أن [تستأنف الدراسة يوم الأحد 5 ماي]")),
   "from the day of the quake (Thu 25) for a (school) week; classes resume Sunday 5 May",
   *day("2024-04-25"), *day("2024-05-05"))
ev("E20", "Delivery of the first prefabricated homes (chalets) begins", "بدء تسليم الشاليهات الأولى",
   "aid", "2024-05", "", "vague",
   refs(("103", "ستشرع في [تسليم أولى الشاليهات للعائلات المنكوبة منتصف ماي]")),
   "planned for mid-May 2024 (mid = 11-20 May); rehousing of all families within six months, before the end of 2024",
   f"2024-05-11T00:00{A}", f"2024-05-21T00:00{A}", "", "")
ev("E21", "First Saudi relief plane lands in Algiers", "وصول الطائرة الإغاثية السعودية الأولى", "aid",
   "2024-04-27", "2024-04-27", "day",
   refs(("104", "وكانت [الطائرة الأولى قد وصلت أمس السبت 18 شوال 1445هـ]")),
   "Saturday 27 April = 18 Shawwal 1445 (via the inferred DCT and the explicit Hijri date)",
   *day("2024-04-27"), *day("2024-04-27"))
ev("E22", "Second Saudi relief plane lands", "هبوط الطائرة الإغاثية السعودية الثانية", "aid",
   "2024-04-27", "2024-04-27", "evening",
   refs(("104", "فيما [هبطت الطائرة الثانية في ساعة متأخرة من مساء أمس]")),
   "late Saturday evening, at the time of the aftershock (21:40, E02)",
   f"2024-04-27T18:00{A}", f"2024-04-28T00:00{A}", f"2024-04-27T18:00{A}", f"2024-04-28T00:00{A}")
ev("E23", "Third Saudi relief plane lands in Algiers", "وصول الطائرة الإغاثية السعودية الثالثة", "aid",
   "2024-04-28T12:00+01:00", "2024-04-28T12:00+01:00", "instant",
   refs(("104", "[وصلت إلى مطار هواري بومدين الدولي بالجزائر العاصمة ظهر اليوم]")),
   "noon ('ظهر اليوم') of the inferred DCT, Sunday 28 April; taken as 12:00-15:00 local (early afternoon)",
   f"2024-04-28T12:00{A}", f"2024-04-28T15:00{A}", f"2024-04-28T12:00{A}", f"2024-04-28T15:00{A}")
ev("E24", "Saudi air bridge (one plane a day for ten days)", "الجسر الجوي السعودي", "aid",
   "2024-04-27", "2024-05-06", "interval",
   refs(("104", "[الجسر الجوي سيستمر لمدة عشرة أيام بمعدل طائرة واحدة يومياً]")),
   "from the first plane (Sat 27 April) for ten days: to about Monday 6 May",
   *day("2024-04-27"), f"2024-05-06T00:00{A}", f"2024-05-07T00:00{A}")
ev("E25", "Ramadan 1445 relief campaign of KSrelief", "توزيع سلال غذائية خلال رمضان وعيد الفطر", "aid",
   "2024-03-11", "2024-04-10", "interval",
   refs(("104", "وكان المركز قد [وزع خلال شهر رمضان المبارك وعيد الفطر أكثر من 20 ألف سلة غذائية]")),
   "Ramadan 1445 = 11 March - 9 April 2024 (Umm al-Qura), Eid al-Fitr = 10 April",
   "2024-03-11T00:00+03:00", "2024-04-11T00:00+03:00", "2024-03-11T00:00+03:00", "2024-04-13T00:00+03:00")
ev("E26", "Funeral prayer in absentia in all mosques", "صلاة الغائب على أرواح الضحايا", "ceremony",
   "2024-04-26", "2024-04-26", "day",
   refs(("103", "فيما [أقيمت صلاة الغائب على أرواح الضحايا في جميع مساجد الوطن يوم الجمعة]")),
   "Friday 26 April, during the mourning", *day("2024-04-26"), *day("2024-04-26"))

# ---------------------------------------------------------------------------------------------
# 4. Relations
# ---------------------------------------------------------------------------------------------




rel("E05", "AFTER", "E01", "P1D", "", "103", "[زار رئيس الجمهورية المنطقة المنكوبة غداة الزلزال]",
    "'غداة' = the day after")
rel("E08", "AFTER", "E07", "P1D", "", "103",
    "[عمليات الخبرة التقنية للسكنات المتضررة من زلزال البويرة، حيث جندت وزارة السكن والعمران والمدينة أكثر من 300 مهندس من هيئة المراقبة التقنية للبناء لمعاينة البنايات في البلديات الخمس الأكثر تضررا، وذلك غداة إعلان المديرية العامة للحماية المدنية]",
    "'غداة' = the day after")
rel("E06", "ENDS", "E07", "", "", "103", "[إعلان المديرية العامة للحماية المدنية، مساء الأحد، انتهاء عمليات البحث والإنقاذ]",
    "the announcement marks the end of the operations")
rel("E06", "AFTER", "E01", "PT88H", "APPROX", "103", "[انتشال آخر ضحية من تحت الأنقاض بقرية آيت يحيى، بعد نحو 88 ساعة من العمل المتواصل]",
    "88 hours of work counted from the quake: the operations end ~88 h after E01")
rel("E03", "BEFORE", "E05", "", "", "103", "حيث أشرف على اجتماع تنسيقي بمقر الولاية وأمر بتسخير كل الإمكانيات لإيواء المتضررين، [بعد أن صادق مجلس الوزراء، في اجتماعه الاستثنائي مساء الخميس]",
    "'بعد أن' = after")
rel("E02", "AFTER", "E01", "P3D", "", "102", "[وبعد ثلاثة أيام من الزلزال الرئيسي، ضربت هزة ارتدادية]",
    "stated offset disagrees with 'مساء السبت' in the same sentence (C03)")
rel("E02", "AFTER", "E01", "", "", "103", "[وهي أقوى هزة ارتدادية تسجل منذ الزلزال الرئيسي]", "")
rel("E13", "BEFORE", "E12", "P1D", "", "103", "[تسلم لجنة الخبراء تقريرها النهائي للحكومة عشية المؤتمر]",
    "'عشية' = the eve (day before)")
rel("E22", "SIMULTANEOUS", "E02", "", "", "104", "[هبطت الطائرة الثانية في ساعة متأخرة من مساء أمس، بالتزامن مع الهزة الارتدادية]",
    "'بالتزامن مع' = at the same time as")
rel("E21", "BEGINS", "E24", "", "", "104", "[وكانت الطائرة الأولى قد وصلت أمس السبت]",
    "the first plane opens the air bridge")
rel("E14", "BEFORE", "E01", "P3M", "APPROX", "101", "[قد شهدت قبل نحو ثلاثة أشهر هزة بقوة 4.1 درجات]",
    "'about three months ago' (from the DCT, the quake's day)")
rel("E14", "BEFORE", "E01", "", "", "103", "[ثاني هزة قوية تضرب المنطقة هذا العام، بعد هزة بقوة 4.1 درجات]",
    "the quake comes 'after' the January tremor")
rel("E19", "BEGINS", "E01", "", "", "103", "[لمدة أسبوع ابتداء من تاريخ الزلزال]",
    "the closure starts on the day of the quake (strictly: E01 falls on the closure's first day)")
rel("E26", "IS_INCLUDED", "E04", "", "", "103", "[نكست خلاله الأعلام على كافة المباني الرسمية، فيما أقيمت صلاة الغائب]",
    "during the mourning ('خلاله', 'فيما')")

# ---------------------------------------------------------------------------------------------
# 5. Conflicts
# ---------------------------------------------------------------------------------------------






assert dt.date(2024, 4, 26).strftime("%A") == "Friday"
conflict("C01", "weekday_date_mismatch", "101",
         [q("101", "الأخضرية، [الخميس 26 نيسان/أبريل 2024] (أ ف ب)"), q("101", "ضرب [فجر اليوم الخميس] ولاية")],
         "26 April 2024 was a Friday. The caption belongs to a Thursday dispatch about the quake 'فجر اليوم "
         "الخميس' (25 April, confirmed by 103 '25 أفريل' and 104 '16 شوال 1445هـ الموافق 25 أبريل 2024م'), so the "
         "day number is wrong: E01 = 2024-04-25. The timex keeps its explicit value 2024-04-26 and is flagged.",
         "high")
conflict("C02", "cross_doc_disagreement", "101;102;103",
         [q("101", "الوطني لمدة [ثلاثة أيام] اعتباراً"), q("102", "الوطني [ثلاثة أيام]، انتهى"),
          q("103", "دام [أربعة أيام]، نكست")],
         "101 and 102 give three days of mourning from Thursday 25 (ending Saturday 27, 102 'انتهى أمس'); 103 "
         "says four. Keep three days (two sources plus a stated end date): E04 = 25-27 April.", "high")
conflict("C03", "factual", "102;103",
         [q("102", "وبعد [ثلاثة أيام] من الزلزال الرئيسي"), q("102", "المنطقة نفسها [مساء السبت]، ما"),
          q("103", "الماضي، على [الساعة 21:40]، إثر")],
         "Thursday 03:17 + 3 days is Sunday 03:17, but the aftershock was Saturday 21:40 (2 days 18 h later), as "
         "102 itself says. Loose counting (the third day); keep E02 at Saturday 21:40.", "low")

# ---------------------------------------------------------------------------------------------
# writing and checking
# ---------------------------------------------------------------------------------------------


D = r"\d{4}(-\d{2}(-\d{2}(T(\d{2}(:\d{2})?|MO|MI|AF|EV|NI))?)?|-W\d{2})?"
TIMEX_RE = re.compile(
    rf"^({D}|{D}/{D}|H\d{{4}}(-\d{{2}})?|PRESENT_REF|PAST_REF|FUTURE_REF|"
    r"P(\d+|X)(Y|M|W|D|DE)|PT(\d+|X)(H|M|S))$")


def main():
    write_csv("docs.csv", ["doc", "file", "published_at", "published_at_basis"],
              [(d, FILES[d], p, b) for d, p, b in DOCS])
    rows = []
    for doc, ctx, typ, value, anchor, mod, note, expect in X:
        assert typ in ("DATE", "TIME", "DURATION", "SET"), typ
        assert anchor in ("dct", "explicit", "event", "narrative"), anchor
        assert TIMEX_RE.match(value), value
        is_duration_value = value.startswith("P") and not value.endswith("_REF")
        assert (typ in ("DURATION", "SET")) == is_duration_value, (typ, value)
        for s, e, t in locate(doc, ctx, expect):
            rows.append(dict(doc=doc, start=s, end=e, text=t, type=typ, value=value, anchor=anchor,
                             mod=mod, note=note))
    rows.sort(key=lambda r: (r["doc"], r["start"]))
    for a, b in zip(rows, rows[1:]):
        if a["doc"] == b["doc"]:
            assert a["end"] <= b["start"], ("overlap", a, b)
    for r in rows:
        for w, wd in WD.items():
            if w in r["text"] and re.match(r"\d{4}-\d{2}-\d{2}", r["value"]):
                real = dt.date.fromisoformat(r["value"][:10]).weekday()
                if real != wd:
                    assert "mismatch" in r["note"], (r, w)
    with open(os.path.join(HERE, "timex.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            assert TEXT[r["doc"]][r["start"]:r["end"]] == r["text"]
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    ids = [e["event_id"] for e in E]
    assert len(ids) == len(set(ids))
    for e in E:
        for k in ("earliest_start", "latest_start", "earliest_end", "latest_end"):
            if e[k]:
                dt.datetime.fromisoformat(e[k])
        if e["earliest_start"] and e["latest_start"]:
            assert e["earliest_start"] <= e["latest_start"] or "+03:00" in e["latest_start"], e
        for sp in e["evidence"].split(";"):
            d, se = sp.split(":")
            s, t = map(int, se.split("-"))
            assert 0 <= s < t <= len(TEXT[d])
    write_csv("events.csv", ["event_id", "label_en", "label_ar", "type", "start", "end", "granularity",
                             "evidence", "note", "earliest_start", "latest_start", "earliest_end", "latest_end"], E)
    rrows = []
    for src, r, tgt, off, mod, doc, ctx, expect, note in R:
        assert src in ids and tgt in ids, (src, tgt)
        assert r in ("BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED", "SIMULTANEOUS", "BEGINS", "ENDS")
        assert off == "" or TIMEX_RE.match(off), off
        for s, e, t in locate(doc, ctx, expect):
            rrows.append(dict(source_event=src, relation=r, target_event=tgt, offset=off, doc=doc,
                              evidence_text=t, offset_mod=mod, start=s, end=e, note=note))
    write_csv("relations.csv", ["source_event", "relation", "target_event", "offset", "doc", "evidence_text",
                                "offset_mod", "start", "end", "note"], rrows)
    write_csv("conflicts.csv", ["conflict_id", "kind", "docs", "evidence", "resolution", "severity"], K)
    for name in ("docs.csv", "events.csv", "relations.csv", "conflicts.csv"):
        with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                for cell in row:
                    assert not cell[:1] in ("=", "+", "-", "@"), (name, cell)
    by = {}
    for r in rows:
        by[r["doc"]] = by.get(r["doc"], 0) + 1
    print(f"docs {len(DOCS)}  timex {len(rows)}  events {len(E)}  relations {len(rrows)}  conflicts {len(K)}")
    print("timex per doc:", by)


if __name__ == "__main__":
    main()
